//! Cell values other than dates: amounts (fast plain form, then currency symbols, thousands
//! separators and decimal commas), yes/no flags and opportunity stages.

/// Amount in integer cents. Fast path: `-?digits(.d{0,2})?`, the way CRMs export plain numbers.
#[inline]
pub(crate) fn amount_fast(b: &[u8]) -> Option<i64> {
    let (negative, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    let mut whole: i64 = 0;
    let mut i = 0;
    while i < digits.len() && digits[i].is_ascii_digit() {
        if i == 15 {
            return None;
        }
        whole = whole * 10 + i64::from(digits[i] - b'0');
        i += 1;
    }
    if i == 0 {
        return None;
    }
    let fraction = match &digits[i..] {
        [] | [b'.'] => 0,
        [b'.', a] if a.is_ascii_digit() => i64::from(a - b'0') * 10,
        [b'.', a, c] if a.is_ascii_digit() && c.is_ascii_digit() => {
            i64::from(a - b'0') * 10 + i64::from(c - b'0')
        }
        _ => return None,
    };
    let cents = whole * 100 + fraction;
    Some(if negative { -cents } else { cents })
}

/// Cells that mean "no amount".
pub(crate) fn is_no_amount(b: &[u8]) -> bool {
    matches!(b, b"-" | b"--" | b"\xe2\x80\x94" | b"\xe2\x80\x93")
        || b.eq_ignore_ascii_case(b"n/a")
        || b.eq_ignore_ascii_case(b"na")
        || b.eq_ignore_ascii_case(b"null")
        || b.eq_ignore_ascii_case(b"none")
}

/// Amount in integer cents from the forms real exports use: `$1,234.56`, `1.234,56 €`, `EUR 1 234,56`,
/// `(1,234.00)`, `CHF 1'234.50`. `decimal_comma` says how to read a lone `1,234` (semicolon files).
#[cold]
pub(crate) fn amount_slow(b: &[u8], decimal_comma: bool) -> Option<i64> {
    let mut negative = false;
    let mut body: Vec<u8> = Vec::with_capacity(b.len());
    let mut seen_digit = false;
    let mut after_digits = false;
    let mut i = 0;
    while i < b.len() {
        let byte = b[i];
        match byte {
            b'0'..=b'9' => {
                if after_digits {
                    return None;
                }
                seen_digit = true;
                body.push(byte);
            }
            b'.' | b',' if seen_digit => body.push(byte),
            b'.' | b',' => {
                // ".5" or ",5"
                if b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    body.push(b'0');
                    body.push(byte);
                    seen_digit = true;
                }
            }
            b'\'' | b' ' if seen_digit && b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                body.push(b' ')
            }
            b'-' | b'(' | b')' => {
                negative |= byte != b')';
                if seen_digit {
                    after_digits = true;
                }
            }
            _ => {
                // Currency symbols, codes and spaces (ASCII, UTF-8 or Windows-1252) around the number.
                let width = match byte {
                    0xc2..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf4 => 4,
                    _ => 1,
                };
                let piece = &b[i..(i + width).min(b.len())];
                let thin_space = matches!(piece, b"\xc2\xa0" | b"\xe2\x80\xaf" | b"\xe2\x80\x89")
                    || byte == 0xa0;
                if thin_space
                    && seen_digit
                    && b.get(i + piece.len()).is_some_and(u8::is_ascii_digit)
                {
                    body.push(b' ');
                } else if seen_digit {
                    after_digits = true;
                }
                if !(byte.is_ascii_alphabetic()
                    || byte == b' '
                    || byte == b'$'
                    || byte >= 0x80
                    || thin_space)
                {
                    return None;
                }
                i += piece.len();
                continue;
            }
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    let cents = number_to_cents(&body, decimal_comma)?;
    Some(if negative { -cents } else { cents })
}

/// Digits with separators to cents, deciding which mark is the decimal point.
fn number_to_cents(body: &[u8], decimal_comma: bool) -> Option<i64> {
    let dots = body.iter().filter(|&&c| c == b'.').count();
    let commas = body.iter().filter(|&&c| c == b',').count();
    let last_mark = body.iter().rposition(|&c| c == b'.' || c == b',');
    let digits_after = |p: usize| body.len() - p - 1;
    let decimal: Option<u8> = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (1, 0) => Some(if decimal_comma && digits_after(last_mark?) == 3 {
            b','
        } else {
            b'.'
        }),
        (0, 1) => Some(if decimal_comma || digits_after(last_mark?) != 3 {
            b','
        } else {
            b'.'
        }),
        _ => Some(body[last_mark?]),
    };
    let (whole, fraction) = match decimal.filter(|&mark| body.contains(&mark)) {
        Some(mark) => {
            let p = body.iter().rposition(|&c| c == mark)?;
            (&body[..p], &body[p + 1..])
        }
        None => (body, &b""[..]),
    };
    if fraction.iter().any(|c| !c.is_ascii_digit()) {
        return None;
    }
    // Thousands groups: 1-3 digits, then groups of exactly 3.
    let grouped = whole.iter().any(|c| !c.is_ascii_digit());
    let mut units: i64 = 0;
    for (i, group) in whole.split(|c| !c.is_ascii_digit()).enumerate() {
        let fits = match (i, grouped) {
            (0, false) => !group.is_empty(),
            (0, true) => (1..=3).contains(&group.len()),
            _ => group.len() == 3,
        };
        if !fits {
            return None;
        }
        for &c in group {
            units = units.checked_mul(10)?.checked_add(i64::from(c - b'0'))?;
        }
    }
    let mut cents = units.checked_mul(100)?;
    let frac = |i: usize| fraction.get(i).map_or(0, |c| i64::from(c - b'0'));
    cents += frac(0) * 10 + frac(1);
    if frac(2) >= 5 {
        cents += 1;
    }
    (cents < 1_000_000_000_000_000).then_some(cents)
}

