//! Past quarters: trends and compare over every saved session, the dialogs that delete,
//! rename or duplicate a quarter or write a note, and the meeting brief.

use std::path::PathBuf;

use ratatui::crossterm::event::Event;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{Action, App, Effect, Notice, Screen};
use crate::checklist::profile::GoToMarket;
use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;
use crate::report::listing::QuarterListing;

/// A change to a saved quarter's file, done by the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuarterOp {
    /// Move the quarter's file to the trash folder.
    Delete(Quarter),
    /// Give the quarter another name.
    Rename(Quarter, Quarter),
    /// Start the second quarter from the first one's answers.
    Duplicate(Quarter, Quarter),
    /// Put a damaged quarter's backup in its place, keeping the damaged file aside.
    RestoreBackup(Quarter),
}

/// Which change a quarter-name dialog makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// Rename the quarter.
    Rename,
    /// Start a new quarter from its answers.
    Duplicate,
}

/// A question asked over the screen.
#[derive(Debug)]
pub enum Dialog {
    /// "Delete 2026-Q1?" Enter confirms, Esc keeps it.
    ConfirmDelete(Quarter),
    /// "2026-Q1 can't be read: ... Restore its backup?" with the reason.
    ConfirmRestore(Quarter, String),
    /// Asks for the other quarter of a rename or a duplicate.
    Target {
        /// Rename or duplicate.
        kind: TargetKind,
        /// The quarter it starts from.
        from: Quarter,
        /// The other quarter, as typed.
        input: Input,
        /// Why the last try was refused.
        error: Option<String>,
    },
    /// Picks the open quarter's go-to-market profile (index 0 is "not set").
    Profile {
        /// The highlighted choice: 0 for none, then [`GoToMarket::ALL`] in order.
        selected: usize,
    },
    /// Writes the note on a checklist item of the open quarter.
    Note {
        /// Index of the item.
        item: usize,
        /// The note, as typed.
        input: Input,
        /// Why the last try was refused.
        error: Option<String>,
    },
}

impl Dialog {
    /// Whether the dialog has a text box (so letters are text).
    pub fn takes_text(&self) -> bool {
        matches!(self, Dialog::Target { .. } | Dialog::Note { .. })
    }
}

/// Every readable saved session, oldest first, for trends and compare.
#[derive(Debug)]
pub struct History {
    /// The sessions, oldest first.
    pub sessions: Vec<Session>,
    /// The selected checklist item.
    pub selected: usize,
    /// Index of the first compared quarter.
    pub first: usize,
    /// Index of the second compared quarter.
    pub second: usize,
    /// Whether ←/→ change the second quarter (else the first).
    pub second_focused: bool,
    /// Where Esc goes.
    pub return_to: Screen,
}

impl History {
    /// The two compared sessions.
    pub fn compared(&self) -> (&Session, &Session) {
        (&self.sessions[self.first], &self.sessions[self.second])
    }
}

impl App {
    /// Asks the loop for every saved session, to show `screen` (trends or compare).
    pub(super) fn load_history(&mut self, screen: Screen) -> Effect {
        let readable = self.saved.iter().filter(|s| s.summary.is_ok()).count();
        let needed = if screen == Screen::Compare { 2 } else { 1 };
        if readable < needed {
            self.notice = Some(Notice::Error(match screen {
                Screen::Compare => {
                    "Compare needs two saved quarters; answer another quarter first.".to_string()
                }
                _ => "Trends need a saved quarter; answer one first.".to_string(),
            }));
            return Effect::None;
        }
        Effect::LoadHistory(screen)
    }

    /// Shows trends or compare over `sessions` (oldest first). Compare starts with the open
    /// (or selected) quarter against the one saved before it.
    pub fn history_loaded(&mut self, sessions: Vec<Session>, screen: Screen) {
        if sessions.is_empty() {
            self.notice = Some(Notice::Error("No saved quarter could be read.".to_string()));
            return;
        }
        let focus = self
            .open
            .as_ref()
            .filter(|_| self.screen != Screen::Home)
            .map(|open| open.session.quarter)
            .or_else(|| self.selected_saved_quarter());
        let second = focus
            .and_then(|q| sessions.iter().position(|s| s.quarter == q))
            .unwrap_or(sessions.len() - 1);
        let first = if second == 0 {
            1.min(sessions.len() - 1)
        } else {
            second - 1
        };
        let selected = match &self.open {
            Some(open) if self.screen == Screen::Scorecard => open.selected,
            _ => 0,
        };
        let return_to = match &self.history {
            Some(history) => history.return_to,
            None => self.screen,
        };
        self.history = Some(History {
            sessions,
            selected,
            first,
            second,
            second_focused: false,
            return_to,
        });
        self.screen = screen;
    }

