//! Saved sessions: one JSON file per quarter under `<root>/sessions/`, plus delete (to
//! `<root>/sessions/.trash/`), rename, duplicate, backups and crash reports. The caller chooses
//! the root; nothing here looks up directories.
//!
//! Safety rules, all enforced here rather than left to callers:
//! - Every write is atomic (see [`files`]): a temp file in the same folder, flushed to disk,
//!   renamed over the target, folder synced. Files are user-only (0600), folders 0700.
//! - Saving keeps the previous version as `<quarter>.json.bak`, itself written atomically.
//! - Only the holder of a quarter's [`QuarterLock`] can save it, and a quarter is locked by one
//!   process at a time ([`lock`]): lock, then load, then save with the lock, and no other mcc
//!   can change the file in between. Delete, rename, duplicate and restore take the lock
//!   themselves when this store does not hold it.
//! - A file mcc cannot read ([`schema`]) is reported as damaged and never overwritten, moved or
//!   deleted unless the user asks ([`Store::restore_backup`], [`Store::delete`]).
//! - Every file name is built from a [`Quarter`], which only ever prints as `YYYY-QN`; nothing
//!   read from a file or a command line becomes a path here.

mod files;
mod lock;
pub mod schema;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;
use files::{
    Replace, create_private_dir, read_bounded, rename_synced, sync_dir, temp_prefix, unused,
    with_suffix, write_atomic,
};
use lock::Held;
pub use lock::QuarterLock;

/// Writes `bytes` to `path` atomically and user-only, replacing any file there, the same way
/// sessions are saved (temp file, flush, rename, folder synced).
pub fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, bytes, Replace::Yes)
}

/// Where sessions live on disk.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    sessions_dir: PathBuf,
    held: Held,
}

/// A saved quarter as found on disk.
#[derive(Debug)]
pub struct Listing {
    /// The quarter the file is named after.
    pub quarter: Quarter,
    /// The session, or why it could not be read.
    pub session: Result<Session, StoreError>,
}

