//! A bordered one-line text box with a title, scrolled so the cursor stays in view, and the
//! terminal cursor placed where typing goes.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Paragraph};
use tui_input::Input;

use crate::tui::theme::Theme;

/// Draws `input` in a box titled `title` (empty for none) filling `area`; the focused box
/// gets the terminal cursor.
pub fn render_text_box(
    frame: &mut Frame,
    area: Rect,
    input: &Input,
    title: &str,
    focused: bool,
    theme: &Theme,
) {
    let block = if title.is_empty() {
        Block::bordered()
    } else {
        Block::bordered().title(Span::styled(format!(" {title} "), theme.title))
    };
    let inner = block.inner(area);
    let scroll = input.visual_scroll(inner.width.saturating_sub(1) as usize);
    frame.render_widget(
        Paragraph::new(Span::styled(
            input.value(),
            if focused { theme.input } else { theme.text },
        ))
        .scroll((0, scroll as u16))
        .block(block),
        area,
    );
    if focused && inner.width > 0 && inner.height > 0 {
        let x = inner.x + (input.visual_cursor().saturating_sub(scroll)) as u16;
        frame.set_cursor_position(Position::new(x.min(inner.right() - 1), inner.y));
    }
}
