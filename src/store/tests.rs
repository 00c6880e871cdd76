//! Store tests: saving, backups, locks, damaged files, restore, permissions, paths and crash reports.

use super::*;
use crate::checklist::answer::Parsed;
use crate::checklist::session::SCHEMA_VERSION;
use chrono::{TimeZone, Utc};

fn quarter(text: &str) -> Quarter {
    text.parse().unwrap()
}

/// Locks the session's quarter and saves it, as an editor does.
fn save(store: &Store, session: &Session) -> Result<PathBuf, StoreError> {
    let lock = store.lock(session.quarter)?;
    store.save(&lock, session)
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
    let path = save(&store, &saved).unwrap();
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
    let path = save(&store, &session("2026-Q3")).unwrap();
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
    save(&store, &session("2025-Q4")).unwrap();
    save(&store, &session("2026-Q2")).unwrap();
    let damaged = store.path_for(quarter("2026-Q1"));
    fs::write(&damaged, "{ not json").unwrap();
    fs::write(store.sessions_dir().join("notes.txt"), "ignored").unwrap();

    let listed = store.list().unwrap();
    let names: Vec<String> = listed.iter().map(|l| l.quarter.to_string()).collect();
    assert_eq!(names, ["2026-Q2", "2026-Q1", "2025-Q4"]);
    assert!(
        matches!(&listed[1].session, Err(StoreError::Damaged { reason, .. }) if reason.contains("not a session file"))
    );

    let error = save(&store, &session("2026-Q1")).unwrap_err();
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
    save(&store, &session("2026-Q3")).unwrap();
    save(&store, &session("2026-Q3")).unwrap();
    let mut changed = session("2026-Q3");
    changed.record_typed("ltv_to_cac", Parsed::Value(3.0), "3x", changed.updated_at);
    save(&store, &changed).unwrap();
    assert_eq!(
        file_names(store.sessions_dir()),
        ["2026-Q3.json", "2026-Q3.json.bak"]
    );
}

/// The files (not folders) in `dir`, sorted.
fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn delete_moves_the_file_to_the_trash_where_it_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let saved = session("2026-Q2");
    save(&store, &saved).unwrap();

    let trashed = store.delete(quarter("2026-Q2")).unwrap();
    assert_eq!(trashed.parent().unwrap(), store.trash_dir());
    let name = trashed.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with("2026-Q2.deleted-") && name.ends_with(".json"),
        "{name}"
    );
    assert!(store.load(quarter("2026-Q2")).unwrap().is_none());
    assert!(store.list().unwrap().is_empty(), "the trash is not listed");

    save(&store, &saved).unwrap();
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
    save(&store, &saved).unwrap();
    save(&store, &session("2026-Q3")).unwrap();

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
    save(&store, &session("2026-Q2")).unwrap();
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
    save(&store, &q2).unwrap();

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
    save(&store, &session("2026-Q2")).unwrap();
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
    save(&store, &session("2026-Q2")).unwrap();
    save(&store, &session("2025-Q4")).unwrap();
    fs::write(store.path_for(quarter("2026-Q1")), "{ not json").unwrap();
    let quarters: Vec<String> = store
        .sessions()
        .unwrap()
        .iter()
        .map(|s| s.quarter.to_string())
        .collect();
    assert_eq!(quarters, ["2025-Q4", "2026-Q2"]);
}

/// The session saved first, then changed once.
fn two_versions(text: &str) -> (Session, Session) {
    let first = session(text);
    let mut second = first.clone();
    second.record_typed("ltv_to_cac", Parsed::Value(3.0), "3x", first.updated_at);
    (first, second)
}

fn bytes(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap()
}

#[test]
fn every_change_keeps_the_previous_version_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let q3 = quarter("2026-Q3");
    let (first, second) = two_versions("2026-Q3");
    let lock = store.lock(q3).unwrap();
    store.save(&lock, &first).unwrap();
    assert!(!store.backup_path(q3).exists(), "a new file has no backup");
    assert_eq!(store.load_backup(q3).unwrap(), None);
    let before = bytes(&store.path_for(q3));
    store.save(&lock, &second).unwrap();
    assert_eq!(bytes(&store.backup_path(q3)), before);
    assert_eq!(store.load_backup(q3).unwrap(), Some(first.clone()));
    assert_eq!(store.load(q3).unwrap(), Some(second.clone()));

    store.save(&lock, &second).unwrap();
    assert_eq!(
        store.load_backup(q3).unwrap(),
        Some(first),
        "an unchanged save writes nothing, so the backup stays one change behind"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(store.backup_path(q3))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn saving_needs_the_lock_of_that_quarter_in_that_folder() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("a")).unwrap();
    let other = Store::open(&dir.path().join("b")).unwrap();
    let q2_lock = store.lock(quarter("2026-Q2")).unwrap();
    let error = store.save(&q2_lock, &session("2026-Q3")).unwrap_err();
    assert!(matches!(error, StoreError::NotLocked { .. }), "{error}");
    assert_eq!(
        error.to_string(),
        "2026-Q3 was not opened for editing by this mcc, so it was not saved; open it again"
    );
    let error = other.save(&q2_lock, &session("2026-Q2")).unwrap_err();
    assert!(matches!(error, StoreError::NotLocked { .. }), "{error}");
    assert!(!store.path_for(quarter("2026-Q3")).exists());
    assert!(!other.path_for(quarter("2026-Q2")).exists());
}

