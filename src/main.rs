//! The `mcc` binary: parse arguments, open the store, then run a command or the terminal UI.

use std::process::ExitCode;

use clap::Parser;
use mcc::cli::{
    Cli, Command, config_dir, open_store, remember_theme, run_command, saved_quarter, today,
    write_completions, write_man_page,
};
use mcc::config::Settings;
use mcc::store::Store;
use mcc::{demo, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`mcc list | head`) is not an error.
        Err(error) if broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mcc: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let stdout = || std::io::stdout().lock();
    match cli.command {
        Some(Command::Completions { shell }) => return write_completions(shell, &mut stdout()),
        Some(Command::Man) => return write_man_page(&mut stdout()),
        Some(Command::Demo) => {
            // The demo lives in a temporary folder, removed when `folder` drops at exit;
            // the user's config folder is never opened.
            let folder = tempfile::TempDir::new()?;
            let paths = demo::prepare(folder.path())?;
            let store = open_store(&paths.config_dir)?;
            let options = tui::Options {
                today: paths.today,
                theme: cli.theme.unwrap_or_default(),
                demo_samples: Some(paths.sample_files),
            };
            return tui::run(store, tui::Start::Home, options);
        }
        _ => {}
    }
    let dir = config_dir(cli.config_dir)?;
    let on_screen = matches!(
        cli.command,
        None | Some(Command::New { .. }) | Some(Command::Present { .. })
    );
    // On screen, a folder that can't be used is said there and answers stay in memory;
    // commands that print fail with the reason.
    let store = match open_store(&dir) {
        Ok(store) => store,
        Err(_) if on_screen => Store::at(&dir),
        Err(error) => return Err(error),
    };
    remember_theme(&dir, cli.theme);
    let options = || tui::Options {
        today: today(),
        theme: cli
            .theme
            .unwrap_or_else(|| Settings::load(&dir).unwrap_or_default().theme),
        demo_samples: None,
    };
    match cli.command {
        None => tui::run(store, tui::Start::Home, options()),
        Some(Command::New { quarter }) => tui::run(store, tui::Start::Quarter(quarter), options()),
        Some(Command::Present { quarter }) => {
            let quarter = saved_quarter(&store, quarter)?;
            tui::run(store, tui::Start::Present(quarter), options())
        }
        Some(command) => run_command(&command, &store, &mut stdout()),
    }
}

/// Whether `error` is the output closing under us.
fn broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
