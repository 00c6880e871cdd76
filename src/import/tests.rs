//! End-to-end tests on small hand-made exports: every expected value was worked out by hand.

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use tempfile::TempDir;

use super::*;
use crate::checklist::quarter::Quarter;

struct Files {
    dir: TempDir,
    paths: Vec<PathBuf>,
}

fn files(list: &[(&str, &[u8])]) -> Files {
    let dir = TempDir::new().expect("temp dir");
    let paths = list
        .iter()
        .map(|(name, bytes)| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("write fixture");
            path
        })
        .collect();
    Files { dir, paths }
}

fn run_with(list: &[(&str, &[u8])], options: &ImportOptions) -> Result<ImportReport, ImportError> {
    let f = files(list);
    let result = import_files(&f.paths, options, &|_| {}, &AtomicBool::new(false));
    drop(f.dir);
    result
}

fn run(list: &[(&str, &[u8])]) -> ImportReport {
    run_with(list, &ImportOptions::default()).unwrap_or_else(|e| panic!("import failed: {e}"))
}

fn value(report: &ImportReport, id: &str) -> Option<f64> {
    report
        .metric(id)
        .unwrap_or_else(|| panic!("no metric {id}"))
        .value
}

#[track_caller]
fn close_to(got: Option<f64>, want: f64) {
    let got = got.expect("a value");
    assert!((got - want).abs() < 1e-9, "got {got}, want {want}");
}

fn in_q2() -> ImportOptions {
    ImportOptions {
        quarter: Some(Quarter::new(2024, 2).unwrap()),
        ..ImportOptions::default()
    }
}

const LEADS: &str = "\
Lead ID,Created Date,First Response Date,Lead Source,Lead Status,Converted
L1,2024-04-01 09:00:00,2024-04-01 09:02:00,Web,Working,1
L2,2024-04-02 10:00:00,2024-04-02 10:04:00,Outbound,Working,0
L3,2024-04-03 11:00:00,2024-04-03 11:10:00,Webinar,Working,true
L4,2024-04-04 12:00:00,2024-04-04 13:00:00,Partner,Working,No
L5,2024-04-05 13:00:00,,Web,Open,0
L6,2024-04-06 14:00:00,,,Open,
";

#[test]
fn lead_metrics_by_hand() {
    let report = run(&[("leads.csv", LEADS.as_bytes())]);
    assert_eq!(report.files[0].kind, FileKind::Leads);
    close_to(value(&report, "lead_count"), 6.0);
    // Contacted: 2, 4, 10 and 60 minutes.
    close_to(
        value(&report, "lead_response_time"),
        (2.0 + 4.0 + 10.0 + 60.0) / 4.0,
    );
    close_to(
        value(&report, "lead_response_time_median"),
        (4.0 + 10.0) / 2.0,
    );
    close_to(
        value(&report, "leads_contacted_within_5_min"),
        2.0 * 100.0 / 6.0,
    );
    close_to(value(&report, "lead_follow_up_rate"), 4.0 * 100.0 / 6.0);
    close_to(
        value(&report, "lead_to_opportunity_rate"),
        2.0 * 100.0 / 6.0,
    );
    assert_eq!(value(&report, "pipeline_amount"), None);
    let median = report.metric("lead_response_time_median").unwrap();
    assert_eq!(median.working.rows_used, 4);
    assert_eq!(median.working.left_out.get("never contacted"), Some(&2));
    assert!(median.working.formula.contains(
        "median minutes from \"Created Date\" to \"First Response Date\", over 4 contacted leads"
    ));
    assert!(
        report
            .notes
            .iter()
            .any(|n| n == "2 leads (33%) were never contacted (\"First Response Date\" is blank)."),
        "{:?}",
        report.notes
    );
    assert!(
        report
            .notes
            .contains(&"Blank source on 1 of the leads.".to_string()),
        "{:?}",
        report.notes
    );
}

const OPPS: &str = "\
Opportunity ID,Opportunity Name,Amount,Stage,Close Date,Created Date,Lead Source
O1,A,\"$1,000.00\",Closed Won,2024-05-01,2024-04-01,Web
O2,B,2000,Closed Lost,2024-05-02,2024-04-02,Web
O3,C,3000,Closed Won,2024-05-03,2024-04-03,Outbound
O4,D,4000,Prospecting,2024-06-30,2024-04-04,Partner
O5,E,500,Closed Won,2024-05-05,2024-04-05,
O6,F,,Closed Lost,2024-05-06,2024-04-06,Billboard
";

#[test]
fn opportunity_metrics_by_hand() {
    let report = run(&[("opps.csv", OPPS.as_bytes())]);
    assert_eq!(report.files[0].kind, FileKind::Opportunities);
    close_to(value(&report, "opportunity_count"), 6.0);
    close_to(value(&report, "pipeline_amount"), 10_500.0);
    close_to(
        value(&report, "marketing_pipeline_share"),
        3_000.0 * 100.0 / 10_500.0,
    );
    close_to(
        value(&report, "marketing_revenue_share"),
        1_000.0 * 100.0 / 4_500.0,
    );
    close_to(value(&report, "win_rate"), 3.0 * 100.0 / 5.0);
    close_to(value(&report, "marketing_win_rate"), 50.0);
    close_to(value(&report, "other_win_rate"), 100.0);
    close_to(value(&report, "average_deal_size"), 1_500.0);
    assert_eq!(value(&report, "lead_count"), None);
    let pipeline = report.metric("pipeline_amount").unwrap();
    assert_eq!(
        (
            pipeline.working.rows_used,
            pipeline.working.left_out.get("no amount")
        ),
        (5, Some(&1))
    );
    let notes = report.notes.join("\n");
    assert!(notes.contains("5% of pipeline (500.00 of 10,500.00) has no source or one in neither list: ask marketing to fix attribution."), "{notes}");
    assert!(
        notes.contains("Sources in neither list, counted as unknown: Billboard (1)."),
        "{notes}"
    );
    assert!(notes.contains("Sources counted as marketing, with opportunities: Web (2). Not marketing: Outbound (1), Partner (1)."), "{notes}");
}

