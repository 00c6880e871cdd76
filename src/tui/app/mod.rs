//! The application state and `update`: keys become actions, actions change state, and
//! anything that touches the disk is handed back to the loop as an [`Effect`].

mod gap;
mod history;
mod import;
mod present;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use std::path::PathBuf;

use crate::checklist::Checklist;
use crate::checklist::answer::{self, Parsed};
use crate::checklist::benchmarks::Benchmarks;
use crate::checklist::profile::GoToMarket;
use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;
use crate::import::SourceRules;
use crate::report::listing::QuarterListing;

pub use gap::GapForm;
pub use history::{Dialog, History, QuarterOp, TargetKind};
pub use import::{Choice, ImportFlow, ImportPhase};
pub use present::Presentation;

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Pick or start a quarter.
    Home,
    /// One question at a time.
    Wizard,
    /// Every item with its rating.
    Scorecard,
    /// Loading numbers from CRM exports.
    Import,
    /// Every item across the saved quarters.
    Trends,
    /// Two quarters side by side.
    Compare,
    /// A slide per item for a meeting.
    Present,
    /// What the miss means in pipeline, opportunities and leads.
    Gap,
}

/// Something the user asked for, independent of the key that asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the selection or the question back.
    Previous,
    /// Move the selection or the question on.
    Next,
    /// Enter: submit the answer or open the selected row.
    Submit,
    /// Esc: back to the home screen (on home: quit).
    Back,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Show the scorecard of the open quarter.
    OpenScorecard,
    /// Leave mcc (everything submitted is already saved).
    Quit,
    /// Open the CSV import for the open (or selected) quarter.
    OpenImport,
    /// Tab in the file prompt: complete the path.
    Complete,
    /// On the import review: save the values, replacing typed answers too.
    AcceptReplacingTyped,
    /// On the import review: change which lead sources count as marketing.
    EditSources,
    /// Change the answers of the selected quarter (home) or item (scorecard).
    EditAnswers,
    /// Show every item across the saved quarters.
    OpenTrends,
    /// Show two quarters side by side.
    OpenCompare,
    /// Delete the selected quarter (after a confirmation).
    DeleteQuarter,
    /// Rename the selected quarter (after asking the new name).
    RenameQuarter,
    /// Start a new quarter from the selected one's answers.
    DuplicateQuarter,
    /// Write the quarter's brief for the meeting.
    Export,
    /// Write or change the note on the selected item.
    EditNote,
    /// Step the selected item's agreement mark: agreed, disputed, not discussed.
    CycleAgreement,
    /// Choose the quarter's go-to-market profile.
    PickProfile,
    /// On the compare screen: switch between the first and second quarter.
    SwitchSide,
    /// On the compare screen: an earlier quarter for the focused side.
    Earlier,
    /// On the compare screen: a later quarter for the focused side.
    Later,
    /// Show the open quarter as slides.
    Present,
    /// A click on a row of the screen's list (its index).
    Select(usize),
    /// Show the revenue gap of the open quarter.
    OpenGap,
    /// A key for the focused text box.
    Edit(KeyEvent),
}

/// How a quarter being loaded should open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// In the questions, at the first unanswered item.
    Edit,
    /// On its scorecard, read-only until the user chooses to change an answer.
    Review,
    /// In the CSV import.
    Import,
}

/// What the loop must do after an update; `update` itself never touches the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing.
    None,
    /// Load (or start) this quarter, then call [`App::open_session`].
    OpenQuarter(Quarter, OpenMode),
    /// Save the open session, then call [`App::saved`].
    Save,
    /// Complete the typed path, then call [`App::completed`].
    CompletePath,
    /// Run the import described by [`App::import`] off the UI thread, reporting through
    /// [`App::import_progress`] and [`App::import_finished`].
    StartImport,
    /// Ask the running import to stop.
    CancelImport,
    /// Remember the import's marketing sources in `config.toml`, then start it again.
    RememberSourcesAndImport,
    /// Load every saved session, then call [`App::history_loaded`] to show this screen.
    LoadHistory(Screen),
    /// Delete, rename or duplicate a saved quarter, then call [`App::managed`].
    Manage(QuarterOp),
    /// Write this quarter's brief, then call [`App::exported`].
    Export(Quarter),
    /// Switch to the demo company in a temporary folder (the user's quarters are untouched).
    StartDemo,
    /// Restore the terminal and exit.
    Quit,
}

