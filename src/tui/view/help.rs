//! The help overlay: every key for the screen underneath, and what the screen is for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::centred;
use crate::tui::app::{App, Screen};
use crate::tui::event::screen_bindings;
use crate::tui::theme::Theme;

fn purpose(screen: Screen) -> &'static str {
    match screen {
        Screen::Home => {
            "Pick a quarter to work on. Type a quarter as YEAR-QN (for example 2026-Q3) and press Enter to start it; a quarter you started before carries on where you left off."
        }
        Screen::Wizard => {
            "Answer in the unit shown beside the box; the gauge previews your answer as you type. Type ? or unknown if nobody knows: that is a finding too, and the verdict says what to ask for. Each answer is saved when you press Enter."
        }
        Screen::Scorecard => {
            "Every item with its rating. Good, watch and poor compare the answer with the benchmark shown; unknown items are questions to take to marketing."
        }
        Screen::Gap => {
            "What the miss means in pipeline, opportunities and leads. Type a value and press Enter to save it; values taken from imported opportunities or the checklist are marked, and typing one replaces it for this quarter."
        }
        Screen::Present => {
            "One slide per checklist item, then a closing slide with the overall verdict. Made to be read from the back of a room; nothing on a slide takes typing."
        }
        Screen::Trends => {
            "Each item across every saved quarter, oldest to newest. A dot in the line is a quarter where the number was not known or not answered, never a zero."
        }
        Screen::Compare => {
            "Two quarters side by side, with the change from the first to the second in words. Tab picks which quarter the arrows change."
        }
        Screen::Import => {
            "Load numbers from CRM exports (CSV): leads, opportunities, activities, or a metric,value summary. Add each file with Enter, then press Enter on an empty line to read them. Nothing is saved until you have seen the working and pressed Enter on the review."
        }
    }
}

/// Draws the overlay centred over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let table = screen_bindings(app);
    let key_width = table
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = table
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:<key_width$}  ", b.label), theme.key),
                Span::styled(b.does, theme.text),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(purpose(app.screen), theme.text));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Esc or F1 closes this help.", theme.muted));

    let width = area.width.saturating_sub(4).min(70);
    let text_width = width.saturating_sub(4).max(1);
    let height = Paragraph::new(lines.clone())
        .wrap(Wrap { trim: true })
        .line_count(text_width) as u16
        + 2;
    let popup = centred(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Line::styled(" Help ", theme.title))
        .padding(ratatui::widgets::Padding::horizontal(1));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        popup,
    );
}
