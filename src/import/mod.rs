//! CSV import: reads CRM exports (leads, opportunities, activities, metric summaries) and computes
//! the checklist metrics with their working. Pure domain code: no terminal, no printing.
//!
//! - [`import_files`] runs an import; [`ImportOptions`] says how; [`ImportReport`] is what it found,
//!   shaped exactly like `mcc import --format json`.
//! - Files are streamed once with a reused `csv::ByteRecord` (twice only when slash dates need their
//!   day/month order found); memory stays flat whatever the size, except for the lead-id map that
//!   joins activities to leads. Files of 48 MiB and more are read by two threads.
//! - A bad row is never an error: it is counted and reported with its line, column and reason.
//! - Memory stays bounded whatever the file holds: a row, the header, the lead-id map and the
//!   remembered labels each have a cap (see `limits`), and reaching one stops the import with a
//!   message naming the file and line.

pub mod apply;
mod dates;
mod error;
mod fields;
mod join;
mod limits;
mod metrics;
mod options;
mod report;
mod scan;
mod sniff;
mod sources;
mod summary;
mod tally;
mod text;
mod values;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

pub use error::ImportError;
pub use fields::{Field, FileKind};
pub use options::{ColumnMapping, DateOrder, ImportOptions, OptionError};
pub use report::{BadRow, FileReport, ImportReport, MetricReport, MetricUnit, Working};
pub use sources::{SourceClass, SourceRules};
pub use text::{Encoding, count};

use dates::{DateReader, midnight};
use join::{LeadIndex, NONE};
use metrics::{FileUse, Inputs, OppBasis, ResponseBasis};
use scan::{IndexMode, IndexUse, Plan, Ticker};
use sniff::{Sniffed, date_fields};
use sources::{Matcher, normalize};
use tally::{FileTally, Reason};

/// How far an import has got, reported about every 65,536 rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Bytes read so far, over all files.
    pub bytes_read: u64,
    /// Bytes in all files.
    pub bytes_total: u64,
    /// Rows read so far, over all files.
    pub rows: u64,
}

/// Imports CRM exports given in any order; `progress` is called from this thread, and setting
/// `cancel` stops the import promptly with [`ImportError::Cancelled`].
pub fn import_files(
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
) -> Result<ImportReport, ImportError> {
    import_with(paths, options, progress, cancel, scan::PARALLEL_MIN)
}

/// A file with its settled kind.
struct Entry {
    sniffed: Sniffed,
    kind: FileKind,
}

