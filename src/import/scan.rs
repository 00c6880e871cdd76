//! The streaming pass over one file: one reused `ByteRecord`, fast byte parsers first, counters
//! only (no per-row allocation), and for large files a second thread that reads the second half.
//!
//! Splitting at a byte offset is only safe at a record boundary, which quoted newlines make hard to
//! find. So the split is speculative: the second thread starts after a newline near the middle, and
//! the first thread, which reads from a known boundary, checks that one of its records ends exactly
//! there. If not (the newline was inside a quoted cell), the second half is thrown away and the
//! first thread reads on to the end, so the result is always that of a single pass.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use csv::ByteRecord;

use super::dates::{DateProblem, DateReader, Stamp};
use super::error::ImportError;
use super::fields::{ConvertedRule, Field, FileKind, Layout};
use super::join::{LeadEntry, LeadIndex, NONE};
use super::limits::{Capped, MAX_SUMMARY_ROWS, RowStart, is_row_too_long};
use super::options::DateOrder;
use super::report::BadRow;
use super::sniff::{Sniffed, builder};
use super::sources::{LabelCache, Matcher, SourceClass};
use super::summary;
use super::tally::{FileTally, Reason, SummaryEntry, class_index};
use super::text::{Encoding, decode, shown};
use super::values::{Outcome as Stage, StageCache, amount_fast, amount_slow, flag, is_no_amount};

/// Rows between progress reports and cancel checks.
const TICK: u64 = 1 << 16;
/// Files at least this big are read by two threads.
pub(crate) const PARALLEL_MIN: u64 = 48 << 20;

/// Splits that met at a record boundary, and splits abandoned (counted in tests only).
#[cfg(test)]
pub(crate) static SPLITS: [std::sync::atomic::AtomicUsize; 2] = [
    std::sync::atomic::AtomicUsize::new(0),
    std::sync::atomic::AtomicUsize::new(0),
];

/// Date column slots in `FileTally::dates`.
const CREATED: usize = 0;
const RESPONSE: usize = 1;
const CLOSE: usize = 2;
const ACTIVITY: usize = 3;

/// Which leads go into the lead index while a leads file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IndexMode {
    /// No index.
    Off,
    /// Leads in the quarter (for joining activities).
    InWindow,
    /// Every lead (opportunities link to their lead's source whenever it was created).
    All,
}

/// Everything fixed for one file's pass.
#[derive(Debug)]
pub(crate) struct Plan<'a> {
    /// The file as first seen.
    pub file: &'a Sniffed,
    /// Its kind.
    pub kind: FileKind,
    /// Its columns (possibly with some fields cleared by the caller).
    pub layout: Layout,
    /// Date rules, with the day/month order settled for this file.
    pub dates: DateReader,
    /// The quarter as [start, end) seconds, unless all dates are kept.
    pub window: Option<(i64, i64)>,
    /// A leads file's rows also count as opportunities.
    pub opp_part: bool,
    /// Lead response times come from the first-response column (not from activities).
    pub response_from_column: bool,
    /// Which leads to index.
    pub index_mode: IndexMode,
    /// Every lead in the quarter needs an id (activities are joined to leads by it).
    pub require_id: bool,
    /// Marketing source lists.
    pub matcher: &'a Matcher,
    /// Smallest file read by two threads.
    pub parallel_min: u64,
}

impl Plan<'_> {
    fn header(&self, column: usize) -> String {
        match self.file.headers.get(column) {
            Some(h) => h.clone(),
            None => "(extra columns)".to_string(),
        }
    }

    fn encoding(&self) -> Encoding {
        self.file.encoding
    }
}