    pub(super) fn update_history(&mut self, action: Action) -> Effect {
        let count = self.checklist.items.len();
        let Some(history) = self.history.as_mut() else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        let last = history.sessions.len() - 1;
        match action {
            Action::Previous => history.selected = history.selected.saturating_sub(1),
            Action::Next => history.selected = (history.selected + 1).min(count - 1),
            Action::OpenTrends => self.screen = Screen::Trends,
            Action::OpenCompare if history.sessions.len() >= 2 => self.screen = Screen::Compare,
            Action::OpenCompare => {
                self.notice = Some(Notice::Error(
                    "Compare needs two saved quarters; answer another quarter first.".to_string(),
                ))
            }
            Action::SwitchSide => history.second_focused = !history.second_focused,
            Action::Earlier | Action::Later => {
                let side = if history.second_focused {
                    &mut history.second
                } else {
                    &mut history.first
                };
                *side = match action {
                    Action::Earlier => side.saturating_sub(1),
                    _ => (*side + 1).min(last),
                };
            }
            Action::Back => {
                self.screen = history.return_to;
                self.history = None;
            }
            _ => {}
        }
        Effect::None
    }

    /// Starts a delete, rename, duplicate or export of `quarter` from the home screen.
    pub(super) fn manage(&mut self, action: Action, quarter: Quarter) -> Effect {
        let target = |kind| Dialog::Target {
            kind,
            from: quarter,
            input: Input::new(quarter.to_string()),
            error: None,
        };
        self.dialog = match action {
            Action::DeleteQuarter => Some(Dialog::ConfirmDelete(quarter)),
            Action::RenameQuarter => Some(target(TargetKind::Rename)),
            Action::DuplicateQuarter => Some(target(TargetKind::Duplicate)),
            _ => return Effect::Export(quarter),
        };
        Effect::None
    }

    pub(super) fn update_dialog(&mut self, action: Action) -> Effect {
        let now = (self.clock)();
        let Some(dialog) = self.dialog.as_mut() else {
            return Effect::None;
        };
        if action == Action::Back {
            self.dialog = None;
            return Effect::None;
        }
        match (dialog, action) {
            (Dialog::ConfirmRestore(quarter, _), Action::Submit) => {
                let op = QuarterOp::RestoreBackup(*quarter);
                self.dialog = None;
                Effect::Manage(op)
            }
            (Dialog::ConfirmDelete(quarter), Action::Submit) => {
                let op = QuarterOp::Delete(*quarter);
                self.dialog = None;
                Effect::Manage(op)
            }
            (
                Dialog::Target { input, error, .. } | Dialog::Note { input, error, .. },
                Action::Edit(key),
            ) => {
                input.handle_event(&Event::Key(key));
                *error = None;
                Effect::None
            }
            (
                Dialog::Target {
                    kind,
                    from,
                    input,
                    error,
                },
                Action::Submit,
            ) => match input.value().parse::<Quarter>() {
                Ok(to) if to == *from => {
                    *error = Some(format!("Type a quarter other than {from}."));
                    Effect::None
                }
                Ok(to) => {
                    let op = match kind {
                        TargetKind::Rename => QuarterOp::Rename(*from, to),
                        TargetKind::Duplicate => QuarterOp::Duplicate(*from, to),
                    };
                    self.dialog = None;
                    Effect::Manage(op)
                }
                Err(refused) => {
                    *error = Some(refused.to_string());
                    Effect::None
                }
            },
            (Dialog::Profile { selected }, Action::Previous) => {
                *selected = selected.saturating_sub(1);
                Effect::None
            }
            (Dialog::Profile { selected }, Action::Next) => {
                *selected = (*selected + 1).min(GoToMarket::ALL.len());
                Effect::None
            }
            (Dialog::Profile { selected }, Action::Submit) => {
                let profile = selected.checked_sub(1).map(|i| GoToMarket::ALL[i]);
                self.dialog = None;
                let Some(open) = self.open.as_mut() else {
                    return Effect::None;
                };
                open.session.set_go_to_market(profile, now);
                open.checklist = self.checklist.for_session(&open.session, &self.benchmarks);
                self.notice = Some(Notice::Info(match profile {
                    Some(profile) => format!(
                        "Go-to-market set to {}; the bands that depend on it have moved.",
                        profile.label()
                    ),
                    None => "Go-to-market not set: the standard bands apply.".to_string(),
                }));
                Effect::Save
            }
            (Dialog::Note { item, input, error }, Action::Submit) => {
                let Some(open) = self.open.as_mut() else {
                    self.dialog = None;
                    return Effect::None;
                };
                let item = &self.checklist.items[*item];
                match open.session.set_note(&item.id, input.value(), now) {
                    Ok(()) => {
                        self.notice = Some(Notice::Info(format!("Note saved on {}.", item.name)));
                        self.dialog = None;
                        Effect::Save
                    }
                    Err(refused) => {
                        *error = Some(refused.to_string());
                        Effect::None
                    }
                }
            }
            _ => Effect::None,
        }
    }

