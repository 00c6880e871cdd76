//! Reading typed answers ("1h 30m", "27.5 %", "$1.2M", "3:1", "yes", "?") and writing values back in plain words.

use super::Unit;

/// What a typed answer means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Parsed {
    /// A value in the unit's storage scale (minutes, 0-100, multiple, money, 0/0.5/1).
    Value(f64),
    /// The user said they don't know.
    Unknown,
}

/// Why a typed answer could not be read; its Display says what was expected, for a non-engineer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// Nothing but whitespace was typed.
    #[error("Type an answer first, or ? if you don't know.")]
    Empty,
    /// The text is not a value of this unit.
    #[error("{}", expected(*.0))]
    NotUnderstood(Unit),
    /// The text is a value, but not an allowed one (negative, a share over 100%, ...).
    #[error("{}", allowed(*.0))]
    OutOfRange(Unit),
}

/// Answers that mean "I don't know", after lowercasing and collapsing spaces.
const UNKNOWN: [&str; 8] = [
    "unknown",
    "don't know",
    "dont know",
    "i don't know",
    "i dont know",
    "not sure",
    "idk",
    "dunno",
];

/// Currency signs and codes that may surround an amount; they are ignored.
const CURRENCIES: [&str; 8] = ["$", "€", "£", "¥", "usd", "eur", "gbp", "chf"];

/// Reads what the user typed as a value of `unit`, or as "don't know".
///
/// ```
/// use mcc::checklist::Unit;
/// use mcc::checklist::answer::{Parsed, parse};
///
/// assert_eq!(parse(Unit::Minutes, "1h 30m"), Ok(Parsed::Value(90.0)));
/// assert_eq!(parse(Unit::Percent, "27.5 %"), Ok(Parsed::Value(27.5)));
/// assert_eq!(parse(Unit::Money, "$1.2M"), Ok(Parsed::Value(1_200_000.0)));
/// assert_eq!(parse(Unit::Ratio, "3:1"), Ok(Parsed::Value(3.0)));
/// assert_eq!(parse(Unit::YesNo, "?"), Ok(Parsed::Unknown));
/// assert!(parse(Unit::Percent, "about a third").is_err());
/// ```
pub fn parse(unit: Unit, text: &str) -> Result<Parsed, AnswerError> {
    let text = text.to_lowercase().replace('’', "'");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(AnswerError::Empty);
    }
    if text.chars().all(|c| c == '?') || UNKNOWN.contains(&text.as_str()) {
        return Ok(Parsed::Unknown);
    }
    let (negative, body) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.as_str()),
    };
    let value = match unit {
        Unit::Minutes => minutes(body),
        Unit::Percent => percent(body),
        Unit::Ratio => ratio(body),
        Unit::Money => money(body),
        Unit::YesNo => yes_no(body),
    }
    .filter(|v| v.is_finite())
    .ok_or(AnswerError::NotUnderstood(unit))?;
    if negative || !unit.allows(value) {
        return Err(AnswerError::OutOfRange(unit));
    }
    Ok(Parsed::Value(value))
}

/// Short form for lists and gauges: "5 min", "1 h 30 min", "42 h", "2 days", "27.5%", "3.0x", "$1.2M", "Yes"/"Partly"/"No".
pub fn format_value(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Minutes => duration(value),
        Unit::Percent => format!("{}%", one_decimal(value)),
        Unit::Ratio => format!("{value:.1}x"),
        Unit::Money => amount(value),
        Unit::YesNo if value >= 0.75 => "Yes".to_owned(),
        Unit::YesNo if value >= 0.25 => "Partly".to_owned(),
        Unit::YesNo => "No".to_owned(),
    }
}

/// Words for the unit shown beside the input box: "minutes", "percent (%)", "times (x)", ...
pub fn unit_label(unit: Unit) -> &'static str {
    match unit {
        Unit::Minutes => "minutes",
        Unit::Percent => "percent (%)",
        Unit::Ratio => "times (x)",
        Unit::Money => "amount of money",
        Unit::YesNo => "yes / partly / no",
    }
}

/// Example inputs for the unit, shown as a hint: "e.g. 5m, 1h 30m, 2 days".
pub fn examples(unit: Unit) -> &'static str {
    match unit {
        Unit::Minutes => "e.g. 5m, 1h 30m, 2 days",
        Unit::Percent => "e.g. 27, 27.5%",
        Unit::Ratio => "e.g. 3:1, 2.5x, 0.5",
        Unit::Money => "e.g. 250k, $1.2M, 40,000",
        Unit::YesNo => "e.g. yes, partly, no",
    }
}