/// The lead index as a pass uses it.
pub(crate) enum IndexUse<'i> {
    /// Not used.
    Off,
    /// A leads pass fills it.
    Build(&'i mut LeadIndex),
    /// An activities pass records first activities in it.
    Join(&'i mut LeadIndex),
    /// An opportunities pass reads lead sources from it.
    Link(&'i LeadIndex),
}

/// What became of one row.
enum Row {
    Used,
    LeftOut(Reason),
    Blank,
    /// The row's key cell is empty: blank row, footer or bad row, decided by the caller.
    MissingKey(usize),
    Footer(String),
    Bad(usize, String),
}

type Cols = [Option<usize>; 16];

/// Row processing for one file (or one half of it).
struct Scanner<'p, 'i> {
    plan: &'p Plan<'p>,
    cols: Cols,
    header_len: usize,
    decimal_comma: bool,
    index: IndexUse<'i>,
    tally: FileTally,
    sources: LabelCache,
    stages: StageCache,
    statuses: StageCache,
    /// Stop early when a date column's first 1,000 values are all unreadable (only for a pass
    /// that starts at the top of the file, so two threads decide exactly as one would).
    early_abort: bool,
    abort: Option<ImportError>,
}

#[inline]
fn cell(rec: &ByteRecord, column: Option<usize>) -> &[u8] {
    match column {
        Some(c) => rec.get(c).unwrap_or_default().trim_ascii(),
        None => b"",
    }
}

/// Opportunity facts read from a row before anything is counted.
struct Opp {
    cents: Option<i64>,
    stage: Stage,
}

impl<'p, 'i> Scanner<'p, 'i> {
    fn new(plan: &'p Plan<'p>, index: IndexUse<'i>, early_abort: bool) -> Self {
        let mut cols = [None; 16];
        for (field, column) in plan.layout.pairs() {
            cols[field as usize] = Some(column);
        }
        Self {
            plan,
            cols,
            header_len: plan.file.headers.len(),
            decimal_comma: plan.file.delimiter == b';',
            index,
            tally: FileTally::default(),
            sources: LabelCache::default(),
            stages: StageCache::default(),
            statuses: StageCache::default(),
            early_abort,
            abort: None,
        }
    }

    #[inline]
    fn col(&self, field: Field) -> Option<usize> {
        self.cols[field as usize]
    }

    fn finish(mut self) -> FileTally {
        self.tally.labels.push(self.sources);
        self.tally
    }

    #[inline]
    fn row(&mut self, rec: &ByteRecord, line: u64) -> Row {
        if rec.len() != self.header_len
            && let Some(row) = self.ragged(rec)
        {
            return row;
        }
        match self.plan.kind {
            FileKind::Leads | FileKind::LeadsWithOpportunities => self.lead_row(rec),
            FileKind::Opportunities => self.opp_row(rec),
            FileKind::Activities => self.activity_row(rec),
            FileKind::MetricSummary => self.summary_row(rec, line),
        }
    }

    /// Rows with too few or too many cells; `None` when the extra cells are all empty.
    #[cold]
    fn ragged(&self, rec: &ByteRecord) -> Option<Row> {
        let (n, m) = (rec.len(), self.header_len);
        if n < m {
            if is_blank(rec) {
                return Some(Row::Blank);
            }
            let reason = format!("the row has {n} of the {m} columns");
            if looks_like_footer(rec) {
                return Some(Row::Footer(reason));
            }
            return Some(Row::Bad(n, reason));
        }
        if (m..n).all(|i| rec[i].trim_ascii().is_empty()) {
            return None;
        }
        Some(Row::Bad(
            usize::MAX,
            format!(
                "the row has {n} columns but the header has {m} (a separator inside an unquoted value?)"
            ),
        ))
    }

    #[inline]
    fn date(&mut self, raw: &[u8], slot: usize, column: usize) -> Result<Stamp, Row> {
        match self.plan.dates.read(raw) {
            Ok(stamp) => {
                self.tally.dates[slot].ok += 1;
                Ok(stamp)
            }
            Err(problem) => Err(self.date_failure(raw, slot, column, problem)),
        }
    }

    #[cold]
    fn date_failure(
        &mut self,
        raw: &[u8],
        slot: usize,
        column: usize,
        problem: DateProblem,
    ) -> Row {
        let stat = &mut self.tally.dates[slot];
        stat.fail += 1;
        if stat.example.is_none() {
            stat.example = Some(raw.to_vec());
        }
        if self.early_abort && stat.ok == 0 && stat.fail >= 1000 && self.abort.is_none() {
            self.abort = Some(ImportError::DateFormat {
                path: self.plan.file.path.clone(),
                column: self.plan.header(column),
                example: shown(raw, self.plan.encoding()),
            });
        }
        let value = shown(raw, self.plan.encoding());
        let reason = match problem {
            DateProblem::Unreadable => format!("\"{value}\" is not a date mcc can read"),
            DateProblem::NeedOrder => {
                format!("\"{value}\" could be day/month or month/day; use --date-order dmy or mdy")
            }
            DateProblem::WrongOrder => {
                let order = match self.plan.dates.order {
                    Some(DateOrder::Mdy) => "month/day/year",
                    _ => "day/month/year",
                };
                format!("\"{value}\" is not a {order} date like the rest of the file")
            }
        };
        Row::Bad(column, reason)
    }

    #[inline]
    fn classify(&mut self, raw: &[u8]) -> SourceClass {
        self.sources
            .classify(raw, self.plan.matcher, self.plan.encoding())
    }

    #[inline]
    fn in_window(&self, secs: i64) -> bool {
        match self.plan.window {
            Some((start, end)) => secs >= start && secs < end,
            None => true,
        }
    }

    fn lead_row(&mut self, rec: &ByteRecord) -> Row {
        let c_created = self.col(Field::Created);
        let created_raw = cell(rec, c_created);
        let Some(c_created) = c_created.filter(|_| !created_raw.is_empty()) else {
            return Row::MissingKey(c_created.unwrap_or(0));
        };
        let created = match self.date(created_raw, CREATED, c_created) {
            Ok(stamp) => stamp.secs,
            Err(row) => return row,
        };
        let in_window = self.in_window(created);
        if !in_window {
            if self.plan.index_mode == IndexMode::All {
                let raw = cell(rec, self.col(Field::Source));
                let class = self.classify(raw);
                self.sources.uncount(raw, class);
                let id = cell(rec, self.col(Field::Id));
                self.index_lead(
                    id,
                    LeadEntry {
                        created,
                        first: NONE,
                        class,
                        in_window,
                    },
                );
            }
            return Row::LeftOut(Reason::Outside);
        }
        let id = cell(rec, self.col(Field::Id));
        if self.plan.require_id && id.is_empty() {
            let column = self.col(Field::Id).unwrap_or(0);
            return Row::Bad(
                column,
                format!(
                    "\"{}\" is blank, so activities cannot be matched to this lead",
                    self.plan.header(column)
                ),
            );
        }
        // First response.
        let mut contacted = false;
        let mut delay = None;
        let mut date_only = false;
        if self.plan.response_from_column
            && let Some(c) = self.col(Field::FirstResponse)
        {
            let raw = cell(rec, Some(c));
            if !raw.is_empty() {
                contacted = true;
                let response = match self.date(raw, RESPONSE, c) {
                    Ok(stamp) => stamp,
                    Err(row) => return row,
                };
                let d = response.secs - created;
                if d < 0 {
                    return Row::Bad(
                        c,
                        format!(
                            "first response \"{}\" is before created \"{}\"",
                            shown(raw, self.plan.encoding()),
                            shown(created_raw, self.plan.encoding())
                        ),
                    );
                }
                date_only = response.date_only;
                delay = Some(d);
            }
        }
        // Converted.
        let converted = match self.col(Field::Converted) {
            None => false,
            Some(c) => {
                let raw = cell(rec, Some(c));
                match self.plan.layout.converted {
                    _ if raw.is_empty() => false,
                    ConvertedRule::NonBlank => true,
                    ConvertedRule::Flag => match flag(raw) {
                        Some(v) => v,
                        None => return self.not_a_flag(raw, c),
                    },
                    ConvertedRule::Count => match std::str::from_utf8(raw)
                        .ok()
                        .and_then(|t| t.parse::<f64>().ok())
                    {
                        Some(v) => v > 0.0,
                        None => {
                            return Row::Bad(
                                c,
                                format!("\"{}\" is not a number", shown(raw, self.plan.encoding())),
                            );
                        }
                    },
                }
            }
        };
        let opp = if self.plan.opp_part {
            match self.opp_facts(rec) {
                Ok(opp) => opp,
                Err(row) => return row,
            }
        } else {
            None
        };
        // Everything is readable: count it.
        let class = self.classify(cell(rec, self.col(Field::Source)));
        let lead = &mut self.tally.lead;
        lead.leads += 1;
        lead.by_class[class_index(class)] += 1;
        if contacted {
            lead.contacted += 1;
        }
        if let Some(d) = delay {
            lead.delays.add(d);
            if date_only {
                lead.date_only_responses += 1;
            }
        }
        if converted {
            lead.converted += 1;
        }
        if let Some(opp) = opp {
            self.count_opp(&opp, class, false);
        }
        self.index_lead(
            id,
            LeadEntry {
                created,
                first: NONE,
                class,
                in_window,
            },
        );
        Row::Used
    }

    /// Puts a lead into the index being built; stops the import when the index is full.
    #[inline]
    fn index_lead(&mut self, id: &[u8], entry: LeadEntry) {
        let IndexUse::Build(index) = &mut self.index else {
            return;
        };
        if id.is_empty() {
            return;
        }
        if index.is_full() {
            if self.abort.is_none() {
                self.abort = Some(ImportError::TooManyLeads {
                    path: self.plan.file.path.clone(),
                });
            }
            return;
        }
        index.insert(id, entry);
    }

    #[cold]
    fn not_a_flag(&self, raw: &[u8], column: usize) -> Row {
        Row::Bad(
            column,
            format!(
                "\"{}\" is not yes/no (use 1/0, true/false or yes/no)",
                shown(raw, self.plan.encoding())
            ),
        )
    }

    /// Amount and stage of a row's opportunity; `None` when the row has none.
    #[inline]
    fn opp_facts(&mut self, rec: &ByteRecord) -> Result<Option<Opp>, Row> {
        let c_amount = self.col(Field::Amount);
        let amount_raw = cell(rec, c_amount);
        let stage_raw = cell(rec, self.col(Field::Stage));
        // A leads file's status is the lead's, not the deal's.
        let status_raw = match self.plan.kind {
            FileKind::Opportunities => cell(rec, self.col(Field::Status)),
            _ => b"",
        };
        let won_raw = cell(rec, self.col(Field::Won));
        let closed_raw = cell(rec, self.col(Field::Closed));
        if self.plan.kind == FileKind::LeadsWithOpportunities
            && amount_raw.is_empty()
            && stage_raw.is_empty()
            && won_raw.is_empty()
        {
            return Ok(None);
        }
        let cents = if amount_raw.is_empty() || is_no_amount(amount_raw) {
            None
        } else {
            match amount_fast(amount_raw).or_else(|| amount_slow(amount_raw, self.decimal_comma)) {
                Some(cents) => Some(cents),
                None => {
                    return Err(Row::Bad(
                        c_amount.unwrap_or(0),
                        format!(
                            "\"{}\" is not an amount",
                            shown(amount_raw, self.plan.encoding())
                        ),
                    ));
                }
            }
        };
        let read_flag = |raw: &[u8], field: Field, me: &Self| -> Result<Option<bool>, Row> {
            if raw.is_empty() {
                return Ok(None);
            }
            flag(raw)
                .map(Some)
                .ok_or_else(|| me.not_a_flag(raw, me.col(field).unwrap_or(0)))
        };
        let won = read_flag(won_raw, Field::Won, self)?;
        let closed = read_flag(closed_raw, Field::Closed, self)?;
        let base = if !status_raw.is_empty() {
            let by_status = self.statuses.outcome(status_raw);
            if by_status == Stage::Open && !stage_raw.is_empty() {
                self.stages.outcome(stage_raw)
            } else {
                by_status
            }
        } else if !stage_raw.is_empty() {
            self.stages.outcome(stage_raw)
        } else {
            Stage::Open
        };
        let stage = match (won, closed) {
            (Some(true), _) => Stage::Won,
            (Some(false), Some(true)) => Stage::Lost,
            (_, Some(false)) => Stage::Open,
            (Some(false), None) if base == Stage::Won => Stage::Lost,
            (None, Some(true)) if base == Stage::Open => Stage::Lost,
            _ => base,
        };
        Ok(Some(Opp { cents, stage }))
    }

    #[inline]
    fn count_opp(&mut self, opp: &Opp, class: SourceClass, linked: bool) {
        let t = &mut self.tally.opp;
        let k = class_index(class);
        t.count += 1;
        if linked {
            t.linked += 1;
        }
        match opp.cents {
            Some(cents) => {
                t.with_amount[k] += 1;
                t.amount[k] += cents;
            }
            None => t.no_amount += 1,
        }
        match opp.stage {
            Stage::Won => {
                t.won[k] += 1;
                if let Some(cents) = opp.cents {
                    t.won_amount[k] += cents;
                    t.won_with_amount[k] += 1;
                }
            }
            Stage::Lost => t.lost[k] += 1,
            Stage::Open => t.open[k] += 1,
        }
    }

    fn opp_row(&mut self, rec: &ByteRecord) -> Row {
        let c_created = self.col(Field::Created);
        let c_close = self.col(Field::CloseDate);
        let created_raw = cell(rec, c_created);
        let close_raw = cell(rec, c_close);
        let c_amount = self.col(Field::Amount);
        if cell(rec, c_amount).is_empty()
            && created_raw.is_empty()
            && close_raw.is_empty()
            && cell(rec, self.col(Field::Stage)).is_empty()
        {
            return Row::MissingKey(c_amount.unwrap_or(0));
        }
        let created = match c_created.filter(|_| !created_raw.is_empty()) {
            Some(c) => match self.date(created_raw, CREATED, c) {
                Ok(stamp) => Some(stamp.secs),
                Err(row) => return row,
            },
            None => None,
        };
        let close = match c_close.filter(|_| !close_raw.is_empty()) {
            Some(c) => match self.date(close_raw, CLOSE, c) {
                Ok(stamp) => Some(stamp.secs),
                Err(row) => return row,
            },
            None => None,
        };
        if self.plan.window.is_some() {
            if created.is_none() && close.is_none() {
                return Row::LeftOut(Reason::NoDate);
            }
            let inside = created.is_some_and(|s| self.in_window(s))
                || close.is_some_and(|s| self.in_window(s));
            if !inside {
                return Row::LeftOut(Reason::Outside);
            }
        }
        let opp = match self.opp_facts(rec) {
            Ok(Some(opp)) => opp,
            Ok(None) => return Row::MissingKey(c_amount.unwrap_or(0)),
            Err(row) => return row,
        };
        let mut class = self.classify(cell(rec, self.col(Field::Source)));
        let mut linked = false;
        if class == SourceClass::Unknown
            && let IndexUse::Link(index) = &self.index
            && let Some(lead) = index.get(cell(rec, self.col(Field::LeadId)))
        {
            class = lead.class;
            linked = true;
        }
        self.count_opp(&opp, class, linked);
        Row::Used
    }

    fn activity_row(&mut self, rec: &ByteRecord) -> Row {
        let c_lead = self.col(Field::LeadId);
        let lead_raw = cell(rec, c_lead);
        if lead_raw.is_empty() {
            return Row::MissingKey(c_lead.unwrap_or(0));
        }
        let c_time = self.col(Field::ActivityTime).unwrap_or(0);
        let time_raw = cell(rec, Some(c_time));
        if time_raw.is_empty() {
            return Row::Bad(c_time, format!("\"{}\" is blank", self.plan.header(c_time)));
        }
        let at = match self.date(time_raw, ACTIVITY, c_time) {
            Ok(stamp) => stamp.secs,
            Err(row) => return row,
        };
        let IndexUse::Join(index) = &mut self.index else {
            return Row::LeftOut(Reason::NotInLeads);
        };
        let Some(lead) = index.get_mut(lead_raw) else {
            return Row::LeftOut(Reason::NotInLeads);
        };
        if !lead.in_window {
            return Row::LeftOut(Reason::LeadOutside);
        }
        if at < lead.created {
            return Row::LeftOut(Reason::BeforeCreated);
        }
        lead.first = lead.first.min(at);
        self.tally.activities_matched += 1;
        Row::Used
    }

    fn summary_row(&mut self, rec: &ByteRecord, line: u64) -> Row {
        let c_metric = self.col(Field::Metric);
        let c_value = self.col(Field::Value).unwrap_or(0);
        let metric_raw = cell(rec, c_metric);
        if metric_raw.is_empty() {
            return Row::MissingKey(c_metric.unwrap_or(0));
        }
        let encoding = self.plan.encoding();
        let name = decode(metric_raw, encoding);
        let Some(metric) = summary::find(&name) else {
            return Row::Bad(
                c_metric.unwrap_or(0),
                format!(
                    "\"{}\" is not a metric mcc knows (use a checklist item id or name)",
                    shown(metric_raw, encoding)
                ),
            );
        };
        let text = decode(cell(rec, Some(c_value)), encoding).into_owned();
        match summary::parse_value(metric, &text) {
            Ok(_) if self.tally.summary.len() >= MAX_SUMMARY_ROWS => {
                if self.abort.is_none() {
                    self.abort = Some(ImportError::TooManyMetricRows {
                        path: self.plan.file.path.clone(),
                    });
                }
                Row::Used
            }
            Ok(value) => {
                self.tally.summary.push(SummaryEntry {
                    id: metric.id,
                    value,
                    line,
                    text,
                });
                Row::Used
            }
            Err(why) => Row::Bad(
                c_value,
                format!("\"{}\": {why}", shown(text.as_bytes(), encoding)),
            ),
        }
    }
}

fn is_blank(rec: &ByteRecord) -> bool {
    rec.iter().all(|c| c.trim_ascii().is_empty())
}

/// A Salesforce-style report footer: one cell ("Grand Totals (120 records)", "Generated By ...",
/// "Copyright ...") or a row that starts with such words.
fn looks_like_footer(rec: &ByteRecord) -> bool {
    let mut filled = rec.iter().map(<[u8]>::trim_ascii).filter(|c| !c.is_empty());
    filled.next().is_none() || filled.next().is_none() || starts_like_footer(rec)
}

/// A row whose first filled cell starts like a report footer or total line.
fn starts_like_footer(rec: &ByteRecord) -> bool {
    let Some(first) = rec.iter().map(<[u8]>::trim_ascii).find(|c| !c.is_empty()) else {
        return false;
    };
    const WORDS: [&[u8]; 9] = [
        b"total",
        b"grand total",
        b"subtotal",
        b"count",
        b"generated by",
        b"copyright",
        b"confidential",
        b"filtered by",
        b"report",
    ];
    WORDS
        .iter()
        .any(|w| first.len() >= w.len() && first[..w.len()].eq_ignore_ascii_case(w))
}

/// Finds the physical line where a record starts, reading one byte of the file when needed.
struct LineFinder {
    path: std::path::PathBuf,
    file: Option<File>,
    /// Absolute offset where the reader started.
    start: u64,
    /// Physical line number of the reader's first line.
    first_line: u64,
    size: u64,
}

impl LineFinder {
    fn byte_at(&mut self, offset: u64) -> Option<u8> {
        if self.file.is_none() {
            self.file = File::open(&self.path).ok();
        }
        let file = self.file.as_mut()?;
        file.seek(SeekFrom::Start(offset)).ok()?;
        let mut byte = [0u8];
        file.read_exact(&mut byte).ok()?;
        Some(byte[0])
    }

    /// The line of the record just read, given the reader's position after it.
    fn line(&mut self, position: &csv::Position, rec: &ByteRecord) -> u64 {
        let end = self.start + position.byte();
        let data = rec.as_slice();
        let inside = data.iter().filter(|&&b| b == b'\n').count() as u64;
        // The reader has consumed the record's "\n" terminator (LF files), or not yet ("\r\n").
        let mut terminated = end > 0 && self.byte_at(end - 1) == Some(b'\n');
        if terminated && end >= self.size && data.last() == Some(&b'\n') {
            terminated = false;
        }
        (self.first_line + position.line())
            .saturating_sub(1 + inside + u64::from(terminated))
            .max(1)
    }
}

/// Where a pass starts and, for the first half of a split file, where it should stop.
struct Range<'a> {
    start: u64,
    skip_records: usize,
    first_line: u64,
    split: Option<Split<'a>>,
}

struct Split<'a> {
    at: u64,
    crlf: bool,
    abandon: &'a AtomicBool,
}

