//! The command line: arguments, where the config lives, and the non-interactive commands.
//! Completions and the man page come from the same definitions (`mcc completions SHELL`,
//! `mcc man`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result, anyhow, bail};
use chrono::{Local, NaiveDate, Utc};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::checklist::answer::{Parsed, parse};
use crate::checklist::benchmarks::Benchmarks;
use crate::checklist::profile::GoToMarket;
use crate::checklist::quarter::Quarter;
use crate::checklist::session::{GapInput, Session};
use crate::checklist::{Checklist, Unit};
use crate::config::{Settings, ThemeName, load_benchmarks};
use crate::import::apply::apply;
use crate::import::{ColumnMapping, DateOrder, ImportOptions, SourceRules, import_files};
use crate::report::compare::Comparison;
use crate::report::export::{Brief, ExportFormat, write_file};
use crate::report::gap::RevenueGap;
use crate::report::imported::import_text;
use crate::report::listing::{list_json, list_text, summarize_with};
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

    /// Colour theme for the screens; remembered in the config folder's config.toml
    #[arg(long, global = true, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeName>,

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
    /// Say what the quarter's miss means in pipeline, opportunities and leads; values given
    /// here are saved into the quarter.
    #[command(after_help = GAP_EXAMPLES)]
    Gap(GapArgs),
    /// Set how the company goes to market, which shifts the bands that depend on it; without
    /// a profile, say which one is set.
    Profile {
        /// The quarter, as YEAR-QN.
        quarter: Quarter,
        /// inbound, outbound, partner or enterprise.
        #[arg(value_enum)]
        profile: Option<GoToMarket>,
    },
    /// Present a quarter on screen, a slide per item.
    Present {
        /// The quarter, as YEAR-QN.
        quarter: Quarter,
    },
    /// Open a fictional company with four saved quarters; your own quarters are not touched.
    Demo,
    /// Print shell completions: `mcc completions bash > ~/.local/share/bash-completion/completions/mcc`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff): `mcc man > ~/.local/share/man/man1/mcc.1`.
    Man,
}

const GAP_EXAMPLES: &str = "Examples:
  mcc gap 2026-Q3 --quota 5M --closed 3.6M --win-rate 22 --deal-size 48k --lead-to-opp 10
  mcc gap 2026-Q3 --format json

The win rate and average deal size also come from an imported opportunities export
(mcc import ... --save), and the lead-to-opportunity rate from the checklist answer.
Values typed here win over imported ones. Type ? to mark one as not known.";

/// Arguments of `mcc gap`.
#[derive(Debug, clap::Args)]
pub struct GapArgs {
    /// The quarter, as YEAR-QN.
    pub quarter: Quarter,
    /// The quarter's quota, e.g. 5M.
    #[arg(long, value_name = "AMOUNT", value_parser = money)]
    pub quota: Option<TypedValue>,
    /// Revenue closed in the quarter, e.g. 3.6M.
    #[arg(long, value_name = "AMOUNT", value_parser = money)]
    pub closed: Option<TypedValue>,
    /// Share of closed deals won, in percent, e.g. 22.
    #[arg(long, value_name = "PERCENT", value_parser = percent)]
    pub win_rate: Option<TypedValue>,
    /// Average size of a won deal, e.g. 48k.
    #[arg(long, value_name = "AMOUNT", value_parser = money)]
    pub deal_size: Option<TypedValue>,
    /// Share of leads that became opportunities, in percent, e.g. 10.
    #[arg(long, value_name = "PERCENT", value_parser = percent)]
    pub lead_to_opp: Option<TypedValue>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

impl GapArgs {
    /// The values given, with the input each one is for.
    fn given(&self) -> Vec<(GapInput, &TypedValue)> {
        [
            (GapInput::Quota, &self.quota),
            (GapInput::Closed, &self.closed),
            (GapInput::WinRate, &self.win_rate),
            (GapInput::DealSize, &self.deal_size),
            (GapInput::LeadToOpportunityRate, &self.lead_to_opp),
        ]
        .into_iter()
        .filter_map(|(input, value)| value.as_ref().map(|v| (input, v)))
        .collect()
    }
}

/// A value typed on the command line, read the way the wizard reads answers.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedValue {
    /// What it means.
    pub parsed: Parsed,
    /// What was typed.
    pub text: String,
}

