//! One editor per quarter. Opening a quarter for editing takes an advisory lock on
//! `<sessions>/.locks/<quarter>.lock` through the operating system (`flock` on Unix,
//! `LockFileEx` on Windows, by std's `File::try_lock`). The OS drops it when the process ends,
//! however it ends, so a crash or `kill -9` never leaves a stale lock; the file itself stays and
//! only says which process held it last.

use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::checklist::quarter::Quarter;

use super::StoreError;
use super::files::create_private_dir;

/// The quarters this process holds locks on, shared by a store and its clones.
#[derive(Debug, Clone, Default)]
pub(super) struct Held(Arc<Mutex<BTreeSet<Quarter>>>);

impl Held {
    fn set(&self) -> MutexGuard<'_, BTreeSet<Quarter>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether this store holds `quarter`'s lock.
    pub(super) fn contains(&self, quarter: Quarter) -> bool {
        self.set().contains(&quarter)
    }
}

/// Proof that this process may change a quarter: the store only saves a session with the lock
/// of its quarter. Released when dropped (and by the OS if the process dies).
#[derive(Debug)]
pub struct QuarterLock {
    quarter: Quarter,
    sessions_dir: PathBuf,
    held: Held,
    _file: File,
}

impl QuarterLock {
    /// The quarter this lock is for.
    pub fn quarter(&self) -> Quarter {
        self.quarter
    }

    /// Whether this lock lets a store on `sessions_dir` change `quarter`.
    pub(super) fn covers(&self, sessions_dir: &Path, quarter: Quarter) -> bool {
        self.quarter == quarter && self.sessions_dir == sessions_dir
    }
}

impl Drop for QuarterLock {
    fn drop(&mut self) {
        self.held.set().remove(&self.quarter);
    }
}

/// Takes `quarter`'s lock under `sessions_dir`, or says which process holds it.
pub(super) fn acquire(
    sessions_dir: &Path,
    held: &Held,
    quarter: Quarter,
) -> Result<QuarterLock, StoreError> {
    let mut set = held.set();
    let locked = |pid| StoreError::Locked { quarter, pid };
    if set.contains(&quarter) {
        return Err(locked(Some(std::process::id())));
    }
    let dir = sessions_dir.join(".locks");
    let path = dir.join(format!("{quarter}.lock"));
    let io = |error| StoreError::Io {
        action: "lock",
        path: path.clone(),
        source: error,
    };
    create_private_dir(&dir).map_err(io)?;
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path).map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Err(locked(holder(&mut file))),
        Err(std::fs::TryLockError::Error(error)) => return Err(io(error)),
    }
    // Only for the "open in another mcc" message; the lock does not depend on it.
    let _ = file
        .set_len(0)
        .and_then(|()| writeln!(file, "{}", std::process::id()));
    set.insert(quarter);
    Ok(QuarterLock {
        quarter,
        sessions_dir: sessions_dir.to_path_buf(),
        held: held.clone(),
        _file: file,
    })
}

/// The process id the holder wrote into the lock file, if it can be read.
fn holder(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.take(32).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}
