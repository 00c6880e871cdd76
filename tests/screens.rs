//! Snapshot tests of every screen state at fixed sizes, plus a sweep that draws each state at
//! sizes down to 1x1 to prove nothing panics.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mcc::checklist::Checklist;
use mcc::checklist::answer::Parsed;
use mcc::checklist::session::Session;
use mcc::import::{Field, FileKind, ImportError, ImportOptions, Progress, import_files};
use mcc::tui::app::{Action, App, QuarterProgress, SavedQuarter};
use mcc::tui::theme::Theme;
use mcc::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 2, 12, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
}

fn saved(text: &str, state: Result<(usize, u32), &str>) -> SavedQuarter {
    SavedQuarter {
        quarter: text.parse().unwrap(),
        state: state
            .map(|(answered, day)| QuarterProgress {
                answered,
                updated_at: Utc.with_ymd_and_hms(2026, 10, day, 12, 0, 0).unwrap(),
            })
            .map_err(str::to_string),
    }
}

fn half_answered() -> Session {
    let mut session = Session::new("2026-Q3".parse().unwrap(), noon());
    let answers = [
        ("lead_response_time", Parsed::Value(42.0 * 60.0), "42h"),
        ("leads_contacted_within_5_min", Parsed::Value(8.0), "8%"),
        ("lead_follow_up_rate", Parsed::Value(62.0), "62"),
        ("mql_to_sql_rate", Parsed::Unknown, "?"),
        ("lead_to_opportunity_rate", Parsed::Value(14.5), "14.5 %"),
        ("marketing_win_rate", Parsed::Value(22.0), "22"),
        ("marketing_pipeline_share", Parsed::Value(18.0), "18%"),
    ];
    for (id, parsed, text) in answers {
        session.record_typed(id, parsed, text, noon());
    }
    session
}

fn home_app(saved_quarters: Vec<SavedQuarter>) -> App {
    App::new(Checklist::built_in(), saved_quarters, today(), noon)
}

fn with_session(session: Session) -> App {
    let mut app = home_app(vec![saved("2026-Q3", Ok((session.answers.len(), 2)))]);
    app.open_session(session);
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

fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| view::draw(frame, app, &Theme::mono()))
        .unwrap();
    terminal.backend().to_string()
}

/// Snapshots a state at 80x24 and 120x40, named `<name>_80x24` and `<name>_120x40`.
fn snapshot_both(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), render(app, 120, 40));
}

fn saved_list() -> Vec<SavedQuarter> {
    vec![
        saved("2026-Q3", Ok((7, 2))),
        saved("2026-Q2", Ok((12, 1))),
        saved(
            "2026-Q1",
            Err("not a session file (expected value at line 1 column 1)"),
        ),
        saved("2025-Q4", Ok((10, 1))),
    ]
}

#[test]
fn home_first_run() {
    snapshot_both("home_first_run", &home_app(Vec::new()));
}

#[test]
fn home_with_saved_quarters() {
    snapshot_both("home_with_saved_quarters", &home_app(saved_list()));
}

