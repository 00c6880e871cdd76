//! Rating a value against an item's bands, the plain-English verdict, and where a value sits
//! on the item's gauge scale.

use serde::{Deserialize, Serialize};

use super::answer::format_value;
use super::{Direction, Item, Unit};

/// How an answer compares with the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// At or beyond the benchmark.
    Good,
    /// Short of the benchmark but not yet a problem.
    Watch,
    /// Well short of the benchmark.
    Poor,
    /// Answered "we don't know".
    Unknown,
    /// Not answered yet.
    Unanswered,
}

impl Rating {
    /// The word shown next to the symbol.
    pub fn word(self) -> &'static str {
        match self {
            Rating::Good => "good",
            Rating::Watch => "watch",
            Rating::Poor => "poor",
            Rating::Unknown => "unknown",
            Rating::Unanswered => "not answered",
        }
    }

    /// A symbol that carries the rating without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Rating::Good => "✓",
            Rating::Watch => "▲",
            Rating::Poor => "✗",
            Rating::Unknown => "?",
            Rating::Unanswered => "·",
        }
    }
}

/// Rates a known value against the item's bands; values on a band edge get the better rating.
pub fn rate(item: &Item, value: f64) -> Rating {
    let at_least = |edge: f64| match item.better {
        Direction::Higher => value >= edge,
        Direction::Lower => value <= edge,
    };
    if at_least(item.bands.good) {
        Rating::Good
    } else if at_least(item.bands.watch) {
        Rating::Watch
    } else {
        Rating::Poor
    }
}

/// Rates an answer: `Some(value)` is a number, `None` means "we don't know".
pub fn rate_answer(item: &Item, value: Option<f64>) -> Rating {
    value.map_or(Rating::Unknown, |v| rate(item, v))
}

/// One sentence saying what a value means: "7 min: past the 5-minute mark; ...".
pub fn verdict(item: &Item, value: Option<f64>) -> String {
    match value {
        None => format!("Not known: {}", item.verdicts.unknown),
        Some(v) => {
            let meaning = match rate(item, v) {
                Rating::Good => &item.verdicts.good,
                Rating::Watch => &item.verdicts.watch,
                _ => &item.verdicts.poor,
            };
            format!("{}: {meaning}", format_value(item.unit, v))
        }
    }
}

/// The range a gauge draws for an item, linear or logarithmic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Smallest value drawn (left end).
    pub min: f64,
    /// Largest value drawn (right end).
    pub max: f64,
    /// Whether the scale is logarithmic (durations).
    pub log: bool,
}

/// One week in minutes: the right end of a duration gauge.
const WEEK_MINUTES: f64 = 7.0 * 24.0 * 60.0;

impl Scale {
    /// The scale for an item: durations run from 1 minute to 1 week on a log scale so both
    /// 2 minutes and 42 hours read well; shares run 0-100%; multiples and money run from 0 to
    /// twice the good edge; no / partly / yes sit in the middle of three equal thirds.
    pub fn for_item(item: &Item) -> Self {
        match item.unit {
            Unit::Minutes => Scale {
                min: 1.0,
                max: WEEK_MINUTES,
                log: true,
            },
            Unit::Percent => Scale {
                min: 0.0,
                max: 100.0,
                log: false,
            },
            Unit::YesNo => Scale {
                min: -0.25,
                max: 1.25,
                log: false,
            },
            Unit::Ratio | Unit::Money => Scale {
                min: 0.0,
                max: 2.0 * item.bands.good.max(item.bands.watch).max(1.0),
                log: false,
            },
        }
    }

    /// Where `value` sits from 0.0 (left end) to 1.0 (right end), clamped.
    pub fn position(&self, value: f64) -> f64 {
        let (low, high, v) = if self.log {
            (self.min.ln(), self.max.ln(), value.max(self.min).ln())
        } else {
            (self.min, self.max, value)
        };
        ((v - low) / (high - low)).clamp(0.0, 1.0)
    }

