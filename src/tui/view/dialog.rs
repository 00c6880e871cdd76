//! Dialogs over the screen: confirm a delete, name the other quarter of a rename or
//! duplicate, or write a note on an item.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph, Wrap};

use super::centred;
use crate::checklist::profile::GoToMarket;
use crate::checklist::session::NOTE_MAX_CHARS;
use crate::tui::app::{App, Dialog, TargetKind};
use crate::tui::theme::Theme;
use crate::tui::widget::text_box::render_text_box;

/// Draws `dialog` centred over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, dialog: &Dialog, theme: &Theme) {
    let plain = |texts: Vec<String>| -> Vec<Line> {
        texts
            .into_iter()
            .map(|t| Line::styled(t, theme.text))
            .collect()
    };
    let (title, lines, input, error) = match dialog {
        Dialog::Profile { selected } => {
            let choice = |index: usize, name: &str, about: &str| {
                let style = if index == *selected { theme.selected } else { theme.text };
                Line::styled(format!("{} {name}: {about}", if index == *selected { "›" } else { " " }), style)
            };
            let mut lines = vec![Line::styled(
                "How do you go to market? It moves the bands that depend on it, such as marketing's share of pipeline.",
                theme.text,
            )];
            lines.push(choice(0, "Not set", "the standard (mid-market) bands."));
            for (index, profile) in GoToMarket::ALL.iter().enumerate() {
                lines.push(choice(index + 1, profile.label(), profile.description()));
            }
            lines.push(Line::styled("Enter chooses; Esc cancels.", theme.muted));
            (" Go-to-market ".to_string(), lines, None, None)
        }
        Dialog::ConfirmRestore(quarter, reason) => (
            format!(" {quarter} can't be read "),
            plain(vec![
                format!("{quarter} can't be read: {reason}."),
                "mcc keeps the previous save of each quarter as a backup. Put the backup in its place (if there is one)? The damaged file is kept beside it under a new name, never deleted.".to_string(),
                "Enter or y restores the backup; Esc or n leaves everything as it is.".to_string(),
            ]),
            None,
            None,
        ),
        Dialog::ConfirmDelete(quarter) => (
            format!(" Delete {quarter}? "),
            plain(vec![
                format!("Delete the saved answers and notes for {quarter}?"),
                "mcc keeps a copy in the trash folder inside its config folder, so it can be put back.".to_string(),
                "Enter or y deletes it; Esc or n keeps it.".to_string(),
            ]),
            None,
            None,
        ),
        Dialog::Target { kind, from, input, error } => {
            let (title, ask) = match kind {
                TargetKind::Rename => (format!(" Rename {from} "), format!("Rename {from} to which quarter? Type it as YEAR-QN.")),
                TargetKind::Duplicate => (
                    format!(" Start a quarter from {from} "),
                    format!("Start which quarter from {from}'s answers? Type it as YEAR-QN; notes stay with {from}."),
                ),
            };
            (title, plain(vec![ask, "Enter saves; Esc cancels.".to_string()]), Some(input), error.as_deref())
        }
        Dialog::Note { item, input, error } => {
            let name = &app.checklist.items[*item].name;
            (
                format!(" Note on {name} "),
                plain(vec![
                    format!("What was said about this number, e.g. \"marketing counts webinar sign-ups as leads\". Up to {NOTE_MAX_CHARS} characters; empty removes the note."),
                    "Enter saves; Esc cancels.".to_string(),
                ]),
                Some(input),
                error.as_deref(),
            )
        }
    };
    let width = area.width.saturating_sub(4).min(72);
    let inner_width = width.saturating_sub(4).max(1);
    let mut text = lines;
    if let Some(error) = error {
        text.push(Line::styled(format!("✗ {error}"), theme.error));
    }
    let body = Paragraph::new(text).wrap(Wrap { trim: true });
    let body_height = body.line_count(inner_width) as u16;
    let input_height = if input.is_some() { 3 } else { 0 };
    let height = (body_height + input_height + 2).min(area.height);
    let popup = centred(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(title, theme.title))
        .padding(Padding::horizontal(1));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [body_area, input_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(input_height)]).areas(inner);
    frame.render_widget(body, body_area);
    if let Some(input) = input {
        render_text_box(frame, input_area, input, "", true, theme);
    }
}
