//! Two saved quarters side by side: per item the value and rating in each, and the change from
//! the first to the second in words, as plain text and JSON.

use serde_json::{Value, json};

use super::trends::{Change, TrendPoint, change_between};
use super::{Scorecard, Summary};
use crate::checklist::Checklist;
use crate::checklist::Item;
use crate::checklist::answer::format_value;
use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;

/// Width of the item-name column in the text table.
const NAME_WIDTH: usize = 30;
/// Width of each quarter's column in the text table.
const CELL_WIDTH: usize = 18;

/// Quarter A against quarter B, item by item.
#[derive(Debug)]
pub struct Comparison<'a> {
    /// The first quarter (the change is read from it).
    pub a: Quarter,
    /// The second quarter (the change is read to it).
    pub b: Quarter,
    /// Rating counts in A.
    pub summary_a: Summary,
    /// Rating counts in B.
    pub summary_b: Summary,
    /// One row per checklist item, in checklist order.
    pub rows: Vec<CompareRow<'a>>,
}

/// One item in both quarters.
#[derive(Debug)]
pub struct CompareRow<'a> {
    /// The checklist item.
    pub item: &'a Item,
    /// The item in quarter A.
    pub a: TrendPoint,
    /// The item in quarter B.
    pub b: TrendPoint,
    /// Which way it moved from A to B.
    pub change: Change,
    /// The change in words: "improved from 3 h to 40 min".
    pub words: String,
}

impl<'a> Comparison<'a> {
    /// Compares session `a` with session `b`, reading changes from `a` to `b`.
    pub fn new(checklist: &'a Checklist, a: &Session, b: &Session) -> Self {
        Self::with_bands(checklist, a, checklist, b)
    }

    /// Compares `a`, rated against `checklist_a`, with `b`, rated against `checklist_b` (each
    /// quarter's effective checklist); rows show `checklist_b`'s items.
    pub fn with_bands(
        checklist_a: &Checklist,
        a: &Session,
        checklist_b: &'a Checklist,
        b: &Session,
    ) -> Self {
        let rows = checklist_a
            .items
            .iter()
            .zip(&checklist_b.items)
            .map(|(item_a, item)| {
                let (from, to) = (TrendPoint::of(item_a, a), TrendPoint::of(item, b));
                let (change, words) = change_between(item, &from, &to);
                CompareRow {
                    item,
                    a: from,
                    b: to,
                    change,
                    words,
                }
            })
            .collect();
        Self {
            a: a.quarter,
            b: b.quarter,
            summary_a: Scorecard::new(checklist_a, a).summary,
            summary_b: Scorecard::new(checklist_b, b).summary,
            rows,
        }
    }

    /// A table with a value-and-rating column per quarter and the change under each item.
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "{} against {}\n{}: {}\n{}: {}\n\n{:<NAME_WIDTH$}{:<CELL_WIDTH$}{}\n",
            self.a,
            self.b,
            self.a,
            self.summary_a.line(),
            self.b,
            self.summary_b.line(),
            "Item",
            self.a.to_string(),
            self.b
        );
        for row in &self.rows {
            text += &format!(
                "{:<NAME_WIDTH$}{:<CELL_WIDTH$}{}\n  {}\n",
                row.item.name,
                cell(row.item, &row.a),
                cell(row.item, &row.b),
                row.words
            );
        }
        text
    }

    /// The comparison as JSON: `quarter_a`, `quarter_b`, `summary_a`, `summary_b` and
    /// `metrics` (id, name, unit, value_a, value_b, rating_a, rating_b, change, words).
    pub fn to_json(&self) -> Value {
        let metrics: Vec<Value> = self
            .rows
            .iter()
            .map(|row| {
                json!({
                    "id": row.item.id,
                    "name": row.item.name,
                    "unit": row.item.unit,
                    "value_a": row.a.value,
                    "value_b": row.b.value,
                    "rating_a": row.a.rating,
                    "rating_b": row.b.rating,
                    "change": row.change,
                    "words": row.words,
                })
            })
            .collect();
        let summary = |s: &Summary| json!({ "line": s.line(), "counts": s });
        json!({
            "quarter_a": self.a,
            "quarter_b": self.b,
            "summary_a": summary(&self.summary_a),
            "summary_b": summary(&self.summary_b),
            "metrics": metrics,
        })
    }
}

