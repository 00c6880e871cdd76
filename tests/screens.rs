//! Snapshot tests of every screen state at fixed sizes, plus a sweep that draws each state at
//! sizes down to 1x1 to prove nothing panics.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mcc::checklist::Checklist;
use mcc::checklist::answer::Parsed;
use mcc::checklist::session::Session;
use mcc::import::{Field, FileKind, ImportError, ImportOptions, Progress, import_files};
use mcc::report::listing::{QuarterListing, QuarterSummary};
use mcc::tui::app::{Action, App, Screen};
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

/// The saved fixture quarters (2025-Q4 to 2026-Q2, with gaps), oldest first.
fn fixture_sessions() -> Vec<Session> {
    ["2025-Q4", "2026-Q1", "2026-Q2"]
        .iter()
        .map(|q| {
            let path = format!(
                "{}/tests/fixtures/sessions/{q}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        })
        .collect()
}

/// Home-screen listings for `sessions`, newest first, plus one damaged file.
fn listings(sessions: &[Session], damaged: bool) -> Vec<QuarterListing> {
    let checklist = Checklist::built_in();
    let mut listed: Vec<QuarterListing> = sessions
        .iter()
        .map(|session| QuarterListing {
            quarter: session.quarter,
            summary: Ok(QuarterSummary::new(&checklist, session)),
        })
        .collect();
    if damaged {
        listed.push(QuarterListing {
            quarter: "2025-Q3".parse().unwrap(),
            summary: Err("not a session file (expected value at line 1 column 1)".to_string()),
        });
    }
    listed.sort_by_key(|l| std::cmp::Reverse(l.quarter));
    listed
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

fn home_app(saved_quarters: Vec<QuarterListing>) -> App {
    App::new(Checklist::built_in(), saved_quarters, today(), noon)
}

fn with_session(session: Session) -> App {
    let mut sessions = fixture_sessions();
    sessions.push(session.clone());
    let mut app = home_app(listings(&sessions, false));
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
        .draw(|frame| {
            view::draw(frame, app, &Theme::mono());
        })
        .unwrap();
    terminal.backend().to_string()
}

/// Snapshots a state at 80x24 and 120x40, named `<name>_80x24` and `<name>_120x40`.
fn snapshot_both(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), render(app, 120, 40));
}

fn saved_list() -> Vec<QuarterListing> {
    let mut sessions = fixture_sessions();
    sessions.push(half_answered());
    listings(&sessions, true)
}

/// The app on trends or compare over the fixture quarters and a half-answered 2026-Q3.
fn history_app(screen: Screen) -> App {
    let mut app = with_session(half_answered());
    app.update(Action::OpenScorecard);
    let mut sessions = fixture_sessions();
    sessions.push(half_answered());
    app.history_loaded(sessions, screen);
    app
}

#[test]
fn trends_across_four_quarters_with_gaps() {
    let mut app = history_app(Screen::Trends);
    snapshot_both("trends_across_four_quarters_with_gaps", &app);
    for _ in 0..6 {
        app.update(Action::Next);
    }
    insta::assert_snapshot!("trends_on_pipeline_share_60x16", render(&app, 60, 16));
}

#[test]
fn compare_two_quarters() {
    let mut app = history_app(Screen::Compare);
    snapshot_both("compare_latest_with_previous", &app);
    app.update(Action::Earlier);
    app.update(Action::Earlier);
    insta::assert_snapshot!("compare_first_side_moved_earlier", render(&app, 80, 24));
}

#[test]
fn review_scorecard_with_notes_read_only() {
    let mut app = home_app(saved_list());
    let mut sessions = fixture_sessions();
    let q2 = sessions.pop().unwrap();
    for _ in 0..3 {
        app.update(Action::Next);
    }
    assert_eq!(
        app.update(Action::Submit),
        mcc::tui::app::Effect::OpenQuarter(q2.quarter, mcc::tui::app::OpenMode::Review)
    );
    app.open_session(q2);
    snapshot_both("review_scorecard_with_notes_read_only", &app);
}

#[test]
fn dialogs_over_the_home_screen() {
    let mut app = home_app(saved_list());
    app.update(Action::DeleteQuarter);
    insta::assert_snapshot!("dialog_confirm_delete", render(&app, 80, 24));
    app.update(Action::Back);
    app.update(Action::DuplicateQuarter);
    type_text(&mut app, "x");
    app.update(Action::Submit);
    insta::assert_snapshot!(
        "dialog_duplicate_refuses_a_bad_quarter",
        render(&app, 80, 24)
    );
}

#[test]
fn note_dialog_on_the_scorecard() {
    let mut app = with_session(half_answered());
    app.update(Action::OpenScorecard);
    app.update(Action::EditNote);
    type_text(&mut app, "Marketing counts webinar sign-ups as leads");
    insta::assert_snapshot!(render(&app, 80, 24));
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

fn presenting(slide: usize) -> App {
    let mut app = with_session(half_answered());
    app.update(Action::OpenScorecard);
    app.update(Action::Present);
    for _ in 0..slide {
        app.update(Action::Next);
    }
    app
}

/// The screen with every cell's colours and modifiers, to prove what a theme does.
fn render_styled(app: &App, width: u16, height: u16, theme: &Theme) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            view::draw(frame, app, theme);
        })
        .unwrap();
    format!("{:?}", terminal.backend().buffer())
}

