//! Counters filled while rows stream past, mergeable so two threads can each read half a file.
//! Nothing here grows with the number of rows: response times go into a fixed histogram
//! (exact to the second up to 7 days) so the median needs no list of values.

use super::report::BadRow;
use super::sources::{LabelCache, SourceClass};

/// At most this many bad rows are kept with their details.
pub(crate) const BAD_ROWS_KEPT: usize = 20;

const EXACT_SECONDS: usize = 7 * 86_400;
const MINUTE_BUCKETS: usize = (366 - 7) * 1_440;
const DAY_BUCKETS: usize = 100 * 366;
const BUCKETS: usize = EXACT_SECONDS + MINUTE_BUCKETS + DAY_BUCKETS;

/// Response times (seconds) counted per second up to 7 days, per minute up to a year, then per day.
#[derive(Debug, Clone, Default)]
pub(crate) struct Histogram {
    counts: Vec<u32>,
}

impl Histogram {
    #[inline]
    fn bucket(seconds: i64) -> usize {
        let s = seconds.max(0) as usize;
        if s < EXACT_SECONDS {
            s
        } else if s < EXACT_SECONDS + MINUTE_BUCKETS * 60 {
            EXACT_SECONDS + (s - EXACT_SECONDS) / 60
        } else {
            (EXACT_SECONDS + MINUTE_BUCKETS + (s - EXACT_SECONDS - MINUTE_BUCKETS * 60) / 86_400)
                .min(BUCKETS - 1)
        }
    }

    /// A representative value in seconds: exact for seconds, the middle of a minute or day bucket.
    fn value(bucket: usize) -> f64 {
        if bucket < EXACT_SECONDS {
            bucket as f64
        } else if bucket < EXACT_SECONDS + MINUTE_BUCKETS {
            (EXACT_SECONDS + (bucket - EXACT_SECONDS) * 60) as f64 + 30.0
        } else {
            (EXACT_SECONDS
                + MINUTE_BUCKETS * 60
                + (bucket - EXACT_SECONDS - MINUTE_BUCKETS) * 86_400) as f64
                + 43_200.0
        }
    }

    #[inline]
    fn add(&mut self, seconds: i64) {
        if self.counts.is_empty() {
            self.counts = vec![0; BUCKETS];
        }
        let cell = &mut self.counts[Self::bucket(seconds)];
        *cell = cell.saturating_add(1);
    }

    fn merge(&mut self, other: Histogram) {
        if other.counts.is_empty() {
            return;
        }
        if self.counts.is_empty() {
            self.counts = other.counts;
            return;
        }
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a = a.saturating_add(b);
        }
    }

    /// The k-th smallest value (0-based) in seconds.
    fn nth(&self, k: u64) -> Option<f64> {
        let mut seen = 0u64;
        for (bucket, &n) in self.counts.iter().enumerate() {
            seen += u64::from(n);
            if seen > k {
                return Some(Self::value(bucket));
            }
        }
        None
    }
}

/// Response-time statistics.
#[derive(Debug, Clone, Default)]
pub(crate) struct Delays {
    /// Responses counted.
    pub n: u64,
    /// Sum of response times in seconds.
    pub sum: i64,
    /// Responses within 5 minutes (0-300 seconds).
    pub within_5: u64,
    hist: Histogram,
}

impl Delays {
    /// Adds one response time (seconds, not negative).
    #[inline]
    pub(crate) fn add(&mut self, seconds: i64) {
        self.n += 1;
        self.sum += seconds;
        if seconds <= 300 {
            self.within_5 += 1;
        }
        self.hist.add(seconds);
    }

    /// Mean in minutes.
    pub(crate) fn mean_minutes(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / self.n as f64 / 60.0)
    }

    /// Median in minutes (the mean of the two middle values when the count is even).
    pub(crate) fn median_minutes(&self) -> Option<f64> {
        if self.n == 0 {
            return None;
        }
        let low = self.hist.nth((self.n - 1) / 2)?;
        let high = self.hist.nth(self.n / 2)?;
        Some((low + high) / 2.0 / 60.0)
    }

    fn merge(&mut self, other: Delays) {
        self.n += other.n;
        self.sum += other.sum;
        self.within_5 += other.within_5;
        self.hist.merge(other.hist);
    }
}

/// Lead counters.
#[derive(Debug, Clone, Default)]
pub(crate) struct LeadTally {
    /// Leads counted.
    pub leads: u64,
    /// Leads with a first response.
    pub contacted: u64,
    /// Their response times.
    pub delays: Delays,
    /// Leads converted.
    pub converted: u64,
    /// Leads by source class.
    pub by_class: [u64; 3],
    /// First responses that had a date but no time.
    pub date_only_responses: u64,
}

