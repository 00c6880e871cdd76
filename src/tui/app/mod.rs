//! The application state and `update`: keys become actions, actions change state, and
//! anything that touches the disk is handed back to the loop as an [`Effect`].

mod import;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::checklist::Checklist;
use crate::checklist::answer::{self, Parsed};
use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;

pub use import::{Choice, ImportFlow, ImportPhase};

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

    /// Reports a quarter that could not be opened, staying on the home screen.
    pub fn open_failed(&mut self, message: String) {
        self.screen = Screen::Home;
        self.import_after_open = false;
        self.notice = Some(Notice::Error(message));
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
pub(super) mod tests {
    use super::*;
    use chrono::TimeZone;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    pub(super) fn noon() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap()
    }

    pub(super) fn app_with(saved: Vec<SavedQuarter>) -> App {
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
}
