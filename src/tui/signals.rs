//! Leaving cleanly when mcc is stopped from outside or crashes.
//!
//! - [`Signals`]: SIGTERM, SIGHUP (the terminal was closed) and SIGINT set a flag that the event
//!   loop checks at least every [`CHECK_EVERY`]; the loop then ends, the terminal is restored and
//!   the open quarter is saved. A second signal while that happens ends mcc at once, and if the
//!   loop has not left two seconds later (reading a terminal that has gone can keep it from ever
//!   looking), mcc exits: every answer is saved the moment it is given.
//! - [`install_crash_report`]: on a panic, after ratatui's hook has restored the terminal, a
//!   crash report is written to `<config dir>/crash-reports/` and its path printed on stderr;
//!   [`run`](super::run) then saves the open quarter before the panic goes on.

use std::io::{self, Write};
use std::panic::PanicHookInfo;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use chrono::Utc;
use signal_hook::consts::{SIGINT, SIGTERM};

use crate::store::Store;

/// The longest the event loop waits for a key before looking at the signal flag again.
pub const CHECK_EVERY: Duration = Duration::from_millis(200);

/// How long after a stop signal mcc waits for the loop to save and leave before it exits.
const GRACE: Duration = Duration::from_secs(2);

/// The signals that stop mcc cleanly.
#[cfg(unix)]
const STOP: [i32; 3] = [SIGTERM, signal_hook::consts::SIGHUP, SIGINT];
/// The signals that stop mcc cleanly.
#[cfg(not(unix))]
const STOP: [i32; 2] = [SIGTERM, SIGINT];

/// Which stop signal arrived, if any.
#[derive(Debug)]
pub struct Signals {
    received: Arc<AtomicUsize>,
}

impl Signals {
    /// Starts catching the stop signals.
    pub fn install() -> io::Result<Self> {
        let received = Arc::new(AtomicUsize::new(0));
        let once = Arc::new(AtomicBool::new(false));
        for signal in STOP {
            // Registered first, so it sees the flag as the previous signal left it.
            signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&once))?;
            signal_hook::flag::register(signal, Arc::clone(&once))?;
            signal_hook::flag::register_usize(signal, Arc::clone(&received), signal as usize)?;
        }
        let seen = Arc::clone(&received);
        thread::Builder::new()
            .name("mcc-signals".to_string())
            .spawn(move || {
                while seen.load(Ordering::SeqCst) == 0 {
                    thread::sleep(CHECK_EVERY);
                }
                // The loop normally saves and leaves well within this time. When the terminal
                // has gone (a closed window), reading it can spin without ever returning to the
                // loop; every answer is already saved, so leave.
                thread::sleep(GRACE);
                std::process::exit(0);
            })?;
        Ok(Self { received })
    }

    /// The name of the stop signal received ("SIGTERM"), if one was.
    pub fn received(&self) -> Option<&'static str> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            signal => {
                Some(signal_hook::low_level::signal_name(signal as i32).unwrap_or("a stop signal"))
            }
        }
    }
}

/// Writes a crash report for every panic, then lets the previous hook run. Install before
/// `ratatui::init`, whose hook restores the terminal and then calls this one.
pub fn install_crash_report(store: Store) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let mut stderr = io::stderr();
        let _ = match store.write_crash_report(&crash_report(info)) {
            Ok(path) => writeln!(
                stderr,
                "mcc crashed. A crash report was written to {}",
                path.display()
            ),
            Err(error) => writeln!(
                stderr,
                "mcc crashed and the report was not written: {error}"
            ),
        };
        previous(info);
    }));
}

/// What a crash report says: version, time, thread, message, place and backtrace.
fn crash_report(info: &PanicHookInfo) -> String {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string());
    let place = info
        .location()
        .map_or_else(|| "unknown".to_string(), |l| l.to_string());
    format!(
        "mcc {} crashed at {}\nthread: {}\nmessage: {message}\nat: {place}\n\nbacktrace:\n{}\n",
        env!("CARGO_PKG_VERSION"),
        Utc::now().to_rfc3339(),
        std::thread::current().name().unwrap_or("unnamed"),
        std::backtrace::Backtrace::force_capture()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_sets_the_flag_with_its_name() {
        let signals = Signals::install().unwrap();
        assert_eq!(signals.received(), None);
        signal_hook::low_level::raise(SIGTERM).unwrap();
        assert_eq!(signals.received(), Some("SIGTERM"));
    }
}