/// A yes/no cell: 1/0, true/false, yes/no, y/n, t/f, x, checked/unchecked. `None` if it is none of these.
#[inline]
pub(crate) fn flag(b: &[u8]) -> Option<bool> {
    match b {
        b"1" => Some(true),
        b"0" => Some(false),
        _ => flag_words(b),
    }
}

fn flag_words(b: &[u8]) -> Option<bool> {
    const YES: [&[u8]; 7] = [b"true", b"yes", b"y", b"t", b"x", b"checked", b"ja"];
    const NO: [&[u8]; 6] = [b"false", b"no", b"n", b"f", b"unchecked", b"nein"];
    if YES.iter().any(|w| b.eq_ignore_ascii_case(w)) {
        Some(true)
    } else if NO.iter().any(|w| b.eq_ignore_ascii_case(w)) {
        Some(false)
    } else {
        None
    }
}

/// Where an opportunity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Not closed yet.
    Open,
    /// Closed won.
    Won,
    /// Closed, not won.
    Lost,
}

/// Reads a stage or status: "Closed Won"/"won" is won, "Closed Lost"/"lost"/"Closed - No decision" is
/// lost, anything else is open.
pub(crate) fn outcome_of_stage(b: &[u8]) -> Outcome {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &c in b {
        if c.is_ascii_alphanumeric() && n < buf.len() {
            buf[n] = c.to_ascii_lowercase();
            n += 1;
        }
    }
    let text = &buf[..n];
    let has = |word: &[u8]| text.windows(word.len()).any(|w| w == word);
    if has(b"won") && !has(b"notwon") {
        Outcome::Won
    } else if has(b"lost") || text.starts_with(b"closed") || has(b"dead") || has(b"disqualified") {
        Outcome::Lost
    } else {
        Outcome::Open
    }
}

/// Per-file cache of stage cell -> outcome.
#[derive(Debug, Default)]
pub(crate) struct StageCache {
    entries: Vec<(Box<[u8]>, Outcome)>,
    last: usize,
}

impl StageCache {
    /// The outcome for a trimmed stage cell.
    #[inline]
    pub(crate) fn outcome(&mut self, raw: &[u8]) -> Outcome {
        if let Some(entry) = self.entries.get(self.last)
            && *entry.0 == *raw
        {
            return entry.1;
        }
        self.outcome_slow(raw)
    }

