//! The command line: arguments, where the config lives, and the non-interactive commands.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};

use std::sync::atomic::AtomicBool;

use chrono::Utc;

use crate::checklist::Checklist;
use crate::checklist::quarter::Quarter;
use crate::checklist::session::Session;
use crate::import::apply::apply;
use crate::import::{ColumnMapping, DateOrder, ImportOptions, SourceRules, import_files};
use crate::report::compare::Comparison;
use crate::report::export::{Brief, ExportFormat, write_file};
use crate::report::imported::import_text;
use crate::report::listing::{list_json, list_text, summarize};
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
    /// List saved quarters, newest first: answered, ratings, last changed.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print a quarter's scorecard.
    Show {
        /// The quarter, as YEAR-QN, e.g. 2026-Q3.
        quarter: Quarter,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Put two quarters side by side, with the change from the first to the second.
    Compare {
        /// The first quarter, as YEAR-QN.
        quarter_a: Quarter,
        /// The second quarter, as YEAR-QN.
        quarter_b: Quarter,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write a quarter's brief for the marketing meeting, with trends and questions to ask.
    Export {
        /// The quarter, as YEAR-QN.
        quarter: Quarter,
        /// File format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Write to this file (replacing it) instead of printing.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Compute checklist answers from CRM exports (CSV) and show the working.
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
    /// Print the checklist with its benchmarks and sources.
    Checklist {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

const IMPORT_EXAMPLES: &str = "Examples, with the sample data that comes with mcc:
  mcc import sample-data/salesforce-leads.csv sample-data/salesforce-activities.csv sample-data/salesforce-opportunities.csv --quarter 2026-Q3
  mcc import sample-data/hubspot-contacts.csv sample-data/hubspot-deals.csv --quarter 2026-Q3 --format json
  mcc import sample-data/metric-summary.csv --quarter 2026-Q3 --save

Fields for --map: id, created, first_response, source, status, converted, owner, amount, stage,
won, closed, close_date, lead_id, activity_time, metric, value.";

/// Arguments of `mcc import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// CSV exports in any order: leads, opportunities, activities, or a `metric,value` summary.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The quarter to compute [default: the last finished quarter]
    #[arg(long, value_name = "YYYY-QN")]
    pub quarter: Option<Quarter>,
    /// Save the values into that quarter's answers (typed answers are kept).
    #[arg(long)]
    pub save: bool,
    /// With --save, replace typed answers too.
    #[arg(long, requires = "save")]
    pub force: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Say which column holds a field, e.g. --map "First Call=first_response" (repeatable).
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub mappings: Vec<ColumnMapping>,
    /// Lead sources that count as marketing, comma separated (replaces the built-in list).
    #[arg(long, value_name = "LIST")]
    pub marketing_sources: Option<String>,
    /// Use every row, not only those in the quarter.
    #[arg(long)]
    pub all_dates: bool,
    /// Day/month order for dates like 03/04/2026 when the data cannot tell.
    #[arg(long, value_name = "dmy|mdy")]
    pub date_order: Option<DateOrder>,
    /// The date format, when mcc cannot read it, e.g. "%d/%m/%Y %H:%M".
    #[arg(long, value_name = "FORMAT")]
    pub date_format: Option<String>,
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
        Command::List { format } => {
            let listings = summarize(&checklist, &store.list()?);
            match format {
                Format::Text if listings.is_empty() => writeln!(
                    out,
                    "No saved quarters yet in {}. Run `mcc` to start one.",
                    store.sessions_dir().display()
                )?,
                Format::Text => write!(out, "{}", list_text(&listings, &Local))?,
                Format::Json => print_json(out, &list_json(&listings))?,
            }
            Ok(())
        }
        Command::Show { quarter, format } => {
            let session = load_saved(store, *quarter)?;
            let card = Scorecard::new(&checklist, &session);
            match format {
                Format::Text => write!(out, "{}", card.to_text())?,
                Format::Json => print_json(out, &card.to_json())?,
            }
            Ok(())
        }
        Command::Compare {
            quarter_a,
            quarter_b,
            format,
        } => {
            let a = load_saved(store, *quarter_a)?;
            let b = load_saved(store, *quarter_b)?;
            let comparison = Comparison::new(&checklist, &a, &b);
            match format {
                Format::Text => write!(out, "{}", comparison.to_text())?,
                Format::Json => print_json(out, &comparison.to_json())?,
            }
            Ok(())
        }
        Command::Export {
            quarter,
            format,
            output,
        } => {
            let session = load_saved(store, *quarter)?;
            let brief = Brief::new(&checklist, &session, &store.sessions()?);
            let text = brief.render(*format);
            match output {
                None => write!(out, "{text}")?,
                Some(path) => {
                    let written = write_file(path, &text)
                        .with_context(|| format!("could not write {}", path.display()))?;
                    writeln!(out, "Wrote {}", written.display())?;
                }
            }
            Ok(())
        }
        Command::Checklist { format } => {
            match format {
                Format::Text => write!(out, "{}", checklist_text(&checklist))?,
                Format::Json => print_json(out, &checklist_json(&checklist))?,
            }
            Ok(())
        }
        Command::Import(args) => run_import(args, &checklist, store, out),
        Command::New { .. } => {
            bail!("`mcc new` opens the questions on screen and needs a terminal")
        }
    }
}

fn print_json(out: &mut dyn Write, value: &serde_json::Value) -> Result<()> {
    writeln!(out, "{}", serde_json::to_string_pretty(value)?)?;
    Ok(())
}

fn run_import(
    args: &ImportArgs,
    checklist: &Checklist,
    store: &Store,
    out: &mut dyn Write,
) -> Result<()> {
    let quarter = args
        .quarter
        .unwrap_or_else(|| Quarter::last_finished(today()));
    let mut marketing_sources = SourceRules::default();
    if let Some(list) = &args.marketing_sources {
        marketing_sources = SourceRules::parse_list(list)?;
    }
    let options = ImportOptions {
        quarter: Some(quarter),
        all_dates: args.all_dates,
        date_order: args.date_order,
        date_format: args.date_format.clone(),
        mappings: args.mappings.clone(),
        marketing_sources,
    };
    let report = import_files(&args.files, &options, &|_| {}, &AtomicBool::new(false))?;
    let scope = if args.all_dates {
        "all dates".to_string()
    } else {
        quarter.to_string()
    };
    match args.format {
        Format::Text => write!(out, "{}", import_text(&report, &scope))?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?,
    }
    if args.save {
        let lock = store.lock(quarter)?;
        let mut session = store
            .load(quarter)?
            .unwrap_or_else(|| Session::new(quarter, Utc::now()));
        let applied = apply(&report, checklist, &mut session, args.force, Utc::now());
        if !applied.saved.is_empty() {
            store.save(&lock, &session)?;
        }
        eprintln!(
            "{}",
            applied.summary(&quarter.to_string(), "use --force to replace them")
        );
    } else if args.format == Format::Text {
        writeln!(
            out,
            "\nNothing was saved. Add --save to put these values into {quarter}."
        )?;
    }
    Ok(())
}

/// A saved quarter's session, or an error naming the quarters that are saved.
fn load_saved(store: &Store, quarter: Quarter) -> Result<Session> {
    store
        .load(quarter)?
        .ok_or_else(|| not_saved(quarter, store))
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
        assert!(Cli::try_parse_from(["mcc", "compare", "2026-Q1", "Q2"]).is_err());
        let cli =
            Cli::try_parse_from(["mcc", "export", "2026-Q2", "--format", "csv", "-o", "b.csv"])
                .unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Export {
                format: ExportFormat::Csv,
                output: Some(_),
                ..
            })
        ));
    }
}
