//! The CSV import on any file: it never panics, whatever the bytes. The first byte picks the
//! options (quarter or all dates, day/month order); the rest is the file.
#![no_main]

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use libfuzzer_sys::fuzz_target;
use mcc::checklist::quarter::Quarter;
use mcc::import::{DateOrder, ImportOptions, import_files};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let path = PathBuf::from(format!("/dev/shm/mcc-fuzz-{}.csv", std::process::id()));
    std::fs::write(&path, rest).expect("write the fuzz input");
    let options = ImportOptions {
        quarter: (first & 1 == 1).then(|| Quarter::new(2024, 1 + (first >> 1) % 4).unwrap()),
        all_dates: first & 8 == 8,
        date_order: match (first >> 4) % 3 {
            0 => None,
            1 => Some(DateOrder::Dmy),
            _ => Some(DateOrder::Mdy),
        },
        ..ImportOptions::default()
    };
    let _ = import_files(&[path], &options, &|_| {}, &AtomicBool::new(false));
});
