//! The Marketing Contribution Checklist: items, units, benchmarks, answers and ratings.
//! Pure data and logic; nothing here knows about terminals or files.

pub mod answer;
pub mod benchmarks;
pub mod profile;
pub mod quarter;
pub mod scoring;
pub mod session;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use profile::{GoToMarket, ProfileBands};

/// The checklist shipped inside the binary.
const BUILT_IN: &str = include_str!("../../assets/checklist.toml");

/// The full list of checklist items, in the order they are asked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Items in the order the wizard asks them.
    pub items: Vec<Item>,
}

/// One question a sales leader answers about marketing's contribution.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable identifier, used as the key in saved sessions and imports.
    pub id: String,
    /// Short name shown in lists.
    pub name: String,
    /// The question as asked.
    pub question: String,
    /// Why it matters for making the number, in two plain sentences.
    pub why: String,
    /// How to get the number: what to ask marketing for, or which CRM report.
    pub how_to_get: String,
    /// What kind of value the answer is.
    pub unit: Unit,
    /// Whether a higher or a lower value is better.
    pub better: Direction,
    /// Where the good / watch / poor bands start.
    pub bands: Bands,
    /// The benchmark in a few words, e.g. "5 minutes or less".
    pub benchmark: String,
    /// Where the benchmark comes from: study, publisher, year; says so when editorial.
    pub source: String,
    /// What each rating means, written to follow the value ("7 minutes: ...").
    pub verdicts: Verdicts,
    /// The question to put to the marketing leader when the item is poor or unknown.
    pub ask_marketing: String,
    /// For follow-up items, the question a sales leader asks their own team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_own_team: Option<String>,
    /// Bands that replace `bands` for a go-to-market profile, with the reason.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_profile: BTreeMap<GoToMarket, ProfileBands>,
    /// Why the bands differ from the built-in ones (a profile or the organisation's own
    /// benchmarks); set only on an effective checklist, never read from the TOML.
    #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub band_reason: Option<String>,
}

/// The kind of value an answer holds; values are stored in the unit named here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A duration, stored in minutes.
    Minutes,
    /// A share on a 0-100 scale.
    Percent,
    /// A multiple such as 3 for "3:1" or "3x".
    Ratio,
    /// An amount of money in the company's currency units.
    Money,
    /// Yes (1), partly (0.5) or no (0).
    YesNo,
}

impl Unit {
    /// Whether `value` can be an answer in this unit: finite, not negative, a share at most
    /// 100 and yes/partly/no one of 1, 0.5 and 0. Saved sessions are checked against it.
    pub fn allows(self, value: f64) -> bool {
        value.is_finite()
            && value >= 0.0
            && match self {
                Unit::Percent => value <= 100.0,
                Unit::YesNo => [0.0, 0.5, 1.0].contains(&value),
                Unit::Minutes | Unit::Ratio | Unit::Money => true,
            }
    }
}

/// Which way is better for an item's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Bigger values are better (e.g. follow-up rate).
    Higher,
    /// Smaller values are better (e.g. response time).
    Lower,
}

/// Band edges. With `better = "lower"`: at or below `good` is good, at or below `watch` is watch,
/// above it poor. With `better = "higher"`: at or above `good` is good, at or above `watch` is
/// watch, below it poor.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bands {
    /// Where the good band starts.
    pub good: f64,
    /// Where the watch band starts; beyond it is poor.
    pub watch: f64,
}

impl Bands {
    /// Whether the watch edge lies between good and poor for an item where `better` wins.
    pub fn ordered(&self, better: Direction) -> bool {
        match better {
            Direction::Higher => self.good >= self.watch,
            Direction::Lower => self.good <= self.watch,
        }
    }
}

/// One sentence per rating, each written to follow the value and a colon.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Verdicts {
    /// Said when the value is in the good band.
    pub good: String,
    /// Said when the value is in the watch band.
    pub watch: String,
    /// Said when the value is in the poor band.
    pub poor: String,
    /// Said when the answer is "we don't know": what to ask marketing for.
    pub unknown: String,
}

/// Why a checklist definition was refused.
#[derive(Debug, thiserror::Error)]
pub enum ChecklistError {
    /// The TOML could not be read.
    #[error("the checklist is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    /// The TOML was read but an item makes no sense.
    #[error("checklist item \"{id}\": {problem}")]
    Invalid {
        /// The item at fault.
        id: String,
        /// What is wrong with it.
        problem: String,
    },
}

impl Checklist {
    /// The checklist built into mcc.
    pub fn built_in() -> Self {
        Self::from_toml(BUILT_IN).expect("the built-in checklist is valid (checked by tests)")
    }

