//! The brief a sales leader takes into the marketing meeting, for one quarter: the overall
//! line, every item with value, benchmark, rating, verdict, trend, agreement mark and note,
//! the bands a go-to-market profile or the organisation's benchmarks set and why, and the questions to ask marketing
//! (and, for follow-up items, the sales leader's own team) about poor and unknown items. Written as Markdown (to paste into an
//! email), CSV (safe to open in a spreadsheet) or JSON (which reads back into [`Brief`]).

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::talking::TalkingPoint;
use super::trends::{Change, Trends};
use super::{Scorecard, Summary};
use crate::checklist::answer::format_value;
use crate::checklist::profile::GoToMarket;
use crate::checklist::quarter::Quarter;
use crate::checklist::scoring::Rating;
use crate::checklist::session::{Agreement, Session};
use crate::checklist::{Checklist, Unit};
use crate::store::write_replacing;

/// Which file format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A one-page Markdown brief to paste into an email or a slide.
    Md,
    /// One row per item, safe to open in a spreadsheet.
    Csv,
    /// The same content with stable keys, for other programs.
    Json,
}

impl ExportFormat {
    /// The usual file extension: "md", "csv" or "json".
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

/// One quarter's brief; its JSON form has stable keys and reads back into the same value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// The quarter the brief is about.
    pub quarter: Quarter,
    /// The saved quarter before it that trends are read against, if any.
    pub previous_quarter: Option<Quarter>,
    /// The overall line: "Marketing meets the benchmark on 2 of 6 answered items; ...".
    pub overall: String,
    /// How many items got each rating.
    pub counts: Summary,
    /// One entry per checklist item, in checklist order.
    pub metrics: Vec<BriefItem>,
    /// What to ask about poor items, then unknown ones, in checklist order.
    pub questions: Vec<BriefQuestion>,
    /// The quarter's go-to-market profile, when one was chosen.
    #[serde(default)]
    pub go_to_market: Option<GoToMarket>,
}

/// One item in the brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefItem {
    /// The checklist item id.
    pub id: String,
    /// The item's name.
    pub name: String,
    /// The value; `None` when unknown or not answered.
    pub value: Option<f64>,
    /// The item's unit.
    pub unit: Unit,
    /// The value as written: "40 min", "not known", "not answered".
    pub value_text: String,
    /// The benchmark in a few words.
    pub benchmark: String,
    /// How the value compares with the benchmark.
    pub rating: Rating,
    /// What the value means.
    pub verdict: String,
    /// The value in the previous saved quarter; `None` when there is none or it was a gap.
    pub previous_value: Option<f64>,
    /// Which way the item moved since the closest earlier quarter with a value.
    pub change: Change,
    /// The trend in words: "improved from 3 h to 40 min".
    pub trend: String,
    /// Whether sales and marketing agree on the number.
    pub agreement: Agreement,
    /// The item's note; empty when none.
    pub note: String,
    /// Why the bands differ from the built-in ones; `None` when they don't.
    #[serde(default)]
    pub band_reason: Option<String>,
}

/// A question to take to marketing about a poor or unknown item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefQuestion {
    /// The checklist item id.
    pub id: String,
    /// The item's name.
    pub name: String,
    /// Poor or unknown.
    pub rating: Rating,
    /// The value as written, or "not known".
    pub value_text: String,
    /// The benchmark in a few words.
    pub benchmark: String,
    /// What it means, in a sentence.
    pub meaning: String,
    /// What to ask marketing: "Ask marketing: ...?".
    pub ask: String,
    /// For follow-up items, the question for the sales leader's own team.
    #[serde(default)]
    pub ask_own_team: Option<String>,
}

/// What an unknown item means.
const MEANING_UNKNOWN: &str = "Nobody can say yet whether this helps or hurts the number.";

