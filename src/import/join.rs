//! The lead-id map used to join activities to leads and opportunities to their lead's source.
//! Ids live in one byte arena with a 64-bit hash map over them (exact: colliding ids spill into a
//! second map), so memory grows by about 50 bytes per lead and nothing else grows with file size;
//! it holds at most `MAX_LEADS`, and ids longer than `MAX_REMEMBERED` bytes are not kept.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

use super::limits::{MAX_LEADS, MAX_REMEMBERED};
use super::sources::SourceClass;

/// No activity seen yet.
pub(crate) const NONE: i64 = i64::MAX;

/// What the join needs to know about one lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LeadEntry {
    /// When the lead was created (seconds).
    pub created: i64,
    /// Earliest activity at or after `created`, or `NONE`.
    pub first: i64,
    /// The lead's source class.
    pub class: SourceClass,
    /// Whether the lead is in the quarter being imported.
    pub in_window: bool,
}

/// Passes an already-mixed 64-bit key through as its own hash.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Lead id -> entry.
#[derive(Default)]
pub(crate) struct LeadIndex {
    slots: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
    spill: HashMap<Box<[u8]>, u32>,
    ids: Vec<u8>,
    ends: Vec<usize>,
    /// Entries in insertion order.
    pub entries: Vec<LeadEntry>,
    /// Rows whose id was already in the index (the first one is kept).
    pub duplicates: u64,
}

/// The part of an id that identifies the lead: trimmed, and a Salesforce 18-character lead or contact
/// id cut to its 15-character form (reports show 15, Data Loader writes 18).
#[inline]
pub(crate) fn key(raw: &[u8]) -> &[u8] {
    let id = raw.trim_ascii();
    if id.len() == 18
        && (id.starts_with(b"00Q") || id.starts_with(b"003"))
        && id.iter().all(u8::is_ascii_alphanumeric)
    {
        &id[..15]
    } else {
        id
    }
}

#[inline]
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = bytes.len() as u64 ^ K;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        h = (h ^ word).wrapping_mul(K).rotate_left(31);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    // splitmix64 finaliser
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

impl LeadIndex {
    fn id(&self, slot: u32) -> &[u8] {
        let slot = slot as usize;
        let start = if slot == 0 { 0 } else { self.ends[slot - 1] };
        &self.ids[start..self.ends[slot]]
    }

    fn find(&self, id: &[u8]) -> Option<u32> {
        match self.slots.get(&hash(id)) {
            Some(&slot) if self.id(slot) == id => Some(slot),
            Some(_) => self.spill.get(id).copied(),
            None => None,
        }
    }

    /// Whether the index holds [`MAX_LEADS`] leads and takes no more.
    pub(crate) fn is_full(&self) -> bool {
        self.entries.len() >= MAX_LEADS
    }

    /// Adds a lead; returns false (and keeps the first) when the id is already there, or when
    /// it is longer than any real id (such a lead is counted but cannot be matched).
    pub(crate) fn insert(&mut self, raw: &[u8], entry: LeadEntry) -> bool {
        let id = key(raw);
        if id.len() > MAX_REMEMBERED {
            return false;
        }
        if self.find(id).is_some() {
            self.duplicates += 1;
            return false;
        }
        let slot = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.ids.extend_from_slice(id);
        self.ends.push(self.ids.len());
        self.entries.push(entry);
        let h = hash(id);
        match self.slots.entry(h) {
            Entry::Occupied(_) => {
                self.spill.insert(id.into(), slot);
            }
            Entry::Vacant(vacant) => {
                vacant.insert(slot);
            }
        }
        true
    }

    /// The entry for an id.
    pub(crate) fn get(&self, raw: &[u8]) -> Option<&LeadEntry> {
        self.find(key(raw)).map(|slot| &self.entries[slot as usize])
    }

    /// The entry for an id, to record an activity.
    pub(crate) fn get_mut(&mut self, raw: &[u8]) -> Option<&mut LeadEntry> {
        self.find(key(raw))
            .map(|slot| &mut self.entries[slot as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(created: i64) -> LeadEntry {
        LeadEntry {
            created,
            first: NONE,
            class: SourceClass::Unknown,
            in_window: true,
        }
    }

    #[test]
    fn finds_what_it_stored_and_keeps_the_first_duplicate() {
        let mut index = LeadIndex::default();
        for i in 0..10_000i64 {
            assert!(index.insert(format!("L-{i}").as_bytes(), entry(i)));
        }
        assert!(!index.insert(b" L-7 ", entry(99)));
        assert_eq!(index.duplicates, 1);
        assert_eq!(index.entries.len(), 10_000);
        for i in (0..10_000i64).step_by(7) {
            assert_eq!(index.get(format!("L-{i}").as_bytes()).unwrap().created, i);
        }
        assert!(index.get(b"L-10000").is_none());
        index.get_mut(b"L-3").unwrap().first = 42;
        assert_eq!(index.get(b"L-3").unwrap().first, 42);
    }

    #[test]
    fn salesforce_15_and_18_character_ids_meet() {
        let mut index = LeadIndex::default();
        index.insert(b"00Q5g00000ABCDEIAA", entry(1));
        assert_eq!(index.get(b"00Q5g00000ABCDE").unwrap().created, 1);
        assert!(index.get(b"00Q5g00000ABCDF").is_none());
        assert_eq!(key(b"XYZ5g00000ABCDEIAA"), b"XYZ5g00000ABCDEIAA");
    }

    #[test]
    fn colliding_hashes_stay_exact() {
        let mut index = LeadIndex::default();
        index.insert(b"a", entry(1));
        // Force a collision by planting the same hash for another id.
        let h = hash(b"b");
        index.slots.insert(h, 0);
        index.insert(b"b", entry(2));
        assert_eq!(index.get(b"a").unwrap().created, 1);
        assert_eq!(index.get(b"b").unwrap().created, 2);
    }
}
