//! End to end: the real binary in a pseudo-terminal with a temporary config folder.

mod common;

use common::{Mcc, config_dir, config_with_fixtures, keys, session_file};

#[test]
fn answers_survive_a_restart_and_the_wizard_resumes_at_item_three() {
    let config = config_dir();
    let mut mcc = Mcc::start(&[], config.path(), 80, 24);
    mcc.wait_for("Start or resume a quarter");
    for _ in 0..8 {
        mcc.send("\x7f");
    }
    mcc.send("2026-Q2");
    mcc.send(keys::ENTER);
    mcc.wait_for("Item 1 of 12");
    mcc.send("1h 30m");
    mcc.wait_for("(preview)");
    mcc.send(keys::ENTER);
    mcc.wait_for("Item 2 of 12");
    mcc.send("?");
    mcc.send(keys::ENTER);
    mcc.wait_for("Item 3 of 12");
    mcc.send(keys::CTRL_C);
    let (ok, restored) = mcc.wait_exit();
    assert!(
        ok && restored,
        "mcc exits cleanly and gives the terminal back"
    );

    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(session_file(config.path(), "2026-Q2")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["quarter"], "2026-Q2");
    assert_eq!(json["answers"]["lead_response_time"]["value"], 90.0);
    assert_eq!(json["answers"]["lead_response_time"]["text"], "1h 30m");
    assert_eq!(
        json["answers"]["lead_response_time"]["source"]["kind"],
        "typed"
    );
    assert!(json["answers"]["leads_contacted_within_5_min"]["value"].is_null());
    assert_eq!(json["answers"].as_object().unwrap().len(), 2);

    let mut again = Mcc::start(&[], config.path(), 80, 24);
    again.wait_for("Continue 2026-Q2  (2 of 12 answered)");
    again.send(keys::ENTER);
    let screen = again.wait_for("Item 3 of 12");
    assert!(screen.contains("Lead follow-up rate"), "{screen}");
    again.send(keys::UP);
    again.send(keys::UP);
    let screen = again.wait_for("Item 1 of 12");
    assert!(
        screen.contains("1h 30m"),
        "the saved answer is shown again:\n{screen}"
    );
    again.send(keys::CTRL_C);
    assert_eq!(again.wait_exit(), (true, true));
}

#[test]
fn a_too_small_window_says_so_and_quits_cleanly() {
    let config = config_dir();
    let mut mcc = Mcc::start(&["new", "--quarter", "2026-Q1"], config.path(), 50, 12);
    mcc.wait_for("Make the window bigger");
    mcc.send(keys::CTRL_C);
    assert_eq!(mcc.wait_exit(), (true, true));
}

#[test]
fn sample_exports_imported_through_the_screen_land_in_the_session_file() {
    let config = config_dir();
    let mut mcc = Mcc::start(&["new", "--quarter", "2026-Q3"], config.path(), 100, 30);
    mcc.wait_for("Item 1 of 12");
    mcc.send("12m");
    mcc.send(keys::ENTER);
    mcc.wait_for("Item 2 of 12");
    mcc.send(keys::F3);
    mcc.wait_for("Import CRM exports into 2026-Q3");
    mcc.send("sample-data/salesforce-l");
    mcc.send(keys::TAB);
    mcc.wait_for("sample-data/salesforce-leads.csv");
    mcc.send(keys::ENTER);
    for file in [
        "sample-data/salesforce-activities.csv",
        "sample-data/salesforce-opportunities.csv",
    ] {
        mcc.send(file);
        mcc.send(keys::ENTER);
    }
    mcc.wait_for("3. sample-data/salesforce-opportunities.csv");
    mcc.send(keys::ENTER);
    let review = mcc.wait_for("Enter saves 6 values into 2026-Q3");
    assert!(
        review.contains("Your typed answers are kept for Lead response time"),
        "{review}"
    );
    mcc.send(keys::ENTER);
    mcc.wait_for("Saved 6 answers to 2026-Q3");
    mcc.send(keys::CTRL_C);
    assert_eq!(mcc.wait_exit(), (true, true));

    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(session_file(config.path(), "2026-Q3")).unwrap(),
    )
    .unwrap();
    let answers = &json["answers"];
    assert_eq!(
        answers["lead_response_time"]["value"], 12.0,
        "the typed answer is kept"
    );
    assert_eq!(answers["lead_response_time"]["source"]["kind"], "typed");
    let follow_up = &answers["lead_follow_up_rate"];
    assert_eq!(follow_up["source"]["kind"], "imported");
    assert!(
        (follow_up["value"].as_f64().unwrap() - 83.9).abs() < 0.05,
        "{follow_up}"
    );
    let within_5 = answers["leads_contacted_within_5_min"]["value"]
        .as_f64()
        .unwrap();
    assert!((within_5 - 16.9).abs() < 0.05, "{within_5}");
    assert!(
        answers["marketing_pipeline_share"]["value"]
            .as_f64()
            .is_some()
    );
}

