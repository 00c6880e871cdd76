//! Saved sessions: one JSON file per quarter under `<root>/sessions/`, written atomically with
//! user-only permissions, plus delete (to `<root>/sessions/.trash/`), rename and duplicate.
//! The caller chooses the root; nothing here looks up directories.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::checklist::quarter::Quarter;
use crate::checklist::session::{SCHEMA_VERSION, Session};

/// Where sessions live on disk.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
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
    /// The quarter has no session file.
    #[error("{quarter} is not saved")]
    NotSaved {
        /// The quarter asked for.
        quarter: Quarter,
    },
    /// The target quarter already has a file, which is left untouched.
    #[error("{quarter} is already saved in {path}; delete or rename it first")]
    Exists {
        /// The quarter that is taken.
        quarter: Quarter,
        /// Its file.
        path: PathBuf,
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
        Ok(Self {
            root: root.to_path_buf(),
            sessions_dir,
        })
    }

    /// The config folder the store was opened on.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder that holds the session files.
    pub fn sessions_dir(&self) -> &Path {
        &self.sessions_dir
    }

    /// The folder deleted sessions are moved to; mcc never empties it.
    pub fn trash_dir(&self) -> PathBuf {
        self.sessions_dir.join(".trash")
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
        self.write(session, Replace::Yes)
    }

    /// Moves a quarter's file, damaged or not, into [`Store::trash_dir`] under a name with
    /// the time it was deleted, and returns where it went; moving it back restores it.
    pub fn delete(&self, quarter: Quarter) -> Result<PathBuf, StoreError> {
        let path = self.path_for(quarter);
        if !path.exists() {
            return Err(StoreError::NotSaved { quarter });
        }
        let trash = self.trash_dir();
        create_private_dir(&trash)?;
        let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
        let target = (1..)
            .map(|n| match n {
                1 => trash.join(format!("{quarter}.deleted-{stamp}.json")),
                n => trash.join(format!("{quarter}.deleted-{stamp}-{n}.json")),
            })
            .find(|candidate| !candidate.exists())
            .expect("an unused name");
        fs::rename(&path, &target).map_err(StoreError::io("delete", &path))?;
        Ok(target)
    }

    /// Moves a quarter's answers to another quarter and returns the new file. Refused when
    /// `from` is not saved or cannot be read, or when `to` already has a file.
    pub fn rename(&self, from: Quarter, to: Quarter) -> Result<PathBuf, StoreError> {
        let mut session = self.load_saved(from)?;
        session.quarter = to;
        let path = self.write(&session, Replace::No)?;
        if let Err(error) = fs::remove_file(self.path_for(from)) {
            let _ = fs::remove_file(&path);
            return Err(StoreError::io("rename", &self.path_for(from))(error));
        }
        Ok(path)
    }

    /// Starts `to` from `from`'s answers ("start Q3 from Q2's answers"), saves and returns
    /// it. Refused when `from` is not saved or cannot be read, or when `to` already has a file.
    pub fn duplicate(
        &self,
        from: Quarter,
        to: Quarter,
        now: DateTime<Utc>,
    ) -> Result<Session, StoreError> {
        let session = self.load_saved(from)?.started_from(to, now);
        self.write(&session, Replace::No)?;
        Ok(session)
    }

    /// Every readable session, oldest first; damaged files are left out (see [`Store::list`]).
    pub fn sessions(&self) -> Result<Vec<Session>, StoreError> {
        let mut sessions: Vec<Session> = self
            .list()?
            .into_iter()
            .filter_map(|listing| listing.session.ok())
            .collect();
        sessions.reverse();
        Ok(sessions)
    }

    /// Loads a quarter that must be saved.
    fn load_saved(&self, quarter: Quarter) -> Result<Session, StoreError> {
        self.load(quarter)?.ok_or(StoreError::NotSaved { quarter })
    }

    /// Writes a session through a flushed temp file in the same folder; with [`Replace::No`]
    /// the final rename fails rather than replace an existing file.
    fn write(&self, session: &Session, replace: Replace) -> Result<PathBuf, StoreError> {
        let path = self.path_for(session.quarter);
        let exists = || StoreError::Exists {
            quarter: session.quarter,
            path: path.clone(),
        };
        if replace == Replace::No && path.exists() {
            return Err(exists());
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
        match replace {
            Replace::Yes => temp.persist(&path).map(drop),
            Replace::No => temp.persist_noclobber(&path).map(drop),
        }
        .map_err(|e| match e.error.kind() {
            io::ErrorKind::AlreadyExists => exists(),
            _ => StoreError::io("save", &path)(e.error),
        })?;
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

/// Whether a write may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Replace {
    /// Replace it (saving a session that was loaded from it).
    Yes,
    /// Refuse (rename and duplicate never overwrite).
    No,
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
        assert_eq!(store.root(), dir.path());
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

    fn file_names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn delete_moves_the_file_to_the_trash_where_it_can_be_restored() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let saved = session("2026-Q2");
        store.save(&saved).unwrap();

        let trashed = store.delete(quarter("2026-Q2")).unwrap();
        assert_eq!(trashed.parent().unwrap(), store.trash_dir());
        let name = trashed.file_name().unwrap().to_str().unwrap();
        assert!(
            name.starts_with("2026-Q2.deleted-") && name.ends_with(".json"),
            "{name}"
        );
        assert!(store.load(quarter("2026-Q2")).unwrap().is_none());
        assert!(store.list().unwrap().is_empty(), "the trash is not listed");

        store.save(&saved).unwrap();
        let again = store.delete(quarter("2026-Q2")).unwrap();
        assert_ne!(again, trashed, "a second delete keeps the first copy");
        assert_eq!(file_names(&store.trash_dir()).len(), 2);

        fs::rename(&trashed, store.path_for(quarter("2026-Q2"))).unwrap();
        assert_eq!(store.load(quarter("2026-Q2")).unwrap(), Some(saved));

        let error = store.delete(quarter("2025-Q1")).unwrap_err();
        assert_eq!(error.to_string(), "2025-Q1 is not saved");
    }

    #[test]
    fn a_damaged_file_can_be_deleted_and_keeps_its_bytes_in_the_trash() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        fs::write(store.path_for(quarter("2026-Q1")), "{ not json").unwrap();
        let trashed = store.delete(quarter("2026-Q1")).unwrap();
        assert_eq!(fs::read_to_string(trashed).unwrap(), "{ not json");
        assert!(!store.path_for(quarter("2026-Q1")).exists());
    }

    #[test]
    fn rename_moves_the_answers_and_refuses_a_taken_quarter() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let saved = session("2026-Q2");
        store.save(&saved).unwrap();
        store.save(&session("2026-Q3")).unwrap();

        let error = store
            .rename(quarter("2026-Q2"), quarter("2026-Q3"))
            .unwrap_err();
        assert!(
            matches!(&error, StoreError::Exists { quarter: q, .. } if q.to_string() == "2026-Q3"),
            "{error}"
        );
        assert!(
            error
                .to_string()
                .starts_with("2026-Q3 is already saved in ")
        );
        assert_eq!(
            store.load(quarter("2026-Q2")).unwrap().as_ref(),
            Some(&saved)
        );

        let path = store
            .rename(quarter("2026-Q2"), quarter("2025-Q4"))
            .unwrap();
        assert_eq!(path, store.path_for(quarter("2025-Q4")));
        let moved = store.load(quarter("2025-Q4")).unwrap().unwrap();
        assert_eq!(moved.quarter, quarter("2025-Q4"));
        assert_eq!(moved.answers, saved.answers);
        assert!(store.load(quarter("2026-Q2")).unwrap().is_none());
        assert_eq!(
            file_names(store.sessions_dir()),
            ["2025-Q4.json", "2026-Q3.json"]
        );

        assert!(matches!(
            store.rename(quarter("2024-Q1"), quarter("2024-Q2")),
            Err(StoreError::NotSaved { .. })
        ));
    }

    #[test]
    fn rename_and_duplicate_never_touch_a_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save(&session("2026-Q2")).unwrap();
        let damaged = store.path_for(quarter("2026-Q1"));
        fs::write(&damaged, "{ not json").unwrap();
        let now = Utc.with_ymd_and_hms(2026, 10, 3, 9, 0, 0).unwrap();

        for result in [
            store
                .rename(quarter("2026-Q2"), quarter("2026-Q1"))
                .map(drop),
            store
                .duplicate(quarter("2026-Q2"), quarter("2026-Q1"), now)
                .map(drop),
        ] {
            assert!(
                matches!(result, Err(StoreError::Exists { .. })),
                "{result:?}"
            );
        }
        for result in [
            store
                .rename(quarter("2026-Q1"), quarter("2026-Q4"))
                .map(drop),
            store
                .duplicate(quarter("2026-Q1"), quarter("2026-Q4"), now)
                .map(drop),
        ] {
            assert!(
                matches!(result, Err(StoreError::Damaged { .. })),
                "{result:?}"
            );
        }
        assert_eq!(fs::read_to_string(&damaged).unwrap(), "{ not json");
        assert_eq!(
            file_names(store.sessions_dir()),
            ["2026-Q1.json", "2026-Q2.json"]
        );
    }

    #[test]
    fn duplicate_starts_a_new_quarter_from_the_answers_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut q2 = session("2026-Q2");
        let now = Utc.with_ymd_and_hms(2026, 10, 3, 9, 0, 0).unwrap();
        q2.set_note("lead_response_time", "from Jan's review", now)
            .unwrap();
        store.save(&q2).unwrap();

        let q3 = store
            .duplicate(quarter("2026-Q2"), quarter("2026-Q3"), now)
            .unwrap();
        assert_eq!(store.load(quarter("2026-Q3")).unwrap().as_ref(), Some(&q3));
        assert_eq!(q3.answers, q2.answers);
        assert!(q3.notes.is_empty());
        assert_eq!(q3.created_at, now);
        assert_eq!(
            store.load(quarter("2026-Q2")).unwrap(),
            Some(q2),
            "source kept"
        );

        let error = store
            .duplicate(quarter("2026-Q2"), quarter("2026-Q3"), now)
            .unwrap_err();
        assert!(matches!(error, StoreError::Exists { .. }), "{error}");
        assert_eq!(
            store.load(quarter("2026-Q3")).unwrap(),
            Some(q3),
            "target kept"
        );
    }

    #[cfg(unix)]
    #[test]
    fn renamed_duplicated_and_trashed_files_stay_user_only() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save(&session("2026-Q2")).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 10, 3, 9, 0, 0).unwrap();
        store
            .duplicate(quarter("2026-Q2"), quarter("2026-Q3"), now)
            .unwrap();
        let renamed = store
            .rename(quarter("2026-Q3"), quarter("2026-Q4"))
            .unwrap();
        let trashed = store.delete(quarter("2026-Q2")).unwrap();
        assert_eq!(mode(&renamed), 0o600);
        assert_eq!(mode(&trashed), 0o600);
        assert_eq!(mode(&store.trash_dir()), 0o700);
    }

    #[test]
    fn sessions_are_the_readable_ones_oldest_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.save(&session("2026-Q2")).unwrap();
        store.save(&session("2025-Q4")).unwrap();
        fs::write(store.path_for(quarter("2026-Q1")), "{ not json").unwrap();
        let quarters: Vec<String> = store
            .sessions()
            .unwrap()
            .iter()
            .map(|s| s.quarter.to_string())
            .collect();
        assert_eq!(quarters, ["2025-Q4", "2026-Q2"]);
    }
}
