//! The session loader (version check, migrations, serde and validation) on any bytes: it never
//! panics, and a session it accepts saves and loads back to the same session.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mcc::store::schema::decode;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(session) = decode(text) {
        let saved = serde_json::to_string_pretty(&session).expect("a session serialises");
        assert_eq!(decode(&saved).as_ref(), Ok(&session), "{saved}");
    }
});