#[test]
fn quarter_filter_leaves_rows_out_by_reason() {
    let leads = format!(
        "{LEADS}L7,2024-03-31 23:59:59,2024-04-01 00:00:30,Web,Working,0\nL8,2024-07-01 00:00:00,,Web,Open,0\n"
    );
    let opps = format!(
        "{OPPS}O7,G,100,Closed Won,2024-04-15,2024-01-10,Web\nO8,H,100,Closed Won,2024-03-01,2024-01-10,Web\nO9,I,100,Prospecting,2024-09-30,2024-06-30,Web\nO10,J,100,Prospecting,,,Web\n"
    );
    let report = run_with(
        &[
            ("leads.csv", leads.as_bytes()),
            ("opps.csv", opps.as_bytes()),
        ],
        &in_q2(),
    )
    .unwrap();
    close_to(value(&report, "lead_count"), 6.0);
    let leads_file = &report.files[0];
    assert_eq!((leads_file.rows_read, leads_file.rows_used), (8, 6));
    assert_eq!(
        leads_file.rows_left_out.get("created outside 2024-Q2"),
        Some(&2)
    );
    close_to(value(&report, "opportunity_count"), 8.0);
    let opps_file = &report.files[1];
    assert_eq!(
        opps_file
            .rows_left_out
            .get("neither created nor closed in 2024-Q2"),
        Some(&1)
    );
    assert_eq!(
        opps_file
            .rows_left_out
            .get("no created or close date to place it in 2024-Q2"),
        Some(&1)
    );
    let count = report.metric("opportunity_count").unwrap();
    assert!(
        count
            .working
            .formula
            .contains("created or closed in 2024-Q2 (by \"Created Date\" or \"Close Date\""),
        "{}",
        count.working.formula
    );
    close_to(value(&report, "pipeline_amount"), 10_700.0);
    // All dates keep everything.
    let all = ImportOptions {
        all_dates: true,
        ..in_q2()
    };
    let report = run_with(
        &[
            ("leads.csv", leads.as_bytes()),
            ("opps.csv", opps.as_bytes()),
        ],
        &all,
    )
    .unwrap();
    close_to(value(&report, "lead_count"), 8.0);
    close_to(value(&report, "opportunity_count"), 10.0);
}

const JOIN_LEADS: &str = "\
Lead ID,Created Date,Lead Source,Lead Status,Converted
L1,2024-04-01 09:00:00,Web,Working,1
L2,2024-04-02 10:00:00,Web,Working,0
L3,2024-04-03 11:00:00,Outbound,Open,0
L4,2024-04-04 12:00:00,Web,Open,0
";
const ACTIVITIES: &str = "\
Activity ID,Subject,Lead ID,Activity Date
A1,Call,L1,2024-04-01 09:30:00
A2,Email,L1,2024-04-01 09:03:00
A3,Call,L2,2024-04-02 09:00:00
A4,Call,L2,2024-04-02 12:00:00
A5,Call,L9,2024-04-02 12:00:00
A6,Email,L3,2024-04-03 11:04:00
";

#[test]
fn first_response_is_the_earliest_activity_after_creation() {
    // Activities first: files may come in any order.
    let report = run(&[
        ("activities.csv", ACTIVITIES.as_bytes()),
        ("leads.csv", JOIN_LEADS.as_bytes()),
    ]);
    assert_eq!(report.files[0].kind, FileKind::Activities);
    close_to(value(&report, "lead_count"), 4.0);
    close_to(value(&report, "lead_follow_up_rate"), 75.0);
    close_to(
        value(&report, "lead_response_time"),
        (3.0 + 120.0 + 4.0) / 3.0,
    );
    close_to(value(&report, "lead_response_time_median"), 4.0);
    close_to(value(&report, "leads_contacted_within_5_min"), 50.0);
    let activities = &report.files[0];
    assert_eq!((activities.rows_read, activities.rows_used), (6, 4));
    assert_eq!(
        activities.rows_left_out.get("before its lead was created"),
        Some(&1)
    );
    assert_eq!(
        activities
            .rows_left_out
            .get("about a lead not in the leads export"),
        Some(&1)
    );
    assert!(
        report
            .notes
            .contains(&"1 lead (25%) had no activity at all.".to_string()),
        "{:?}",
        report.notes
    );
    let mean = report.metric("lead_response_time").unwrap();
    assert!(
        mean.working.formula.contains("to the earliest activity in"),
        "{}",
        mean.working.formula
    );
}

#[test]
fn activities_join_salesforce_15_and_18_character_ids() {
    let leads = "Lead ID,Created Date,Lead Source,Converted\n00Q5g00000ABCDEIAA,2024-04-01 09:00:00,Web,0\n";
    let activities =
        "Task ID,Subject,Lead ID,Activity Date\nT1,Call,00Q5g00000ABCDE,2024-04-01 09:06:00\n";
    let report = run(&[
        ("leads.csv", leads.as_bytes()),
        ("tasks.csv", activities.as_bytes()),
    ]);
    close_to(value(&report, "lead_response_time"), 6.0);
}

