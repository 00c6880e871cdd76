//! The organisation's own benchmarks: `benchmarks.toml` in the config folder overrides an
//! item's bands, for example
//!
//! ```toml
//! [lead_response_time]
//! good = 10        # minutes; strings such as "10m" or "20%" work too
//! watch = 60
//! benchmark = "10 minutes or less, our SLA"   # optional words
//! ```
//!
//! Reading never fails: a problem becomes a warning naming the line and the key, and the
//! built-in benchmark stays in force for that item (for the whole file when it is not TOML).

use std::collections::BTreeMap;
use std::fmt;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::answer::{AnswerError, Parsed, format_value, parse, unit_label};
use super::{Bands, Checklist, Direction, Item};

/// The file name in the config folder.
pub const FILE_NAME: &str = "benchmarks.toml";

/// Bands the organisation set for some items, keyed by item id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Benchmarks {
    overrides: BTreeMap<String, Override>,
}

/// One item's bands as the organisation set them.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// The bands in force.
    pub bands: Bands,
    /// The benchmark in words, when the file gives one.
    pub benchmark: Option<String>,
    /// The line of the item's table in the file.
    pub line: usize,
}

/// A problem in `benchmarks.toml`; the built-in benchmark stays in force where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchmarkWarning {
    /// The line at fault (1 is the first).
    pub line: usize,
    /// The key at fault, e.g. `lead_response_time.watch`, when there is one.
    pub key: Option<String>,
    /// What is wrong and what stays in force.
    pub message: String,
}

impl fmt::Display for BenchmarkWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "line {}, key `{key}`: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl Benchmarks {
    /// Reads `benchmarks.toml` text against `checklist`; every problem is a warning and the
    /// items with one keep their built-in bands.
    pub fn parse(text: &str, checklist: &Checklist) -> (Self, Vec<BenchmarkWarning>) {
        let table = match DeTable::parse(text) {
            Ok(table) => table.into_inner(),
            Err(error) => {
                let line = error.span().map_or(1, |span| line_of(text, span.start));
                let message = format!(
                    "this is not valid TOML ({}), so all the built-in benchmarks stay in force",
                    error.message().trim()
                );
                let warning = BenchmarkWarning {
                    line,
                    key: None,
                    message,
                };
                return (Self::default(), vec![warning]);
            }
        };
        let mut overrides = BTreeMap::new();
        let mut warnings = Vec::new();
        for (id, value) in table.iter() {
            let line = line_of(text, id.span().start);
            let Some(item) = checklist.item(id.get_ref()) else {
                warnings.push(BenchmarkWarning {
                    line,
                    key: Some(id.get_ref().to_string()),
                    message: "no checklist item has this id (`mcc checklist` lists them, e.g. lead_response_time), so this table is ignored".into(),
                });
                continue;
            };
            match read_item(text, item, value) {
                Ok((bands, benchmark)) => {
                    let own = Override {
                        bands,
                        benchmark,
                        line,
                    };
                    overrides.insert(item.id.clone(), own);
                }
                Err(mut problems) => warnings.append(&mut problems),
            }
        }
        warnings.sort_by_key(|w| w.line);
        (Self { overrides }, warnings)
    }

    /// The organisation's bands for an item, if it set any.
    pub fn get(&self, id: &str) -> Option<&Override> {
        self.overrides.get(id)
    }

    /// Whether no item is overridden.
    pub fn is_empty(&self) -> bool {
        self.overrides.is_empty()
    }
}

/// One item's table: its bands (the built-in edge where a key is left out) and words.
fn read_item(
    text: &str,
    item: &Item,
    value: &Spanned<DeValue>,
) -> Result<(Bands, Option<String>), Vec<BenchmarkWarning>> {
    let warn = |start: usize, key: String, message: String| BenchmarkWarning {
        line: line_of(text, start),
        key: Some(key),
        message: format!(
            "{message}; the built-in benchmark for {} stays in force",
            item.name
        ),
    };
    let DeValue::Table(entries) = value.get_ref() else {
        let message = format!(
            "must be a table such as [{}] with good = and watch = lines, not a {}",
            item.id,
            value.get_ref().type_str()
        );
        return Err(vec![warn(value.span().start, item.id.clone(), message)]);
    };
    let mut bands = item.bands;
    let mut benchmark = None;
    let mut problems = Vec::new();
    let mut watch_at = value.span().start;
    for (key, value) in entries.iter() {
        let name = format!("{}.{}", item.id, key.get_ref());
        let start = key.span().start;
        match key.get_ref().as_ref() {
            edge @ ("good" | "watch") => {
                if edge == "watch" {
                    watch_at = start;
                }
                match edge_value(item, value.get_ref()) {
                    Ok(number) if edge == "good" => bands.good = number,
                    Ok(number) => bands.watch = number,
                    Err(message) => problems.push(warn(start, name, message)),
                }
            }
            "benchmark" => match value.get_ref().as_str() {
                Some(words) if !words.trim().is_empty() => {
                    benchmark = Some(words.trim().to_string())
                }
                _ => problems.push(warn(
                    start,
                    name,
                    "must be the benchmark in words, in quotes".into(),
                )),
            },
            _ => problems.push(warn(
                start,
                name,
                "is not a key mcc knows; use good, watch or benchmark".into(),
            )),
        }
    }
    if problems.is_empty() && !bands.ordered(item.better) {
        let (side, better) = match item.better {
            Direction::Lower => ("at or above", "lower"),
            Direction::Higher => ("at or below", "higher"),
        };
        let message = format!(
            "watch ({}) must be {side} good ({}), since {better} is better for this item",
            format_value(item.unit, bands.watch),
            format_value(item.unit, bands.good)
        );
        problems.push(warn(watch_at, format!("{}.watch", item.id), message));
    }
    if problems.is_empty() {
        Ok((bands, benchmark))
    } else {
        Err(problems)
    }
}