fn import_with(
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &dyn Fn(Progress),
    cancel: &AtomicBool,
    parallel_min: u64,
) -> Result<ImportReport, ImportError> {
    if paths.is_empty() {
        return Err(ImportError::NoFiles);
    }
    let mut entries = Vec::with_capacity(paths.len());
    for path in paths {
        let sniffed = sniff::sniff(path, &options.mappings)?;
        let Some(kind) = sniffed.detection.kind else {
            return Err(ImportError::UnknownKind {
                path: sniffed.path.clone(),
                headers: sniffed.headers.clone(),
            });
        };
        entries.push(Entry { sniffed, kind });
    }
    for mapping in &options.mappings {
        let wanted = normalize(&mapping.header);
        let found = entries
            .iter()
            .any(|e| e.sniffed.headers.iter().any(|h| normalize(h) == wanted));
        if !found {
            return Err(ImportError::MappedHeaderMissing {
                header: mapping.header.clone(),
                field: mapping.field,
            });
        }
    }
    let has = |pred: &dyn Fn(FileKind) -> bool| entries.iter().any(|e| pred(e.kind));
    let has_leads = has(&FileKind::has_leads);
    let has_activities = has(&|k| k == FileKind::Activities);
    let has_opp_files = has(&|k| k == FileKind::Opportunities);
    if !has_leads && let Some(e) = entries.iter().find(|e| e.kind == FileKind::Activities) {
        return Err(ImportError::NeedsLeads {
            path: e.sniffed.path.clone(),
        });
    }
    let leads_with_ids = entries
        .iter()
        .any(|e| e.kind.has_leads() && e.sniffed.detection.layout.get(Field::Id).is_some());
    let link = leads_with_ids
        && entries.iter().any(|e| {
            e.kind == FileKind::Opportunities
                && e.sniffed.detection.layout.get(Field::LeadId).is_some()
        });
    let window = match options.quarter {
        Some(q) if !options.all_dates => {
            Some((midnight(q.first_day()), midnight(q.end_exclusive())))
        }
        _ => None,
    };
    for e in &entries {
        check_required(e, has_activities, leads_with_ids, window.is_some())?;
    }

    let matcher = Matcher::new(&options.marketing_sources);
    let mut ticker = Ticker {
        report: progress,
        cancel,
        bytes_total: entries.iter().map(|e| e.sniffed.size).sum(),
        bytes_done: 0,
        rows_done: 0,
    };
    let mut index = (has_activities || link).then(LeadIndex::default);
    let index_mode = if link {
        IndexMode::All
    } else if has_activities {
        IndexMode::InWindow
    } else {
        IndexMode::Off
    };
    let stage = |k: FileKind| match k {
        FileKind::Leads | FileKind::LeadsWithOpportunities => 0,
        FileKind::Activities => 1,
        FileKind::Opportunities => 2,
        FileKind::MetricSummary => 3,
    };
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| stage(entries[i].kind));

    let mut tallies: Vec<Option<FileTally>> = (0..entries.len()).map(|_| None).collect();
    for &i in &order {
        let e = &entries[i];
        let mut layout = e.sniffed.detection.layout.clone();
        let opp_part = e.kind == FileKind::LeadsWithOpportunities && !has_opp_files;
        if e.kind == FileKind::LeadsWithOpportunities && has_opp_files {
            for field in [Field::Amount, Field::Stage, Field::Won, Field::Closed] {
                layout.clear(field);
            }
        }
        let dates = DateReader {
            order: settle_order(e, options, &ticker)?,
            format: options.date_format.clone(),
        };
        let plan = Plan {
            file: &e.sniffed,
            kind: e.kind,
            layout,
            dates,
            window,
            opp_part,
            response_from_column: !has_activities,
            index_mode: if e.kind.has_leads() {
                index_mode
            } else {
                IndexMode::Off
            },
            require_id: has_activities,
            matcher: &matcher,
            parallel_min,
        };
        let index_use = match (&mut index, e.kind) {
            (Some(index), k) if k.has_leads() => IndexUse::Build(index),
            (Some(index), FileKind::Activities) => IndexUse::Join(index),
            (Some(index), FileKind::Opportunities) => IndexUse::Link(index),
            _ => IndexUse::Off,
        };
        let mut tally = scan::scan(&plan, index_use, &ticker)?;
        finish_file(&plan, &mut tally)?;
        ticker.bytes_done += e.sniffed.size;
        ticker.rows_done += tally.rows_read;
        tallies[i] = Some(tally);
    }
    progress(Progress {
        bytes_read: ticker.bytes_total,
        bytes_total: ticker.bytes_total,
        rows: ticker.rows_done,
    });

    let tallies: Vec<FileTally> = tallies.into_iter().map(|t| t.unwrap_or_default()).collect();
    let quarter = options.quarter.filter(|_| !options.all_dates);
    let files: Vec<FileReport> = entries
        .iter()
        .zip(&tallies)
        .map(|(e, t)| file_report(e, t, quarter))
        .collect();
    let inputs = inputs(
        &entries,
        tallies,
        &files,
        index.as_ref(),
        has_activities,
        has_opp_files,
        quarter,
    );
    let (metrics, notes) = metrics::build(&inputs);
    Ok(ImportReport {
        files,
        metrics,
        notes,
    })
}

/// Fails when a file lacks a column its kind needs.
fn check_required(
    e: &Entry,
    has_activities: bool,
    leads_with_ids: bool,
    windowed: bool,
) -> Result<(), ImportError> {
    let layout = &e.sniffed.detection.layout;
    let present = |f: Field| layout.get(f).is_some();
    let missing = match e.kind {
        FileKind::Leads | FileKind::LeadsWithOpportunities => [
            (Field::Created, true),
            (Field::FirstResponse, !has_activities),
            (Field::Id, has_activities),
        ]
        .into_iter()
        .find(|&(f, needed)| needed && !present(f)),
        FileKind::Opportunities => [
            (Field::Amount, true),
            (
                Field::Stage,
                ![Field::Stage, Field::Won, Field::Status, Field::Closed]
                    .into_iter()
                    .any(present),
            ),
            (Field::Source, !(leads_with_ids && present(Field::LeadId))),
            (Field::CloseDate, windowed && !present(Field::Created)),
        ]
        .into_iter()
        .find(|&(f, needed)| needed && !present(f)),
        FileKind::Activities => [(Field::LeadId, true), (Field::ActivityTime, true)]
            .into_iter()
            .find(|&(f, needed)| needed && !present(f)),
        FileKind::MetricSummary => [(Field::Metric, true), (Field::Value, true)]
            .into_iter()
            .find(|&(f, needed)| needed && !present(f)),
    };
    match missing {
        Some((field, _)) => Err(ImportError::MissingColumn {
            path: e.sniffed.path.clone(),
            kind: e.kind,
            field,
            headers: e.sniffed.headers.clone(),
        }),
        None => Ok(()),
    }
}