#[test]
fn opportunities_take_the_source_of_their_converted_lead() {
    let opps = "\
Opportunity ID,Amount,Stage,Close Date,Created Date,Lead ID
O1,1000,Closed Won,2024-05-01,2024-04-01,L1
O2,3000,Closed Won,2024-05-01,2024-04-01,L2
O3,500,Closed Lost,2024-05-01,2024-04-01,L99
";
    let report = run(&[
        ("opps.csv", opps.as_bytes()),
        ("leads.csv", LEADS.as_bytes()),
    ]);
    close_to(
        value(&report, "marketing_pipeline_share"),
        1_000.0 * 100.0 / 4_500.0,
    );
    close_to(value(&report, "marketing_revenue_share"), 25.0);
    close_to(value(&report, "other_win_rate"), 100.0);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("2 opportunities had no source of their own")),
        "{:?}",
        report.notes
    );
    // Without the leads file there is no source at all: the missing column is named.
    let error = run_with(&[("opps.csv", opps.as_bytes())], &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(
            error,
            ImportError::MissingColumn {
                field: Field::Source,
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn leads_with_converted_opportunities_count_as_both() {
    let leads = "\
Lead ID,Created Date,First Response Date,Lead Source,Lead Status,Converted,Opportunity Amount,Opportunity Stage
L1,2024-04-01 09:00:00,2024-04-01 09:01:00,Web,Qualified,1,1000.50,Closed Won
L2,2024-04-01 09:00:00,2024-04-01 09:01:00,Outbound,Closed - Not Converted,0,,
L3,2024-04-01 09:00:00,2024-04-01 09:01:00,Partner,Qualified,1,2000,Negotiation/Review
";
    let report = run(&[("leads.csv", leads.as_bytes())]);
    assert_eq!(report.files[0].kind, FileKind::LeadsWithOpportunities);
    close_to(value(&report, "lead_count"), 3.0);
    close_to(value(&report, "opportunity_count"), 2.0);
    close_to(value(&report, "pipeline_amount"), 3_000.5);
    close_to(value(&report, "marketing_revenue_share"), 100.0);
    close_to(value(&report, "win_rate"), 100.0);
    // With an opportunities export too, the lead rows' opportunity columns are not counted twice.
    let report = run(&[
        ("leads.csv", leads.as_bytes()),
        ("opps.csv", OPPS.as_bytes()),
    ]);
    close_to(value(&report, "opportunity_count"), 6.0);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("were not used because an opportunities export was given"))
    );
}

#[test]
fn metric_summary_fills_values_and_reports_bad_rows() {
    let summary = "metric,value\nlead_response_time,1h 30m\nMarketing share of pipeline,27.5%\nhappiness,10\nltv_to_cac,3:1\nwin_rate,?\nlead_follow_up_rate,250%\n";
    let report = run(&[("summary.csv", summary.as_bytes())]);
    assert_eq!(report.files[0].kind, FileKind::MetricSummary);
    close_to(value(&report, "lead_response_time"), 90.0);
    close_to(value(&report, "marketing_pipeline_share"), 27.5);
    close_to(value(&report, "ltv_to_cac"), 3.0);
    assert_eq!(report.metric("ltv_to_cac").unwrap().unit, MetricUnit::Ratio);
    assert_eq!(value(&report, "win_rate"), None);
    assert_eq!(
        report.metric("win_rate").unwrap().working.formula,
        "typed in SUMMARY, line 6: \"?\"".replace("SUMMARY", &report.files[0].path)
    );
    let file = &report.files[0];
    assert_eq!(
        (file.rows_read, file.rows_used, file.bad_row_count),
        (6, 4, 2)
    );
    assert_eq!(file.bad_rows[0].line, 4);
    assert_eq!(file.bad_rows[0].column, "metric");
    assert!(
        file.bad_rows[0]
            .reason
            .contains("\"happiness\" is not a metric")
    );
    assert_eq!(
        (file.bad_rows[1].line, file.bad_rows[1].column.as_str()),
        (7, "value")
    );
    assert!(
        file.bad_rows[1].reason.contains("between 0% and 100%"),
        "{}",
        file.bad_rows[1].reason
    );
    // A computed value wins over a typed one, and the note says so.
    let both = run(&[
        ("summary.csv", summary.as_bytes()),
        ("leads.csv", LEADS.as_bytes()),
    ]);
    close_to(value(&both, "lead_response_time"), 19.0);
    assert!(
        both.notes
            .iter()
            .any(|n| n.contains("gives lead_response_time = 1 h 30 min, but it was computed from")),
        "{:?}",
        both.notes
    );
}

#[test]
fn messy_utf8_bom_crlf_quotes_blank_lines_ragged_and_truncated_rows() {
    let data =
        b"\xEF\xBB\xBFLead ID,Created Date,First Response Date,Lead Source,Company,Converted\r\n\
L1,2024-04-01 09:00:00,2024-04-01 09:05:00,Web,\"Acme, Inc.\",1\r\n\
\r\n\
L2,2024-04-01 10:00:00,2024-04-01 10:01:00,Web,\"Multi\r\nline\r\nname\",0\r\n\
L3,2024-04-01 11:00:00,,Outbound,Short\r\n\
L4,2024-04-01 12:00:00,2024-04-01 11:00:00,Web,X,0\r\n\
,,,,,\r\n\
L5,2024-04-01 13:00:00,2024-04-01 13:30:00,Partner,\"Quote \"\"Q\"\" Co\",yes\r\n\
L6,2024-04-01 14:00:00,2024-04-01 14:0";
    let report = run(&[("leads.csv", data)]);
    let file = &report.files[0];
    assert_eq!(file.encoding, Encoding::Utf8Bom);
    assert_eq!(file.mapping[0], ("id".to_string(), "Lead ID".to_string()));
    assert_eq!(
        (file.rows_read, file.rows_used, file.bad_row_count),
        (7, 3, 3)
    );
    assert_eq!(file.rows_left_out.get("blank row"), Some(&1));
    let bad: Vec<(u64, &str)> = file
        .bad_rows
        .iter()
        .map(|b| (b.line, b.column.as_str()))
        .collect();
    assert_eq!(
        bad,
        [
            (7, "Converted"),
            (8, "First Response Date"),
            (11, "Lead Source")
        ]
    );
    assert_eq!(file.bad_rows[0].reason, "the row has 5 of the 6 columns");
    assert!(
        file.bad_rows[1].reason.contains("is before created"),
        "{}",
        file.bad_rows[1].reason
    );
    close_to(value(&report, "lead_count"), 3.0);
    close_to(
        value(&report, "lead_response_time"),
        (5.0 + 1.0 + 30.0) / 3.0,
    );
    close_to(
        value(&report, "lead_to_opportunity_rate"),
        2.0 * 100.0 / 3.0,
    );
}

#[test]
fn messy_lf_file_line_numbers_count_quoted_newlines() {
    let data = "Lead ID,Created Date,First Response Date,Lead Source,Notes,Converted\n\
L1,2024-04-01 09:00:00,2024-04-01 09:05:00,Web,\"a\nb\nc\",1\n\n\n\
L2,nonsense,2024-04-01 09:05:00,Web,x,1\n\
L3,2024-04-01 09:00:00,2024-04-01 09:05:00,Web,x,maybe\n\
L4,2024-04-01 09:00:00,2024-04-01 09:05:00,Web,x,1\n";
    let report = run(&[("leads.csv", data.as_bytes())]);
    let file = &report.files[0];
    let bad: Vec<u64> = file.bad_rows.iter().map(|b| b.line).collect();
    assert_eq!(bad, [7, 8]);
    assert_eq!(
        file.bad_rows[0].reason,
        "\"nonsense\" is not a date mcc can read"
    );
    assert!(
        file.bad_rows[1]
            .reason
            .starts_with("\"maybe\" is not yes/no")
    );
    close_to(value(&report, "lead_count"), 2.0);
}

#[test]
fn messy_windows_1252_semicolons_decimal_commas_and_currency() {
    let data = b"Opportunity ID;Amount;Stage;Close Date;Created Date;Lead Source\r\n\
O1;1.234,50 \x80;Closed Won;15.04.2024;01.04.2024 09:00;\xc9v\xe9nement\r\n\
O2;\x80 2.000;Closed Lost;16.04.2024;02.04.2024 10:00;Web\r\n\
O3;500,25;Prospecting;30.06.2024;03.04.2024;Outbound\r\n\
O4;lots;Prospecting;30.06.2024;03.04.2024;Outbound\r\n";
    let report = run_with(&[("opps.csv", data)], &in_q2()).unwrap();
    let file = &report.files[0];
    assert_eq!(
        (file.encoding, file.delimiter.as_str()),
        (Encoding::Windows1252, ";")
    );
    close_to(value(&report, "pipeline_amount"), 3_734.75);
    close_to(
        value(&report, "marketing_pipeline_share"),
        2_000.0 * 100.0 / 3_734.75,
    );
    assert_eq!(
        (file.bad_rows[0].line, file.bad_rows[0].column.as_str()),
        (5, "Amount")
    );
    assert_eq!(file.bad_rows[0].reason, "\"lots\" is not an amount");
    assert!(
        report.notes.iter().any(|n| n.contains("Événement (1)")),
        "{:?}",
        report.notes
    );
}

#[test]
fn messy_tabs_flags_and_offsets() {
    let data = "Lead ID\tCreated Date\tFirst Response Date\tLead Source\tConverted\n\
L1\t2024-04-01T09:00:00Z\t2024-04-01T11:05:00+02:00\tWeb\tTRUE\n\
L2\t2024-04-01T09:00:00.000Z\t2024-04-01 09:10\tWeb\tYes\n\
L3\t2024-04-01T09:00:00-05:00\t2024-04-01T14:20:00Z\tWeb\tfalse\n\
L4\t2024-04-01 09:00\t\tWeb\t\n";
    let report = run(&[("leads.tsv", data.as_bytes())]);
    assert_eq!(report.files[0].delimiter, "\t");
    close_to(
        value(&report, "lead_response_time"),
        (5.0 + 10.0 + 20.0) / 3.0,
    );
    close_to(value(&report, "lead_to_opportunity_rate"), 50.0);
}

#[test]
fn salesforce_report_footer_is_left_out_not_bad() {
    let data = "\"Lead ID\",\"Created Date\",\"First Response Date\",\"Lead Source\",\"Converted\"
\"L1\",\"2024-04-01 09:00:00\",\"2024-04-01 09:10:00\",\"Web\",\"1\"
\"Subtotal\",\"\",\"\",\"\",\"\"
\"L2\",\"2024-04-01 10:00:00\",\"\",\"Web\",\"0\"

\"\"
\"Grand Totals (2 records)\"
\"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved.\"
\"Confidential Information - Do Not Distribute\"
\"Generated By:  Jane Smith  4/5/2024 3:04 PM\"
\"Acme Inc.\"
";
    let report = run(&[("report.csv", data.as_bytes())]);
    let file = &report.files[0];
    assert_eq!((file.rows_read, file.rows_used), (9, 2));
    assert_eq!(
        file.rows_left_out.get("report footer (not a data row)"),
        Some(&5)
    );
    assert_eq!(file.rows_left_out.get("blank row"), Some(&1));
    // A footer-looking row followed by data was a bad row after all.
    assert_eq!(file.bad_row_count, 1);
    assert_eq!(file.bad_rows[0].line, 3);
    assert_eq!(file.bad_rows[0].reason, "not a data row: \"Subtotal\"");
    // A lone id with no created date in the middle of the data is a bad row with a plain reason.
    let lone = "Lead ID,Created Date,First Response Date,Lead Source,Converted\nL1,,,,\nL2,2024-04-01 10:00,,Web,0\n";
    let report = run(&[("l.csv", lone.as_bytes())]);
    assert_eq!(
        report.files[0].bad_rows[0].reason,
        "\"Created Date\" is blank"
    );
    assert_eq!(report.files[0].bad_rows[0].line, 2);
}

#[test]
fn excel_sep_line_keeps_line_numbers_physical() {
    let data = "sep=;\nLead ID;Created Date;First Response Date;Lead Source;Converted\nL1;2024-04-01 09:00;2024-04-01 09:01;Web;1\nL2;bad;;Web;0\n";
    let report = run(&[("leads.csv", data.as_bytes())]);
    assert_eq!(report.files[0].bad_rows[0].line, 4);
}

fn one_lead(created: &str, response: &str) -> String {
    format!(
        "Lead ID,Created Date,First Response Date,Lead Source,Converted\nL1,\"{created}\",\"{response}\",Web,1\n"
    )
}

#[test]
fn reads_each_date_format() {
    let cases = [
        ("2024-04-01 09:00", "2024-04-01 09:07", 7.0),
        ("2024-04-01T09:00:00Z", "2024-04-01T10:07:00+01:00", 7.0),
        ("04/13/2024 09:00 AM", "04/13/2024 09:07 AM", 7.0),
        ("4/13/2024 11:58 PM", "4/14/2024 12:05 AM", 7.0),
        ("13/04/2024 09:00", "13/04/2024 09:07", 7.0),
        ("13.04.2024 09:00", "13.04.2024 09:07", 7.0),
        ("15 Apr, 2024 00:03", "15 Apr, 2024 00:10", 7.0),
        ("Apr 15, 2024", "Apr 16, 2024", 1440.0),
        ("2024-04-15", "2024-04-15 00:07:00", 7.0),
    ];
    for (created, response, minutes) in cases {
        let data = one_lead(created, response);
        let report = run_with(&[("l.csv", data.as_bytes())], &in_q2())
            .unwrap_or_else(|e| panic!("{created}: {e}"));
        assert_eq!(
            value(&report, "lead_response_time"),
            Some(minutes),
            "{created} -> {response}"
        );
        assert_eq!(
            value(&report, "lead_count"),
            Some(1.0),
            "{created} is in 2024-Q2"
        );
    }
}

#[test]
fn day_month_order_is_never_guessed() {
    let ambiguous = one_lead("03/04/2024 09:00", "03/04/2024 09:07");
    let error = run_with(&[("l.csv", ambiguous.as_bytes())], &in_q2()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: the dates in column \"Created Date\", such as \"03/04/2024 09:00\", could be day/month or month/day; use --date-order dmy or mdy.",
            match &error {
                ImportError::AmbiguousDateOrder { path, .. } => path.clone(),
                other => panic!("{other}"),
            }
        )
    );
    // 3 April is in Q2; 4 March is not.
    let dmy = ImportOptions {
        date_order: Some(DateOrder::Dmy),
        ..in_q2()
    };
    assert_eq!(
        value(
            &run_with(&[("l.csv", ambiguous.as_bytes())], &dmy).unwrap(),
            "lead_count"
        ),
        Some(1.0)
    );
    let mdy = ImportOptions {
        date_order: Some(DateOrder::Mdy),
        ..in_q2()
    };
    let report = run_with(&[("l.csv", ambiguous.as_bytes())], &mdy).unwrap();
    assert_eq!(value(&report, "lead_count"), Some(0.0));
    assert_eq!(
        report.files[0].rows_left_out.get("created outside 2024-Q2"),
        Some(&1)
    );
    // The data decides: a day above 12 means day first for the whole file.
    let decided = format!("{ambiguous}L2,25/04/2024 10:00,25/04/2024 10:01,Web,0\n");
    let report = run_with(&[("l.csv", decided.as_bytes())], &in_q2()).unwrap();
    assert_eq!(value(&report, "lead_count"), Some(2.0));
    // Both orders in one file: ask.
    let mixed = format!("{ambiguous}L2,25/04/2024 10:00,,Web,0\nL3,04/25/2024 10:00,,Web,0\n");
    let error = run_with(&[("l.csv", mixed.as_bytes())], &in_q2()).unwrap_err();
    assert!(
        matches!(error, ImportError::AmbiguousDateOrder { .. }),
        "{error}"
    );
    // With an order given, values that break it are bad rows.
    let report = run_with(&[("l.csv", mixed.as_bytes())], &dmy).unwrap();
    assert_eq!(report.files[0].bad_row_count, 1);
    assert_eq!(report.files[0].bad_rows[0].line, 4);
    assert!(
        report.files[0].bad_rows[0]
            .reason
            .contains("is not a day/month/year date")
    );
}

