//! An import's findings as plain text: what each file was taken to be, which columns were
//! used, what was left out and why, then every computed value with its working.

use crate::checklist::answer::format_value;
use crate::import::{ImportReport, MetricReport, MetricUnit, count as thousands};

/// Bad rows listed per file before "and N more".
const BAD_ROWS_SHOWN: usize = 5;

/// The whole report; `scope` names the period, e.g. "2026-Q3" or "all dates".
pub fn import_text(report: &ImportReport, scope: &str) -> String {
    let mut text = String::from("Files\n");
    for file in &report.files {
        text += &format!(
            "  {}: {}, {}, {}\n",
            file.path,
            file.kind,
            file.encoding,
            delimiter_name(&file.delimiter)
        );
        let mapping: Vec<String> = file
            .mapping
            .iter()
            .map(|(field, header)| format!("{field} = \"{header}\""))
            .collect();
        text += &format!("    columns: {}\n", mapping.join(", "));
        text += &format!(
            "    {} rows read, {} used",
            thousands(file.rows_read),
            thousands(file.rows_used)
        );
        let left_out: Vec<String> = file
            .rows_left_out
            .iter()
            .map(|(reason, n)| format!("{} {reason}", thousands(*n)))
            .collect();
        if !left_out.is_empty() {
            text += &format!("; left out: {}", left_out.join(", "));
        }
        text.push('\n');
        for bad in file.bad_rows.iter().take(BAD_ROWS_SHOWN) {
            text += &format!(
                "    line {}, column \"{}\": {}\n",
                bad.line, bad.column, bad.reason
            );
        }
        if file.bad_row_count > BAD_ROWS_SHOWN as u64 {
            text += &format!(
                "    and {} more bad rows\n",
                thousands(file.bad_row_count - BAD_ROWS_SHOWN as u64)
            );
        }
    }
    text += &format!("\nComputed for {scope}\n");
    let width = report
        .metrics
        .iter()
        .map(|m| m.name.chars().count())
        .max()
        .unwrap_or(0);
    for metric in &report.metrics {
        text += &format!(
            "  {:<width$}  {:>12}   {}\n",
            metric.name,
            metric_value(metric),
            metric.working.formula
        );
    }
    if !report.notes.is_empty() {
        text += "\nWorth a look\n";
        for note in &report.notes {
            text += &format!("  - {note}\n");
        }
    }
    text
}

/// "comma separated" for ",", and so on.
fn delimiter_name(delimiter: &str) -> String {
    match delimiter {
        "," => "comma separated".to_string(),
        ";" => "semicolon separated".to_string(),
        "\t" => "tab separated".to_string(),
        "|" => "pipe separated".to_string(),
        other => format!("separated by \"{other}\""),
    }
}

/// A metric's value in words, or "not known" when the files could not give it.
pub fn metric_value(metric: &MetricReport) -> String {
    match (metric.value, metric.unit.checklist_unit()) {
        (None, _) => "not known".to_string(),
        (Some(value), Some(unit)) => format_value(unit, value),
        (Some(value), None) if metric.unit == MetricUnit::Count => thousands(value.round() as u64),
        (Some(value), None) => format!("{value}"),
    }
}