#[test]
fn a_locked_quarter_cannot_be_locked_or_changed_by_another_store_until_released() {
    let dir = tempfile::tempdir().unwrap();
    let mine = Store::open(dir.path()).unwrap();
    let theirs = Store::open(dir.path()).unwrap();
    let (q2, q3) = (quarter("2026-Q2"), quarter("2026-Q3"));
    save(&mine, &session("2026-Q2")).unwrap();
    let lock = mine.lock(q2).unwrap();
    assert_eq!(lock.quarter(), q2);

    let error = theirs.lock(q2).unwrap_err();
    assert!(
        matches!(error, StoreError::Locked { pid: Some(pid), .. } if pid == std::process::id()),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "2026-Q2 is open in another mcc (process {}); it can be read but not changed until that one closes",
            std::process::id()
        )
    );
    assert!(
        matches!(mine.lock(q2), Err(StoreError::Locked { .. })),
        "one lock per store"
    );
    let now = Utc.with_ymd_and_hms(2026, 10, 3, 9, 0, 0).unwrap();
    for result in [
        theirs.delete(q2).map(drop),
        theirs.rename(q2, q3).map(drop),
        theirs.duplicate(q3, q2, now).map(drop),
        theirs.restore_backup(q2).map(drop),
    ] {
        assert!(
            matches!(result, Err(StoreError::Locked { .. })),
            "{result:?}"
        );
    }
    assert!(theirs.load(q2).unwrap().is_some(), "reading needs no lock");

    // The holder itself may manage the quarter it has open.
    mine.duplicate(q2, q3, now).unwrap();
    drop(lock);
    let theirs_now = theirs.lock(q2).unwrap();
    theirs.save(&theirs_now, &session("2026-Q2")).unwrap();
}

#[test]
fn stale_temp_files_are_removed_only_for_the_quarter_being_locked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let sessions = store.sessions_dir().to_path_buf();
    for name in [
        ".2026-Q3.json.x1Y2z3.tmp",
        ".2026-Q3.json.bak.a1B2c3.tmp",
        ".2026-Q2.json.q1W2e3.tmp",
        "notes.tmp",
    ] {
        fs::write(sessions.join(name), "half a sess").unwrap();
    }
    let _lock = store.lock(quarter("2026-Q3")).unwrap();
    assert_eq!(
        file_names(&sessions),
        [".2026-Q2.json.q1W2e3.tmp", "notes.tmp"]
    );
}

/// Every way a session file can be damaged, with words its reason must contain.
fn damaged_cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let good = serde_json::to_string(&session("2026-Q1")).unwrap();
    vec![
        ("not JSON", b"{ not json".to_vec(), "not a session file"),
        (
            "cut short",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "not a session file",
        ),
        (
            "newer format",
            good.replace("\"schema_version\":1", "\"schema_version\":2")
                .into_bytes(),
            "newer mcc",
        ),
        (
            "format 0",
            good.replace("\"schema_version\":1", "\"schema_version\":0")
                .into_bytes(),
            "version 0",
        ),
        (
            "no version",
            good.replace("\"schema_version\":1,", "").into_bytes(),
            "schema_version is missing",
        ),
        (
            "share over 100",
            good.replace(
                "\"lead_follow_up_rate\":{\"value\":null",
                "\"lead_follow_up_rate\":{\"value\":250",
            )
            .into_bytes(),
            "\"Lead follow-up rate\" is 250, which no percent (%) answer can be",
        ),
        (
            "negative time",
            good.replace("\"value\":7.0", "\"value\":-7.0").into_bytes(),
            "Lead response time",
        ),
        (
            "not UTF-8",
            b"{\"schema_version\":1,\xff}".to_vec(),
            "not UTF-8",
        ),
        (
            "another quarter",
            serde_json::to_vec(&session("2026-Q2")).unwrap(),
            "holds 2026-Q2",
        ),
        (
            "unknown field",
            good.replacen('{', "{\"owner\":\"x\",", 1).into_bytes(),
            "unknown field",
        ),
        ("empty", Vec::new(), "not a session file"),
    ]
}

