//! The CSV import flow: choosing files, running off the UI thread, reviewing, and picking a
//! column or a date order when mcc has to ask.

use std::path::PathBuf;
use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyCode};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{Action, App, Effect, Notice, Screen};
use crate::checklist::quarter::Quarter;
use crate::import::apply::apply;
use crate::import::{
    ColumnMapping, DateOrder, Field, ImportError, ImportReport, Progress, SourceRules,
};
use crate::tui::complete::Completion;

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
    /// Which lead sources count as marketing.
    pub sources: SourceRules,
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
    /// Changing which lead sources count as marketing, as a comma-separated list.
    EditingSources {
        /// The list as typed.
        input: Input,
        /// Why the last list was refused.
        error: Option<String>,
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

impl App {
    /// Opens the file prompt for the open quarter.
    pub(super) fn start_import_flow(&mut self) {
        let Some(open) = &self.open else { return };
        self.import = Some(ImportFlow {
            quarter: open.session.quarter,
            files: Vec::new(),
            path: Input::default(),
            candidates: Vec::new(),
            mappings: Vec::new(),
            date_order: None,
            sources: self.source_rules.clone(),
            phase: ImportPhase::Choosing { error: None },
            return_to: self.screen,
        });
        self.screen = Screen::Import;
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
                    "mcc found no column in {path} for {} ({}). Which column holds it?{}",
                    field.describe(),
                    field.name(),
                    match field {
                        Field::FirstResponse =>
                            " If none does, press Esc and add the activities export too: each lead's first activity is its first response.",
                        Field::Source =>
                            " If none does, press Esc and add the leads export too: each opportunity then takes its lead's source.",
                        _ => " If none does, press Esc: this file can't give that number.",
                    }
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

    /// The import stopped without a result (its worker failed): back to the file prompt.
    pub fn import_lost(&mut self) {
        if let Some(flow) = self.import.as_mut() {
            flow.phase = ImportPhase::Choosing {
                error: Some(
                    "The import stopped before it finished; nothing was saved. Try again, or run mcc import on the same files to see the message."
                        .to_string(),
                ),
            };
        }
    }

    pub(super) fn update_import(&mut self, action: Action) -> Effect {
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
            (ImportPhase::Reviewing { .. }, Action::EditSources) => {
                flow.phase = ImportPhase::EditingSources {
                    input: Input::new(flow.sources.marketing.join(", ")),
                    error: None,
                };
            }
            (ImportPhase::EditingSources { input, error }, Action::Edit(key)) => {
                input.handle_event(&Event::Key(key));
                *error = None;
            }
            (ImportPhase::EditingSources { input, error }, Action::Submit) => {
                match SourceRules::parse_list(input.value()) {
                    Ok(rules) => {
                        flow.sources = rules.clone();
                        self.source_rules = rules;
                        flow.phase = ImportPhase::Running {
                            progress: Progress::default(),
                            elapsed: Duration::ZERO,
                        };
                        return Effect::RememberSourcesAndImport;
                    }
                    Err(refused) => *error = Some(refused.to_string()),
                }
            }
            (ImportPhase::EditingSources { .. }, Action::Back) => {
                flow.phase = ImportPhase::Choosing { error: None };
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
}

#[cfg(test)]
mod tests {
    use super::super::tests::{app_with, noon, open, type_text, wizard};
    use super::*;
    use crate::checklist::session::Session;
    use ratatui::crossterm::event::KeyEvent;

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
            Effect::OpenQuarter("2026-Q3".parse().unwrap(), super::super::OpenMode::Import)
        );
        app.open_session(Session::new("2026-Q3".parse().unwrap(), noon()));
        assert_eq!(app.screen, Screen::Import);
        assert_eq!(app.import.as_ref().unwrap().return_to, Screen::Wizard);
    }

    #[test]
    fn an_import_that_stops_without_a_result_says_so_and_saves_nothing() {
        let mut app = importing();
        type_text(&mut app, "leads.csv");
        app.update(Action::Submit);
        assert_eq!(app.update(Action::Submit), Effect::StartImport);
        app.import_lost();
        assert!(
            matches!(phase(&app), ImportPhase::Choosing { error: Some(e) } if e.starts_with("The import stopped before it finished; nothing was saved"))
        );
        assert_eq!(
            open(&app)
                .session
                .answer("lead_response_time")
                .unwrap()
                .value,
            Some(7.0)
        );
    }

    #[test]
    fn the_marketing_sources_can_be_changed_on_the_review_and_the_import_runs_again() {
        let mut app = importing();
        app.import_finished(summary_import("lead_follow_up_rate,62%\n"));
        assert_eq!(app.update(Action::EditSources), Effect::None);
        assert!(app.typing(), "the list box takes letters");
        while matches!(phase(&app), ImportPhase::EditingSources { input, .. } if !input.value().is_empty())
        {
            app.update(Action::Edit(KeyEvent::from(KeyCode::Backspace)));
        }
        assert_eq!(
            app.update(Action::Submit),
            Effect::None,
            "an empty list is refused"
        );
        assert!(matches!(
            phase(&app),
            ImportPhase::EditingSources { error: Some(_), .. }
        ));
        type_text(&mut app, "Web, Paid Search, Referrals");
        assert_eq!(app.update(Action::Submit), Effect::RememberSourcesAndImport);
        let flow = app.import.as_ref().unwrap();
        assert_eq!(flow.sources.marketing, ["Web", "Paid Search", "Referrals"]);
        assert_eq!(
            app.source_rules.marketing, flow.sources.marketing,
            "kept for the next import"
        );
        assert!(matches!(phase(&app), ImportPhase::Running { .. }));
    }
}