#[test]
fn explicit_date_format_and_unreadable_formats() {
    let data = one_lead("01|04|2024 09h00", "01|04|2024 09h07");
    let error = run_with(&[("l.csv", data.as_bytes())], &ImportOptions::default()).unwrap_err();
    match &error {
        ImportError::DateFormat {
            column, example, ..
        } => {
            assert_eq!(
                (column.as_str(), example.as_str()),
                ("Created Date", "01|04|2024 09h00")
            );
        }
        other => panic!("{other}"),
    }
    assert!(error.to_string().contains("--date-format"), "{error}");
    let options = ImportOptions {
        date_format: Some("%d|%m|%Y %Hh%M".to_string()),
        ..in_q2()
    };
    let report = run_with(&[("l.csv", data.as_bytes())], &options).unwrap();
    assert_eq!(value(&report, "lead_response_time"), Some(7.0));
}

#[test]
fn file_level_errors_are_one_sentence() {
    let empty = run_with(&[("e.csv", b"")], &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(empty, ImportError::Empty { .. })
            && empty
                .to_string()
                .ends_with("e.csv is empty: export the report again with its rows.")
    );
    let header_only = run_with(
        &[(
            "h.csv",
            b"Lead ID,Created Date,First Response Date,Lead Source\r\n",
        )],
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(header_only, ImportError::HeaderOnly { .. }),
        "{header_only}"
    );
    let footer_only = run_with(
        &[(
            "f.csv",
            b"Lead ID,Created Date,First Response Date,Lead Source\n\"Grand Totals (0 records)\"\n",
        )],
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(footer_only, ImportError::HeaderOnly { .. }),
        "{footer_only}"
    );
    let binary = run_with(
        &[("b.csv", b"\x7fELF\x02\x01\x01\x00\x00\x00")],
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(binary, ImportError::NotCsv { .. }), "{binary}");
    let unknown = run_with(
        &[("u.csv", b"colour,size\nred,4\n")],
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        unknown
            .to_string()
            .contains("its columns are \"colour\", \"size\""),
        "{unknown}"
    );
    let missing = run_with(
        &[(
            "m.csv",
            b"Lead ID,Created Date,Lead Source,Converted\nL1,2024-04-01,Web,1\n",
        )],
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(
            missing,
            ImportError::MissingColumn {
                field: Field::FirstResponse,
                ..
            }
        ),
        "{missing}"
    );
    assert!(
        missing
            .to_string()
            .contains("--map \"Your Header=first_response\""),
        "{missing}"
    );
    let orphan = run_with(
        &[("a.csv", ACTIVITIES.as_bytes())],
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(orphan, ImportError::NeedsLeads { .. }), "{orphan}");
    let no_files = import_files(
        &[],
        &ImportOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(matches!(no_files, ImportError::NoFiles));
    let gone = import_files(
        &[PathBuf::from("/nonexistent/x.csv")],
        &ImportOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(
        gone.to_string()
            .starts_with("Could not read /nonexistent/x.csv: "),
        "{gone}"
    );
}

#[test]
fn hand_mappings_win_and_are_reported() {
    let data =
        "Lead,Born,First Call,Where From,Converted\nL1,2024-04-01 09:00,2024-04-01 09:03,Web,1\n";
    let options = ImportOptions {
        mappings: [
            "Born=created",
            "First Call=first_response",
            "where from=source",
        ]
        .iter()
        .map(|m| m.parse().unwrap())
        .collect(),
        ..ImportOptions::default()
    };
    let report = run_with(&[("l.csv", data.as_bytes())], &options).unwrap();
    let mapping: Vec<(&str, &str)> = report.files[0]
        .mapping
        .iter()
        .map(|(f, h)| (f.as_str(), h.as_str()))
        .collect();
    assert!(
        mapping.contains(&("first_response", "First Call"))
            && mapping.contains(&("created", "Born")),
        "{mapping:?}"
    );
    assert_eq!(value(&report, "lead_response_time"), Some(3.0));
    let wrong = ImportOptions {
        mappings: vec!["Frist Call=first_response".parse().unwrap()],
        ..ImportOptions::default()
    };
    let error = run_with(&[("l.csv", data.as_bytes())], &wrong).unwrap_err();
    assert_eq!(
        error.to_string(),
        "--map \"Frist Call=first_response\": no file has a column called \"Frist Call\"."
    );
}

#[test]
fn marketing_source_list_can_be_replaced() {
    let options = ImportOptions {
        marketing_sources: SourceRules::parse_list("web,webinar,partner").unwrap(),
        ..ImportOptions::default()
    };
    let report = run_with(&[("opps.csv", OPPS.as_bytes())], &options).unwrap();
    close_to(
        value(&report, "marketing_pipeline_share"),
        7_000.0 * 100.0 / 10_500.0,
    );
}

#[test]
fn hubspot_and_pipedrive_exports() {
    let contacts = "Record ID,First Name,Create Date,Lifecycle Stage,Lead Status,Original Source,Date of first engagement,Number of Associated Deals
101,Ann,2024-04-01 09:00,Lead,Open,Paid Search,2024-04-01 09:04,1
102,Bo,2024-04-02 09:00,Lead,Open,Offline Sources,,0
";
    let deals = "Deal - ID,Deal - Title,Deal - Value,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Won time,Deal - Source
1,Big,\"12,000\",Negotiation,won,2024-04-01 10:00:00,2024-05-01 10:00:00,Paid_Search
2,Small,3000,Proposal,lost,2024-04-02 10:00:00,,Cold Call
3,Open,1000,Proposal,open,2024-04-03 10:00:00,,paid-social
";
    let report = run(&[
        ("hubspot-contacts.csv", contacts.as_bytes()),
        ("pipedrive-deals.csv", deals.as_bytes()),
    ]);
    assert_eq!(report.files[0].kind, FileKind::Leads);
    assert_eq!(report.files[1].kind, FileKind::Opportunities);
    close_to(value(&report, "lead_response_time"), 4.0);
    close_to(value(&report, "lead_to_opportunity_rate"), 50.0);
    close_to(value(&report, "win_rate"), 50.0);
    close_to(
        value(&report, "marketing_pipeline_share"),
        13_000.0 * 100.0 / 16_000.0,
    );
    close_to(value(&report, "marketing_revenue_share"), 100.0);
}

#[test]
fn json_has_exactly_the_documented_shape() {
    let report = run(&[("opps.csv", OPPS.as_bytes())]);
    let json = serde_json::to_value(&report).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&json), ["files", "metrics", "notes"]);
    assert_eq!(
        keys(&json["files"][0]),
        [
            "bad_row_count",
            "bad_rows",
            "delimiter",
            "encoding",
            "kind",
            "mapping",
            "path",
            "rows_left_out",
            "rows_read",
            "rows_used"
        ]
    );
    assert_eq!(
        keys(&json["metrics"][0]),
        ["id", "name", "unit", "value", "working"]
    );
    assert_eq!(
        keys(&json["metrics"][0]["working"]),
        ["formula", "left_out", "rows_read", "rows_used"]
    );
    assert_eq!(json["files"][0]["kind"], "opportunities");
    assert_eq!(json["files"][0]["mapping"]["amount"], "Amount");
    let ids: Vec<&str> = json["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "lead_count",
            "lead_response_time",
            "lead_response_time_median",
            "leads_contacted_within_5_min",
            "lead_follow_up_rate",
            "lead_to_opportunity_rate",
            "opportunity_count",
            "pipeline_amount",
            "marketing_pipeline_share",
            "marketing_revenue_share",
            "win_rate",
            "marketing_win_rate",
            "other_win_rate",
            "average_deal_size"
        ]
    );
    assert!(json["metrics"][0]["value"].is_null());
    assert_eq!(json["metrics"][8]["unit"], "percent");
    assert_eq!(json["metrics"][7]["unit"], "money");
    assert!(!serde_json::to_string(&report).unwrap().contains("NaN"));
}