/// How a pass ended.
enum End {
    /// Read to the end of the file.
    Eof,
    /// Stopped at the split point, which is a record boundary; the physical line there.
    AtSplit(u64),
}

/// Reads a range of the file through `scanner`. `tick(bytes_in_range, rows)` is called every
/// `TICK` rows and stops the pass when it returns an error.
fn drive(
    scanner: &mut Scanner,
    range: Range,
    tick: &mut dyn FnMut(u64, u64) -> Result<(), ImportError>,
) -> Result<End, ImportError> {
    let plan = scanner.plan;
    let path = &plan.file.path;
    let mut rows_in = Rows::open(plan.file, range.start, range.first_line)?;
    let mut lines = LineFinder {
        path: path.into(),
        file: None,
        start: range.start,
        first_line: range.first_line,
        size: plan.file.size,
    };
    let mut rec = ByteRecord::new();
    for _ in 0..range.skip_records {
        if !rows_in.next(&mut rec)? {
            break;
        }
    }
    let summary = plan.kind == FileKind::MetricSummary;
    let mut split = range.split;
    let mut rows = 0u64;
    while rows_in.next(&mut rec)? {
        let reader = &rows_in.reader;
        rows += 1;
        if rows.is_multiple_of(TICK) {
            tick(reader.position().byte(), rows)?;
        }
        let line = if summary {
            lines.line(reader.position(), &rec)
        } else {
            0
        };
        let outcome = scanner.row(&rec, line);
        let tally = &mut scanner.tally;
        tally.rows_read += 1;
        match outcome {
            Row::Used => {
                tally.rows_used += 1;
                tally.data_row();
            }
            Row::LeftOut(reason) => {
                tally.left_out[reason as usize] += 1;
                tally.data_row();
            }
            Row::Blank => tally.left_out[Reason::Blank as usize] += 1,
            Row::MissingKey(column) => {
                let blank_key = format!("\"{}\" is blank", plan.header(column));
                let row = if is_blank(&rec) {
                    Row::Blank
                } else if starts_like_footer(&rec) {
                    let first = first_cell(&rec, plan.encoding());
                    Row::Footer(format!("not a data row: \"{first}\""))
                } else if looks_like_footer(&rec) {
                    Row::Footer(blank_key)
                } else {
                    Row::Bad(column, blank_key)
                };
                record_odd(scanner, row, &mut lines, reader, &rec);
            }
            row => record_odd(scanner, row, &mut lines, reader, &rec),
        }
        if scanner.abort.is_some()
            && let Some(error) = scanner.abort.take()
        {
            return Err(error);
        }
        if let Some(s) = &split {
            let end = range.start + reader.position().byte();
            if end + 1 >= s.at {
                let at_boundary = end == s.at || (end + 1 == s.at && s.crlf);
                if at_boundary {
                    #[cfg(test)]
                    SPLITS[0].fetch_add(1, Ordering::Relaxed);
                    let crlf_pending = u64::from(end + 1 == s.at);
                    return Ok(End::AtSplit(
                        range.first_line + reader.position().line() - 1 + crlf_pending,
                    ));
                }
                // The split point was inside a quoted cell: read on alone.
                #[cfg(test)]
                SPLITS[1].fetch_add(1, Ordering::Relaxed);
                s.abandon.store(true, Ordering::Relaxed);
                split = None;
            }
        }
    }
    Ok(End::Eof)
}

