//! Every style the interface uses, by meaning. `Theme::mono` is used when NO_COLOR is set;
//! meaning never rests on colour alone (ratings carry a symbol and a word).

use ratatui::style::{Color, Modifier, Style};

use crate::checklist::scoring::Rating;

/// Semantic styles for the whole interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Screen titles and item names.
    pub title: Style,
    /// Body text.
    pub text: Style,
    /// Secondary text: sources, labels, hints.
    pub muted: Style,
    /// Key names in the hint bar and help.
    pub key: Style,
    /// The selected row.
    pub selected: Style,
    /// The answer box.
    pub input: Style,
    /// Error messages.
    pub error: Style,
    /// Confirmations.
    pub info: Style,
    good: Style,
    watch: Style,
    poor: Style,
    unknown: Style,
}

impl Theme {
    /// Colours for a dark or light terminal using the terminal's own palette.
    pub fn color() -> Self {
        Self {
            title: Style::new().add_modifier(Modifier::BOLD),
            text: Style::new(),
            muted: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            input: Style::new().fg(Color::Yellow),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            info: Style::new().fg(Color::Green),
            good: Style::new().fg(Color::Green),
            watch: Style::new().fg(Color::Yellow),
            poor: Style::new().fg(Color::Red),
            unknown: Style::new().fg(Color::Magenta),
        }
    }

    /// No colour at all: bold, reverse and symbols carry the meaning.
    pub fn mono() -> Self {
        let plain = Style::new();
        Self {
            title: plain.add_modifier(Modifier::BOLD),
            text: plain,
            muted: plain,
            key: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            input: plain.add_modifier(Modifier::UNDERLINED),
            error: plain.add_modifier(Modifier::BOLD),
            info: plain,
            good: plain,
            watch: plain,
            poor: plain,
            unknown: plain,
        }
    }

    /// The theme for this environment: mono when NO_COLOR is set and not empty.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(value) if !value.is_empty() => Self::mono(),
            _ => Self::color(),
        }
    }

    /// The style for a rating.
    pub fn rating(&self, rating: Rating) -> Style {
        match rating {
            Rating::Good => self.good,
            Rating::Watch => self.watch,
            Rating::Poor => self.poor,
            Rating::Unknown => self.unknown,
            Rating::Unanswered => self.muted,
        }
    }
}
