//! The file operations every store write is made of: a private folder, a bounded read, and an
//! atomic write (temp file in the same folder, flushed to disk, renamed over the target, folder
//! synced), so a crash at any moment leaves either the old file or the new one, never half of one.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Whether a write may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Replace {
    /// Replace it (saving a session over its previous version).
    Yes,
    /// Refuse with `AlreadyExists` (rename, duplicate and restore never overwrite).
    No,
}

/// The prefix of the temp files written for `target`: `.<file name>.`; the store removes
/// leftovers of a killed process only while it holds the quarter's lock.
pub(super) fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.")
}

/// Writes `bytes` to `target` atomically, user-only, and syncs the folder so the rename itself
/// survives a power cut.
pub(super) fn write_atomic(target: &Path, bytes: &[u8], replace: Replace) -> io::Result<()> {
    let dir = parent(target);
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(target))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    temp.as_file().sync_all()?;
    match replace {
        Replace::Yes => temp.persist(target).map(drop),
        Replace::No => temp.persist_noclobber(target).map(drop),
    }
    .map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Flushes a folder's entries (new names, renames) to disk. A no-op where folders cannot be
/// opened as files (Windows, whose renames are already durable once they return).
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Renames `from` to `to` and syncs both folders.
pub(super) fn rename_synced(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)?;
    sync_dir(parent(to))?;
    if parent(from) != parent(to) {
        sync_dir(parent(from))?;
    }
    Ok(())
}

/// Reads a whole file of at most `limit` bytes; `Ok(None)` when it does not exist, and an
/// `InvalidData` error naming the size when it is bigger.
pub(super) fn read_bounded(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("it is bigger than {} MB", limit >> 20),
        ));
    }
    Ok(Some(bytes))
}

/// Creates a folder (and its parents) readable by the user only; an existing folder is made
/// user-only too when it is not and the user may change it.
pub(super) fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            let _ = fs::set_permissions(dir, fs::Permissions::from_mode(mode & 0o700));
        }
    }
    Ok(())
}

/// The first of `candidate(1)`, `candidate(2)`, ... for which no file exists (with `.bak` too).
pub(super) fn unused(candidate: impl Fn(usize) -> PathBuf) -> PathBuf {
    (1..)
        .map(candidate)
        .find(|path| !path.exists() && !with_suffix(path, ".bak").exists())
        .expect("an unused name")
}

/// `path` with `suffix` added to its file name.
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}
