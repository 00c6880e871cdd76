//! Saved sessions: one JSON file per quarter under `<root>/sessions/`, written atomically with
//! user-only permissions. The caller chooses the root; nothing here looks up directories.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::checklist::quarter::Quarter;
use crate::checklist::session::{SCHEMA_VERSION, Session};

/// Where sessions live on disk.
#[derive(Debug, Clone)]
pub struct Store {
    sessions_dir: PathBuf,
}

/// A saved quarter as found on disk.
#[derive(Debug)]
pub struct Listing {
    /// The quarter the file is named after.
    pub quarter: Quarter,
    /// The session, or why it could not be read.
    pub session: Result<Session, StoreError>,
}

/// What went wrong reading or writing a session, with the path involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file or folder could not be read or written.
    #[error("could not {action} {path}: {source}")]
    Io {
        /// What mcc was doing, e.g. "save".
        action: &'static str,
        /// The file or folder involved.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// A session file exists but is not one mcc can read; it is left untouched.
    #[error("{path} is damaged and was left untouched: {reason}")]
    Damaged {
        /// The file involved.
        path: PathBuf,
        /// Why it could not be read.
        reason: String,
    },
}

impl StoreError {
    fn io(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> StoreError {
        let path = path.to_path_buf();
        move |source| StoreError::Io {
            action,
            path,
            source,
        }
    }
}

impl Store {
    /// Opens (and if needed creates, user-only) `<root>/sessions`.
    pub fn open(root: &Path) -> Result<Self, StoreError> {
        let sessions_dir = root.join("sessions");
        create_private_dir(&sessions_dir)?;
        Ok(Self { sessions_dir })
    }

    /// The folder that holds the session files.
    pub fn sessions_dir(&self) -> &Path {
        &self.sessions_dir
    }

    /// The file for a quarter's session.
    pub fn path_for(&self, quarter: Quarter) -> PathBuf {
        self.sessions_dir.join(format!("{quarter}.json"))
    }

    /// Loads a quarter's session; `Ok(None)` when it has never been saved.
    pub fn load(&self, quarter: Quarter) -> Result<Option<Session>, StoreError> {
        let path = self.path_for(quarter);
        match fs::read_to_string(&path) {
            Ok(text) => parse_session(&path, &text, quarter).map(Some),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(StoreError::io("read", &path)(error)),
        }
    }

    /// Saves a session atomically: a temp file in the same folder is written, flushed and
    /// renamed over the old file. A file that exists but cannot be read is never replaced.
    pub fn save(&self, session: &Session) -> Result<PathBuf, StoreError> {
        let path = self.path_for(session.quarter);
        if path.exists() {
            self.load(session.quarter)?;
        }
        let mut json = serde_json::to_string_pretty(session).expect("sessions always serialise");
        json.push('\n');
        let mut temp = tempfile::Builder::new()
            .prefix(".session-")
            .suffix(".tmp")
            .tempfile_in(&self.sessions_dir)
            .map_err(StoreError::io("save", &path))?;
        temp.write_all(json.as_bytes())
            .map_err(StoreError::io("save", &path))?;
        temp.as_file()
            .sync_all()
            .map_err(StoreError::io("save", &path))?;
        temp.persist(&path)
            .map_err(|e| StoreError::io("save", &path)(e.error))?;
        Ok(path)
    }

    /// Every saved quarter, newest first, including damaged files with the reason.
    pub fn list(&self) -> Result<Vec<Listing>, StoreError> {
        let entries =
            fs::read_dir(&self.sessions_dir).map_err(StoreError::io("read", &self.sessions_dir))?;
        let mut listings: Vec<Listing> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let quarter: Quarter = name.strip_suffix(".json")?.parse().ok()?;
                Some(Listing {
                    quarter,
                    session: self
                        .load(quarter)
                        .and_then(|s| s.ok_or_else(|| gone(&entry.path()))),
                })
            })
            .collect();
        listings.sort_by_key(|listing| std::cmp::Reverse(listing.quarter));
        Ok(listings)
    }
}

/// A file listed a moment ago has disappeared.
fn gone(path: &Path) -> StoreError {
    StoreError::io("read", path)(io::Error::from(io::ErrorKind::NotFound))
}

