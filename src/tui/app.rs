//! The application state and `update`: keys become actions, actions change state, and
//! anything that touches the disk is handed back to the loop as an [`Effect`].

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::complete::Completion;
use crate::checklist::Checklist;
use crate::checklist::answer::{self, Parsed};
use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;
use crate::import::apply::apply;
use crate::import::{ColumnMapping, DateOrder, Field, ImportError, ImportReport, Progress};

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
    /// A key for the focused text box.
    Edit(KeyEvent),
}

/// What the loop must do after an update; `update` itself never touches the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing.
    None,
    /// Load (or start) this quarter, then call [`App::open_session`].
    OpenQuarter(Quarter),
    /// Save the open session, then call [`App::saved`].
    Save,
    /// Complete the typed path, then call [`App::completed`].
    CompletePath,
    /// Run the import described by [`App::import`] off the UI thread, reporting through
    /// [`App::import_progress`] and [`App::import_finished`].
    StartImport,
    /// Ask the running import to stop.
    CancelImport,
    /// Restore the terminal and exit.
    Quit,
}

/// A saved quarter as the home screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedQuarter {
    /// The quarter.
    pub quarter: Quarter,
    /// Its session, or why the file could not be read.
    pub state: Result<QuarterProgress, String>,
}

/// How far a saved quarter has got.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuarterProgress {
    /// Items answered, unknown included.
    pub answered: usize,
    /// When an answer last changed.
    pub updated_at: DateTime<Utc>,
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
}

/// The CSV import in progress: which files, for which quarter, and how far it has got.
#[derive(Debug)]
pub struct ImportFlow {
    /// The quarter the values are for.
    pub quarter: Quarter,
    /// Files chosen so far.
    pub files: Vec<PathBuf>,
    /// The path being typed.
    pub path: Input,
    /// Names that match the typed path after Tab.
    pub candidates: Vec<String>,
    /// Columns the user pointed at by hand.
    pub mappings: Vec<ColumnMapping>,
    /// Day/month order the user chose for ambiguous dates.
    pub date_order: Option<DateOrder>,
    /// Where the flow is.
    pub phase: ImportPhase,
    /// The screen to go back to.
    pub return_to: Screen,
}

/// The steps of an import.
#[derive(Debug)]
pub enum ImportPhase {
    /// Picking files; `error` says why the last attempt failed.
    Choosing {
        /// What went wrong last time, in plain words.
        error: Option<String>,
    },
    /// Reading the files.
    Running {
        /// Bytes and rows read so far.
        progress: Progress,
        /// Time since the import started.
        elapsed: Duration,
    },
    /// Showing what was found before anything is saved.
    Reviewing {
        /// The findings.
        report: Box<ImportReport>,
        /// Lines scrolled down.
        scroll: u16,
    },
    /// mcc needs the user to choose: a column for a field, or the day/month order of dates.
    Picking {
        /// What is being asked, in plain words.
        message: String,
        /// What the choice settles.
        choice: Choice,
        /// The options shown.
        options: Vec<String>,
        /// Selected option.
        selected: usize,
    },
}

/// What a pick on the import screen settles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Which header holds this field.
    Column(Field),
    /// Whether dates are day/month or month/day.
    DateOrder,
}

/// The day/month choices, in the order they are offered.
const DATE_ORDERS: [(DateOrder, &str); 2] = [
    (DateOrder::Dmy, "day/month/year, as in 31/12/2026"),
    (DateOrder::Mdy, "month/day/year, as in 12/31/2026"),
];

/// The whole state of the terminal UI.
#[derive(Debug)]
pub struct App {
    /// The checklist being asked.
    pub checklist: Checklist,
    /// The screen on show.
    pub screen: Screen,
    /// Whether the help overlay is open.
    pub help_open: bool,
    /// Saved quarters for the home screen, newest first.
    pub saved: Vec<SavedQuarter>,
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
    /// Open the import as soon as the quarter being loaded is open.
    import_after_open: bool,
    clock: fn() -> DateTime<Utc>,
}

