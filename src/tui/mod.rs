//! The terminal interface: a thin state / update / view layer over the checklist and store.
//! [`app`] holds state and `update`, [`event`] maps keys, [`view`] draws, and [`run`] is the
//! loop that performs the effects `update` asks for.

pub mod app;
pub mod complete;
pub mod event;
pub mod signals;
pub mod theme;
pub mod view;
pub mod widget;

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::{NaiveDate, Utc};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self as terminal_event, DisableMouseCapture, EnableMouseCapture, Event,
};
use ratatui::crossterm::execute;

use crate::checklist::Checklist;
use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;
use crate::config::{Settings, ThemeName, load_benchmarks};
use crate::demo;
use crate::import::{ImportError, ImportOptions, ImportReport, Progress, import_files};
use crate::report::export::{Brief, write_file};
use crate::report::listing::{QuarterListing, summarize};
use crate::report::sentence_case;
use crate::store::{QuarterLock, Store, StoreError};
use app::{App, Effect, QuarterOp};
use signals::Signals;
use theme::Theme;

/// Where the interface opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The home screen.
    Home,
    /// Straight into the questions for a quarter (default: the last finished one).
    Quarter(Option<Quarter>),
    /// The slides of a saved quarter.
    Present(Quarter),
}

/// What the interface works on and how it looks.
#[derive(Debug, Clone)]
pub struct Options {
    /// Today's date, for the default quarter.
    pub today: NaiveDate,
    /// The colours (NO_COLOR wins over any of them).
    pub theme: ThemeName,
    /// Sample exports to offer on the import screen; set for the demo company.
    pub demo_samples: Option<Vec<PathBuf>>,
}

/// Runs the interface until the user quits. Everything that can fail before the screen is
/// taken over fails first, so its message prints normally; the terminal is restored on every
/// exit path, panics included (ratatui's init installs a hook that restores it). SIGTERM,
/// SIGHUP and SIGINT end the loop and save; a panic writes a crash report, then saves.
pub fn run(store: Store, start: Start, options: Options) -> Result<()> {
    let mut store = store;
    let mut app = new_app(&store, options.today, options.demo_samples)?;
    let mut editing = Editing::default();
    match start {
        Start::Home => {}
        Start::Quarter(quarter) => {
            let quarter = quarter.unwrap_or_else(|| Quarter::last_finished(options.today));
            app.open_session(editing.open(&store, quarter)?);
            if let Some(why) = editing.held_elsewhere() {
                app.opened_elsewhere(why);
            }
        }
        Start::Present(quarter) => {
            app.open_session_as(editing.open(&store, quarter)?, app::OpenMode::Review);
            app.update(app::Action::Present);
        }
    }
    let theme = Theme::for_name(options.theme);
    let signals = Signals::install().context("could not set up mcc's signal handlers")?;
    signals::install_crash_report(store.clone());
    release_mouse_on_panic();
    let mut terminal = ratatui::init();
    keep_screen_when_import_panics();
    let mut demo = Demo::default();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        capture_mouse().and_then(|()| {
            event_loop(
                &mut terminal,
                &mut app,
                &mut store,
                &theme,
                &mut demo,
                &mut editing,
                &signals,
            )
        })
    }));
    release_mouse();
    ratatui::restore();
    let result = match outcome {
        Ok(result) => result,
        Err(panic) => {
            say(&format!(
                "after the crash: {}",
                editing.save_open(&store, &app)
            ));
            std::panic::resume_unwind(panic)
        }
    };
    if let Some(signal) = signals.received() {
        say(&format!(
            "stopped by {signal}: {}",
            editing.save_open(&store, &app)
        ));
        return Ok(());
    }
    result?;
    if let Some(open) = app.open.as_ref().filter(|o| !app.demo && !o.read_only) {
        let session = &open.session;
        match editing.save(&store, session) {
            Ok(()) => println!(
                "{}: {} of {} answered, saved in {}. `mcc show {}` prints the scorecard.",
                session.quarter,
                session.answered_count(&app.checklist),
                app.checklist.items.len(),
                store.path_for(session.quarter).display(),
                session.quarter
            ),
            Err(why) => eprintln!("mcc: {} was not saved: {why}", session.quarter),
        }
    }
    Ok(())
}

/// The sample exports of a source checkout, when mcc runs from one.
fn repository_samples() -> Vec<PathBuf> {
    let folder = PathBuf::from("sample-data");
    [
        "salesforce-leads.csv",
        "salesforce-activities.csv",
        "salesforce-opportunities.csv",
    ]
    .iter()
    .map(|name| folder.join(name))
    .filter(|path| path.is_file())
    .collect()
}

