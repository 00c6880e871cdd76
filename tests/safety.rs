//! Nothing submitted is lost: `kill -9` at any moment, SIGTERM and SIGHUP, two mcc on one
//! quarter, a full disk, and a crash report on a panic. The real binary runs in the
//! pseudo-terminal harness of `common/`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{Mcc, config_dir, keys, session_file};
use mcc::checklist::Checklist;
use mcc::checklist::quarter::Quarter;
use mcc::store::Store;

/// The answers in a quarter's file, item id to typed text; the file must load cleanly.
fn saved_answers(config: &Path, quarter: &str) -> BTreeMap<String, String> {
    let store = Store::at(config);
    let quarter: Quarter = quarter.parse().unwrap();
    match store.load(quarter) {
        Ok(Some(session)) => session
            .answers
            .into_iter()
            .map(|(id, answer)| (id, answer.text))
            .collect(),
        Ok(None) => BTreeMap::new(),
        Err(error) => panic!("the session file does not load after a kill: {error}"),
    }
}

/// A small deterministic random number generator (xorshift), so failures replay.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Where in a run the kill lands.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// While mcc starts, before or as it loads the quarter.
    Starting,
    /// Right after Enter, while the answer is being saved.
    Saving,
    /// With an answer typed but not submitted.
    Typing,
    /// Idle, after the last save finished.
    Idle,
}