impl App {
    /// A new app on the home screen; `today` sets the default quarter, `clock` stamps answers.
    pub fn new(
        checklist: Checklist,
        saved: Vec<SavedQuarter>,
        today: NaiveDate,
        clock: fn() -> DateTime<Utc>,
    ) -> Self {
        let mut app = Self {
            checklist,
            screen: Screen::Home,
            help_open: false,
            saved,
            home_selected: 0,
            quarter_input: Input::new(Quarter::last_finished(today).to_string()),
            open: None,
            notice: None,
            import: None,
            import_after_open: false,
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
            .filter_map(|s| s.state.as_ref().ok().map(|p| (p.updated_at, s.quarter)))
            .max()
            .map(|(_, quarter)| HomeRow::Continue(quarter));
        latest
            .into_iter()
            .chain([HomeRow::Start])
            .chain((0..self.saved.len()).map(HomeRow::Saved))
            .chain([HomeRow::Quit])
            .collect()
    }

    /// Whether a text box has the keyboard (so letters are text, not shortcuts).
    pub fn typing(&self) -> bool {
        match self.screen {
            Screen::Home => self.home_rows().get(self.home_selected) == Some(&HomeRow::Start),
            Screen::Wizard => true,
            Screen::Scorecard => false,
            Screen::Import => matches!(
                self.import.as_ref().map(|i| &i.phase),
                Some(ImportPhase::Choosing { .. })
            ),
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
            _ => match self.screen {
                Screen::Home => self.update_home(action),
                Screen::Wizard => self.update_wizard(action),
                Screen::Scorecard => self.update_scorecard(action),
                Screen::Import => self.update_import(action),
            },
        }
    }

    fn update_home(&mut self, action: Action) -> Effect {
        let rows = self.home_rows();
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
            Action::Submit => return self.activate(rows[self.home_selected.min(rows.len() - 1)]),
            Action::OpenImport => {
                let effect = match rows[self.home_selected.min(rows.len() - 1)] {
                    HomeRow::Quit => HomeRow::Start,
                    row => row,
                };
                let effect = self.activate(effect);
                self.import_after_open = matches!(effect, Effect::OpenQuarter(_));
                return effect;
            }
            _ => {}
        }
        Effect::None
    }

    fn activate(&mut self, row: HomeRow) -> Effect {
        match row {
            HomeRow::Continue(quarter) => Effect::OpenQuarter(quarter),
            HomeRow::Start => match self.quarter_input.value().parse::<Quarter>() {
                Ok(quarter) => Effect::OpenQuarter(quarter),
                Err(error) => {
                    self.notice = Some(Notice::Error(error.to_string()));
                    Effect::None
                }
            },
            HomeRow::Saved(index) => match &self.saved[index].state {
                Ok(_) => Effect::OpenQuarter(self.saved[index].quarter),
                Err(reason) => {
                    self.notice = Some(Notice::Error(format!(
                        "{} can't be opened: {reason}. Move that file aside to start the quarter afresh.",
                        self.saved[index].quarter
                    )));
                    Effect::None
                }
            },
            HomeRow::Quit => Effect::Quit,
        }
    }

    /// Shows a loaded (or new) session in the wizard, at its first unanswered item.
    pub fn open_session(&mut self, session: Session) {
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
        let index = session.first_unanswered(&self.checklist);
        let answered = session.answered_count(&self.checklist);
        self.notice = Some(Notice::Info(match index {
            None => format!(
                "{}: all {answered} items answered. Here is the scorecard.",
                session.quarter
            ),
            Some(_) if answered == 0 => {
                format!("Started {}. Answers are saved as you go.", session.quarter)
            }
            Some(i) => format!(
                "Resumed {} at item {} of {}.",
                session.quarter,
                i + 1,
                self.checklist.items.len()
            ),
        }));
        self.screen = if index.is_some() {
            Screen::Wizard
        } else {
            Screen::Scorecard
        };
        self.open = Some(OpenQuarter {
            session,
            index: index.unwrap_or(0),
            drafts,
            error: None,
            selected: 0,
        });
        if std::mem::take(&mut self.import_after_open) {
            self.start_import_flow();
        }
    }

