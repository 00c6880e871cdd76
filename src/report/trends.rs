//! Each item across all saved quarters: its values in order (unknown and unanswered quarters
//! stay gaps, never zeros), the latest value against the benchmark, and the change from the
//! quarter before in plain words.

use serde::{Deserialize, Serialize};

use crate::checklist::answer::{format_value, one_decimal};
use crate::checklist::quarter::Quarter;
use crate::checklist::scoring::{Rating, rate, rate_answer};
use crate::checklist::session::Session;
use crate::checklist::{Checklist, Direction, Item, Unit};

/// Which way an item moved between two quarters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Moved toward the benchmark's better side.
    Improved,
    /// Moved away from it.
    Worsened,
    /// The same value, as written.
    NoChange,
    /// One side or both have no value.
    NotComparable,
}

/// One item in one saved quarter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendPoint {
    /// The quarter.
    pub quarter: Quarter,
    /// The value; `None` when unknown or not answered (a gap, never a zero).
    pub value: Option<f64>,
    /// The rating, telling unknown from not answered.
    pub rating: Rating,
}

impl TrendPoint {
    /// `item` as answered in `session`.
    pub fn of(item: &Item, session: &Session) -> Self {
        let answer = session.answer(&item.id);
        let value = answer.and_then(|a| a.value);
        Self {
            quarter: session.quarter,
            value,
            rating: match answer {
                Some(_) => rate_answer(item, value),
                None => Rating::Unanswered,
            },
        }
    }

    /// "not known in 2026-Q1" or "not answered in 2026-Q1".
    fn gap(&self) -> String {
        format!("{} in {}", gap_word(self.rating), self.quarter)
    }
}

/// One item across the saved quarters.
#[derive(Debug)]
pub struct ItemTrend<'a> {
    /// The checklist item.
    pub item: &'a Item,
    /// One point per saved quarter, oldest first.
    pub points: Vec<TrendPoint>,
    /// The newest quarter against the closest earlier quarter with a value.
    pub change: Change,
    /// The change in words, without the item's name: "improved from 3 h to 40 min".
    pub phrase: String,
    /// A full sentence: "Lead response time improved from 3 h to 40 min; still 8x the
    /// 5-minute benchmark."
    pub sentence: String,
}

impl ItemTrend<'_> {
    /// The values to chart, oldest first; `None` is a gap.
    pub fn series(&self) -> Vec<Option<f64>> {
        self.points.iter().map(|p| p.value).collect()
    }

    /// The newest quarter that has a value.
    pub fn latest(&self) -> Option<&TrendPoint> {
        self.points.iter().rev().find(|p| p.value.is_some())
    }

    /// The latest value against the benchmark: "8x the 5-minute benchmark".
    pub fn standing(&self) -> Option<String> {
        let value = self.latest()?.value?;
        Some(against_benchmark(self.item, value))
    }
}

/// Every checklist item across the saved quarters.
#[derive(Debug)]
pub struct Trends<'a> {
    /// The saved quarters, oldest first.
    pub quarters: Vec<Quarter>,
    /// One trend per checklist item, in checklist order.
    pub items: Vec<ItemTrend<'a>>,
}

impl<'a> Trends<'a> {
    /// Trends over `sessions`, in any order; with no sessions every item says so.
    pub fn new(checklist: &'a Checklist, sessions: &[Session]) -> Self {
        let mut sessions: Vec<&Session> = sessions.iter().collect();
        sessions.sort_by_key(|s| s.quarter);
        let items = checklist
            .items
            .iter()
            .map(|item| {
                let points: Vec<TrendPoint> =
                    sessions.iter().map(|s| TrendPoint::of(item, s)).collect();
                let (change, phrase, sentence) = describe(item, &points);
                ItemTrend {
                    item,
                    points,
                    change,
                    phrase,
                    sentence,
                }
            })
            .collect();
        Self {
            quarters: sessions.iter().map(|s| s.quarter).collect(),
            items,
        }
    }
}

/// The change between two quarters in words, from `from` to `to`: "improved from 3 h to
/// 40 min", "no change at 22%", "not known in 2026-Q1; 40 min in 2026-Q2".
pub fn change_between(item: &Item, from: &TrendPoint, to: &TrendPoint) -> (Change, String) {
    match (from.value, to.value) {
        (Some(a), Some(b)) => movement(item, a, b),
        (Some(a), None) => (
            Change::NotComparable,
            format!("{} in {}; {}", written(item, a), from.quarter, to.gap()),
        ),
        (None, Some(b)) => (
            Change::NotComparable,
            format!("{}; {} in {}", from.gap(), written(item, b), to.quarter),
        ),
        (None, None) if from.rating == to.rating => (
            Change::NotComparable,
            format!(
                "{} in {} or {}",
                gap_word(from.rating),
                from.quarter,
                to.quarter
            ),
        ),
        (None, None) => (
            Change::NotComparable,
            format!("{}; {}", from.gap(), to.gap()),
        ),
    }
}