#[test]
fn kill_9_at_any_moment_loses_no_submitted_answer() {
    let checklist = Checklist::built_in();
    let ids: Vec<&str> = checklist.items.iter().map(|i| i.id.as_str()).collect();
    let config = config_dir();
    let quarters = [
        "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2",
    ];
    let texts = ["0", "0.5", "1", "?"];
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let mut current = 0;
    let mut kills = BTreeMap::<&str, usize>::new();
    let started = Instant::now();
    let mut runs = 0;
    // Kills right after Enter: [answer not saved yet, answer saved].
    let mut in_flight_kept = [0; 2];
    while started.elapsed() < Duration::from_secs(20) && current < quarters.len() {
        runs += 1;
        let quarter = quarters[current];
        let before = saved_answers(config.path(), quarter);
        let mut acked = before.clone();
        let mut in_flight: Option<(String, String)> = None;
        let moment = match dice.below(4) {
            0 => Moment::Starting,
            1 => Moment::Saving,
            2 => Moment::Typing,
            _ => Moment::Idle,
        };
        let mut mcc = Mcc::start(&["new", "--quarter", quarter], config.path(), 80, 24);
        if let Moment::Starting = moment {
            std::thread::sleep(Duration::from_millis(dice.below(120)));
        } else {
            let next = before.len();
            mcc.wait_for(&format!("Item {} of {}", next + 1, ids.len()));
            let answers = 1 + dice.below(3) as usize;
            for (step, index) in (next..ids.len() - 1).take(answers).enumerate() {
                let text = texts[dice.below(texts.len() as u64) as usize];
                mcc.send_now(text);
                let last = step + 1 == answers;
                if last && matches!(moment, Moment::Typing) {
                    std::thread::sleep(Duration::from_millis(dice.below(20)));
                    break;
                }
                mcc.send_now(keys::ENTER);
                if last && matches!(moment, Moment::Saving) {
                    in_flight = Some((ids[index].to_string(), text.to_string()));
                    std::thread::sleep(Duration::from_micros(dice.below(8000)));
                    break;
                }
                mcc.wait_for(&format!("Item {} of {}", index + 2, ids.len()));
                acked.insert(ids[index].to_string(), text.to_string());
            }
        }
        mcc.kill_hard();
        *kills.entry(format!("{moment:?}").leak()).or_default() += 1;

        let saved = saved_answers(config.path(), quarter);
        for (id, text) in &acked {
            assert_eq!(
                saved.get(id),
                Some(text),
                "run {runs} ({moment:?}): {id} was submitted as {text:?} before the kill"
            );
        }
        if let Some((id, _)) = &in_flight {
            in_flight_kept[usize::from(saved.contains_key(id))] += 1;
        }
        for (id, text) in &saved {
            if !acked.contains_key(id) {
                assert_eq!(
                    in_flight.as_ref(),
                    Some(&(id.clone(), text.clone())),
                    "run {runs} ({moment:?}): {id}={text:?} was never submitted"
                );
            }
        }
        if saved.len() >= ids.len() - 1 {
            current += 1;
        }
    }
    assert!(runs >= 20, "only {runs} runs in the time allowed");
    assert!(
        kills.len() == 4,
        "every kind of moment was tried: {kills:?}"
    );
    // The next lock of each quarter clears what the killed saves left half-written.
    let store = Store::open(config.path()).unwrap();
    for quarter in quarters {
        let _lock = store.lock(quarter.parse().unwrap()).unwrap();
        if let Some(backup) = store.load_backup(quarter.parse().unwrap()).unwrap() {
            assert_eq!(backup.quarter.to_string(), quarter);
        }
    }
    let leftovers: Vec<String> = std::fs::read_dir(store.sessions_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    eprintln!(
        "{runs} runs killed with SIGKILL: {kills:?}; killed right after Enter: {} before the save, {} after",
        in_flight_kept[0], in_flight_kept[1]
    );
}

/// Starts mcc on a quarter, submits one answer, and types a second without Enter.
fn one_answer_and_a_draft(config: &Path) -> Mcc {
    let mut mcc = Mcc::start(&["new", "--quarter", "2026-Q3"], config, 80, 24);
    mcc.wait_for("Item 1 of 12");
    mcc.send("12m");
    mcc.send(keys::ENTER);
    mcc.wait_for("Item 2 of 12");
    mcc.send("40");
    mcc
}

#[test]
fn sigterm_and_sighup_save_and_give_the_terminal_back() {
    for (signal, name) in [(libc::SIGTERM, "SIGTERM"), (libc::SIGHUP, "SIGHUP")] {
        let config = config_dir();
        let mut mcc = one_answer_and_a_draft(config.path());
        mcc.signal(signal);
        let (ok, restored) = mcc.wait_exit();
        assert!(
            ok && restored,
            "{name}: exits cleanly with the terminal restored"
        );
        let screen = mcc.wait_for(&format!("mcc: stopped by {name}: 2026-Q3 is saved in"));
        assert!(screen.contains("2026-Q3.json"), "{screen}");
        let saved = saved_answers(config.path(), "2026-Q3");
        assert_eq!(
            saved.get("lead_response_time").map(String::as_str),
            Some("12m")
        );
        assert_eq!(saved.len(), 1, "a draft is not an answer");
    }
}

/// Runs `mcc ARGS` to completion with `config` as its config folder.
fn mcc(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mcc"))
        .args(args)
        .env("MCC_CONFIG_DIR", config)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run mcc")
}

#[test]
fn a_second_mcc_on_the_same_quarter_is_told_and_cannot_overwrite() {
    let config = config_dir();
    let mut first = one_answer_and_a_draft(config.path());
    let save_into_q3 = [
        "import",
        "sample-data/metric-summary.csv",
        "--quarter",
        "2026-Q3",
        "--save",
    ];
    let before = std::fs::read(session_file(config.path(), "2026-Q3")).unwrap();
    let output = mcc(config.path(), &save_into_q3);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "2026-Q3 is open in another mcc (process {}); it can be read but not changed until that one closes",
            first.pid()
        )),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(session_file(config.path(), "2026-Q3")).unwrap(),
        before
    );

    // A second screen on the quarter opens it read-only and refuses changes.
    let mut second = Mcc::start(&["new", "--quarter", "2026-Q3"], config.path(), 100, 24);
    second.wait_for("read-only, open in another mcc");
    second.send(keys::ENTER);
    second.wait_for("then open the quarter again here to change it");
    first.send(keys::ENTER);
    first.wait_for("Item 3 of 12");
    second.send(keys::CTRL_C);
    second.wait_exit();
    first.send(keys::CTRL_C);
    assert_eq!(first.wait_exit(), (true, true));
    let saved = saved_answers(config.path(), "2026-Q3");
    let second_item = &Checklist::built_in().items[1].id;
    assert_eq!(saved[second_item], "40", "the first mcc's answer stands");

    // Once the first has closed, the quarter is free again.
    let output = mcc(config.path(), &save_into_q3);
    assert!(output.status.success(), "{output:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_says_what_failed_where_and_leaves_the_file_whole() {
    use std::os::unix::process::CommandExt;
    let config = config_dir();
    assert!(
        mcc(
            config.path(),
            &[
                "import",
                "sample-data/metric-summary.csv",
                "--quarter",
                "2026-Q3",
                "--save"
            ]
        )
        .status
        .success()
    );
    let path = session_file(config.path(), "2026-Q3");
    let before = std::fs::read(&path).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_mcc"));
    command
        .args([
            "import",
            "sample-data/hubspot-contacts.csv",
            "sample-data/hubspot-deals.csv",
        ])
        .args(["--quarter", "2026-Q3", "--save"])
        .env("MCC_CONFIG_DIR", config.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    // SAFETY: only async-signal-safe calls (setrlimit, signal) between fork and exec.
    unsafe {
        command.pre_exec(|| {
            // Writes past 100 bytes fail as they would on a full disk (even for root).
            let limit = libc::rlimit {
                rlim_cur: 100,
                rlim_max: 100,
            };
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "could not write the backup {}.bak: File too large",
            path.display()
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file is whole");
    let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with(".locks"))
        .collect();
    assert_eq!(
        names,
        ["2026-Q3.json"],
        "no temp file or half backup is left"
    );
}

/// Set in the child run of [`a_panic_writes_a_crash_report_and_says_where`].
const PANIC_CHILD: &str = "MCC_TEST_PANIC_CHILD";

#[test]
fn a_panic_writes_a_crash_report_and_says_where() {
    if let Some(root) = std::env::var_os(PANIC_CHILD) {
        let store = Store::open(Path::new(&root)).unwrap();
        mcc::tui::signals::install_crash_report(store);
        panic!("a test panic");
    }
    let config = config_dir();
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "a_panic_writes_a_crash_report_and_says_where"])
        .args(["--nocapture", "--test-threads=1"])
        .env(PANIC_CHILD, config.path())
        .output()
        .unwrap();
    assert!(!output.status.success(), "the child panics");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let path = stderr
        .lines()
        .find_map(|line| line.strip_prefix("mcc crashed. A crash report was written to "))
        .unwrap_or_else(|| panic!("no report path in:\n{stderr}"));
    assert!(path.starts_with(&config.path().join("crash-reports").display().to_string()));
    let report = std::fs::read_to_string(path).unwrap();
    assert!(report.contains("message: a test panic"), "{report}");
    assert!(report.contains("tests/safety.rs"), "{report}");
    assert!(
        stderr.contains("a test panic"),
        "the usual panic message follows"
    );
}
