//! The command line: help, version, list, show, compare, export, checklist, import, gap,
//! profile, the organisation's benchmarks, the theme setting, completions, the man page and
//! the demo data, run as a user would.

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
        "gap",
        "profile",
        "present",
        "demo",
        "completions",
        "man",
        "--config-dir",
        "--theme",
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

/// The sample Salesforce leads, activities and opportunities exports.
fn salesforce_exports() -> [String; 3] {
    [
        "salesforce-leads.csv",
        "salesforce-activities.csv",
        "salesforce-opportunities.csv",
    ]
    .map(sample)
}

#[test]
fn import_computes_the_sample_quarter_and_shows_its_working_as_json() {
    let config = config_dir();
    let files = salesforce_exports();
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

const FULL_GAP: [&str; 11] = [
    "--quota",
    "5M",
    "--closed",
    "3.6M",
    "--win-rate",
    "22",
    "--deal-size",
    "48k",
    "--lead-to-opp",
    "10",
    "--format",
];

fn saved_session(config: &std::path::Path, quarter: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(session_file(config, quarter)).unwrap()).unwrap()
}

#[test]
fn gap_says_the_miss_in_pipeline_opportunities_and_leads_and_saves_the_inputs() {
    let config = config_dir();
    let mut args = vec!["gap", "2026-Q3"];
    args.extend(FULL_GAP);
    args.push("text");
    let output = mcc(config.path(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Revenue gap for 2026-Q3\n\nQuota                       $5M (typed)\n"),
        "{text}"
    );
    assert!(
        text.contains("\nYou missed by $1.4M. At a 22% win rate and $48k deals that is $6.4M of pipeline, about 133 opportunities, about 1,300 leads at your 10% lead-to-opportunity rate.\n"),
        "{text}"
    );
    assert_eq!(
        stderr(&output).trim(),
        "Saved quota, revenue closed, win rate, average deal size, lead-to-opportunity rate to 2026-Q3."
    );
    let saved = saved_session(config.path(), "2026-Q3");
    assert_eq!(saved["schema_version"], 1);
    assert_eq!(saved["gap"]["quota"]["value"], 5e6);
    assert_eq!(saved["gap"]["deal_size"]["text"], "48k");
    assert_eq!(saved["gap"]["win_rate"]["source"]["kind"], "typed");

    let again = mcc(config.path(), &["gap", "2026-Q3"]);
    assert_eq!(stdout(&again), text, "read back from the saved quarter");
    assert_eq!(stderr(&again), "", "nothing new to save");
}

#[test]
fn gap_as_json_has_stable_keys_and_unrounded_numbers() {
    let config = config_dir();
    let mut args = vec!["gap", "2026-Q3"];
    args.extend(FULL_GAP);
    args.push("json");
    let json = json(&mcc(config.path(), &args));
    let mut keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "fixes",
            "inputs",
            "leads_needed",
            "miss",
            "needs",
            "opportunities_needed",
            "pipeline_needed",
            "quarter",
            "sentence"
        ]
    );
    assert_eq!(json["quarter"], "2026-Q3");
    assert_eq!(json["miss"], 1.4e6);
    let close = |key: &str, want: f64| {
        let got = json[key].as_f64().unwrap();
        assert!((got - want).abs() < 1e-6, "{key}: {got}");
    };
    close("pipeline_needed", 1.4e6 / 0.22);
    close("opportunities_needed", 1.4e6 / 0.22 / 48_000.0);
    close("leads_needed", 1.4e6 / 0.22 / 48_000.0 / 0.10);
    assert_eq!(json["inputs"]["lead_to_opportunity_rate"]["value"], 10.0);
    assert_eq!(
        json["inputs"]["lead_to_opportunity_rate"]["source"],
        "typed"
    );
    assert_eq!(json["needs"], serde_json::json!([]));
}