    /// Opens the file prompt for the open quarter.
    fn start_import_flow(&mut self) {
        let Some(open) = &self.open else { return };
        self.import = Some(ImportFlow {
            quarter: open.session.quarter,
            files: Vec::new(),
            path: Input::default(),
            candidates: Vec::new(),
            mappings: Vec::new(),
            date_order: None,
            phase: ImportPhase::Choosing { error: None },
            return_to: self.screen,
        });
        self.screen = Screen::Import;
    }

    /// Reports a quarter that could not be opened, staying on the home screen.
    pub fn open_failed(&mut self, message: String) {
        self.screen = Screen::Home;
        self.import_after_open = false;
        self.notice = Some(Notice::Error(message));
    }

    /// Shows what Tab found for the typed path.
    pub fn completed(&mut self, completion: Completion) {
        if let Some(flow) = self.import.as_mut() {
            flow.path = Input::new(completion.text);
            flow.candidates = completion.candidates;
        }
    }

    /// Shows how far the running import has got.
    pub fn import_progress(&mut self, progress: Progress, elapsed: Duration) {
        if let Some(flow) = self.import.as_mut()
            && matches!(flow.phase, ImportPhase::Running { .. })
        {
            flow.phase = ImportPhase::Running { progress, elapsed };
        }
    }

    /// Takes the import's outcome: the review, a column to pick, or what went wrong.
    pub fn import_finished(&mut self, result: Result<ImportReport, ImportError>) {
        let Some(flow) = self.import.as_mut() else {
            return;
        };
        flow.phase = match result {
            Ok(report) => ImportPhase::Reviewing {
                report: Box::new(report),
                scroll: 0,
            },
            Err(ImportError::MissingColumn {
                path,
                field,
                headers,
                ..
            }) if !headers.is_empty() => ImportPhase::Picking {
                message: format!(
                    "mcc found no column in {path} for {} ({}). Which column holds it?",
                    field.describe(),
                    field.name()
                ),
                choice: Choice::Column(field),
                options: headers,
                selected: 0,
            },
            Err(ImportError::AmbiguousDateOrder {
                path,
                column,
                example,
            }) => ImportPhase::Picking {
                message: format!(
                    "In {path}, dates in \"{column}\" such as \"{example}\" could be day/month or month/day. Which is it?"
                ),
                choice: Choice::DateOrder,
                options: DATE_ORDERS
                    .iter()
                    .map(|(_, words)| words.to_string())
                    .collect(),
                selected: 0,
            },
            Err(ImportError::Cancelled { .. }) => {
                self.notice = Some(Notice::Info(
                    "Import cancelled; nothing was changed.".to_string(),
                ));
                ImportPhase::Choosing { error: None }
            }
            Err(error) => ImportPhase::Choosing {
                error: Some(error.to_string()),
            },
        };
    }

