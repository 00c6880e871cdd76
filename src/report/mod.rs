//! Scorecards and checklist listings as plain text and JSON, for the end screen and the
//! command line, with saved-quarter listings ([`listing`]), trends across quarters
//! ([`trends`]), two quarters side by side ([`compare`]) and the meeting brief ([`export`]).
//! No terminal code.

pub mod compare;
pub mod export;
pub mod gap;
pub mod imported;
pub mod listing;
pub mod talking;
pub mod trends;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::checklist::answer::{format_value, unit_label};
use crate::checklist::quarter::Quarter;
use crate::checklist::scoring::{Rating, rate_answer, verdict};
use crate::checklist::session::{Agreement, Session};
use crate::checklist::{Checklist, Direction, Item};

/// Every item of a quarter with its value, rating and verdict, plus the overall line.
#[derive(Debug)]
pub struct Scorecard<'a> {
    /// The quarter scored.
    pub quarter: Quarter,
    /// One row per checklist item, in checklist order.
    pub rows: Vec<ScoreRow<'a>>,
    /// Counts per rating.
    pub summary: Summary,
}

/// One item on the scorecard.
#[derive(Debug)]
pub struct ScoreRow<'a> {
    /// The checklist item.
    pub item: &'a Item,
    /// The value, when one was given.
    pub value: Option<f64>,
    /// How the answer compares with the benchmark.
    pub rating: Rating,
    /// One sentence on what it means.
    pub verdict: String,
    /// The item's note; empty when none.
    pub note: String,
    /// Whether sales and marketing agree on the number.
    pub agreement: Agreement,
}

/// How many items got each rating.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// At or beyond the benchmark.
    pub good: usize,
    /// Short of it, not yet a problem.
    pub watch: usize,
    /// Well short of it.
    pub poor: usize,
    /// Answered "we don't know".
    pub unknown: usize,
    /// Not answered yet.
    pub unanswered: usize,
}

impl Summary {
    /// Items that have a number.
    pub fn with_value(&self) -> usize {
        self.good + self.watch + self.poor
    }

    /// The overall line: "Marketing meets the benchmark on 3 of 8 answered items; 2 unknown."
    pub fn line(&self) -> String {
        if self.with_value() + self.unknown == 0 {
            return "Nothing answered yet: start with the first question.".to_string();
        }
        let mut line = format!(
            "Marketing meets the benchmark on {} of {} answered item{}",
            self.good,
            self.with_value(),
            if self.with_value() == 1 { "" } else { "s" }
        );
        if self.unknown > 0 {
            line += &format!("; {} unknown", self.unknown);
        }
        if self.unanswered > 0 {
            line += &format!("; {} not answered yet", self.unanswered);
        }
        line.push('.');
        line
    }
}

impl<'a> Scorecard<'a> {
    /// Scores `session` against `checklist`.
    pub fn new(checklist: &'a Checklist, session: &Session) -> Self {
        let mut summary = Summary::default();
        let rows = checklist
            .items
            .iter()
            .map(|item| {
                let answer = session.answer(&item.id);
                let value = answer.and_then(|a| a.value);
                let (rating, verdict) = match answer {
                    Some(_) => (rate_answer(item, value), verdict(item, value)),
                    None => (Rating::Unanswered, "Not answered yet.".to_string()),
                };
                match rating {
                    Rating::Good => summary.good += 1,
                    Rating::Watch => summary.watch += 1,
                    Rating::Poor => summary.poor += 1,
                    Rating::Unknown => summary.unknown += 1,
                    Rating::Unanswered => summary.unanswered += 1,
                }
                let notes = session.notes(&item.id);
                ScoreRow {
                    item,
                    value,
                    rating,
                    verdict,
                    note: notes.note.clone(),
                    agreement: notes.agreement,
                }
            })
            .collect();
        Self {
            quarter: session.quarter,
            rows,
            summary,
        }
    }