#[test]
fn each_kind_of_damaged_file_is_listed_with_its_reason_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let q1 = quarter("2026-Q1");
    let path = store.path_for(q1);
    for (case, content, reason) in damaged_cases() {
        fs::write(&path, &content).unwrap();
        let error = store.load(q1).unwrap_err();
        assert!(
            matches!(&error, StoreError::Damaged { reason: r, path: p } if r.contains(reason) && *p == path),
            "{case}: {error}"
        );
        let listed = store.list().unwrap();
        assert!(
            matches!(&listed[0].session, Err(StoreError::Damaged { .. })),
            "{case}"
        );
        let error = save(&store, &session("2026-Q1")).unwrap_err();
        assert!(
            error.to_string().contains("left untouched"),
            "{case}: {error}"
        );
        assert_eq!(bytes(&path), content, "{case}: the file is unchanged");
        assert_eq!(file_names(store.sessions_dir()), ["2026-Q1.json"], "{case}");
    }
}

#[test]
fn a_huge_file_is_damaged_without_being_read_into_memory() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = store.path_for(quarter("2026-Q1"));
    fs::File::create(&path).unwrap().set_len(5 << 30).unwrap();
    let error = store.load(quarter("2026-Q1")).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("bigger than 4 MB, far more than a session file"),
        "{error}"
    );
}

#[test]
fn restore_backup_moves_the_damaged_file_aside_and_copies_the_backup_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let q3 = quarter("2026-Q3");
    let (first, second) = two_versions("2026-Q3");
    save(&store, &first).unwrap();
    save(&store, &second).unwrap();
    let path = store.path_for(q3);
    fs::write(&path, "{ half a fi").unwrap();

    let restored = store.restore_backup(q3).unwrap();
    assert_eq!(restored.session, first);
    let aside = restored.moved_aside.unwrap();
    let name = aside.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("2026-Q3.json.damaged-"), "{name}");
    assert_eq!(aside.parent().unwrap(), store.sessions_dir());
    assert_eq!(fs::read_to_string(&aside).unwrap(), "{ half a fi");
    assert_eq!(store.load(q3).unwrap(), Some(first.clone()));
    assert_eq!(
        store.load_backup(q3).unwrap(),
        Some(first),
        "the backup stays"
    );
    assert_eq!(
        store.list().unwrap().len(),
        1,
        "the damaged copy is not listed"
    );

    // A deleted file (no session, backup left) can be restored too.
    fs::remove_file(&path).unwrap();
    assert!(store.restore_backup(q3).unwrap().moved_aside.is_none());
    assert!(store.load(q3).unwrap().is_some());
}

#[test]
fn restore_backup_refuses_with_no_backup_a_damaged_backup_or_a_readable_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let q3 = quarter("2026-Q3");
    let path = store.path_for(q3);
    fs::write(&path, "{ not json").unwrap();
    let error = store.restore_backup(q3).unwrap_err();
    assert!(matches!(error, StoreError::NoBackup { .. }), "{error}");
    assert_eq!(
        error.to_string(),
        format!(
            "there is no backup of 2026-Q3 to restore ({} does not exist)",
            store.backup_path(q3).display()
        )
    );
    fs::write(store.backup_path(q3), "{ also not json").unwrap();
    let error = store.restore_backup(q3).unwrap_err();
    assert!(
        matches!(&error, StoreError::Damaged { path, .. } if *path == store.backup_path(q3)),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "{ not json");

    fs::remove_file(&path).unwrap();
    fs::remove_file(store.backup_path(q3)).unwrap();
    let (first, second) = two_versions("2026-Q3");
    save(&store, &first).unwrap();
    save(&store, &second).unwrap();
    let error = store.restore_backup(q3).unwrap_err();
    assert!(matches!(error, StoreError::NotDamaged { .. }), "{error}");
    assert_eq!(store.load(q3).unwrap(), Some(second));
}

#[test]
fn a_read_only_session_file_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (first, second) = two_versions("2026-Q3");
    let path = save(&store, &first).unwrap();
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let before = bytes(&path);
    let error = save(&store, &second).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{} is read-only, so mcc did not change it; make it writable to save",
            path.display()
        )
    );
    assert_eq!(bytes(&path), before);
    assert_eq!(file_names(store.sessions_dir()), ["2026-Q3.json"]);
}