    fn update_import(&mut self, action: Action) -> Effect {
        let now = (self.clock)();
        let Some(flow) = self.import.as_mut() else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        match (&mut flow.phase, action) {
            (ImportPhase::Choosing { .. }, Action::Edit(key)) => {
                if key.code == KeyCode::Backspace && flow.path.value().is_empty() {
                    flow.files.pop();
                } else {
                    flow.path.handle_event(&Event::Key(key));
                }
                flow.candidates.clear();
            }
            (ImportPhase::Choosing { .. }, Action::Complete) => return Effect::CompletePath,
            (ImportPhase::Choosing { error }, Action::Submit) => {
                let typed = flow.path.value().trim().to_string();
                if !typed.is_empty() {
                    flow.files.push(PathBuf::from(typed));
                    flow.path = Input::default();
                    flow.candidates.clear();
                    *error = None;
                } else if flow.files.is_empty() {
                    *error =
                        Some("Type the path of a CSV export first (Tab completes it).".to_string());
                } else {
                    flow.phase = ImportPhase::Running {
                        progress: Progress::default(),
                        elapsed: Duration::ZERO,
                    };
                    return Effect::StartImport;
                }
            }
            (ImportPhase::Running { .. }, Action::Back) => return Effect::CancelImport,
            (ImportPhase::Reviewing { scroll, .. }, Action::Previous) => {
                *scroll = scroll.saturating_sub(1)
            }
            (ImportPhase::Reviewing { scroll, .. }, Action::Next) => {
                *scroll = scroll.saturating_add(1)
            }
            (
                ImportPhase::Reviewing { report, .. },
                Action::Submit | Action::AcceptReplacingTyped,
            ) => {
                let replace_typed = action == Action::AcceptReplacingTyped;
                let Some(open) = self.open.as_mut() else {
                    return Effect::None;
                };
                let applied = apply(
                    report,
                    &self.checklist,
                    &mut open.session,
                    replace_typed,
                    now,
                );
                self.notice = Some(Notice::Info(
                    applied.summary(&open.session.quarter.to_string(), ""),
                ));
                open.selected = 0;
                self.import = None;
                self.screen = Screen::Scorecard;
                return if applied.saved.is_empty() {
                    Effect::None
                } else {
                    Effect::Save
                };
            }
            (ImportPhase::Picking { selected, .. }, Action::Previous) => {
                *selected = selected.saturating_sub(1)
            }
            (
                ImportPhase::Picking {
                    selected, options, ..
                },
                Action::Next,
            ) => {
                *selected = (*selected + 1).min(options.len().saturating_sub(1));
            }
            (
                ImportPhase::Picking {
                    selected,
                    options,
                    choice,
                    ..
                },
                Action::Submit,
            ) => {
                match *choice {
                    Choice::Column(field) => flow.mappings.push(ColumnMapping {
                        header: options[*selected].clone(),
                        field,
                    }),
                    Choice::DateOrder => flow.date_order = Some(DATE_ORDERS[*selected].0),
                }
                flow.phase = ImportPhase::Running {
                    progress: Progress::default(),
                    elapsed: Duration::ZERO,
                };
                return Effect::StartImport;
            }
            (ImportPhase::Reviewing { .. } | ImportPhase::Picking { .. }, Action::Back) => {
                flow.phase = ImportPhase::Choosing { error: None };
                self.notice = Some(Notice::Info(
                    "Nothing was saved from that import.".to_string(),
                ));
            }
            (ImportPhase::Choosing { .. }, Action::Back) => {
                self.screen = flow.return_to;
                self.import = None;
            }
            _ => {}
        }
        Effect::None
    }

    /// Records the outcome of a save and refreshes the saved list.
    pub fn saved(&mut self, result: Result<(), String>, saved: Vec<SavedQuarter>) {
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
        let Some(open) = self.open.as_mut() else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        match action {
            Action::Previous => open.selected = open.selected.saturating_sub(1),
            Action::Next => open.selected = (open.selected + 1).min(count - 1),
            Action::Submit => {
                open.index = open.selected;
                self.screen = Screen::Wizard;
            }
            Action::Back => self.screen = Screen::Home,
            Action::OpenImport => self.start_import_flow(),
            _ => {}
        }
        Effect::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn noon() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap()
    }

    fn app_with(saved: Vec<SavedQuarter>) -> App {
        App::new(
            Checklist::built_in(),
            saved,
            NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            noon,
        )
    }