/// "40 min ▲ watch", or "? unknown" when there is no value.
fn cell(item: &Item, point: &TrendPoint) -> String {
    let rating = format!("{} {}", point.rating.symbol(), point.rating.word());
    match point.value {
        Some(value) => format!("{} {rating}", format_value(item.unit, value)),
        None => rating,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::scoring::Rating;
    use crate::report::tests::fixture_sessions;

    #[test]
    fn each_side_can_be_rated_against_its_own_bands() {
        let built_in = Checklist::built_in();
        let mut sessions = fixture_sessions();
        sessions[2].go_to_market = Some(crate::checklist::profile::GoToMarket::Enterprise);
        let a = built_in.for_session(&sessions[1], &Default::default());
        let b = built_in.for_session(&sessions[2], &Default::default());
        let comparison = Comparison::with_bands(&a, &sessions[1], &b, &sessions[2]);
        let share = comparison
            .rows
            .iter()
            .find(|r| r.item.id == "marketing_pipeline_share")
            .unwrap();
        assert_eq!(
            (share.a.rating, share.b.rating),
            (Rating::Watch, Rating::Good)
        );
        assert_eq!(
            share.item.bands.good, 10.0,
            "rows show the second quarter's bands"
        );
        assert_eq!(comparison.summary_b.good, 3);
    }

    #[test]
    fn rows_carry_both_values_and_ratings_and_the_change() {
        let checklist = Checklist::built_in();
        let sessions = fixture_sessions();
        let comparison = Comparison::new(&checklist, &sessions[0], &sessions[2]);
        assert_eq!(
            (comparison.a.to_string(), comparison.b.to_string()),
            ("2025-Q4".into(), "2026-Q2".into())
        );
        let row = |id: &str| comparison.rows.iter().find(|r| r.item.id == id).unwrap();
        let response = row("lead_response_time");
        assert_eq!(
            (response.a.value, response.b.value),
            (Some(180.0), Some(40.0))
        );
        assert_eq!(
            (response.a.rating, response.b.rating),
            (Rating::Poor, Rating::Watch)
        );
        assert_eq!(response.change, Change::Improved);
        assert_eq!(response.words, "improved from 3 h to 40 min");
        let mql = row("mql_to_sql_rate");
        assert_eq!(mql.words, "not known in 2025-Q4 or 2026-Q2");
        let win = row("marketing_win_rate");
        assert_eq!(win.words, "not answered in 2025-Q4; 25% in 2026-Q2");
        assert_eq!(comparison.rows.len(), checklist.items.len());
        assert_eq!(comparison.summary_a.poor, 4);
        assert_eq!(comparison.summary_b.good, 2);
    }

    #[test]
    fn text_lines_up_the_two_quarters() {
        let checklist = Checklist::built_in();
        let sessions = fixture_sessions();
        let text = Comparison::new(&checklist, &sessions[1], &sessions[2]).to_text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "2026-Q1 against 2026-Q2");
        assert!(
            lines[1].starts_with("2026-Q1: Marketing meets the benchmark on 0 of 4"),
            "{text}"
        );
        assert_eq!(
            lines[4],
            "Item                          2026-Q1           2026-Q2"
        );
        assert_eq!(
            lines[5],
            "Lead response time            ? unknown         40 min ▲ watch"
        );
        assert_eq!(lines[6], "  not known in 2026-Q1; 40 min in 2026-Q2");
        assert!(
            text.contains(
                "Sales-marketing agreement     Partly ▲ watch    Yes ✓ good\n  improved from partly to yes\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn json_has_stable_keys_and_null_gaps() {
        let checklist = Checklist::built_in();
        let sessions = fixture_sessions();
        let json = Comparison::new(&checklist, &sessions[0], &sessions[1]).to_json();
        assert_eq!(json["quarter_a"], "2025-Q4");
        assert_eq!(json["quarter_b"], "2026-Q1");
        assert_eq!(json["summary_b"]["counts"]["watch"], 3);
        let metrics = json["metrics"].as_array().unwrap();
        assert_eq!(metrics.len(), 12);
        let response = &metrics[0];
        assert_eq!(response["id"], "lead_response_time");
        assert_eq!(response["value_a"], 180.0);
        assert_eq!(response["value_b"], Value::Null);
        assert_eq!(response["rating_a"], "poor");
        assert_eq!(response["rating_b"], "unknown");
        assert_eq!(response["change"], "not_comparable");
        assert_eq!(response["words"], "3 h in 2025-Q4; not known in 2026-Q1");
        let follow_up = metrics
            .iter()
            .find(|m| m["id"] == "lead_follow_up_rate")
            .unwrap();
        assert_eq!(follow_up["change"], "no_change");
        assert_eq!(follow_up["words"], "no change at 40%");
    }
}
