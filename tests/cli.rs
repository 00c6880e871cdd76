//! The command line: help, version, list, show, compare, export and checklist, run as a user
//! would.

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

/// A config folder holding the fixture quarters 2025-Q4, 2026-Q1 and 2026-Q2.
fn config_with_fixtures() -> tempfile::TempDir {
    let config = config_dir();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions");
    for quarter in ["2025-Q4", "2026-Q1", "2026-Q2"] {
        let path = session_file(config.path(), quarter);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::copy(fixtures.join(format!("{quarter}.json")), path).unwrap();
    }
    config
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).unwrap()
}

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
    for command in [
        "new",
        "list",
        "show",
        "compare",
        "export",
        "checklist",
        "--config-dir",
    ] {
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
        lines[0].starts_with(
            "2026-Q2   3 of 12 answered   1 good  0 watch  1 poor  1 unknown  last changed 2026-07-0"
        ),
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

#[test]
fn list_as_json_has_stable_keys_newest_first_with_damaged_files_marked() {
    let config = config_with_fixtures();
    std::fs::write(session_file(config.path(), "2025-Q3"), "not json").unwrap();
    let json = json(&mcc(config.path(), &["list", "--format", "json"]));
    let quarters = json["quarters"].as_array().unwrap();
    let names: Vec<&str> = quarters
        .iter()
        .map(|q| q["quarter"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3"]);
    let q2 = &quarters[0];
    assert_eq!(
        [
            &q2["answered"],
            &q2["total"],
            &q2["good"],
            &q2["watch"],
            &q2["poor"],
            &q2["unknown"]
        ],
        [7, 12, 2, 3, 1, 1]
    );
    assert_eq!(q2["last_changed"], "2026-07-03T15:45:00Z");
    assert!(q2["damaged"].is_null());
    assert!(quarters[3]["answered"].is_null());
    assert!(
        quarters[3]["damaged"]
            .as_str()
            .unwrap()
            .contains("left untouched")
    );

    let empty = config_dir();
    let json = self::json(&mcc(empty.path(), &["list", "--format", "json"]));
    assert_eq!(json, serde_json::json!({ "quarters": [] }));
}

#[test]
fn show_as_json_adds_each_metric_s_note_and_agreement() {
    let config = config_with_fixtures();
    let json = json(&mcc(
        config.path(),
        &["show", "2026-Q2", "--format", "json"],
    ));
    let metrics = json["metrics"].as_array().unwrap();
    assert_eq!(metrics[0]["note"], "@Dana to confirm with sales ops");
    assert_eq!(metrics[0]["agreement"], "agreed");
    assert_eq!(metrics[1]["note"], "");
    assert_eq!(metrics[1]["agreement"], "not_discussed");
    let text = stdout(&mcc(config.path(), &["show", "2026-Q2"]));
    assert!(
        text.contains("  Agreement: agreed. Note: @Dana to confirm with sales ops\n"),
        "{text}"
    );
}

#[test]
fn compare_puts_two_quarters_side_by_side_as_text_and_json() {
    let config = config_with_fixtures();
    let output = mcc(config.path(), &["compare", "2025-Q4", "2026-Q2"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("2025-Q4 against 2026-Q2\n"), "{text}");
    assert!(
        text.contains(
            "Lead response time            3 h ✗ poor        40 min ▲ watch\n  improved from 3 h to 40 min\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  not known in 2025-Q4 or 2026-Q2\n"),
        "{text}"
    );

    let json = json(&mcc(
        config.path(),
        &["compare", "2026-Q1", "2026-Q2", "--format", "json"],
    ));
    assert_eq!(
        (json["quarter_a"].as_str(), json["quarter_b"].as_str()),
        (Some("2026-Q1"), Some("2026-Q2"))
    );
    let share = json["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "marketing_pipeline_share")
        .unwrap();
    assert_eq!(
        (share["value_a"].as_f64(), share["value_b"].as_f64()),
        (Some(18.0), Some(22.0))
    );
    assert_eq!(
        (share["rating_a"].as_str(), share["rating_b"].as_str()),
        (Some("watch"), Some("watch"))
    );
    assert_eq!(share["change"], "improved");
    assert_eq!(share["words"], "improved from 18% to 22%");
}

#[test]
fn export_prints_markdown_by_default() {
    let config = config_with_fixtures();
    let output = mcc(config.path(), &["export", "2026-Q2"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let md = stdout(&output);
    assert!(md.starts_with("# Marketing contribution brief: 2026-Q2\n\n**Overall:** Marketing meets the benchmark on 2 of 6 answered items"), "{md}");
    assert!(
        md.contains("| Lead response time | 40 min | 5 minutes or less | ▲ watch |"),
        "{md}"
    );
    assert!(md.contains("| improved from 3 h in 2025-Q4 to 40 min (not known in 2026-Q1) | agreed | @Dana to confirm with sales ops |"), "{md}");
    assert!(
        md.contains("## Questions to ask marketing\n\n1. **Lead follow-up rate: 35%**"),
        "{md}"
    );
    assert!(md.contains("2. **MQL to SQL rate: not known**"), "{md}");
}

#[test]
fn export_csv_is_spreadsheet_safe_and_json_reads_back() {
    let config = config_with_fixtures();
    let output = mcc(config.path(), &["export", "2026-Q2", "--format", "csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..4], ["quarter", "id", "name", "value"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 12);
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][column("value")], "40");
    assert_eq!(&rows[0][column("note")], "'@Dana to confirm with sales ops");
    assert_eq!(&rows[0][column("rating")], "watch");

    let json = json(&mcc(
        config.path(),
        &["export", "2026-Q2", "--format", "json"],
    ));
    assert_eq!(json["quarter"], "2026-Q2");
    assert_eq!(json["previous_quarter"], "2026-Q1");
    assert_eq!(json["metrics"][0]["value"], 40.0);
    assert_eq!(
        json["metrics"][0]["trend"],
        "improved from 3 h in 2025-Q4 to 40 min (not known in 2026-Q1)"
    );
    assert_eq!(json["questions"][0]["id"], "lead_follow_up_rate");
}

#[test]
fn export_with_o_writes_the_file_and_prints_its_path() {
    let config = config_with_fixtures();
    for (format, name) in [
        ("md", "brief.md"),
        ("csv", "brief.csv"),
        ("json", "brief.json"),
    ] {
        let path = config.path().join(name);
        std::fs::write(&path, "an older export").unwrap();
        let output = mcc(
            config.path(),
            &[
                "export",
                "2026-Q2",
                "--format",
                format,
                "-o",
                path.to_str().unwrap(),
            ],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(
            stdout(&output),
            format!(
                "Wrote {}\n",
                std::fs::canonicalize(&path).unwrap().display()
            )
        );
        let printed = stdout(&mcc(
            config.path(),
            &["export", "2026-Q2", "--format", format],
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), printed, "{format}");
    }

    let nowhere = config.path().join("missing-folder/brief.md");
    let output = mcc(
        config.path(),
        &["export", "2026-Q2", "--output", nowhere.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("mcc: could not write "),
        "{}",
        stderr(&output)
    );
    assert!(!nowhere.exists());
}

#[test]
fn compare_and_export_name_the_saved_quarters_when_one_is_missing() {
    let config = config_with_fixtures();
    let target = config.path().join("x.md");
    for args in [
        &["export", "2024-Q1"][..],
        &["export", "2024-Q1", "-o", target.to_str().unwrap()][..],
        &["compare", "2026-Q1", "2024-Q1"][..],
    ] {
        let output = mcc(config.path(), args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&output).trim(),
            "mcc: 2024-Q1 has not been saved. Saved quarters: 2026-Q2, 2026-Q1, 2025-Q4. Start it with `mcc new --quarter 2024-Q1`.",
            "{args:?}"
        );
        assert!(stdout(&output).is_empty());
    }
    assert!(!target.exists());
}

#[test]
fn compare_and_export_refuse_a_quarter_that_is_not_yyyy_qn() {
    let config = config_with_fixtures();
    for args in [
        &["export", "2026-Q5"][..],
        &["export", "../2026-Q2"][..],
        &["compare", "2026-Q1", "Q2"][..],
        &["list", "--format", "yaml"][..],
        &["export", "2026-Q2", "--format", "xlsx"][..],
    ] {
        let output = mcc(config.path(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
    let output = mcc(config.path(), &["compare", "2026-Q1", "Q2"]);
    assert!(
        stderr(&output)
            .contains("\"Q2\" is not a quarter. Write it as YEAR-QN, for example 2026-Q3."),
        "{}",
        stderr(&output)
    );
}

fn sample(name: &str) -> String {
    format!("{}/sample-data/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn import_computes_the_sample_quarter_and_shows_its_working_as_json() {
    let config = config_dir();
    let files = [
        "salesforce-leads.csv",
        "salesforce-activities.csv",
        "salesforce-opportunities.csv",
    ]
    .map(sample);
    let mut args = vec!["import", "--quarter", "2026-Q3", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let output = mcc(config.path(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let kinds: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["leads", "activities", "opportunities"]);
    assert_eq!(json["files"][0]["mapping"]["created"], "Created Date");
    let bad = &json["files"][0]["bad_rows"][0];
    assert_eq!(
        (bad["line"].as_u64(), bad["column"].as_str()),
        (Some(370), Some("Created Date"))
    );
    let value = |id: &str| {
        let metric = json["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == id)
            .unwrap();
        assert!(
            !metric["working"]["formula"].as_str().unwrap().is_empty(),
            "{id} shows its working"
        );
        metric["value"].as_f64()
    };
    assert_eq!(value("lead_count"), Some(795.0));
    let close = |id: &str, want: f64| {
        let got = value(id).unwrap();
        assert!((got - want).abs() < 0.05, "{id}: {got} (expected {want})");
    };
    close("lead_response_time_median", 18.0);
    close("leads_contacted_within_5_min", 16.9);
    close("lead_follow_up_rate", 83.9);
    close("lead_to_opportunity_rate", 11.3);
    assert!(!stdout(&output).contains("NaN"));
    assert!(
        !session_file(config.path(), "2026-Q3").exists(),
        "nothing is saved without --save"
    );
}

#[test]
fn import_save_keeps_typed_answers_unless_forced() {
    let config = config_with_q2();
    let summary = sample("metric-summary.csv");
    let output = mcc(
        config.path(),
        &["import", "--quarter", "2026-Q2", "--save", &summary],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("Saved 5 answers to 2026-Q2. Kept your typed answers for Lead response time, MQL to SQL rate (use --force to replace them)."), "{}", stderr(&output));
    let saved: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(session_file(config.path(), "2026-Q2")).unwrap(),
    )
    .unwrap();
    assert_eq!(saved["answers"]["lead_response_time"]["value"], 4.0);
    assert_eq!(saved["answers"]["lead_follow_up_rate"]["value"], 62.0);
    assert_eq!(
        saved["answers"]["lead_follow_up_rate"]["source"]["kind"],
        "imported"
    );
    assert_eq!(saved["answers"]["sales_marketing_sla"]["value"], 0.5);

    let forced = mcc(
        config.path(),
        &[
            "import",
            "--quarter",
            "2026-Q2",
            "--save",
            "--force",
            &summary,
        ],
    );
    assert!(forced.status.success());
    let saved: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(session_file(config.path(), "2026-Q2")).unwrap(),
    )
    .unwrap();
    assert_eq!(saved["answers"]["lead_response_time"]["value"], 90.0);
}

#[test]
fn import_of_an_empty_file_says_so_in_one_sentence() {
    let config = config_dir();
    let empty = config.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let output = mcc(config.path(), &["import", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with("mcc: ") && message.contains("empty.csv is empty"),
        "{message}"
    );
    assert_eq!(message.trim().lines().count(), 1, "{message}");
}

#[test]
fn import_help_shows_how_to_try_the_sample_data() {
    let config = config_dir();
    let help = stdout(&mcc(config.path(), &["import", "--help"]));
    assert!(
        help.contains("mcc import sample-data/salesforce-leads.csv"),
        "{help}"
    );
    assert!(
        help.contains("--map <COLUMN=FIELD>") && help.contains("--date-order"),
        "{help}"
    );
}