#[test]
fn slides_at_every_size() {
    for (slide, name) in [
        (0, "response_time"),
        (2, "follow_up"),
        (3, "unknown_item"),
        (12, "closing"),
    ] {
        let app = presenting(slide);
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            insta::assert_snapshot!(
                format!("slide_{name}_{width}x{height}"),
                render(&app, width, height)
            );
        }
    }
}

#[test]
fn slides_in_colour_and_without() {
    let app = presenting(2);
    insta::assert_snapshot!(
        "slide_follow_up_high_contrast",
        render_styled(&app, 80, 24, &Theme::high_contrast())
    );
    insta::assert_snapshot!(
        "slide_follow_up_no_color",
        render_styled(&app, 80, 24, &Theme::mono())
    );
}

#[test]
fn small_windows_show_slide_values_in_bold_text() {
    let drawn = render(&presenting(0), 60, 16);
    assert!(drawn.contains("42 h"), "{drawn}");
    assert!(drawn.contains("✗ POOR"), "{drawn}");
}

fn gap_app(typed: &[&str]) -> App {
    let mut app = with_session(half_answered());
    app.update(Action::OpenScorecard);
    app.update(Action::OpenGap);
    for text in typed {
        type_text(&mut app, text);
        app.update(Action::Submit);
    }
    app
}

#[test]
fn gap_screen_at_every_size() {
    let app = gap_app(&["5M", "3.6M", "22", "48k"]);
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        insta::assert_snapshot!(
            format!("gap_with_inputs_{width}x{height}"),
            render(&app, width, height)
        );
    }
    insta::assert_snapshot!(
        "gap_high_contrast",
        render_styled(&app, 80, 24, &Theme::high_contrast())
    );
    insta::assert_snapshot!("gap_no_color", render_styled(&app, 80, 24, &Theme::mono()));
}

#[test]
fn gap_screen_says_what_it_needs() {
    let drawn = render(&gap_app(&[]), 80, 24);
    assert!(
        drawn.contains("Need the quota and the revenue closed"),
        "{drawn}"
    );
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
    states.push(presenting(0));
    states.push(presenting(12));
    states.push(gap_app(&["5M", "3.6M"]));
    states.push(history_app(Screen::Trends));
    states.push(history_app(Screen::Compare));
    let mut dialog = home_app(saved_list());
    dialog.update(Action::RenameQuarter);
    states.push(dialog);
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
        for (width, height) in [
            (1, 1),
            (59, 40),
            (120, 15),
            (60, 16),
            (61, 17),
            (200, 60),
            (250, 70),
        ] {
            render(app, width, height);
        }
    }
}
