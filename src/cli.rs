//! The command line: arguments, where the config lives, and the non-interactive commands.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};

use crate::checklist::Checklist;
use crate::checklist::quarter::Quarter;
use crate::report::{Scorecard, checklist_json, checklist_text};
use crate::store::Store;

/// mcc: the Marketing Contribution Checklist.
///
/// Walks a sales leader through the questions that show how marketing helps make the number,
/// one at a time, with each answer measured against a sourced benchmark. Answers are saved
/// per quarter.
#[derive(Debug, Parser)]
#[command(name = "mcc", version, about, long_about)]
pub struct Cli {
    /// Folder for saved quarters [default: the platform config folder, e.g. ~/.config/mcc]
    #[arg(long, global = true, env = "MCC_CONFIG_DIR", value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// What to do; without a command mcc opens its home screen.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands mcc understands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Go straight to the questions for a quarter (resumes it if it was started before).
    New {
        /// The quarter, as YEAR-QN [default: the last finished quarter]
        #[arg(long, value_name = "YYYY-QN")]
        quarter: Option<Quarter>,
    },
    /// List saved quarters, one line each.
    List,
    /// Print a quarter's scorecard.
    Show {
        /// The quarter, as YEAR-QN, e.g. 2026-Q3.
        quarter: Quarter,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the checklist with its benchmarks and sources.
    Checklist {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Output format for printed reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text for people.
    Text,
    /// JSON for other programs.
    Json,
}

/// The config folder: the one given, or the platform's (`$XDG_CONFIG_HOME/mcc` or
/// `~/.config/mcc` on Linux).
pub fn config_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    match explicit {
        Some(dir) => Ok(dir),
        None => directories::ProjectDirs::from("", "", "mcc")
            .map(|dirs| dirs.config_dir().to_path_buf())
            .ok_or_else(|| {
                anyhow!("could not find your home folder; start mcc with --config-dir DIR")
            }),
    }
}

/// Today's date on this computer.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Runs a non-interactive command, writing its output to `out`.
pub fn run_command(command: &Command, store: &Store, out: &mut dyn Write) -> Result<()> {
    let checklist = Checklist::built_in();
    match command {
        Command::List => print_list(&checklist, store, out),
        Command::Show { quarter, format } => {
            let session = store
                .load(*quarter)?
                .ok_or_else(|| not_saved(*quarter, store))?;
            let card = Scorecard::new(&checklist, &session);
            match format {
                Format::Text => write!(out, "{}", card.to_text())?,
                Format::Json => {
                    writeln!(out, "{}", serde_json::to_string_pretty(&card.to_json())?)?
                }
            }
            Ok(())
        }
        Command::Checklist { format } => {
            match format {
                Format::Text => write!(out, "{}", checklist_text(&checklist))?,
                Format::Json => writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&checklist_json(&checklist))?
                )?,
            }
            Ok(())
        }
        Command::New { .. } => {
            bail!("`mcc new` opens the questions on screen and needs a terminal")
        }
    }
}

fn print_list(checklist: &Checklist, store: &Store, out: &mut dyn Write) -> Result<()> {
    let listings = store.list()?;
    if listings.is_empty() {
        writeln!(
            out,
            "No saved quarters yet in {}. Run `mcc` to start one.",
            store.sessions_dir().display()
        )?;
        return Ok(());
    }
    for listing in listings {
        match listing.session {
            Ok(session) => writeln!(
                out,
                "{}  {:>2} of {} answered  last changed {}",
                listing.quarter,
                session.answered_count(checklist),
                checklist.items.len(),
                session
                    .updated_at
                    .with_timezone(&Local)
                    .format("%Y-%m-%d %H:%M")
            )?,
            Err(error) => writeln!(out, "{}  damaged: {error}", listing.quarter)?,
        }
    }
    Ok(())
}

fn not_saved(quarter: Quarter, store: &Store) -> anyhow::Error {
    let saved: Vec<String> = store
        .list()
        .unwrap_or_default()
        .iter()
        .map(|l| l.quarter.to_string())
        .collect();
    let hint = if saved.is_empty() {
        "No quarters are saved yet".to_string()
    } else {
        format!("Saved quarters: {}", saved.join(", "))
    };
    anyhow!("{quarter} has not been saved. {hint}. Start it with `mcc new --quarter {quarter}`.")
}

/// Opens the store under the chosen config folder, explaining failures in plain words.
pub fn open_store(config_dir: &std::path::Path) -> Result<Store> {
    Store::open(config_dir).with_context(|| {
        format!(
            "mcc keeps its quarters in {}, and that folder could not be used. Check its permissions, or pick another with --config-dir DIR",
            config_dir.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn quarters_on_the_command_line_are_checked() {
        let cli = Cli::try_parse_from(["mcc", "show", "2026-q2", "--format", "json"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Show {
                format: Format::Json,
                ..
            })
        ));
        assert!(Cli::try_parse_from(["mcc", "show", "2026-Q5"]).is_err());
    }
}