impl Brief {
    /// The brief for `session`, with trends read from the saved quarters in `history` that come
    /// before it (`history` may hold any quarters, `session`'s own included; it is ignored).
    pub fn new(checklist: &Checklist, session: &Session, history: &[Session]) -> Self {
        let mut sessions: Vec<Session> = history
            .iter()
            .filter(|s| s.quarter < session.quarter)
            .cloned()
            .collect();
        sessions.push(session.clone());
        let trends = Trends::new(checklist, &sessions);
        let card = Scorecard::new(checklist, session);
        let previous_quarter = trends.quarters.iter().rev().nth(1).copied();
        let metrics: Vec<BriefItem> = card
            .rows
            .iter()
            .zip(&trends.items)
            .map(|(row, trend)| {
                let item = row.item;
                BriefItem {
                    id: item.id.clone(),
                    name: item.name.clone(),
                    value: row.value,
                    unit: item.unit,
                    value_text: value_text(item.unit, row.value, row.rating),
                    benchmark: item.benchmark.clone(),
                    rating: row.rating,
                    verdict: row.verdict.clone(),
                    previous_value: trend.points.iter().rev().nth(1).and_then(|p| p.value),
                    change: trend.change,
                    trend: trend.phrase.clone(),
                    agreement: row.agreement,
                    note: row.note.clone(),
                    band_reason: item.band_reason.clone(),
                }
            })
            .collect();
        let questions = [Rating::Poor, Rating::Unknown]
            .iter()
            .flat_map(|&wanted| card.rows.iter().filter(move |r| r.rating == wanted))
            .map(|row| {
                let meaning = match row.rating {
                    Rating::Poor => format!("{}.", super::sentence_case(&row.item.verdicts.poor)),
                    _ => MEANING_UNKNOWN.to_string(),
                };
                let point = TalkingPoint::new(row.item, session);
                BriefQuestion {
                    id: row.item.id.clone(),
                    name: row.item.name.clone(),
                    rating: row.rating,
                    value_text: value_text(row.item.unit, row.value, row.rating),
                    benchmark: row.item.benchmark.clone(),
                    meaning,
                    ask: format!("Ask marketing: {}", row.item.ask_marketing),
                    ask_own_team: point.ask_own_team.map(str::to_string),
                }
            })
            .collect();
        Self {
            quarter: session.quarter,
            previous_quarter,
            overall: card.summary.line(),
            counts: card.summary,
            metrics,
            questions,
            go_to_market: session.go_to_market,
        }
    }

    /// The brief in `format`.
    pub fn render(&self, format: ExportFormat) -> String {
        match format {
            ExportFormat::Md => self.to_markdown(),
            ExportFormat::Csv => self.to_csv(),
            ExportFormat::Json => self.to_json(),
        }
    }

    /// A one-page Markdown brief: title, overall line, a table of items and the questions.
    pub fn to_markdown(&self) -> String {
        let mut text = format!(
            "# Marketing contribution brief: {}\n\n**Overall:** {}\n\n",
            self.quarter, self.overall
        );
        let trend_header = match self.previous_quarter {
            Some(previous) => {
                text +=
                    &format!("Trends are read against {previous}, the previous saved quarter.\n\n");
                format!("Trend since {previous}")
            }
            None => {
                text += "No earlier quarter is saved, so there is no trend yet.\n\n";
                "Trend".to_string()
            }
        };
        text += &format!(
            "| Item | Value | Benchmark | Rating | Verdict | {trend_header} | Agreement | Note |\n"
        );
        text += "|---|---|---|---|---|---|---|---|\n";
        for m in &self.metrics {
            let cells = [
                m.name.as_str(),
                &m.value_text,
                &m.benchmark,
                &format!("{} {}", m.rating.symbol(), m.rating.word()),
                &m.verdict,
                &m.trend,
                m.agreement.word(),
                &m.note,
            ];
            let cells: Vec<String> = cells.iter().map(|c| table_cell(c)).collect();
            text += &format!("| {} |\n", cells.join(" | "));
        }
        let shifted: Vec<&BriefItem> = self
            .metrics
            .iter()
            .filter(|m| m.band_reason.is_some())
            .collect();
        if let Some(profile) = self.go_to_market {
            text += &format!("\nGo-to-market profile: {}.\n", profile.label());
        }
        if !shifted.is_empty() {
            text += "\nBands set by the go-to-market profile or your own benchmarks:\n\n";
            for m in shifted {
                let reason = m.band_reason.as_deref().unwrap_or_default();
                text += &format!("- {}: {}\n", m.name, table_cell(reason));
            }
        }
        text += "\n## Questions to ask marketing\n\n";
        if self.questions.is_empty() {
            text += "Nothing is poor or unknown this quarter.\n";
        }
        for (number, q) in self.questions.iter().enumerate() {
            text += &format!(
                "{}. **{}: {}** ({} {}; benchmark: {}). {} {}",
                number + 1,
                q.name,
                q.value_text,
                q.rating.symbol(),
                q.rating.word(),
                q.benchmark,
                q.meaning,
                q.ask
            );
            if let Some(own) = &q.ask_own_team {
                text += &format!(" Ask your own team: {own}");
            }
            text.push('\n');
        }
        text
    }