fn first_cell(rec: &ByteRecord, encoding: Encoding) -> String {
    let first = rec
        .iter()
        .find(|c| !c.trim_ascii().is_empty())
        .unwrap_or_default();
    shown(first, encoding)
}

#[cold]
fn record_odd<R: std::io::Read>(
    scanner: &mut Scanner,
    row: Row,
    lines: &mut LineFinder,
    reader: &csv::Reader<R>,
    rec: &ByteRecord,
) {
    let plan = scanner.plan;
    let tally = &mut scanner.tally;
    match row {
        Row::Blank => tally.left_out[Reason::Blank as usize] += 1,
        Row::Footer(reason) => {
            let line = lines.line(reader.position(), rec);
            tally.pending.push(BadRow {
                line,
                column: String::new(),
                reason,
            });
        }
        Row::Bad(column, reason) => {
            tally.data_row();
            let line = lines.line(reader.position(), rec);
            tally.bad.push(BadRow {
                line,
                column: plan.header(column),
                reason,
            });
        }
        Row::Used | Row::LeftOut(_) | Row::MissingKey(_) => {}
    }
}

/// Progress shared with the caller: where the files so far got to, and the cancel flag.
pub(crate) struct Ticker<'a> {
    /// The caller's progress callback.
    pub report: &'a dyn Fn(super::Progress),
    /// Set by the caller to stop.
    pub cancel: &'a AtomicBool,
    /// Bytes in all files.
    pub bytes_total: u64,
    /// Bytes in files already read.
    pub bytes_done: u64,
    /// Rows in files already read.
    pub rows_done: u64,
}

