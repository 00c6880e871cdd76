//! First look at a file: is it text, which encoding and delimiter, where the header is, what kind
//! of export it is, and what its slash dates say about day/month order.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::dates::order_evidence;
use super::error::ImportError;
use super::fields::{Detection, Field, FileKind, detect};
use super::limits::MAX_COLUMNS;
use super::options::ColumnMapping;
use super::text::{Encoding, decode, is_utf8, shown};

/// Bytes read for the first look; the header must fit in them.
pub(crate) const SAMPLE: usize = 256 * 1024;
/// Records tried as the header when a report has title lines above it.
const HEADER_TRIES: usize = 6;

/// What the first look found.
#[derive(Debug)]
pub(crate) struct Sniffed {
    /// The path as given, for messages.
    pub path: String,
    /// File size in bytes.
    pub size: u64,
    /// Text encoding.
    pub encoding: Encoding,
    /// Field separator.
    pub delimiter: u8,
    /// Byte offset where CSV reading starts (after a BOM and a `sep=` line).
    pub start: u64,
    /// Physical lines before `start`.
    pub lines_before: u64,
    /// Records to skip from `start`: title lines and the header.
    pub skip_records: usize,
    /// Header cells, decoded, BOM removed.
    pub headers: Vec<String>,
    /// Kind and column layout.
    pub detection: Detection,
    /// Day/month evidence from slash dates in the sample.
    pub evidence: Evidence,
    /// Whether the sample is the whole file.
    pub complete: bool,
}

/// What slash dates such as 03/04/2024 say about day/month order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Evidence {
    /// Some slash date was seen.
    pub slash: bool,
    /// Some first number was above 12 (day first).
    pub dmy: bool,
    /// Some second number was above 12 (month first).
    pub mdy: bool,
    /// (column header, value) of the first slash date seen.
    pub example: Option<(String, String)>,
}

impl Evidence {
    /// Takes a date cell into account.
    pub(crate) fn see(&mut self, raw: &[u8], header: &str, encoding: Encoding) {
        if let Some((dmy, mdy)) = order_evidence(raw) {
            if !self.slash {
                self.example = Some((header.to_string(), shown(raw, encoding)));
            }
            self.slash = true;
            self.dmy |= dmy;
            self.mdy |= mdy;
        }
    }
}

/// The date columns of a kind of file.
pub(crate) fn date_fields(kind: FileKind) -> &'static [Field] {
    match kind {
        FileKind::Leads | FileKind::LeadsWithOpportunities => {
            &[Field::Created, Field::FirstResponse]
        }
        FileKind::Opportunities => &[Field::Created, Field::CloseDate],
        FileKind::Activities => &[Field::ActivityTime],
        FileKind::MetricSummary => &[],
    }
}

/// A csv reader with mcc's settings.
pub(crate) fn builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(1 << 20);
    builder
}

fn unreadable(path: &str, source: std::io::Error) -> ImportError {
    ImportError::Unreadable {
        path: path.to_string(),
        source,
    }
}

/// Looks at a file.
pub(crate) fn sniff(path: &Path, mappings: &[ColumnMapping]) -> Result<Sniffed, ImportError> {
    let name = path.display().to_string();
    let mut file = File::open(path).map_err(|e| unreadable(&name, e))?;
    let size = file.metadata().map_err(|e| unreadable(&name, e))?.len();
    let mut sample = Vec::with_capacity(SAMPLE.min(size as usize + 1));
    (&mut file)
        .take(SAMPLE as u64)
        .read_to_end(&mut sample)
        .map_err(|e| unreadable(&name, e))?;
    let complete = (sample.len() as u64) >= size;
    sniff_bytes(
        &name,
        &sample,
        size.max(sample.len() as u64),
        complete,
        mappings,
    )
}

fn not_csv(path: &str, what: &str) -> ImportError {
    ImportError::NotCsv {
        path: path.to_string(),
        what: what.to_string(),
    }
}