fn parse_session(path: &Path, text: &str, quarter: Quarter) -> Result<Session, StoreError> {
    let damaged = |reason: String| StoreError::Damaged {
        path: path.to_path_buf(),
        reason,
    };
    let session: Session =
        serde_json::from_str(text).map_err(|e| damaged(format!("not a session file ({e})")))?;
    if session.schema_version > SCHEMA_VERSION {
        return Err(damaged(format!(
            "it was written by a newer mcc (format {}, this one reads up to {SCHEMA_VERSION})",
            session.schema_version
        )));
    }
    if session.quarter != quarter {
        return Err(damaged(format!(
            "it holds {} but is named {quarter}",
            session.quarter
        )));
    }
    Ok(session)
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(StoreError::io("create the folder", dir))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::answer::Parsed;
    use chrono::{TimeZone, Utc};

    fn quarter(text: &str) -> Quarter {
        text.parse().unwrap()
    }

    fn session(text: &str) -> Session {
        let now = Utc.with_ymd_and_hms(2026, 10, 2, 9, 30, 0).unwrap();
        let mut session = Session::new(quarter(text), now);
        session.record_typed("lead_response_time", Parsed::Value(7.0), "7m", now);
        session.record_typed("lead_follow_up_rate", Parsed::Unknown, "?", now);
        session
    }

    #[test]
    fn saves_and_loads_the_same_session() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        assert!(store.load(quarter("2026-Q3")).unwrap().is_none());
        let saved = session("2026-Q3");
        let path = store.save(&saved).unwrap();
        assert_eq!(path, dir.path().join("sessions/2026-Q3.json"));
        assert_eq!(store.load(quarter("2026-Q3")).unwrap(), Some(saved));
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(json["schema_version"], 1);
        assert_eq!(json["answers"]["lead_response_time"]["value"], 7.0);
        assert_eq!(
            json["answers"]["lead_follow_up_rate"]["value"],
            serde_json::Value::Null
        );
        assert_eq!(
            json["answers"]["lead_response_time"]["source"]["kind"],
            "typed"
        );
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folder_are_user_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("fresh")).unwrap();
        let path = store.save(&session("2026-Q3")).unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            fs::metadata(store.sessions_dir())
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
    }

    #[test]
    fn lists_newest_first_and_reports_damaged_files_without_touching_them() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save(&session("2025-Q4")).unwrap();
        store.save(&session("2026-Q2")).unwrap();
        let damaged = store.path_for(quarter("2026-Q1"));
        fs::write(&damaged, "{ not json").unwrap();
        fs::write(store.sessions_dir().join("notes.txt"), "ignored").unwrap();

        let listed = store.list().unwrap();
        let names: Vec<String> = listed.iter().map(|l| l.quarter.to_string()).collect();
        assert_eq!(names, ["2026-Q2", "2026-Q1", "2025-Q4"]);
        assert!(
            matches!(&listed[1].session, Err(StoreError::Damaged { reason, .. }) if reason.contains("not a session file"))
        );

        let error = store.save(&session("2026-Q1")).unwrap_err();
        assert!(error.to_string().contains("left untouched"), "{error}");
        assert_eq!(fs::read_to_string(&damaged).unwrap(), "{ not json");
    }

    #[test]
    fn refuses_files_from_a_newer_mcc_or_for_another_quarter() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut newer = session("2026-Q3");
        newer.schema_version = SCHEMA_VERSION + 1;
        fs::write(
            store.path_for(newer.quarter),
            serde_json::to_string(&newer).unwrap(),
        )
        .unwrap();
        let error = store.load(newer.quarter).unwrap_err();
        assert!(error.to_string().contains("newer mcc"), "{error}");

        let misnamed = session("2026-Q2");
        fs::write(
            store.path_for(quarter("2026-Q1")),
            serde_json::to_string(&misnamed).unwrap(),
        )
        .unwrap();
        let error = store.load(quarter("2026-Q1")).unwrap_err();
        assert!(error.to_string().contains("holds 2026-Q2"), "{error}");
    }

    #[test]
    fn a_save_leaves_no_temp_files_behind() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save(&session("2026-Q3")).unwrap();
        store.save(&session("2026-Q3")).unwrap();
        let names: Vec<_> = fs::read_dir(store.sessions_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["2026-Q3.json"]);
    }
}
