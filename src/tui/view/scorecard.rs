//! The scorecard: every item with its value, rating, a small gauge and its verdict.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Hit, truncated};
use crate::checklist::answer::format_value;
use crate::checklist::session::Agreement;
use crate::report::{ScoreRow, Scorecard, notes_line};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widget::gauge::BenchmarkGauge;

const NAME_WIDTH: usize = 28;
/// Marker, symbol, rating word, name and value.
const TEXT_WIDTH: u16 = 1 + 2 + 13 + NAME_WIDTH as u16 + 13;
const MAX_GAUGE_WIDTH: u16 = 30;
/// Room for "✎ disputed" after the gauge.
const MARKS_WIDTH: u16 = 10;
/// Rows kept for the list (two items) before the detail pane gets any.
const MIN_LIST_HEIGHT: u16 = 4;

/// Draws the scorecard into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut Vec<Hit>) {
    let Some(open) = &app.open else { return };
    let card = Scorecard::new(&open.checklist, &open.session);
    let detail = detail_text(&card.rows[open.selected], theme);
    let mut summary_lines = vec![Line::styled(card.summary.line(), theme.title)];
    if let Some(profile) = open.session.go_to_market {
        summary_lines.push(Line::styled(
            format!("Go-to-market: {} (m changes it).", profile.label()),
            theme.muted,
        ));
    }
    if open.read_only {
        summary_lines.push(Line::styled(
            "Read-only: this is the quarter as saved. Enter or e changes an answer; n and a add notes.",
            theme.muted,
        ));
    }
    let summary_text = Paragraph::new(summary_lines).wrap(Wrap { trim: true });
    let summary_height = summary_text.line_count(area.width) as u16;
    let room_for_detail = area
        .height
        .saturating_sub(summary_height + 1 + MIN_LIST_HEIGHT);
    let detail_height = (detail.line_count(area.width) as u16).min(room_for_detail);
    let [summary, _, list, detail_area] = Layout::vertical([
        Constraint::Length(summary_height),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(detail_height),
    ])
    .areas(area);
    frame.render_widget(summary_text, summary);

    let rows_visible = (list.height / 2).max(1) as usize;
    let first = open.selected.saturating_sub(rows_visible - 1);
    for (offset, row) in card.rows.iter().enumerate().skip(first).take(rows_visible) {
        let y = list.y + ((offset - first) as u16) * 2;
        let row_area = Rect {
            y,
            height: 2.min(list.bottom() - y),
            ..list
        };
        render_row(frame, row_area, row, offset == open.selected, theme);
        hits.push(Hit {
            area: row_area,
            row: offset,
        });
    }
    frame.render_widget(detail, detail_area);
}

fn render_row(frame: &mut Frame, area: Rect, row: &ScoreRow, selected: bool, theme: &Theme) {
    let value = row
        .value
        .map_or_else(|| "-".to_string(), |v| format_value(row.item.unit, v));
    let rating_style = theme.rating(row.rating).add_modifier(Modifier::BOLD);
    let name_style = if selected {
        theme.selected
    } else {
        theme.title
    };
    // The value is never cut: the gauge and the marks only get the room that is left.
    let room = area.width.saturating_sub(TEXT_WIDTH + 3);
    let marks_width = if room >= MARKS_WIDTH + 8 {
        MARKS_WIDTH
    } else {
        0
    };
    let gauge_width = room.saturating_sub(marks_width).min(MAX_GAUGE_WIDTH);
    let gauge_width = if gauge_width >= 6 { gauge_width } else { 0 };
    let [text, _, gauge, _, marks] = Layout::horizontal([
        Constraint::Length(TEXT_WIDTH),
        Constraint::Length(2),
        Constraint::Length(gauge_width),
        Constraint::Length(1),
        Constraint::Length(marks_width),
    ])
    .areas(Rect { height: 1, ..area });
    let marker = if selected { "›" } else { " " };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!("{marker}{} {:<13}", row.rating.symbol(), row.rating.word()),
                rating_style,
            ),
            Span::styled(format!("{:<NAME_WIDTH$}", row.item.name), name_style),
            Span::styled(format!(" {value:>12}"), theme.text),
        ])),
        text,
    );
    if row.value.is_some() {
        frame.render_widget(BenchmarkGauge::new(row.item, row.value, "", theme), gauge);
    }
    let mut mark = String::new();
    if !row.note.is_empty() {
        mark.push_str("✎ ");
    }
    if row.agreement != Agreement::NotDiscussed {
        mark.push_str(row.agreement.word());
    }
    frame.render_widget(Paragraph::new(Span::styled(mark, theme.text)), marks);
    let verdict_area = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    let verdict = truncated(&row.verdict, verdict_area.width.saturating_sub(4));
    frame.render_widget(
        Paragraph::new(Span::styled(format!("    {verdict}"), theme.muted)),
        verdict_area,
    );
}

/// The selected item's full verdict, benchmark and source.
fn detail_text<'a>(row: &ScoreRow<'a>, theme: &Theme) -> Paragraph<'a> {
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(format!(" {} ", row.item.name), theme.title));
    let mut text = vec![Line::styled(row.verdict.clone(), theme.text)];
    if let Some(notes) = notes_line(&row.note, row.agreement) {
        text.push(Line::styled(notes, theme.text));
    }
    text.push(Line::styled(
        format!(
            "Benchmark: {}. Source: {}",
            row.item.benchmark, row.item.source
        ),
        theme.muted,
    ));
    if let Some(reason) = &row.item.band_reason {
        text.push(Line::styled(format!("Bands here: {reason}"), theme.muted));
    }
    Paragraph::new(text).wrap(Wrap { trim: true }).block(block)
}