    /// One CSV row per item under a fixed header; every cell is spreadsheet-safe.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let mut write = |cells: &[&str]| {
            writer
                .write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))
                .expect("writing to memory succeeds");
        };
        write(&CSV_COLUMNS);
        let quarter = self.quarter.to_string();
        let previous = self
            .previous_quarter
            .map(|q| q.to_string())
            .unwrap_or_default();
        let number = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
        for m in &self.metrics {
            let change = serde_json::to_value(m.change).expect("a change serialises");
            let unit = serde_json::to_value(m.unit).expect("a unit serialises");
            let rating = serde_json::to_value(m.rating).expect("a rating serialises");
            let agreement = serde_json::to_value(m.agreement).expect("a mark serialises");
            write(&[
                &quarter,
                &m.id,
                &m.name,
                &number(m.value),
                unit.as_str().unwrap_or_default(),
                &m.value_text,
                &m.benchmark,
                rating.as_str().unwrap_or_default(),
                &m.verdict,
                &previous,
                &number(m.previous_value),
                change.as_str().unwrap_or_default(),
                &m.trend,
                agreement.as_str().unwrap_or_default(),
                &m.note,
                m.band_reason.as_deref().unwrap_or_default(),
            ]);
        }
        let bytes = writer.into_inner().expect("writing to memory succeeds");
        String::from_utf8(bytes).expect("every cell is text")
    }

    /// The brief as pretty JSON; [`serde_json::from_str`] reads it back into the same value.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a brief serialises");
        json.push('\n');
        json
    }
}

/// The CSV header, in column order.
pub const CSV_COLUMNS: [&str; 16] = [
    "quarter",
    "id",
    "name",
    "value",
    "unit",
    "value_text",
    "benchmark",
    "rating",
    "verdict",
    "previous_quarter",
    "previous_value",
    "change",
    "trend",
    "agreement",
    "note",
    "band_reason",
];

/// Neutralises a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
/// tab or carriage return) by putting a single quote in front; plain numbers such as `-12.5`
/// are left as they are.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// "12", "-12.5": an optional minus, digits, and an optional point with more digits.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    [whole, fraction]
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// Writes `text` to `path` atomically, the way sessions are saved (see [`write_replacing`]), readable
/// by the user only, and returns the absolute path written.
pub fn write_file(path: &Path, text: &str) -> io::Result<PathBuf> {
    write_replacing(path, text.as_bytes())?;
    std::fs::canonicalize(path)
}

/// "40 min", or "not known" / "not answered" when there is no value.
fn value_text(unit: Unit, value: Option<f64>, rating: Rating) -> String {
    match (value, rating) {
        (Some(v), _) => format_value(unit, v),
        (None, Rating::Unanswered) => "not answered".to_string(),
        (None, _) => "not known".to_string(),
    }
}