    /// The scorecard as plain text, one block per item.
    pub fn to_text(&self) -> String {
        let mut text = format!("Scorecard for {}\n{}\n", self.quarter, self.summary.line());
        for row in &self.rows {
            let value = row
                .value
                .map_or_else(|| "-".to_string(), |v| format_value(row.item.unit, v));
            text += &format!(
                "\n{} {:<13} {:<30} {:>12}   benchmark: {}\n  {}\n",
                row.rating.symbol(),
                row.rating.word(),
                row.item.name,
                value,
                row.item.benchmark,
                row.verdict
            );
            if let Some(notes) = notes_line(&row.note, row.agreement) {
                text += &format!("  {notes}\n");
            }
            if let Some(reason) = &row.item.band_reason {
                text += &format!("  Bands: {reason}\n");
            }
        }
        text
    }

    /// The scorecard as JSON: `quarter`, `summary` and `metrics` (id, name, value, unit,
    /// rating, verdict, note, agreement, benchmark, band_reason).
    pub fn to_json(&self) -> Value {
        let metrics: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                json!({
                    "id": row.item.id,
                    "name": row.item.name,
                    "value": row.value,
                    "unit": row.item.unit,
                    "rating": row.rating,
                    "verdict": row.verdict,
                    "note": row.note,
                    "agreement": row.agreement,
                    "benchmark": row.item.benchmark,
                    "band_reason": row.item.band_reason,
                })
            })
            .collect();
        json!({
            "quarter": self.quarter,
            "summary": { "line": self.summary.line(), "counts": self.summary },
            "metrics": metrics,
        })
    }
}