#[test]
fn cancel_stops_with_an_error_naming_the_file() {
    let f = files(&[("leads.csv", LEADS.as_bytes())]);
    let error = import_files(
        &f.paths,
        &ImportOptions::default(),
        &|_| {},
        &AtomicBool::new(true),
    )
    .unwrap_err();
    assert!(matches!(error, ImportError::Cancelled { .. }));
    assert!(
        error.to_string().starts_with("The import of ")
            && error.to_string().ends_with("leads.csv was cancelled.")
    );
}

/// A deterministic pseudo-random generator for generated fixtures.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// One generated lead: created (seconds), delay (seconds, whole minutes), source, converted, cents, stage.
struct Generated {
    created: i64,
    delay: Option<i64>,
    source: &'static str,
    converted: bool,
    cents: Option<i64>,
    stage: &'static str,
}

fn generate(n: usize, seed: u64) -> Vec<Generated> {
    let mut rng = Lcg(seed);
    let base = dates::days_from_civil(2024, 3, 20) * dates::DAY;
    let sources = ["Web", "Webinar", "Outbound", "Partner", "", "Billboard"];
    let stages = ["Closed Won", "Closed Lost", "Prospecting"];
    (0..n)
        .map(|_| {
            let converted = rng.next(5) == 0;
            Generated {
                created: base + rng.next(120 * 1440) as i64 * 60,
                delay: (rng.next(5) > 0).then(|| rng.next(3000) as i64 * 60),
                source: sources[rng.next(6) as usize],
                converted,
                cents: (converted && rng.next(10) > 0).then(|| rng.next(10_000_000) as i64),
                stage: if converted {
                    stages[rng.next(3) as usize]
                } else {
                    ""
                },
            }
        })
        .collect()
}

