//! The step indicator: one mark per item, showing where you are and what is answered.

use ratatui::text::{Line, Span};

use crate::checklist::Checklist;
use crate::checklist::scoring::{Rating, rate_answer};
use crate::checklist::session::Session;
use crate::tui::theme::Theme;

/// "Item 3 of 12  ✓▲[◆]·········": answered items show their rating symbol, the current one is
/// bracketed, unanswered ones are dots.
pub fn steps_line<'a>(
    checklist: &Checklist,
    session: &Session,
    current: usize,
    theme: &Theme,
) -> Line<'a> {
    let mut spans = vec![Span::styled(
        format!("Item {} of {}  ", current + 1, checklist.items.len()),
        theme.title,
    )];
    for (index, item) in checklist.items.iter().enumerate() {
        let rating = session
            .answer(&item.id)
            .map_or(Rating::Unanswered, |a| rate_answer(item, a.value));
        let symbol = rating.symbol();
        if index == current {
            spans.push(Span::styled(format!("[{symbol}]"), theme.selected));
        } else {
            spans.push(Span::styled(symbol.to_string(), theme.rating(rating)));
        }
    }
    Line::from(spans)
}
