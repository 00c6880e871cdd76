//! File-level failures. A bad row is never an error: it is counted and reported instead.

use std::io;

use super::fields::{Field, FileKind};
use super::text::count;

/// Why an import stopped; Display is one clear sentence naming the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// No file paths were given.
    #[error("No files to import: give at least one CSV export.")]
    NoFiles,
    /// The file has no bytes (or only white space).
    #[error("{path} is empty: export the report again with its rows.")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file has a header but no data rows.
    #[error("{path} has a header but no data rows: export the report again with its rows.")]
    HeaderOnly {
        /// The file.
        path: String,
    },
    /// The file is binary, a spreadsheet or another format rather than CSV text.
    #[error("{path} is not a CSV file ({what}).")]
    NotCsv {
        /// The file.
        path: String,
        /// What it seems to be and what to do, e.g. "it looks like an Excel workbook; save it as CSV".
        what: String,
    },
    /// The file could not be opened or read.
    #[error("Could not read {path}: {source}.")]
    Unreadable {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The header matches no kind of export mcc knows.
    #[error(
        "mcc could not tell what {path} holds: its columns are {}. Tell mcc which column holds the created date with --map \"Your Header=created\" (or another field: {}).",
        list(.headers), Field::ALL.map(Field::name).join(", ")
    )]
    UnknownKind {
        /// The file.
        path: String,
        /// The headers found.
        headers: Vec<String>,
    },
    /// A column the import needs is missing.
    #[error(
        "{path} looks like {kind} but mcc found no column for {} ({field}); its columns are {}. Tell mcc which column holds it with --map \"Your Header={field}\"{}.",
        .field.describe(), list(.headers), hint(*.field)
    )]
    MissingColumn {
        /// The file.
        path: String,
        /// What the file was detected as.
        kind: FileKind,
        /// The field that is missing.
        field: Field,
        /// The headers found.
        headers: Vec<String>,
    },
    /// A `--map` names a header that no file has.
    #[error("--map \"{header}={field}\": no file has a column called \"{header}\".")]
    MappedHeaderMissing {
        /// The header as typed.
        header: String,
        /// The field it was meant to hold.
        field: Field,
    },
    /// An activities export was given without a leads export to join it to.
    #[error(
        "{path} is an activities export, which needs the leads export it belongs to: give both files."
    )]
    NeedsLeads {
        /// The activities file.
        path: String,
    },
    /// A date column holds values in no form mcc can read.
    #[error(
        "{path}: mcc cannot read the dates in column \"{column}\", such as \"{example}\". Give their format with --date-format, for example --date-format \"%d/%m/%Y %H:%M\"."
    )]
    DateFormat {
        /// The file.
        path: String,
        /// The column header.
        column: String,
        /// One value that could not be read.
        example: String,
    },
    /// Slash dates whose day/month order the data cannot decide (or that mix both orders).
    #[error(
        "{path}: the dates in column \"{column}\", such as \"{example}\", could be day/month or month/day; use --date-order dmy or mdy."
    )]
    AmbiguousDateOrder {
        /// The file.
        path: String,
        /// The column header.
        column: String,
        /// A value that could be read either way.
        example: String,
    },
    /// A row runs past the longest mcc reads, usually a value whose closing quote is missing.
    #[error(
        "{path}, line {line}: a row there is longer than {} MB, so mcc stopped reading. A value with an opening quote and no closing one runs on to the end of the file: check the quotes on that line, or export the report again.",
        super::limits::MAX_ROW_BYTES >> 20
    )]
    RowTooLong {
        /// The file.
        path: String,
        /// The physical line where the row starts.
        line: u64,
    },
    /// No header row fits in the first look at the file.
    #[error(
        "{path}: the first {} KB hold no complete header row, so it does not look like a CSV export.",
        super::sniff::SAMPLE >> 10
    )]
    HeaderTooLong {
        /// The file.
        path: String,
    },
    /// The header has more columns than mcc reads.
    #[error(
        "{path}, line {line}: the header has {} columns; mcc reads at most {}. Export the report with the columns it needs.",
        count(*.columns as u64), count(super::limits::MAX_COLUMNS as u64)
    )]
    TooManyColumns {
        /// The file.
        path: String,
        /// The header's line.
        line: u64,
        /// How many columns it has.
        columns: usize,
    },
    /// More leads than the lead-id map holds.
    #[error(
        "{path} has more than {} leads to match by id, the most mcc matches at once. Export a shorter date range, such as the quarter and the one before.",
        count(super::limits::MAX_LEADS as u64)
    )]
    TooManyLeads {
        /// The file being read.
        path: String,
    },
    /// A metric summary with far more rows than checklist items.
    #[error(
        "{path} has more than {} metric rows; a metric summary has one row per checklist item.",
        count(super::limits::MAX_SUMMARY_ROWS as u64)
    )]
    TooManyMetricRows {
        /// The file.
        path: String,
    },
    /// The caller asked to stop.
    #[error("The import of {path} was cancelled.")]
    Cancelled {
        /// The file being read when it stopped.
        path: String,
    },
}

fn list(headers: &[String]) -> String {
    const SHOWN: usize = 30;
    let mut text = headers
        .iter()
        .take(SHOWN)
        .map(|h| format!("\"{h}\""))
        .collect::<Vec<_>>()
        .join(", ");
    if headers.len() > SHOWN {
        text.push_str(&format!(" and {} more", headers.len() - SHOWN));
    }
    text
}

fn hint(field: Field) -> &'static str {
    match field {
        Field::FirstResponse => {
            ", or add an activities export to take the first activity on each lead"
        }
        Field::Source => ", or add the leads export so opportunities get their lead's source",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_say_what_to_do() {
        let missing = ImportError::MissingColumn {
            path: "leads.csv".into(),
            kind: FileKind::Leads,
            field: Field::FirstResponse,
            headers: vec!["Lead ID".into(), "Created Date".into()],
        };
        assert_eq!(
            missing.to_string(),
            "leads.csv looks like a leads export but mcc found no column for the date and time of the first call \
             or email to the lead (first_response); its columns are \"Lead ID\", \"Created Date\". Tell mcc which \
             column holds it with --map \"Your Header=first_response\", or add an activities export to take the \
             first activity on each lead."
        );
        let order = ImportError::AmbiguousDateOrder {
            path: "l.csv".into(),
            column: "Created".into(),
            example: "03/04/2024".into(),
        };
        assert!(order.to_string().ends_with("use --date-order dmy or mdy."));
        let unknown = ImportError::UnknownKind {
            path: "x.csv".into(),
            headers: vec!["a".into(), "b".into()],
        };
        assert!(unknown.to_string().contains("columns are \"a\", \"b\""));
        assert!(
            unknown
                .to_string()
                .contains("--map \"Your Header=created\"")
        );
    }
}