/// Whether this process runs as root, which ignores file permissions.
#[cfg(unix)]
fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[cfg(unix)]
#[test]
fn an_unwritable_folder_says_what_failed_where_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    if is_root() {
        eprintln!("skipped: root writes to any folder (tests/safety.rs covers a full disk)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (first, second) = two_versions("2026-Q3");
    let lock = store.lock(first.quarter).unwrap();
    let path = store.save(&lock, &first).unwrap();
    let before = bytes(&path);
    fs::set_permissions(store.sessions_dir(), fs::Permissions::from_mode(0o500)).unwrap();
    let error = store.save(&lock, &second).unwrap_err();
    fs::set_permissions(store.sessions_dir(), fs::Permissions::from_mode(0o700)).unwrap();
    let text = error.to_string();
    assert!(
        text.starts_with(&format!(
            "could not write the backup {}: ",
            store.backup_path(first.quarter).display()
        )) && text.contains("denied"),
        "{text}"
    );
    assert_eq!(bytes(&path), before);
    assert_eq!(file_names(store.sessions_dir()), ["2026-Q3.json"]);
}

#[test]
fn a_config_folder_that_cannot_exist_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "").unwrap();
    let error = Store::open(&file).unwrap_err();
    assert!(
        error.to_string().starts_with(&format!(
            "could not create the folder {}: ",
            file.join("sessions").display()
        )),
        "{error}"
    );
    let store = Store::at(&file);
    let error = store.lock(quarter("2026-Q3")).unwrap_err();
    assert!(
        error.to_string().starts_with(&format!(
            "could not lock {}",
            file.join("sessions/.locks/2026-Q3.lock").display()
        )),
        "{error}"
    );
    assert!(matches!(
        store.list(),
        Err(StoreError::Io { action: "read", .. })
    ));
}

#[test]
fn delete_takes_the_backup_along_and_rename_sends_the_old_one_to_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (first, second) = two_versions("2026-Q2");
    save(&store, &first).unwrap();
    save(&store, &second).unwrap();
    let trashed = store.delete(quarter("2026-Q2")).unwrap();
    let backup = files::with_suffix(&trashed, ".bak");
    assert_eq!(
        serde_json::from_slice::<Session>(&bytes(&backup)).unwrap(),
        first
    );
    assert!(file_names(store.sessions_dir()).is_empty());

    save(&store, &first).unwrap();
    save(&store, &second).unwrap();
    store
        .rename(quarter("2026-Q2"), quarter("2026-Q4"))
        .unwrap();
    assert_eq!(file_names(store.sessions_dir()), ["2026-Q4.json"]);
    let trash = file_names(&store.trash_dir());
    assert!(
        trash
            .iter()
            .any(|n| n.starts_with("2026-Q2.renamed-") && n.ends_with(".json.bak")),
        "{trash:?}"
    );
}

#[test]
fn file_names_come_only_from_quarters() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for year in [2000, 2026, 2999] {
        for number in 1..=4 {
            let q = Quarter::new(year, number).unwrap();
            for path in [store.path_for(q), store.backup_path(q)] {
                assert_eq!(path.parent().unwrap(), store.sessions_dir());
                assert!(
                    path.file_name()
                        .unwrap()
                        .to_str()
                        .unwrap()
                        .starts_with(&q.to_string())
                );
            }
        }
    }
    for text in [
        "../2026-Q3",
        "/etc/2026-Q3",
        "2026-Q3/..",
        "2026-Q3\0",
        "2026-Q3.json",
        "..",
    ] {
        assert!(text.parse::<Quarter>().is_err(), "{text}");
    }
    // Names that are not exactly `YYYY-QN.json` are never listed or opened.
    save(&store, &session("2026-Q3")).unwrap();
    for name in ["2026q3.json", "2026 Q3.json", "2026-Q3.json.bak", "x.json"] {
        fs::write(store.sessions_dir().join(name), "{}").unwrap();
    }
    let listed: Vec<String> = store
        .list()
        .unwrap()
        .iter()
        .map(|l| l.quarter.to_string())
        .collect();
    assert_eq!(listed, ["2026-Q3"]);
    // A file whose quarter is a path is damaged, not followed.
    let text = serde_json::to_string(&session("2026-Q1"))
        .unwrap()
        .replace("2026-Q1", "../../etc/passwd");
    fs::write(store.path_for(quarter("2026-Q1")), text).unwrap();
    assert!(matches!(
        store.load(quarter("2026-Q1")),
        Err(StoreError::Damaged { .. })
    ));
}

#[test]
fn crash_reports_are_written_user_only_beside_the_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let first = store.write_crash_report("boom").unwrap();
    let second = store.write_crash_report("boom again").unwrap();
    assert_ne!(first, second);
    assert_eq!(first.parent().unwrap(), dir.path().join("crash-reports"));
    assert_eq!(fs::read_to_string(&second).unwrap(), "boom again");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&first), 0o600);
        assert_eq!(mode(&store.crash_reports_dir()), 0o700);
    }
}
