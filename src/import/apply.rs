//! Putting imported values into a quarter's session: checklist items only, typed answers kept
//! unless the caller forces them to be replaced.

use chrono::{DateTime, Utc};

use super::ImportReport;
use crate::checklist::Checklist;
use crate::checklist::answer::format_value;
use crate::checklist::session::{Answer, AnswerSource, Session};

/// What putting an import into a session did, item by item (names as the checklist shows them).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Applied {
    /// Items now holding an imported value, with the value in words.
    pub saved: Vec<(String, String)>,
    /// Items left alone because someone typed their answer.
    pub kept_typed: Vec<String>,
    /// Items the files could not give a usable value for.
    pub not_computed: Vec<String>,
}

/// Records every imported value that matches a checklist item into `session`. Typed answers
/// are replaced only when `replace_typed` is set.
pub fn apply(
    report: &ImportReport,
    checklist: &Checklist,
    session: &mut Session,
    replace_typed: bool,
    now: DateTime<Utc>,
) -> Applied {
    let mut applied = Applied::default();
    for item in &checklist.items {
        let Some(metric) = report.metric(&item.id) else {
            continue;
        };
        // A value the item's unit cannot hold (a share past 100% from negative amounts, say)
        // is not an answer: saving it would make the session file fail its checks.
        let Some(value) = metric.value.filter(|&v| item.unit.allows(v)) else {
            applied.not_computed.push(item.name.clone());
            continue;
        };
        if session.is_typed(&item.id) && !replace_typed {
            applied.kept_typed.push(item.name.clone());
            continue;
        }
        let text = format_value(item.unit, value);
        let answer = Answer {
            value: Some(value),
            text: text.clone(),
            answered_at: now,
            source: AnswerSource::Imported {
                files: metric.from_files.clone(),
                rows_used: metric.working.rows_used,
            },
        };
        session.record(&item.id, answer);
        applied.saved.push((item.name.clone(), text));
    }
    applied
}

impl Applied {
    /// One or two sentences saying what happened; `replace_hint` says how to replace typed
    /// answers where that applies (e.g. "use --force to replace them").
    pub fn summary(&self, quarter: &str, replace_hint: &str) -> String {
        let mut text = match self.saved.len() {
            0 => format!("Nothing was saved to {quarter}."),
            1 => format!("Saved 1 answer to {quarter}."),
            n => format!("Saved {n} answers to {quarter}."),
        };
        if !self.kept_typed.is_empty() {
            text += &format!(
                " Kept your typed answers for {}",
                self.kept_typed.join(", ")
            );
            if replace_hint.is_empty() {
                text.push('.');
            } else {
                text += &format!(" ({replace_hint}).");
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{MetricReport, MetricUnit, Working};
    use chrono::TimeZone;

    fn metric(id: &str, value: f64) -> MetricReport {
        MetricReport {
            id: id.to_string(),
            name: id.to_string(),
            value: Some(value),
            unit: MetricUnit::Percent,
            working: Working {
                rows_read: 10,
                rows_used: 10,
                left_out: Default::default(),
                formula: String::new(),
            },
            from_files: vec!["opps.csv".to_string()],
        }
    }

    #[test]
    fn a_value_the_unit_cannot_hold_is_not_saved() {
        let checklist = Checklist::built_in();
        let report = ImportReport {
            files: Vec::new(),
            metrics: vec![
                metric("marketing_revenue_share", 130.0),
                metric("lead_follow_up_rate", 62.0),
            ],
            notes: Vec::new(),
        };
        let now = Utc.with_ymd_and_hms(2026, 10, 2, 9, 0, 0).unwrap();
        let mut session = Session::new("2026-Q3".parse().unwrap(), now);
        let applied = apply(&report, &checklist, &mut session, false, now);
        assert_eq!(applied.saved.len(), 1);
        assert!(session.answer("marketing_revenue_share").is_none());
        assert_eq!(
            session.answer("lead_follow_up_rate").and_then(|a| a.value),
            Some(62.0)
        );
        assert!(session.check(&checklist).is_ok());
    }
}
