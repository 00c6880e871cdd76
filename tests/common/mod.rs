//! The end-to-end harness: runs the real `mcc` binary in a pseudo-terminal, types keys, and
//! reads the screen through a terminal emulator. Every run gets its own config dir and NO_COLOR.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// Keys as a terminal sends them.
pub mod keys {
    /// Enter.
    pub const ENTER: &str = "\r";
    /// Escape.
    pub const ESC: &str = "\x1b";
    /// Ctrl-C.
    pub const CTRL_C: &str = "\x03";
    /// Arrow up.
    pub const UP: &str = "\x1b[A";
    /// Arrow down.
    pub const DOWN: &str = "\x1b[B";
    /// Arrow right.
    pub const RIGHT: &str = "\x1b[C";
    /// F1.
    pub const F1: &str = "\x1bOP";
    /// F2.
    pub const F2: &str = "\x1bOQ";
    /// F3.
    pub const F3: &str = "\x1bOR";
    /// Tab.
    pub const TAB: &str = "\t";
}

/// How long to wait for the screen to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(45);

/// A running `mcc` in a pseudo-terminal.
pub struct Mcc {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Mcc {
    /// Starts `mcc ARGS` at `cols`x`rows` with `config_dir` as its config folder, in the
    /// project folder (so `sample-data/` paths work).
    pub fn start(args: &[&str], config_dir: &Path, cols: u16, rows: u16) -> Self {
        Self::start_in(
            args,
            config_dir,
            cols,
            rows,
            Path::new(env!("CARGO_MANIFEST_DIR")),
        )
    }

    /// Like [`Mcc::start`], with `cwd` as the working folder.
    pub fn start_in(args: &[&str], config_dir: &Path, cols: u16, rows: u16, cwd: &Path) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_mcc"));
        command.args(args);
        command.env("MCC_CONFIG_DIR", config_dir);
        command.env("NO_COLOR", "1");
        command.env("TERM", "xterm-256color");
        command.cwd(cwd);
        let child = pty.slave.spawn_command(command).expect("start mcc");
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pty.master.try_clone_reader().expect("read the terminal");
        let sink = Arc::clone(&parser);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buffer[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("write to the terminal");
        // The master must stay open while the child runs; leaking it for the test's life is fine.
        std::mem::forget(pty.master);
        Self {
            child,
            writer,
            parser,
        }
    }

    /// Types `text` (letters or key sequences from [`keys`]).
    pub fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Give the app a moment so a lone Esc is not read as the start of a sequence.
        thread::sleep(Duration::from_millis(60));
    }

    /// Types `text` at once, without the pause [`Mcc::send`] leaves.
    pub fn send_now(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The process id of the running mcc.
    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("mcc has a process id") as i32
    }

    /// Sends `signal` to mcc (`libc::SIGKILL` for `kill -9`).
    pub fn signal(&self, signal: i32) {
        // SAFETY: kill has no memory-safety preconditions; the pid is our own child's.
        let sent = unsafe { libc::kill(self.pid(), signal) };
        assert_eq!(sent, 0, "could not send signal {signal}");
    }

    /// Kills mcc with SIGKILL (no handler runs) and reaps it.
    pub fn kill_hard(&mut self) {
        self.signal(libc::SIGKILL);
        self.child.wait().expect("reap mcc");
    }

    /// Whether the screen contains `needle` now.
    pub fn shows(&self, needle: &str) -> bool {
        self.screen().contains(needle)
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen contains `needle`, and returns the screen.
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {needle:?}; the screen shows:\n{screen}"
            );
            thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits for mcc to exit and returns whether it succeeded and whether the terminal was
    /// given back (main screen, cursor shown).
    pub fn wait_exit(&mut self) -> (bool, bool) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                thread::sleep(Duration::from_millis(100));
                let parser = self.parser.lock().unwrap();
                let restored =
                    !parser.screen().alternate_screen() && !parser.screen().hide_cursor();
                return (status.success(), restored);
            }
            assert!(
                start.elapsed() < PATIENCE,
                "mcc did not exit; the screen shows:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Mcc {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// A fresh, empty config folder that is removed when the test ends.
pub fn config_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A fresh config folder holding copies of the fixture quarters named (from
/// `tests/fixtures/sessions/`).
pub fn config_with_fixtures(quarters: &[&str]) -> tempfile::TempDir {
    let config = config_dir();
    let sessions = config.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    for quarter in quarters {
        let fixture = format!(
            "{}/tests/fixtures/sessions/{quarter}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::copy(fixture, sessions.join(format!("{quarter}.json"))).unwrap();
    }
    config
}

/// The session file for `quarter` under `config`.
pub fn session_file(config: &Path, quarter: &str) -> PathBuf {
    config.join("sessions").join(format!("{quarter}.json"))
}