/// A row on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeRow {
    /// Carry on with the most recently changed quarter.
    Continue(Quarter),
    /// Start (or resume) the quarter typed in the box.
    Start,
    /// Open a saved quarter (index into the saved list).
    Saved(usize),
    /// Try mcc on a made-up company, in a temporary folder.
    Demo,
    /// Leave mcc.
    Quit,
}

/// A short message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Something worked.
    Info(String),
    /// Something failed; says what and what to do.
    Error(String),
}

/// The quarter being worked on and the per-item drafts.
#[derive(Debug, Clone)]
pub struct OpenQuarter {
    /// The answers so far, as saved.
    pub session: Session,
    /// Index of the item on screen.
    pub index: usize,
    /// Text typed for each item, kept while moving between items.
    pub drafts: Vec<Input>,
    /// Why the last submitted answer was refused, shown under the box.
    pub error: Option<String>,
    /// Scorecard selection.
    pub selected: usize,
    /// Opened for review: answers change only after the user asks to edit.
    pub read_only: bool,
    /// Why this quarter can't be changed here (another mcc has it open), if so.
    pub held_elsewhere: Option<String>,
    /// The checklist with this quarter's bands: its go-to-market profile and the
    /// organisation's benchmarks applied.
    pub checklist: Checklist,
}

/// The whole state of the terminal UI.
#[derive(Debug)]
pub struct App {
    /// The checklist being asked, with its built-in bands.
    pub checklist: Checklist,
    /// The organisation's benchmarks (`benchmarks.toml`), applied to every quarter.
    pub benchmarks: Benchmarks,
    /// Working on the made-up demo company: a banner says so on every screen.
    pub demo: bool,
    /// Sample exports to suggest on the import screen.
    pub sample_files: Vec<PathBuf>,
    /// Which lead sources the import counts as marketing (remembered in `config.toml`).
    pub source_rules: SourceRules,
    /// The screen on show.
    pub screen: Screen,
    /// Whether the help overlay is open.
    pub help_open: bool,
    /// Saved quarters for the home screen, newest first.
    pub saved: Vec<QuarterListing>,
    /// Selected home row.
    pub home_selected: usize,
    /// The quarter typed on the home screen.
    pub quarter_input: Input,
    /// The quarter being worked on, once one is open.
    pub open: Option<OpenQuarter>,
    /// The latest message for the user.
    pub notice: Option<Notice>,
    /// The CSV import, while one is open.
    pub import: Option<ImportFlow>,
    /// Every saved session, while trends or compare are on screen.
    pub history: Option<History>,
    /// A question asked over the screen: a confirmation, a new quarter name, a note.
    pub dialog: Option<Dialog>,
    /// The slide on show, while presenting.
    pub presentation: Option<Presentation>,
    /// The revenue-gap inputs, while that screen is open.
    pub gap: Option<GapForm>,
    /// How the quarter being loaded should open.
    pending_mode: OpenMode,
    clock: fn() -> DateTime<Utc>,
}

