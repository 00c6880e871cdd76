//! A fictional company for `mcc demo`: Northwind Analytics (see `sample-data/README.md`),
//! with four saved quarters built by the real import from the sample CRM exports, which are
//! embedded in the binary so the demo works after `cargo install`. Everything is written
//! under a folder the caller passes in (a temporary one); the user's own config folder is
//! never read or written.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result};
use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};

use crate::checklist::Checklist;
use crate::checklist::answer::parse;
use crate::checklist::profile::GoToMarket;
use crate::checklist::quarter::Quarter;
use crate::checklist::session::{Agreement, AnswerSource, GapInput, Session};
use crate::import::apply::apply;
use crate::import::{ImportOptions, import_files};
use crate::store::Store;

/// The sample CRM exports, by file name.
const SAMPLES: [(&str, &[u8]); 6] = [
    (
        "salesforce-leads.csv",
        include_bytes!("../sample-data/salesforce-leads.csv"),
    ),
    (
        "salesforce-activities.csv",
        include_bytes!("../sample-data/salesforce-activities.csv"),
    ),
    (
        "salesforce-opportunities.csv",
        include_bytes!("../sample-data/salesforce-opportunities.csv"),
    ),
    (
        "hubspot-contacts.csv",
        include_bytes!("../sample-data/hubspot-contacts.csv"),
    ),
    (
        "hubspot-deals.csv",
        include_bytes!("../sample-data/hubspot-deals.csv"),
    ),
    (
        "metric-summary.csv",
        include_bytes!("../sample-data/metric-summary.csv"),
    ),
];

/// The exports each demo quarter is imported from (the first three samples).
const IMPORTED: usize = 3;

/// One demo quarter: what was typed for the items exports cannot give, the quota and revenue
/// closed, and the notes and agreement marks from the meeting.
struct Plan {
    quarter: &'static str,
    typed: [(&'static str, &'static str); 5],
    quota: &'static str,
    closed: &'static str,
    notes: &'static [(&'static str, &'static str, Agreement)],
}

/// Four quarters of a company getting better at working marketing's leads.
const PLANS: [Plan; 4] = [
    Plan {
        quarter: "2025-Q4",
        typed: [
            ("mql_to_sql_rate", "?"),
            ("pipeline_coverage", "1.8x"),
            ("ltv_to_cac", "2.1:1"),
            ("sales_marketing_sla", "no"),
            ("cmo_comp_tied_to_revenue", "no"),
        ],
        quota: "2M",
        closed: "1.49M",
        notes: &[
            (
                "marketing_pipeline_share",
                "Marketing counts partner-referred deals; sales does not",
                Agreement::Disputed,
            ),
            (
                "lead_response_time",
                "Round-robin routing starts in January",
                Agreement::Agreed,
            ),
        ],
    },
    Plan {
        quarter: "2026-Q1",
        typed: [
            ("mql_to_sql_rate", "26%"),
            ("pipeline_coverage", "2x"),
            ("ltv_to_cac", "?"),
            ("sales_marketing_sla", "partly"),
            ("cmo_comp_tied_to_revenue", "no"),
        ],
        quota: "2.2M",
        closed: "1.61M",
        notes: &[
            (
                "marketing_win_rate",
                "Two large deals slipped to Q2",
                Agreement::NotDiscussed,
            ),
            (
                "sales_marketing_sla",
                "Draft agreement shared by Priya; not tracked yet",
                Agreement::Agreed,
            ),
        ],
    },
    Plan {
        quarter: "2026-Q2",
        typed: [
            ("mql_to_sql_rate", "43%"),
            ("pipeline_coverage", "2.6x"),
            ("ltv_to_cac", "2.8x"),
            ("sales_marketing_sla", "partly"),
            ("cmo_comp_tied_to_revenue", "partly"),
        ],
        quota: "2.8M",
        closed: "2.79M",
        notes: &[
            (
                "mql_to_sql_rate",
                "New lead definition agreed in April",
                Agreement::Agreed,
            ),
            ("marketing_revenue_share", "", Agreement::Disputed),
        ],
    },
    Plan {
        quarter: "2026-Q3",
        typed: [
            ("mql_to_sql_rate", "52%"),
            ("pipeline_coverage", "3.1x"),
            ("ltv_to_cac", "3.4x"),
            ("sales_marketing_sla", "yes"),
            ("cmo_comp_tied_to_revenue", "partly"),
        ],
        quota: "3.2M",
        closed: "2.84M",
        notes: &[
            (
                "lead_response_time",
                "Median is 18 min; a few very slow answers pull the average up",
                Agreement::Agreed,
            ),
            (
                "cmo_comp_tied_to_revenue",
                "CEO to move part of the CMO bonus to revenue next year",
                Agreement::Agreed,
            ),
            (
                "marketing_pipeline_share",
                "Source mapping agreed with marketing ops",
                Agreement::Agreed,
            ),
        ],
    },
];