fn civil(secs: i64) -> (i64, u32, u32, u32, u32) {
    let at = chrono::DateTime::from_timestamp(secs, 0)
        .unwrap()
        .naive_utc();
    use chrono::{Datelike, Timelike};
    (
        i64::from(at.year()),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
    )
}

/// Writes generated leads in one of four export dialects.
fn dialect(rows: &[Generated], style: usize) -> Vec<u8> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let stamp = |secs: i64| -> String {
        let (y, mo, d, h, mi) = civil(secs);
        match style {
            0 => format!("{y}-{mo:02}-{d:02} {h:02}:{mi:02}:00"),
            1 => {
                let (h12, ampm) = match h {
                    0 => (12, "AM"),
                    1..=11 => (h, "AM"),
                    12 => (12, "PM"),
                    _ => (h - 12, "PM"),
                };
                format!("{mo}/{d}/{y} {h12}:{mi:02} {ampm}")
            }
            2 => format!("{d:02}.{mo:02}.{y} {h:02}:{mi:02}"),
            _ => format!("{d} {}, {y} {h:02}:{mi:02}", MONTHS[mo as usize - 1]),
        }
    };
    let money = |cents: i64| -> String {
        let whole = cents / 100;
        let grouped = |sep: char| {
            let digits = whole.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push(sep);
                }
                out.push(c);
            }
            out
        };
        match style {
            0 => format!("{whole}.{:02}", cents % 100),
            1 => format!("\"${}.{:02}\"", grouped(','), cents % 100),
            2 => format!("{},{:02} €", grouped('.'), cents % 100),
            _ => format!("USD {}.{:02}", grouped(','), cents % 100),
        }
    };
    let (sep, flag_yes, flag_no) = match style {
        0 => (",", "1", "0"),
        1 => (",", "true", "false"),
        2 => (";", "Ja", "Nein"),
        _ => ("\t", "Yes", "No"),
    };
    let newline = if style == 1 { "\r\n" } else { "\n" };
    let mut out = String::new();
    let header = [
        "Lead ID",
        "Created Date",
        "First Response Date",
        "Lead Source",
        "Converted",
        "Opportunity Amount",
        "Opportunity Stage",
    ];
    out.push_str(&header.join(sep));
    out.push_str(newline);
    for (i, r) in rows.iter().enumerate() {
        let cells = [
            format!("L{i}"),
            stamp(r.created),
            r.delay.map_or_else(String::new, |d| stamp(r.created + d)),
            r.source.to_string(),
            (if r.converted { flag_yes } else { flag_no }).to_string(),
            r.cents.map_or_else(String::new, money),
            r.stage.to_string(),
        ];
        out.push_str(&cells.join(sep));
        out.push_str(newline);
    }
    let bytes = out.into_bytes();
    if style == 2 {
        // Windows-1252: the euro sign is one byte.
        let text = String::from_utf8(bytes).unwrap();
        text.chars()
            .map(|c| if c == '€' { 0x80 } else { c as u8 })
            .collect()
    } else {
        bytes
    }
}

