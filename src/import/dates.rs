//! Timestamps as CRM exports write them: a fast reader for `YYYY-MM-DD HH:MM:SS` and a careful one
//! for ISO 8601 with offsets, `MM/DD/YYYY hh:mm AM`, `DD.MM.YYYY HH:MM`, month names, date-only and
//! epoch values. Everything becomes seconds since 1970-01-01; a value with an offset is converted to
//! UTC, a value without one is taken as written (both ends of a response time come from the same export).

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use super::options::DateOrder;

/// Seconds in a day.
pub(crate) const DAY: i64 = 86_400;

/// A timestamp read from a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// Seconds since 1970-01-01 00:00 (UTC when the value carried an offset).
    pub secs: i64,
    /// The value had no time of day.
    pub date_only: bool,
}

/// Why a cell could not be read as a timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// Not a date in any form mcc knows.
    Unreadable,
    /// A slash date such as 03/04/2024 while the day/month order is not known.
    NeedOrder,
    /// A slash date that is impossible in the order in use (13/25/2024 read as month/day).
    WrongOrder,
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
#[inline]
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Seconds since the epoch at midnight starting `date`.
pub(crate) fn midnight(date: NaiveDate) -> i64 {
    use chrono::Datelike;
    days_from_civil(
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    ) * DAY
}

#[inline]
fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

#[inline]
fn two_digits(b: &[u8], i: usize) -> Option<i64> {
    let hi = b[i].wrapping_sub(b'0');
    let lo = b[i + 1].wrapping_sub(b'0');
    (hi < 10 && lo < 10).then_some(i64::from(hi) * 10 + i64::from(lo))
}

#[inline]
fn valid_date(y: i64, m: i64, d: i64) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// The fast path: exactly `YYYY-MM-DD HH:MM:SS` (or with `T`), no allocation, no offset.
#[inline]
pub(crate) fn fast_iso(b: &[u8]) -> Option<i64> {
    if b.len() != 19
        || b[4] != b'-'
        || b[7] != b'-'
        || (b[10] != b' ' && b[10] != b'T')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let y = two_digits(b, 0)? * 100 + two_digits(b, 2)?;
    let (m, d) = (two_digits(b, 5)?, two_digits(b, 8)?);
    let (h, mi, s) = (two_digits(b, 11)?, two_digits(b, 14)?, two_digits(b, 17)?);
    if !valid_date(y, m, d) || h > 23 || mi > 59 || s > 59 {
        return None;
    }
    Some(days_from_civil(y, m, d) * DAY + h * 3600 + mi * 60 + s)
}

/// Reads timestamps for one file: the fast path first, then every other known form.
#[derive(Debug, Clone, Default)]
pub(crate) struct DateReader {
    /// Day/month order for slash dates, when known.
    pub order: Option<DateOrder>,
    /// An explicit chrono format that replaces every other rule.
    pub format: Option<String>,
}

impl DateReader {
    /// Reads a trimmed, non-empty cell.
    #[inline]
    pub(crate) fn read(&self, b: &[u8]) -> Result<Stamp, DateProblem> {
        if self.format.is_none()
            && let Some(secs) = fast_iso(b)
        {
            return Ok(Stamp {
                secs,
                date_only: false,
            });
        }
        self.read_slow(b)
    }

    #[cold]
    fn read_slow(&self, b: &[u8]) -> Result<Stamp, DateProblem> {
        let b = b.trim_ascii();
        if let Some(format) = &self.format {
            let text = std::str::from_utf8(b).map_err(|_| DateProblem::Unreadable)?;
            return with_format(text, format).ok_or(DateProblem::Unreadable);
        }
        if let Some(stamp) = iso(b) {
            return Ok(stamp);
        }
        if let Some(result) = numeric(b, self.order) {
            return result;
        }
        month_name(b)
            .or_else(|| epoch(b))
            .ok_or(DateProblem::Unreadable)
    }
}

/// Evidence about day/month order in a slash or dash date `A/B/YYYY`: (A > 12, B > 12).
/// `None` when the cell is not such a date or the order does not matter (A = B).
pub(crate) fn order_evidence(b: &[u8]) -> Option<(bool, bool)> {
    let mut c = Cursor::new(b.trim_ascii());
    let a = c.number(1, 2)?;
    let sep = c.next()?;
    if sep != b'/' && sep != b'-' {
        return None;
    }
    let second = c.number(1, 2)?;
    if !c.eat(sep) || c.number(2, 4).is_none() || a == second {
        return None;
    }
    Some((a > 12, second > 12))
}

