//! A quarter's answers: what was answered, when, and how.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Checklist;
use super::answer::Parsed;
use super::quarter::Quarter;

/// The session file format this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One quarter's checklist answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// File format version; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The quarter the answers describe.
    pub quarter: Quarter,
    /// When the session was started.
    pub created_at: DateTime<Utc>,
    /// When an answer last changed.
    pub updated_at: DateTime<Utc>,
    /// Answers keyed by checklist item id.
    pub answers: BTreeMap<String, Answer>,
}

/// One item's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The value in the item's unit; `None` means "we don't know".
    pub value: Option<f64>,
    /// The answer as it was typed, shown again when the item is revisited.
    pub text: String,
    /// When it was answered.
    pub answered_at: DateTime<Utc>,
    /// How the answer was given.
    pub source: AnswerSource,
}

/// How an answer got into the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerSource {
    /// Typed in the wizard.
    Typed,
    /// Computed from CRM exports.
    Imported {
        /// The file names it was computed from.
        files: Vec<String>,
        /// How many rows went into the value.
        rows_used: u64,
    },
}

impl Session {
    /// An empty session for `quarter`, started at `now`.
    pub fn new(quarter: Quarter, now: DateTime<Utc>) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            quarter,
            created_at: now,
            updated_at: now,
            answers: BTreeMap::new(),
        }
    }

    /// Records a typed answer for `item_id`, replacing any earlier one.
    pub fn record_typed(&mut self, item_id: &str, parsed: Parsed, text: &str, now: DateTime<Utc>) {
        let value = match parsed {
            Parsed::Value(v) => Some(v),
            Parsed::Unknown => None,
        };
        self.record(
            item_id,
            Answer {
                value,
                text: text.trim().to_string(),
                answered_at: now,
                source: AnswerSource::Typed,
            },
        );
    }

    /// Records an answer for `item_id`, replacing any earlier one.
    pub fn record(&mut self, item_id: &str, answer: Answer) {
        self.updated_at = answer.answered_at;
        self.answers.insert(item_id.to_string(), answer);
    }

    /// Whether `item_id` holds an answer someone typed (imports leave those alone unless forced).
    pub fn is_typed(&self, item_id: &str) -> bool {
        self.answer(item_id)
            .is_some_and(|a| a.source == AnswerSource::Typed)
    }

    /// The answer for `item_id`, if there is one.
    pub fn answer(&self, item_id: &str) -> Option<&Answer> {
        self.answers.get(item_id)
    }

    /// How many of the checklist's items have an answer (unknown counts as answered).
    pub fn answered_count(&self, checklist: &Checklist) -> usize {
        checklist
            .items
            .iter()
            .filter(|item| self.answers.contains_key(&item.id))
            .count()
    }

    /// Index of the first item without an answer, or `None` when all are answered.
    pub fn first_unanswered(&self, checklist: &Checklist) -> Option<usize> {
        checklist
            .items
            .iter()
            .position(|item| !self.answers.contains_key(&item.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 10, 2, hour, 0, 0).unwrap()
    }

    #[test]
    fn progress_counts_answers_and_finds_the_first_gap() {
        let checklist = Checklist::built_in();
        let mut session = Session::new("2026-Q3".parse().unwrap(), at(9));
        assert_eq!(session.first_unanswered(&checklist), Some(0));
        session.record_typed(&checklist.items[0].id, Parsed::Value(7.0), " 7m ", at(10));
        session.record_typed(&checklist.items[2].id, Parsed::Unknown, "?", at(11));
        assert_eq!(session.answered_count(&checklist), 2);
        assert_eq!(session.first_unanswered(&checklist), Some(1));
        assert_eq!(session.updated_at, at(11));
        assert_eq!(session.answer(&checklist.items[0].id).unwrap().text, "7m");
        session.record_typed("not_in_the_checklist", Parsed::Value(1.0), "1", at(12));
        assert_eq!(
            session.answered_count(&checklist),
            2,
            "only checklist items count"
        );
    }

    #[test]
    fn imported_answers_are_told_apart_from_typed_ones() {
        let mut session = Session::new("2026-Q3".parse().unwrap(), at(9));
        session.record_typed("lead_response_time", Parsed::Value(7.0), "7m", at(10));
        let imported = Answer {
            value: Some(27.0),
            text: "27%".into(),
            answered_at: at(11),
            source: AnswerSource::Imported {
                files: vec!["opps.csv".into()],
                rows_used: 812,
            },
        };
        session.record("marketing_pipeline_share", imported);
        assert!(session.is_typed("lead_response_time"));
        assert!(!session.is_typed("marketing_pipeline_share"));
        assert!(!session.is_typed("ltv_to_cac"));
        let json = serde_json::to_value(&session).unwrap();
        assert_eq!(
            json["answers"]["marketing_pipeline_share"]["source"]["kind"],
            "imported"
        );
        assert_eq!(
            json["answers"]["marketing_pipeline_share"]["source"]["rows_used"],
            812
        );
    }
}
