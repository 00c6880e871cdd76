//! Putting imported values into a quarter's session: checklist items, plus the win rate and
//! average deal size for the revenue gap; typed answers kept unless the caller forces them to
//! be replaced.

use chrono::{DateTime, Utc};

use super::{ImportReport, MetricReport};
use crate::checklist::Checklist;
use crate::checklist::answer::format_value;
use crate::checklist::session::{Answer, AnswerSource, GapInput, Session};

/// Import metrics that are revenue-gap inputs rather than checklist items.
const GAP_METRICS: [(&str, GapInput); 2] = [
    ("win_rate", GapInput::WinRate),
    ("average_deal_size", GapInput::DealSize),
];

/// What putting an import into a session did, item by item (names as the checklist shows them).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Applied {
    /// Items now holding an imported value, with the value in words.
    pub saved: Vec<(String, String)>,
    /// Items left alone because someone typed their answer.
    pub kept_typed: Vec<String>,
    /// Items the files could not give a usable value for.
    pub not_computed: Vec<String>,
    /// Revenue-gap inputs now holding an imported value, with the value in words.
    pub gap_saved: Vec<(String, String)>,
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
        session.record(&item.id, imported(metric, value, &text, now));
        applied.saved.push((item.name.clone(), text));
    }
    for (id, input) in GAP_METRICS {
        let Some((metric, value)) = report
            .metric(id)
            .and_then(|m| m.value.map(|value| (m, value)))
        else {
            continue;
        };
        let typed = session
            .gap
            .get(&input)
            .is_some_and(|a| a.source == AnswerSource::Typed);
        if typed && !replace_typed {
            continue;
        }
        let text = format_value(input.unit(), value);
        let answer = imported(metric, value, &text, now);
        session.updated_at = now;
        session.gap.insert(input, answer);
        let name = input.label().trim_start_matches("the ");
        applied.gap_saved.push((name.to_string(), text));
    }
    applied
}

/// An answer computed by an import, recording the files and rows it came from.
fn imported(metric: &MetricReport, value: f64, text: &str, now: DateTime<Utc>) -> Answer {
    Answer {
        value: Some(value),
        text: text.to_string(),
        answered_at: now,
        source: AnswerSource::Imported {
            files: metric.from_files.clone(),
            rows_used: metric.working.rows_used,
        },
    }
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
        if !self.gap_saved.is_empty() {
            let values: Vec<String> = self
                .gap_saved
                .iter()
                .map(|(name, value)| format!("{name} {value}"))
                .collect();
            text += &format!(" For the revenue gap: {}.", values.join(", "));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::answer::Parsed;
    use crate::import::{MetricReport, MetricUnit, Working};
    use chrono::TimeZone;

    fn metric(id: &str, value: f64, unit: MetricUnit) -> MetricReport {
        MetricReport {
            id: id.into(),
            name: id.into(),
            value: Some(value),
            unit,
            working: Working {
                rows_used: 120,
                ..Working::default()
            },
            from_files: vec!["opps.csv".into()],
        }
    }

    #[test]
    fn the_win_rate_and_deal_size_go_to_the_gap_section_and_typed_ones_are_kept() {
        let now = Utc.with_ymd_and_hms(2026, 10, 5, 9, 0, 0).unwrap();
        let report = ImportReport {
            files: Vec::new(),
            metrics: vec![
                metric("marketing_pipeline_share", 30.0, MetricUnit::Percent),
                metric("win_rate", 27.5, MetricUnit::Percent),
                metric("average_deal_size", 48_500.0, MetricUnit::Money),
            ],
            notes: Vec::new(),
        };
        let checklist = Checklist::built_in();
        let mut session = Session::new("2026-Q3".parse().unwrap(), now);
        session.record_gap_typed(GapInput::DealSize, Parsed::Value(50_000.0), "50k", now);
        let applied = apply(&report, &checklist, &mut session, false, now);
        assert_eq!(
            applied.gap_saved,
            [("win rate".to_string(), "27.5%".to_string())]
        );
        assert_eq!(session.gap[&GapInput::WinRate].value, Some(27.5));
        assert!(matches!(
            &session.gap[&GapInput::WinRate].source,
            AnswerSource::Imported { rows_used: 120, .. }
        ));
        assert_eq!(
            session.gap[&GapInput::DealSize].value,
            Some(50_000.0),
            "typed is kept"
        );
        assert_eq!(
            applied.summary("2026-Q3", ""),
            "Saved 1 answer to 2026-Q3. For the revenue gap: win rate 27.5%."
        );
        assert!(
            !session.answers.contains_key("win_rate"),
            "not a checklist item"
        );

        let forced = apply(&report, &checklist, &mut session, true, now);
        assert_eq!(forced.gap_saved.len(), 2);
        assert_eq!(session.gap[&GapInput::DealSize].value, Some(48_500.0));
    }

    #[test]
    fn a_value_the_unit_cannot_hold_is_not_saved() {
        let checklist = Checklist::built_in();
        let report = ImportReport {
            files: Vec::new(),
            metrics: vec![
                metric("marketing_revenue_share", 130.0, MetricUnit::Percent),
                metric("lead_follow_up_rate", 62.0, MetricUnit::Percent),
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