#[test]
fn gap_with_missing_inputs_says_what_it_needs_to_say_more() {
    let config = config_with_q2();
    let output = mcc(config.path(), &["gap", "2026-Q2", "--quota", "5M"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("\nRevenue closed              not given\n"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("\nNeed the revenue closed to say how big the miss was.\n"),
        "{}",
        stdout(&output)
    );
    let json = json(&mcc(
        config.path(),
        &[
            "gap",
            "2026-Q2",
            "--closed",
            "3.6M",
            "--win-rate",
            "0",
            "--format",
            "json",
        ],
    ));
    assert_eq!(json["miss"], 1.4e6);
    assert_eq!(json["pipeline_needed"], serde_json::Value::Null);
    assert_eq!(
        json["sentence"],
        "You missed by $1.4M. Need a win rate above 0% to say how much pipeline that is."
    );
    assert_eq!(
        json["needs"],
        serde_json::json!(["Need a win rate above 0% to say how much pipeline that is."])
    );
    let saved = saved_session(config.path(), "2026-Q2");
    assert_eq!(
        saved["answers"]["lead_response_time"]["value"], 4.0,
        "answers are kept"
    );
    assert_eq!(
        saved["gap"]["quota"]["value"], 5e6,
        "earlier inputs are kept"
    );
}

#[test]
fn gap_refuses_an_unsaved_quarter_without_inputs_and_values_it_cannot_read() {
    let config = config_with_q2();
    let output = mcc(config.path(), &["gap", "2024-Q1"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("mcc: 2024-Q1 has not been saved. Saved quarters: 2026-Q2.")
    );
    let output = mcc(config.path(), &["gap", "2026-Q2", "--win-rate", "120"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("A share must be between 0% and 100%."),
        "{}",
        stderr(&output)
    );
    let output = mcc(config.path(), &["gap", "2026-Q2", "--quota", "lots"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        saved_session(config.path(), "2026-Q2").get("gap").is_none(),
        "nothing saved"
    );
}

#[test]
fn gap_uses_imported_win_rate_and_deal_size_and_sizes_slow_response() {
    let config = config_dir();
    let files = salesforce_exports();
    let mut args = vec!["import", "--quarter", "2026-Q3", "--save"];
    args.extend(files.iter().map(String::as_str));
    let import = mcc(config.path(), &args);
    assert!(import.status.success(), "{}", stderr(&import));
    assert!(
        stderr(&import).contains(" For the revenue gap: win rate 27.9%, average deal size $48.5k."),
        "{}",
        stderr(&import)
    );
    let json = json(&mcc(
        config.path(),
        &[
            "gap", "2026-Q3", "--quota", "3.2M", "--closed", "2.84M", "--format", "json",
        ],
    ));
    assert_eq!(json["inputs"]["win_rate"]["source"], "imported");
    assert_eq!(json["inputs"]["deal_size"]["source"], "imported");
    assert_eq!(
        json["inputs"]["lead_to_opportunity_rate"]["source"],
        "checklist"
    );
    let sentence = json["sentence"].as_str().unwrap();
    assert!(sentence.starts_with("You missed by $360k. At a 27.9% win rate and $48.5k deals that is $1.3M of pipeline, about 27 opportunities, about 235 leads at your 11.3% lead-to-opportunity rate."), "{sentence}");
    let fixes = json["fixes"].as_array().unwrap();
    assert_eq!(fixes.len(), 1, "follow-up is good at 83.9%");
    assert_eq!(fixes[0]["item"], "lead_response_time");
    assert!(
        fixes[0]["figure"]
            .as_str()
            .unwrap()
            .starts_with("HBR, The Short Life of Online Sales Leads, 2011")
    );
    assert!(
        fixes[0]["assumption"]
            .as_str()
            .unwrap()
            .contains("only a 1.5x rise")
    );
}

#[test]
fn profile_shifts_the_share_bands_and_shows_why() {
    let config = config_with_q2();
    let before = stdout(&mcc(config.path(), &["show", "2026-Q2"]));
    assert!(
        before.contains("✗ poor          Marketing share of pipeline"),
        "{before}"
    );

    let none = mcc(config.path(), &["profile", "2026-Q2"]);
    assert!(
        stdout(&none)
            .starts_with("2026-Q2 has no go-to-market profile, so the built-in bands apply."),
        "{}",
        stdout(&none)
    );

    let set = mcc(config.path(), &["profile", "2026-Q2", "enterprise"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let text = stdout(&set);
    assert!(text.starts_with("Go-to-market profile for 2026-Q2: enterprise account-based. You sell to a few large named accounts"), "{text}");
    assert!(text.contains("\nMarketing share of pipeline: 10% or more (enterprise account-based)\n  Enterprise account-based: "), "{text}");
    assert_eq!(
        saved_session(config.path(), "2026-Q2")["go_to_market"],
        "enterprise"
    );

    let after = stdout(&mcc(config.path(), &["show", "2026-Q2"]));
    assert!(
        after.contains("✓ good          Marketing share of pipeline"),
        "12% is good for an enterprise seller: {after}"
    );
    assert!(
        after
            .contains("\n  Bands: Enterprise account-based: selling to a few large named accounts"),
        "{after}"
    );
    let list = json(&mcc(config.path(), &["list", "--format", "json"]));
    assert_eq!(
        (
            list["quarters"][0]["good"].as_u64(),
            list["quarters"][0]["poor"].as_u64()
        ),
        (Some(2), Some(0))
    );
    let md = stdout(&mcc(config.path(), &["export", "2026-Q2"]));
    assert!(
        md.contains("\nGo-to-market profile: enterprise account-based.\n"),
        "{md}"
    );

    let outbound = mcc(config.path(), &["profile", "2026-Q2", "outbound"]);
    assert!(
        stdout(&outbound).contains("These bands are mcc defaults, not from a study."),
        "{}",
        stdout(&outbound)
    );
    assert_eq!(
        mcc(config.path(), &["profile", "2026-Q2", "viral"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_bad_benchmarks_file_is_a_warning_naming_line_and_key_and_the_built_in_bands_stay() {
    let config = config_with_q2();
    std::fs::write(
        config.path().join("benchmarks.toml"),
        "[lead_response_time]\ngood = 3\nwatch = \"soon\"\n",
    )
    .unwrap();
    let output = mcc(config.path(), &["show", "2026-Q2", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let warning = stderr(&output);
    assert!(warning.starts_with("mcc: warning: "), "{warning}");
    assert!(
        warning.contains("benchmarks.toml, line 3, key `lead_response_time.watch`: \"soon\" can't be read as minutes; the built-in benchmark for Lead response time stays in force"),
        "{warning}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["metrics"][0]["rating"], "good",
        "4 min against the built-in 5 minutes"
    );
    assert_eq!(json["metrics"][0]["band_reason"], serde_json::Value::Null);

    std::fs::write(
        config.path().join("benchmarks.toml"),
        "[lead_response_time\n",
    )
    .unwrap();
    let output = mcc(config.path(), &["list"]);
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("benchmarks.toml, line 1: this is not valid TOML ("),
        "{}",
        stderr(&output)
    );

    std::fs::write(
        config.path().join("benchmarks.toml"),
        "[lead_response_time]\ngood = 3\nwatch = \"10m\"\n",
    )
    .unwrap();
    let output = mcc(config.path(), &["show", "2026-Q2", "--format", "json"]);
    assert_eq!(stderr(&output), "");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["metrics"][0]["rating"], "watch",
        "4 min against our own 3 minutes"
    );
    assert_eq!(json["metrics"][0]["benchmark"], "3 min or less");
    assert!(
        json["metrics"][0]["band_reason"]
            .as_str()
            .unwrap()
            .starts_with("Your organisation's benchmark, from benchmarks.toml line 1")
    );
}

#[test]
fn theme_is_remembered_in_the_config_file_and_a_bad_file_is_left_alone() {
    let config = config_dir();
    let output = mcc(config.path(), &["--theme", "high-contrast", "list"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let file = config.path().join("config.toml");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "theme = \"high-contrast\"\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    mcc(config.path(), &["list", "--theme", "light"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "theme = \"light\"\n"
    );
    mcc(config.path(), &["list"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "theme = \"light\"\n",
        "kept without --theme"
    );

    std::fs::write(&file, "theme = 3\n").unwrap();
    let output = mcc(config.path(), &["--theme", "dark", "list"]);
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("config.toml line 1: "),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("the theme was not remembered"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "theme = 3\n");
    assert_eq!(
        mcc(config.path(), &["--theme", "neon", "list"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn completions_and_the_man_page_come_from_the_command_definitions() {
    let config = config_dir();
    for shell in ["bash", "zsh", "fish"] {
        let output = mcc(config.path(), &["completions", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        for command in [
            "gap",
            "profile",
            "present",
            "demo",
            "export",
            "import",
            "completions",
        ] {
            assert!(script.contains(command), "{shell} completes {command}");
        }
        assert!(
            script.contains("high-contrast"),
            "{shell} completes theme names"
        );
    }
    let man = mcc(config.path(), &["man"]);
    assert!(man.status.success());
    let page = stdout(&man);
    assert!(page.contains(".TH mcc 1"), "{page}");
    assert!(page.contains("Marketing Contribution Checklist"));
    assert!(page.contains("gap") && page.contains("profile"));
    assert!(
        std::fs::read_dir(config.path()).unwrap().next().is_none(),
        "completions and man need no config folder"
    );
    assert_eq!(
        mcc(config.path(), &["completions", "tcsh"]).status.code(),
        Some(2)
    );
}

#[test]
fn present_refuses_a_quarter_that_is_not_saved_before_taking_the_screen() {
    let config = config_with_q2();
    let output = mcc(config.path(), &["present", "2024-Q1"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("mcc: 2024-Q1 has not been saved. Saved quarters: 2026-Q2.")
    );
}

#[test]
fn demo_data_is_four_readable_varied_quarters_and_leaves_the_user_s_folder_alone() {
    let user = config_dir();
    let place = tempfile::tempdir().unwrap();
    let demo = mcc::demo::prepare(place.path()).unwrap();
    let demo_config = demo.config_dir.to_str().unwrap();
    let list = json(&mcc(
        user.path(),
        &["--config-dir", demo_config, "list", "--format", "json"],
    ));
    let quarters = list["quarters"].as_array().unwrap();
    let names: Vec<&str> = quarters
        .iter()
        .map(|q| q["quarter"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4"]);
    for quarter in quarters {
        assert_eq!(
            (quarter["answered"].as_u64(), quarter["damaged"].is_null()),
            (Some(12), true)
        );
    }
    let goods: Vec<u64> = quarters
        .iter()
        .map(|q| q["good"].as_u64().unwrap())
        .collect();
    assert!(
        goods[0] > goods[3],
        "2026-Q3 is better than 2025-Q4: {goods:?}"
    );
    let compare = json(&mcc(
        user.path(),
        &[
            "--config-dir",
            demo_config,
            "compare",
            "2025-Q4",
            "2026-Q3",
            "--format",
            "json",
        ],
    ));
    let changes: Vec<&str> = compare["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["change"].as_str().unwrap())
        .collect();
    assert!(
        changes.iter().filter(|c| **c == "improved").count() >= 6,
        "{changes:?}"
    );
    let gap = json(&mcc(
        user.path(),
        &[
            "--config-dir",
            demo_config,
            "gap",
            "2026-Q3",
            "--format",
            "json",
        ],
    ));
    assert!(
        gap["sentence"]
            .as_str()
            .unwrap()
            .starts_with("You missed by $360k."),
        "{gap}"
    );
    let show = stdout(&mcc(
        user.path(),
        &["--config-dir", demo_config, "show", "2025-Q4"],
    ));
    assert!(
        show.contains("Agreement: disputed. Note: Marketing counts partner-referred deals"),
        "{show}"
    );
    assert!(
        demo.sample_files
            .iter()
            .all(|f| f.starts_with(place.path()))
    );
    assert!(
        std::fs::read_dir(user.path()).unwrap().next().is_none(),
        "the user's config folder is untouched"
    );
}
