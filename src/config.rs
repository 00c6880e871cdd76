//! The config folder's own files beside the sessions: `config.toml` with the settings (the
//! colour theme), written atomically and readable by the user only, and the organisation's
//! `benchmarks.toml`, read into [`Benchmarks`] with warnings rather than failures.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::checklist::Checklist;
use crate::checklist::benchmarks::{self, Benchmarks};
use crate::import::SourceRules;
use crate::report::export::write_file;

/// The settings file's name in the config folder.
pub const SETTINGS_FILE: &str = "config.toml";

/// The colour themes the screens offer.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// Light text on a dark terminal.
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// Strong contrast and no thin glyphs, for projectors.
    HighContrast,
}

impl ThemeName {
    /// The name as written in `config.toml` and after `--theme`.
    pub fn key(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }
}

/// What `config.toml` holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The colour theme.
    #[serde(default)]
    pub theme: ThemeName,
    /// Lead sources that count as marketing, when changed from mcc's list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketing_sources: Option<Vec<String>>,
}

impl Settings {
    /// The marketing-source rules: the remembered list, or mcc's own.
    pub fn source_rules(&self) -> SourceRules {
        self.marketing_sources
            .as_ref()
            .and_then(|list| SourceRules::parse_list(&list.join(",")).ok())
            .unwrap_or_default()
    }
}

/// Why the settings could not be read or written; a file that cannot be read is never
/// overwritten.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file or folder could not be read or written.
    #[error("could not {action} {path}: {source}")]
    Io {
        /// "read" or "write".
        action: &'static str,
        /// The file or folder involved.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The file is not settings mcc can read.
    #[error("{path} line {line}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The line at fault (1 is the first).
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl Settings {
    /// Reads `<dir>/config.toml`; the defaults when there is no such file.
    pub fn load(dir: &Path) -> Result<Self, SettingsError> {
        let path = dir.join(SETTINGS_FILE);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(SettingsError::Io {
                    action: "read",
                    path,
                    source,
                });
            }
        };
        toml::from_str(&text).map_err(|error| SettingsError::Invalid {
            line: error
                .span()
                .map_or(1, |span| text[..span.start].matches('\n').count() + 1),
            message: error.message().trim().to_string(),
            path,
        })
    }

    /// Writes `<dir>/config.toml` atomically, readable by the user only, creating the folder
    /// (user-only) if needed; returns the file's path.
    pub fn save(&self, dir: &Path) -> Result<PathBuf, SettingsError> {
        let io = |action, path: &Path| {
            let path = path.to_path_buf();
            move |source| SettingsError::Io {
                action,
                path,
                source,
            }
        };
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir).map_err(io("write", dir))?;
        let path = dir.join(SETTINGS_FILE);
        let text = toml::to_string(self).expect("settings always serialise");
        write_file(&path, &text).map_err(io("write", &path))
    }
}

/// The organisation's benchmarks from `<dir>/benchmarks.toml` (none when there is no such
/// file), with every problem as a sentence naming the file, the line and the key.
pub fn load_benchmarks(dir: &Path, checklist: &Checklist) -> (Benchmarks, Vec<String>) {
    let path = dir.join(benchmarks::FILE_NAME);
    match fs::read_to_string(&path) {
        Ok(text) => {
            let (benchmarks, warnings) = Benchmarks::parse(&text, checklist);
            let warnings = warnings
                .iter()
                .map(|w| format!("{}, {w}", path.display()))
                .collect();
            (benchmarks, warnings)
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => (Benchmarks::default(), vec![]),
        Err(error) => (
            Benchmarks::default(),
            vec![format!(
                "could not read {}: {error}; the built-in benchmarks stay in force",
                path.display()
            )],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_default_to_dark_and_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("mcc");
        assert_eq!(Settings::load(&folder).unwrap().theme, ThemeName::Dark);
        let settings = Settings {
            theme: ThemeName::HighContrast,
            ..Settings::default()
        };
        let path = settings.save(&folder).unwrap();
        assert_eq!(path, fs::canonicalize(folder.join("config.toml")).unwrap());
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "theme = \"high-contrast\"\n"
        );
        assert_eq!(Settings::load(&folder).unwrap(), settings);
        let names: Vec<_> = fs::read_dir(&folder).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn the_settings_file_and_a_new_folder_are_user_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("new");
        let path = Settings::default().save(&folder).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&folder), 0o700);
    }

    #[test]
    fn a_bad_settings_file_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("config.toml"),
            "# mine\ntheme = \"purple\"\n",
        )
        .unwrap();
        let error = Settings::load(dir.path()).unwrap_err();
        assert!(
            matches!(&error, SettingsError::Invalid { line: 2, message, .. } if message.contains("purple")),
            "{error}"
        );
        fs::write(dir.path().join("config.toml"), "colour = \"red\"\n").unwrap();
        assert!(
            Settings::load(dir.path()).is_err(),
            "unknown keys are refused"
        );
    }

    #[test]
    fn theme_names_match_the_command_line() {
        use clap::ValueEnum;
        for theme in ThemeName::value_variants() {
            let name = theme.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(name, theme.key());
            assert_eq!(
                toml::to_string(&Settings {
                    theme: *theme,
                    ..Settings::default()
                })
                .unwrap(),
                format!("theme = \"{name}\"\n")
            );
        }
    }

    #[test]
    fn benchmarks_load_from_the_folder_with_warnings_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let checklist = Checklist::built_in();
        let (none, warnings) = load_benchmarks(dir.path(), &checklist);
        assert!(none.is_empty() && warnings.is_empty());
        fs::write(
            dir.path().join("benchmarks.toml"),
            "[lead_response_time]\ngood = 10\n\n[lead_follow_up_rate]\nwatch = \"lots\"\n",
        )
        .unwrap();
        let (benchmarks, warnings) = load_benchmarks(dir.path(), &checklist);
        assert_eq!(
            benchmarks.get("lead_response_time").unwrap().bands.good,
            10.0
        );
        assert!(benchmarks.get("lead_follow_up_rate").is_none());
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].ends_with(
                "benchmarks.toml, line 5, key `lead_follow_up_rate.watch`: \"lots\" can't be read as percent (%); the built-in benchmark for Lead follow-up rate stays in force"
            ),
            "{}",
            warnings[0]
        );
    }

    #[test]
    fn a_changed_marketing_source_list_is_remembered() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Settings::load(dir.path()).unwrap().source_rules(),
            SourceRules::default()
        );
        let settings = Settings {
            marketing_sources: Some(vec!["Web".into(), "Referrals".into()]),
            ..Settings::default()
        };
        settings.save(dir.path()).unwrap();
        let rules = Settings::load(dir.path()).unwrap().source_rules();
        assert_eq!(rules.marketing, ["Web", "Referrals"]);
        assert_eq!(
            rules.classify("referrals"),
            crate::import::SourceClass::Marketing
        );
    }
}