/// Where a value stands against the item's benchmark: "meets the 25% benchmark", "8x the
/// 5-minute benchmark", "3 points short of the 25% benchmark", "below the 3x benchmark".
/// Multiples are used only for times where lower is better, from twice the benchmark up.
pub fn against_benchmark(item: &Item, value: f64) -> String {
    let benchmark = benchmark_name(item);
    if rate(item, value) == Rating::Good {
        return format!("meets {benchmark}");
    }
    let good = item.bands.good;
    let (short, over) = (good - value, value - good);
    let (amount, relation) = match (item.unit, item.better) {
        (Unit::Minutes, Direction::Lower) if good > 0.0 && value >= 2.0 * good => {
            return format!("{} {benchmark}", multiple(value / good));
        }
        (Unit::Ratio, Direction::Higher) => return format!("below {benchmark}"),
        (Unit::Ratio, Direction::Lower) => return format!("above {benchmark}"),
        (Unit::YesNo, _) => return format!("short of {benchmark}"),
        (Unit::Percent, Direction::Higher) => (points(short), "short of"),
        (Unit::Percent, Direction::Lower) => (points(over), "over"),
        (unit, Direction::Higher) => (format_value(unit, short), "short of"),
        (unit, Direction::Lower) => (format_value(unit, over), "over"),
    };
    let rounds_to_nothing = amount.split(' ').next() == Some("0") || amount == "$0";
    if rounds_to_nothing {
        format!("just {relation} {benchmark}")
    } else {
        format!("{amount} {relation} {benchmark}")
    }
}

/// "1 point", "7 points", "2.5 points".
fn points(difference: f64) -> String {
    let number = one_decimal(difference);
    let plural = if number == "1" { "" } else { "s" };
    format!("{number} point{plural}")
}

/// "8x", "2.4x", "36x": one decimal below ten, whole numbers from ten up.
fn multiple(ratio: f64) -> String {
    if ratio >= 10.0 {
        format!("{ratio:.0}x")
    } else {
        format!("{}x", one_decimal(ratio))
    }
}

/// "the 5-minute benchmark", "the 25% benchmark", "the 3x benchmark", or for yes / no items
/// "the benchmark (written and tracked monthly)".
fn benchmark_name(item: &Item) -> String {
    let good = item.bands.good;
    let whole = |n: f64| n.fract() == 0.0;
    let edge = match item.unit {
        Unit::Minutes if good < 60.0 && whole(good) => format!("{good}-minute"),
        Unit::Minutes if good < 1440.0 && whole(good / 60.0) => format!("{}-hour", good / 60.0),
        Unit::Minutes if whole(good / 1440.0) => format!("{}-day", good / 1440.0),
        Unit::Minutes | Unit::Money => format_value(item.unit, good),
        Unit::Percent => format!("{}%", one_decimal(good)),
        Unit::Ratio => format!("{}x", one_decimal(good)),
        Unit::YesNo => return format!("the benchmark ({})", item.benchmark),
    };
    format!("the {edge} benchmark")
}

/// A value as written in a sentence: "40 min", "22%", "partly".
fn written(item: &Item, value: f64) -> String {
    let text = format_value(item.unit, value);
    match item.unit {
        Unit::YesNo => text.to_lowercase(),
        _ => text,
    }
}

/// "not known" or "not answered".
fn gap_word(rating: Rating) -> &'static str {
    match rating {
        Rating::Unanswered => "not answered",
        _ => "not known",
    }
}

/// Two values compared: equal when they read the same, so no precision is invented.
fn movement(item: &Item, from: f64, to: f64) -> (Change, String) {
    let (a, b) = (written(item, from), written(item, to));
    if a == b {
        return (Change::NoChange, format!("no change at {b}"));
    }
    let better = match item.better {
        Direction::Higher => to > from,
        Direction::Lower => to < from,
    };
    if better {
        (Change::Improved, format!("improved from {a} to {b}"))
    } else {
        (Change::Worsened, format!("worsened from {a} to {b}"))
    }
}

