//! What an import found, shaped exactly like `mcc import --format json`.

use std::collections::BTreeMap;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::checklist::Unit;

use super::fields::FileKind;
use super::text::Encoding;

/// Everything an import found: per-file details, the computed metrics and plain-English findings.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    /// One entry per file, in the order given.
    pub files: Vec<FileReport>,
    /// The metrics, each with its working.
    pub metrics: Vec<MetricReport>,
    /// Findings worth saying out loud, e.g. "312 leads (18%) had no activity at all."
    pub notes: Vec<String>,
}

impl ImportReport {
    /// The metric with this id.
    pub fn metric(&self, id: &str) -> Option<&MetricReport> {
        self.metrics.iter().find(|m| m.id == id)
    }
}

/// How one file was read. `rows_read` = `rows_used` + the rows left out + `bad_row_count`.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The path as given.
    pub path: String,
    /// What the file was detected as.
    pub kind: FileKind,
    /// Its text encoding.
    pub encoding: Encoding,
    /// The field separator: ",", ";", "\t" or "|".
    pub delimiter: String,
    /// Field name -> the header it was read from.
    #[serde(serialize_with = "ordered_map")]
    pub mapping: Vec<(String, String)>,
    /// Data rows read after the header.
    pub rows_read: u64,
    /// Rows that went into the metrics.
    pub rows_used: u64,
    /// Rows deliberately left out, by reason (outside the quarter, blank, report footer ...).
    pub rows_left_out: BTreeMap<String, u64>,
    /// The first bad rows (at most 20).
    pub bad_rows: Vec<BadRow>,
    /// How many rows were bad in all.
    pub bad_row_count: u64,
}

/// A row that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRow {
    /// Physical line in the file where the row starts (the header is line 1).
    pub line: u64,
    /// Header of the column at fault.
    pub column: String,
    /// What is wrong, in plain words.
    pub reason: String,
}

/// One computed (or typed-in) metric.
#[derive(Debug, Clone, Serialize)]
pub struct MetricReport {
    /// Stable id; checklist items use the same id.
    pub id: String,
    /// Short name.
    pub name: String,
    /// The value, or `None` (JSON null) when it cannot be computed; never NaN.
    pub value: Option<f64>,
    /// Unit of the value.
    pub unit: MetricUnit,
    /// How it was computed.
    pub working: Working,
    /// Files the value came from (not in the JSON; for recording where an answer came from).
    #[serde(skip)]
    pub from_files: Vec<String>,
}

/// The unit of a metric value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricUnit {
    /// A number of rows (leads, opportunities).
    Count,
    /// Minutes.
    Minutes,
    /// A share on a 0-100 scale.
    Percent,
    /// Money in the file's currency units.
    Money,
    /// A multiple.
    Ratio,
    /// Yes (1), partly (0.5) or no (0).
    YesNo,
}

impl MetricUnit {
    /// The checklist unit with the same meaning (none for counts).
    pub fn checklist_unit(self) -> Option<Unit> {
        match self {
            MetricUnit::Count => None,
            MetricUnit::Minutes => Some(Unit::Minutes),
            MetricUnit::Percent => Some(Unit::Percent),
            MetricUnit::Money => Some(Unit::Money),
            MetricUnit::Ratio => Some(Unit::Ratio),
            MetricUnit::YesNo => Some(Unit::YesNo),
        }
    }
}

/// The working behind a value: which rows counted, which did not and why, and the formula in words.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Working {
    /// Rows read from the files this metric uses.
    pub rows_read: u64,
    /// Rows the value is computed over.
    pub rows_used: u64,
    /// Rows not counted, by reason.
    pub left_out: BTreeMap<String, u64>,
    /// The formula in words, with the numbers that went in.
    pub formula: String,
}

fn ordered_map<S: Serializer>(
    pairs: &[(String, String)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(pairs.len()))?;
    for (key, value) in pairs {
        map.serialize_entry(key, value)?;
    }
    map.end()
}