impl Ticker<'_> {
    fn tick(&self, path: &str, bytes: u64, rows: u64) -> Result<(), ImportError> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(ImportError::Cancelled {
                path: path.to_string(),
            });
        }
        (self.report)(super::Progress {
            bytes_read: (self.bytes_done + bytes).min(self.bytes_total),
            bytes_total: self.bytes_total,
            rows: self.rows_done + rows,
        });
        Ok(())
    }
}

/// Reads one file with `plan`, on two threads when it is big and nothing needs rows in order.
pub(crate) fn scan(
    plan: &Plan,
    index: IndexUse,
    ticker: &Ticker,
) -> Result<FileTally, ImportError> {
    let file = plan.file;
    let path = file.path.as_str();
    ticker.tick(path, 0, 0)?;
    let order_free = matches!(index, IndexUse::Off | IndexUse::Link(_));
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    let split = if order_free
        && two_cores
        && file.size >= plan.parallel_min
        && plan.kind != FileKind::MetricSummary
    {
        find_split(file)
    } else {
        None
    };
    let first_line = file.lines_before + 1;
    let Some((at, crlf)) = split else {
        let mut scanner = Scanner::new(plan, index, true);
        let whole = Range {
            start: file.start,
            skip_records: file.skip_records,
            first_line,
            split: None,
        };
        drive(&mut scanner, whole, &mut |bytes, rows| {
            ticker.tick(path, bytes, rows)
        })?;
        return Ok(scanner.finish());
    };
    let link = match index {
        IndexUse::Link(index) => Some(index),
        _ => None,
    };
    let index_use = || link.map_or(IndexUse::Off, IndexUse::Link);
    let abandon = AtomicBool::new(false);
    let side_bytes = AtomicU64::new(0);
    let side_rows = AtomicU64::new(0);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let mut scanner = Scanner::new(plan, index_use(), false);
            let half = Range {
                start: at,
                skip_records: 0,
                first_line: 1,
                split: None,
            };
            let mut tick = |bytes: u64, rows: u64| {
                side_bytes.store(bytes, Ordering::Relaxed);
                side_rows.store(rows, Ordering::Relaxed);
                if abandon.load(Ordering::Relaxed) || ticker.cancel.load(Ordering::Relaxed) {
                    return Err(ImportError::Cancelled {
                        path: path.to_string(),
                    });
                }
                Ok(())
            };
            drive(&mut scanner, half, &mut tick).map(|_| scanner.finish())
        });
        let mut scanner = Scanner::new(plan, index_use(), true);
        let first_half = Range {
            start: file.start,
            skip_records: file.skip_records,
            first_line,
            split: Some(Split {
                at,
                crlf,
                abandon: &abandon,
            }),
        };
        let progress = |bytes: u64, rows: u64| {
            let side = side_bytes.load(Ordering::Relaxed);
            let side_rows = side_rows.load(Ordering::Relaxed);
            ticker.tick(path, bytes + side, rows + side_rows)
        };
        let end = drive(&mut scanner, first_half, &mut |bytes, rows| {
            progress(bytes, rows)
        });
        let end = match end {
            Ok(end) => end,
            Err(error) => {
                abandon.store(true, Ordering::Relaxed);
                let _ = second.join();
                return Err(error);
            }
        };
        let mut first = scanner.finish();
        match end {
            End::Eof => {
                abandon.store(true, Ordering::Relaxed);
                let _ = second.join();
                Ok(first)
            }
            End::AtSplit(line) => {
                let done_first = (at - file.start, first.rows_read);
                while !second.is_finished() {
                    std::thread::sleep(Duration::from_millis(20));
                    if let Err(error) = progress(done_first.0, done_first.1) {
                        abandon.store(true, Ordering::Relaxed);
                        let _ = second.join();
                        return Err(error);
                    }
                }
                let rest = match second.join() {
                    Ok(result) => result?,
                    Err(panic) => std::panic::resume_unwind(panic),
                };
                first.merge_after(rest, line - 1);
                Ok(first)
            }
        }
    })
}