/// The newest point against the closest earlier point with a value: the change, the phrase
/// and the full sentence.
fn describe(item: &Item, points: &[TrendPoint]) -> (Change, String, String) {
    let name = &item.name;
    let never = || {
        let phrase = "has not been measured in any saved quarter".to_string();
        let sentence = format!("{name} {phrase}; the benchmark is {}.", item.benchmark);
        (Change::NotComparable, phrase, sentence)
    };
    let Some((newest, earlier)) = points.split_last() else {
        return never();
    };
    let before = earlier.last();
    let known = earlier
        .iter()
        .rev()
        .find_map(|p| p.value.map(|value| (p, value)));
    match (newest.value, known) {
        (Some(value), Some((known, last))) => {
            let (change, moved) = movement(item, last, value);
            let skipped = before.filter(|b| b.quarter != known.quarter);
            let phrase = match (change, skipped) {
                (Change::NoChange, None) => format!(
                    "stayed at {} (no change from {})",
                    written(item, value),
                    known.quarter
                ),
                (Change::NoChange, Some(skipped)) => format!(
                    "stayed at {} (no change from {}; {})",
                    written(item, value),
                    known.quarter,
                    skipped.gap()
                ),
                (_, None) => moved,
                (_, Some(skipped)) => format!(
                    "{} from {} in {} to {} ({})",
                    if change == Change::Improved {
                        "improved"
                    } else {
                        "worsened"
                    },
                    written(item, last),
                    known.quarter,
                    written(item, value),
                    skipped.gap()
                ),
            };
            let was_good = known.rating == Rating::Good;
            let is_good = newest.rating == Rating::Good;
            let prefix = if was_good == is_good { "still" } else { "now" };
            let standing = against_benchmark(item, value);
            let sentence = format!("{name} {phrase}; {prefix} {standing}.");
            (change, phrase, sentence)
        }
        (Some(value), None) => {
            let phrase = format!(
                "{}, first measured in {}",
                written(item, value),
                newest.quarter
            );
            let standing = against_benchmark(item, value);
            let sentence = format!("{name}: {phrase}; {standing}.");
            (Change::NotComparable, phrase, sentence)
        }
        (None, Some((known, last))) => {
            let phrase = format!(
                "was {}; last measured at {} in {}",
                newest.gap(),
                written(item, last),
                known.quarter
            );
            let sentence = format!("{name} {phrase}, {}.", against_benchmark(item, last));
            (Change::NotComparable, phrase, sentence)
        }
        (None, None) => never(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::answer::Parsed;
    use crate::report::tests::{at, fixture_sessions};

    fn trend<'a>(trends: &'a Trends, id: &str) -> &'a ItemTrend<'a> {
        trends.items.iter().find(|t| t.item.id == id).unwrap()
    }

    fn two_quarters(id: &str, first: Option<f64>, second: Option<f64>) -> Vec<Session> {
        ["2026-Q1", "2026-Q2"]
            .iter()
            .zip([first, second])
            .map(|(quarter, value)| {
                let mut session = Session::new(quarter.parse().unwrap(), at(9));
                let parsed = value.map_or(Parsed::Unknown, Parsed::Value);
                session.record_typed(id, parsed, "typed", at(9));
                session
            })
            .collect()
    }

    #[test]
    fn lead_response_time_reads_as_in_the_issue() {
        let checklist = Checklist::built_in();
        let sessions = two_quarters("lead_response_time", Some(180.0), Some(40.0));
        let trends = Trends::new(&checklist, &sessions);
        let response = trend(&trends, "lead_response_time");
        assert_eq!(
            response.sentence,
            "Lead response time improved from 3 h to 40 min; still 8x the 5-minute benchmark."
        );
        assert_eq!(response.change, Change::Improved);
        assert_eq!(response.phrase, "improved from 3 h to 40 min");
    }

    #[test]
    fn the_series_keeps_gaps_as_none_across_the_fixture_quarters() {
        let checklist = Checklist::built_in();
        let trends = Trends::new(&checklist, &fixture_sessions());
        assert_eq!(
            trends
                .quarters
                .iter()
                .map(|q| q.to_string())
                .collect::<Vec<_>>(),
            ["2025-Q4", "2026-Q1", "2026-Q2"]
        );
        let response = trend(&trends, "lead_response_time");
        assert_eq!(response.series(), [Some(180.0), None, Some(40.0)]);
        assert_eq!(response.points[1].rating, Rating::Unknown);
        assert_eq!(
            trend(&trends, "marketing_win_rate").series(),
            [None, None, Some(25.0)]
        );
        assert_eq!(
            trend(&trends, "marketing_win_rate").points[0].rating,
            Rating::Unanswered
        );
        assert_eq!(trend(&trends, "ltv_to_cac").series(), [None, None, None]);
        let latest = trend(&trends, "mql_to_sql_rate").latest().copied();
        assert_eq!(
            latest.map(|p| (p.quarter.to_string(), p.value)),
            Some(("2026-Q1".to_string(), Some(30.0)))
        );
    }

    #[test]
    fn sentences_over_the_fixture_quarters_handle_gaps_and_firsts() {
        let checklist = Checklist::built_in();
        let trends = Trends::new(&checklist, &fixture_sessions());
        let cases = [
            (
                "lead_response_time",
                Change::Improved,
                "Lead response time improved from 3 h in 2025-Q4 to 40 min (not known in 2026-Q1); still 8x the 5-minute benchmark.",
            ),
            (
                "marketing_pipeline_share",
                Change::Improved,
                "Marketing share of pipeline improved from 18% to 22%; still 3 points short of the 25% benchmark.",
            ),
            (
                "lead_follow_up_rate",
                Change::Worsened,
                "Lead follow-up rate worsened from 40% to 35%; still 40 points short of the 75% benchmark.",
            ),
            (
                "mql_to_sql_rate",
                Change::NotComparable,
                "MQL to SQL rate was not known in 2026-Q2; last measured at 30% in 2026-Q1, 20 points short of the 50% benchmark.",
            ),
            (
                "sales_marketing_sla",
                Change::Improved,
                "Sales-marketing agreement improved from partly to yes; now meets the benchmark (written and tracked monthly).",
            ),
            (
                "marketing_win_rate",
                Change::NotComparable,
                "Win rate on marketing deals: 25%, first measured in 2026-Q2; meets the 20% benchmark.",
            ),
            (
                "pipeline_coverage",
                Change::NotComparable,
                "Pipeline coverage: 2.5x, first measured in 2026-Q2; below the 3x benchmark.",
            ),
            (
                "ltv_to_cac",
                Change::NotComparable,
                "LTV to CAC ratio has not been measured in any saved quarter; the benchmark is 3 to 1 or better.",
            ),
            (
                "cmo_comp_tied_to_revenue",
                Change::NotComparable,
                "CMO bonus tied to revenue has not been measured in any saved quarter; the benchmark is part of the bonus on revenue.",
            ),
        ];
        for (id, change, sentence) in cases {
            let trend = trend(&trends, id);
            assert_eq!(trend.sentence, sentence, "{id}");
            assert_eq!(trend.change, change, "{id}");
        }
    }

    #[test]
    fn equal_values_say_no_change_even_across_a_gap() {
        let checklist = Checklist::built_in();
        let sessions = fixture_sessions();
        let trends = Trends::new(&checklist, &sessions[..2]);
        assert_eq!(
            trend(&trends, "lead_follow_up_rate").sentence,
            "Lead follow-up rate stayed at 40% (no change from 2025-Q4); still 35 points short of the 75% benchmark."
        );
        assert_eq!(
            trend(&trends, "lead_follow_up_rate").change,
            Change::NoChange
        );

        let mut third = Session::new("2026-Q3".parse().unwrap(), at(9));
        third.record_typed(
            "marketing_pipeline_share",
            Parsed::Value(22.04),
            "22.04",
            at(9),
        );
        let mut all = sessions;
        all.push(third);
        let trends = Trends::new(&checklist, &all);
        let share = trend(&trends, "marketing_pipeline_share");
        assert_eq!(share.change, Change::NoChange, "22.04% reads as 22%");
        assert_eq!(share.phrase, "stayed at 22% (no change from 2026-Q2)");
        let response = trend(&trends, "lead_response_time");
        assert_eq!(
            response.sentence,
            "Lead response time was not answered in 2026-Q3; last measured at 40 min in 2026-Q2, 8x the 5-minute benchmark."
        );

        let mut gap = two_quarters("lead_follow_up_rate", Some(40.0), None);
        let mut q3 = Session::new("2026-Q3".parse().unwrap(), at(9));
        q3.record_typed("lead_follow_up_rate", Parsed::Value(40.0), "40", at(9));
        gap.push(q3);
        let trends = Trends::new(&checklist, &gap);
        let follow_up = trend(&trends, "lead_follow_up_rate");
        assert_eq!(follow_up.change, Change::NoChange);
        assert_eq!(
            follow_up.sentence,
            "Lead follow-up rate stayed at 40% (no change from 2026-Q1; not known in 2026-Q2); still 35 points short of the 75% benchmark."
        );
    }

    #[test]
    fn a_single_quarter_is_a_first_measurement_and_no_quarters_say_so() {
        let checklist = Checklist::built_in();
        let sessions = fixture_sessions();
        let trends = Trends::new(&checklist, &sessions[2..]);
        let response = trend(&trends, "lead_response_time");
        assert_eq!(
            response.sentence,
            "Lead response time: 40 min, first measured in 2026-Q2; 8x the 5-minute benchmark."
        );
        let none = Trends::new(&checklist, &[]);
        assert!(none.quarters.is_empty());
        assert_eq!(
            trend(&none, "lead_response_time").sentence,
            "Lead response time has not been measured in any saved quarter; the benchmark is 5 minutes or less."
        );
    }

    #[test]
    fn a_value_slipping_past_the_benchmark_is_now_short_of_it() {
        let checklist = Checklist::built_in();
        let sessions = two_quarters("lead_response_time", Some(4.0), Some(7.0));
        let trends = Trends::new(&checklist, &sessions);
        assert_eq!(
            trend(&trends, "lead_response_time").sentence,
            "Lead response time worsened from 4 min to 7 min; now 2 min over the 5-minute benchmark."
        );
        let sessions = two_quarters("marketing_pipeline_share", Some(20.0), Some(30.0));
        let trends = Trends::new(&checklist, &sessions);
        assert_eq!(
            trend(&trends, "marketing_pipeline_share").sentence,
            "Marketing share of pipeline improved from 20% to 30%; now meets the 25% benchmark."
        );
    }

    #[test]
    fn standing_against_the_benchmark_uses_multiples_only_where_they_mean_something() {
        let checklist = Checklist::built_in();
        let item = |id: &str| checklist.item(id).unwrap();
        let cases = [
            ("lead_response_time", 3.0, "meets the 5-minute benchmark"),
            (
                "lead_response_time",
                7.0,
                "2 min over the 5-minute benchmark",
            ),
            ("lead_response_time", 12.0, "2.4x the 5-minute benchmark"),
            ("lead_response_time", 180.0, "36x the 5-minute benchmark"),
            (
                "lead_response_time",
                5.004,
                "just over the 5-minute benchmark",
            ),
            (
                "marketing_pipeline_share",
                24.0,
                "1 point short of the 25% benchmark",
            ),
            (
                "marketing_pipeline_share",
                24.98,
                "just short of the 25% benchmark",
            ),
            (
                "marketing_pipeline_share",
                12.5,
                "12.5 points short of the 25% benchmark",
            ),
            ("ltv_to_cac", 0.8, "below the 3x benchmark"),
            ("pipeline_coverage", 2.5, "below the 3x benchmark"),
            (
                "cmo_comp_tied_to_revenue",
                0.5,
                "short of the benchmark (part of the bonus on revenue)",
            ),
        ];
        for (id, value, words) in cases {
            assert_eq!(against_benchmark(item(id), value), words, "{id} {value}");
        }
    }

    #[test]
    fn two_quarters_compare_in_words_whatever_is_missing() {
        let checklist = Checklist::built_in();
        let item = checklist.item("lead_response_time").unwrap();
        let point = |quarter: &str, value: Option<f64>, rating| TrendPoint {
            quarter: quarter.parse().unwrap(),
            value,
            rating,
        };
        let q1 = |value| point("2026-Q1", value, Rating::Poor);
        let q2 = |value| point("2026-Q2", value, Rating::Watch);
        let unknown = |quarter| point(quarter, None, Rating::Unknown);
        let unanswered = |quarter| point(quarter, None, Rating::Unanswered);
        let cases = [
            (
                q1(Some(180.0)),
                q2(Some(40.0)),
                Change::Improved,
                "improved from 3 h to 40 min",
            ),
            (
                q1(Some(40.0)),
                q2(Some(180.0)),
                Change::Worsened,
                "worsened from 40 min to 3 h",
            ),
            (
                q1(Some(40.0)),
                q2(Some(40.02)),
                Change::NoChange,
                "no change at 40 min",
            ),
            (
                q1(Some(180.0)),
                unknown("2026-Q2"),
                Change::NotComparable,
                "3 h in 2026-Q1; not known in 2026-Q2",
            ),
            (
                unanswered("2026-Q1"),
                q2(Some(40.0)),
                Change::NotComparable,
                "not answered in 2026-Q1; 40 min in 2026-Q2",
            ),
            (
                unknown("2026-Q1"),
                unknown("2026-Q2"),
                Change::NotComparable,
                "not known in 2026-Q1 or 2026-Q2",
            ),
            (
                unknown("2026-Q1"),
                unanswered("2026-Q2"),
                Change::NotComparable,
                "not known in 2026-Q1; not answered in 2026-Q2",
            ),
        ];
        for (from, to, change, words) in cases {
            assert_eq!(
                change_between(item, &from, &to),
                (change, words.to_string())
            );
        }
    }
}