impl LeadTally {
    pub(crate) fn merge(&mut self, other: LeadTally) {
        self.leads += other.leads;
        self.contacted += other.contacted;
        self.delays.merge(other.delays);
        self.converted += other.converted;
        for i in 0..3 {
            self.by_class[i] += other.by_class[i];
        }
        self.date_only_responses += other.date_only_responses;
    }
}

/// Opportunity counters, split by source class (index = `SourceClass as usize`).
#[derive(Debug, Clone, Default)]
pub(crate) struct OppTally {
    /// Opportunities counted.
    pub count: u64,
    /// Of them, without an amount.
    pub no_amount: u64,
    /// With an amount, by class.
    pub with_amount: [u64; 3],
    /// Amount in cents, by class.
    pub amount: [i64; 3],
    /// Won, by class.
    pub won: [u64; 3],
    /// Closed and not won, by class.
    pub lost: [u64; 3],
    /// Still open, by class.
    pub open: [u64; 3],
    /// Won amount in cents, by class.
    pub won_amount: [i64; 3],
    /// Won with an amount, by class.
    pub won_with_amount: [u64; 3],
    /// Opportunities whose source came from their lead through the lead id.
    pub linked: u64,
}

impl OppTally {
    pub(crate) fn merge(&mut self, other: OppTally) {
        self.count += other.count;
        self.no_amount += other.no_amount;
        self.linked += other.linked;
        for i in 0..3 {
            self.with_amount[i] += other.with_amount[i];
            self.amount[i] += other.amount[i];
            self.won[i] += other.won[i];
            self.lost[i] += other.lost[i];
            self.open[i] += other.open[i];
            self.won_amount[i] += other.won_amount[i];
            self.won_with_amount[i] += other.won_with_amount[i];
        }
    }
}

/// Why a row was deliberately left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    /// Outside the quarter.
    Outside = 0,
    /// No date to place it in the quarter.
    NoDate,
    /// Every cell empty.
    Blank,
    /// A trailing report footer.
    Footer,
    /// An activity about a lead not in the leads file.
    NotInLeads,
    /// An activity about a lead outside the quarter.
    LeadOutside,
    /// An activity before its lead was created.
    BeforeCreated,
}

impl Reason {
    /// Number of reasons.
    pub(crate) const COUNT: usize = 7;
    /// All reasons in index order.
    pub(crate) const ALL: [Reason; 7] = [
        Reason::Outside,
        Reason::NoDate,
        Reason::Blank,
        Reason::Footer,
        Reason::NotInLeads,
        Reason::LeadOutside,
        Reason::BeforeCreated,
    ];
}

/// The first bad rows with details, and how many there were.
#[derive(Debug, Clone, Default)]
pub(crate) struct BadRows {
    /// The first `BAD_ROWS_KEPT`.
    pub rows: Vec<BadRow>,
    /// All of them.
    pub count: u64,
}

impl BadRows {
    pub(crate) fn push(&mut self, row: BadRow) {
        self.count += 1;
        if self.rows.len() < BAD_ROWS_KEPT {
            self.rows.push(row);
        }
    }

    fn append(&mut self, other: BadRows) {
        self.count += other.count;
        let room = BAD_ROWS_KEPT.saturating_sub(self.rows.len());
        self.rows.extend(other.rows.into_iter().take(room));
    }

    fn shift(&mut self, lines: u64) {
        for row in &mut self.rows {
            row.line += lines;
        }
    }
}

/// Reads and failures of one date column (to tell a wrong format from a few bad cells).
#[derive(Debug, Clone, Default)]
pub(crate) struct DateStat {
    /// Cells read.
    pub ok: u64,
    /// Cells that could not be read.
    pub fail: u64,
    /// The first cell that could not be read.
    pub example: Option<Vec<u8>>,
}

impl DateStat {
    /// Whether failures say the column's format is wrong rather than a few cells being bad.
    pub(crate) fn format_is_wrong(&self) -> bool {
        self.fail > 0 && (self.ok == 0 || (self.fail >= 5 && self.fail > 4 * self.ok))
    }
}

/// Date columns tracked by `DateStat`.
pub(crate) const DATE_SLOTS: usize = 4;

/// A value given in a metric summary.
#[derive(Debug, Clone)]
pub(crate) struct SummaryEntry {
    /// Metric id.
    pub id: &'static str,
    /// Value, or None for "don't know".
    pub value: Option<f64>,
    /// Line in the file.
    pub line: u64,
    /// The value as written.
    pub text: String,
}