/// A newline near the middle of the file that starts a non-blank line: (offset after it, CRLF?).
fn find_split(file: &Sniffed) -> Option<(u64, bool)> {
    let middle = file.start + (file.size - file.start) / 2;
    let mut handle = File::open(&file.path).ok()?;
    let from = middle.saturating_sub(2);
    handle.seek(SeekFrom::Start(from)).ok()?;
    let mut block = vec![0u8; 1 << 16];
    let n = read_full(&mut handle, &mut block).ok()?;
    let block = &block[..n];
    (2..block.len().saturating_sub(1)).find_map(|i| {
        if block[i] != b'\n' || matches!(block[i + 1], b'\r' | b'\n') {
            return None;
        }
        let crlf = block[i - 1] == b'\r';
        let before = if crlf { block[i - 2] } else { block[i - 1] };
        (before != b'\n').then_some((from + i as u64 + 1, crlf))
    })
}

fn read_full(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// A file's rows from a byte offset, each capped at [`MAX_ROW_BYTES`].
struct Rows {
    reader: csv::Reader<Capped<File>>,
    row_start: RowStart,
    path: String,
    /// The physical line where reading started.
    first_line: u64,
    /// The physical line where the next row starts.
    next_line: u64,
}

impl Rows {
    /// Reads `file` from byte `start`, which is physical line `first_line`.
    fn open(file: &Sniffed, start: u64, first_line: u64) -> Result<Self, ImportError> {
        let unreadable = |source| ImportError::Unreadable {
            path: file.path.clone(),
            source,
        };
        let mut handle = File::open(&file.path).map_err(unreadable)?;
        handle.seek(SeekFrom::Start(start)).map_err(unreadable)?;
        let row_start = RowStart::default();
        let reader = builder(file.delimiter).from_reader(Capped::new(handle, &row_start));
        Ok(Self {
            reader,
            row_start,
            path: file.path.clone(),
            first_line,
            next_line: first_line,
        })
    }

    /// Reads the next row into `rec`; false at the end of the file.
    #[inline]
    fn next(&mut self, rec: &mut ByteRecord) -> Result<bool, ImportError> {
        match self.reader.read_byte_record(rec) {
            Ok(more) => {
                let at = self.reader.position();
                self.row_start.set(at.byte());
                self.next_line = self.first_line + at.line() - 1;
                Ok(more)
            }
            Err(error) => Err(self.failed(error)),
        }
    }

    #[cold]
    fn failed(&self, error: csv::Error) -> ImportError {
        let path = self.path.clone();
        match error.into_kind() {
            csv::ErrorKind::Io(io) if is_row_too_long(&io) => ImportError::RowTooLong {
                path,
                line: self.next_line,
            },
            csv::ErrorKind::Io(source) => ImportError::Unreadable { path, source },
            other => ImportError::Unreadable {
                path,
                source: std::io::Error::other(format!("{other:?}")),
            },
        }
    }
}

/// Reads every date cell of a file to find day/month evidence (when the first look was not enough).
pub(crate) fn scan_evidence(
    file: &Sniffed,
    columns: &[usize],
    ticker: &Ticker,
) -> Result<super::sniff::Evidence, ImportError> {
    let mut reader = Rows::open(file, file.start, file.lines_before + 1)?;
    let mut rec = ByteRecord::new();
    let mut evidence = super::sniff::Evidence::default();
    let mut rows = 0u64;
    let mut skip = file.skip_records;
    while reader.next(&mut rec)? {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        rows += 1;
        if rows.is_multiple_of(TICK) && ticker.cancel.load(Ordering::Relaxed) {
            return Err(ImportError::Cancelled {
                path: file.path.clone(),
            });
        }
        for &c in columns {
            if let Some(raw) = rec.get(c) {
                evidence.see(raw.trim_ascii(), &file.headers[c], file.encoding);
            }
        }
        if evidence.dmy && evidence.mdy {
            break;
        }
    }
    Ok(evidence)
}
