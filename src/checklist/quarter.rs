//! Calendar quarters such as `2026-Q3`: parsing, ordering and the default quarter to fill in.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar quarter. Ordered oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i32,
    number: u8,
}

/// Why a quarter id was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a quarter. Write it as YEAR-QN, for example 2026-Q3.")]
pub struct QuarterError(String);

impl Quarter {
    /// Builds a quarter; `number` must be 1 to 4 and `year` 2000 to 2999.
    pub fn new(year: i32, number: u8) -> Option<Self> {
        ((2000..=2999).contains(&year) && (1..=4).contains(&number))
            .then_some(Self { year, number })
    }

    /// The quarter that contains `date`.
    pub fn containing(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            number: (date.month0() / 3 + 1) as u8,
        }
    }

    /// The most recently finished quarter as of `today`: the one a leader reviews.
    pub fn last_finished(today: NaiveDate) -> Self {
        Self::containing(today).previous()
    }

    /// The quarter before this one.
    pub fn previous(self) -> Self {
        if self.number == 1 {
            Self {
                year: self.year - 1,
                number: 4,
            }
        } else {
            Self {
                year: self.year,
                number: self.number - 1,
            }
        }
    }

    /// First day of the quarter.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.number) * 3 - 2, 1)
            .expect("valid quarter start")
    }

    /// First day of the next quarter (the end, exclusive).
    pub fn end_exclusive(self) -> NaiveDate {
        let next = if self.number == 4 {
            Self {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Self {
                year: self.year,
                number: self.number + 1,
            }
        };
        next.first_day()
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

impl FromStr for Quarter {
    type Err = QuarterError;

    /// Accepts `2026-Q3`, also `2026-q3`, `2026 Q3` and `2026Q3`; nothing else.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refuse = || QuarterError(text.trim().to_string());
        let compact: String = text
            .trim()
            .chars()
            .filter(|c| *c != '-' && *c != ' ')
            .collect();
        let (year, number) = compact
            .to_ascii_uppercase()
            .split_once('Q')
            .map(|(y, n)| (y.to_string(), n.to_string()))
            .ok_or_else(refuse)?;
        if year.len() != 4 || number.len() != 1 || !year.chars().all(|c| c.is_ascii_digit()) {
            return Err(refuse());
        }
        let year = year.parse().map_err(|_| refuse())?;
        let number = number.parse().map_err(|_| refuse())?;
        Self::new(year, number).ok_or_else(refuse)
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_the_written_forms() {
        for text in ["2026-Q3", "2026-q3", " 2026 Q3 ", "2026Q3"] {
            assert_eq!(
                text.parse::<Quarter>(),
                Ok(Quarter::new(2026, 3).unwrap()),
                "{text}"
            );
        }
    }

    #[test]
    fn refuses_anything_that_is_not_a_quarter() {
        for text in [
            "",
            "2026",
            "2026-Q5",
            "2026-Q0",
            "26-Q1",
            "../2026-Q1",
            "2026-Q1.json",
            "Q3-2026",
            "1999-Q4",
        ] {
            let error = text.parse::<Quarter>().unwrap_err();
            assert!(
                error.to_string().contains("for example 2026-Q3"),
                "{text}: {error}"
            );
        }
    }

    #[test]
    fn last_finished_quarter_is_the_one_before_today() {
        assert_eq!(
            Quarter::last_finished(date(2026, 12, 4)).to_string(),
            "2026-Q3"
        );
        assert_eq!(
            Quarter::last_finished(date(2026, 1, 1)).to_string(),
            "2025-Q4"
        );
        assert_eq!(
            Quarter::last_finished(date(2026, 3, 31)).to_string(),
            "2025-Q4"
        );
        assert_eq!(
            Quarter::last_finished(date(2026, 4, 1)).to_string(),
            "2026-Q1"
        );
    }

    #[test]
    fn quarter_bounds_cover_three_months() {
        let q4 = Quarter::new(2025, 4).unwrap();
        assert_eq!(q4.first_day(), date(2025, 10, 1));
        assert_eq!(q4.end_exclusive(), date(2026, 1, 1));
    }

    #[test]
    fn quarters_sort_oldest_first_and_round_trip_through_json() {
        let mut quarters = [
            Quarter::new(2026, 1).unwrap(),
            Quarter::new(2025, 4).unwrap(),
        ];
        quarters.sort();
        assert_eq!(quarters[0].to_string(), "2025-Q4");
        let json = serde_json::to_string(&quarters[1]).unwrap();
        assert_eq!(json, "\"2026-Q1\"");
        assert_eq!(serde_json::from_str::<Quarter>(&json).unwrap(), quarters[1]);
    }
}