impl App {
    /// A new app on the home screen; `today` sets the default quarter, `clock` stamps answers.
    pub fn new(
        checklist: Checklist,
        saved: Vec<QuarterListing>,
        today: NaiveDate,
        clock: fn() -> DateTime<Utc>,
    ) -> Self {
        let mut app = Self {
            checklist,
            benchmarks: Benchmarks::default(),
            demo: false,
            sample_files: Vec::new(),
            source_rules: SourceRules::default(),
            screen: Screen::Home,
            help_open: false,
            saved,
            home_selected: 0,
            quarter_input: Input::new(Quarter::last_finished(today).to_string()),
            open: None,
            notice: None,
            import: None,
            history: None,
            dialog: None,
            presentation: None,
            gap: None,
            pending_mode: OpenMode::Edit,
            clock,
        };
        app.home_selected = app
            .home_rows()
            .iter()
            .position(|row| *row == HomeRow::Start)
            .unwrap_or(0);
        if let Some(HomeRow::Continue(_)) = app.home_rows().first() {
            app.home_selected = 0;
        }
        app
    }

    /// The rows of the home screen, top to bottom.
    pub fn home_rows(&self) -> Vec<HomeRow> {
        let latest = self
            .saved
            .iter()
            .filter_map(|s| s.summary.as_ref().ok().map(|p| (p.last_changed, s.quarter)))
            .max()
            .map(|(_, quarter)| HomeRow::Continue(quarter));
        latest
            .into_iter()
            .chain([HomeRow::Start])
            .chain((0..self.saved.len()).map(HomeRow::Saved))
            .chain((!self.demo).then_some(HomeRow::Demo))
            .chain([HomeRow::Quit])
            .collect()
    }

    /// The newest quarter saved on disk, if any.
    pub fn newest_saved(&self) -> Option<Quarter> {
        self.saved.iter().map(|s| s.quarter).max()
    }

    /// Whether a text box has the keyboard (so letters are text, not shortcuts).
    pub fn typing(&self) -> bool {
        if let Some(dialog) = &self.dialog {
            return dialog.takes_text();
        }
        match self.screen {
            Screen::Home => self.home_rows().get(self.home_selected) == Some(&HomeRow::Start),
            Screen::Wizard | Screen::Gap => true,
            Screen::Scorecard | Screen::Trends | Screen::Compare | Screen::Present => false,
            Screen::Import => matches!(
                self.import.as_ref().map(|i| &i.phase),
                Some(ImportPhase::Choosing { .. } | ImportPhase::EditingSources { .. })
            ),
        }
    }

    /// The selected row of the screen's list, for screens that have one.
    pub fn selected_row(&self) -> Option<usize> {
        match self.screen {
            Screen::Home => Some(self.home_selected),
            Screen::Scorecard => self.open.as_ref().map(|open| open.selected),
            Screen::Trends | Screen::Compare => self.history.as_ref().map(|h| h.selected),
            Screen::Import => match self.import_phase() {
                Some(ImportPhase::Picking { selected, .. }) => Some(*selected),
                _ => None,
            },
            Screen::Wizard | Screen::Present | Screen::Gap => None,
        }
    }

    /// Moves the selection of the screen's list to `row` (a mouse click).
    fn select(&mut self, row: usize) {
        match self.screen {
            Screen::Home => self.home_selected = row.min(self.home_rows().len() - 1),
            Screen::Scorecard => {
                if let Some(open) = self.open.as_mut() {
                    open.selected = row.min(self.checklist.items.len() - 1);
                }
            }
            Screen::Trends | Screen::Compare => {
                if let Some(history) = self.history.as_mut() {
                    history.selected = row.min(self.checklist.items.len() - 1);
                }
            }
            Screen::Import => {
                if let Some(ImportPhase::Picking {
                    selected, options, ..
                }) = self.import.as_mut().map(|flow| &mut flow.phase)
                {
                    *selected = row.min(options.len().saturating_sub(1));
                }
            }
            Screen::Wizard | Screen::Present | Screen::Gap => {}
        }
    }

    /// The phase of the open import, if any.
    pub fn import_phase(&self) -> Option<&ImportPhase> {
        self.import.as_ref().map(|flow| &flow.phase)
    }