/// "Agreement: disputed. Note: numbers from Jan's review", or `None` when there is neither.
pub fn notes_line(note: &str, agreement: Agreement) -> Option<String> {
    let mut parts = Vec::new();
    if agreement != Agreement::NotDiscussed {
        parts.push(format!("Agreement: {}.", agreement.word()));
    }
    if !note.is_empty() {
        parts.push(format!("Note: {note}"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The checklist with benchmarks and sources, as plain text.
pub fn checklist_text(checklist: &Checklist) -> String {
    let mut text = String::from("The Marketing Contribution Checklist\n");
    for (number, item) in checklist.items.iter().enumerate() {
        let better = match item.better {
            Direction::Higher => "higher is better",
            Direction::Lower => "lower is better",
        };
        text += &format!(
            "\n{}. {} [{}]\n   {}\n   Benchmark: {} ({}, {})\n   Source: {}\n",
            number + 1,
            item.name,
            item.id,
            item.question,
            item.benchmark,
            unit_label(item.unit),
            better,
            item.source
        );
        if let Some(reason) = &item.band_reason {
            text += &format!("   Bands here: {reason}\n");
        }
    }
    text
}

/// The checklist as JSON: a list of items with every field.
pub fn checklist_json(checklist: &Checklist) -> Value {
    json!({ "items": checklist.items })
}

/// `text` with its first letter in upper case, for a phrase that starts a sentence.
pub fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::checklist::answer::Parsed;
    use chrono::{DateTime, TimeZone, Utc};

    /// 2026-10-02 at `hour`:00 UTC.
    pub(crate) fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 10, 2, hour, 0, 0).unwrap()
    }

    /// The fixture quarters 2025-Q4, 2026-Q1 and 2026-Q2 (with gaps and notes), oldest first.
    pub(crate) fn fixture_sessions() -> Vec<Session> {
        [
            include_str!("../../tests/fixtures/sessions/2025-Q4.json"),
            include_str!("../../tests/fixtures/sessions/2026-Q1.json"),
            include_str!("../../tests/fixtures/sessions/2026-Q2.json"),
        ]
        .iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect()
    }

    fn scored_session() -> Session {
        let now = Utc.with_ymd_and_hms(2026, 10, 2, 9, 0, 0).unwrap();
        let mut session = Session::new("2026-Q3".parse().unwrap(), now);
        session.record_typed("lead_response_time", Parsed::Value(4.0), "4m", now);
        session.record_typed("marketing_pipeline_share", Parsed::Value(18.0), "18%", now);
        session.record_typed("lead_follow_up_rate", Parsed::Value(30.0), "30", now);
        session.record_typed("mql_to_sql_rate", Parsed::Unknown, "?", now);
        session
    }

    #[test]
    fn summary_counts_each_rating_and_reads_plainly() {
        let checklist = Checklist::built_in();
        let card = Scorecard::new(&checklist, &scored_session());
        let unanswered = checklist.items.len() - 4;
        assert_eq!(
            card.summary,
            Summary {
                good: 1,
                watch: 1,
                poor: 1,
                unknown: 1,
                unanswered
            }
        );
        assert_eq!(
            card.summary.line(),
            format!(
                "Marketing meets the benchmark on 1 of 3 answered items; 1 unknown; {unanswered} not answered yet."
            )
        );
        assert_eq!(
            Summary::default().line(),
            "Nothing answered yet: start with the first question."
        );
    }

    #[test]
    fn json_has_a_metric_per_item_with_null_for_unknown_and_unanswered() {
        let checklist = Checklist::built_in();
        let json = Scorecard::new(&checklist, &scored_session()).to_json();
        assert_eq!(json["quarter"], "2026-Q3");
        let metrics = json["metrics"].as_array().unwrap();
        assert_eq!(metrics.len(), checklist.items.len());
        let find = |id: &str| metrics.iter().find(|m| m["id"] == id).unwrap().clone();
        assert_eq!(find("lead_response_time")["value"], 4.0);
        assert_eq!(find("lead_response_time")["rating"], "good");
        assert!(
            find("lead_response_time")["verdict"]
                .as_str()
                .unwrap()
                .starts_with("4 min: ")
        );
        assert_eq!(find("mql_to_sql_rate")["value"], Value::Null);
        assert_eq!(find("mql_to_sql_rate")["rating"], "unknown");
        assert_eq!(find("ltv_to_cac")["rating"], "unanswered");
    }

    #[test]
    fn text_names_every_item_with_its_rating_word() {
        let checklist = Checklist::built_in();
        let text = Scorecard::new(&checklist, &scored_session()).to_text();
        assert!(text.starts_with("Scorecard for 2026-Q3\nMarketing meets the benchmark on 1 of 3"));
        assert!(text.contains("✓ good"), "{text}");
        assert!(text.contains("✗ poor"), "{text}");
        assert!(text.contains("? unknown"), "{text}");
        for item in &checklist.items {
            assert!(text.contains(&item.name), "missing {}", item.name);
        }
    }

    #[test]
    fn a_profile_s_bands_show_with_their_reason() {
        let mut session = scored_session();
        session.go_to_market = Some(crate::checklist::profile::GoToMarket::Enterprise);
        let checklist = Checklist::built_in().for_session(&session, &Default::default());
        let card = Scorecard::new(&checklist, &session);
        let text = card.to_text();
        assert!(
            text.contains("✓ good          Marketing share of pipeline"),
            "18% is good for an enterprise seller: {text}"
        );
        assert!(text.contains("benchmark: 10% or more (enterprise account-based)\n  18%: marketing puts a solid share"), "{text}");
        assert!(
            text.contains(
                "\n  Bands: Enterprise account-based: selling to a few large named accounts"
            ),
            "{text}"
        );
        let json = card.to_json();
        let share = json["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == "marketing_pipeline_share")
            .unwrap()
            .clone();
        assert_eq!(share["rating"], "good");
        assert!(
            share["band_reason"]
                .as_str()
                .unwrap()
                .starts_with("Enterprise account-based")
        );
        assert_eq!(json["metrics"][0]["band_reason"], Value::Null);
    }

    #[test]
    fn checklist_text_lists_benchmarks_and_sources() {
        let checklist = Checklist::built_in();
        let text = checklist_text(&checklist);
        for item in &checklist.items {
            assert!(
                text.contains(&item.source) && text.contains(&item.benchmark),
                "{}",
                item.id
            );
        }
        assert_eq!(
            checklist_json(&checklist)["items"]
                .as_array()
                .unwrap()
                .len(),
            checklist.items.len()
        );
    }
}
