//! Tab completion of file paths for the import prompt, like a shell: complete a unique match,
//! else extend to the longest shared prefix and offer the candidates.

use std::fs;
use std::path::{MAIN_SEPARATOR, Path, PathBuf};

/// What Tab does to a typed path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text after completion (unchanged when nothing matches).
    pub text: String,
    /// File and folder names that match, folders ending in a separator, sorted.
    pub candidates: Vec<String>,
}

/// Completes `typed`, read relative to `cwd` unless it is absolute or starts with `~/`.
pub fn complete(typed: &str, cwd: &Path) -> Completion {
    let (dir_text, prefix) = match typed.rfind(MAIN_SEPARATOR) {
        Some(at) => typed.split_at(at + 1),
        None => ("", typed),
    };
    let dir = resolve(dir_text, cwd);
    let mut candidates: Vec<String> = fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let hidden = name.starts_with('.') && !prefix.starts_with('.');
            (!hidden && name.starts_with(prefix)).then(|| {
                if entry.path().is_dir() {
                    format!("{name}{MAIN_SEPARATOR}")
                } else {
                    name
                }
            })
        })
        .collect();
    candidates.sort();
    let shared = longest_shared_prefix(&candidates);
    let text = if shared.len() > prefix.len() {
        format!("{dir_text}{shared}")
    } else {
        typed.to_string()
    };
    Completion { text, candidates }
}

/// The folder a typed path refers to.
pub fn resolve(typed: &str, cwd: &Path) -> PathBuf {
    if let Some(rest) = typed.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    cwd.join(typed)
}

fn longest_shared_prefix(names: &[String]) -> String {
    let Some(first) = names.first() else {
        return String::new();
    };
    let mut shared = first.as_str();
    for name in &names[1..] {
        let common = shared
            .char_indices()
            .zip(name.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((at, c), _)| at + c.len_utf8());
        shared = &shared[..common];
    }
    shared.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sample-data")).unwrap();
        for name in [
            "sample-data/leads.csv",
            "sample-data/leads-old.csv",
            "sample-data/opportunities.csv",
            ".hidden.csv",
            "notes.txt",
        ] {
            fs::write(dir.path().join(name), "").unwrap();
        }
        dir
    }

    #[test]
    fn a_unique_match_completes_and_folders_get_a_separator() {
        let dir = tree();
        let done = complete("sam", dir.path());
        assert_eq!(done.text, format!("sample-data{MAIN_SEPARATOR}"));
        assert_eq!(done.candidates, [format!("sample-data{MAIN_SEPARATOR}")]);
        assert_eq!(
            complete("sample-data/o", dir.path()).text,
            "sample-data/opportunities.csv"
        );
    }

    #[test]
    fn several_matches_extend_to_the_shared_prefix_and_are_listed() {
        let dir = tree();
        let done = complete("sample-data/l", dir.path());
        assert_eq!(done.text, "sample-data/leads");
        assert_eq!(done.candidates, ["leads-old.csv", "leads.csv"]);
    }

    #[test]
    fn hidden_files_only_show_when_asked_for_and_no_match_changes_nothing() {
        let dir = tree();
        assert_eq!(
            complete("", dir.path()).candidates,
            [
                "notes.txt".to_string(),
                format!("sample-data{MAIN_SEPARATOR}")
            ]
        );
        assert_eq!(complete(".h", dir.path()).text, ".hidden.csv");
        let none = complete("zzz", dir.path());
        assert_eq!((none.text.as_str(), none.candidates.len()), ("zzz", 0));
        assert_eq!(complete("missing-folder/x", dir.path()).candidates.len(), 0);
    }

    #[test]
    fn absolute_paths_ignore_the_working_folder() {
        let dir = tree();
        let typed = format!(
            "{}{MAIN_SEPARATOR}sample-data{MAIN_SEPARATOR}opp",
            dir.path().display()
        );
        assert!(
            complete(&typed, Path::new("/nonexistent"))
                .text
                .ends_with("opportunities.csv")
        );
    }
}