/// The day/month order for a file's slash dates: given, decided by the data, or an error.
fn settle_order(
    e: &Entry,
    options: &ImportOptions,
    ticker: &Ticker,
) -> Result<Option<DateOrder>, ImportError> {
    if options.date_order.is_some() || options.date_format.is_some() {
        return Ok(options.date_order);
    }
    let mut evidence = e.sniffed.evidence.clone();
    if !evidence.slash {
        return Ok(None);
    }
    if !evidence.dmy && !evidence.mdy && !e.sniffed.complete {
        let columns: Vec<usize> = date_fields(e.kind)
            .iter()
            .filter_map(|&f| e.sniffed.detection.layout.get(f))
            .collect();
        let whole = scan::scan_evidence(&e.sniffed, &columns, ticker)?;
        evidence.dmy = whole.dmy;
        evidence.mdy = whole.mdy;
    }
    let (column, example) = evidence.example.unwrap_or_default();
    match (evidence.dmy, evidence.mdy) {
        (true, false) => Ok(Some(DateOrder::Dmy)),
        (false, true) => Ok(Some(DateOrder::Mdy)),
        _ => Err(ImportError::AmbiguousDateOrder {
            path: e.sniffed.path.clone(),
            column,
            example,
        }),
    }
}

/// End-of-file checks: trailing footers, a date column in an unknown format, no data at all.
fn finish_file(plan: &Plan, tally: &mut FileTally) -> Result<(), ImportError> {
    let footers = std::mem::take(&mut tally.pending);
    tally.left_out[Reason::Footer as usize] += footers.count;
    let slots = [
        Field::Created,
        Field::FirstResponse,
        Field::CloseDate,
        Field::ActivityTime,
    ];
    for (slot, field) in slots.into_iter().enumerate() {
        let stat = &tally.dates[slot];
        if stat.format_is_wrong()
            && let Some(column) = plan.layout.get(field)
        {
            return Err(ImportError::DateFormat {
                path: plan.file.path.clone(),
                column: plan.file.headers[column].clone(),
                example: text::shown(
                    stat.example.as_deref().unwrap_or_default(),
                    plan.file.encoding,
                ),
            });
        }
    }
    let idle = tally.left_out[Reason::Blank as usize] + tally.left_out[Reason::Footer as usize];
    if tally.rows_read == idle {
        return Err(ImportError::HeaderOnly {
            path: plan.file.path.clone(),
        });
    }
    Ok(())
}

/// Words for a left-out reason.
fn reason_text(
    reason: Reason,
    kind: FileKind,
    quarter: Option<crate::checklist::quarter::Quarter>,
) -> String {
    let q = quarter.map_or_else(|| "the quarter".to_string(), |q| q.to_string());
    match reason {
        Reason::Outside if kind == FileKind::Opportunities => {
            format!("neither created nor closed in {q}")
        }
        Reason::Outside => format!("created outside {q}"),
        Reason::NoDate => format!("no created or close date to place it in {q}"),
        Reason::Blank => "blank row".to_string(),
        Reason::Footer => "report footer (not a data row)".to_string(),
        Reason::NotInLeads => "about a lead not in the leads export".to_string(),
        Reason::LeadOutside => format!("about a lead created outside {q}"),
        Reason::BeforeCreated => "before its lead was created".to_string(),
    }
}

fn left_out(
    e: &Entry,
    t: &FileTally,
    quarter: Option<crate::checklist::quarter::Quarter>,
) -> BTreeMap<String, u64> {
    Reason::ALL
        .into_iter()
        .filter(|&r| t.left_out[r as usize] > 0)
        .map(|r| (reason_text(r, e.kind, quarter), t.left_out[r as usize]))
        .collect()
}

fn file_report(
    e: &Entry,
    t: &FileTally,
    quarter: Option<crate::checklist::quarter::Quarter>,
) -> FileReport {
    let s = &e.sniffed;
    FileReport {
        path: s.path.clone(),
        kind: e.kind,
        encoding: s.encoding,
        delimiter: char::from(s.delimiter).to_string(),
        mapping: s
            .detection
            .layout
            .pairs()
            .map(|(f, c)| (f.name().to_string(), s.headers[c].clone()))
            .collect(),
        rows_read: t.rows_read,
        rows_used: t.rows_used,
        rows_left_out: left_out(e, t, quarter),
        bad_rows: t.bad.rows.clone(),
        bad_row_count: t.bad.count,
    }
}

fn file_use(report: &FileReport) -> FileUse {
    FileUse {
        name: report.path.clone(),
        rows_read: report.rows_read,
        left_out: report.rows_left_out.clone(),
        bad: report.bad_row_count,
    }
}

fn header(e: &Entry, field: Field) -> Option<String> {
    e.sniffed
        .detection
        .layout
        .get(field)
        .map(|c| e.sniffed.headers[c].clone())
}