    /// Applies one action. Changes state only; returns what the loop must do.
    pub fn update(&mut self, action: Action) -> Effect {
        if self.help_open {
            if matches!(action, Action::ToggleHelp | Action::Back) {
                self.help_open = false;
            }
            return if action == Action::Quit {
                Effect::Quit
            } else {
                Effect::None
            };
        }
        match action {
            Action::Quit => Effect::Quit,
            Action::ToggleHelp => {
                self.help_open = true;
                Effect::None
            }
            _ if self.dialog.is_some() => self.update_dialog(action),
            Action::Select(row) => {
                self.select(row);
                Effect::None
            }
            _ => match self.screen {
                Screen::Home => self.update_home(action),
                Screen::Wizard => self.update_wizard(action),
                Screen::Scorecard => self.update_scorecard(action),
                Screen::Import => self.update_import(action),
                Screen::Trends | Screen::Compare => self.update_history(action),
                Screen::Present => self.update_presentation(action),
                Screen::Gap => self.update_gap(action),
            },
        }
    }

    fn update_home(&mut self, action: Action) -> Effect {
        let rows = self.home_rows();
        let row = rows[self.home_selected.min(rows.len() - 1)];
        match action {
            Action::Previous => {
                self.home_selected = self.home_selected.checked_sub(1).unwrap_or(rows.len() - 1)
            }
            Action::Next => self.home_selected = (self.home_selected + 1) % rows.len(),
            Action::Back => return Effect::Quit,
            Action::Edit(key) => {
                self.quarter_input.handle_event(&Event::Key(key));
                self.notice = None;
            }
            Action::Submit => return self.activate(row, OpenMode::Review),
            Action::EditAnswers => return self.activate(row, OpenMode::Edit),
            Action::OpenImport => {
                let row = if row == HomeRow::Quit {
                    HomeRow::Start
                } else {
                    row
                };
                return self.activate(row, OpenMode::Import);
            }
            Action::OpenTrends => return self.load_history(Screen::Trends),
            Action::OpenCompare => return self.load_history(Screen::Compare),
            Action::DeleteQuarter
            | Action::RenameQuarter
            | Action::DuplicateQuarter
            | Action::Export => match self.selected_saved_quarter() {
                Some(quarter) => return self.manage(action, quarter),
                None => {
                    self.notice = Some(Notice::Error(
                        "Pick a saved quarter first (↑↓), then press the key again.".to_string(),
                    ))
                }
            },
            _ => {}
        }
        Effect::None
    }

    /// The readable saved quarter under the home selection.
    fn selected_saved_quarter(&self) -> Option<Quarter> {
        let rows = self.home_rows();
        let quarter = match rows.get(self.home_selected)? {
            HomeRow::Continue(quarter) => *quarter,
            HomeRow::Saved(index) => self.saved[*index].quarter,
            HomeRow::Start | HomeRow::Demo | HomeRow::Quit => return None,
        };
        Some(quarter)
    }

    /// Opens a home row: saved quarters open for review with Enter, the rest for editing.
    fn activate(&mut self, row: HomeRow, mode: OpenMode) -> Effect {
        let (quarter, mode) = match row {
            HomeRow::Continue(quarter) => (
                quarter,
                if mode == OpenMode::Review {
                    OpenMode::Edit
                } else {
                    mode
                },
            ),
            HomeRow::Start => match self.quarter_input.value().parse::<Quarter>() {
                Ok(quarter) => (
                    quarter,
                    if mode == OpenMode::Review {
                        OpenMode::Edit
                    } else {
                        mode
                    },
                ),
                Err(error) => {
                    self.notice = Some(Notice::Error(error.to_string()));
                    return Effect::None;
                }
            },
            HomeRow::Saved(index) => match &self.saved[index].summary {
                Ok(_) => (self.saved[index].quarter, mode),
                Err(reason) => {
                    self.dialog = Some(Dialog::ConfirmRestore(
                        self.saved[index].quarter,
                        reason.clone(),
                    ));
                    return Effect::None;
                }
            },
            HomeRow::Demo => return Effect::StartDemo,
            HomeRow::Quit => return Effect::Quit,
        };
        self.pending_mode = mode;
        Effect::OpenQuarter(quarter, mode)
    }