/// Asks the terminal to report clicks and the wheel.
fn capture_mouse() -> Result<()> {
    execute!(io::stdout(), EnableMouseCapture)?;
    Ok(())
}

/// Stops mouse reporting, so the shell gets a normal terminal back.
fn release_mouse() {
    // Nothing more can be done if the terminal is gone; the restore that follows reports it.
    let _ = execute!(io::stdout(), DisableMouseCapture);
}

/// Installed before ratatui's own hook (which restores the screen and then calls this one),
/// so a panic also turns mouse reporting off.
fn release_mouse_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_mouse();
        previous(info);
    }));
}

/// The name of the thread that runs imports.
const IMPORT_THREAD: &str = "mcc-import";

/// Installed after ratatui's hook: a panic on the import thread leaves the screen as it is
/// (the loop sees the import stop and says so), any other panic restores the terminal and
/// writes the crash report as before.
fn keep_screen_when_import_panics() {
    let restore_and_report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if thread::current().name() != Some(IMPORT_THREAD) {
            restore_and_report(info);
        }
    }));
}

/// A CSV import running off the UI thread.
struct ImportWorker {
    cancel: Arc<AtomicBool>,
    messages: mpsc::Receiver<WorkerMessage>,
    started: Instant,
}

enum WorkerMessage {
    Progress(Progress),
    Done(Result<ImportReport, ImportError>),
}

impl ImportWorker {
    /// Starts the import the app's flow describes.
    fn start(app: &App) -> Option<Self> {
        let flow = app.import.as_ref()?;
        let files = flow.files.clone();
        let options = ImportOptions {
            quarter: Some(flow.quarter),
            mappings: flow.mappings.clone(),
            date_order: flow.date_order,
            marketing_sources: flow.sources.clone(),
            ..ImportOptions::default()
        };
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, messages) = mpsc::channel();
        let stop = Arc::clone(&cancel);
        let spawned = thread::Builder::new()
            .name(IMPORT_THREAD.to_string())
            .spawn(move || {
                let report = |progress| drop(sender.send(WorkerMessage::Progress(progress)));
                let result = import_files(&files, &options, &report, &stop);
                drop(sender.send(WorkerMessage::Done(result)));
            });
        // A worker that could not start drops its sender: the loop reports the import as lost.
        drop(spawned);
        Some(Self {
            cancel,
            messages,
            started: Instant::now(),
        })
    }

    /// Passes on progress; returns the outcome once the import is over.
    /// Passes on progress; returns the outcome once the import is over, or `Err(())` when
    /// the worker stopped without one.
    fn poll(&self, app: &mut App) -> Option<Result<Result<ImportReport, ImportError>, ()>> {
        loop {
            match self.messages.try_recv() {
                Ok(WorkerMessage::Progress(progress)) => {
                    app.import_progress(progress, self.started.elapsed())
                }
                Ok(WorkerMessage::Done(result)) => return Some(Ok(result)),
                Err(mpsc::TryRecvError::Empty) => return None,
                Err(mpsc::TryRecvError::Disconnected) => return Some(Err(())),
            }
        }
    }
}

/// How often the screen refreshes while an import runs.
const IMPORT_REFRESH: Duration = Duration::from_millis(50);

/// The demo company opened from the home screen, kept in a temporary folder until mcc exits.
#[derive(Default)]
struct Demo {
    folder: Option<tempfile::TempDir>,
}

impl Demo {
    /// Builds the demo company and switches the store and the app to it.
    fn start(&mut self, store: &mut Store, app: &mut App) -> Result<()> {
        let folder = tempfile::TempDir::new().context("could not make a folder for the demo")?;
        let paths = demo::prepare(folder.path())?;
        *store = Store::open(&paths.config_dir)?;
        *app = new_app(store, paths.today, Some(paths.sample_files))?;
        app.notice = Some(app::Notice::Info(
            "This is the demo company. Your own quarters are untouched; quit and start mcc again to get back to them."
                .to_string(),
        ));
        self.folder = Some(folder);
        Ok(())
    }
}