/// Gathers the counters of all files into what the metrics are computed from.
fn inputs(
    entries: &[Entry],
    tallies: Vec<FileTally>,
    files: &[FileReport],
    index: Option<&LeadIndex>,
    has_activities: bool,
    has_opp_files: bool,
    quarter: Option<crate::checklist::quarter::Quarter>,
) -> Inputs {
    let mut inputs = Inputs {
        quarter,
        lead_files: Vec::new(),
        lead: Default::default(),
        leads_with_converted_column: 0,
        converted_header: None,
        response: None,
        opp_files: Vec::new(),
        opp: Default::default(),
        opp_basis: None,
        amount_header: String::new(),
        lead_labels: BTreeMap::new(),
        opp_labels: BTreeMap::new(),
        activities: None,
        duplicate_ids: 0,
        summary: Vec::new(),
        ignored_opp_columns: Vec::new(),
        notes: Vec::new(),
    };
    let activity_files: Vec<String> = entries
        .iter()
        .filter(|e| e.kind == FileKind::Activities)
        .map(|e| e.sniffed.path.clone())
        .collect();
    for ((e, t), report) in entries.iter().zip(tallies).zip(files) {
        let labels: Vec<(String, SourceClass, u64)> = t
            .labels
            .iter()
            .flat_map(|cache| {
                cache
                    .labels(e.sniffed.encoding)
                    .chain(
                        [
                            SourceClass::Marketing,
                            SourceClass::Other,
                            SourceClass::Unknown,
                        ]
                        .into_iter()
                        .map(|c| ("(other labels)".to_string(), c, cache.uncached[c as usize]))
                        .filter(|x| x.2 > 0),
                    )
                    .collect::<Vec<_>>()
            })
            .collect();
        if e.kind.has_leads() {
            inputs.lead_files.push(file_use(report));
            if inputs.response.is_none() {
                let created = header(e, Field::Created).unwrap_or_default();
                inputs.response = Some(if has_activities {
                    ResponseBasis::Activities {
                        created,
                        files: activity_files.clone(),
                    }
                } else {
                    ResponseBasis::Column {
                        created,
                        response: header(e, Field::FirstResponse).unwrap_or_default(),
                    }
                });
            }
            if has_activities && let Some(h) = header(e, Field::FirstResponse) {
                inputs.notes.push(format!(
                    "\"{h}\" in {} was not used: the first response is the earliest activity in {}.",
                    e.sniffed.path,
                    activity_files.join(", ")
                ));
            }
            if let Some(h) = header(e, Field::Converted) {
                inputs.leads_with_converted_column += t.lead.leads;
                inputs.converted_header.get_or_insert(h);
            }
            for (label, class, n) in &labels {
                inputs
                    .lead_labels
                    .entry(label.trim().to_string())
                    .or_insert((*class, 0))
                    .1 += n;
            }
            if e.kind == FileKind::LeadsWithOpportunities {
                if has_opp_files {
                    inputs.ignored_opp_columns.push(e.sniffed.path.clone());
                } else {
                    inputs.opp_files.push(file_use(report));
                    inputs.opp_basis = Some(OppBasis::LeadRows);
                    if inputs.amount_header.is_empty() {
                        inputs.amount_header = header(e, Field::Amount).unwrap_or_default();
                    }
                }
            }
            inputs.lead.merge(t.lead);
            inputs.opp.merge(t.opp);
        } else if e.kind == FileKind::Opportunities {
            inputs.opp_files.push(file_use(report));
            if !matches!(inputs.opp_basis, Some(OppBasis::Files { .. })) {
                inputs.opp_basis = Some(OppBasis::Files {
                    created: header(e, Field::Created),
                    close: header(e, Field::CloseDate),
                });
                inputs.amount_header = header(e, Field::Amount).unwrap_or_default();
            }
            for (label, class, n) in &labels {
                inputs
                    .opp_labels
                    .entry(label.trim().to_string())
                    .or_insert((*class, 0))
                    .1 += n;
            }
            inputs.opp.merge(t.opp);
        } else if e.kind == FileKind::Activities {
            let (matched, before, missing) = inputs.activities.unwrap_or_default();
            inputs.activities = Some((
                matched + t.activities_matched,
                before + t.left_out[Reason::BeforeCreated as usize],
                missing + t.left_out[Reason::NotInLeads as usize],
            ));
        } else {
            inputs.summary.extend(
                t.summary
                    .into_iter()
                    .map(|entry| (e.sniffed.path.clone(), entry)),
            );
        }
    }
    if has_activities && let Some(index) = index {
        inputs.duplicate_ids = index.duplicates;
        let lead = &mut inputs.lead;
        lead.contacted = 0;
        lead.delays = Default::default();
        for entry in index
            .entries
            .iter()
            .filter(|e| e.in_window && e.first != NONE)
        {
            lead.contacted += 1;
            lead.delays.add(entry.first - entry.created);
        }
    }
    inputs
}