/// A band edge from a number or a string such as "10m" or "20%", in the item's unit.
fn edge_value(item: &Item, value: &DeValue) -> Result<f64, String> {
    let text = match value {
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix())
            .map_err(|_| format!("{} is not a number mcc can use", n.as_str()))?
            .to_string(),
        DeValue::Float(n) => n.as_str().to_string(),
        DeValue::String(text) => text.to_string(),
        other => {
            return Err(format!(
                "must be a number or a value in quotes, not a {}",
                other.type_str()
            ));
        }
    };
    match parse(item.unit, &text) {
        Ok(Parsed::Value(number)) => Ok(number),
        Ok(Parsed::Unknown) => Err("a benchmark can't be unknown".into()),
        Err(AnswerError::NotUnderstood(unit)) => {
            Err(format!("\"{text}\" can't be read as {}", unit_label(unit)))
        }
        Err(error) => {
            let reason = error.to_string();
            let mut chars = reason.trim_end_matches('.').chars();
            let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
            Err(format!(
                "\"{text}\" can't be used: {}{}",
                first.unwrap_or_default(),
                chars.as_str()
            ))
        }
    }
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Benchmarks, Vec<BenchmarkWarning>) {
        Benchmarks::parse(text, &Checklist::built_in())
    }

    #[test]
    fn good_and_watch_override_the_built_in_bands() {
        let (benchmarks, warnings) = read(
            "# our own\n[lead_response_time]\ngood = 10\nwatch = \"2h\"\nbenchmark = \"10 minutes, our SLA\"\n\n[lead_follow_up_rate]\ngood = 90\n",
        );
        assert_eq!(warnings, []);
        let response = benchmarks.get("lead_response_time").unwrap();
        assert_eq!(
            response.bands,
            Bands {
                good: 10.0,
                watch: 120.0
            }
        );
        assert_eq!(response.benchmark.as_deref(), Some("10 minutes, our SLA"));
        assert_eq!(response.line, 2);
        let follow_up = benchmarks.get("lead_follow_up_rate").unwrap();
        assert_eq!(
            follow_up.bands,
            Bands {
                good: 90.0,
                watch: 50.0
            },
            "watch stays built-in"
        );
        assert_eq!(follow_up.line, 7);
        assert!(benchmarks.get("mql_to_sql_rate").is_none());
    }

    #[test]
    fn an_empty_file_overrides_nothing() {
        let (benchmarks, warnings) = read("");
        assert!(benchmarks.is_empty() && warnings.is_empty());
    }

    #[test]
    fn a_file_that_is_not_toml_names_the_line_and_keeps_every_built_in_band() {
        let (benchmarks, warnings) = read("[lead_response_time]\ngood = 10\nwatch = = 60\n");
        assert!(benchmarks.is_empty());
        assert_eq!(warnings.len(), 1);
        assert_eq!((warnings[0].line, warnings[0].key.as_deref()), (3, None));
        assert!(
            warnings[0]
                .to_string()
                .starts_with("line 3: this is not valid TOML ("),
            "{}",
            warnings[0]
        );
        assert!(
            warnings[0]
                .message
                .ends_with("all the built-in benchmarks stay in force")
        );
    }

    #[test]
    fn a_bad_key_names_its_line_and_key_and_only_that_item_keeps_its_built_in_bands() {
        let (benchmarks, warnings) = read(
            "[lead_response_time]\ngood = 10\nwatch = \"soon\"\n\n[lead_follow_up_rate]\ngood = 80\nwatch = 60\n",
        );
        assert!(benchmarks.get("lead_response_time").is_none());
        assert_eq!(
            benchmarks.get("lead_follow_up_rate").unwrap().bands.good,
            80.0
        );
        assert_eq!(warnings.len(), 1);
        let warning = &warnings[0];
        assert_eq!(
            (warning.line, warning.key.as_deref()),
            (3, Some("lead_response_time.watch"))
        );
        assert_eq!(
            warning.to_string(),
            "line 3, key `lead_response_time.watch`: \"soon\" can't be read as minutes; the built-in benchmark for Lead response time stays in force"
        );
    }

    #[test]
    fn unknown_items_unknown_keys_and_bands_in_the_wrong_order_are_each_named() {
        let (benchmarks, warnings) = read(
            "sales_marketing_sla = 1\n[lead_respons_time]\ngood = 10\n\n[lead_follow_up_rate]\ngood = 40\nwatch = 60\n\n[ltv_to_cac]\ngood = 3\nbest = 5\n\n[mql_to_sql_rate]\ngood = 140\n",
        );
        assert!(benchmarks.is_empty(), "{benchmarks:?}");
        let found: Vec<(usize, Option<&str>)> = warnings
            .iter()
            .map(|w| (w.line, w.key.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (1, Some("sales_marketing_sla")),
                (2, Some("lead_respons_time")),
                (7, Some("lead_follow_up_rate.watch")),
                (11, Some("ltv_to_cac.best")),
                (14, Some("mql_to_sql_rate.good")),
            ]
        );
        assert!(
            warnings[0].message.contains("must be a table"),
            "{}",
            warnings[0]
        );
        assert!(
            warnings[2]
                .message
                .starts_with("watch (60%) must be at or below good (40%)"),
            "{}",
            warnings[2]
        );
        assert!(
            warnings[4]
                .message
                .contains("\"140\" can't be used: a share must be between 0% and 100%"),
            "{}",
            warnings[4]
        );
    }
}
