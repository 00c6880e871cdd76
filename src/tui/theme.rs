//! Every style the interface uses, by meaning: a dark, a light and a high-contrast theme, and
//! a colourless one for NO_COLOR. Meaning never rests on colour alone: ratings carry a symbol
//! and a word, gauge zones differ in shade.

use ratatui::style::{Color, Modifier, Style};

use crate::checklist::scoring::Rating;
use crate::config::ThemeName;

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
    /// The banner that says the data is a demo.
    pub banner: Style,
    good: Style,
    watch: Style,
    poor: Style,
    unknown: Style,
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    /// For dark terminals (the default), using the terminal's own palette.
    pub fn dark() -> Self {
        Self {
            title: Style::new().add_modifier(BOLD),
            text: Style::new(),
            muted: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Cyan).add_modifier(BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            input: Style::new().fg(Color::Yellow),
            error: Style::new().fg(Color::Red).add_modifier(BOLD),
            info: Style::new().fg(Color::Green),
            banner: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(BOLD),
            good: Style::new().fg(Color::Green),
            watch: Style::new().fg(Color::Yellow),
            poor: Style::new().fg(Color::Red),
            unknown: Style::new().fg(Color::Magenta),
        }
    }

    /// For light terminals: no yellow text, darker greens and reds.
    pub fn light() -> Self {
        Self {
            muted: Style::new().fg(Color::Gray),
            key: Style::new().fg(Color::Blue).add_modifier(BOLD),
            input: Style::new().fg(Color::Blue),
            info: Style::new().fg(Color::Rgb(0, 110, 0)),
            good: Style::new().fg(Color::Rgb(0, 120, 0)),
            watch: Style::new().fg(Color::Rgb(170, 90, 0)),
            poor: Style::new().fg(Color::Rgb(180, 0, 0)),
            banner: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(BOLD),
            ..Self::dark()
        }
    }

    /// For projectors and the back of the room: bright colours on black, key text bold.
    pub fn high_contrast() -> Self {
        let on_black = Style::new().bg(Color::Black);
        Self {
            title: on_black.fg(Color::White).add_modifier(BOLD),
            text: on_black.fg(Color::White),
            muted: on_black.fg(Color::Gray),
            key: on_black.fg(Color::LightCyan).add_modifier(BOLD),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(BOLD),
            input: on_black.fg(Color::LightYellow).add_modifier(BOLD),
            error: on_black.fg(Color::LightRed).add_modifier(BOLD),
            info: on_black.fg(Color::LightGreen).add_modifier(BOLD),
            banner: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(BOLD),
            good: on_black.fg(Color::LightGreen).add_modifier(BOLD),
            watch: on_black.fg(Color::LightYellow).add_modifier(BOLD),
            poor: on_black.fg(Color::LightRed).add_modifier(BOLD),
            unknown: on_black.fg(Color::LightMagenta).add_modifier(BOLD),
        }
    }

    /// No colour at all: bold, reverse and symbols carry the meaning.
    pub fn mono() -> Self {
        let plain = Style::new();
        Self {
            title: plain.add_modifier(BOLD),
            text: plain,
            muted: plain,
            key: plain.add_modifier(BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            input: plain.add_modifier(Modifier::UNDERLINED),
            error: plain.add_modifier(BOLD),
            info: plain,
            banner: plain.add_modifier(Modifier::REVERSED | BOLD),
            good: plain,
            watch: plain,
            poor: plain,
            unknown: plain,
        }
    }

    /// The theme named in the settings, or [`Theme::mono`] when NO_COLOR is set and not empty.
    pub fn for_name(name: ThemeName) -> Self {
        if std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()) {
            return Self::mono();
        }
        match name {
            ThemeName::Dark => Self::dark(),
            ThemeName::Light => Self::light(),
            ThemeName::HighContrast => Self::high_contrast(),
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