    fn outcome_slow(&mut self, raw: &[u8]) -> Outcome {
        if let Some(i) = self.entries.iter().position(|e| *e.0 == *raw) {
            self.last = i;
            return self.entries[i].1;
        }
        let outcome = outcome_of_stage(raw);
        if self.entries.len() < 64 && raw.len() <= super::limits::MAX_REMEMBERED {
            self.entries.push((raw.into(), outcome));
            self.last = self.entries.len() - 1;
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow(text: &str, decimal_comma: bool) -> Option<i64> {
        amount_slow(text.as_bytes(), decimal_comma)
    }

    #[test]
    fn fast_amounts() {
        assert_eq!(amount_fast(b"20448.30"), Some(2_044_830));
        assert_eq!(amount_fast(b"5"), Some(500));
        assert_eq!(amount_fast(b"5.5"), Some(550));
        assert_eq!(amount_fast(b"-3.01"), Some(-301));
        for text in ["$5", "1,234", "1.234", "5.555", "", "-", "1e5", "12 000"] {
            assert_eq!(amount_fast(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn currency_symbols_and_thousands_separators() {
        assert_eq!(slow("$1,234.56", false), Some(123_456));
        assert_eq!(slow("USD 1,234", false), Some(123_400));
        assert_eq!(slow("1,234,567", false), Some(123_456_700));
        assert_eq!(slow("€ 99.5", false), Some(9_950));
        assert_eq!(slow("£2,000", false), Some(200_000));
        assert_eq!(slow("(1,234.00)", false), Some(-123_400));
        assert_eq!(slow("CHF 1'234.50", false), Some(123_450));
        assert_eq!(slow("1,234.5678", false), Some(123_457));
        assert_eq!(slow("12,5", false), Some(1_250));
        assert_eq!(amount_slow(b"\x80 99,50", true), Some(9_950));
    }

    #[test]
    fn decimal_commas_in_semicolon_files() {
        assert_eq!(slow("1.234,56", true), Some(123_456));
        assert_eq!(slow("1234,56", true), Some(123_456));
        assert_eq!(slow("1.234", true), Some(123_400));
        assert_eq!(slow("1,234", true), Some(123));
        assert_eq!(slow("1 234,56 €", true), Some(123_456));
        assert_eq!(slow("1\u{a0}234,56\u{a0}€", true), Some(123_456));
        assert_eq!(slow("1.234.567,8", true), Some(123_456_780));
    }

    #[test]
    fn fast_and_slow_agree_on_plain_numbers() {
        for text in ["0", "7", "20448.30", "5.5", "-3.01", "999999999.99"] {
            assert_eq!(amount_fast(text.as_bytes()), slow(text, false), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for text in [
            "abc",
            "12 USD 5",
            "1,23,456",
            "1.2.3,4,5",
            "1,2345,678",
            "$",
            "12a34",
        ] {
            assert_eq!(slow(text, false), None, "{text}");
        }
        assert!(is_no_amount(b"N/A") && is_no_amount(b"-") && !is_no_amount(b"0"));
    }

    #[test]
    fn flags() {
        for yes in ["1", "true", "TRUE", "Yes", "y", "X"] {
            assert_eq!(flag(yes.as_bytes()), Some(true), "{yes}");
        }
        for no in ["0", "false", "No", "N", "f"] {
            assert_eq!(flag(no.as_bytes()), Some(false), "{no}");
        }
        assert_eq!(flag(b"maybe"), None);
    }

    #[test]
    fn stages() {
        assert_eq!(outcome_of_stage(b"Closed Won"), Outcome::Won);
        assert_eq!(outcome_of_stage(b"closedwon"), Outcome::Won);
        assert_eq!(outcome_of_stage(b"Won"), Outcome::Won);
        assert_eq!(outcome_of_stage(b"Closed Lost"), Outcome::Lost);
        assert_eq!(outcome_of_stage(b"Closed - No Decision"), Outcome::Lost);
        assert_eq!(outcome_of_stage(b"lost"), Outcome::Lost);
        assert_eq!(outcome_of_stage(b"Negotiation/Review"), Outcome::Open);
        assert_eq!(outcome_of_stage(b"Proposal/Price Quote"), Outcome::Open);
        let mut cache = StageCache::default();
        assert_eq!(cache.outcome(b"Closed Won"), Outcome::Won);
        assert_eq!(cache.outcome(b"Prospecting"), Outcome::Open);
        assert_eq!(cache.outcome(b"Closed Won"), Outcome::Won);
    }
}
