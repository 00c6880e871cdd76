//! The key-hint bar at the bottom of every screen, drawn from the same table as the key mapping.

use ratatui::text::{Line, Span};

use crate::tui::app::{Action, App};
use crate::tui::event::bindings;
use crate::tui::theme::Theme;

/// "Enter save & next  F2 scorecard  Esc home ...", as many hints as fit in `width`; the
/// help hint always stays, since help lists every key.
pub fn hint_line<'a>(app: &App, width: u16, theme: &Theme) -> Line<'a> {
    let entries: Vec<(bool, &str, &str)> = bindings(app)
        .iter()
        .filter_map(|b| {
            b.hint
                .map(|(keys, does)| (b.action == Action::ToggleHelp, keys, does))
        })
        .collect();
    let cost = |keys: &str, does: &str| keys.chars().count() + does.chars().count() + 3;
    let help_cost: usize = entries.iter().filter(|e| e.0).map(|e| cost(e.1, e.2)).sum();
    let mut budget = (width as usize + 2).saturating_sub(help_cost);
    let mut spans = Vec::new();
    for &(is_help, keys, does) in &entries {
        if !is_help {
            if cost(keys, does) > budget {
                continue;
            }
            budget -= cost(keys, does);
        }
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {does}"), theme.muted));
    }
    Line::from(spans)
}