/// The app on the home screen of `store`, with the organisation's benchmarks (warnings about
/// them shown as the first message) and, for the demo, its sample exports.
fn new_app(store: &Store, today: NaiveDate, demo_samples: Option<Vec<PathBuf>>) -> Result<App> {
    let checklist = Checklist::built_in();
    let (benchmarks, warnings) = load_benchmarks(store.root(), &checklist);
    let (saved, unreadable) = match saved_quarters(store, &checklist) {
        Ok(saved) => (saved, None),
        Err(error) => (Vec::new(), Some(error)),
    };
    let mut app = App::new(checklist, saved, today, Utc::now);
    app.benchmarks = benchmarks;
    app.source_rules = Settings::load(store.root())
        .unwrap_or_default()
        .source_rules();
    app.demo = demo_samples.is_some();
    app.sample_files = demo_samples.unwrap_or_else(repository_samples);
    if let Some(error) = unreadable {
        app.notice = Some(app::Notice::Error(format!(
            "{error}. mcc keeps working, but answers stay on screen only until you quit: pick a folder you can write to with --config-dir DIR."
        )));
    } else if !warnings.is_empty() {
        app.notice = Some(app::Notice::Error(warnings.join(" ")));
    }
    Ok(app)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &mut Store,
    theme: &Theme,
    demo: &mut Demo,
    editing: &mut Editing,
    signals: &Signals,
) -> Result<()> {
    let mut worker: Option<ImportWorker> = None;
    loop {
        if signals.received().is_some() {
            return Ok(());
        }
        let mut hits = Vec::new();
        terminal.draw(|frame| hits = view::draw(frame, app, theme))?;
        if let Some(running) = &worker
            && let Some(outcome) = running.poll(app)
        {
            match outcome {
                Ok(result) => app.import_finished(result),
                Err(()) => app.import_lost(),
            }
            worker = None;
            continue;
        }
        let wait = match worker {
            Some(_) => IMPORT_REFRESH,
            None => signals::CHECK_EVERY,
        };
        if !terminal_event::poll(wait)? {
            continue;
        }
        let action = match terminal_event::read()? {
            Event::Key(key) => event::action_for(app, key),
            Event::Mouse(mouse) => event::mouse_action(app, &hits, mouse),
            _ => None,
        };
        let Some(action) = action else {
            continue;
        };
        match app.update(action) {
            Effect::None => {}
            Effect::Quit => return Ok(()),
            Effect::OpenQuarter(quarter, _) => match editing.open(store, quarter) {
                Ok(session) => {
                    app.open_session(session);
                    if let Some(why) = editing.held_elsewhere() {
                        app.opened_elsewhere(why);
                    }
                }
                Err(error) => app.open_failed(format!("{error:#}")),
            },
            Effect::Save => {
                let result = match &app.open {
                    Some(open) => editing.save(store, &open.session),
                    None => Ok(()),
                };
                let saved =
                    saved_quarters(store, &app.checklist).unwrap_or_else(|_| app.saved.clone());
                app.saved(result, saved);
            }
            Effect::CompletePath => {
                if let Some(flow) = &app.import {
                    let completion =
                        complete::complete(flow.path.value(), &std::env::current_dir()?);
                    app.completed(completion);
                }
            }
            Effect::LoadHistory(screen) => match store.sessions() {
                Ok(sessions) => app.history_loaded(sessions, screen),
                Err(error) => app.open_failed(error.to_string()),
            },
            Effect::Manage(op) => {
                let result = manage(store, op);
                let saved =
                    saved_quarters(store, &app.checklist).unwrap_or_else(|_| app.saved.clone());
                app.managed(op, result, saved);
            }
            Effect::Export(quarter) => app.exported(export_brief(store, app, quarter)),
            Effect::StartDemo => {
                *editing = Editing::default();
                if let Err(error) = demo.start(store, app) {
                    app.open_failed(format!("The demo could not be set up: {error:#}"));
                }
            }
            Effect::StartImport => worker = ImportWorker::start(app),
            Effect::RememberSourcesAndImport => {
                let mut settings = Settings::load(store.root()).unwrap_or_default();
                settings.marketing_sources = Some(app.source_rules.marketing.clone());
                if let Err(error) = settings.save(store.root()) {
                    app.notice = Some(app::Notice::Error(format!(
                        "The marketing sources are used for this import but not remembered: {error}."
                    )));
                }
                worker = ImportWorker::start(app);
            }
            Effect::CancelImport => {
                if let Some(running) = &worker {
                    running.cancel.store(true, Ordering::Relaxed);
                }
            }
        }
    }
}

/// The lock on the quarter that is open, taken before it is loaded so the session edited is
/// the latest saved one. When another mcc has the quarter, it opens all the same, and every
/// save says why it was refused (no lost update: the other one's answers are never replaced).
#[derive(Debug, Default)]
struct Editing {
    lock: Option<Result<QuarterLock, LockRefused>>,
}

/// Why the open quarter has no lock.
#[derive(Debug)]
struct LockRefused {
    /// Another mcc has the quarter (rather than the folder being unusable).
    elsewhere: bool,
    /// The reason in words.
    why: String,
}