#[test]
fn slow_paths_give_the_same_numbers_as_the_fast_path() {
    let rows = generate(3000, 7);
    let mut reference: Option<Vec<(String, Option<f64>)>> = None;
    for style in 0..4 {
        let data = dialect(&rows, style);
        let report = run_with(&[("leads.csv", &data)], &in_q2())
            .unwrap_or_else(|e| panic!("style {style}: {e}"));
        assert_eq!(
            report.files[0].bad_row_count, 0,
            "style {style}: {:?}",
            report.files[0].bad_rows
        );
        let values: Vec<(String, Option<f64>)> = report
            .metrics
            .iter()
            .map(|m| (m.id.clone(), m.value))
            .collect();
        match &reference {
            None => reference = Some(values),
            Some(expected) => assert_eq!(&values, expected, "style {style}"),
        }
    }
    let values = reference.unwrap();
    assert!(values.iter().all(|(_, v)| v.is_some()), "{values:?}");
    // And the numbers are what the generator made.
    let window = (
        dates::days_from_civil(2024, 4, 1) * dates::DAY,
        dates::days_from_civil(2024, 7, 1) * dates::DAY,
    );
    let inside: Vec<&Generated> = rows
        .iter()
        .filter(|r| r.created >= window.0 && r.created < window.1)
        .collect();
    let delays: Vec<i64> = inside.iter().filter_map(|r| r.delay).collect();
    let mean = delays.iter().sum::<i64>() as f64 / delays.len() as f64 / 60.0;
    let get = |id: &str| values.iter().find(|(i, _)| i == id).unwrap().1.unwrap();
    assert_eq!(get("lead_count"), inside.len() as f64);
    assert!((get("lead_response_time") - mean).abs() < 1e-9);
    let mut sorted = delays.clone();
    sorted.sort_unstable();
    let n = sorted.len();
    let median = (sorted[(n - 1) / 2] + sorted[n / 2]) as f64 / 2.0 / 60.0;
    assert_eq!(get("lead_response_time_median"), median);
    let pipeline: i64 = inside.iter().filter_map(|r| r.cents).sum();
    assert!((get("pipeline_amount") - pipeline as f64 / 100.0).abs() < 1e-6);
}

fn report_json(paths: &[PathBuf], parallel_min: u64) -> String {
    let report = import_with(
        paths,
        &in_q2(),
        &|_| {},
        &AtomicBool::new(false),
        parallel_min,
    )
    .unwrap();
    serde_json::to_string_pretty(&report).unwrap()
}

#[test]
fn two_threads_give_the_same_report_as_one() {
    let rows = generate(20_000, 11);
    let mut data = dialect(&rows, 0);
    // Bad rows in both halves and a footer at the end.
    let text = String::from_utf8(data.clone()).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[100] = "L100,not a date,,Web,0,,".to_string();
    lines[15_000] = "L15000,2024-04-02 10:00:00,,Web,maybe,,".to_string();
    lines.push("\"Grand Totals (20000 records)\"".to_string());
    data = (lines.join("\n") + "\n").into_bytes();
    let f = files(&[("leads.csv", &data)]);
    let single = report_json(&f.paths, u64::MAX);
    let met = scan::SPLITS[0].load(std::sync::atomic::Ordering::Relaxed);
    let double = report_json(&f.paths, 0);
    assert!(
        scan::SPLITS[0].load(std::sync::atomic::Ordering::Relaxed) > met,
        "the file was split"
    );
    assert_eq!(single, double);
    assert!(
        single.contains("\"line\": 101") && single.contains("\"line\": 15001"),
        "{single}"
    );
}

#[test]
fn a_split_inside_a_quoted_cell_falls_back_to_one_pass() {
    let mut data =
        String::from("Lead ID,Created Date,First Response Date,Lead Source,Notes,Converted\n");
    for i in 0..10 {
        data.push_str(&format!(
            "L{i},2024-04-01 09:00:00,2024-04-01 09:0{i}:00,Web,x,1\n"
        ));
    }
    data.push_str("L10,2024-04-01 09:00:00,2024-04-01 09:30:00,Web,\"");
    for _ in 0..5000 {
        data.push_str("text\n");
    }
    data.push_str("\",1\n");
    for i in 11..20 {
        data.push_str(&format!("L{i},2024-04-01 09:00:00,bad{i},Web,x,1\n"));
    }
    let f = files(&[("leads.csv", data.as_bytes())]);
    let single = report_json(&f.paths, u64::MAX);
    let abandoned = scan::SPLITS[1].load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(single, report_json(&f.paths, 0));
    assert!(
        scan::SPLITS[1].load(std::sync::atomic::Ordering::Relaxed) > abandoned,
        "the split was abandoned"
    );
    assert!(single.contains("\"line\": 5013"), "{single}");
}