#[test]
fn an_older_quarter_gets_a_note_and_its_brief_is_exported() {
    let config = config_with_fixtures(&["2026-Q1", "2026-Q2"]);
    let mut mcc = Mcc::start_in(&[], config.path(), 100, 30, config.path());
    mcc.wait_for("2026-Q1   5 of 12");
    for _ in 0..3 {
        mcc.send(keys::DOWN);
    }
    mcc.send(keys::ENTER);
    mcc.wait_for("2026-Q1 · review, read-only");
    mcc.send("n");
    mcc.wait_for("Note on Lead response time");
    mcc.send("from Jan's pipeline review");
    mcc.send(keys::ENTER);
    mcc.wait_for("Note saved on Lead response time.");
    mcc.send("x");
    mcc.wait_for("Wrote the meeting brief to");
    mcc.send("q");
    assert_eq!(mcc.wait_exit(), (true, true));

    let brief = std::fs::read_to_string(config.path().join("mcc-brief-2026-Q1.md")).unwrap();
    assert!(brief.contains("2026-Q1"), "{brief}");
    assert!(brief.contains("from Jan's pipeline review"), "{brief}");
    let saved: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(session_file(config.path(), "2026-Q1")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        saved["notes"]["lead_response_time"]["note"],
        "from Jan's pipeline review"
    );
    assert!(
        saved["answers"]["lead_response_time"]["value"].is_null(),
        "answers are unchanged by a note"
    );
}

#[test]
fn a_click_selects_a_saved_quarter_and_a_second_click_opens_it() {
    let config = config_with_fixtures(&["2026-Q1", "2026-Q2"]);
    let mut mcc = Mcc::start(&[], config.path(), 100, 30);
    let screen = mcc.wait_for("2026-Q1   5 of 12");
    let row = screen
        .lines()
        .position(|line| line.contains("2026-Q1   5 of 12"))
        .unwrap()
        + 1;
    let click = format!("\x1b[<0;10;{row}M\x1b[<0;10;{row}m");
    mcc.send(&click);
    mcc.wait_for("› 2026-Q1");
    mcc.send(&click);
    mcc.wait_for("2026-Q1 · review, read-only");
    mcc.send(keys::CTRL_C);
    assert_eq!(mcc.wait_exit(), (true, true));
}

#[test]
fn the_demo_pages_through_slides_and_leaves_the_users_folder_empty() {
    let config = config_dir();
    let mut mcc = Mcc::start(&["demo"], config.path(), 100, 30);
    mcc.wait_for("DEMO DATA");
    mcc.wait_for("2025-Q4 ");
    // Rows: Continue, Start, then the saved quarters newest first; 2025-Q4 is the fourth.
    for _ in 0..5 {
        mcc.send(keys::DOWN);
    }
    mcc.send(keys::ENTER);
    mcc.wait_for("2025-Q4 · review, read-only");
    mcc.send("p");
    mcc.wait_for("slide 1 of 13");
    for _ in 0..12 {
        mcc.send(keys::RIGHT);
    }
    let closing = mcc.wait_for("slide 13 of 13");
    assert!(closing.contains("The number:"), "{closing}");
    mcc.send(keys::ESC);
    mcc.wait_for("2025-Q4 · review, read-only");
    mcc.send("q");
    assert_eq!(mcc.wait_exit(), (true, true));
    let left: Vec<_> = std::fs::read_dir(config.path()).unwrap().collect();
    assert!(
        left.is_empty(),
        "the demo wrote into the user's folder: {left:?}"
    );
}

#[test]
fn a_second_mcc_on_the_same_quarter_shows_it_read_only() {
    let config = config_dir();
    let mut first = Mcc::start(&["new", "--quarter", "2026-Q2"], config.path(), 100, 30);
    first.wait_for("Item 1 of 12");
    first.send("9m");
    first.send(keys::ENTER);
    first.wait_for("Item 2 of 12");

    let mut second = Mcc::start(&["new", "--quarter", "2026-Q2"], config.path(), 100, 30);
    let screen = second.wait_for("read-only, open in another mcc");
    assert!(screen.contains("close the other mcc"), "{screen}");
    second.send(keys::ENTER);
    second.wait_for("then open the quarter again here to change it");
    second.send("q");
    assert_eq!(second.wait_exit(), (true, true));

    first.send("12");
    first.send(keys::ENTER);
    first.wait_for("Item 3 of 12");
    first.send(keys::CTRL_C);
    assert_eq!(first.wait_exit(), (true, true));
    let saved: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(session_file(config.path(), "2026-Q2")).unwrap(),
    )
    .unwrap();
    assert_eq!(saved["answers"]["lead_response_time"]["value"], 9.0);
    assert_eq!(
        saved["answers"]["leads_contacted_within_5_min"]["value"],
        12.0
    );
}

#[test]
fn a_damaged_quarter_is_restored_from_its_backup_on_request() {
    let config = config_dir();
    let sessions = config.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let fixture = format!(
        "{}/tests/fixtures/sessions/2026-Q1.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::copy(&fixture, sessions.join("2026-Q1.json.bak")).unwrap();
    std::fs::write(sessions.join("2026-Q1.json"), "{ half a file").unwrap();

    let mut mcc = Mcc::start(&[], config.path(), 100, 30);
    mcc.wait_for("2026-Q1  damaged");
    mcc.send(keys::DOWN);
    mcc.send(keys::ENTER);
    mcc.wait_for("(if there is one)?");
    mcc.send(keys::ENTER);
    mcc.wait_for("Restored 2026-Q1 from its backup.");
    mcc.wait_for("2026-Q1   5 of 12");
    mcc.send(keys::CTRL_C);
    assert_eq!(mcc.wait_exit(), (true, true));

    let restored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sessions.join("2026-Q1.json")).unwrap())
            .unwrap();
    assert_eq!(restored["quarter"], "2026-Q1");
    let kept: Vec<String> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.contains(".damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside");
    assert_eq!(
        std::fs::read_to_string(sessions.join(&kept[0])).unwrap(),
        "{ half a file"
    );
}
