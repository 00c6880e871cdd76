//! From counters to metrics: each value with its working (rows read, used, left out by reason, the
//! formula in words with the numbers that went in) and the plain-English notes a VP should hear.

use std::collections::BTreeMap;

use crate::checklist::Unit;
use crate::checklist::answer::format_value;
use crate::checklist::quarter::Quarter;

use super::report::{MetricReport, Working};
use super::sources::SourceClass;
use super::summary::{self, MetricDef};
use super::tally::{LeadTally, OppTally, SummaryEntry};
use super::text::{count, money, percent};

/// How one file fed a group of metrics.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileUse {
    /// File name as given.
    pub name: String,
    /// Rows read.
    pub rows_read: u64,
    /// Rows left out, by reason text.
    pub left_out: BTreeMap<String, u64>,
    /// Bad rows.
    pub bad: u64,
}

/// Where lead response times came from.
#[derive(Debug, Clone)]
pub(crate) enum ResponseBasis {
    /// A first-response column.
    Column {
        /// Created header.
        created: String,
        /// First response header.
        response: String,
    },
    /// The earliest activity in activities exports.
    Activities {
        /// Created header.
        created: String,
        /// Activities files.
        files: Vec<String>,
    },
}

/// Where opportunities came from.
#[derive(Debug, Clone)]
pub(crate) enum OppBasis {
    /// Opportunities exports, with the created and close headers used for the quarter.
    Files {
        /// Created header, if any.
        created: Option<String>,
        /// Close date header, if any.
        close: Option<String>,
    },
    /// Converted-opportunity columns on lead rows.
    LeadRows,
}

/// Everything the metrics are computed from.
#[derive(Debug, Clone)]
pub(crate) struct Inputs {
    /// The quarter filtered on, if any.
    pub quarter: Option<Quarter>,
    /// Files with leads.
    pub lead_files: Vec<FileUse>,
    /// Lead counters (response times already joined from activities when used).
    pub lead: LeadTally,
    /// Leads in files that have a converted column.
    pub leads_with_converted_column: u64,
    /// The converted header of the first leads file that has one.
    pub converted_header: Option<String>,
    /// Where response times came from.
    pub response: Option<ResponseBasis>,
    /// Files with opportunities.
    pub opp_files: Vec<FileUse>,
    /// Opportunity counters.
    pub opp: OppTally,
    /// Where opportunities came from.
    pub opp_basis: Option<OppBasis>,
    /// Amount header.
    pub amount_header: String,
    /// Source labels on leads: label -> (class, rows).
    pub lead_labels: BTreeMap<String, (SourceClass, u64)>,
    /// Source labels on opportunities.
    pub opp_labels: BTreeMap<String, (SourceClass, u64)>,
    /// Activities files and what happened to their rows: (matched, before created, not in leads).
    pub activities: Option<(u64, u64, u64)>,
    /// Lead rows whose id repeats an earlier one (join only).
    pub duplicate_ids: u64,
    /// Values from metric summaries: (file, entry).
    pub summary: Vec<(String, SummaryEntry)>,
    /// Opportunity columns of leads files not used because an opportunities file was given.
    pub ignored_opp_columns: Vec<String>,
    /// Notes found while gathering the inputs.
    pub notes: Vec<String>,
}

fn pct(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 * 100.0 / den as f64)
}

fn pct_amount(num: i64, den: i64) -> Option<f64> {
    (den != 0).then(|| num as f64 * 100.0 / den as f64)
}

fn cents(value: i64) -> f64 {
    value as f64 / 100.0
}

fn shown_pct(value: Option<f64>) -> String {
    value.map_or_else(|| "no value".to_string(), |v| format!("{v:.1}%"))
}

fn working(files: &[FileUse], used: u64, extra: &[(&str, u64)], formula: String) -> Working {
    let mut left_out = BTreeMap::new();
    for file in files {
        for (reason, n) in &file.left_out {
            *left_out.entry(reason.clone()).or_insert(0) += n;
        }
    }
    let bad: u64 = files.iter().map(|f| f.bad).sum();
    if bad > 0 {
        left_out.insert("bad row (see the file's bad rows)".to_string(), bad);
    }
    for &(reason, n) in extra {
        if n > 0 {
            *left_out.entry(reason.to_string()).or_insert(0) += n;
        }
    }
    Working {
        rows_read: files.iter().map(|f| f.rows_read).sum(),
        rows_used: used,
        left_out,
        formula,
    }
}