    fn wizard() -> App {
        let mut app = app_with(Vec::new());
        app.open_session(Session::new("2026-Q3".parse().unwrap(), noon()));
        app
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Edit(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    fn open(app: &App) -> &OpenQuarter {
        app.open.as_ref().unwrap()
    }

    fn saved_quarter(text: &str, answered: usize, day: u32) -> SavedQuarter {
        SavedQuarter {
            quarter: text.parse().unwrap(),
            state: Ok(QuarterProgress {
                answered,
                updated_at: Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap(),
            }),
        }
    }

    #[test]
    fn home_defaults_to_the_last_finished_quarter_and_starts_it() {
        let mut app = app_with(Vec::new());
        assert_eq!(app.quarter_input.value(), "2026-Q3");
        assert_eq!(app.home_rows(), [HomeRow::Start, HomeRow::Quit]);
        assert!(app.typing());
        assert_eq!(
            app.update(Action::Submit),
            Effect::OpenQuarter("2026-Q3".parse().unwrap())
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
        assert_eq!(app.update(Action::Submit), Effect::OpenQuarter(q2));
        app.update(Action::Previous);
        assert_eq!(
            app.home_rows()[app.home_selected],
            HomeRow::Quit,
            "moving up from the top wraps to Quit"
        );
        assert_eq!(app.update(Action::Submit), Effect::Quit);
    }

    #[test]
    fn a_damaged_quarter_explains_itself_instead_of_opening() {
        let damaged = SavedQuarter {
            quarter: "2026-Q1".parse().unwrap(),
            state: Err("not a session file".into()),
        };
        let mut app = app_with(vec![damaged]);
        app.home_selected = app
            .home_rows()
            .iter()
            .position(|r| *r == HomeRow::Saved(0))
            .unwrap();
        assert_eq!(app.update(Action::Submit), Effect::None);
        assert!(
            matches!(&app.notice, Some(Notice::Error(m)) if m.contains("2026-Q1 can't be opened: not a session file"))
        );
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

    /// A real import of a small metric summary, as the worker thread would produce it.
    fn summary_import(rows: &str) -> Result<ImportReport, ImportError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.csv");
        std::fs::write(&path, format!("metric,value\n{rows}")).unwrap();
        let options = crate::import::ImportOptions {
            quarter: Some("2026-Q3".parse().unwrap()),
            ..Default::default()
        };
        crate::import::import_files(
            &[path],
            &options,
            &|_| {},
            &std::sync::atomic::AtomicBool::new(false),
        )
    }

    fn importing() -> App {
        let mut app = wizard();
        type_text(&mut app, "7m");
        app.update(Action::Submit);
        app.update(Action::OpenImport);
        app
    }

    fn phase(app: &App) -> &ImportPhase {
        app.import_phase().unwrap()
    }

    #[test]
    fn import_prompt_collects_files_then_starts() {
        let mut app = importing();
        assert_eq!((app.screen, app.typing()), (Screen::Import, true));
        assert_eq!(app.update(Action::Submit), Effect::None);
        assert!(
            matches!(phase(&app), ImportPhase::Choosing { error: Some(e) } if e.contains("Type the path"))
        );
        type_text(&mut app, "leads.csv");
        assert_eq!(app.update(Action::Complete), Effect::CompletePath);
        app.update(Action::Submit);
        type_text(&mut app, "opps.csv");
        app.update(Action::Submit);
        let flow = app.import.as_ref().unwrap();
        assert_eq!(
            flow.files,
            [PathBuf::from("leads.csv"), PathBuf::from("opps.csv")]
        );
        assert_eq!(flow.path.value(), "");
        assert_eq!(app.update(Action::Submit), Effect::StartImport);
        assert!(matches!(phase(&app), ImportPhase::Running { .. }));
        let progress = Progress {
            bytes_read: 50,
            bytes_total: 100,
            rows: 10,
        };
        app.import_progress(progress, Duration::from_millis(20));
        assert!(matches!(phase(&app), ImportPhase::Running { progress: p, .. } if *p == progress));
        assert_eq!(app.update(Action::Back), Effect::CancelImport);
        app.import_finished(Err(ImportError::Cancelled {
            path: "leads.csv".into(),
        }));
        assert!(matches!(phase(&app), ImportPhase::Choosing { error: None }));
        assert!(
            matches!(&app.notice, Some(Notice::Info(m)) if m.contains("cancelled; nothing was changed"))
        );
    }

    #[test]
    fn accepting_an_import_saves_values_and_keeps_typed_answers() {
        let mut app = importing();
        app.import_finished(summary_import(
            "lead_response_time,1h\nlead_follow_up_rate,62%\n",
        ));
        assert!(matches!(phase(&app), ImportPhase::Reviewing { .. }));
        assert_eq!(app.update(Action::Submit), Effect::Save);
        assert_eq!(app.screen, Screen::Scorecard);
        let session = &open(&app).session;
        assert_eq!(
            session.answer("lead_follow_up_rate").unwrap().value,
            Some(62.0)
        );
        assert!(!session.is_typed("lead_follow_up_rate"));
        assert_eq!(
            session.answer("lead_response_time").unwrap().value,
            Some(7.0),
            "typed answer kept"
        );
        assert!(
            matches!(&app.notice, Some(Notice::Info(m)) if m == "Saved 1 answer to 2026-Q3. Kept your typed answers for Lead response time.")
        );
    }

    #[test]
    fn r_on_the_review_replaces_typed_answers_too() {
        let mut app = importing();
        app.import_finished(summary_import("lead_response_time,1h\n"));
        assert_eq!(app.update(Action::AcceptReplacingTyped), Effect::Save);
        assert_eq!(
            open(&app)
                .session
                .answer("lead_response_time")
                .unwrap()
                .value,
            Some(60.0)
        );
    }

    #[test]
    fn a_missing_column_is_picked_from_the_headers_and_the_import_runs_again() {
        let mut app = importing();
        app.import_finished(Err(ImportError::MissingColumn {
            path: "leads.csv".into(),
            kind: crate::import::FileKind::Leads,
            field: Field::FirstResponse,
            headers: vec!["Lead ID".into(), "First Call".into()],
        }));
        assert!(
            matches!(phase(&app), ImportPhase::Picking { message, .. } if message.contains("leads.csv") && message.contains("first_response"))
        );
        app.update(Action::Next);
        assert_eq!(app.update(Action::Submit), Effect::StartImport);
        let flow = app.import.as_ref().unwrap();
        assert_eq!(
            flow.mappings,
            [ColumnMapping {
                header: "First Call".into(),
                field: Field::FirstResponse
            }]
        );
    }

    #[test]
    fn ambiguous_dates_are_settled_by_asking() {
        let mut app = importing();
        app.import_finished(Err(ImportError::AmbiguousDateOrder {
            path: "leads.csv".into(),
            column: "Created".into(),
            example: "03/04/2026".into(),
        }));
        app.update(Action::Next);
        assert_eq!(app.update(Action::Submit), Effect::StartImport);
        assert_eq!(
            app.import.as_ref().unwrap().date_order,
            Some(DateOrder::Mdy)
        );
    }

    #[test]
    fn other_import_errors_are_shown_on_the_prompt_and_esc_leaves() {
        let mut app = importing();
        app.import_finished(Err(ImportError::Empty {
            path: "empty.csv".into(),
        }));
        assert!(
            matches!(phase(&app), ImportPhase::Choosing { error: Some(e) } if e.starts_with("empty.csv is empty"))
        );
        app.update(Action::Back);
        assert_eq!((app.screen, app.import.is_none()), (Screen::Wizard, true));
    }

    #[test]
    fn import_from_home_opens_the_selected_quarter_first() {
        let mut app = app_with(Vec::new());
        assert_eq!(
            app.update(Action::OpenImport),
            Effect::OpenQuarter("2026-Q3".parse().unwrap())
        );
        app.open_session(Session::new("2026-Q3".parse().unwrap(), noon()));
        assert_eq!(app.screen, Screen::Import);
        assert_eq!(app.import.as_ref().unwrap().return_to, Screen::Wizard);
    }
}