/// What to type for `unit`, shown when the text could not be read.
fn expected(unit: Unit) -> &'static str {
    match unit {
        Unit::Minutes => "Type a time like 5m, 1h 30m or 2 days (or ? if you don't know).",
        Unit::Percent => "Type a share like 27 or 27.5% (or ? if you don't know).",
        Unit::Ratio => "Type a ratio like 3:1 or 2.5x (or ? if you don't know).",
        Unit::Money => "Type an amount like 250k, $1.2M or 40,000 (or ? if you don't know).",
        Unit::YesNo => "Type yes, partly or no (or ? if you don't know).",
    }
}

/// Which values `unit` allows, shown when a readable value is outside them.
fn allowed(unit: Unit) -> &'static str {
    match unit {
        Unit::Minutes => "A time can't be negative. Type one like 5m, 1h 30m or 2 days.",
        Unit::Percent => "A share must be between 0% and 100%.",
        Unit::Ratio => "A ratio can't be negative. Type one like 3:1 or 2.5x.",
        Unit::Money => "An amount can't be negative. Type one like 250k or $1.2M.",
        Unit::YesNo => "Type yes, partly or no (as a number: 1, 0.5 or 0).",
    }
}

/// Reads "27", "27.5", ".5", "27,5" (decimal comma), "1,200,000" or "40 000" (thousands); no signs or exponents.
fn number(text: &str) -> Option<f64> {
    grouped(text).or_else(|| decimal(text))
}

/// Reads digits with at most one decimal point or comma.
fn decimal(text: &str) -> Option<f64> {
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let marks = text.bytes().filter(|&b| b == b'.' || b == b',').count();
    if digits == 0 || marks > 1 || digits + marks != text.len() {
        return None;
    }
    text.replace(',', ".").parse().ok()
}

/// Reads a whole part in groups of three digits split by commas or spaces, with an optional ".fraction".
fn grouped(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let separator = whole.chars().find(|&c| c == ',' || c == ' ')?;
    let mut groups = whole.split(separator);
    let lead = groups.next()?;
    let valid = (1..=3).contains(&lead.len())
        && groups.all(|group| group.len() == 3)
        && whole.chars().all(|c| c.is_ascii_digit() || c == separator);
    if !valid {
        return None;
    }
    decimal(&format!("{}.{fraction}", whole.replace(separator, "")))
}

/// Reads a duration in minutes: "7.5", "90s", "1h 30m", "2 days 4 hours", "1 hour and 30 minutes" or "1:30" (h:mm).
fn minutes(text: &str) -> Option<f64> {
    if let Some((left, right)) = text.split_once(':') {
        let digits_only = left
            .bytes()
            .chain(right.bytes())
            .all(|b| b.is_ascii_digit());
        let (hours, mins) = (decimal(left)?, decimal(right)?);
        return (digits_only && right.len() == 2 && mins < 60.0).then_some(hours * 60.0 + mins);
    }
    if let Some(bare) = number(text) {
        return Some(bare);
    }
    let (mut total, mut previous, mut rest) = (0.0, f64::INFINITY, text);
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let amount = number(&rest[..end])?;
        rest = rest[end..].trim_start();
        let end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let size = minutes_in(&rest[..end]).filter(|&size| size < previous)?;
        (total, previous) = (total + amount * size, size);
        rest = rest[end..].trim_start_matches([' ', ',']);
        rest = rest.strip_prefix("and ").unwrap_or(rest);
    }
    Some(total)
}

/// How many minutes one of the named time units holds.
fn minutes_in(word: &str) -> Option<f64> {
    Some(match word {
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0 / 60.0,
        "m" | "min" | "mins" | "minute" | "minutes" => 1.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
        "d" | "day" | "days" => 24.0 * 60.0,
        "w" | "wk" | "wks" | "week" | "weeks" => 7.0 * 24.0 * 60.0,
        _ => return None,
    })
}

/// Reads a share: "27", "27%", "27.5 %", "27.5 percent", "27 pct".
fn percent(text: &str) -> Option<f64> {
    let text = ["%", "percent", "pct"]
        .iter()
        .find_map(|sign| text.strip_suffix(sign))
        .unwrap_or(text);
    number(text.trim_end())
}

