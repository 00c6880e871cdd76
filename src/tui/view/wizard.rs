//! The wizard: one question, why it matters, the answer box, a live gauge and the verdict.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::checklist::Item;
use crate::checklist::answer::{self, Parsed, examples, unit_label};
use crate::checklist::scoring::{rate_answer, verdict};
use crate::tui::app::{App, OpenQuarter};
use crate::tui::theme::Theme;
use crate::tui::widget::gauge::BenchmarkGauge;
use crate::tui::widget::steps::steps_line;

/// Windows at least this tall get blank lines between sections.
const ROOMY_HEIGHT: u16 = 30;

/// What the gauge and verdict show: the typed answer while it reads well, else the saved one.
struct Shown {
    answer: Option<Option<f64>>,
    preview: bool,
}

fn shown(item: &Item, open: &OpenQuarter) -> Shown {
    let saved = open.session.answer(&item.id).map(|a| a.value);
    let draft = open.drafts[open.index].value();
    let typed = match answer::parse(item.unit, draft) {
        Ok(Parsed::Value(v)) => Some(Some(v)),
        Ok(Parsed::Unknown) => Some(None),
        Err(_) => None,
    };
    let saved_text = open.session.answer(&item.id).map(|a| a.text.as_str());
    match typed {
        Some(value) if saved_text != Some(draft.trim()) => Shown { answer: Some(value), preview: true },
        _ => Shown { answer: saved, preview: false },
    }
}

/// Draws the wizard into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(open) = &app.open else { return };
    let item = &app.checklist.items[open.index];
    let roomy = area.height >= ROOMY_HEIGHT;
    let gap = u16::from(roomy);
    let source = Paragraph::new(Line::styled(
        format!("Benchmark: {}. Source: {}", item.benchmark, item.source),
        theme.muted,
    ))
    .wrap(Wrap { trim: true });
    let source_height = (source.line_count(area.width) as u16).min(2);
    let [steps, _, text, input, message, _, gauge, verdict_area, source_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(3),
        Constraint::Length(2),
        Constraint::Length(source_height),
    ])
    .areas(area);

    frame.render_widget(Paragraph::new(steps_line(&app.checklist, &open.session, open.index, theme)), steps);
    render_question(frame, text, item, roomy, theme);
    render_input(frame, input, item, open, theme);

    let shown = shown(item, open);
    let message_line = match (&open.error, shown.preview) {
        (Some(error), _) => Line::styled(format!("✗ {error}"), theme.error),
        (None, true) => Line::styled("Preview: press Enter to save this answer.", theme.muted),
        (None, false) => Line::raw(""),
    };
    frame.render_widget(Paragraph::new(message_line), message);

    let note = if shown.preview { " (preview)" } else { "" };
    let value = shown.answer.flatten();
    frame.render_widget(BenchmarkGauge::new(item, value, note, theme), gauge);
    let verdict_line = match shown.answer {
        Some(answer) => {
            let rating = rate_answer(item, answer);
            Line::from(vec![
                Span::styled(format!("{} {}  ", rating.symbol(), rating.word()), theme.rating(rating).add_modifier(ratatui::style::Modifier::BOLD)),
                Span::styled(verdict(item, answer), theme.text),
            ])
        }
        None => Line::styled("No answer yet. Type it above, or ? if nobody knows.", theme.muted),
    };
    frame.render_widget(Paragraph::new(verdict_line).wrap(Wrap { trim: true }), verdict_area);
    frame.render_widget(source, source_area);
}

/// The item name, the question, why it matters and how to get the number, dropping the
/// least needed parts when the window is short.
fn render_question(frame: &mut Frame, area: Rect, item: &Item, roomy: bool, theme: &Theme) {
    let heading = |label: &'static str| Span::styled(label, theme.title);
    let mut parts = vec![
        Line::styled(item.name.clone(), theme.title),
        Line::styled(item.question.clone(), theme.text),
        Line::raw(""),
        Line::from(vec![heading("Why it matters: "), Span::styled(item.why.clone(), theme.text)]),
        Line::raw(""),
        Line::from(vec![heading("How to get the number: "), Span::styled(item.how_to_get.clone(), theme.text)]),
    ];
    if roomy {
        parts.insert(1, Line::raw(""));
    }
    let fits = |lines: &[Line]| {
        Paragraph::new(Text::from(lines.to_vec())).wrap(Wrap { trim: true }).line_count(area.width) <= area.height as usize
    };
    while parts.len() > 2 && !fits(&parts) {
        parts.truncate(parts.len() - 2);
    }
    frame.render_widget(Paragraph::new(parts).wrap(Wrap { trim: true }), area);
}

fn render_input(frame: &mut Frame, area: Rect, item: &Item, open: &OpenQuarter, theme: &Theme) {
    let box_width = (area.width / 2).clamp(20, 40);
    let [input_box, _, label] = Layout::horizontal([Constraint::Length(box_width), Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let block = Block::bordered().title(Span::styled(" Your answer ", theme.title));
    let inner = block.inner(input_box);
    let draft = &open.drafts[open.index];
    let scroll = draft.visual_scroll(inner.width.saturating_sub(1) as usize);
    frame.render_widget(
        Paragraph::new(Span::styled(draft.value(), theme.input)).scroll((0, scroll as u16)).block(block),
        input_box,
    );
    let cursor_x = inner.x + (draft.visual_cursor().saturating_sub(scroll)) as u16;
    frame.set_cursor_position(Position::new(cursor_x, inner.y));
    let label_text = vec![
        Line::raw(""),
        Line::from(vec![
            Span::styled(unit_label(item.unit), theme.title),
            Span::styled(format!("   {} · ? if unknown", examples(item.unit)), theme.muted),
        ]),
    ];
    frame.render_widget(Paragraph::new(label_text).wrap(Wrap { trim: true }), label);
}
