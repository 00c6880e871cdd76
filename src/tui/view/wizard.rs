//! The wizard: one question, why it matters, the answer box, a live gauge and the verdict.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use crate::checklist::Item;
use crate::checklist::answer::{self, Parsed, examples, unit_label};
use crate::checklist::scoring::{rate_answer, verdict};
use crate::tui::app::{App, OpenQuarter};
use crate::tui::theme::Theme;
use crate::tui::widget::gauge::BenchmarkGauge;
use crate::tui::widget::steps::steps_line;
use crate::tui::widget::text_box::render_text_box;

/// Screens at least this tall get blank lines between sections.
const ROOMY_HEIGHT: u16 = 30;
/// Screens shorter than this get a one-row gauge and no source line.
const COMPACT_HEIGHT: u16 = 18;

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
        Some(value) if saved_text != Some(draft.trim()) => Shown {
            answer: Some(value),
            preview: true,
        },
        _ => Shown {
            answer: saved,
            preview: false,
        },
    }
}

/// Draws the wizard into `area`. Sections stack from the top; in a short window the gauge
/// shrinks to one row, the source moves to the scorecard and help, and the question text
/// drops "how to get the number" before anything else.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(open) = &app.open else { return };
    let item = &open.checklist.items[open.index];
    let roomy = area.height >= ROOMY_HEIGHT;
    let compact = area.height < COMPACT_HEIGHT;
    let gap = u16::from(roomy);
    let shown = shown(item, open);

    let verdict_line = match shown.answer {
        Some(answer) => {
            let rating = rate_answer(item, answer);
            Line::from(vec![
                Span::styled(
                    format!("{} {}  ", rating.symbol(), rating.word()),
                    theme.rating(rating).add_modifier(Modifier::BOLD),
                ),
                Span::styled(verdict(item, answer), theme.text),
            ])
        }
        None => Line::styled(
            "No answer yet. Type it above, or ? if nobody knows.",
            theme.muted,
        ),
    };
    let verdict_text = Paragraph::new(verdict_line).wrap(Wrap { trim: true });
    let source_text = match &item.band_reason {
        Some(reason) => format!("Source: {} Bands here: {reason}", item.source),
        None => format!("Source: {}", item.source),
    };
    let source = Paragraph::new(Line::styled(source_text, theme.muted)).wrap(Wrap { trim: true });
    let gauge_height = if compact { 1 } else { 3 };
    let verdict_height = verdict_text.line_count(area.width) as u16;
    let source_height = if compact {
        0
    } else {
        source.line_count(area.width) as u16
    };
    let fixed = 1 + gap + 3 + 1 + gap + gauge_height + verdict_height + source_height;
    let question = question_text(
        item,
        roomy,
        area.width,
        area.height.saturating_sub(fixed),
        theme,
    );
    let question_height = question.line_count(area.width) as u16;

    let [
        steps,
        _,
        text,
        input,
        message,
        _,
        gauge,
        verdict_area,
        source_area,
        _,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(question_height),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(gauge_height),
        Constraint::Length(verdict_height),
        Constraint::Length(source_height),
        Constraint::Fill(1),
    ])
    .areas(area);

    frame.render_widget(
        Paragraph::new(steps_line(
            &open.checklist,
            &open.session,
            open.index,
            theme,
        )),
        steps,
    );
    frame.render_widget(question, text);
    render_input(frame, input, item, open, theme);
    let message_line = match (&open.error, shown.preview) {
        (Some(error), _) => Line::styled(format!("✗ {error}"), theme.error),
        (None, true) => Line::styled("Preview: press Enter to save this answer.", theme.muted),
        (None, false) => Line::raw(""),
    };
    frame.render_widget(Paragraph::new(message_line), message);
    let note = if shown.preview { " (preview)" } else { "" };
    frame.render_widget(
        BenchmarkGauge::new(item, shown.answer.flatten(), note, theme),
        gauge,
    );
    frame.render_widget(verdict_text, verdict_area);
    frame.render_widget(source, source_area);
}

/// The item name, the question, why it matters and how to get the number, dropping the
/// least needed parts until it fits in `height` rows.
fn question_text<'a>(
    item: &'a Item,
    roomy: bool,
    width: u16,
    height: u16,
    theme: &Theme,
) -> Paragraph<'a> {
    let heading = |label: &'static str| Span::styled(label, theme.title);
    let mut parts = vec![
        Line::styled(item.name.as_str(), theme.title),
        Line::styled(item.question.as_str(), theme.text),
        Line::raw(""),
        Line::from(vec![
            heading("Why it matters: "),
            Span::styled(item.why.as_str(), theme.text),
        ]),
        Line::raw(""),
        Line::from(vec![
            heading("How to get the number: "),
            Span::styled(item.how_to_get.as_str(), theme.text),
        ]),
    ];
    if roomy {
        parts.insert(1, Line::raw(""));
    }
    let fits = |lines: &[Line]| {
        Paragraph::new(Text::from(lines.to_vec()))
            .wrap(Wrap { trim: true })
            .line_count(width)
            <= height as usize
    };
    while parts.len() > 2 && !fits(&parts) {
        parts.truncate(parts.len() - 2);
    }
    Paragraph::new(parts).wrap(Wrap { trim: true })
}

fn render_input(frame: &mut Frame, area: Rect, item: &Item, open: &OpenQuarter, theme: &Theme) {
    let box_width = (area.width / 2).clamp(20, 40);
    let [input_box, _, label] = Layout::horizontal([
        Constraint::Length(box_width),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_text_box(
        frame,
        input_box,
        &open.drafts[open.index],
        "Your answer",
        true,
        theme,
    );
    let full = format!("{}; ? if unknown", examples(item.unit));
    let hint = [full.as_str(), examples(item.unit), ""]
        .into_iter()
        .find(|text| text.chars().count() <= label.width as usize)
        .unwrap_or_default();
    let label_text = vec![
        Line::raw(""),
        Line::styled(unit_label(item.unit), theme.title),
        Line::styled(hint.to_string(), theme.muted),
    ];
    frame.render_widget(Paragraph::new(label_text), label);
}