/// Where the demo was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoPaths {
    /// The demo's config folder: open a [`Store`] on it.
    pub config_dir: PathBuf,
    /// The folder holding the sample CRM exports.
    pub samples_dir: PathBuf,
    /// Every sample export written, for the import screen to offer.
    pub sample_files: Vec<PathBuf>,
    /// The quarters saved, oldest first.
    pub quarters: Vec<Quarter>,
    /// The date the demo runs as: the day the sample exports were taken (5 October 2026).
    pub today: NaiveDate,
}

/// Writes the sample exports to `<dir>/sample-data/` and four saved quarters (2025-Q4 to
/// 2026-Q3) to the config folder `<dir>/config/`, importing each from the samples with the
/// real import and adding typed answers, notes, agreement marks, the revenue-gap inputs and a
/// go-to-market profile. Nothing outside `dir` is touched.
pub fn prepare(dir: &Path) -> Result<DemoPaths> {
    let samples_dir = dir.join("sample-data");
    fs::create_dir_all(&samples_dir)
        .with_context(|| format!("could not create {}", samples_dir.display()))?;
    let mut sample_files = Vec::new();
    for (name, bytes) in SAMPLES {
        let path = samples_dir.join(name);
        fs::write(&path, bytes).with_context(|| format!("could not write {}", path.display()))?;
        sample_files.push(path);
    }
    let config_dir = dir.join("config");
    let store = Store::open(&config_dir)?;
    let checklist = Checklist::built_in();
    let mut quarters = Vec::new();
    for plan in &PLANS {
        let session = quarter(plan, &checklist, &sample_files[..IMPORTED])?;
        store.save(&store.lock(session.quarter)?, &session)?;
        quarters.push(session.quarter);
    }
    Ok(DemoPaths {
        config_dir,
        samples_dir,
        sample_files,
        quarters,
        today: NaiveDate::from_ymd_opt(2026, 10, 5).expect("a valid date"),
    })
}

