//! Which lead sources count as marketing: two visible, editable lists matched ignoring case and
//! punctuation, and a per-file cache keyed by the raw cell bytes so the hot loop never allocates.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::limits::MAX_REMEMBERED;
use super::options::OptionError;
use super::text::{Encoding, decode};

/// Lead sources that count as marketing, and those that do not; anything else is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRules {
    /// Sources that count as marketing-sourced (web, webinar, paid search ...).
    pub marketing: Vec<String>,
    /// Sources that do not (outbound, partner, referral ...).
    pub other: Vec<String>,
}

/// How a lead source was classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceClass {
    /// In the marketing list.
    Marketing,
    /// In the non-marketing list.
    Other,
    /// Blank, or in neither list: shown separately, never assigned.
    Unknown,
}

const DEFAULT_MARKETING: [&str; 37] = [
    "web",
    "website",
    "web form",
    "web lead",
    "inbound",
    "webinar",
    "event",
    "events",
    "trade show",
    "tradeshow",
    "conference",
    "seminar",
    "paid search",
    "paid social",
    "ppc",
    "sem",
    "email",
    "email marketing",
    "newsletter",
    "content",
    "content syndication",
    "organic search",
    "seo",
    "social media",
    "organic social",
    "social",
    "advertising",
    "advertisement",
    "display",
    "direct traffic",
    "direct mail",
    "marketing",
    "campaign",
    "other campaigns",
    "public relations",
    "purchased list",
    "phone inquiry",
];

const DEFAULT_OTHER: [&str; 19] = [
    "outbound",
    "cold call",
    "cold calling",
    "cold email",
    "sdr",
    "bdr",
    "sales",
    "sales generated",
    "sales prospecting",
    "prospecting",
    "partner",
    "partner referral",
    "channel partner",
    "referral",
    "employee referral",
    "customer referral",
    "external referral",
    "existing customer",
    "word of mouth",
];

impl Default for SourceRules {
    fn default() -> Self {
        Self {
            marketing: DEFAULT_MARKETING.map(String::from).to_vec(),
            other: DEFAULT_OTHER.map(String::from).to_vec(),
        }
    }
}

impl SourceRules {
    /// Reads a comma-separated `--marketing-sources` list; it replaces the marketing list and drops
    /// those names from the non-marketing list.
    pub fn parse_list(text: &str) -> Result<Self, OptionError> {
        let marketing: Vec<String> = text
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(String::from)
            .collect();
        if marketing.is_empty() {
            return Err(OptionError::EmptySourceList);
        }
        let chosen: HashSet<String> = marketing.iter().map(|name| normalize(name)).collect();
        let other = Self::default()
            .other
            .into_iter()
            .filter(|name| !chosen.contains(&normalize(name)))
            .collect();
        Ok(Self { marketing, other })
    }

    /// Classifies one source label as the import would.
    pub fn classify(&self, label: &str) -> SourceClass {
        Matcher::new(self).classify(label)
    }
}

/// Lowercase letters and digits only: `Paid-Search`, `paid_search` and `PaidSearch` all give `paidsearch`.
pub(crate) fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The two lists, normalised for matching.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    marketing: HashSet<String>,
    other: HashSet<String>,
}

impl Matcher {
    pub(crate) fn new(rules: &SourceRules) -> Self {
        let set = |names: &[String]| -> HashSet<String> {
            names
                .iter()
                .map(|name| normalize(name))
                .filter(|name| !name.is_empty())
                .collect()
        };
        Self {
            marketing: set(&rules.marketing),
            other: set(&rules.other),
        }
    }

    fn lookup(&self, key: &str) -> Option<SourceClass> {
        if self.marketing.contains(key) {
            Some(SourceClass::Marketing)
        } else if self.other.contains(key) {
            Some(SourceClass::Other)
        } else {
            None
        }
    }

    /// The whole label first, then its leading words ("Trade Show - Dreamforce" is a trade show).
    pub(crate) fn classify(&self, label: &str) -> SourceClass {
        let whole = normalize(label);
        if whole.is_empty() {
            return SourceClass::Unknown;
        }
        if let Some(class) = self.lookup(&whole) {
            return class;
        }
        let words: Vec<String> = label
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(normalize)
            .collect();
        (1..words.len())
            .rev()
            .find_map(|n| self.lookup(&words[..n].concat()))
            .unwrap_or(SourceClass::Unknown)
    }
}

/// Beyond this many distinct labels a file's cache stops growing (labels are then classified each time).
const CACHE_LIMIT: usize = 4096;
/// Up to this many labels are searched linearly before the hash index is used.
const LINEAR: usize = 16;

/// Per-file source classification keyed by the raw cell bytes, with a row count per label.
#[derive(Debug, Default)]
pub(crate) struct LabelCache {
    entries: Vec<(Box<[u8]>, SourceClass, u64)>,
    index: HashMap<Box<[u8]>, usize>,
    /// Direct-mapped by length and end bytes: entry index + 1, or 0.
    slots: [u16; 32],
    last: usize,
    /// Rows whose label did not fit in the cache, by class.
    pub uncached: [u64; 3],
}

impl LabelCache {
    /// Classifies a trimmed cell and counts it.
    #[inline]
    pub(crate) fn classify(
        &mut self,
        raw: &[u8],
        matcher: &Matcher,
        encoding: Encoding,
    ) -> SourceClass {
        let slot = usize::from(self.slots[Self::slot(raw)]);
        if slot > 0
            && let Some(entry) = self.entries.get_mut(slot - 1)
            && *entry.0 == *raw
        {
            entry.2 += 1;
            self.last = slot - 1;
            return entry.1;
        }
        self.classify_slow(raw, matcher, encoding)
    }