impl Editing {
    /// Locks (when it can) and loads a quarter, or starts it when it was never saved. When it
    /// cannot be loaded, the quarter open before keeps its lock.
    fn open(&mut self, store: &Store, quarter: Quarter) -> Result<Session> {
        let held = matches!(&self.lock, Some(Ok(lock)) if lock.quarter() == quarter);
        let lock = (!held).then(|| {
            store.lock(quarter).map_err(|error| LockRefused {
                elsewhere: matches!(error, StoreError::Locked { .. }),
                why: error.to_string(),
            })
        });
        let folder_unusable = matches!(&lock, Some(Err(refused)) if !refused.elsewhere);
        let loaded = match store.load(quarter) {
            // With no usable folder nothing can be read or saved: work in memory.
            Err(StoreError::Io { .. }) if folder_unusable => None,
            loaded => loaded.with_context(|| format!("{quarter} can't be opened"))?,
        };
        if lock.is_some() {
            self.lock = lock;
        }
        Ok(loaded.unwrap_or_else(|| Session::new(quarter, Utc::now())))
    }

    /// Why the open quarter could not be locked (another mcc has it), if so.
    fn held_elsewhere(&self) -> Option<String> {
        match &self.lock {
            Some(Err(refused)) if refused.elsewhere => Some(refused.why.clone()),
            _ => None,
        }
    }

    /// Saves the open session with its lock; the error says why it was not saved.
    fn save(&self, store: &Store, session: &Session) -> Result<(), String> {
        match &self.lock {
            Some(Ok(lock)) => store
                .save(lock, session)
                .map(drop)
                .map_err(|e| e.to_string()),
            Some(Err(refused)) => Err(refused.why.clone()),
            None => Err(format!("{} was not opened for editing", session.quarter)),
        }
    }

    /// Saves the quarter open for editing on the way out; says what became of it.
    fn save_open(&self, store: &Store, app: &App) -> String {
        match &app.open {
            Some(open) if !open.read_only => {
                let quarter = open.session.quarter;
                match self.save(store, &open.session) {
                    Ok(()) => format!(
                        "{quarter} is saved in {}",
                        store.path_for(quarter).display()
                    ),
                    Err(why) => format!("{quarter} could not be saved: {why}"),
                }
            }
            _ => "nothing was open for editing".to_string(),
        }
    }
}

/// Prints a line on stderr, which may be gone (a closed terminal): then says nothing.
fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "mcc: {text}");
}

/// Deletes, renames or duplicates a saved quarter; says what happened in plain words.
fn manage(store: &Store, op: QuarterOp) -> Result<String, String> {
    let result = match op {
        QuarterOp::Delete(quarter) => store.delete(quarter).map(|kept| {
            format!(
                "Deleted {quarter}. A copy is kept at {} if you need it back.",
                kept.display()
            )
        }),
        QuarterOp::Rename(from, to) => store
            .rename(from, to)
            .map(|_| format!("Renamed {from} to {to}.")),
        QuarterOp::RestoreBackup(quarter) => store.restore_backup(quarter).map(|restored| {
            let kept = restored
                .moved_aside
                .map(|path| format!(" The damaged file is kept as {}.", path.display()))
                .unwrap_or_default();
            format!("Restored {quarter} from its backup.{kept}")
        }),
        QuarterOp::Duplicate(from, to) => store
            .duplicate(from, to, Utc::now())
            .map(|_| format!("Started {to} from {from}'s answers; notes stay with {from}.")),
    };
    result.map_err(|error| format!("{}.", sentence_case(&error.to_string())))
}

/// Writes the quarter's meeting brief (Markdown) to the current folder; returns its path.
fn export_brief(store: &Store, app: &App, quarter: Quarter) -> Result<PathBuf, String> {
    let session = match &app.open {
        Some(open) if open.session.quarter == quarter => open.session.clone(),
        _ => store
            .load(quarter)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("{quarter} has not been saved yet."))?,
    };
    let history = store.sessions().map_err(|e| e.to_string())?;
    let checklist = app.checklist.for_session(&session, &app.benchmarks);
    let brief = Brief::new(&checklist, &session, &history);
    let folder =
        std::env::current_dir().map_err(|e| format!("Could not find the current folder: {e}."))?;
    let path = folder.join(format!("mcc-brief-{quarter}.md"));
    write_file(&path, &brief.to_markdown()).map_err(|e| {
        format!(
            "Could not write the brief to {}: {e}. Start mcc from a folder you can write to.",
            path.display()
        )
    })
}

/// The saved quarters as the home screen lists them.
pub fn saved_quarters(store: &Store, checklist: &Checklist) -> Result<Vec<QuarterListing>> {
    Ok(summarize(checklist, &store.list()?))
}
