//! The command line: help, version, list, show and checklist, run as a user would.

mod common;

use std::process::{Command, Output};

use common::{config_dir, session_file};

fn mcc(config: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mcc"))
        .args(args)
        .env("MCC_CONFIG_DIR", config)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const SESSION: &str = r#"{
  "schema_version": 1,
  "quarter": "2026-Q2",
  "created_at": "2026-07-01T12:00:00Z",
  "updated_at": "2026-07-02T12:00:00Z",
  "answers": {
    "lead_response_time": { "value": 4.0, "text": "4m", "answered_at": "2026-07-01T12:00:00Z", "source": { "kind": "typed" } },
    "marketing_pipeline_share": { "value": 12.0, "text": "12%", "answered_at": "2026-07-01T12:00:00Z", "source": { "kind": "typed" } },
    "mql_to_sql_rate": { "value": null, "text": "?", "answered_at": "2026-07-01T12:00:00Z", "source": { "kind": "typed" } }
  }
}"#;

fn config_with_q2() -> tempfile::TempDir {
    let config = config_dir();
    let path = session_file(config.path(), "2026-Q2");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, SESSION).unwrap();
    config
}

#[test]
fn help_and_version_work_without_a_terminal() {
    let config = config_dir();
    let help = mcc(config.path(), &["--help"]);
    assert!(help.status.success());
    for command in ["new", "list", "show", "checklist", "--config-dir"] {
        assert!(stdout(&help).contains(command), "--help mentions {command}");
    }
    let version = mcc(config.path(), &["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("mcc {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn list_says_where_quarters_will_be_saved_when_there_are_none() {
    let config = config_dir();
    let output = mcc(config.path(), &["list"]);
    assert!(output.status.success());
    assert!(
        stdout(&output).starts_with("No saved quarters yet in "),
        "{}",
        stdout(&output)
    );
}

#[test]
fn list_shows_one_line_per_quarter_with_damaged_ones_explained() {
    let config = config_with_q2();
    std::fs::write(session_file(config.path(), "2026-Q1"), "not json").unwrap();
    let output = mcc(config.path(), &["list"]);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("2026-Q2   3 of 12 answered  last changed 2026-07-0"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("2026-Q1  damaged: ") && lines[1].contains("left untouched"),
        "{text}"
    );
}

#[test]
fn show_prints_the_scorecard_as_text_and_json() {
    let config = config_with_q2();
    let text = stdout(&mcc(config.path(), &["show", "2026-Q2"]));
    assert!(text.starts_with("Scorecard for 2026-Q2\nMarketing meets the benchmark on 1 of 2 answered items; 1 unknown; 9 not answered yet."), "{text}");
    assert!(
        text.contains("✓ good          Lead response time"),
        "{text}"
    );

    let output = mcc(config.path(), &["show", "2026-Q2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["quarter"], "2026-Q2");
    let metrics = json["metrics"].as_array().unwrap();
    assert_eq!(metrics.len(), 12);
    assert_eq!(metrics[0]["id"], "lead_response_time");
    assert_eq!(metrics[0]["value"], 4.0);
    assert_eq!(metrics[0]["rating"], "good");
    let share = metrics
        .iter()
        .find(|m| m["id"] == "marketing_pipeline_share")
        .unwrap();
    assert_eq!(share["rating"], "poor");
    assert!(share["verdict"].as_str().unwrap().starts_with("12%: "));
    let unknown = metrics
        .iter()
        .find(|m| m["id"] == "mql_to_sql_rate")
        .unwrap();
    assert_eq!(
        (unknown["value"].is_null(), unknown["rating"].as_str()),
        (true, Some("unknown"))
    );
    let unanswered = metrics.iter().find(|m| m["id"] == "ltv_to_cac").unwrap();
    assert_eq!(
        (unanswered["value"].is_null(), unanswered["rating"].as_str()),
        (true, Some("unanswered"))
    );
}

#[test]
fn show_explains_a_quarter_that_was_never_saved() {
    let config = config_with_q2();
    let output = mcc(config.path(), &["show", "2025-Q4"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).trim(),
        "mcc: 2025-Q4 has not been saved. Saved quarters: 2026-Q2. Start it with `mcc new --quarter 2025-Q4`."
    );
}

#[test]
fn a_quarter_that_is_not_yyyy_qn_is_refused_before_anything_happens() {
    let config = config_dir();
    let output = mcc(config.path(), &["new", "--quarter", "../../etc"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("\"../../etc\" is not a quarter. Write it as YEAR-QN, for example 2026-Q3."),
        "{}",
        stderr(&output)
    );
    assert!(
        !config.path().join("sessions").exists()
            || std::fs::read_dir(config.path().join("sessions"))
                .unwrap()
                .next()
                .is_none()
    );
}

#[test]
fn checklist_lists_items_with_benchmarks_and_sources() {
    let config = config_dir();
    let text = stdout(&mcc(config.path(), &["checklist"]));
    assert!(
        text.contains("1. Lead response time [lead_response_time]"),
        "{text}"
    );
    assert!(
        text.contains("Benchmark: 5 minutes or less (minutes, lower is better)"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&mcc(config.path(), &["checklist", "--format", "json"]).stdout)
            .unwrap();
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), 12);
    assert_eq!(items[6]["id"], "marketing_pipeline_share");
    assert_eq!(items[6]["bands"]["good"], 25.0);
}

#[test]
fn a_config_dir_that_is_a_file_gets_a_clear_error() {
    let config = config_dir();
    let file = config.path().join("not-a-folder");
    std::fs::write(&file, "").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_mcc"))
        .args(["list", "--config-dir"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("that folder could not be used") && message.contains("--config-dir"),
        "{message}"
    );
}