    /// Shows a loaded (or new) session the way [`Effect::OpenQuarter`] asked for.
    pub fn open_session(&mut self, session: Session) {
        let mode = std::mem::replace(&mut self.pending_mode, OpenMode::Edit);
        self.open_session_as(session, mode);
    }

    /// Shows a loaded (or new) session: in the questions, on its scorecard for review, or in
    /// the import.
    pub fn open_session_as(&mut self, session: Session, mode: OpenMode) {
        let drafts = self
            .checklist
            .items
            .iter()
            .map(|item| {
                Input::new(
                    session
                        .answer(&item.id)
                        .map(|a| a.text.clone())
                        .unwrap_or_default(),
                )
            })
            .collect();
        let checklist = self.checklist.for_session(&session, &self.benchmarks);
        let index = session.first_unanswered(&self.checklist);
        let answered = session.answered_count(&self.checklist);
        let quarter = session.quarter;
        self.notice = Some(Notice::Info(match (mode, index) {
            (OpenMode::Review, _) => format!(
                "{quarter} as saved: {answered} of {} answered. Enter or e changes an answer.",
                self.checklist.items.len()
            ),
            (_, None) => {
                format!("{quarter}: all {answered} items answered. Here is the scorecard.")
            }
            (_, Some(_)) if answered == 0 => {
                format!("Started {quarter}. Answers are saved as you go.")
            }
            (_, Some(i)) => format!(
                "Resumed {quarter} at item {} of {}.",
                i + 1,
                self.checklist.items.len()
            ),
        }));
        self.screen = match (mode, index) {
            (OpenMode::Review, _) | (_, None) => Screen::Scorecard,
            _ => Screen::Wizard,
        };
        self.open = Some(OpenQuarter {
            session,
            index: index.unwrap_or(0),
            drafts,
            error: None,
            selected: 0,
            read_only: mode == OpenMode::Review,
            held_elsewhere: None,
            checklist,
        });
        if mode == OpenMode::Import {
            self.start_import_flow();
        }
    }