/// Reads a multiple: "3", "3x", "3 x", "3:1", "1:2", "2.5 to 1"; a second number of 0 is not read.
fn ratio(text: &str) -> Option<f64> {
    if let Some((left, right)) = text.split_once(':').or_else(|| text.split_once(" to ")) {
        let (left, right) = (number(left.trim())?, number(right.trim())?);
        return (right > 0.0).then(|| left / right);
    }
    number(text.strip_suffix(['x', '×']).unwrap_or(text).trim_end())
}

/// Reads an amount: "1,200,000", "$1.2M", "250k", "€3.5 million", "£2bn", "USD 40,000", "40 000".
fn money(text: &str) -> Option<f64> {
    let text = CURRENCIES
        .iter()
        .find_map(|c| text.strip_prefix(c))
        .unwrap_or(text)
        .trim_start();
    let text = CURRENCIES
        .iter()
        .find_map(|c| text.strip_suffix(c))
        .unwrap_or(text)
        .trim_end();
    let digits = text.trim_end_matches(char::is_alphabetic);
    let scale = match &text[digits.len()..] {
        "" => 1.0,
        "k" | "thousand" => 1e3,
        "m" | "mm" | "mn" | "million" => 1e6,
        "b" | "bn" | "billion" => 1e9,
        _ => return None,
    };
    number(digits.trim_end()).map(|n| n * scale)
}

/// Reads yes (1), partly (0.5) or no (0), in words or as a number.
fn yes_no(text: &str) -> Option<f64> {
    match text {
        "yes" | "y" | "yep" | "yeah" | "true" => Some(1.0),
        "partly" | "partial" | "partially" | "part" | "somewhat" | "half" | "in progress" => {
            Some(0.5)
        }
        "no" | "n" | "nope" | "false" => Some(0.0),
        _ => number(text),
    }
}

/// Writes `value` with one decimal, dropping a trailing ".0".
pub(crate) fn one_decimal(value: f64) -> String {
    let mut text = format!("{value:.1}");
    if text.ends_with(".0") {
        text.truncate(text.len() - 2);
    }
    text
}

/// Writes minutes as "45 sec", "7.5 min", "1 h 30 min", "42 h" or "3.5 days", rounding each at its own scale.
fn duration(minutes: f64) -> String {
    let seconds = (minutes * 60.0).round();
    if seconds < 60.0 {
        return format!("{seconds} sec");
    }
    if (minutes * 10.0).round() < 600.0 {
        return format!("{} min", one_decimal(minutes));
    }
    let whole = minutes.round() as u64;
    match (whole / 60, whole % 60) {
        (hours, 0) if hours < 48 => format!("{hours} h"),
        (hours, mins) if hours < 48 => format!("{hours} h {mins} min"),
        _ => format!("{} days", one_decimal(minutes / (24.0 * 60.0))),
    }
}

