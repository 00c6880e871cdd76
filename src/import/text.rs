//! Text encodings of CRM exports. Cells stay raw bytes while rows are read (every structural
//! character is ASCII in both encodings); only text that is shown or matched is decoded.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

/// How a file's text is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    /// UTF-8 (or plain ASCII) without a byte-order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-8 starting with a byte-order mark, as Excel writes "CSV UTF-8".
    #[serde(rename = "utf-8 with BOM")]
    Utf8Bom,
    /// Windows-1252 (a superset of Latin-1), as older Excel and Salesforce exports write.
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Utf8 => "utf-8",
            Self::Utf8Bom => "utf-8 with BOM",
            Self::Windows1252 => "windows-1252",
        })
    }
}

/// Decodes one cell. A UTF-8 file's cell that is not valid UTF-8 is read as Windows-1252 too.
pub(crate) fn decode(raw: &[u8], encoding: Encoding) -> Cow<'_, str> {
    if encoding != Encoding::Windows1252
        && let Ok(text) = std::str::from_utf8(raw)
    {
        return Cow::Borrowed(text);
    }
    encoding_rs::WINDOWS_1252.decode_without_bom_handling(raw).0
}

/// A cell for a message: decoded, trimmed, at most 40 characters.
pub(crate) fn shown(raw: &[u8], encoding: Encoding) -> String {
    let text = decode(raw, encoding);
    let text = text.trim();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(39).collect::<String>())
    } else {
        text.to_string()
    }
}

/// Whether `sample` is valid UTF-8, allowing a character cut off at the end of a partial read.
pub(crate) fn is_utf8(sample: &[u8], complete: bool) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(error) => !complete && error.error_len().is_none(),
    }
}

/// Formats a count with thousands separators: 1204 -> "1,204".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Formats money in the file's currency units: 1234567.891 -> "1,234,567.89".
pub(crate) fn money(value: f64) -> String {
    let cents = (value * 100.0).round() as i64;
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    format!("{sign}{}.{:02}", count(cents / 100), cents % 100)
}

/// Formats a share for a sentence: "18%", "0.4%".
pub(crate) fn percent(value: f64) -> String {
    if value > 0.0 && value < 1.0 {
        format!("{value:.1}%")
    } else {
        format!("{value:.0}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_windows_1252_and_keeps_utf8() {
        assert_eq!(
            decode(b"M\xfcller \x80 5 \x93ok\x94", Encoding::Windows1252),
            "Müller € 5 “ok”"
        );
        assert_eq!(decode("Müller".as_bytes(), Encoding::Utf8), "Müller");
        assert_eq!(decode(b"M\xfcller", Encoding::Utf8), "Müller");
        assert!(matches!(
            decode(b"plain", Encoding::Windows1252),
            Cow::Borrowed("plain")
        ));
    }

    #[test]
    fn utf8_check_allows_a_cut_character_only_in_a_partial_sample() {
        let text = "Bäckerei".as_bytes();
        assert!(is_utf8(text, true));
        assert!(is_utf8(&text[..2], false));
        assert!(!is_utf8(&text[..2], true));
        assert!(!is_utf8(b"M\xfcller", false));
    }

    #[test]
    fn formats_numbers_for_sentences() {
        assert_eq!(count(0), "0");
        assert_eq!(count(1204), "1,204");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(money(1_234_567.891), "1,234,567.89");
        assert_eq!(money(-5.5), "-5.50");
        assert_eq!(percent(18.2), "18%");
        assert_eq!(percent(0.42), "0.4%");
        assert_eq!(shown(&[b'x'; 50], Encoding::Utf8).chars().count(), 40);
    }
}