#[test]
fn home_with_a_bad_quarter_typed() {
    let mut app = home_app(saved_list());
    app.update(Action::Next);
    type_text(&mut app, "x");
    app.update(Action::Submit);
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn wizard_first_question() {
    let app = with_session(Session::new("2026-Q3".parse().unwrap(), noon()));
    snapshot_both("wizard_first_question", &app);
}

#[test]
fn wizard_previewing_a_typed_answer() {
    let mut app = with_session(Session::new("2026-Q3".parse().unwrap(), noon()));
    type_text(&mut app, "7m");
    snapshot_both("wizard_previewing_a_typed_answer", &app);
}

#[test]
fn wizard_answer_not_understood() {
    let mut app = with_session(half_answered());
    type_text(&mut app, "about a third");
    app.update(Action::Submit);
    snapshot_both("wizard_answer_not_understood", &app);
}

#[test]
fn wizard_showing_a_saved_unknown_answer() {
    let mut app = with_session(half_answered());
    app.open.as_mut().unwrap().index = 3;
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn wizard_yes_no_question_at_minimum_size() {
    let mut app = with_session(half_answered());
    app.open.as_mut().unwrap().index = 10;
    type_text(&mut app, "partly");
    insta::assert_snapshot!(render(&app, 60, 16));
}

#[test]
fn wizard_help_overlay() {
    let mut app = with_session(half_answered());
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn scorecard_half_answered() {
    let mut app = with_session(half_answered());
    app.update(Action::OpenScorecard);
    snapshot_both("scorecard_half_answered", &app);
}

#[test]
fn scorecard_scrolled_to_the_last_item_at_minimum_size() {
    let mut app = with_session(half_answered());
    app.update(Action::OpenScorecard);
    for _ in 0..12 {
        app.update(Action::Next);
    }
    insta::assert_snapshot!(render(&app, 60, 16));
}

fn importing() -> App {
    let mut app = with_session(half_answered());
    app.update(Action::OpenImport);
    app
}

#[test]
fn import_choosing_files() {
    let mut app = importing();
    type_text(&mut app, "sample-data/salesforce-leads.csv");
    app.update(Action::Submit);
    type_text(&mut app, "sample-data/salesforce-");
    app.completed(mcc::tui::complete::complete(
        "sample-data/salesforce-",
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
    ));
    snapshot_both("import_choosing_files", &app);
}

#[test]
fn import_running() {
    let mut app = importing();
    type_text(&mut app, "leads-1m.csv");
    app.update(Action::Submit);
    app.update(Action::Submit);
    let progress = Progress {
        bytes_read: 56_000_000,
        bytes_total: 140_000_000,
        rows: 400_000,
    };
    app.import_progress(progress, Duration::from_millis(250));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn import_review_of_a_metric_summary() {
    let mut app = importing();
    let options = ImportOptions {
        quarter: Some("2026-Q3".parse().unwrap()),
        ..ImportOptions::default()
    };
    let report = import_files(
        &["sample-data/metric-summary.csv".into()],
        &options,
        &|_| {},
        &AtomicBool::new(false),
    );
    app.import_finished(report);
    snapshot_both("import_review_of_a_metric_summary", &app);
}

#[test]
fn import_asking_which_column_holds_a_field() {
    let mut app = importing();
    app.import_finished(Err(ImportError::MissingColumn {
        path: "leads.csv".into(),
        kind: FileKind::Leads,
        field: Field::FirstResponse,
        headers: vec![
            "Lead ID".into(),
            "Created".into(),
            "First Call".into(),
            "Source".into(),
        ],
    }));
    app.update(Action::Next);
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn too_small_window_asks_for_more_room() {
    insta::assert_snapshot!(render(&home_app(Vec::new()), 50, 14));
}

#[test]
fn every_state_draws_at_every_size_without_panicking() {
    let mut states = vec![home_app(Vec::new()), home_app(saved_list())];
    let mut wizard = with_session(half_answered());
    type_text(
        &mut wizard,
        "a very long answer that does not fit in the box at all, not even close",
    );
    states.push(wizard);
    let mut scorecard = with_session(half_answered());
    scorecard.update(Action::OpenScorecard);
    states.push(scorecard);
    let mut help = with_session(half_answered());
    help.update(Action::ToggleHelp);
    states.push(help);
    let mut review = importing();
    let options = ImportOptions {
        quarter: Some("2026-Q3".parse().unwrap()),
        ..ImportOptions::default()
    };
    review.import_finished(import_files(
        &["sample-data/metric-summary.csv".into()],
        &options,
        &|_| {},
        &AtomicBool::new(false),
    ));
    states.push(review);
    let mut choosing = importing();
    type_text(
        &mut choosing,
        "sample-data/a-path-that-is-much-longer-than-the-box-can-show-at-small-sizes.csv",
    );
    states.push(choosing);
    for app in &states {
        for (width, height) in (0..=24).map(|step| (120 - step * 5, 40 - step * 39 / 24)) {
            let drawn = render(app, width.max(1), height.max(1));
            assert!(!drawn.is_empty());
        }
        for (width, height) in [(1, 1), (59, 40), (120, 15), (60, 16), (61, 17)] {
            render(app, width, height);
        }
    }
}
