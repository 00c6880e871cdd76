//! The answer parser on any text, for every unit: it never panics, and what it accepts is a
//! finite value the unit allows, which formats and reads back without an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mcc::checklist::Unit;
use mcc::checklist::answer::{Parsed, format_value, parse};

const UNITS: [Unit; 5] = [
    Unit::Minutes,
    Unit::Percent,
    Unit::Ratio,
    Unit::Money,
    Unit::YesNo,
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let unit = UNITS[usize::from(first) % UNITS.len()];
    let text = String::from_utf8_lossy(rest);
    if let Ok(Parsed::Value(value)) = parse(unit, &text) {
        assert!(unit.allows(value), "{unit:?} {text:?} gave {value}");
        let shown = format_value(unit, value);
        assert!(parse(unit, &shown).is_ok(), "{shown:?} does not read back");
    }
});