    /// Takes the outcome of a delete, rename or duplicate and the refreshed saved list.
    pub fn managed(
        &mut self,
        op: QuarterOp,
        result: Result<String, String>,
        saved: Vec<QuarterListing>,
    ) {
        self.saved = saved;
        self.home_selected = self.home_selected.min(self.home_rows().len() - 1);
        match result {
            Ok(message) => {
                let gone = match op {
                    QuarterOp::Delete(quarter) | QuarterOp::Rename(quarter, _) => Some(quarter),
                    QuarterOp::Duplicate(..) | QuarterOp::RestoreBackup(_) => None,
                };
                if gone.is_some() && self.open.as_ref().map(|o| o.session.quarter) == gone {
                    self.open = None;
                }
                self.notice = Some(Notice::Info(message));
            }
            Err(message) => self.notice = Some(Notice::Error(message)),
        }
    }

    /// Says where the brief was written, or why it could not be.
    pub fn exported(&mut self, result: Result<PathBuf, String>) {
        self.notice = Some(match result {
            Ok(path) => Notice::Info(format!("Wrote the meeting brief to {}.", path.display())),
            Err(message) => Notice::Error(message),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::OpenMode;
    use super::super::tests::{app_with, noon, saved_quarter, type_text};
    use super::*;
    use crate::checklist::answer::Parsed;
    use crate::checklist::session::Agreement;

    fn two_quarters() -> App {
        app_with(vec![
            saved_quarter("2026-Q3", 4, 20),
            saved_quarter("2026-Q2", 12, 2),
        ])
    }

    fn session(quarter: &str, response_minutes: f64) -> Session {
        let mut session = Session::new(quarter.parse().unwrap(), noon());
        session.record_typed(
            "lead_response_time",
            Parsed::Value(response_minutes),
            "x",
            noon(),
        );
        session
    }

    fn select_saved(app: &mut App, index: usize) {
        app.home_selected = app
            .home_rows()
            .iter()
            .position(|r| *r == super::super::HomeRow::Saved(index))
            .unwrap();
    }

    #[test]
    fn enter_reviews_a_saved_quarter_and_e_edits_it() {
        let mut app = two_quarters();
        select_saved(&mut app, 1);
        let q2: Quarter = "2026-Q2".parse().unwrap();
        assert_eq!(
            app.update(Action::Submit),
            Effect::OpenQuarter(q2, OpenMode::Review)
        );
        app.open_session(session("2026-Q2", 40.0));
        assert_eq!(app.screen, Screen::Scorecard);
        assert!(app.open.as_ref().unwrap().read_only);
        app.update(Action::EditAnswers);
        assert_eq!(app.screen, Screen::Wizard);
        assert!(!app.open.as_ref().unwrap().read_only);
        app.update(Action::Back);
        select_saved(&mut app, 1);
        assert_eq!(
            app.update(Action::EditAnswers),
            Effect::OpenQuarter(q2, OpenMode::Edit)
        );
    }

    #[test]
    fn notes_and_agreement_marks_are_saved_on_the_item() {
        let mut app = two_quarters();
        select_saved(&mut app, 1);
        app.update(Action::Submit);
        app.open_session(session("2026-Q2", 40.0));
        app.update(Action::EditNote);
        assert!(app.typing(), "the note box takes letters");
        type_text(&mut app, "from Jan's pipeline review");
        assert_eq!(app.update(Action::Submit), Effect::Save);
        assert!(app.dialog.is_none());
        assert_eq!(app.update(Action::CycleAgreement), Effect::Save);
        let notes = app
            .open
            .as_ref()
            .unwrap()
            .session
            .notes("lead_response_time")
            .clone();
        assert_eq!(
            (notes.note.as_str(), notes.agreement),
            ("from Jan's pipeline review", Agreement::Agreed)
        );
        app.update(Action::CycleAgreement);
        assert_eq!(
            app.open
                .as_ref()
                .unwrap()
                .session
                .notes("lead_response_time")
                .agreement,
            Agreement::Disputed
        );
    }

    #[test]
    fn a_note_that_is_too_long_is_refused_and_kept_in_the_box() {
        let mut app = two_quarters();
        select_saved(&mut app, 0);
        app.update(Action::Submit);
        app.open_session(session("2026-Q3", 40.0));
        app.update(Action::EditNote);
        type_text(&mut app, &"x".repeat(201));
        assert_eq!(app.update(Action::Submit), Effect::None);
        assert!(
            matches!(&app.dialog, Some(Dialog::Note { error: Some(e), input, .. }) if e.contains("200 characters") && input.value().len() == 201)
        );
    }

    #[test]
    fn delete_rename_and_duplicate_ask_first_and_name_the_quarter() {
        let mut app = two_quarters();
        select_saved(&mut app, 1);
        let q2: Quarter = "2026-Q2".parse().unwrap();
        app.update(Action::DeleteQuarter);
        assert!(matches!(app.dialog, Some(Dialog::ConfirmDelete(q)) if q == q2));
        assert_eq!(app.update(Action::Back), Effect::None, "Esc keeps it");
        app.update(Action::DeleteQuarter);
        assert_eq!(
            app.update(Action::Submit),
            Effect::Manage(QuarterOp::Delete(q2))
        );

        app.update(Action::RenameQuarter);
        assert_eq!(
            app.update(Action::Submit),
            Effect::None,
            "the same quarter is refused"
        );
        assert!(
            matches!(&app.dialog, Some(Dialog::Target { error: Some(e), .. }) if e == "Type a quarter other than 2026-Q2.")
        );
        for _ in 0..7 {
            app.update(Action::Edit(ratatui::crossterm::event::KeyEvent::from(
                ratatui::crossterm::event::KeyCode::Backspace,
            )));
        }
        type_text(&mut app, "2025-Q2");
        assert_eq!(
            app.update(Action::Submit),
            Effect::Manage(QuarterOp::Rename(q2, "2025-Q2".parse().unwrap()))
        );

        app.update(Action::DuplicateQuarter);
        app.update(Action::Edit(ratatui::crossterm::event::KeyEvent::from(
            ratatui::crossterm::event::KeyCode::Backspace,
        )));
        type_text(&mut app, "4");
        assert_eq!(
            app.update(Action::Submit),
            Effect::Manage(QuarterOp::Duplicate(q2, "2026-Q4".parse().unwrap()))
        );
    }

    #[test]
    fn managing_reports_back_and_forgets_a_deleted_open_quarter() {
        let mut app = two_quarters();
        app.open_session(session("2026-Q2", 40.0));
        let q2: Quarter = "2026-Q2".parse().unwrap();
        app.managed(
            QuarterOp::Delete(q2),
            Ok("Deleted 2026-Q2.".into()),
            vec![saved_quarter("2026-Q3", 4, 20)],
        );
        assert!(app.open.is_none());
        assert_eq!(app.saved.len(), 1);
        assert!(matches!(&app.notice, Some(Notice::Info(m)) if m == "Deleted 2026-Q2."));
        app.managed(
            QuarterOp::Rename(q2, q2),
            Err("2026-Q2 is already saved".into()),
            Vec::new(),
        );
        assert!(matches!(&app.notice, Some(Notice::Error(m)) if m.contains("already saved")));
    }

    #[test]
    fn trends_and_compare_load_the_history_and_compare_starts_with_the_quarter_before() {
        let mut app = two_quarters();
        select_saved(&mut app, 0);
        assert_eq!(
            app.update(Action::OpenCompare),
            Effect::LoadHistory(Screen::Compare)
        );
        app.history_loaded(
            vec![session("2026-Q2", 40.0), session("2026-Q3", 12.0)],
            Screen::Compare,
        );
        let history = app.history.as_ref().unwrap();
        assert_eq!((history.first, history.second), (0, 1));
        app.update(Action::Later);
        assert_eq!(app.history.as_ref().unwrap().first, 1);
        app.update(Action::SwitchSide);
        app.update(Action::Earlier);
        assert_eq!(app.history.as_ref().unwrap().second, 0);
        app.update(Action::OpenTrends);
        assert_eq!(app.screen, Screen::Trends);
        app.update(Action::Back);
        assert_eq!((app.screen, app.history.is_none()), (Screen::Home, true));
    }

    #[test]
    fn compare_needs_two_quarters_and_says_so() {
        let mut app = app_with(vec![saved_quarter("2026-Q3", 4, 20)]);
        assert_eq!(app.update(Action::OpenCompare), Effect::None);
        assert!(
            matches!(&app.notice, Some(Notice::Error(m)) if m.starts_with("Compare needs two saved quarters"))
        );
        assert_eq!(
            app.update(Action::OpenTrends),
            Effect::LoadHistory(Screen::Trends)
        );
    }

    #[test]
    fn export_writes_the_selected_or_open_quarter_and_says_where() {
        let mut app = two_quarters();
        select_saved(&mut app, 1);
        assert_eq!(
            app.update(Action::Export),
            Effect::Export("2026-Q2".parse().unwrap())
        );
        app.exported(Ok(PathBuf::from("/tmp/mcc-brief-2026-Q2.md")));
        assert!(
            matches!(&app.notice, Some(Notice::Info(m)) if m == "Wrote the meeting brief to /tmp/mcc-brief-2026-Q2.md.")
        );
        app.home_selected = app
            .home_rows()
            .iter()
            .position(|r| *r == super::super::HomeRow::Start)
            .unwrap();
        assert_eq!(app.update(Action::Export), Effect::None);
        assert!(
            matches!(&app.notice, Some(Notice::Error(m)) if m.starts_with("Pick a saved quarter first"))
        );
    }

    #[test]
    fn choosing_a_go_to_market_profile_moves_the_bands_and_saves() {
        let mut app = two_quarters();
        app.open_session(session("2026-Q3", 40.0));
        app.update(Action::OpenScorecard);
        app.update(Action::PickProfile);
        assert!(matches!(app.dialog, Some(Dialog::Profile { selected: 0 })));
        for _ in 0..4 {
            app.update(Action::Next);
        }
        assert_eq!(app.update(Action::Submit), Effect::Save);
        let open = app.open.as_ref().unwrap();
        assert_eq!(open.session.go_to_market, Some(GoToMarket::Enterprise));
        let share = open.checklist.item("marketing_pipeline_share").unwrap();
        assert_eq!(
            share.bands.good, 10.0,
            "enterprise sellers are good from 10%"
        );
        assert!(share.band_reason.is_some());
    }

    #[test]
    fn a_quarter_open_in_another_mcc_is_read_only_and_says_why() {
        let mut app = two_quarters();
        app.open_session(session("2026-Q3", 40.0));
        app.opened_elsewhere("2026-Q3 is open in another mcc (process 42)".to_string());
        assert_eq!(app.screen, Screen::Scorecard);
        for action in [
            Action::EditAnswers,
            Action::EditNote,
            Action::CycleAgreement,
            Action::OpenImport,
        ] {
            assert_eq!(app.update(action), Effect::None, "{action:?}");
            assert_eq!(app.screen, Screen::Scorecard);
            assert!(app.dialog.is_none());
            assert!(
                matches!(&app.notice, Some(Notice::Error(m)) if m.contains("open in another mcc (process 42)"))
            );
        }
        assert_eq!(app.update(Action::Present), Effect::None);
        assert_eq!(app.screen, Screen::Present, "looking is fine");
    }
}