fn metric(
    def: &MetricDef,
    value: Option<f64>,
    working: Working,
    files: &[FileUse],
) -> MetricReport {
    MetricReport {
        id: def.id.to_string(),
        name: def.name.to_string(),
        value: value.filter(|v| v.is_finite()),
        unit: def.unit,
        working,
        from_files: files.iter().map(|f| f.name.clone()).collect(),
    }
}

fn names(files: &[FileUse]) -> String {
    files
        .iter()
        .map(|f| f.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Computes every metric and the notes.
pub(crate) fn build(inputs: &Inputs) -> (Vec<MetricReport>, Vec<String>) {
    let mut metrics = Vec::new();
    let mut notes = inputs.notes.clone();
    lead_metrics(inputs, &mut metrics, &mut notes);
    opp_metrics(inputs, &mut metrics, &mut notes);
    summary_values(inputs, &mut metrics, &mut notes);
    (metrics, notes)
}

fn none_working(what: &str) -> Working {
    Working {
        formula: format!("not computed: no {what} was imported"),
        ..Working::default()
    }
}

fn lead_metrics(inputs: &Inputs, metrics: &mut Vec<MetricReport>, notes: &mut Vec<String>) {
    let files = &inputs.lead_files;
    let ids = [
        "lead_count",
        "lead_response_time",
        "lead_response_time_median",
        "leads_contacted_within_5_min",
        "lead_follow_up_rate",
        "lead_to_opportunity_rate",
    ];
    let Some(response) = inputs.response.as_ref().filter(|_| !files.is_empty()) else {
        for id in ids {
            metrics.push(metric(
                summary::computed(id),
                None,
                none_working("leads export"),
                &[],
            ));
        }
        return;
    };
    let lead = &inputs.lead;
    let leads = lead.leads;
    let from = names(files);
    let scope = match (inputs.quarter, response) {
        (
            Some(q),
            ResponseBasis::Column { created, .. } | ResponseBasis::Activities { created, .. },
        ) => {
            format!("created in {q} (by \"{created}\")")
        }
        (None, _) => "of any date".to_string(),
    };
    let (contact_words, mean_words) = match response {
        ResponseBasis::Column { created, response } => (
            format!("leads with a \"{response}\""),
            format!("from \"{created}\" to \"{response}\""),
        ),
        ResponseBasis::Activities { created, files } => (
            format!(
                "leads with an activity in {} at or after creation",
                files.join(", ")
            ),
            format!(
                "from \"{created}\" to the earliest activity in {} at or after it",
                files.join(", ")
            ),
        ),
    };
    let never = leads.saturating_sub(lead.contacted);
    let delays = &lead.delays;
    let not_timed = lead.contacted.saturating_sub(delays.n);

    metrics.push(metric(
        summary::computed("lead_count"),
        Some(leads as f64),
        working(
            files,
            leads,
            &[],
            format!("count of leads {scope} in {from}"),
        ),
        files,
    ));
    let response_left = [
        ("never contacted", never),
        ("contacted, time not read", not_timed),
    ];
    let mean = delays.mean_minutes();
    metrics.push(metric(
        summary::computed("lead_response_time"),
        mean,
        working(
            files,
            delays.n,
            &response_left,
            format!(
                "mean minutes {mean_words}, over {} contacted leads {scope}",
                count(delays.n)
            ),
        ),
        files,
    ));
    let median = delays.median_minutes();
    metrics.push(metric(
        summary::computed("lead_response_time_median"),
        median,
        working(
            files,
            delays.n,
            &response_left,
            format!(
                "median minutes {mean_words}, over {} contacted leads {scope}",
                count(delays.n)
            ),
        ),
        files,
    ));
    metrics.push(metric(
        summary::computed("leads_contacted_within_5_min"),
        pct(delays.within_5, leads),
        working(
            files,
            leads,
            &[],
            format!(
                "leads answered within 5 minutes of creation ÷ all leads {scope} × 100: {} ÷ {}",
                count(delays.within_5),
                count(leads)
            ),
        ),
        files,
    ));
    metrics.push(metric(
        summary::computed("lead_follow_up_rate"),
        pct(lead.contacted, leads),
        working(
            files,
            leads,
            &[],
            format!(
                "{contact_words} ÷ all leads {scope} × 100: {} ÷ {}",
                count(lead.contacted),
                count(leads)
            ),
        ),
        files,
    ));
    let conversion = match &inputs.converted_header {
        Some(header) => (
            pct(lead.converted, inputs.leads_with_converted_column),
            format!(
                "leads marked converted in \"{header}\" ÷ all leads {scope} × 100: {} ÷ {}",
                count(lead.converted),
                count(inputs.leads_with_converted_column)
            ),
        ),
        None => (
            None,
            "not computed: the leads export has no converted column (map one with --map \"Your Header=converted\")"
                .to_string(),
        ),
    };
    metrics.push(metric(
        summary::computed("lead_to_opportunity_rate"),
        conversion.0,
        working(files, inputs.leads_with_converted_column, &[], conversion.1),
        files,
    ));

    // Notes.
    if leads > 0 && never > 0 {
        let share = percent(never as f64 * 100.0 / leads as f64);
        let leads_word = if never == 1 { "lead" } else { "leads" };
        let verb = if never == 1 { "was" } else { "were" };
        notes.push(match response {
            ResponseBasis::Activities { .. } => {
                format!(
                    "{} {leads_word} ({share}) had no activity at all.",
                    count(never)
                )
            }
            ResponseBasis::Column { response, .. } => format!(
                "{} {leads_word} ({share}) {verb} never contacted (\"{response}\" is blank).",
                count(never)
            ),
        });
    }
    if let (Some(mean), Some(median)) = (mean, median)
        && median > 0.0
        && mean > 2.0 * median
    {
        notes.push(format!(
            "The average response time ({}) is {:.0}x the median ({}): a few very slow responses pull the average up; the median is what a typical lead waits.",
            format_value(Unit::Minutes, mean),
            mean / median,
            format_value(Unit::Minutes, median)
        ));
    }
    if lead.date_only_responses > 0 {
        notes.push(format!(
            "{} first responses have a date but no time, so their response time is counted from midnight.",
            count(lead.date_only_responses)
        ));
    }
    if let Some((_, before, missing)) = inputs.activities {
        if before > 0 {
            notes.push(format!(
                "{} activities happened before their lead was created and were not counted as responses.",
                count(before)
            ));
        }
        if missing > 0 {
            notes.push(format!(
                "{} activities are about leads that are not in the leads export.",
                count(missing)
            ));
        }
    }
    if inputs.duplicate_ids > 0 {
        notes.push(format!(
            "{} lead rows repeat a lead id seen earlier; activities were matched to the first row with that id.",
            count(inputs.duplicate_ids)
        ));
    }
    if inputs.opp_basis.is_none() || matches!(inputs.opp_basis, Some(OppBasis::LeadRows)) {
        label_notes(&inputs.lead_labels, "leads", notes);
    }
}

fn opp_metrics(inputs: &Inputs, metrics: &mut Vec<MetricReport>, notes: &mut Vec<String>) {
    let ids = [
        "opportunity_count",
        "pipeline_amount",
        "marketing_pipeline_share",
        "marketing_revenue_share",
        "win_rate",
        "marketing_win_rate",
        "other_win_rate",
        "average_deal_size",
    ];
    let files = &inputs.opp_files;
    let Some(basis) = inputs.opp_basis.as_ref().filter(|_| !files.is_empty()) else {
        for id in ids {
            metrics.push(metric(
                summary::computed(id),
                None,
                none_working("opportunities export"),
                &[],
            ));
        }
        return;
    };
    let o = &inputs.opp;
    let (m, x, u) = (
        SourceClass::Marketing as usize,
        SourceClass::Other as usize,
        SourceClass::Unknown as usize,
    );
    let from = names(files);
    let scope = match (inputs.quarter, basis) {
        (Some(q), OppBasis::Files { created, close }) => {
            let by = match (created, close) {
                (Some(c), Some(d)) => format!("\"{c}\" or \"{d}\""),
                (Some(c), None) => format!("\"{c}\""),
                (None, Some(d)) => format!("\"{d}\""),
                (None, None) => "no date".to_string(),
            };
            format!(
                "created or closed in {q} (by {by}; an opportunity counts when either date is in the quarter)"
            )
        }
        (Some(q), OppBasis::LeadRows) => format!("on leads created in {q}"),
        (None, _) => "of any date".to_string(),
    };
    let what = match basis {
        OppBasis::Files { .. } => "opportunities",
        OppBasis::LeadRows => "converted-opportunity rows",
    };
    let with_amount: u64 = o.with_amount.iter().sum();
    let total: i64 = o.amount.iter().sum();
    let won_total: i64 = o.won_amount.iter().sum();
    let won_with_amount: u64 = o.won_with_amount.iter().sum();
    let won: u64 = o.won.iter().sum();
    let lost: u64 = o.lost.iter().sum();
    let open: u64 = o.open.iter().sum();
    let amount = &inputs.amount_header;

    metrics.push(metric(
        summary::computed("opportunity_count"),
        Some(o.count as f64),
        working(
            files,
            o.count,
            &[],
            format!("count of {what} {scope} in {from}"),
        ),
        files,
    ));
    let no_amount = [("no amount", o.no_amount)];
    metrics.push(metric(
        summary::computed("pipeline_amount"),
        (o.count > 0).then(|| cents(total)),
        working(
            files,
            with_amount,
            &no_amount,
            format!(
                "sum of \"{amount}\" over {} {what} with an amount {scope}, open and closed: {}",
                count(with_amount),
                money(cents(total))
            ),
        ),
        files,
    ));
    metrics.push(metric(
        summary::computed("marketing_pipeline_share"),
        pct_amount(o.amount[m], total),
        working(
            files,
            with_amount,
            &no_amount,
            format!(
                "amount from marketing sources ÷ all amount × 100: {} ÷ {} (other sources {}, unknown or blank source {})",
                money(cents(o.amount[m])),
                money(cents(total)),
                money(cents(o.amount[x])),
                money(cents(o.amount[u]))
            ),
        ),
        files,
    ));
    let no_won_amount = [
        ("not closed won", o.count - won),
        ("won without an amount", won - won_with_amount),
    ];
    metrics.push(metric(
        summary::computed("marketing_revenue_share"),
        pct_amount(o.won_amount[m], won_total),
        working(
            files,
            won_with_amount,
            &no_won_amount,
            format!(
                "closed-won amount from marketing sources ÷ all closed-won amount × 100: {} ÷ {} (other {}, unknown source {})",
                money(cents(o.won_amount[m])),
                money(cents(won_total)),
                money(cents(o.won_amount[x])),
                money(cents(o.won_amount[u]))
            ),
        ),
        files,
    ));
    metrics.push(metric(
        summary::computed("win_rate"),
        pct(won, won + lost),
        working(
            files,
            won + lost,
            &[("still open", open)],
            format!(
                "won ÷ closed (won + lost) × 100, counting {what}: {} ÷ {}",
                count(won),
                count(won + lost)
            ),
        ),
        files,
    ));
    for (id, k, label, rest) in [
        (
            "marketing_win_rate",
            m,
            "marketing-sourced",
            "not marketing-sourced",
        ),
        (
            "other_win_rate",
            x,
            "non-marketing-sourced",
            "marketing or unknown source",
        ),
    ] {
        let closed = o.won[k] + o.lost[k];
        let elsewhere = (won + lost) - closed;
        metrics.push(metric(
            summary::computed(id),
            pct(o.won[k], closed),
            working(
                files,
                closed,
                &[("still open", open), (rest, elsewhere)],
                format!(
                    "won ÷ closed among {label} {what} × 100: {} ÷ {} ({} closed with an unknown or blank source are in neither group)",
                    count(o.won[k]),
                    count(closed),
                    count(o.won[u] + o.lost[u])
                ),
            ),
            files,
        ));
    }
    metrics.push(metric(
        summary::computed("average_deal_size"),
        (won_with_amount > 0).then(|| cents(won_total) / won_with_amount as f64),
        working(
            files,
            won_with_amount,
            &no_won_amount,
            format!(
                "closed-won \"{amount}\" ÷ closed-won {what} with an amount: {} ÷ {}",
                money(cents(won_total)),
                count(won_with_amount)
            ),
        ),
        files,
    ));

    if total > 0 && o.amount[u] > 0 {
        notes.push(format!(
            "{} of pipeline ({} of {}) has no source or one in neither list: ask marketing to fix attribution.",
            percent(o.amount[u] as f64 * 100.0 / total as f64),
            money(cents(o.amount[u])),
            money(cents(total))
        ));
    }
    if o.linked > 0 {
        notes.push(format!(
            "{} opportunities had no source of their own and took their lead's source through the lead id.",
            count(o.linked)
        ));
    }
    let (pipe, rev) = (
        pct_amount(o.amount[m], total),
        pct_amount(o.won_amount[m], won_total),
    );
    if let (Some(p), Some(r)) = (pipe, rev)
        && p >= 10.0
        && r < p * 0.75
    {
        notes.push(format!(
            "Marketing brings {} of pipeline but only {} of closed-won revenue: marketing deals close less often or smaller.",
            shown_pct(pipe),
            shown_pct(rev)
        ));
    }
    for file in &inputs.ignored_opp_columns {
        notes.push(format!(
            "The opportunity columns in {file} were not used because an opportunities export was given."
        ));
    }
    match basis {
        OppBasis::Files { .. } => label_notes(&inputs.opp_labels, "opportunities", notes),
        OppBasis::LeadRows => {}
    }
}

/// Which labels counted as what, and which were in neither list.
fn label_notes(labels: &BTreeMap<String, (SourceClass, u64)>, rows: &str, notes: &mut Vec<String>) {
    let listed = |class: SourceClass| -> Vec<(&String, u64)> {
        let mut found: Vec<(&String, u64)> = labels
            .iter()
            .filter(|(label, (c, _))| *c == class && !label.trim().is_empty())
            .map(|(label, (_, n))| (label, *n))
            .collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        found
    };
    let join = |found: &[(&String, u64)]| -> String {
        let mut text = found
            .iter()
            .take(8)
            .map(|(label, n)| format!("{label} ({})", count(*n)))
            .collect::<Vec<_>>()
            .join(", ");
        if found.len() > 8 {
            text.push_str(&format!(" and {} more", found.len() - 8));
        }
        text
    };
    let marketing = listed(SourceClass::Marketing);
    let other = listed(SourceClass::Other);
    if !marketing.is_empty() || !other.is_empty() {
        let none = || "none".to_string();
        notes.push(format!(
            "Sources counted as marketing, with {rows}: {}. Not marketing: {}.",
            if marketing.is_empty() {
                none()
            } else {
                join(&marketing)
            },
            if other.is_empty() {
                none()
            } else {
                join(&other)
            }
        ));
    }
    let unknown = listed(SourceClass::Unknown);
    if !unknown.is_empty() {
        notes.push(format!(
            "Sources in neither list, counted as unknown: {}. Add them to the marketing or non-marketing list to count them.",
            join(&unknown)
        ));
    }
    let blank = labels
        .iter()
        .filter(|(label, _)| label.trim().is_empty())
        .map(|(_, (_, n))| n)
        .sum::<u64>();
    if blank > 0 {
        notes.push(format!("Blank source on {} of the {rows}.", count(blank)));
    }
}

fn summary_values(inputs: &Inputs, metrics: &mut Vec<MetricReport>, notes: &mut Vec<String>) {
    for (file, entry) in &inputs.summary {
        let described = format!("typed in {file}, line {}: \"{}\"", entry.line, entry.text);
        let given = Working {
            rows_read: 1,
            rows_used: 1,
            left_out: BTreeMap::new(),
            formula: described,
        };
        match metrics.iter_mut().find(|m| m.id == entry.id) {
            Some(existing) if existing.value.is_some() => {
                let unit = existing.unit.checklist_unit();
                let show = |v: f64| match unit {
                    Some(unit) => format_value(unit, v),
                    None => count(v.round() as u64),
                };
                notes.push(format!(
                    "{file} gives {} = {}, but it was computed from {} ({}); the computed value is used.",
                    entry.id,
                    entry.value.map_or_else(|| "unknown".to_string(), show),
                    existing.from_files.join(", "),
                    existing.value.map_or_else(String::new, show)
                ));
            }
            Some(existing) => {
                existing.value = entry.value.filter(|v| v.is_finite());
                existing.working = given;
                existing.from_files = vec![file.clone()];
            }
            None => {
                let def = summary::find(entry.id).expect("summary ids are known metrics");
                metrics.push(MetricReport {
                    id: def.id.to_string(),
                    name: def.name.to_string(),
                    value: entry.value.filter(|v| v.is_finite()),
                    unit: def.unit,
                    working: given,
                    from_files: vec![file.clone()],
                });
            }
        }
    }
}