    /// The open quarter is being changed in another mcc: show it read-only and say why.
    pub fn opened_elsewhere(&mut self, why: String) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.read_only = true;
        self.import = None;
        self.screen = Screen::Scorecard;
        self.notice = Some(Notice::Error(format!(
            "{why}. It is shown read-only here; close the other mcc, then open the quarter again to change it."
        )));
        open.held_elsewhere = Some(why);
    }

    /// Reports a quarter that could not be opened, staying on the home screen.
    pub fn open_failed(&mut self, message: String) {
        self.screen = Screen::Home;
        self.pending_mode = OpenMode::Edit;
        self.notice = Some(Notice::Error(message));
    }

    /// Records the outcome of a save and refreshes the saved list.
    pub fn saved(&mut self, result: Result<(), String>, saved: Vec<QuarterListing>) {
        self.saved = saved;
        if let Err(message) = result {
            self.notice = Some(Notice::Error(format!(
                "Not saved: {message}. Your answers are kept on screen until mcc closes."
            )));
        }
    }

    fn update_wizard(&mut self, action: Action) -> Effect {
        let count = self.checklist.items.len();
        let Some(open) = self.open.as_mut() else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        match action {
            Action::Previous => {
                open.index = open.index.checked_sub(1).unwrap_or(count - 1);
                open.error = None;
            }
            Action::Next => {
                open.index = (open.index + 1) % count;
                open.error = None;
            }
            Action::Back => self.screen = Screen::Home,
            Action::OpenScorecard => {
                open.selected = open.index;
                self.screen = Screen::Scorecard;
            }
            Action::Edit(key) => {
                open.drafts[open.index].handle_event(&Event::Key(key));
                open.error = None;
            }
            Action::Submit => return self.submit(),
            Action::OpenImport => self.start_import_flow(),
            _ => {}
        }
        Effect::None
    }

    fn submit(&mut self) -> Effect {
        let now = (self.clock)();
        let count = self.checklist.items.len();
        let Some(open) = self.open.as_mut() else {
            return Effect::None;
        };
        let item = &self.checklist.items[open.index];
        let text = open.drafts[open.index].value().to_string();
        match answer::parse(item.unit, &text) {
            Ok(parsed) => {
                open.session.record_typed(&item.id, parsed, &text, now);
                open.error = None;
                let said = match parsed {
                    Parsed::Unknown => "marked unknown".to_string(),
                    Parsed::Value(v) => format!("saved as {}", answer::format_value(item.unit, v)),
                };
                self.notice = Some(Notice::Info(format!("{}: {said}.", item.name)));
                if open.index + 1 < count {
                    open.index += 1;
                } else {
                    open.selected = 0;
                    self.screen = Screen::Scorecard;
                }
                Effect::Save
            }
            Err(error) => {
                open.error = Some(error.to_string());
                Effect::None
            }
        }
    }

    fn update_scorecard(&mut self, action: Action) -> Effect {
        let count = self.checklist.items.len();
        let now = (self.clock)();
        let Some(open) = self.open.as_mut() else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        let item = &self.checklist.items[open.selected];
        let changes = matches!(
            action,
            Action::Submit
                | Action::EditAnswers
                | Action::EditNote
                | Action::CycleAgreement
                | Action::PickProfile
                | Action::OpenImport
                | Action::OpenGap
        );
        if let (true, Some(why)) = (changes, &open.held_elsewhere) {
            self.notice = Some(Notice::Error(format!(
                "{why}; close the other mcc, then open the quarter again here to change it."
            )));
            return Effect::None;
        }
        match action {
            Action::Previous => open.selected = open.selected.saturating_sub(1),
            Action::Next => open.selected = (open.selected + 1).min(count - 1),
            Action::Submit | Action::EditAnswers => {
                open.index = open.selected;
                open.read_only = false;
                self.screen = Screen::Wizard;
            }
            Action::EditNote => {
                let note = open.session.notes(&item.id).note.clone();
                self.dialog = Some(Dialog::Note {
                    item: open.selected,
                    input: Input::new(note),
                    error: None,
                });
            }
            Action::CycleAgreement => {
                let next = open.session.notes(&item.id).agreement.next();
                open.session.set_agreement(&item.id, next, now);
                self.notice = Some(Notice::Info(format!("{}: {}.", item.name, next.word())));
                return Effect::Save;
            }
            Action::Export => return Effect::Export(open.session.quarter),
            Action::PickProfile => {
                let selected = open
                    .session
                    .go_to_market
                    .and_then(|p| GoToMarket::ALL.iter().position(|g| *g == p))
                    .map_or(0, |i| i + 1);
                self.dialog = Some(Dialog::Profile { selected });
            }
            Action::Present => self.start_presentation(),
            Action::OpenGap => self.start_gap(),
            Action::OpenTrends => return self.load_history(Screen::Trends),
            Action::OpenCompare => return self.load_history(Screen::Compare),
            Action::Back => self.screen = Screen::Home,
            Action::OpenImport => self.start_import_flow(),
            _ => {}
        }
        Effect::None
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use chrono::TimeZone;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    pub(super) fn noon() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap()
    }

    pub(super) fn app_with(saved: Vec<QuarterListing>) -> App {
        App::new(
            Checklist::built_in(),
            saved,
            NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            noon,
        )
    }

    pub(super) fn wizard() -> App {
        let mut app = app_with(Vec::new());
        app.open_session(Session::new("2026-Q3".parse().unwrap(), noon()));
        app
    }

    pub(super) fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Edit(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    pub(super) fn open(app: &App) -> &OpenQuarter {
        app.open.as_ref().unwrap()
    }

    pub(super) fn saved_quarter(text: &str, answered: usize, day: u32) -> QuarterListing {
        let quarter: Quarter = text.parse().unwrap();
        QuarterListing {
            quarter,
            summary: Ok(crate::report::listing::QuarterSummary {
                quarter,
                answered,
                total: 12,
                good: 0,
                watch: 0,
                poor: 0,
                unknown: 0,
                last_changed: Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap(),
            }),
        }
    }

    #[test]
    fn home_defaults_to_the_last_finished_quarter_and_starts_it() {
        let mut app = app_with(Vec::new());
        assert_eq!(app.quarter_input.value(), "2026-Q3");
        assert_eq!(
            app.home_rows(),
            [HomeRow::Start, HomeRow::Demo, HomeRow::Quit]
        );
        assert!(app.typing());
        assert_eq!(
            app.update(Action::Submit),
            Effect::OpenQuarter("2026-Q3".parse().unwrap(), OpenMode::Edit)
        );
    }

    #[test]
    fn home_refuses_a_quarter_that_is_not_yyyy_qn() {
        let mut app = app_with(Vec::new());
        app.update(Action::Edit(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
        type_text(&mut app, "7");
        assert_eq!(app.update(Action::Submit), Effect::None);
        assert!(
            matches!(&app.notice, Some(Notice::Error(m)) if m.contains("\"2026-Q7\" is not a quarter"))
        );
    }

    #[test]
    fn continue_picks_the_most_recently_changed_quarter() {
        let mut app = app_with(vec![
            saved_quarter("2026-Q3", 4, 2),
            saved_quarter("2026-Q2", 12, 20),
        ]);
        let q2 = "2026-Q2".parse().unwrap();
        assert_eq!(app.home_rows()[0], HomeRow::Continue(q2));
        assert_eq!(app.home_selected, 0);
        assert_eq!(
            app.update(Action::Submit),
            Effect::OpenQuarter(q2, OpenMode::Edit)
        );
        app.update(Action::Previous);
        assert_eq!(
            app.home_rows()[app.home_selected],
            HomeRow::Quit,
            "moving up from the top wraps to Quit"
        );
        assert_eq!(app.update(Action::Submit), Effect::Quit);
    }

    #[test]
    fn a_damaged_quarter_offers_its_backup_instead_of_opening() {
        let damaged = QuarterListing {
            quarter: "2026-Q1".parse().unwrap(),
            summary: Err("not a session file".into()),
        };
        let mut app = app_with(vec![damaged]);
        app.home_selected = app
            .home_rows()
            .iter()
            .position(|r| *r == HomeRow::Saved(0))
            .unwrap();
        assert_eq!(app.update(Action::Submit), Effect::None);
        let q1 = "2026-Q1".parse().unwrap();
        assert!(
            matches!(&app.dialog, Some(Dialog::ConfirmRestore(q, reason)) if *q == q1 && reason == "not a session file")
        );
        assert_eq!(
            app.update(Action::Submit),
            Effect::Manage(QuarterOp::RestoreBackup(q1))
        );
        assert!(app.dialog.is_none());
    }

    #[test]
    fn submitting_an_answer_records_it_saves_and_moves_on() {
        let mut app = wizard();
        type_text(&mut app, "1h 30m");
        assert_eq!(app.update(Action::Submit), Effect::Save);
        let answer = open(&app).session.answer("lead_response_time").unwrap();
        assert_eq!(
            (answer.value, answer.text.as_str(), answer.answered_at),
            (Some(90.0), "1h 30m", noon())
        );
        assert_eq!(open(&app).index, 1);
        assert!(
            matches!(&app.notice, Some(Notice::Info(m)) if m == "Lead response time: saved as 1 h 30 min.")
        );
    }

    #[test]
    fn question_mark_marks_an_item_unknown() {
        let mut app = wizard();
        type_text(&mut app, "?");
        assert_eq!(app.update(Action::Submit), Effect::Save);
        assert_eq!(
            open(&app)
                .session
                .answer("lead_response_time")
                .unwrap()
                .value,
            None
        );
    }

    #[test]
    fn an_answer_that_does_not_parse_keeps_the_text_and_saves_nothing() {
        let mut app = wizard();
        type_text(&mut app, "soon");
        assert_eq!(app.update(Action::Submit), Effect::None);
        let open = open(&app);
        assert_eq!(open.index, 0);
        assert_eq!(open.drafts[0].value(), "soon");
        assert!(open.session.answers.is_empty());
        assert!(
            open.error
                .as_deref()
                .unwrap()
                .contains("Type a time like 5m"),
            "{:?}",
            open.error
        );
    }

    #[test]
    fn moving_between_items_keeps_drafts() {
        let mut app = wizard();
        type_text(&mut app, "12");
        app.update(Action::Next);
        type_text(&mut app, "40");
        app.update(Action::Previous);
        assert_eq!(open(&app).index, 0);
        assert_eq!(open(&app).drafts[0].value(), "12");
        assert_eq!(open(&app).drafts[1].value(), "40");
        app.update(Action::Previous);
        assert_eq!(
            open(&app).index,
            app.checklist.items.len() - 1,
            "up from the first item wraps to the last"
        );
    }

    #[test]
    fn the_last_answer_shows_the_scorecard() {
        let mut app = wizard();
        let last = app.checklist.items.len() - 1;
        app.open.as_mut().unwrap().index = last;
        type_text(&mut app, "yes");
        assert_eq!(app.update(Action::Submit), Effect::Save);
        assert_eq!(app.screen, Screen::Scorecard);
        app.update(Action::Next);
        app.update(Action::Submit);
        assert_eq!(
            (app.screen, open(&app).index),
            (Screen::Wizard, 1),
            "Enter on a scorecard row edits that item"
        );
    }

    #[test]
    fn reopening_resumes_at_the_first_unanswered_item() {
        let mut session = Session::new("2026-Q3".parse().unwrap(), noon());
        session.record_typed("lead_response_time", Parsed::Value(7.0), "7m", noon());
        session.record_typed("leads_contacted_within_5_min", Parsed::Unknown, "?", noon());
        let mut app = app_with(Vec::new());
        app.open_session(session);
        assert_eq!((app.screen, open(&app).index), (Screen::Wizard, 2));
        assert_eq!(open(&app).drafts[0].value(), "7m");
        assert!(
            matches!(&app.notice, Some(Notice::Info(m)) if m == "Resumed 2026-Q3 at item 3 of 12.")
        );
    }

    #[test]
    fn help_opens_and_closes_without_changing_the_screen() {
        let mut app = wizard();
        app.update(Action::ToggleHelp);
        assert!(app.help_open);
        assert_eq!(
            app.update(Action::Submit),
            Effect::None,
            "keys under the overlay do nothing"
        );
        app.update(Action::Back);
        assert!(!app.help_open);
        assert_eq!(app.screen, Screen::Wizard);
        assert_eq!(app.update(Action::Back), Effect::None);
        assert_eq!(app.screen, Screen::Home);
    }

    #[test]
    fn a_failed_save_says_the_answers_are_only_in_memory() {
        let mut app = wizard();
        app.saved(
            Err("could not save /x/2026-Q3.json: disk full".into()),
            Vec::new(),
        );
        assert!(
            matches!(&app.notice, Some(Notice::Error(m)) if m.starts_with("Not saved: could not save") && m.contains("kept on screen"))
        );
    }

    #[test]
    fn the_demo_is_offered_on_home_except_inside_the_demo() {
        let mut app = app_with(Vec::new());
        app.home_selected = 1;
        assert_eq!(app.update(Action::Submit), Effect::StartDemo);
        app.demo = true;
        assert_eq!(app.home_rows(), [HomeRow::Start, HomeRow::Quit]);
    }
}