/// Looks at the first bytes of a file (`complete` when they are all of it).
pub(crate) fn sniff_bytes(
    path: &str,
    sample: &[u8],
    size: u64,
    complete: bool,
    mappings: &[ColumnMapping],
) -> Result<Sniffed, ImportError> {
    let empty = || ImportError::Empty {
        path: path.to_string(),
    };
    if sample.starts_with(b"\xff\xfe") || sample.starts_with(b"\xfe\xff") {
        return Err(not_csv(
            path,
            "it is UTF-16 text, as Excel's \"Unicode Text\" writes; save it as \"CSV UTF-8\" instead",
        ));
    }
    let magic: [(&[u8], &str); 4] = [
        (
            b"PK\x03\x04",
            "it looks like an Excel workbook or a zip file; save it as CSV first",
        ),
        (
            b"\xd0\xcf\x11\xe0",
            "it looks like an old Excel workbook (.xls); save it as CSV first",
        ),
        (b"%PDF", "it is a PDF"),
        (b"\x1f\x8b", "it is gzip-compressed; unzip it first"),
    ];
    if let Some((_, what)) = magic.iter().find(|(m, _)| sample.starts_with(m)) {
        return Err(not_csv(path, what));
    }
    let (encoding, mut start) = if sample.starts_with(b"\xef\xbb\xbf") {
        (Encoding::Utf8Bom, 3usize)
    } else if is_utf8(sample, complete) {
        (Encoding::Utf8, 0)
    } else {
        (Encoding::Windows1252, 0)
    };
    let body = &sample[start..];
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(empty());
    }
    let controls = body
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if body.contains(&0) || controls * 100 > body.len() {
        return Err(not_csv(path, "it looks like binary data, not text"));
    }
    // Excel's "sep=;" hint line.
    let mut lines_before = 0;
    let mut delimiter = None;
    if body.len() >= 5
        && body[..4].eq_ignore_ascii_case(b"sep=")
        && matches!(body.get(5), Some(b'\r' | b'\n') | None)
    {
        delimiter = Some(body[4]);
        let newline = body
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(body.len() - 1);
        start += newline + 1;
        lines_before = 1;
    }
    let body = &sample[start..];
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(body));

    let mut reader = builder(delimiter).from_reader(body);
    let mut records = Vec::new();
    let mut record = csv::ByteRecord::new();
    // Title lines above the header: try a few records.
    let mut chosen: Option<(usize, Vec<String>, Detection)> = None;
    let mut first_non_blank: Option<(usize, Vec<String>)> = None;
    let mut index = 0;
    while index < HEADER_TRIES && reader.read_byte_record(&mut record).unwrap_or(false) {
        records.push(record.clone());
        index += 1;
        if record.iter().all(|c| c.trim_ascii().is_empty()) {
            continue;
        }
        // A record cut off by the end of a partial sample is no header; nor is a huge one.
        if !complete && reader.position().byte() as usize >= body.len() {
            return Err(ImportError::HeaderTooLong {
                path: path.to_string(),
            });
        }
        if record.len() > MAX_COLUMNS {
            return Err(ImportError::TooManyColumns {
                path: path.to_string(),
                line: lines_before + reader.position().line() - 1,
                columns: record.len(),
            });
        }
        let headers: Vec<String> = record
            .iter()
            .map(|c| {
                decode(c, encoding)
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .trim()
                    .to_string()
            })
            .collect();
        let detection = detect(&headers, mappings);
        if first_non_blank.is_none() {
            first_non_blank = Some((index, headers.clone()));
        }
        if detection.kind.is_some() {
            chosen = Some((index, headers, detection));
            break;
        }
    }
    let (skip_records, headers, detection) = match chosen {
        Some(found) => found,
        None => {
            let (skip, headers) = first_non_blank.ok_or_else(empty)?;
            let detection = detect(&headers, mappings);
            (skip, headers, detection)
        }
    };

    let mut evidence = Evidence::default();
    if let Some(kind) = detection.kind {
        let columns: Vec<usize> = date_fields(kind)
            .iter()
            .filter_map(|&f| detection.layout.get(f))
            .collect();
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            for &c in &columns {
                if let Some(cell) = record.get(c) {
                    evidence.see(cell.trim_ascii(), &headers[c], encoding);
                }
            }
        }
    }
    Ok(Sniffed {
        path: path.to_string(),
        size,
        encoding,
        delimiter,
        start: start as u64,
        lines_before,
        skip_records,
        headers,
        detection,
        evidence,
        complete,
    })
}

