//! Session files of every format version mcc has written, under `tests/fixtures/schema/`: each
//! loads through the real store, and one in the current format loads unchanged (saving it again
//! gives the same JSON, unknown item ids and all).

use std::path::Path;

use mcc::checklist::session::SCHEMA_VERSION;
use mcc::store::Store;

#[test]
fn every_fixture_version_loads_and_the_current_one_is_unchanged() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema");
    let mut versions = Vec::new();
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let version: u32 = name
            .strip_prefix('v')
            .and_then(|n| n.strip_suffix(".json"))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{name} is not named v<N>.json"));
        versions.push(version);
        let text = std::fs::read_to_string(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["schema_version"], version, "{name}");

        let root = tempfile::tempdir().unwrap();
        let store = Store::open(root.path()).unwrap();
        let quarter = json["quarter"].as_str().unwrap().parse().unwrap();
        std::fs::write(store.path_for(quarter), &text).unwrap();
        let session = store
            .load(quarter)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .unwrap();
        assert_eq!(session.schema_version, SCHEMA_VERSION, "{name} is migrated");
        if version == SCHEMA_VERSION {
            assert_eq!(serde_json::to_value(&session).unwrap(), json, "{name}");
        }
    }
    versions.sort();
    let every: Vec<u32> = (1..=SCHEMA_VERSION).collect();
    assert_eq!(versions, every, "one fixture per format version");
}
