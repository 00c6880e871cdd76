//! The `mcc` binary: parse arguments, open the store, then run a command or the terminal UI.

use std::process::ExitCode;

use clap::Parser;
use mcc::cli::{Cli, Command, config_dir, open_store, run_command, today};
use mcc::tui;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mcc: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let store = open_store(&config_dir(cli.config_dir)?)?;
    match cli.command {
        None => tui::run(store, tui::Start::Home, today()),
        Some(Command::New { quarter }) => tui::run(store, tui::Start::Quarter(quarter), today()),
        Some(command) => run_command(&command, &store, &mut std::io::stdout().lock()),
    }
}