/// Reads an amount of money such as 5M, $48k or 40,000 (or ?).
fn money(text: &str) -> Result<TypedValue, String> {
    typed(Unit::Money, text)
}

/// Reads a share such as 22 or 22.5% (or ?).
fn percent(text: &str) -> Result<TypedValue, String> {
    typed(Unit::Percent, text)
}

fn typed(unit: Unit, text: &str) -> Result<TypedValue, String> {
    parse(unit, text)
        .map(|parsed| TypedValue {
            parsed,
            text: text.trim().to_string(),
        })
        .map_err(|error| error.to_string())
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

/// Runs a non-interactive command, writing its output to `out` and warnings to stderr.
pub fn run_command(command: &Command, store: &Store, out: &mut dyn Write) -> Result<()> {
    let checklist = Checklist::built_in();
    let benchmarks = || {
        let (benchmarks, warnings) = load_benchmarks(store.root(), &checklist);
        for warning in warnings {
            eprintln!("mcc: warning: {warning}");
        }
        benchmarks
    };
    match command {
        Command::List { format } => {
            let listings = summarize_with(&checklist, &benchmarks(), &store.list()?);
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
            let checklist = checklist.for_session(&session, &benchmarks());
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
            let benchmarks = benchmarks();
            let (checklist_a, checklist_b) = (
                checklist.for_session(&a, &benchmarks),
                checklist.for_session(&b, &benchmarks),
            );
            let comparison = Comparison::with_bands(&checklist_a, &a, &checklist_b, &b);
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
            let checklist = checklist.for_session(&session, &benchmarks());
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
            let checklist = checklist.effective(None, &benchmarks());
            match format {
                Format::Text => write!(out, "{}", checklist_text(&checklist))?,
                Format::Json => print_json(out, &checklist_json(&checklist))?,
            }
            Ok(())
        }
        Command::Import(args) => run_import(args, &checklist, store, out),
        Command::Gap(args) => run_gap(args, &checklist, &benchmarks(), store, out),
        Command::Profile { quarter, profile } => {
            run_profile(*quarter, *profile, &checklist, store, out)
        }
        Command::Completions { shell } => write_completions(*shell, out),
        Command::Man => write_man_page(out),
        Command::New { .. } | Command::Present { .. } | Command::Demo => {
            bail!("this command opens mcc on screen and needs a terminal")
        }
    }
}

/// Prints completions for `shell`, made from the same definitions as the parser.
pub fn write_completions(shell: Shell, out: &mut dyn Write) -> Result<()> {
    clap_complete::generate(shell, &mut Cli::command(), "mcc", out);
    Ok(())
}

/// Prints the man page in roff, made from the same definitions as the parser.
pub fn write_man_page(out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}

/// Remembers `--theme` in `<dir>/config.toml` when it was given. Never fatal: a settings
/// file mcc cannot read is left alone, and problems are printed as warnings.
pub fn remember_theme(dir: &Path, theme: Option<ThemeName>) {
    let Some(theme) = theme else {
        return;
    };
    match Settings::load(dir) {
        Ok(mut settings) => {
            settings.theme = theme;
            if let Err(error) = settings.save(dir) {
                eprintln!("mcc: warning: the theme was not remembered: {error}");
            }
        }
        Err(error) => eprintln!(
            "mcc: warning: {error}; the theme was not remembered and the file was left as it is"
        ),
    }
}

/// A saved quarter that is about to be shown on screen, or an error naming the saved ones.
pub fn saved_quarter(store: &Store, quarter: Quarter) -> Result<Quarter> {
    load_saved(store, quarter).map(|session| session.quarter)
}

fn run_gap(
    args: &GapArgs,
    checklist: &Checklist,
    benchmarks: &Benchmarks,
    store: &Store,
    out: &mut dyn Write,
) -> Result<()> {
    let given = args.given();
    let session = if given.is_empty() {
        load_saved(store, args.quarter)?
    } else {
        let lock = store.lock(args.quarter)?;
        let mut session = store
            .load(args.quarter)?
            .unwrap_or_else(|| Session::new(args.quarter, Utc::now()));
        for (input, value) in &given {
            session.record_gap_typed(*input, value.parsed, &value.text, Utc::now());
        }
        store.save(&lock, &session)?;
        let names: Vec<&str> = given
            .iter()
            .map(|(input, _)| input.label().trim_start_matches("the "))
            .collect();
        eprintln!("Saved {} to {}.", names.join(", "), args.quarter);
        session
    };
    let checklist = checklist.for_session(&session, benchmarks);
    let gap = RevenueGap::new(&checklist, &session);
    match args.format {
        Format::Text => write!(out, "{}", gap.to_text())?,
        Format::Json => print_json(out, &gap.to_json())?,
    }
    Ok(())
}

fn run_profile(
    quarter: Quarter,
    profile: Option<GoToMarket>,
    checklist: &Checklist,
    store: &Store,
    out: &mut dyn Write,
) -> Result<()> {
    let session = match profile {
        Some(profile) => {
            let lock = store.lock(quarter)?;
            let mut session = store
                .load(quarter)?
                .unwrap_or_else(|| Session::new(quarter, Utc::now()));
            session.set_go_to_market(Some(profile), Utc::now());
            store.save(&lock, &session)?;
            session
        }
        None => load_saved(store, quarter)?,
    };
    let Some(profile) = session.go_to_market else {
        writeln!(
            out,
            "{quarter} has no go-to-market profile, so the built-in bands apply.\nSet one with `mcc profile {quarter} inbound|outbound|partner|enterprise`."
        )?;
        return Ok(());
    };
    writeln!(
        out,
        "Go-to-market profile for {quarter}: {}. {}",
        profile.label(),
        profile.description()
    )?;
    let effective = checklist.effective(Some(profile), &Benchmarks::default());
    for item in effective
        .items
        .iter()
        .filter(|item| item.band_reason.is_some())
    {
        writeln!(
            out,
            "\n{}: {}\n  {}",
            item.name,
            item.benchmark,
            item.band_reason.as_deref().unwrap_or_default()
        )?;
    }
    Ok(())
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
    let mut marketing_sources = Settings::load(store.root())
        .unwrap_or_default()
        .source_rules();
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

    #[test]
    fn gap_values_are_read_like_answers_and_new_commands_parse() {
        let cli = Cli::try_parse_from([
            "mcc",
            "gap",
            "2026-Q3",
            "--quota",
            "$5M",
            "--win-rate",
            "22.5%",
            "--deal-size",
            "?",
        ])
        .unwrap();
        let Some(Command::Gap(args)) = cli.command else {
            panic!("not gap");
        };
        let given: Vec<(GapInput, Parsed, &str)> = args
            .given()
            .into_iter()
            .map(|(input, value)| (input, value.parsed, value.text.as_str()))
            .collect();
        assert_eq!(
            given,
            [
                (GapInput::Quota, Parsed::Value(5e6), "$5M"),
                (GapInput::WinRate, Parsed::Value(22.5), "22.5%"),
                (GapInput::DealSize, Parsed::Unknown, "?"),
            ]
        );
        assert!(Cli::try_parse_from(["mcc", "gap", "2026-Q3", "--closed", "-3"]).is_err());
        let cli = Cli::try_parse_from(["mcc", "profile", "2026-Q3", "partner", "--theme", "light"])
            .unwrap();
        assert_eq!(cli.theme, Some(ThemeName::Light));
        assert!(matches!(
            cli.command,
            Some(Command::Profile {
                profile: Some(GoToMarket::Partner),
                ..
            })
        ));
        for args in [["mcc", "demo"], ["mcc", "man"]] {
            assert!(Cli::try_parse_from(args).is_ok());
        }
        assert!(matches!(
            Cli::try_parse_from(["mcc", "completions", "zsh"])
                .unwrap()
                .command,
            Some(Command::Completions { shell: Shell::Zsh })
        ));
    }
}
