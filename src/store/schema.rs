//! Reading a session file's text: its format version, migrations from older formats, and the
//! checks a session must pass before mcc uses it.
//!
//! Versions: a file says which format it is in with `schema_version`. One newer than
//! [`SCHEMA_VERSION`] or below 1 is refused (and the file left alone); an older one is brought up
//! to date step by step through [`MIGRATIONS`] before it is read, so the session mcc works on is
//! always the current shape. Format 1 is the only one so far: notes and agreement marks were
//! added to it as optional fields that older files simply lack, so no version 2 was needed.
//! When a change does need one, bump [`SCHEMA_VERSION`] (the `MIGRATIONS` array then fails to
//! compile until its step is written) and add `tests/fixtures/schema/v<N>.json`.
//!
//! Checks (see [`Session::check`]): every answer value is a finite number, and for the items
//! of the built-in checklist it is one their unit allows (a share 0 to 100, yes/partly/no as
//! 1, 0.5 or 0, nothing negative). Answers and notes for ids the checklist does not have are
//! kept as they are and ignored, so a file written by an mcc with more items still opens and
//! loses nothing when saved.

use std::sync::OnceLock;

use serde_json::Value;

use crate::checklist::Checklist;
use crate::checklist::session::{SCHEMA_VERSION, Session};

/// The largest session file mcc reads (a full quarter with every note is about 20 KB).
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// One step: turns a file of format `n` into format `n + 1` (and sets `schema_version`).
type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[n - 1]` upgrades format `n` to `n + 1`; empty while format 1 is the only one.
const MIGRATIONS: [Migration; (SCHEMA_VERSION - 1) as usize] = [];

/// The built-in checklist, read once, that sessions are checked against.
fn checklist() -> &'static Checklist {
    static CHECKLIST: OnceLock<Checklist> = OnceLock::new();
    CHECKLIST.get_or_init(Checklist::built_in)
}

/// Reads a session file's text: version check, migrations, then the session's own checks.
/// The error says why, in words that follow "the file is damaged: ".
pub fn decode(text: &str) -> Result<Session, String> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| {
        format!("not a session file: it is cut short or not mcc's format (details: {e})")
    })?;
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or("not a session file (schema_version is missing or not a whole number)")?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(format!(
            "it was written by a newer mcc (format {version}, this one reads up to {SCHEMA_VERSION})"
        ));
    }
    if version == 0 {
        return Err("its format version 0 is not one mcc ever wrote".to_string());
    }
    for step in &MIGRATIONS[(version - 1) as usize..] {
        value = step(value)?;
    }
    let session: Session =
        serde_json::from_value(value).map_err(|e| format!("not a session file ({e})"))?;
    session.check(checklist())?;
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = r#"{
      "schema_version": 1,
      "quarter": "2026-Q2",
      "created_at": "2026-07-01T12:00:00Z",
      "updated_at": "2026-07-02T12:00:00Z",
      "answers": {
        "lead_follow_up_rate": { "value": VALUE, "text": "t", "answered_at": "2026-07-01T12:00:00Z", "source": { "kind": "typed" } }
      }
    }"#;

    fn with_value(value: &str) -> Result<Session, String> {
        decode(&V1.replace("VALUE", value))
    }

    #[test]
    fn reads_a_current_file_and_refuses_other_versions_with_the_reason() {
        assert_eq!(
            with_value("62").unwrap().answers["lead_follow_up_rate"].value,
            Some(62.0)
        );
        let v1 = V1.replace("VALUE", "62");
        let newer = v1.replace("\"schema_version\": 1", "\"schema_version\": 7");
        assert_eq!(
            decode(&newer).unwrap_err(),
            "it was written by a newer mcc (format 7, this one reads up to 1)"
        );
        let zero = v1.replace("\"schema_version\": 1", "\"schema_version\": 0");
        assert!(decode(&zero).unwrap_err().contains("version 0"));
        for version in ["\"1\"", "1.5", "-1", "null"] {
            let odd = v1.replace(
                "\"schema_version\": 1",
                &format!("\"schema_version\": {version}"),
            );
            assert!(
                decode(&odd)
                    .unwrap_err()
                    .contains("schema_version is missing"),
                "{version}"
            );
        }
        assert!(decode("[]").unwrap_err().contains("schema_version"));
        assert!(
            decode("{ not json")
                .unwrap_err()
                .starts_with("not a session file: it is cut short or not mcc's format (details: ")
        );
    }

    #[test]
    fn answer_values_must_be_ones_the_unit_allows() {
        for bad in ["250", "-3", "1e400"] {
            let error = with_value(bad).unwrap_err();
            assert!(
                error.contains("Lead follow-up rate") || error.contains("not a session file"),
                "{bad}: {error}"
            );
        }
        assert!(with_value("100").is_ok());
        assert!(with_value("null").is_ok(), "unknown is an answer too");
    }

    #[test]
    fn unknown_item_ids_are_kept_and_not_checked() {
        let text = V1.replace("lead_follow_up_rate", "an_item_from_a_later_mcc");
        let session = decode(&text.replace("VALUE", "250")).unwrap();
        assert_eq!(
            session.answers["an_item_from_a_later_mcc"].value,
            Some(250.0)
        );
    }
}
