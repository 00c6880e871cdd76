//! The terminal interface: a thin state / update / view layer over the checklist and store.
//! [`app`] holds state and `update`, [`event`] maps keys, [`view`] draws, and [`run`] is the
//! loop that performs the effects `update` asks for.

pub mod app;
pub mod complete;
pub mod event;
pub mod theme;
pub mod view;
pub mod widget;

use anyhow::{Context, Result};
use chrono::{NaiveDate, Utc};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self as terminal_event, Event};

use crate::checklist::Checklist;
use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;
use crate::store::Store;
use app::{App, Effect, QuarterProgress, SavedQuarter};
use theme::Theme;

/// Where the interface opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The home screen.
    Home,
    /// Straight into the questions for a quarter (default: the last finished one).
    Quarter(Option<Quarter>),
}

/// Runs the interface until the user quits. Everything that can fail before the screen is
/// taken over fails first, so its message prints normally; the terminal is restored on every
/// exit path, panics included (ratatui's init installs a hook that restores it).
pub fn run(store: Store, start: Start, today: NaiveDate) -> Result<()> {
    let checklist = Checklist::built_in();
    let saved = saved_quarters(&store, &checklist)?;
    let mut app = App::new(checklist, saved, today, Utc::now);
    if let Start::Quarter(quarter) = start {
        let quarter = quarter.unwrap_or_else(|| Quarter::last_finished(today));
        let session = load_or_start(&store, quarter)?;
        app.open_session(session);
    }
    let theme = Theme::from_env();
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut app, &store, &theme);
    ratatui::restore();
    result?;
    if let Some(open) = &app.open {
        let session = &open.session;
        println!(
            "{}: {} of {} answered, saved in {}. `mcc show {}` prints the scorecard.",
            session.quarter,
            session.answered_count(&app.checklist),
            app.checklist.items.len(),
            store.path_for(session.quarter).display(),
            session.quarter
        );
    }
    Ok(())
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &Store,
    theme: &Theme,
) -> Result<()> {
    loop {
        terminal.draw(|frame| view::draw(frame, app, theme))?;
        let Event::Key(key) = terminal_event::read()? else {
            continue;
        };
        let Some(action) = event::action_for(app, key) else {
            continue;
        };
        match app.update(action) {
            Effect::None => {}
            Effect::Quit => return Ok(()),
            Effect::OpenQuarter(quarter) => match load_or_start(store, quarter) {
                Ok(session) => app.open_session(session),
                Err(error) => app.open_failed(format!("{error:#}")),
            },
            Effect::Save => {
                let result = match &app.open {
                    Some(open) => store
                        .save(&open.session)
                        .map(drop)
                        .map_err(|e| e.to_string()),
                    None => Ok(()),
                };
                let saved =
                    saved_quarters(store, &app.checklist).unwrap_or_else(|_| app.saved.clone());
                app.saved(result, saved);
            }
        }
    }
}

/// A quarter's saved session, or a new one when it was never started.
fn load_or_start(store: &Store, quarter: Quarter) -> Result<Session> {
    let loaded = store
        .load(quarter)
        .with_context(|| format!("{quarter} can't be opened"))?;
    Ok(loaded.unwrap_or_else(|| Session::new(quarter, Utc::now())))
}

/// The saved quarters as the home screen lists them.
pub fn saved_quarters(store: &Store, checklist: &Checklist) -> Result<Vec<SavedQuarter>> {
    Ok(store
        .list()?
        .into_iter()
        .map(|listing| SavedQuarter {
            quarter: listing.quarter,
            state: listing
                .session
                .map(|session| QuarterProgress {
                    answered: session.answered_count(checklist),
                    updated_at: session.updated_at,
                })
                .map_err(|error| error.to_string()),
        })
        .collect())
}
