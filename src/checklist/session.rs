//! A quarter's answers: what was answered, when, and how, plus a note and an agreement mark
//! per item. Notes live beside the answers, keyed by item, so an item can carry a note before
//! it is answered and keeps it when it is answered again.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::answer::Parsed;
use super::profile::GoToMarket;
use super::quarter::Quarter;
use super::{Checklist, Unit};

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
    /// Notes and agreement marks keyed by checklist item id, answered or not; absent in
    /// files saved before notes existed, and left out of the file while empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, ItemNotes>,
    /// How the company mostly finds its deals, which shifts some bands; absent until chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub go_to_market: Option<GoToMarket>,
    /// The revenue-gap inputs, typed or imported; absent in older files and while empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub gap: BTreeMap<GapInput, Answer>,
}

/// One input of the revenue-gap calculation, stored in a session's `gap` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapInput {
    /// The quarter's quota (money).
    Quota,
    /// Revenue closed in the quarter (money).
    Closed,
    /// Share of closed deals won, by count (percent).
    WinRate,
    /// Average size of a won deal (money).
    DealSize,
    /// Share of leads that became opportunities (percent).
    LeadToOpportunityRate,
}

impl GapInput {
    /// Every input, in the order they are asked.
    pub const ALL: [GapInput; 5] = [
        GapInput::Quota,
        GapInput::Closed,
        GapInput::WinRate,
        GapInput::DealSize,
        GapInput::LeadToOpportunityRate,
    ];

    /// The key in session files and JSON: "quota", "win_rate", ...
    pub fn key(self) -> &'static str {
        match self {
            GapInput::Quota => "quota",
            GapInput::Closed => "closed",
            GapInput::WinRate => "win_rate",
            GapInput::DealSize => "deal_size",
            GapInput::LeadToOpportunityRate => "lead_to_opportunity_rate",
        }
    }

    /// The input in words, as in "need the win rate to say this".
    pub fn label(self) -> &'static str {
        match self {
            GapInput::Quota => "the quota",
            GapInput::Closed => "the revenue closed",
            GapInput::WinRate => "the win rate",
            GapInput::DealSize => "the average deal size",
            GapInput::LeadToOpportunityRate => "the lead-to-opportunity rate",
        }
    }

    /// The unit its value is typed and stored in.
    pub fn unit(self) -> Unit {
        match self {
            GapInput::Quota | GapInput::Closed | GapInput::DealSize => Unit::Money,
            GapInput::WinRate | GapInput::LeadToOpportunityRate => Unit::Percent,
        }
    }
}

/// The longest note an item can carry, in characters.
pub const NOTE_MAX_CHARS: usize = 200;

/// What was said about an item: a short note and whether sales and marketing agree on it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemNotes {
    /// A short note on one line, e.g. "numbers from Jan's pipeline review"; empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Whether sales and marketing agree on the number.
    #[serde(default)]
    pub agreement: Agreement,
}

/// Whether sales and marketing agree on an item's number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Both sides accept the number.
    Agreed,
    /// One side does not accept the number.
    Disputed,
    /// Not talked about yet.
    #[default]
    NotDiscussed,
}

impl Agreement {
    /// Every mark, in the order a picker offers them.
    pub const ALL: [Agreement; 3] = [
        Agreement::NotDiscussed,
        Agreement::Agreed,
        Agreement::Disputed,
    ];

    /// The mark after this one in [`Agreement::ALL`], wrapping round.
    pub fn next(self) -> Self {
        let at = Self::ALL.iter().position(|a| *a == self).unwrap_or(0);
        Self::ALL[(at + 1) % Self::ALL.len()]
    }

    /// The mark in words: "agreed", "disputed" or "not discussed".
    pub fn word(self) -> &'static str {
        match self {
            Agreement::Agreed => "agreed",
            Agreement::Disputed => "disputed",
            Agreement::NotDiscussed => "not discussed",
        }
    }
}

/// Why a note was refused; its Display says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    /// The note is longer than [`NOTE_MAX_CHARS`].
    #[error("Keep the note to {NOTE_MAX_CHARS} characters or fewer; this one has {0}.")]
    TooLong(usize),
}