    /// The value at `position` (0.0 to 1.0): the inverse of [`Scale::position`].
    pub fn value_at(&self, position: f64) -> f64 {
        let position = position.clamp(0.0, 1.0);
        if self.log {
            (self.min.ln() + position * (self.max.ln() - self.min.ln())).exp()
        } else {
            self.min + position * (self.max - self.min)
        }
    }
}

/// The band a gauge shows at `position` along an item's scale.
pub fn zone_at(item: &Item, scale: &Scale, position: f64) -> Rating {
    let value = scale.value_at(position);
    match item.unit {
        Unit::YesNo => rate(item, (value * 2.0).round() / 2.0),
        _ => rate(item, value),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::checklist::{Bands, Verdicts};

    /// A minimal item for tests of rating logic.
    pub(crate) fn item(unit: Unit, better: Direction, good: f64, watch: f64) -> Item {
        Item {
            id: "test_item".into(),
            name: "Test item".into(),
            question: "How is it?".into(),
            why: "It matters.".into(),
            how_to_get: "Ask.".into(),
            unit,
            better,
            bands: Bands { good, watch },
            benchmark: "good".into(),
            source: "mcc test".into(),
            verdicts: Verdicts {
                good: "fine".into(),
                watch: "close".into(),
                poor: "far off".into(),
                unknown: "ask marketing".into(),
            },
            ask_marketing: "How is it going?".into(),
            ask_own_team: None,
            by_profile: Default::default(),
            band_reason: None,
        }
    }

    #[test]
    fn lower_is_better_band_edges_go_to_the_better_rating() {
        let response = item(Unit::Minutes, Direction::Lower, 5.0, 60.0);
        let cases = [
            (0.0, Rating::Good),
            (5.0, Rating::Good),
            (5.01, Rating::Watch),
            (60.0, Rating::Watch),
            (60.5, Rating::Poor),
        ];
        for (value, expected) in cases {
            assert_eq!(rate(&response, value), expected, "{value}");
        }
    }

    #[test]
    fn higher_is_better_band_edges_go_to_the_better_rating() {
        let share = item(Unit::Percent, Direction::Higher, 25.0, 15.0);
        let cases = [
            (100.0, Rating::Good),
            (25.0, Rating::Good),
            (24.9, Rating::Watch),
            (15.0, Rating::Watch),
            (14.9, Rating::Poor),
            (0.0, Rating::Poor),
        ];
        for (value, expected) in cases {
            assert_eq!(rate(&share, value), expected, "{value}");
        }
    }

    #[test]
    fn verdict_starts_with_the_value_then_the_meaning() {
        let response = item(Unit::Minutes, Direction::Lower, 5.0, 60.0);
        assert_eq!(verdict(&response, Some(7.0)), "7 min: close");
        assert_eq!(verdict(&response, Some(3.0)), "3 min: fine");
        assert_eq!(verdict(&response, Some(120.0)), "2 h: far off");
        assert_eq!(verdict(&response, None), "Not known: ask marketing");
        assert_eq!(rate_answer(&response, None), Rating::Unknown);
    }

    #[test]
    fn every_built_in_item_rates_its_own_band_edges_as_the_better_band() {
        for item in crate::checklist::Checklist::built_in().items {
            let step = match item.better {
                Direction::Higher => -0.01,
                Direction::Lower => 0.01,
            };
            assert_eq!(rate(&item, item.bands.good), Rating::Good, "{}", item.id);
            assert_eq!(
                rate(&item, item.bands.watch),
                if item.bands.watch == item.bands.good {
                    Rating::Good
                } else {
                    Rating::Watch
                },
                "{}",
                item.id
            );
            assert_eq!(
                rate(&item, item.bands.watch + step),
                Rating::Poor,
                "{}",
                item.id
            );
            let verdict = verdict(&item, Some(item.bands.watch + step));
            assert!(
                verdict.ends_with(&item.verdicts.poor),
                "{}: {verdict}",
                item.id
            );
        }
    }

    #[test]
    fn built_in_verdicts_read_plainly_at_the_edges() {
        let checklist = crate::checklist::Checklist::built_in();
        let response = checklist.item("lead_response_time").unwrap();
        assert!(verdict(response, Some(5.0)).starts_with("5 min: inside the 5-minute window"));
        assert!(verdict(response, Some(7.0)).starts_with("7 min: past the 5-minute mark"));
        assert!(verdict(response, Some(61.0)).starts_with("1 h 1 min: past an hour"));
        let share = checklist.item("marketing_pipeline_share").unwrap();
        assert_eq!(rate(share, 25.0), Rating::Good);
        assert_eq!(rate(share, 30.0), Rating::Good);
        assert_eq!(rate(share, 24.9), Rating::Watch);
        assert_eq!(rate(share, 14.9), Rating::Poor);
        let sla = checklist.item("sales_marketing_sla").unwrap();
        assert_eq!(
            [1.0, 0.5, 0.0].map(|v| rate(sla, v)),
            [Rating::Good, Rating::Watch, Rating::Poor]
        );
    }

    #[test]
    fn duration_scale_is_logarithmic() {
        let scale = Scale::for_item(&item(Unit::Minutes, Direction::Lower, 5.0, 60.0));
        assert_eq!(scale.position(1.0), 0.0);
        assert_eq!(scale.position(WEEK_MINUTES), 1.0);
        assert_eq!(
            scale.position(0.2),
            0.0,
            "below the scale clamps to the left end"
        );
        let hour = scale.position(60.0);
        assert!((hour - 60f64.ln() / WEEK_MINUTES.ln()).abs() < 1e-12);
        assert!(
            scale.position(2.0) > 0.05,
            "2 minutes is visibly off the left end"
        );
        assert!(
            scale.position(42.0 * 60.0) < 0.95,
            "42 hours is visibly short of the right end"
        );
    }

    #[test]
    fn linear_scales_by_unit() {
        let share = Scale::for_item(&item(Unit::Percent, Direction::Higher, 25.0, 15.0));
        assert_eq!(share.position(25.0), 0.25);
        let ratio = Scale::for_item(&item(Unit::Ratio, Direction::Higher, 3.0, 1.0));
        assert_eq!((ratio.min, ratio.max), (0.0, 6.0));
        assert_eq!(ratio.position(9.0), 1.0);
    }

    #[test]
    fn value_at_inverts_position() {
        for item in [
            item(Unit::Minutes, Direction::Lower, 5.0, 60.0),
            item(Unit::Percent, Direction::Higher, 25.0, 15.0),
        ] {
            let scale = Scale::for_item(&item);
            for value in [1.0, 5.0, 42.0, 99.0] {
                assert!(
                    (scale.value_at(scale.position(value)) - value).abs() < 1e-9,
                    "{value}"
                );
            }
        }
    }

    #[test]
    fn zones_follow_the_bands() {
        let response = item(Unit::Minutes, Direction::Lower, 5.0, 60.0);
        let scale = Scale::for_item(&response);
        assert_eq!(
            zone_at(&response, &scale, scale.position(4.0)),
            Rating::Good
        );
        assert_eq!(
            zone_at(&response, &scale, scale.position(30.0)),
            Rating::Watch
        );
        assert_eq!(
            zone_at(&response, &scale, scale.position(600.0)),
            Rating::Poor
        );

        let yes_no = item(Unit::YesNo, Direction::Higher, 1.0, 0.5);
        let scale = Scale::for_item(&yes_no);
        let thirds: Vec<Rating> = [0.1, 0.5, 0.9]
            .iter()
            .map(|p| zone_at(&yes_no, &scale, *p))
            .collect();
        assert_eq!(thirds, [Rating::Poor, Rating::Watch, Rating::Good]);
        assert!(
            (scale.position(1.0) - 5.0 / 6.0).abs() < 1e-12,
            "yes sits mid-way along the last third"
        );
    }
}
