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
        let answer = Answer {
            value,
            text: text.trim().to_string(),
            answered_at: now,
            source: AnswerSource::Typed,
        };
        self.answers.insert(item_id.to_string(), answer);
        self.updated_at = now;
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