/// Everything counted in one file (or one half of it).
#[derive(Debug, Default)]
pub(crate) struct FileTally {
    /// Records read after the header.
    pub rows_read: u64,
    /// Records used.
    pub rows_used: u64,
    /// Left out, by `Reason` index.
    pub left_out: [u64; Reason::COUNT],
    /// Bad rows.
    pub bad: BadRows,
    /// Rows that look like a report footer, waiting to see whether data follows them.
    pub pending: BadRows,
    /// Whether any data row (used, left out for a date or bad) was seen.
    pub saw_data: bool,
    /// Date columns: created, first response, close date, activity time.
    pub dates: [DateStat; DATE_SLOTS],
    /// Leads.
    pub lead: LeadTally,
    /// Opportunities.
    pub opp: OppTally,
    /// Activities matched to a lead in scope.
    pub activities_matched: u64,
    /// Source labels seen.
    pub labels: Vec<LabelCache>,
    /// Metric summary values.
    pub summary: Vec<SummaryEntry>,
}

impl FileTally {
    /// A data row arrived: footer-like rows before it were bad rows after all.
    #[inline]
    pub(crate) fn data_row(&mut self) {
        self.saw_data = true;
        if self.pending.count > 0 {
            let pending = std::mem::take(&mut self.pending);
            self.bad.append(pending);
        }
    }

    /// Adds the tally of the part of the file after this one; its lines are shifted by `lines`.
    pub(crate) fn merge_after(&mut self, mut other: FileTally, lines: u64) {
        other.bad.shift(lines);
        other.pending.shift(lines);
        for entry in &mut other.summary {
            entry.line += lines;
        }
        self.rows_read += other.rows_read;
        self.rows_used += other.rows_used;
        for i in 0..Reason::COUNT {
            self.left_out[i] += other.left_out[i];
        }
        if other.saw_data {
            self.data_row();
        }
        self.bad.append(other.bad);
        self.pending.append(other.pending);
        for (mine, theirs) in self.dates.iter_mut().zip(other.dates) {
            mine.ok += theirs.ok;
            mine.fail += theirs.fail;
            if mine.example.is_none() {
                mine.example = theirs.example;
            }
        }
        self.lead.merge(other.lead);
        self.opp.merge(other.opp);
        self.activities_matched += other.activities_matched;
        self.labels.extend(other.labels);
        self.summary.extend(other.summary);
    }
}

/// Index of a class in the per-class arrays.
#[inline]
pub(crate) fn class_index(class: SourceClass) -> usize {
    class as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_is_exact_to_the_second_within_a_week() {
        let mut d = Delays::default();
        for s in [60, 120, 600, 7 * 86_400 + 5_000_000] {
            d.add(s);
        }
        assert_eq!(d.median_minutes(), Some(6.0));
        assert_eq!(d.within_5, 2);
        let mean = (60 + 120 + 600 + 7 * 86_400 + 5_000_000) as f64 / 4.0 / 60.0;
        assert_eq!(d.mean_minutes(), Some(mean));
        d.add(30);
        assert_eq!(d.median_minutes(), Some(2.0));
        assert_eq!(Delays::default().median_minutes(), None);
    }

    #[test]
    fn long_responses_land_in_coarser_buckets() {
        let mut d = Delays::default();
        d.add(30 * 86_400 + 10);
        let median = d.median_minutes().unwrap();
        assert!((median - 30.0 * 1440.0).abs() < 1.0, "{median}");
        let mut far = Delays::default();
        far.add(500 * 86_400);
        assert!((far.median_minutes().unwrap() / 1440.0 - 500.0).abs() < 1.0);
    }

    #[test]
    fn merging_halves_matches_one_pass() {
        let values: Vec<i64> = (0..1000).map(|i| (i * 7919) % 90_000).collect();
        let mut whole = Delays::default();
        values.iter().for_each(|&v| whole.add(v));
        let (mut a, mut b) = (Delays::default(), Delays::default());
        values[..400].iter().for_each(|&v| a.add(v));
        values[400..].iter().for_each(|&v| b.add(v));
        a.merge(b);
        assert_eq!(
            (a.n, a.sum, a.within_5),
            (whole.n, whole.sum, whole.within_5)
        );
        assert_eq!(a.median_minutes(), whole.median_minutes());
    }

    #[test]
    fn pending_footer_rows_become_bad_when_data_follows() {
        let row = |line| BadRow {
            line,
            column: "x".into(),
            reason: "r".into(),
        };
        let mut first = FileTally::default();
        first.pending.push(row(5));
        let mut second = FileTally {
            saw_data: true,
            ..FileTally::default()
        };
        second.bad.push(row(2));
        first.merge_after(second, 10);
        assert_eq!(
            first.bad.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            [5, 12]
        );
        assert_eq!(first.pending.count, 0);
    }
}