    #[inline]
    fn slot(raw: &[u8]) -> usize {
        let first = usize::from(raw.first().copied().unwrap_or(0));
        let last = usize::from(raw.last().copied().unwrap_or(0));
        (raw.len().wrapping_mul(7) ^ first.wrapping_mul(5) ^ last.wrapping_mul(3)) & 31
    }

    fn classify_slow(&mut self, raw: &[u8], matcher: &Matcher, encoding: Encoding) -> SourceClass {
        let found = if self.entries.len() <= LINEAR {
            self.entries.iter().position(|entry| *entry.0 == *raw)
        } else {
            self.index.get(raw).copied()
        };
        if let Some(i) = found {
            self.last = i;
            self.slots[Self::slot(raw)] = u16::try_from(i + 1).unwrap_or(0);
            self.entries[i].2 += 1;
            return self.entries[i].1;
        }
        let class = matcher.classify(&decode(raw, encoding));
        if self.entries.len() >= CACHE_LIMIT || raw.len() > MAX_REMEMBERED {
            self.uncached[class as usize] += 1;
            return class;
        }
        self.entries.push((raw.into(), class, 1));
        self.last = self.entries.len() - 1;
        self.slots[Self::slot(raw)] = u16::try_from(self.entries.len()).unwrap_or(0);
        if self.entries.len() > LINEAR {
            if self.index.is_empty() {
                for (i, entry) in self.entries.iter().enumerate() {
                    self.index.insert(entry.0.clone(), i);
                }
            } else {
                self.index.insert(raw.into(), self.last);
            }
        }
        class
    }

    /// Takes back the count of the label just classified (for rows that are not counted).
    pub(crate) fn uncount(&mut self, raw: &[u8], class: SourceClass) {
        match self.entries.get_mut(self.last) {
            Some(entry) if *entry.0 == *raw => entry.2 = entry.2.saturating_sub(1),
            _ => self.uncached[class as usize] = self.uncached[class as usize].saturating_sub(1),
        }
    }

    /// (label, class, rows) for every cached label with rows, decoded for display.
    pub(crate) fn labels(
        &self,
        encoding: Encoding,
    ) -> impl Iterator<Item = (String, SourceClass, u64)> + '_ {
        self.entries
            .iter()
            .filter(|entry| entry.2 > 0)
            .map(move |(raw, class, n)| (decode(raw, encoding).into_owned(), *class, *n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_ignores_case_and_punctuation() {
        let rules = SourceRules::default();
        for label in [
            "Paid Search",
            "paid-search",
            "paid_search",
            "PAID SEARCH",
            "PaidSearch",
            " Web ",
        ] {
            assert_eq!(rules.classify(label), SourceClass::Marketing, "{label}");
        }
        for label in [
            "Outbound",
            "Cold Call",
            "Employee Referral",
            "partner",
            "Existing Customer",
        ] {
            assert_eq!(rules.classify(label), SourceClass::Other, "{label}");
        }
    }

    #[test]
    fn blank_and_unlisted_sources_are_unknown_never_assigned() {
        let rules = SourceRules::default();
        for label in ["", "  ", "-", "Other", "Offline Sources", "AI Referrals"] {
            assert_eq!(rules.classify(label), SourceClass::Unknown, "{label:?}");
        }
    }

    #[test]
    fn leading_words_decide_longer_labels() {
        let rules = SourceRules::default();
        assert_eq!(
            rules.classify("Trade Show - Dreamforce 2024"),
            SourceClass::Marketing
        );
        assert_eq!(rules.classify("Webinar: Q3 launch"), SourceClass::Marketing);
        assert_eq!(rules.classify("Partner - Webinar"), SourceClass::Other);
        assert_eq!(
            rules.classify("Dreamforce trade show"),
            SourceClass::Unknown
        );
    }

    #[test]
    fn a_typed_list_replaces_marketing_and_frees_those_names() {
        let rules = SourceRules::parse_list("web, webinar,paid search, Partner").unwrap();
        assert_eq!(
            rules.marketing,
            ["web", "webinar", "paid search", "Partner"]
        );
        assert_eq!(rules.classify("partner"), SourceClass::Marketing);
        assert_eq!(rules.classify("Email"), SourceClass::Unknown);
        assert_eq!(rules.classify("Outbound"), SourceClass::Other);
        assert_eq!(
            SourceRules::parse_list(" , "),
            Err(OptionError::EmptySourceList)
        );
    }

    #[test]
    fn cache_counts_rows_per_label_and_decodes_windows_1252() {
        let matcher = Matcher::new(&SourceRules::default());
        let mut cache = LabelCache::default();
        for raw in [&b"Web"[..], b"Outbound", b"Web", b"\xc9v\xe9nement", b"Web"] {
            cache.classify(raw, &matcher, Encoding::Windows1252);
        }
        let labels: Vec<_> = cache.labels(Encoding::Windows1252).collect();
        assert!(labels.contains(&("Web".to_string(), SourceClass::Marketing, 3)));
        assert!(labels.contains(&("Outbound".to_string(), SourceClass::Other, 1)));
        assert!(labels.contains(&("Événement".to_string(), SourceClass::Unknown, 1)));
    }

    #[test]
    fn cache_switches_to_a_hash_index_when_labels_are_many() {
        let matcher = Matcher::new(&SourceRules::default());
        let mut cache = LabelCache::default();
        for round in 0..3 {
            for i in 0..100 {
                let label = format!("Campaign {i}");
                let class = cache.classify(label.as_bytes(), &matcher, Encoding::Utf8);
                assert_eq!(class, SourceClass::Marketing, "{label} round {round}");
            }
        }
        assert!(cache.labels(Encoding::Utf8).all(|(_, _, n)| n == 3));
    }
}
