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
    let mut not_computed: Vec<(&str, Vec<&str>)> = Vec::new();
    for metric in &report.metrics {
        if metric.value.is_none() && metric.working.rows_used == 0 {
            match not_computed
                .iter_mut()
                .find(|(why, _)| *why == metric.working.formula)
            {
                Some((_, names)) => names.push(&metric.name),
                None => not_computed.push((&metric.working.formula, vec![&metric.name])),
            }
            continue;
        }
        text += &format!(
            "  {:<width$}  {:>12}   {}\n",
            metric.name,
            metric_value(metric),
            metric.working.formula
        );
    }
    for (why, names) in not_computed {
        text += &format!("  Not known: {} ({why})\n", names.join(", "));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{ImportOptions, import_files};
    use std::sync::atomic::AtomicBool;

    fn summary_report(rows: &str) -> ImportReport {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("typed.csv");
        std::fs::write(&path, format!("metric,value\n{rows}")).unwrap();
        let options = ImportOptions {
            quarter: Some("2026-Q3".parse().unwrap()),
            ..ImportOptions::default()
        };
        import_files(&[path], &options, &|_| {}, &AtomicBool::new(false)).unwrap()
    }

    #[test]
    fn computed_values_come_with_their_working_and_gaps_are_grouped_by_reason() {
        let text = import_text(
            &summary_report("lead_follow_up_rate,62%\nltv_to_cac,3:1\n"),
            "2026-Q3",
        );
        assert!(
            text.contains("a metric summary, utf-8, comma separated"),
            "{text}"
        );
        assert!(text.contains("2 rows read, 2 used"), "{text}");
        let follow_up = text
            .lines()
            .find(|l| l.contains("Lead follow-up rate"))
            .unwrap();
        assert!(
            follow_up.contains("62%") && follow_up.contains("line 2: \"62%\""),
            "{follow_up}"
        );
        let gaps: Vec<&str> = text
            .lines()
            .filter(|l| l.trim_start().starts_with("Not known:"))
            .collect();
        assert_eq!(gaps.len(), 2, "one line per reason: {text}");
        assert!(
            gaps[0].contains("Leads contacted in 5 min") && gaps[0].contains("no leads export"),
            "{}",
            gaps[0]
        );
    }

    #[test]
    fn values_read_in_their_units() {
        let report = summary_report("lead_response_time,90s\n");
        let metric = report.metric("lead_response_time").unwrap();
        assert_eq!(metric_value(metric), "1.5 min");
        assert_eq!(
            metric_value(report.metric("lead_count").unwrap()),
            "not known"
        );
    }
}
