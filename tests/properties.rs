//! Property tests on hostile and random input, with case counts kept small for CI (the fuzz
//! targets in `fuzz/` go much further): the answer parser and formatter, session files, and
//! the CSV import.

use std::sync::atomic::AtomicBool;

use chrono::{TimeZone, Utc};
use proptest::prelude::*;

use mcc::checklist::Unit;
use mcc::checklist::answer::{Parsed, format_value, parse};
use mcc::checklist::session::{Agreement, Answer, AnswerSource, Session};
use mcc::checklist::{Checklist, quarter::Quarter};
use mcc::import::{ImportOptions, import_files};
use mcc::store::{Store, schema};

const UNITS: [Unit; 5] = [
    Unit::Minutes,
    Unit::Percent,
    Unit::Ratio,
    Unit::Money,
    Unit::YesNo,
];

fn unit() -> impl Strategy<Value = Unit> {
    prop::sample::select(UNITS.to_vec())
}

/// A value `unit` allows, spread over the scales people type.
fn value_for(unit: Unit) -> BoxedStrategy<f64> {
    match unit {
        Unit::Percent => (0.0..=100.0f64).boxed(),
        Unit::YesNo => prop::sample::select(vec![0.0, 0.5, 1.0]).boxed(),
        _ => prop_oneof![0.0..10.0f64, 0.0..1e4f64, 0.0..1e12f64].boxed(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn formatted_values_read_back_to_the_same_words((unit, value) in unit().prop_flat_map(|u| (Just(u), value_for(u)))) {
        let shown = format_value(unit, value);
        let read = parse(unit, &shown);
        prop_assert!(matches!(read, Ok(Parsed::Value(_))), "{shown:?} gave {read:?}");
        if let Ok(Parsed::Value(again)) = read {
            prop_assert_eq!(format_value(unit, again), shown);
        }
    }

    #[test]
    fn the_parser_takes_any_text_and_accepts_only_allowed_values(unit in unit(), text in any::<String>()) {
        if let Ok(Parsed::Value(value)) = parse(unit, &text) {
            prop_assert!(unit.allows(value), "{text:?} gave {value}");
        }
    }

    #[test]
    fn typed_looking_text_never_panics(unit in unit(), text in "[0-9 .,:%$xhmsdayw?-]{0,24}") {
        let _ = parse(unit, &text);
    }
}

/// A session for 2026-Q3 with answers, notes and marks on random checklist items.
fn session() -> impl Strategy<Value = Session> {
    let items: Vec<(String, Unit)> = Checklist::built_in()
        .items
        .iter()
        .map(|i| (i.id.clone(), i.unit))
        .collect();
    let answer = prop::sample::select(items)
        .prop_flat_map(|(id, unit)| {
            (
                Just(id),
                prop::option::of(value_for(unit)),
                "[ -~]{0,12}",
                0u32..100_000_000,
                prop::option::of(("[a-z.]{1,12}", 0u64..1_000_000)),
            )
        })
        .prop_map(|(id, value, text, seconds, imported)| {
            let answered_at = Utc
                .timestamp_opt(1_750_000_000 + i64::from(seconds), 0)
                .unwrap();
            let source = match imported {
                None => AnswerSource::Typed,
                Some((file, rows_used)) => AnswerSource::Imported {
                    files: vec![file],
                    rows_used,
                },
            };
            (
                id,
                Answer {
                    value,
                    text,
                    answered_at,
                    source,
                },
            )
        });
    let notes = prop::collection::vec(
        (
            "[a-z_]{1,20}",
            "[ -~é]{0,30}",
            prop::sample::select(Agreement::ALL.to_vec()),
        ),
        0..4,
    );
    (prop::collection::vec(answer, 0..14), notes).prop_map(|(answers, notes)| {
        let now = Utc.with_ymd_and_hms(2026, 10, 2, 9, 0, 0).unwrap();
        let mut session = Session::new("2026-Q3".parse::<Quarter>().unwrap(), now);
        for (id, answer) in answers {
            session.record(&id, answer);
        }
        for (id, note, agreement) in notes {
            session.set_note(&id, &note, now).unwrap();
            session.set_agreement(&id, agreement, now);
        }
        session
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn sessions_survive_the_file_format(session in session()) {
        let json = serde_json::to_string_pretty(&session).unwrap();
        prop_assert_eq!(schema::decode(&json), Ok(session));
    }

    #[test]
    fn the_session_loader_takes_any_text(text in any::<String>()) {
        let _ = schema::decode(&text);
    }

    #[test]
    fn the_session_loader_takes_any_change_to_a_real_file(
        session in session(),
        at in any::<prop::sample::Index>(),
        bytes in prop::collection::vec(any::<u8>(), 1..8),
    ) {
        let mut json = serde_json::to_vec(&session).unwrap();
        let at = at.index(json.len());
        json.splice(at..at, bytes);
        if let Ok(text) = std::str::from_utf8(&json) {
            let _ = schema::decode(text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn saved_sessions_load_back(session in session()) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let lock = store.lock(session.quarter).unwrap();
        store.save(&lock, &session).unwrap();
        prop_assert_eq!(store.load(session.quarter).unwrap(), Some(session));
    }
}

/// A CSV-looking file: a known header, then rows of cells from bits of real exports and noise.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    let header = prop::sample::select(vec![
        "Lead ID,Created Date,First Response Date,Lead Source,Converted",
        "Opportunity ID,Amount,Stage,Lead Source,Created Date,Close Date",
        "Lead ID,Activity Date",
        "metric,value",
        "sep=;",
    ]);
    let cell = prop_oneof![
        Just("2024-04-01 09:00:00".to_string()),
        Just("03/04/2024".to_string()),
        Just("Closed Won".to_string()),
        Just("Web".to_string()),
        Just("\"".to_string()),
        Just("1,200.50".to_string()),
        Just("lead_response_time".to_string()),
        "[ -~]{0,10}",
    ];
    let row = prop::collection::vec(cell, 0..8).prop_map(|cells| cells.join(","));
    let newline = prop::sample::select(vec!["\n", "\r\n", "\r"]);
    (header, prop::collection::vec((row, newline), 0..30)).prop_map(|(header, rows)| {
        let mut text = format!("{header}\n");
        for (row, newline) in rows {
            text.push_str(&row);
            text.push_str(newline);
        }
        text.into_bytes()
    })
}

/// Imports `bytes` as one file, for every quarter setting; only a panic fails.
fn import_bytes(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    std::fs::write(&path, bytes).unwrap();
    for quarter in [None, Quarter::new(2024, 2)] {
        let options = ImportOptions {
            quarter,
            ..ImportOptions::default()
        };
        let _ = import_files(
            std::slice::from_ref(&path),
            &options,
            &|_| {},
            &AtomicBool::new(false),
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn import_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        import_bytes(&bytes);
    }

    #[test]
    fn import_never_panics_on_csv_like_files(bytes in csv_like()) {
        import_bytes(&bytes);
    }
}
