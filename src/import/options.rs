//! What the caller can tell the importer: the quarter, date rules, column mappings, marketing sources.

use std::fmt;
use std::str::FromStr;

use crate::checklist::quarter::Quarter;

use super::fields::Field;
use super::sources::SourceRules;

/// Settings for one import; `Default` means: all rows, dates and columns detected from the files.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Keep only rows of this quarter (leads by created date, opportunities created or closed in it).
    pub quarter: Option<Quarter>,
    /// Keep every row whatever its date, even when a quarter is given.
    pub all_dates: bool,
    /// Day/month order for slash dates such as 03/04/2024, when the data cannot decide it.
    pub date_order: Option<DateOrder>,
    /// An explicit chrono format (e.g. `%d/%m/%Y %H:%M`) used for every date instead of detection.
    pub date_format: Option<String>,
    /// Columns the user named by hand (`--map "First Call=first_response"`); they win over detection.
    pub mappings: Vec<ColumnMapping>,
    /// Which lead sources count as marketing and which do not.
    pub marketing_sources: SourceRules,
}

/// The order of day and month in slash dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// Day first: 03/04/2024 is 3 April.
    Dmy,
    /// Month first: 03/04/2024 is 4 March.
    Mdy,
}

impl FromStr for DateOrder {
    type Err = OptionError;

    /// Accepts `dmy` or `mdy` in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "dmy" => Ok(Self::Dmy),
            "mdy" => Ok(Self::Mdy),
            _ => Err(OptionError::DateOrder(text.trim().to_string())),
        }
    }
}

impl fmt::Display for DateOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Dmy => "dmy",
            Self::Mdy => "mdy",
        })
    }
}

/// "This header holds this field", as typed after `--map`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMapping {
    /// The column header as it appears in the file (matched ignoring case and punctuation).
    pub header: String,
    /// The field that column holds.
    pub field: Field,
}

impl FromStr for ColumnMapping {
    type Err = OptionError;

    /// Reads `Header Name=field_name`, e.g. `First Call=first_response`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refuse = |problem: String| OptionError::Mapping {
            text: text.to_string(),
            problem,
        };
        let (header, field) = text
            .rsplit_once('=')
            .ok_or_else(|| refuse("write it as HEADER=FIELD".to_string()))?;
        let header = header.trim();
        if header.is_empty() {
            return Err(refuse("the header before = is empty".to_string()));
        }
        let field = Field::from_name(field).ok_or_else(|| {
            refuse(format!(
                "\"{}\" is not a field mcc knows; use one of {}",
                field.trim(),
                Field::ALL.map(Field::name).join(", ")
            ))
        })?;
        Ok(Self {
            header: header.to_string(),
            field,
        })
    }
}

/// Why an option value typed by the user was refused; Display is one sentence saying what to type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionError {
    /// A `--map` value that is not `HEADER=FIELD`.
    #[error("--map \"{text}\": {problem}.")]
    Mapping {
        /// What was typed.
        text: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A `--date-order` value other than dmy or mdy.
    #[error("--date-order \"{0}\": use dmy (day first) or mdy (month first).")]
    DateOrder(String),
    /// A `--marketing-sources` list with no names in it.
    #[error(
        "--marketing-sources needs at least one source name, e.g. \"web,webinar,paid search\"."
    )]
    EmptySourceList,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_reads_header_and_field() {
        let mapping: ColumnMapping = "First Call=first_response".parse().unwrap();
        assert_eq!(mapping.header, "First Call");
        assert_eq!(mapping.field, Field::FirstResponse);
        let spaced: ColumnMapping = " Odd = Header = Close Date ".parse().unwrap();
        assert_eq!(
            (spaced.header.as_str(), spaced.field),
            ("Odd = Header", Field::CloseDate)
        );
    }

    #[test]
    fn mapping_errors_say_what_to_type() {
        let error = "First Call".parse::<ColumnMapping>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "--map \"First Call\": write it as HEADER=FIELD."
        );
        let error = "=created".parse::<ColumnMapping>().unwrap_err();
        assert!(
            error.to_string().contains("header before = is empty"),
            "{error}"
        );
        let error = "First Call=first_reply"
            .parse::<ColumnMapping>()
            .unwrap_err();
        let text = error.to_string();
        assert!(
            text.contains("\"first_reply\" is not a field") && text.contains("first_response"),
            "{text}"
        );
    }

    #[test]
    fn date_order_reads_dmy_and_mdy() {
        assert_eq!("DMY".parse::<DateOrder>(), Ok(DateOrder::Dmy));
        assert_eq!(" mdy".parse::<DateOrder>(), Ok(DateOrder::Mdy));
        assert!(
            "ymd"
                .parse::<DateOrder>()
                .unwrap_err()
                .to_string()
                .contains("use dmy")
        );
    }
}
