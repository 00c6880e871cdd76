//! End to end: the real binary in a pseudo-terminal with a temporary config folder.

mod common;

use common::{Mcc, config_dir, keys, session_file};

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
