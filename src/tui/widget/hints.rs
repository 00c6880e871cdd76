//! The key-hint bar at the bottom of every screen, drawn from the same table as the key mapping.

use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::event::hints;
use crate::tui::theme::Theme;

/// "Enter save & next  F2 scorecard  Esc home ...".
pub fn hint_line<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for (keys, does) in hints(app) {
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {does}"), theme.muted));
    }
    Line::from(spans)
}