/// The separator used most outside quotes in the first lines; commas win ties.
fn sniff_delimiter(body: &[u8]) -> u8 {
    const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
    let mut counts = [0usize; 4];
    let mut in_quotes = false;
    let mut lines = 0;
    for &b in body.iter().take(64 * 1024) {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                lines += 1;
                if lines == 20 {
                    break;
                }
            }
            _ if !in_quotes => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..4)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        CANDIDATES[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(bytes: &[u8]) -> Result<Sniffed, ImportError> {
        sniff_bytes("f.csv", bytes, bytes.len() as u64, true, &[])
    }

    #[test]
    fn finds_encoding_bom_and_delimiter() {
        let s = look(
            b"\xef\xbb\xbfLead ID;Created Date;First Response Date\r\n1;2024-01-01 10:00;\r\n",
        )
        .unwrap();
        assert_eq!(
            (s.encoding, s.delimiter, s.start),
            (Encoding::Utf8Bom, b';', 3)
        );
        assert_eq!(
            s.headers,
            ["Lead ID", "Created Date", "First Response Date"]
        );
        assert_eq!(s.detection.kind, Some(FileKind::Leads));
        let tabs = look(b"Lead ID\tCreated Date\tLead Source\tConverted\n1\t2024-01-01\tWeb\t1\n")
            .unwrap();
        assert_eq!(tabs.delimiter, b'\t');
        let latin =
            look(b"Lead ID,Created Date,Lead Source,Converted\n1,2024-01-01,\xc9v\xe9nement,1\n")
                .unwrap();
        assert_eq!(
            (latin.encoding, latin.delimiter),
            (Encoding::Windows1252, b',')
        );
        let quoted = look(b"\"a;b\",Created Date,Lead Source,Converted\n").unwrap();
        assert_eq!(quoted.delimiter, b',');
    }

    #[test]
    fn excel_sep_line_and_title_rows() {
        let s = look(b"sep=;\nLead ID;Created Date;Lead Source;Converted\n").unwrap();
        assert_eq!(
            (s.delimiter, s.lines_before, s.start, s.skip_records),
            (b';', 1, 6, 1)
        );
        let titled = look(b"Lead Report\n\"Filtered by: all\"\nLead ID,Created Date,Lead Source,Converted\n1,2024-01-01,Web,1\n").unwrap();
        assert_eq!(titled.skip_records, 3);
        assert_eq!(titled.detection.kind, Some(FileKind::Leads));
    }

    #[test]
    fn refuses_empty_binary_and_other_formats() {
        assert!(matches!(look(b""), Err(ImportError::Empty { .. })));
        assert!(matches!(look(b" \r\n\n"), Err(ImportError::Empty { .. })));
        assert!(matches!(
            look(b"\xef\xbb\xbf"),
            Err(ImportError::Empty { .. })
        ));
        let binary = look(b"\x00\x01\x02garbage\x00\x00").unwrap_err();
        assert_eq!(
            binary.to_string(),
            "f.csv is not a CSV file (it looks like binary data, not text)."
        );
        let xlsx = look(b"PK\x03\x04\x14\x00\x06\x00").unwrap_err();
        assert!(xlsx.to_string().contains("Excel workbook"), "{xlsx}");
        let utf16 = look(b"\xff\xfeL\x00e\x00").unwrap_err();
        assert!(utf16.to_string().contains("UTF-16"), "{utf16}");
    }

    #[test]
    fn gathers_day_month_evidence_from_date_columns() {
        let s = look(b"Lead ID,Created Date,First Response Date,Lead Source,Converted\n1,03/04/2024 10:00,13/04/2024 11:00,Web,1\n").unwrap();
        assert!(s.evidence.slash && s.evidence.dmy && !s.evidence.mdy);
        assert_eq!(
            s.evidence.example,
            Some(("Created Date".to_string(), "03/04/2024 10:00".to_string()))
        );
        let none =
            look(b"Lead ID,Created Date,Lead Source,Converted\n1,2024-04-03,Web,1\n").unwrap();
        assert!(!none.evidence.slash);
    }
}