/// What [`Store::restore_backup`] did.
#[derive(Debug)]
pub struct Restored {
    /// The session now saved for the quarter (the backup's answers).
    pub session: Session,
    /// Where the damaged file was moved, if there was one.
    pub moved_aside: Option<PathBuf>,
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
    /// Another mcc has the quarter open for editing; it can be read but not changed.
    #[error(
        "{quarter} is open in another mcc{}; it can be read but not changed until that one closes",
        .pid.map(|p| format!(" (process {p})")).unwrap_or_default()
    )]
    Locked {
        /// The quarter asked for.
        quarter: Quarter,
        /// The process holding it, when known.
        pid: Option<u32>,
    },
    /// A save was attempted with no lock, or the lock of another quarter or folder.
    #[error("{quarter} was not opened for editing by this mcc, so it was not saved; open it again")]
    NotLocked {
        /// The quarter being saved.
        quarter: Quarter,
    },
    /// The session file is marked read-only, so mcc does not change it.
    #[error("{path} is read-only, so mcc did not change it; make it writable to save")]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// There is no backup to restore.
    #[error("there is no backup of {quarter} to restore ({path} does not exist)")]
    NoBackup {
        /// The quarter asked for.
        quarter: Quarter,
        /// Where the backup would be.
        path: PathBuf,
    },
    /// Restoring was asked for a file that is not damaged.
    #[error("{path} can be read, so it was not replaced by its backup")]
    NotDamaged {
        /// The quarter asked for.
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
    /// A store on `<root>/sessions` without touching the disk; every operation reports the
    /// folder's problems itself. [`Store::open`] is the usual way in.
    pub fn at(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            sessions_dir: root.join("sessions"),
            held: Held::default(),
        }
    }

    /// The config folder the store was opened on.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Opens (and if needed creates, user-only) `<root>/sessions`.
    pub fn open(root: &Path) -> Result<Self, StoreError> {
        let store = Self::at(root);
        create_private_dir(&store.sessions_dir)
            .map_err(StoreError::io("create the folder", &store.sessions_dir))?;
        Ok(store)
    }

    /// The folder that holds the session files.
    pub fn sessions_dir(&self) -> &Path {
        &self.sessions_dir
    }

    /// The folder deleted sessions are moved to; mcc never empties it.
    pub fn trash_dir(&self) -> PathBuf {
        self.sessions_dir.join(".trash")
    }

    /// The folder crash reports are written to.
    pub fn crash_reports_dir(&self) -> PathBuf {
        self.root.join("crash-reports")
    }

    /// The file for a quarter's session.
    pub fn path_for(&self, quarter: Quarter) -> PathBuf {
        self.sessions_dir.join(format!("{quarter}.json"))
    }

    /// The previous version of a quarter's session, kept by every save that changes it.
    pub fn backup_path(&self, quarter: Quarter) -> PathBuf {
        with_suffix(&self.path_for(quarter), ".bak")
    }

    /// Takes the quarter for editing: until the lock is dropped (or the process ends), no other
    /// mcc can lock or save it. [`StoreError::Locked`] says another one has it: open the
    /// quarter read-only then. Lock first, then load, so the session edited is the latest.
    pub fn lock(&self, quarter: Quarter) -> Result<QuarterLock, StoreError> {
        let lock = lock::acquire(&self.sessions_dir, &self.held, quarter)?;
        self.remove_stale_temps(quarter);
        Ok(lock)
    }

    /// Loads a quarter's session; `Ok(None)` when it has never been saved.
    pub fn load(&self, quarter: Quarter) -> Result<Option<Session>, StoreError> {
        Ok(read_session(&self.path_for(quarter), quarter)?.map(|(_, session)| session))
    }

    /// Loads a quarter's backup (the version before the last change); `Ok(None)` when there
    /// is none.
    pub fn load_backup(&self, quarter: Quarter) -> Result<Option<Session>, StoreError> {
        Ok(read_session(&self.backup_path(quarter), quarter)?.map(|(_, session)| session))
    }

    /// Saves a session with its quarter's lock: the previous version becomes the backup, then
    /// the new one replaces the file, both atomically. A file that is damaged or read-only is
    /// never replaced; saving an unchanged session writes nothing (the backup stays older).
    pub fn save(&self, lock: &QuarterLock, session: &Session) -> Result<PathBuf, StoreError> {
        let quarter = session.quarter;
        if !lock.covers(&self.sessions_dir, quarter) {
            return Err(StoreError::NotLocked { quarter });
        }
        let path = self.path_for(quarter);
        let json = to_json(session);
        if let Some((old, _)) = read_session(&path, quarter)? {
            if old == json.as_bytes() {
                return Ok(path);
            }
            refuse_read_only(&path)?;
            let backup = self.backup_path(quarter);
            write_atomic(&backup, &old, Replace::Yes)
                .map_err(StoreError::io("write the backup", &backup))?;
        }
        write_atomic(&path, json.as_bytes(), Replace::Yes)
            .map_err(StoreError::io("save", &path))?;
        Ok(path)
    }

    /// Puts a damaged quarter's backup in its place: the damaged file is moved aside to
    /// `<quarter>.json.damaged-<time>` (kept, never deleted) and the backup is copied over, so
    /// the backup stays too. Refused when there is no readable backup or the file is not damaged.
    pub fn restore_backup(&self, quarter: Quarter) -> Result<Restored, StoreError> {
        let _lock = self.guard(quarter)?;
        let backup = self.backup_path(quarter);
        let Some((bytes, session)) = read_session(&backup, quarter)? else {
            return Err(StoreError::NoBackup {
                quarter,
                path: backup,
            });
        };
        let path = self.path_for(quarter);
        let moved_aside = match read_session(&path, quarter) {
            Ok(None) => None,
            Ok(Some(_)) => return Err(StoreError::NotDamaged { quarter, path }),
            Err(StoreError::Damaged { .. }) => {
                let stamp = stamp();
                let aside = unused(|n| match n {
                    1 => with_suffix(&path, &format!(".damaged-{stamp}")),
                    n => with_suffix(&path, &format!(".damaged-{stamp}-{n}")),
                });
                rename_synced(&path, &aside).map_err(StoreError::io("move aside", &path))?;
                Some(aside)
            }
            Err(error) => return Err(error),
        };
        write_atomic(&path, &bytes, Replace::No).map_err(StoreError::io("restore", &path))?;
        Ok(Restored {
            session,
            moved_aside,
        })
    }

    /// Moves a quarter's file, damaged or not, into [`Store::trash_dir`] under a name with
    /// the time it was deleted, and returns where it went; moving it back restores it. Its
    /// backup goes along, with `.bak` added to that name.
    pub fn delete(&self, quarter: Quarter) -> Result<PathBuf, StoreError> {
        let _lock = self.guard(quarter)?;
        let path = self.path_for(quarter);
        if !path.exists() {
            return Err(StoreError::NotSaved { quarter });
        }
        let target = self.to_trash(quarter, &path, "deleted")?;
        Ok(target)
    }

    /// Moves a quarter's answers to another quarter and returns the new file. Refused when
    /// `from` is not saved or cannot be read, or when `to` already has a file. The old
    /// quarter's backup goes to the trash.
    pub fn rename(&self, from: Quarter, to: Quarter) -> Result<PathBuf, StoreError> {
        let _from = self.guard(from)?;
        let _to = self.guard(to)?;
        let mut session = self.load_saved(from)?;
        session.quarter = to;
        let path = self.create(&session)?;
        let old = self.path_for(from);
        if let Err(error) = fs::remove_file(&old).and_then(|()| sync_dir(&self.sessions_dir)) {
            let _ = fs::remove_file(&path);
            return Err(StoreError::io("rename", &old)(error));
        }
        if self.backup_path(from).exists() {
            self.to_trash(from, &self.backup_path(from), "renamed")?;
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
        let _to = self.guard(to)?;
        let session = self.load_saved(from)?.started_from(to, now);
        self.create(&session)?;
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

    /// Every saved quarter, newest first, including damaged files with the reason.
    pub fn list(&self) -> Result<Vec<Listing>, StoreError> {
        let entries =
            fs::read_dir(&self.sessions_dir).map_err(StoreError::io("read", &self.sessions_dir))?;
        let mut listings: Vec<Listing> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let quarter: Quarter = name.strip_suffix(".json")?.parse().ok()?;
                // Only names mcc writes: "2026q3.json" parses too but is not this quarter's file.
                (name == format!("{quarter}.json")).then(|| Listing {
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

    /// Writes a crash report to [`Store::crash_reports_dir`] and returns its path.
    pub fn write_crash_report(&self, text: &str) -> Result<PathBuf, StoreError> {
        let dir = self.crash_reports_dir();
        create_private_dir(&dir).map_err(StoreError::io("create the folder", &dir))?;
        let stamp = stamp();
        let path = unused(|n| match n {
            1 => dir.join(format!("crash-{stamp}.txt")),
            n => dir.join(format!("crash-{stamp}-{n}.txt")),
        });
        write_atomic(&path, text.as_bytes(), Replace::No)
            .map_err(StoreError::io("write the crash report", &path))?;
        Ok(path)
    }

    /// Loads a quarter that must be saved.
    fn load_saved(&self, quarter: Quarter) -> Result<Session, StoreError> {
        self.load(quarter)?.ok_or(StoreError::NotSaved { quarter })
    }

    /// The quarter's lock for a store operation: `None` when this store already holds it.
    fn guard(&self, quarter: Quarter) -> Result<Option<QuarterLock>, StoreError> {
        if self.held.contains(quarter) {
            return Ok(None);
        }
        self.lock(quarter).map(Some)
    }

    /// Writes a session to a quarter that has no file yet (never replacing one).
    fn create(&self, session: &Session) -> Result<PathBuf, StoreError> {
        let path = self.path_for(session.quarter);
        let exists = || StoreError::Exists {
            quarter: session.quarter,
            path: path.clone(),
        };
        if path.exists() {
            return Err(exists());
        }
        write_atomic(&path, to_json(session).as_bytes(), Replace::No).map_err(|e| {
            match e.kind() {
                io::ErrorKind::AlreadyExists => exists(),
                _ => StoreError::io("save", &path)(e),
            }
        })?;
        Ok(path)
    }

    /// Moves `file` (a quarter's session or backup) to the trash as
    /// `<quarter>.<why>-<time>.json`, its backup (if `file` is the session) alongside.
    fn to_trash(&self, quarter: Quarter, file: &Path, why: &str) -> Result<PathBuf, StoreError> {
        let trash = self.trash_dir();
        create_private_dir(&trash).map_err(StoreError::io("create the folder", &trash))?;
        let stamp = stamp();
        let target = unused(|n| match n {
            1 => trash.join(format!("{quarter}.{why}-{stamp}.json")),
            n => trash.join(format!("{quarter}.{why}-{stamp}-{n}.json")),
        });
        let is_backup = file == self.backup_path(quarter);
        let target = if is_backup {
            with_suffix(&target, ".bak")
        } else {
            target
        };
        rename_synced(file, &target).map_err(StoreError::io("delete", file))?;
        let backup = self.backup_path(quarter);
        if !is_backup && backup.exists() {
            rename_synced(&backup, &with_suffix(&target, ".bak"))
                .map_err(StoreError::io("delete", &backup))?;
        }
        Ok(target)
    }

    /// Removes temp files that a killed mcc left for this quarter; only called with the
    /// quarter's lock held, so no other process can be writing them.
    fn remove_stale_temps(&self, quarter: Quarter) {
        let prefix = temp_prefix(&self.path_for(quarter));
        let Ok(entries) = fs::read_dir(&self.sessions_dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(&prefix) && name.ends_with(".tmp") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// A session as saved: pretty JSON with a final newline.
fn to_json(session: &Session) -> String {
    let mut json = serde_json::to_string_pretty(session).expect("sessions always serialise");
    json.push('\n');
    json
}

/// The time for file names: `20261002T093000Z`.
fn stamp() -> String {
    Utc::now().format("%Y%m%dT%H%M%SZ").to_string()
}

/// A file listed a moment ago has disappeared.
fn gone(path: &Path) -> StoreError {
    StoreError::io("read", path)(io::Error::from(io::ErrorKind::NotFound))
}

/// Refuses to replace a file its owner marked read-only.
fn refuse_read_only(path: &Path) -> Result<(), StoreError> {
    let metadata = fs::metadata(path).map_err(StoreError::io("save", path))?;
    if metadata.permissions().readonly() {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Reads and checks the session file at `path`, which must hold `quarter`; its bytes and the
/// session, or `None` when there is no file.
fn read_session(path: &Path, quarter: Quarter) -> Result<Option<(Vec<u8>, Session)>, StoreError> {
    let damaged = |reason: String| StoreError::Damaged {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = match read_bounded(path, schema::MAX_FILE_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Ok(None),
        Err(error) if error.kind() == io::ErrorKind::InvalidData => {
            return Err(damaged(format!("{error}, far more than a session file")));
        }
        Err(error) => return Err(StoreError::io("read", path)(error)),
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| damaged("not a session file (it is not UTF-8 text)".to_string()))?;
    let session = schema::decode(text).map_err(damaged)?;
    if session.quarter != quarter {
        return Err(damaged(format!(
            "it holds {} but is named {quarter}",
            session.quarter
        )));
    }
    Ok(Some((bytes, session)))
}

#[cfg(test)]
mod tests;