    /// Reads and checks a checklist written in TOML.
    pub fn from_toml(text: &str) -> Result<Self, ChecklistError> {
        let checklist: Checklist = toml::from_str(text)?;
        checklist.validate()?;
        Ok(checklist)
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// Why an item's bands differ from the built-in ones on this (effective) checklist.
    pub fn band_reason(&self, id: &str) -> Option<&str> {
        self.item(id)?.band_reason.as_deref()
    }

    fn validate(&self) -> Result<(), ChecklistError> {
        let mut seen = std::collections::HashSet::new();
        for item in &self.items {
            let invalid = |problem: &str| ChecklistError::Invalid {
                id: item.id.clone(),
                problem: problem.to_string(),
            };
            if !seen.insert(item.id.as_str()) {
                return Err(invalid("the id is used twice"));
            }
            if !item.bands.ordered(item.better) {
                return Err(invalid("the watch band must lie between good and poor"));
            }
            if item.ask_marketing.trim().is_empty() {
                return Err(invalid("ask_marketing is empty"));
            }
            for (profile, bands) in &item.by_profile {
                if !bands.bands.ordered(item.better) {
                    return Err(invalid(&format!(
                        "the {} bands must have watch between good and poor",
                        profile.key()
                    )));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_checklist_has_the_agreed_items() {
        let checklist = Checklist::built_in();
        assert!(
            (10..=12).contains(&checklist.items.len()),
            "{} items",
            checklist.items.len()
        );
        for id in [
            "lead_response_time",
            "marketing_pipeline_share",
            "leads_contacted_within_5_min",
            "lead_follow_up_rate",
            "lead_to_opportunity_rate",
            "marketing_revenue_share",
            "marketing_win_rate",
        ] {
            assert!(checklist.item(id).is_some(), "missing {id}");
        }
    }

    #[test]
    fn lead_response_time_is_good_at_five_minutes_and_cites_the_odds() {
        let item = Checklist::built_in()
            .item("lead_response_time")
            .cloned()
            .unwrap();
        assert_eq!(
            (item.unit, item.better, item.bands.good),
            (Unit::Minutes, Direction::Lower, 5.0)
        );
        assert!(
            item.why.contains("4x") && item.why.contains("21x"),
            "{}",
            item.why
        );
    }

    #[test]
    fn marketing_pipeline_share_is_good_from_25_percent() {
        let item = Checklist::built_in()
            .item("marketing_pipeline_share")
            .cloned()
            .unwrap();
        assert_eq!(
            (item.unit, item.better, item.bands.good),
            (Unit::Percent, Direction::Higher, 25.0)
        );
        assert!(item.benchmark.contains("25-30%"), "{}", item.benchmark);
    }

    #[test]
    fn every_item_is_fully_written() {
        for item in Checklist::built_in().items {
            let texts = [
                &item.name,
                &item.question,
                &item.why,
                &item.how_to_get,
                &item.benchmark,
                &item.source,
            ];
            assert!(
                texts.iter().all(|t| !t.trim().is_empty()),
                "{} has an empty field",
                item.id
            );
            let verdicts = [
                &item.verdicts.good,
                &item.verdicts.watch,
                &item.verdicts.poor,
                &item.verdicts.unknown,
            ];
            assert!(
                verdicts.iter().all(|t| !t.trim().is_empty()),
                "{} has an empty verdict",
                item.id
            );
        }
    }

    #[test]
    fn every_item_has_a_question_for_marketing_and_follow_up_items_one_for_the_team() {
        let checklist = Checklist::built_in();
        for item in &checklist.items {
            assert!(item.ask_marketing.ends_with('?'), "{}", item.id);
            assert_eq!(
                item.band_reason, None,
                "{} has no reason until made effective",
                item.id
            );
        }
        let with_team: Vec<&str> = checklist
            .items
            .iter()
            .filter(|item| {
                item.ask_own_team
                    .as_deref()
                    .is_some_and(|q| q.ends_with('?'))
            })
            .map(|item| item.id.as_str())
            .collect();
        assert_eq!(
            with_team,
            [
                "lead_response_time",
                "leads_contacted_within_5_min",
                "lead_follow_up_rate"
            ]
        );
    }

    #[test]
    fn refuses_duplicate_ids_and_bands_in_the_wrong_order() {
        let built_in = Checklist::built_in();
        let mut twice = built_in.clone();
        twice.items.push(twice.items[0].clone());
        assert!(
            matches!(twice.validate(), Err(ChecklistError::Invalid { problem, .. }) if problem.contains("twice"))
        );

        let mut backwards = built_in;
        let item = backwards
            .items
            .iter_mut()
            .find(|i| i.better == Direction::Lower)
            .unwrap();
        item.bands = Bands {
            good: 60.0,
            watch: 5.0,
        };
        assert!(backwards.validate().is_err());
        assert!(Checklist::from_toml("items = 3").is_err());

        let mut profile_backwards = Checklist::built_in();
        let share = profile_backwards
            .items
            .iter_mut()
            .find(|i| i.id == "marketing_pipeline_share")
            .unwrap();
        share
            .by_profile
            .get_mut(&GoToMarket::Enterprise)
            .unwrap()
            .bands
            .watch = 50.0;
        assert!(
            matches!(profile_backwards.validate(), Err(ChecklistError::Invalid { problem, .. }) if problem.contains("enterprise"))
        );
    }
}