/// Text safe inside a Markdown table cell: one line, pipes escaped.
fn table_cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::answer::Parsed;
    use crate::checklist::session::{Answer, AnswerSource};
    use crate::report::tests::{at, fixture_sessions};

    fn q2_brief(checklist: &Checklist) -> Brief {
        let sessions = fixture_sessions();
        Brief::new(checklist, &sessions[2], &sessions)
    }

    fn metric<'a>(brief: &'a Brief, id: &str) -> &'a BriefItem {
        brief.metrics.iter().find(|m| m.id == id).unwrap()
    }

    #[test]
    fn the_brief_holds_values_trends_notes_and_questions() {
        let checklist = Checklist::built_in();
        let brief = q2_brief(&checklist);
        assert_eq!(brief.quarter.to_string(), "2026-Q2");
        assert_eq!(
            brief.previous_quarter.map(|q| q.to_string()),
            Some("2026-Q1".into())
        );
        assert_eq!(
            brief.overall,
            "Marketing meets the benchmark on 2 of 6 answered items; 1 unknown; 5 not answered yet."
        );
        let response = metric(&brief, "lead_response_time");
        assert_eq!(response.value, Some(40.0));
        assert_eq!(response.value_text, "40 min");
        assert_eq!(response.rating, Rating::Watch);
        assert_eq!(response.previous_value, None, "a gap in 2026-Q1");
        assert_eq!(response.change, Change::Improved);
        assert_eq!(
            response.trend,
            "improved from 3 h in 2025-Q4 to 40 min (not known in 2026-Q1)"
        );
        assert_eq!(response.agreement, Agreement::Agreed);
        assert_eq!(response.note, "@Dana to confirm with sales ops");
        let share = metric(&brief, "marketing_pipeline_share");
        assert_eq!(share.previous_value, Some(18.0));
        assert_eq!(share.agreement, Agreement::Disputed);
        assert_eq!(metric(&brief, "ltv_to_cac").value_text, "not answered");
        assert_eq!(
            metric(&brief, "ltv_to_cac").note,
            "",
            "2026-Q1's note stays there"
        );

        let asked: Vec<(&str, Rating)> = brief
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.rating))
            .collect();
        assert_eq!(
            asked,
            [
                ("lead_follow_up_rate", Rating::Poor),
                ("mql_to_sql_rate", Rating::Unknown)
            ]
        );
        assert_eq!(
            brief.questions[1].ask,
            "Ask marketing: Of the leads you marked ready for sales last quarter, how many did we accept, and which of our reasons for turning them down come up most?"
        );
    }

    #[test]
    fn a_brief_ignores_later_quarters_and_needs_no_history() {
        let checklist = Checklist::built_in();
        let sessions = fixture_sessions();
        let brief = Brief::new(&checklist, &sessions[1], &sessions);
        assert_eq!(
            brief.previous_quarter.map(|q| q.to_string()),
            Some("2025-Q4".into())
        );
        assert_eq!(
            metric(&brief, "lead_response_time").trend,
            "was not known in 2026-Q1; last measured at 3 h in 2025-Q4"
        );
        let alone = Brief::new(&checklist, &sessions[2], &[]);
        assert_eq!(alone.previous_quarter, None);
        assert_eq!(
            metric(&alone, "lead_response_time").trend,
            "40 min, first measured in 2026-Q2"
        );
        assert!(alone.to_markdown().contains("No earlier quarter is saved"));
    }

    #[test]
    fn markdown_is_a_one_page_brief_with_a_table_and_questions() {
        let checklist = Checklist::built_in();
        let md = q2_brief(&checklist).to_markdown();
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "# Marketing contribution brief: 2026-Q2");
        assert_eq!(
            lines[2],
            "**Overall:** Marketing meets the benchmark on 2 of 6 answered items; 1 unknown; 5 not answered yet."
        );
        assert_eq!(
            lines[4],
            "Trends are read against 2026-Q1, the previous saved quarter."
        );
        assert_eq!(
            lines[6],
            "| Item | Value | Benchmark | Rating | Verdict | Trend since 2026-Q1 | Agreement | Note |"
        );
        assert_eq!(lines.iter().filter(|l| l.starts_with("| ")).count(), 13);
        assert!(
            md.contains("| Lead response time | 40 min | 5 minutes or less | ▲ watch | 40 min: past the 5-minute mark;"),
            "{md}"
        );
        assert!(
            md.contains(
                "| improved from 18% to 22% | disputed | Marketing counts partner deals \\| sales does not |"
            ),
            "pipes in notes are escaped: {md}"
        );
        assert!(
            md.contains("| · not answered | Not answered yet. |"),
            "{md}"
        );
        assert!(md.contains("\n## Questions to ask marketing\n\n1. **Lead follow-up rate: 35%** (✗ poor; benchmark: 75% or more get a touch). Over half of marketing's leads get no sales touch; agree with marketing which leads reps work, and how fast. Ask marketing: Which of the leads you hand over should we work first, and can we agree in writing what makes a lead worth a call? Ask your own team: What share of marketing's leads did we call or email at least once last quarter, and which ones do we skip, and why?\n"), "{md}");
        assert!(md.contains("\n2. **MQL to SQL rate: not known** (? unknown; benchmark: 50% or more accepted). Nobody can say yet whether this helps or hurts the number. Ask marketing: Of the leads you marked ready for sales last quarter, how many did we accept, and which of our reasons for turning them down come up most?\n"), "{md}");
        assert!(
            !md.contains("Bands set by"),
            "no profile, no overrides: {md}"
        );
        assert!(md.lines().count() < 30, "fits a page");
    }

    #[test]
    fn a_profile_s_bands_and_reasons_are_in_every_format() {
        let mut sessions = fixture_sessions();
        sessions[2].go_to_market = Some(GoToMarket::Enterprise);
        let checklist = Checklist::built_in().for_session(&sessions[2], &Default::default());
        let brief = Brief::new(&checklist, &sessions[2], &sessions);
        assert_eq!(brief.go_to_market, Some(GoToMarket::Enterprise));
        let share = metric(&brief, "marketing_pipeline_share");
        assert_eq!(
            share.rating,
            Rating::Good,
            "22% is good for an enterprise seller"
        );
        assert!(
            share
                .band_reason
                .as_deref()
                .unwrap()
                .starts_with("Enterprise account-based")
        );
        assert_eq!(metric(&brief, "lead_response_time").band_reason, None);
        let follow_up = brief
            .questions
            .iter()
            .find(|q| q.id == "lead_follow_up_rate")
            .unwrap();
        assert!(
            follow_up
                .ask_own_team
                .as_deref()
                .unwrap()
                .starts_with("What share of marketing's leads")
        );

        let md = brief.to_markdown();
        assert!(
            md.contains("\nGo-to-market profile: enterprise account-based.\n"),
            "{md}"
        );
        assert!(md.contains("\nBands set by the go-to-market profile or your own benchmarks:\n\n- Marketing share of pipeline: Enterprise account-based: selling to a few large named accounts"), "{md}");
        assert!(
            md.contains("\n- Marketing share of revenue: Enterprise account-based"),
            "{md}"
        );
        assert!(md.lines().count() < 35, "still about a page");

        let csv_text = brief.to_csv();
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv_text.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        let share_row = rows
            .iter()
            .find(|r| &r[1] == "marketing_pipeline_share")
            .unwrap();
        assert!(share_row[15].starts_with("Enterprise account-based"));
        let back: Brief = serde_json::from_str(&brief.to_json()).unwrap();
        assert_eq!(back, brief);
    }

    #[test]
    fn csv_has_a_fixed_header_and_a_row_per_item() {
        let checklist = Checklist::built_in();
        let csv_text = q2_brief(&checklist).to_csv();
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        assert_eq!(
            reader.headers().unwrap().iter().collect::<Vec<_>>(),
            CSV_COLUMNS
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 12);
        let response = &rows[0];
        assert_eq!(
            response.iter().collect::<Vec<_>>(),
            [
                "2026-Q2",
                "lead_response_time",
                "Lead response time",
                "40",
                "minutes",
                "40 min",
                "5 minutes or less",
                "watch",
                &metric(&q2_brief(&checklist), "lead_response_time").verdict,
                "2026-Q1",
                "",
                "improved",
                "improved from 3 h in 2025-Q4 to 40 min (not known in 2026-Q1)",
                "agreed",
                "'@Dana to confirm with sales ops",
                "",
            ]
        );
        let share = rows
            .iter()
            .find(|r| &r[1] == "marketing_pipeline_share")
            .unwrap();
        assert_eq!(
            (&share[3], &share[10], &share[11]),
            ("22", "18", "improved")
        );
        let unknown = rows.iter().find(|r| &r[1] == "mql_to_sql_rate").unwrap();
        assert_eq!(
            (&unknown[3], &unknown[5], &unknown[7]),
            ("", "not known", "unknown")
        );
    }

    #[test]
    fn csv_cells_that_would_run_as_formulas_are_neutralised_but_numbers_stay_numbers() {
        let checklist = Checklist::built_in();
        let mut session = Session::new("2026-Q3".parse().unwrap(), at(9));
        session
            .set_note(
                "lead_response_time",
                "=HYPERLINK(\"http://example.com\",\"open\")",
                at(9),
            )
            .unwrap();
        session
            .set_note("ltv_to_cac", "+1 from finance", at(9))
            .unwrap();
        session
            .set_note("marketing_win_rate", "-12.5", at(9))
            .unwrap();
        session
            .set_note("pipeline_coverage", "-5 deals slipped", at(9))
            .unwrap();
        session.record(
            "marketing_pipeline_share",
            Answer {
                value: Some(-12.5),
                text: "-12.5".into(),
                answered_at: at(9),
                source: AnswerSource::Typed,
            },
        );
        session.record_typed("mql_to_sql_rate", Parsed::Value(30.0), "30", at(9));
        let csv_text = Brief::new(&checklist, &session, &[]).to_csv();
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv_text.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect();
        let cell = |id: &str, column: &str| {
            let at = CSV_COLUMNS.iter().position(|c| *c == column).unwrap();
            rows.iter().find(|r| &r[1] == id).unwrap()[at].to_string()
        };
        assert_eq!(
            cell("lead_response_time", "note"),
            "'=HYPERLINK(\"http://example.com\",\"open\")"
        );
        assert_eq!(cell("ltv_to_cac", "note"), "'+1 from finance");
        assert_eq!(cell("pipeline_coverage", "note"), "'-5 deals slipped");
        assert_eq!(
            cell("marketing_win_rate", "note"),
            "-12.5",
            "a number stays a number"
        );
        assert_eq!(cell("marketing_pipeline_share", "value"), "-12.5");
        assert_eq!(cell("mql_to_sql_rate", "value"), "30");

        for (cell, safe) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-", "'-"),
            ("-1e3", "'-1e3"),
            ("-inf", "'-inf"),
            ("-.5", "'-.5"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("-12.5", "-12.5"),
            ("-3", "-3"),
            ("12", "12"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_safe(cell), safe, "{cell:?}");
        }
    }

    #[test]
    fn json_reads_back_into_the_same_brief() {
        let checklist = Checklist::built_in();
        let mut sessions = fixture_sessions();
        sessions[2].record_typed("ltv_to_cac", Parsed::Value(7.0 / 3.0), "7:3", at(9));
        sessions[2]
            .set_note("ltv_to_cac", "Finance: \"roughly\" | see =A1", at(9))
            .unwrap();
        let brief = Brief::new(&checklist, &sessions[2], &sessions);
        let json = brief.render(ExportFormat::Json);
        let back: Brief = serde_json::from_str(&json).unwrap();
        assert_eq!(back, brief);
        assert_eq!(metric(&back, "ltv_to_cac").value, Some(7.0 / 3.0));

        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let keys = |object: &serde_json::Value| {
            let mut keys: Vec<String> = object.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        assert_eq!(
            keys(&value),
            [
                "counts",
                "go_to_market",
                "metrics",
                "overall",
                "previous_quarter",
                "quarter",
                "questions"
            ]
        );
        let mut columns: Vec<&str> = CSV_COLUMNS
            .iter()
            .filter(|c| !c.ends_with("quarter"))
            .copied()
            .collect();
        columns.sort();
        assert_eq!(
            keys(&value["metrics"][0]),
            columns,
            "the CSV columns, less the quarters"
        );
        assert_eq!(value["metrics"][0]["change"], "improved");
        assert_eq!(value["metrics"][0]["agreement"], "agreed");
        assert_eq!(value["counts"]["unanswered"], 4);
    }

    #[test]
    fn write_file_replaces_the_target_whole_and_returns_its_absolute_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.md");
        std::fs::write(&path, "old and longer text").unwrap();
        let written = write_file(&path, "new").unwrap();
        assert_eq!(written, std::fs::canonicalize(&path).unwrap());
        assert!(written.is_absolute());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file is left behind");
        assert!(write_file(&dir.path().join("missing/brief.md"), "x").is_err());
        assert_eq!(ExportFormat::Csv.extension(), "csv");
    }
}