/// The notes of an item nobody has written about.
static NO_NOTES: ItemNotes = ItemNotes {
    note: String::new(),
    agreement: Agreement::NotDiscussed,
};

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
            notes: BTreeMap::new(),
            go_to_market: None,
            gap: BTreeMap::new(),
        }
    }

    /// A new session for `quarter` that starts from this one's answers and go-to-market
    /// profile (not its notes, agreement marks or gap inputs, which belong to this quarter).
    pub fn started_from(&self, quarter: Quarter, now: DateTime<Utc>) -> Self {
        Self {
            answers: self.answers.clone(),
            go_to_market: self.go_to_market,
            ..Self::new(quarter, now)
        }
    }

    /// Records a typed revenue-gap input, replacing any earlier one; `?` is kept as unknown.
    pub fn record_gap_typed(
        &mut self,
        input: GapInput,
        parsed: Parsed,
        text: &str,
        now: DateTime<Utc>,
    ) {
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
        self.updated_at = now;
        self.gap.insert(input, answer);
    }

    /// Sets the go-to-market profile.
    pub fn set_go_to_market(&mut self, profile: Option<GoToMarket>, now: DateTime<Utc>) {
        self.go_to_market = profile;
        self.updated_at = now;
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

    /// The note and agreement mark for `item_id` (empty and not discussed when none).
    pub fn notes(&self, item_id: &str) -> &ItemNotes {
        self.notes.get(item_id).unwrap_or(&NO_NOTES)
    }

    /// Sets the note for `item_id`, answered or not; line breaks and runs of spaces become one
    /// space, and an empty note removes it.
    pub fn set_note(
        &mut self,
        item_id: &str,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), NoteError> {
        let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
        let length = note.chars().count();
        if length > NOTE_MAX_CHARS {
            return Err(NoteError::TooLong(length));
        }
        self.change_notes(item_id, now, |notes| notes.note = note);
        Ok(())
    }

    /// Sets whether sales and marketing agree on `item_id`'s number, answered or not.
    pub fn set_agreement(&mut self, item_id: &str, agreement: Agreement, now: DateTime<Utc>) {
        self.change_notes(item_id, now, |notes| notes.agreement = agreement);
    }

    /// Applies `change` to an item's notes, dropping the entry when it ends up empty.
    fn change_notes(
        &mut self,
        item_id: &str,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut ItemNotes),
    ) {
        let mut notes = self.notes(item_id).clone();
        change(&mut notes);
        if notes == ItemNotes::default() {
            self.notes.remove(item_id);
        } else {
            self.notes.insert(item_id.to_string(), notes);
        }
        self.updated_at = now;
    }

    /// Checks what a file could hold but mcc would never write: every answer value is a finite
    /// number, and one its item's unit allows ([`Unit::allows`](super::Unit::allows)). Answers
    /// for ids the checklist does not have are not checked (they are kept and ignored).
    pub fn check(&self, checklist: &Checklist) -> Result<(), String> {
        for (id, answer) in &self.answers {
            let Some(value) = answer.value else {
                continue;
            };
            match checklist.item(id) {
                Some(item) if !item.unit.allows(value) => {
                    return Err(format!(
                        "the answer to \"{}\" is {value}, which no {} answer can be",
                        item.name,
                        super::answer::unit_label(item.unit)
                    ));
                }
                None if !value.is_finite() => {
                    return Err(format!("the answer to \"{id}\" is not a number"));
                }
                _ => {}
            }
        }
        Ok(())
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

    #[test]
    fn notes_and_agreement_marks_go_on_any_item_and_survive_a_new_answer() {
        let mut session = Session::new("2026-Q3".parse().unwrap(), at(9));
        assert_eq!(session.notes("ltv_to_cac"), &ItemNotes::default());
        session
            .set_note("ltv_to_cac", "  Finance sends\nCAC   in March ", at(10))
            .unwrap();
        session.set_agreement("ltv_to_cac", Agreement::Disputed, at(11));
        assert_eq!(
            session.notes("ltv_to_cac"),
            &ItemNotes {
                note: "Finance sends CAC in March".into(),
                agreement: Agreement::Disputed
            }
        );
        assert!(session.answer("ltv_to_cac").is_none(), "no answer needed");
        assert_eq!(session.updated_at, at(11));

        session.record_typed("ltv_to_cac", Parsed::Value(2.5), "2.5x", at(12));
        assert_eq!(
            session.notes("ltv_to_cac").note,
            "Finance sends CAC in March"
        );

        session.set_note("ltv_to_cac", "", at(13)).unwrap();
        assert!(session.notes.contains_key("ltv_to_cac"), "the mark is kept");
        session.set_agreement("ltv_to_cac", Agreement::NotDiscussed, at(14));
        assert!(session.notes.is_empty(), "empty notes leave no entry");
    }

    #[test]
    fn a_note_longer_than_the_limit_is_refused_and_nothing_changes() {
        let mut session = Session::new("2026-Q3".parse().unwrap(), at(9));
        let long = "x".repeat(NOTE_MAX_CHARS + 1);
        let error = session.set_note("ltv_to_cac", &long, at(10)).unwrap_err();
        assert_eq!(error, NoteError::TooLong(NOTE_MAX_CHARS + 1));
        assert!(
            error
                .to_string()
                .starts_with("Keep the note to 200 characters")
        );
        assert!(session.notes.is_empty());
        assert_eq!(session.updated_at, at(9));
        session
            .set_note("ltv_to_cac", &"é".repeat(NOTE_MAX_CHARS), at(10))
            .unwrap();
    }

    #[test]
    fn files_without_notes_load_and_sessions_without_notes_save_as_before() {
        let old = r#"{
          "schema_version": 1,
          "quarter": "2026-Q2",
          "created_at": "2026-07-01T12:00:00Z",
          "updated_at": "2026-07-02T12:00:00Z",
          "answers": {
            "lead_response_time": { "value": 4.0, "text": "4m", "answered_at": "2026-07-01T12:00:00Z", "source": { "kind": "typed" } }
          }
        }"#;
        let session: Session = serde_json::from_str(old).unwrap();
        assert!(session.notes.is_empty());
        assert_eq!(
            session.answer("lead_response_time").unwrap().value,
            Some(4.0)
        );
        let json = serde_json::to_value(&session).unwrap();
        assert!(json.get("notes").is_none(), "{json}");

        let mut noted = session;
        noted.set_agreement("lead_response_time", Agreement::Agreed, at(9));
        let json = serde_json::to_value(&noted).unwrap();
        assert_eq!(
            json["notes"]["lead_response_time"],
            serde_json::json!({ "agreement": "agreed" })
        );
        assert_eq!(
            serde_json::from_value::<Session>(json).unwrap(),
            noted,
            "round trip"
        );
    }

    #[test]
    fn a_session_started_from_another_takes_its_answers_but_not_its_notes() {
        let mut q2 = Session::new("2026-Q2".parse().unwrap(), at(9));
        q2.record_typed("lead_response_time", Parsed::Value(40.0), "40m", at(10));
        q2.set_note("lead_response_time", "from the CRM", at(11))
            .unwrap();
        q2.set_go_to_market(Some(GoToMarket::Enterprise), at(11));
        q2.record_gap_typed(GapInput::Quota, Parsed::Value(5e6), "5M", at(11));
        let q3 = q2.started_from("2026-Q3".parse().unwrap(), at(12));
        assert_eq!(q3.quarter.to_string(), "2026-Q3");
        assert_eq!(q3.answers, q2.answers);
        assert_eq!(
            q3.go_to_market,
            Some(GoToMarket::Enterprise),
            "the profile carries over"
        );
        assert!(q3.gap.is_empty(), "gap inputs belong to their quarter");
        assert!(q3.notes.is_empty());
        assert_eq!((q3.created_at, q3.updated_at), (at(12), at(12)));
    }

    #[test]
    fn gap_inputs_and_the_profile_save_under_their_own_keys_and_older_files_load_without_them() {
        let mut session = Session::new("2026-Q3".parse().unwrap(), at(9));
        session.record_gap_typed(GapInput::Quota, Parsed::Value(5e6), " 5M ", at(10));
        session.record_gap_typed(GapInput::WinRate, Parsed::Unknown, "?", at(11));
        session.set_go_to_market(Some(GoToMarket::Partner), at(12));
        assert_eq!(session.updated_at, at(12));
        let json = serde_json::to_value(&session).unwrap();
        assert_eq!(json["schema_version"], 1);
        assert_eq!(json["go_to_market"], "partner");
        assert_eq!(json["gap"]["quota"]["value"], 5e6);
        assert_eq!(json["gap"]["quota"]["text"], "5M");
        assert_eq!(json["gap"]["win_rate"]["value"], serde_json::Value::Null);
        assert_eq!(json["gap"]["quota"]["source"]["kind"], "typed");
        assert_eq!(serde_json::from_value::<Session>(json).unwrap(), session);

        let plain = serde_json::to_value(Session::new("2026-Q3".parse().unwrap(), at(9))).unwrap();
        assert!(
            plain.get("gap").is_none() && plain.get("go_to_market").is_none(),
            "{plain}"
        );
        let keys: Vec<&str> = GapInput::ALL.iter().map(|i| i.key()).collect();
        for (input, key) in GapInput::ALL.iter().zip(keys) {
            assert_eq!(serde_json::to_value(input).unwrap(), key);
        }
        assert_eq!(GapInput::DealSize.unit(), Unit::Money);
        assert_eq!(GapInput::LeadToOpportunityRate.unit(), Unit::Percent);
    }
}