/// Writes money as "$980", "$250k", "$1.2M" or "$3.5B", moving up a scale when rounding would show 1000.
fn amount(value: f64) -> String {
    if value.round() < 1e3 {
        return format!("${value:.0}");
    }
    for (scale, suffix) in [(1e3, "k"), (1e6, "M")] {
        if (value / scale * 10.0).round() < 1e4 {
            return format!("${}{suffix}", one_decimal(value / scale));
        }
    }
    format!("${}B", one_decimal(value / 1e9))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Unit; 5] = [
        Unit::Minutes,
        Unit::Percent,
        Unit::Ratio,
        Unit::Money,
        Unit::YesNo,
    ];

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    fn assert_reads(unit: Unit, cases: &[(&str, f64)]) {
        for &(text, want) in cases {
            match parse(unit, text) {
                Ok(Parsed::Value(got)) => assert!(
                    close(got, want),
                    "{unit:?} {text:?}: got {got}, want {want}"
                ),
                other => panic!("{unit:?} {text:?}: got {other:?}, want {want}"),
            }
        }
    }

    #[test]
    fn unknown_words_mean_unknown_for_every_unit() {
        let words = [
            "?",
            " ? ",
            "??",
            "unknown",
            "UNKNOWN",
            "don't know",
            "Don’t know",
            "dont  know",
            "not sure",
            "IDK",
            "i don't know",
            "dunno",
        ];
        for unit in ALL {
            for word in words {
                assert_eq!(parse(unit, word), Ok(Parsed::Unknown), "{unit:?} {word:?}");
            }
        }
    }

    #[test]
    fn empty_is_an_error_for_every_unit() {
        for unit in ALL {
            for text in ["", "   ", "\t\n"] {
                assert_eq!(
                    parse(unit, text),
                    Err(AnswerError::Empty),
                    "{unit:?} {text:?}"
                );
            }
        }
    }

    #[test]
    fn reads_minutes() {
        assert_reads(
            Unit::Minutes,
            &[
                ("0", 0.0),
                ("5", 5.0),
                ("7.5", 7.5),
                ("90s", 1.5),
                ("90 sec", 1.5),
                ("90 seconds", 1.5),
                ("5m", 5.0),
                ("5 min", 5.0),
                ("5 mins", 5.0),
                ("5 minutes", 5.0),
                (" 5 MINUTES ", 5.0),
                ("42h", 2520.0),
                ("42 hr", 2520.0),
                ("42 hrs", 2520.0),
                ("1.5 hours", 90.0),
                ("2d", 2880.0),
                ("2 days", 2880.0),
                ("1 day", 1440.0),
                ("1w", 10080.0),
                ("2 weeks", 20160.0),
                ("1h 30m", 90.0),
                ("1h30m", 90.0),
                ("2 days 4 hours", 3120.0),
                ("1 hour and 30 minutes", 90.0),
                ("1h, 30m", 90.0),
                ("1h 30m 30s", 90.5),
                ("1:30", 90.0),
                ("0:05", 5.0),
                ("45 sec", 0.75),
                ("1 h 30 min", 90.0),
                ("1,000 minutes", 1000.0),
            ],
        );
    }

    #[test]
    fn reads_percent() {
        assert_reads(
            Unit::Percent,
            &[
                ("0", 0.0),
                ("100", 100.0),
                ("100%", 100.0),
                ("27", 27.0),
                ("27%", 27.0),
                ("27.5 %", 27.5),
                ("27.5 percent", 27.5),
                (" 27 pct", 27.0),
                ("27,5", 27.5),
                ("27,5%", 27.5),
                (".5", 0.5),
            ],
        );
    }

    #[test]
    fn reads_ratio() {
        assert_reads(
            Unit::Ratio,
            &[
                ("0", 0.0),
                ("3", 3.0),
                ("3x", 3.0),
                ("3 x", 3.0),
                ("3X", 3.0),
                ("3:1", 3.0),
                ("3 : 1", 3.0),
                ("1:2", 0.5),
                ("2.5 to 1", 2.5),
                ("3.0x", 3.0),
                ("0:1", 0.0),
            ],
        );
    }

    #[test]
    fn reads_money() {
        assert_reads(
            Unit::Money,
            &[
                ("0", 0.0),
                ("980", 980.0),
                ("1200000", 1_200_000.0),
                ("1,200,000", 1_200_000.0),
                ("1,200,000.50", 1_200_000.5),
                ("$1.2M", 1_200_000.0),
                ("1.2m", 1_200_000.0),
                ("250k", 250_000.0),
                ("$250K", 250_000.0),
                ("€3.5 million", 3_500_000.0),
                ("£2bn", 2e9),
                ("2 billion", 2e9),
                ("1.5 thousand", 1500.0),
                ("USD 40,000", 40_000.0),
                ("40,000 usd", 40_000.0),
                ("40 000", 40_000.0),
                ("$ 3,5M", 3_500_000.0),
            ],
        );
    }

    #[test]
    fn reads_yes_no() {
        assert_reads(
            Unit::YesNo,
            &[
                ("yes", 1.0),
                ("Y", 1.0),
                ("true", 1.0),
                ("yep", 1.0),
                ("1", 1.0),
                ("no", 0.0),
                ("n", 0.0),
                ("FALSE", 0.0),
                ("nope", 0.0),
                ("0", 0.0),
                ("partly", 0.5),
                ("partial", 0.5),
                ("part", 0.5),
                ("somewhat", 0.5),
                ("half", 0.5),
                ("In  progress", 0.5),
                ("0.5", 0.5),
            ],
        );
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        use AnswerError::{NotUnderstood, OutOfRange};
        let cases = [
            (
                Unit::Minutes,
                "5 minutes please",
                NotUnderstood(Unit::Minutes),
            ),
            (Unit::Minutes, "abc", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "5..5", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "1e400", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "minutes", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "5 parsecs", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "30m 1h", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "5m 5m", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "1 hour and", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "1h 30", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "1:75", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "1:5", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "1:30:00", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "yes", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "NaN", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "inf", NotUnderstood(Unit::Minutes)),
            (Unit::Minutes, "-5", OutOfRange(Unit::Minutes)),
            (Unit::Minutes, "-1h 30m", OutOfRange(Unit::Minutes)),
            (Unit::Percent, "100.1", OutOfRange(Unit::Percent)),
            (Unit::Percent, "250%", OutOfRange(Unit::Percent)),
            (Unit::Percent, "-5%", OutOfRange(Unit::Percent)),
            (Unit::Percent, "%", NotUnderstood(Unit::Percent)),
            (Unit::Percent, "27%%", NotUnderstood(Unit::Percent)),
            (Unit::Percent, "27 5", NotUnderstood(Unit::Percent)),
            (Unit::Percent, "about 27", NotUnderstood(Unit::Percent)),
            (Unit::Percent, "1e400", NotUnderstood(Unit::Percent)),
            (Unit::Percent, "maybe", NotUnderstood(Unit::Percent)),
            (Unit::Ratio, "3:0", NotUnderstood(Unit::Ratio)),
            (Unit::Ratio, "0:0", NotUnderstood(Unit::Ratio)),
            (Unit::Ratio, "-3:1", OutOfRange(Unit::Ratio)),
            (Unit::Ratio, "3:-1", NotUnderstood(Unit::Ratio)),
            (Unit::Ratio, "x", NotUnderstood(Unit::Ratio)),
            (Unit::Ratio, "3xx", NotUnderstood(Unit::Ratio)),
            (Unit::Ratio, "3 to", NotUnderstood(Unit::Ratio)),
            (Unit::Ratio, "three", NotUnderstood(Unit::Ratio)),
            (Unit::Money, "-5", OutOfRange(Unit::Money)),
            (Unit::Money, "-$1.2M", OutOfRange(Unit::Money)),
            (Unit::Money, "1.2 zillion", NotUnderstood(Unit::Money)),
            (Unit::Money, "1,20,000", NotUnderstood(Unit::Money)),
            (Unit::Money, "1,200 000", NotUnderstood(Unit::Money)),
            (Unit::Money, "$", NotUnderstood(Unit::Money)),
            (Unit::Money, "1e400", NotUnderstood(Unit::Money)),
            (Unit::Money, "lots", NotUnderstood(Unit::Money)),
            (Unit::YesNo, "2", OutOfRange(Unit::YesNo)),
            (Unit::YesNo, "0.3", OutOfRange(Unit::YesNo)),
            (Unit::YesNo, "maybe", NotUnderstood(Unit::YesNo)),
            (Unit::YesNo, "yes please", NotUnderstood(Unit::YesNo)),
        ];
        for (unit, text, want) in cases {
            assert_eq!(parse(unit, text), Err(want), "{unit:?} {text:?}");
        }
    }

    #[test]
    fn rejects_numbers_too_big_to_hold() {
        let huge = "9".repeat(400);
        for unit in [Unit::Minutes, Unit::Ratio, Unit::Money] {
            assert_eq!(
                parse(unit, &huge),
                Err(AnswerError::NotUnderstood(unit)),
                "{unit:?}"
            );
        }
        assert_eq!(
            parse(Unit::Money, &format!("{}bn", "9".repeat(305))),
            Err(AnswerError::NotUnderstood(Unit::Money))
        );
    }

    #[test]
    fn error_messages_say_what_to_type() {
        let cases = [
            (
                AnswerError::Empty,
                "Type an answer first, or ? if you don't know.",
            ),
            (
                AnswerError::NotUnderstood(Unit::Minutes),
                "Type a time like 5m, 1h 30m or 2 days (or ? if you don't know).",
            ),
            (
                AnswerError::NotUnderstood(Unit::Percent),
                "Type a share like 27 or 27.5% (or ? if you don't know).",
            ),
            (
                AnswerError::NotUnderstood(Unit::Ratio),
                "Type a ratio like 3:1 or 2.5x (or ? if you don't know).",
            ),
            (
                AnswerError::NotUnderstood(Unit::Money),
                "Type an amount like 250k, $1.2M or 40,000 (or ? if you don't know).",
            ),
            (
                AnswerError::NotUnderstood(Unit::YesNo),
                "Type yes, partly or no (or ? if you don't know).",
            ),
            (
                AnswerError::OutOfRange(Unit::Minutes),
                "A time can't be negative. Type one like 5m, 1h 30m or 2 days.",
            ),
            (
                AnswerError::OutOfRange(Unit::Percent),
                "A share must be between 0% and 100%.",
            ),
            (
                AnswerError::OutOfRange(Unit::Ratio),
                "A ratio can't be negative. Type one like 3:1 or 2.5x.",
            ),
            (
                AnswerError::OutOfRange(Unit::Money),
                "An amount can't be negative. Type one like 250k or $1.2M.",
            ),
            (
                AnswerError::OutOfRange(Unit::YesNo),
                "Type yes, partly or no (as a number: 1, 0.5 or 0).",
            ),
        ];
        for (error, want) in cases {
            assert_eq!(error.to_string(), want);
        }
    }

    #[test]
    fn formats_values() {
        let cases = [
            (Unit::Minutes, 0.0, "0 sec"),
            (Unit::Minutes, 0.75, "45 sec"),
            (Unit::Minutes, 0.999, "1 min"),
            (Unit::Minutes, 5.0, "5 min"),
            (Unit::Minutes, 7.0, "7 min"),
            (Unit::Minutes, 7.5, "7.5 min"),
            (Unit::Minutes, 59.99, "1 h"),
            (Unit::Minutes, 60.0, "1 h"),
            (Unit::Minutes, 90.0, "1 h 30 min"),
            (Unit::Minutes, 2520.0, "42 h"),
            (Unit::Minutes, 2879.0, "47 h 59 min"),
            (Unit::Minutes, 2879.9, "2 days"),
            (Unit::Minutes, 2880.0, "2 days"),
            (Unit::Minutes, 5040.0, "3.5 days"),
            (Unit::Percent, 0.0, "0%"),
            (Unit::Percent, 27.0, "27%"),
            (Unit::Percent, 27.5, "27.5%"),
            (Unit::Percent, 27.54, "27.5%"),
            (Unit::Percent, 100.0, "100%"),
            (Unit::Ratio, 3.0, "3.0x"),
            (Unit::Ratio, 0.5, "0.5x"),
            (Unit::Ratio, 0.0, "0.0x"),
            (Unit::Money, 0.0, "$0"),
            (Unit::Money, 980.0, "$980"),
            (Unit::Money, 999.4, "$999"),
            (Unit::Money, 999.6, "$1k"),
            (Unit::Money, 999_940.0, "$999.9k"),
            (Unit::Money, 250_000.0, "$250k"),
            (Unit::Money, 999_960.0, "$1M"),
            (Unit::Money, 1_200_000.0, "$1.2M"),
            (Unit::Money, 3_500_000_000.0, "$3.5B"),
            (Unit::YesNo, 1.0, "Yes"),
            (Unit::YesNo, 0.75, "Yes"),
            (Unit::YesNo, 0.5, "Partly"),
            (Unit::YesNo, 0.25, "Partly"),
            (Unit::YesNo, 0.0, "No"),
        ];
        for (unit, value, want) in cases {
            assert_eq!(format_value(unit, value), want, "{unit:?} {value}");
        }
    }

    #[test]
    fn formatted_values_read_back() {
        let cases: [(Unit, &[f64]); 5] = [
            (
                Unit::Minutes,
                &[
                    0.0, 0.75, 5.0, 7.5, 59.0, 60.0, 90.0, 2520.0, 2879.0, 2880.0, 5040.0, 20160.0,
                ],
            ),
            (Unit::Percent, &[0.0, 27.0, 27.5, 99.9, 100.0]),
            (Unit::Ratio, &[0.0, 0.5, 3.0, 12.5]),
            (
                Unit::Money,
                &[0.0, 980.0, 1500.0, 250_000.0, 1_200_000.0, 3_500_000_000.0],
            ),
            (Unit::YesNo, &[0.0, 0.5, 1.0]),
        ];
        for (unit, values) in cases {
            for &value in values {
                let text = format_value(unit, value);
                assert_reads(unit, &[(text.as_str(), value)]);
            }
        }
    }

    #[test]
    fn labels_and_examples() {
        let cases = [
            (Unit::Minutes, "minutes", "e.g. 5m, 1h 30m, 2 days"),
            (Unit::Percent, "percent (%)", "e.g. 27, 27.5%"),
            (Unit::Ratio, "times (x)", "e.g. 3:1, 2.5x, 0.5"),
            (Unit::Money, "amount of money", "e.g. 250k, $1.2M, 40,000"),
            (Unit::YesNo, "yes / partly / no", "e.g. yes, partly, no"),
        ];
        for (unit, label, hint) in cases {
            assert_eq!((unit_label(unit), examples(unit)), (label, hint));
        }
    }
}
