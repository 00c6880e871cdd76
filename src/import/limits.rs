//! Caps that keep an import's memory bounded whatever the file holds. Rows are streamed, so
//! what could grow is one row (a value with an opening quote and no closing one runs to the end
//! of the file), the header, the lead-id map and the lists of distinct labels; each has a cap
//! here, and reaching one stops the import with an error naming the file (and line).

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// The longest row mcc reads, in bytes (a CRM's longest text field is about 128 KB).
pub(crate) const MAX_ROW_BYTES: u64 = 4 << 20;
/// The most columns a header may have (exports with every property have a few thousand).
pub(crate) const MAX_COLUMNS: usize = 10_000;
/// The most leads the lead-id map holds (about 70 bytes each).
pub(crate) const MAX_LEADS: usize = 10_000_000;
/// The most rows a metric summary may have: it has one per checklist item.
pub(crate) const MAX_SUMMARY_ROWS: usize = 10_000;
/// Longer labels, stages and ids are still read but not remembered.
pub(crate) const MAX_REMEMBERED: usize = 256;

/// The error a [`Capped`] reader gives when a row runs past [`MAX_ROW_BYTES`].
#[derive(Debug)]
pub(crate) struct RowTooLong;

impl std::fmt::Display for RowTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a row is too long")
    }
}

impl std::error::Error for RowTooLong {}

/// Whether a read error is a [`Capped`] reader refusing a long row.
pub(crate) fn is_row_too_long(error: &io::Error) -> bool {
    error.get_ref().is_some_and(|e| e.is::<RowTooLong>())
}

/// A reader that gives no more than [`MAX_ROW_BYTES`] past the start of the row being read;
/// the owner moves that start on after each row with [`RowStart::set`].
pub(crate) struct Capped<R> {
    inner: R,
    given: u64,
    row_start: RowStart,
}

/// Where the row being read starts, in bytes from where the [`Capped`] reader started.
#[derive(Debug, Clone, Default)]
pub(crate) struct RowStart(Rc<Cell<u64>>);

impl RowStart {
    /// Records that the next row starts at `offset`.
    pub(crate) fn set(&self, offset: u64) {
        self.0.set(offset);
    }
}

impl<R: Read> Capped<R> {
    /// Wraps `inner`; rows are measured from `row_start`.
    pub(crate) fn new(inner: R, row_start: &RowStart) -> Self {
        Self {
            inner,
            given: 0,
            row_start: row_start.clone(),
        }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let limit = self.row_start.0.get() + MAX_ROW_BYTES;
        if self.given >= limit {
            return Err(io::Error::other(RowTooLong));
        }
        let room = usize::try_from(limit - self.given).unwrap_or(usize::MAX);
        let n = buf.len().min(room);
        let read = self.inner.read(&mut buf[..n])?;
        self.given += read as u64;
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_a_row_at_the_cap_and_moves_on_with_the_row_start() {
        let data = vec![b'x'; (MAX_ROW_BYTES * 2) as usize];
        let start = RowStart::default();
        let mut reader = Capped::new(&data[..], &start);
        let mut sink = Vec::new();
        let error = reader.read_to_end(&mut sink).unwrap_err();
        assert!(is_row_too_long(&error));
        assert_eq!(sink.len() as u64, MAX_ROW_BYTES);
        start.set(MAX_ROW_BYTES);
        let mut rest = Vec::new();
        assert!(reader.read_to_end(&mut rest).is_err());
        assert_eq!(rest.len() as u64, MAX_ROW_BYTES);
        assert!(!is_row_too_long(&io::Error::other("disk")));
    }
}