/// One demo quarter, as if its meeting took place the week after it ended.
fn quarter(plan: &Plan, checklist: &Checklist, files: &[PathBuf]) -> Result<Session> {
    let quarter: Quarter = plan.quarter.parse()?;
    let at = |days: u64, hour: u32| -> DateTime<Utc> {
        let day = quarter.end_exclusive() + Days::new(days);
        let time = day.and_hms_opt(hour, 0, 0).expect("a valid time");
        Utc.from_utc_datetime(&time)
    };
    let mut session = Session::new(quarter, at(2, 9));
    session.set_go_to_market(Some(GoToMarket::Inbound), at(2, 9));
    let options = ImportOptions {
        quarter: Some(quarter),
        ..ImportOptions::default()
    };
    let report = import_files(files, &options, &|_| {}, &AtomicBool::new(false))
        .with_context(|| format!("the demo import for {quarter} failed"))?;
    apply(&report, checklist, &mut session, false, at(2, 10));
    for answer in session.answers.values_mut().chain(session.gap.values_mut()) {
        if let AnswerSource::Imported { files, .. } = &mut answer.source {
            for file in files.iter_mut() {
                let name = Path::new(file.as_str()).file_name();
                *file = name.map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
            }
        }
    }
    for (id, text) in plan.typed {
        let item = checklist.item(id).expect("demo items are on the checklist");
        session.record_typed(id, parse(item.unit, text)?, text, at(2, 11));
    }
    for (input, text) in [
        (GapInput::Quota, plan.quota),
        (GapInput::Closed, plan.closed),
    ] {
        session.record_gap_typed(input, parse(input.unit(), text)?, text, at(2, 11));
    }
    for (id, note, agreement) in plan.notes {
        session.set_note(id, note, at(3, 15))?;
        session.set_agreement(id, *agreement, at(3, 15));
    }
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Scorecard;
    use crate::report::gap::RevenueGap;

    #[test]
    fn prepare_writes_four_varied_quarters_and_the_samples_inside_the_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        let demo = prepare(dir.path()).unwrap();
        assert_eq!(demo.config_dir, dir.path().join("config"));
        assert_eq!(
            demo.quarters
                .iter()
                .map(|q| q.to_string())
                .collect::<Vec<_>>(),
            ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
        );
        assert_eq!(demo.sample_files.len(), SAMPLES.len());
        for path in &demo.sample_files {
            assert!(path.starts_with(&demo.samples_dir), "{}", path.display());
            assert!(fs::metadata(path).unwrap().len() > 100);
        }
        assert_eq!(
            Quarter::last_finished(demo.today).to_string(),
            "2026-Q3",
            "the home screen starts on the last demo quarter"
        );

        let store = Store::open(&demo.config_dir).unwrap();
        let sessions = store.sessions().unwrap();
        assert_eq!(sessions.len(), 4);
        let checklist = Checklist::built_in();
        for session in &sessions {
            assert_eq!(
                session.answered_count(&checklist),
                checklist.items.len(),
                "{}",
                session.quarter
            );
            assert_eq!(session.go_to_market, Some(GoToMarket::Inbound));
            let gap = RevenueGap::new(
                &checklist.for_session(session, &Default::default()),
                session,
            );
            assert!(
                gap.leads_needed.is_some(),
                "{}: {}",
                session.quarter,
                gap.sentence
            );
            assert!(
                !gap.fixes.is_empty(),
                "{}: response time is slow in every quarter",
                session.quarter
            );
            assert!(!session.notes.is_empty());
        }
        let value = |s: &Session, id: &str| s.answer(id).and_then(|a| a.value);
        let response: Vec<Option<f64>> = sessions
            .iter()
            .map(|s| value(s, "lead_response_time"))
            .collect();
        assert!(
            response.windows(2).all(|w| w[1] < w[0]),
            "answered faster each quarter: {response:?}"
        );
        assert_eq!(
            sessions
                .iter()
                .map(|s| value(s, "sales_marketing_sla"))
                .collect::<Vec<_>>(),
            [Some(0.0), Some(0.5), Some(0.5), Some(1.0)]
        );
        assert_eq!(
            value(&sessions[0], "mql_to_sql_rate"),
            None,
            "unknown in 2025-Q4"
        );
        let cards: Vec<_> = sessions
            .iter()
            .map(|s| Scorecard::new(&checklist, s).summary)
            .collect();
        assert!(cards[3].good > cards[0].good, "{cards:?}");
        assert!(
            cards.iter().all(|c| c.poor + c.watch > 0),
            "every quarter has something to discuss"
        );
        let imported = sessions[3].answer("marketing_pipeline_share").unwrap();
        assert_eq!(
            imported.source,
            AnswerSource::Imported {
                files: vec!["salesforce-opportunities.csv".into()],
                rows_used: match &imported.source {
                    AnswerSource::Imported { rows_used, .. } => *rows_used,
                    AnswerSource::Typed => 0,
                },
            },
            "file names, not temporary paths"
        );
        assert!(
            sessions[3].gap.contains_key(&GapInput::WinRate),
            "imported for the gap"
        );

        let mut entries: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        entries.sort();
        assert_eq!(entries, ["config", "sample-data"]);
    }
}