#[test]
fn progress_reports_bytes_and_rows_as_it_goes() {
    let rows = generate(70_000, 3);
    let data = dialect(&rows, 0);
    let f = files(&[("leads.csv", &data)]);
    let seen = RefCell::new(Vec::new());
    let progress = |p: Progress| seen.borrow_mut().push(p);
    import_files(
        &f.paths,
        &ImportOptions::default(),
        &progress,
        &AtomicBool::new(false),
    )
    .unwrap();
    let seen = seen.into_inner();
    assert!(
        seen.iter()
            .any(|p| p.rows == 65_536 && p.bytes_read > 0 && p.bytes_read < p.bytes_total),
        "{seen:?}"
    );
    let last = seen.last().unwrap();
    assert_eq!(
        (last.bytes_read, last.bytes_total, last.rows),
        (data.len() as u64, data.len() as u64, 70_000)
    );
    assert!(seen.windows(2).all(|w| w[0].bytes_read <= w[1].bytes_read));
}

#[test]
fn activities_replace_a_first_response_column_and_say_so() {
    let report = run(&[
        ("leads.csv", LEADS.as_bytes()),
        ("activities.csv", ACTIVITIES.as_bytes()),
    ]);
    // L1 3 min, L2 120 min, L3 4 min; L4-L6 have no activity.
    close_to(value(&report, "lead_follow_up_rate"), 50.0);
    close_to(value(&report, "lead_response_time_median"), 4.0);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("\"First Response Date\" in ") && n.contains("was not used")),
        "{:?}",
        report.notes
    );
}

#[test]
fn shares_of_nothing_are_null_not_nan() {
    let opps =
        "Opportunity ID,Amount,Stage,Close Date,Lead Source\nO1,0,Prospecting,2024-05-01,Web\n";
    let report = run(&[("opps.csv", opps.as_bytes())]);
    assert_eq!(value(&report, "pipeline_amount"), Some(0.0));
    for id in [
        "marketing_pipeline_share",
        "marketing_revenue_share",
        "win_rate",
        "average_deal_size",
    ] {
        assert_eq!(value(&report, id), None, "{id}");
    }
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        json.contains("\"id\":\"win_rate\",\"name\":\"Win rate\",\"value\":null"),
        "{json}"
    );
}

/// A leads file: the header and rows of `LEADS`, with `extra` put in after line `after`.
fn leads_with(after: usize, extra: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for (i, line) in LEADS.lines().enumerate() {
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
        if i + 1 == after {
            bytes.extend_from_slice(extra);
        }
    }
    bytes
}

#[test]
fn a_huge_value_stops_at_the_row_cap_and_names_the_line() {
    let mut row = b"L9,2024-04-09 09:00:00,,\"".to_vec();
    row.resize(
        row.len() + (limits::MAX_ROW_BYTES as usize + (1 << 20)),
        b'w',
    );
    row.extend_from_slice(b"\",Open,0\n");
    let error = run_with(&[("leads.csv", &leads_with(3, &row))], &in_q2()).unwrap_err();
    assert!(
        matches!(error, ImportError::RowTooLong { line: 4, .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().ends_with(
            "leads.csv, line 4: a row there is longer than 4 MB, so mcc stopped reading. A value with an opening quote and no closing one runs on to the end of the file: check the quotes on that line, or export the report again."
        ),
        "{error}"
    );
}

#[test]
fn an_unclosed_quote_does_not_swallow_the_file() {
    let mut rest = b"L9,2024-04-09 09:00:00,,\"Web,Open,0\n".to_vec();
    let row = b"L10,2024-04-10 09:00:00,2024-04-10 09:01:00,Web,Open,0\n";
    while rest.len() < limits::MAX_ROW_BYTES as usize + (1 << 20) {
        rest.extend_from_slice(row);
    }
    let error = run_with(&[("leads.csv", &leads_with(7, &rest))], &in_q2()).unwrap_err();
    assert!(
        matches!(error, ImportError::RowTooLong { line: 8, .. }),
        "{error:?}"
    );
}

#[test]
fn a_header_with_too_many_columns_or_none_in_the_first_look_is_refused() {
    let mut wide = b"Lead ID,Created Date,Lead Source,Converted".to_vec();
    for i in 0..limits::MAX_COLUMNS {
        wide.extend_from_slice(format!(",c{i}").as_bytes());
    }
    wide.extend_from_slice(b"\nL1,2024-04-01,Web,1\n");
    let error = run_with(&[("wide.csv", &wide)], &in_q2()).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("wide.csv, line 1: the header has 10,004 columns; mcc reads at most 10,000. Export the report with the columns it needs."),
        "{error}"
    );

    // A million columns: the header alone is far bigger than the first look.
    let mut million = Vec::with_capacity(8 << 20);
    for i in 0..1_000_000 {
        million.extend_from_slice(format!("c{i},").as_bytes());
    }
    million.extend_from_slice(b"\n1,2\n");
    let error = run_with(&[("million.csv", &million)], &in_q2()).unwrap_err();
    assert!(
        error.to_string().ends_with(
            "million.csv: the first 256 KB hold no complete header row, so it does not look like a CSV export."
        ),
        "{error}"
    );
}

#[test]
fn a_row_with_a_million_empty_cells_is_read_like_any_other() {
    let mut row = b"L9,2024-04-09 09:00:00,2024-04-09 09:03:00,Web,Open,0".to_vec();
    row.resize(row.len() + 1_000_000, b',');
    row.push(b'\n');
    let report = run_with(&[("leads.csv", &leads_with(7, &row))], &in_q2()).unwrap();
    close_to(value(&report, "lead_count"), 7.0);
}

#[test]
fn a_metric_summary_with_thousands_of_rows_is_refused() {
    let mut summary = b"metric,value\n".to_vec();
    for _ in 0..=limits::MAX_SUMMARY_ROWS {
        summary.extend_from_slice(b"lead_response_time,5m\n");
    }
    let error = run_with(&[("summary.csv", &summary)], &in_q2()).unwrap_err();
    assert!(
        error.to_string().ends_with(
            "summary.csv has more than 10,000 metric rows; a metric summary has one row per checklist item."
        ),
        "{error}"
    );
}

#[test]
fn long_labels_and_ids_are_read_but_not_remembered() {
    let label = "W".repeat(limits::MAX_REMEMBERED + 1);
    let id = "I".repeat(limits::MAX_REMEMBERED + 1);
    let rows = format!(
        "{id},2024-04-09 09:00:00,2024-04-09 09:03:00,{label},Open,0\n{id}x,2024-04-09 09:00:00,2024-04-09 09:03:00,{label},Open,0\n"
    );
    let report = run_with(&[("leads.csv", &leads_with(7, rows.as_bytes()))], &in_q2()).unwrap();
    close_to(value(&report, "lead_count"), 8.0);
}
