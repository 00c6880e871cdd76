//! Saved quarters at a glance, newest first: items answered of total, counts of good / watch /
//! poor / unknown and when each last changed, as text lines and JSON.

use std::fmt::Display;

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};

use super::Scorecard;
use crate::checklist::Checklist;
use crate::checklist::benchmarks::Benchmarks;
use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;
use crate::store::Listing;

/// One readable saved quarter in numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterSummary {
    /// The quarter.
    pub quarter: Quarter,
    /// Items answered, unknown included.
    pub answered: usize,
    /// Items on the checklist.
    pub total: usize,
    /// Items at or beyond the benchmark.
    pub good: usize,
    /// Items short of it, not yet a problem.
    pub watch: usize,
    /// Items well short of it.
    pub poor: usize,
    /// Items answered "we don't know".
    pub unknown: usize,
    /// When an answer or note last changed.
    pub last_changed: DateTime<Utc>,
}

impl QuarterSummary {
    /// Sums up `session` against `checklist`.
    pub fn new(checklist: &Checklist, session: &Session) -> Self {
        let counts = Scorecard::new(checklist, session).summary;
        Self {
            quarter: session.quarter,
            answered: session.answered_count(checklist),
            total: checklist.items.len(),
            good: counts.good,
            watch: counts.watch,
            poor: counts.poor,
            unknown: counts.unknown,
            last_changed: session.updated_at,
        }
    }
}

/// A saved quarter as a listing shows it: its numbers, or why its file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterListing {
    /// The quarter the file is named after.
    pub quarter: Quarter,
    /// The numbers, or the reason the file is damaged.
    pub summary: Result<QuarterSummary, String>,
}

/// Sums up the store's listings, keeping their order (newest first); each quarter is rated
/// with its own go-to-market profile's bands.
pub fn summarize(checklist: &Checklist, listings: &[Listing]) -> Vec<QuarterListing> {
    summarize_with(checklist, &Benchmarks::default(), listings)
}

/// Like [`summarize`], with the organisation's `benchmarks` over each quarter's bands.
pub fn summarize_with(
    checklist: &Checklist,
    benchmarks: &Benchmarks,
    listings: &[Listing],
) -> Vec<QuarterListing> {
    listings
        .iter()
        .map(|listing| QuarterListing {
            quarter: listing.quarter,
            summary: match &listing.session {
                Ok(session) => {
                    let effective = checklist.for_session(session, benchmarks);
                    Ok(QuarterSummary::new(&effective, session))
                }
                Err(error) => Err(error.to_string()),
            },
        })
        .collect()
}

/// One line per quarter, times shown in `zone`:
/// "2026-Q2   7 of 12 answered   1 good  2 watch  2 poor  2 unknown   last changed 2026-07-03 15:45".
pub fn list_text<Tz: TimeZone>(listings: &[QuarterListing], zone: &Tz) -> String
where
    Tz::Offset: Display,
{
    let mut text = String::new();
    for listing in listings {
        let line = match &listing.summary {
            Ok(s) => format!(
                "{}  {:>2} of {} answered  {:>2} good {:>2} watch {:>2} poor {:>2} unknown  last changed {}",
                s.quarter,
                s.answered,
                s.total,
                s.good,
                s.watch,
                s.poor,
                s.unknown,
                s.last_changed.with_timezone(zone).format("%Y-%m-%d %H:%M")
            ),
            Err(reason) => format!("{}  damaged: {reason}", listing.quarter),
        };
        text += &line;
        text.push('\n');
    }
    text
}