/// A small byte cursor for the hand-written parsers.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn new(b: &'a [u8]) -> Self {
        Self { b, i: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.i += 1;
        Some(byte)
    }

    fn at_end(&self) -> bool {
        self.i >= self.b.len()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    /// Reads `min..=max` ASCII digits (and no more).
    fn number(&mut self, min: usize, max: usize) -> Option<i64> {
        let start = self.i;
        let mut value = 0i64;
        while let Some(byte) = self.peek().filter(u8::is_ascii_digit) {
            if self.i - start == max {
                return None;
            }
            value = value * 10 + i64::from(byte - b'0');
            self.i += 1;
        }
        (self.i - start >= min).then_some(value)
    }

    /// Reads exactly `n` ASCII digits, whatever follows.
    fn fixed(&mut self, n: usize) -> Option<i64> {
        let digits = self.b.get(self.i..self.i + n)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.i += n;
        Some(digits.iter().fold(0, |v, &d| v * 10 + i64::from(d - b'0')))
    }

    /// Reads a run of ASCII letters, lowercased into `out`; returns its length.
    fn word(&mut self, out: &mut [u8; 12]) -> usize {
        let mut n = 0;
        while let Some(byte) = self.peek().filter(u8::is_ascii_alphabetic) {
            if n < out.len() {
                out[n] = byte.to_ascii_lowercase();
            }
            n += 1;
            self.i += 1;
        }
        n
    }
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`, then an optional time and zone.
fn iso(b: &[u8]) -> Option<Stamp> {
    let mut c = Cursor::new(b);
    let y = c.number(4, 4)?;
    let sep = c.next()?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let m = c.number(1, 2)?;
    if !c.eat(sep) {
        return None;
    }
    let d = c.number(1, 2)?;
    finish(y, m, d, &mut c)
}

/// `A/B/YYYY`, `A-B-YYYY` (order from the file or the data) and `DD.MM.YYYY` (always day first).
fn numeric(b: &[u8], order: Option<DateOrder>) -> Option<Result<Stamp, DateProblem>> {
    let mut c = Cursor::new(b);
    let a = c.number(1, 2)?;
    let sep = c.next()?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let second = c.number(1, 2)?;
    if !c.eat(sep) {
        return None;
    }
    let year = full_year(&mut c)?;
    // Dotted dates are day first; when both numbers are equal the order does not matter.
    let order = if sep == b'.' || a == second {
        DateOrder::Dmy
    } else {
        match order {
            Some(order) => order,
            None if a > 12 && second <= 12 => DateOrder::Dmy,
            None if second > 12 && a <= 12 => DateOrder::Mdy,
            None if a <= 12 && second <= 12 => return Some(Err(DateProblem::NeedOrder)),
            None => return Some(Err(DateProblem::Unreadable)),
        }
    };
    let (m, d) = match order {
        DateOrder::Dmy => (second, a),
        DateOrder::Mdy => (a, second),
    };
    if !valid_date(year, m, d) {
        let impossible_only_in_this_order = valid_date(year, d, m);
        return Some(Err(if impossible_only_in_this_order {
            DateProblem::WrongOrder
        } else {
            DateProblem::Unreadable
        }));
    }
    Some(finish(year, m, d, &mut c).ok_or(DateProblem::Unreadable))
}

/// A year written with four digits, or two (00-69 mean 2000-2069, 70-99 mean 1970-1999).
fn full_year(c: &mut Cursor) -> Option<i64> {
    let start = c.i;
    let year = c.number(2, 4)?;
    match c.i - start {
        4 => Some(year),
        2 if year < 70 => Some(2000 + year),
        2 => Some(1900 + year),
        _ => None,
    }
}

const MONTHS: [&[u8]; 12] = [
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
];
const WEEKDAYS: [&[u8]; 7] = [
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
];

/// The month (1-12) for an English month name or abbreviation ("Apr", "Sept", "April").
fn month_of(word: &[u8]) -> Option<i64> {
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(word))
        .map(|i| i as i64 + 1)
}

/// `15 Apr, 2021 00:03`, `Apr 15, 2021`, `15-Apr-2021`, `Thursday, April 15, 2021 3:04 PM`.
fn month_name(b: &[u8]) -> Option<Stamp> {
    let mut c = Cursor::new(b);
    let mut buf = [0u8; 12];
    let skip_separators = |c: &mut Cursor| {
        while matches!(c.peek(), Some(b' ' | b',' | b'-' | b'/' | b'.')) {
            c.i += 1;
        }
    };
    // An optional weekday in front.
    let start = c.i;
    let n = c.word(&mut buf);
    let word = &buf[..n.min(12)];
    if n >= 3 && WEEKDAYS.iter().any(|w| w.starts_with(word)) {
        skip_separators(&mut c);
    } else {
        c.i = start;
    }
    let (m, d);
    if c.peek().is_some_and(|b| b.is_ascii_digit()) {
        d = c.number(1, 2)?;
        skip_separators(&mut c);
        let n = c.word(&mut buf);
        m = month_of(&buf[..n.min(12)]).filter(|_| n <= 9)?;
    } else {
        let n = c.word(&mut buf);
        m = month_of(&buf[..n.min(12)]).filter(|_| n <= 9)?;
        skip_separators(&mut c);
        d = c.number(1, 2)?;
        // "April 15th"
        let save = c.i;
        let n = c.word(&mut buf);
        if !(n == 2 && matches!(&buf[..2], b"st" | b"nd" | b"rd" | b"th")) {
            c.i = save;
        }
    }
    skip_separators(&mut c);
    let year = full_year(&mut c)?;
    // "Apr 15, 2021, 3:04 PM" and "15 Apr 2021 at 10:00"
    c.eat(b',');
    let save = c.i;
    c.skip_spaces();
    let n = c.word(&mut buf);
    if !(n == 2 && &buf[..2] == b"at") {
        c.i = save;
    }
    finish(year, m, d, &mut c)
}

/// Unix epoch seconds (10 digits) or milliseconds (13 digits), as HubSpot's API writes them.
fn epoch(b: &[u8]) -> Option<Stamp> {
    if !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value: i64 = std::str::from_utf8(b).ok()?.parse().ok()?;
    let secs = match b.len() {
        10 => value,
        13 => value.div_euclid(1000),
        _ => return None,
    };
    // 2000-01-01 to 2100-01-01: anything else is some other number.
    (946_684_800..4_102_444_800)
        .contains(&secs)
        .then_some(Stamp {
            secs,
            date_only: false,
        })
}

/// Validates the date, then reads an optional time of day, AM/PM and zone up to the end.
fn finish(y: i64, m: i64, d: i64, c: &mut Cursor) -> Option<Stamp> {
    if !(1900..=2200).contains(&y) || !valid_date(y, m, d) {
        return None;
    }
    let day = days_from_civil(y, m, d) * DAY;
    c.skip_spaces();
    if c.at_end() {
        return Some(Stamp {
            secs: day,
            date_only: true,
        });
    }
    if !c.eat(b'T') {
        c.eat(b',');
        c.skip_spaces();
    }
    let (time, offset) = time_and_zone(c)?;
    Some(Stamp {
        secs: day + time - offset,
        date_only: false,
    })
}

/// `H:MM[:SS[.fff]]`, optional AM/PM, optional `Z`/`UTC`/`GMT`/`±HH[:MM]`, then the end.
/// Returns (seconds into the day, offset east of UTC in seconds).
fn time_and_zone(c: &mut Cursor) -> Option<(i64, i64)> {
    let mut h = c.number(1, 2)?;
    if !c.eat(b':') {
        return None;
    }
    let mi = c.number(2, 2)?;
    let mut s = 0;
    if c.eat(b':') {
        s = c.number(2, 2)?;
        if c.eat(b'.') || c.eat(b',') {
            c.number(1, 9)?;
        }
    }
    if mi > 59 || s > 59 {
        return None;
    }
    c.skip_spaces();
    let save = c.i;
    let mut buf = [0u8; 12];
    let mut letters = [0u8; 2];
    let mut n = 0;
    // "AM", "pm", "a.m."
    while n < 2 {
        match c.peek() {
            Some(byte) if byte.is_ascii_alphabetic() => {
                letters[n] = byte.to_ascii_lowercase();
                n += 1;
                c.i += 1;
                c.eat(b'.');
            }
            _ => break,
        }
    }
    let ends_word = !c.peek().is_some_and(|b| b.is_ascii_alphabetic());
    match (n, letters, ends_word) {
        (2, [b'a', b'm'], true) if (1..=12).contains(&h) => h %= 12,
        (2, [b'p', b'm'], true) if (1..=12).contains(&h) => h = h % 12 + 12,
        (2, [b'a' | b'p', b'm'], true) => return None,
        _ => c.i = save,
    }
    if h > 23 {
        return None;
    }
    c.skip_spaces();
    let mut offset = 0;
    match c.peek() {
        Some(b'Z' | b'z') => c.i += 1,
        Some(b'+' | b'-') => {
            let sign = if c.next() == Some(b'-') { -1 } else { 1 };
            let oh = c.fixed(2)?;
            c.eat(b':');
            let om = c.fixed(2).unwrap_or(0);
            if oh > 14 || om > 59 {
                return None;
            }
            offset = sign * (oh * 3600 + om * 60);
        }
        Some(byte) if byte.is_ascii_alphabetic() => {
            let n = c.word(&mut buf);
            if !(n == 3 && matches!(&buf[..3], b"utc" | b"gmt")) {
                return None;
            }
        }
        _ => {}
    }
    c.skip_spaces();
    c.at_end().then_some((h * 3600 + mi * 60 + s, offset))
}

/// Reads with an explicit chrono format: with an offset, without, or a date only.
fn with_format(text: &str, format: &str) -> Option<Stamp> {
    if let Ok(at) = DateTime::parse_from_str(text, format) {
        return Some(Stamp {
            secs: at.timestamp(),
            date_only: false,
        });
    }
    if let Ok(at) = NaiveDateTime::parse_from_str(text, format) {
        return Some(Stamp {
            secs: at.and_utc().timestamp(),
            date_only: false,
        });
    }
    NaiveDate::parse_from_str(text, format)
        .ok()
        .map(|date| Stamp {
            secs: midnight(date),
            date_only: true,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> i64 {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
            .unwrap()
            .and_utc()
            .timestamp()
    }

    fn read(order: Option<DateOrder>, text: &str) -> Result<Stamp, DateProblem> {
        DateReader {
            order,
            format: None,
        }
        .read(text.as_bytes())
    }

    fn secs(text: &str) -> i64 {
        read(None, text)
            .unwrap_or_else(|e| panic!("{text}: {e:?}"))
            .secs
    }

    #[test]
    fn fast_path_agrees_with_chrono() {
        for text in [
            "2024-02-29 23:59:59",
            "2023-01-01 00:00:00",
            "1999-12-31 12:34:56",
            "2024-07-04T08:09:10",
        ] {
            assert_eq!(
                fast_iso(text.as_bytes()),
                Some(at(&text.replace('T', " "))),
                "{text}"
            );
        }
        for text in [
            "2023-02-29 00:00:00",
            "2024-13-01 00:00:00",
            "2024-01-01 24:00:00",
            "2024-01-01 10:00",
            "2024-01-01 10:00:0x",
        ] {
            assert_eq!(fast_iso(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn reads_iso_forms_and_converts_offsets_to_utc() {
        let noon = at("2024-01-15 12:00:00");
        assert_eq!(secs("2024-01-15 12:00:00"), noon);
        assert_eq!(secs("2024-01-15T12:00:00Z"), noon);
        assert_eq!(secs("2024-01-15T12:00:00.000Z"), noon);
        assert_eq!(secs("2024-01-15T17:30:00+05:30"), noon);
        assert_eq!(secs("2024-01-15T07:00:00-0500"), noon);
        assert_eq!(secs("2024-01-15 12:00"), noon);
        assert_eq!(secs("2024-01-15 12:00 UTC"), noon);
        assert_eq!(secs("2024/01/15 12:00:00"), noon);
        assert_eq!(secs("2024-1-5 12:00"), at("2024-01-05 12:00:00"));
        let day = read(None, "2024-01-15").unwrap();
        assert_eq!(
            day,
            Stamp {
                secs: at("2024-01-15 00:00:00"),
                date_only: true
            }
        );
    }

    #[test]
    fn reads_us_salesforce_report_times_with_am_pm() {
        let order = Some(DateOrder::Mdy);
        assert_eq!(
            read(order, "1/31/2024 3:04 PM").unwrap().secs,
            at("2024-01-31 15:04:00")
        );
        assert_eq!(
            read(order, "01/31/2024 12:04 AM").unwrap().secs,
            at("2024-01-31 00:04:00")
        );
        assert_eq!(
            read(order, "1/5/2024 12:30 pm").unwrap().secs,
            at("2024-01-05 12:30:00")
        );
        assert_eq!(
            read(order, "1/5/2024 9:30 a.m.").unwrap().secs,
            at("2024-01-05 09:30:00")
        );
        assert_eq!(
            read(order, "1/5/24").unwrap().secs,
            at("2024-01-05 00:00:00")
        );
        assert_eq!(
            read(order, "1/5/2024 13:30 PM"),
            Err(DateProblem::Unreadable)
        );
    }

    #[test]
    fn reads_dotted_european_dates_day_first() {
        assert_eq!(secs("15.04.2021 09:30"), at("2021-04-15 09:30:00"));
        assert_eq!(secs("03.04.2021"), at("2021-04-03 00:00:00"));
        assert_eq!(secs("3.4.2021 9:05:07"), at("2021-04-03 09:05:07"));
    }

    #[test]
    fn reads_month_names() {
        assert_eq!(secs("15 Apr, 2021 00:03"), at("2021-04-15 00:03:00"));
        assert_eq!(secs("Apr 15, 2021"), at("2021-04-15 00:00:00"));
        assert_eq!(secs("April 15, 2021 3:04 PM"), at("2021-04-15 15:04:00"));
        assert_eq!(secs("15-Apr-2021"), at("2021-04-15 00:00:00"));
        assert_eq!(
            secs("Thursday, April 15th, 2021 at 10:00"),
            at("2021-04-15 10:00:00")
        );
        assert_eq!(secs("Sept 1, 2021"), at("2021-09-01 00:00:00"));
        assert_eq!(
            secs("Tue, 15 Apr 2025 10:00:00 +0100"),
            at("2025-04-15 09:00:00")
        );
        assert_eq!(read(None, "Foo 15, 2021"), Err(DateProblem::Unreadable));
        assert_eq!(read(None, "31 Feb 2021"), Err(DateProblem::Unreadable));
    }

    #[test]
    fn slash_dates_need_an_order_unless_the_value_decides_it() {
        assert_eq!(read(None, "03/04/2024"), Err(DateProblem::NeedOrder));
        assert_eq!(
            read(None, "13/04/2024").unwrap().secs,
            at("2024-04-13 00:00:00")
        );
        assert_eq!(
            read(None, "04/13/2024").unwrap().secs,
            at("2024-04-13 00:00:00")
        );
        assert_eq!(
            read(None, "04/04/2024").unwrap().secs,
            at("2024-04-04 00:00:00")
        );
        let dmy = Some(DateOrder::Dmy);
        let mdy = Some(DateOrder::Mdy);
        assert_eq!(
            read(dmy, "03/04/2024").unwrap().secs,
            at("2024-04-03 00:00:00")
        );
        assert_eq!(
            read(mdy, "03/04/2024").unwrap().secs,
            at("2024-03-04 00:00:00")
        );
        assert_eq!(read(mdy, "13/04/2024"), Err(DateProblem::WrongOrder));
        assert_eq!(read(dmy, "04/13/2024"), Err(DateProblem::WrongOrder));
        assert_eq!(read(dmy, "32/13/2024"), Err(DateProblem::Unreadable));
    }

    #[test]
    fn order_evidence_reads_the_first_and_second_fields() {
        assert_eq!(order_evidence(b"13/04/2024 10:00"), Some((true, false)));
        assert_eq!(order_evidence(b"04/13/2024"), Some((false, true)));
        assert_eq!(order_evidence(b"03/04/2024"), Some((false, false)));
        assert_eq!(order_evidence(b"04/04/2024"), None);
        assert_eq!(order_evidence(b"2024-04-03"), None);
        assert_eq!(order_evidence(b"03.04.2024"), None);
    }

    #[test]
    fn explicit_format_replaces_the_rules() {
        let reader = DateReader {
            order: None,
            format: Some("%d|%m|%Y %Hh%M".to_string()),
        };
        assert_eq!(
            reader.read(b"15|04|2021 10h30").unwrap().secs,
            at("2021-04-15 10:30:00")
        );
        assert_eq!(
            reader.read(b"2021-04-15 10:30:00"),
            Err(DateProblem::Unreadable)
        );
        let with_zone = DateReader {
            order: None,
            format: Some("%Y-%m-%d %H:%M %z".to_string()),
        };
        assert_eq!(
            with_zone.read(b"2021-04-15 12:30 +0200").unwrap().secs,
            at("2021-04-15 10:30:00")
        );
        let date_only = DateReader {
            order: None,
            format: Some("%d %m %Y".to_string()),
        };
        assert!(date_only.read(b"15 04 2021").unwrap().date_only);
    }

    #[test]
    fn epoch_values_and_junk() {
        assert_eq!(secs("1705320000"), at("2024-01-15 12:00:00"));
        assert_eq!(secs("1705320000123"), at("2024-01-15 12:00:00"));
        for junk in [
            "",
            "soon",
            "12345",
            "2024-01-15 25:00",
            "2024-01-15 10:00 XYZ",
            "10:00",
            "1/2",
        ] {
            assert_eq!(read(None, junk), Err(DateProblem::Unreadable), "{junk}");
        }
    }
}