/// `{"quarters": [...]}`, newest first; every entry has the same keys, with numbers `null`
/// and `damaged` giving the reason when the file cannot be read.
pub fn list_json(listings: &[QuarterListing]) -> Value {
    let quarters: Vec<Value> = listings
        .iter()
        .map(|listing| match &listing.summary {
            Ok(s) => json!({
                "quarter": s.quarter,
                "answered": s.answered,
                "total": s.total,
                "good": s.good,
                "watch": s.watch,
                "poor": s.poor,
                "unknown": s.unknown,
                "last_changed": s.last_changed,
                "damaged": null,
            }),
            Err(reason) => json!({
                "quarter": listing.quarter,
                "answered": null,
                "total": null,
                "good": null,
                "watch": null,
                "poor": null,
                "unknown": null,
                "last_changed": null,
                "damaged": reason,
            }),
        })
        .collect();
    json!({ "quarters": quarters })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::fixture_sessions;
    use crate::store::StoreError;

    fn listings() -> Vec<QuarterListing> {
        let checklist = Checklist::built_in();
        let mut listings: Vec<Listing> = fixture_sessions()
            .into_iter()
            .map(|session| Listing {
                quarter: session.quarter,
                session: Ok(session),
            })
            .collect();
        listings.push(Listing {
            quarter: "2025-Q3".parse().unwrap(),
            session: Err(StoreError::Damaged {
                path: "sessions/2025-Q3.json".into(),
                reason: "not a session file".into(),
            }),
        });
        listings.sort_by_key(|listing| std::cmp::Reverse(listing.quarter));
        summarize(&checklist, &listings)
    }

    #[test]
    fn each_quarter_is_rated_with_its_own_profile_and_the_organisation_s_benchmarks() {
        let checklist = Checklist::built_in();
        let mut sessions = fixture_sessions();
        sessions[2].go_to_market = Some(crate::checklist::profile::GoToMarket::Enterprise);
        let listings: Vec<Listing> = sessions
            .into_iter()
            .map(|session| Listing {
                quarter: session.quarter,
                session: Ok(session),
            })
            .collect();
        let plain = summarize(&checklist, &listings);
        let q2 = plain[2].summary.as_ref().unwrap();
        // 2026-Q2's pipeline share of 22% is watch on the built-in bands, good for enterprise.
        assert_eq!((q2.good, q2.watch), (3, 2));
        let (benchmarks, _) = Benchmarks::parse("[lead_response_time]\ngood = 45\n", &checklist);
        let own = summarize_with(&checklist, &benchmarks, &listings);
        let q2 = own[2].summary.as_ref().unwrap();
        assert_eq!((q2.good, q2.watch), (4, 1), "40 minutes is good against 45");
    }

    #[test]
    fn summaries_count_answers_and_ratings_per_quarter() {
        let listings = listings();
        let quarters: Vec<String> = listings.iter().map(|l| l.quarter.to_string()).collect();
        assert_eq!(quarters, ["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3"]);
        let q2 = listings[0].summary.as_ref().unwrap();
        assert_eq!(
            (
                q2.answered,
                q2.total,
                q2.good,
                q2.watch,
                q2.poor,
                q2.unknown
            ),
            (7, 12, 2, 3, 1, 1)
        );
        assert_eq!(q2.last_changed.to_rfc3339(), "2026-07-03T15:45:00+00:00");
        let q4 = listings[2].summary.as_ref().unwrap();
        assert_eq!((q4.answered, q4.good, q4.poor, q4.unknown), (5, 0, 4, 1));
        assert!(
            listings[3]
                .summary
                .as_ref()
                .unwrap_err()
                .contains("damaged")
        );
    }

    #[test]
    fn text_has_a_line_per_quarter_and_json_the_same_keys_for_every_entry() {
        let listings = listings();
        let text = list_text(&listings, &Utc);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "2026-Q2   7 of 12 answered   2 good  3 watch  1 poor  1 unknown  last changed 2026-07-03 15:45"
        );
        assert!(lines[3].starts_with("2025-Q3  damaged: "), "{text}");

        let json = list_json(&listings);
        let quarters = json["quarters"].as_array().unwrap();
        assert_eq!(quarters[0]["quarter"], "2026-Q2");
        assert_eq!(quarters[0]["answered"], 7);
        assert_eq!(quarters[0]["watch"], 3);
        assert_eq!(quarters[0]["last_changed"], "2026-07-03T15:45:00Z");
        assert_eq!(quarters[0]["damaged"], Value::Null);
        assert_eq!(quarters[3]["answered"], Value::Null);
        assert!(
            quarters[3]["damaged"]
                .as_str()
                .unwrap()
                .contains("not a session file")
        );
        let keys = |entry: &Value| {
            let mut keys: Vec<String> = entry.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        assert!(quarters.iter().all(|q| keys(q) == keys(&quarters[0])));
    }
}
