//! The scorecard: every item with its value, rating, a small gauge and its verdict.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::checklist::answer::format_value;
use crate::report::{ScoreRow, Scorecard};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widget::gauge::BenchmarkGauge;

const GAUGE_WIDTH: u16 = 16;
const NAME_WIDTH: usize = 28;

/// Draws the scorecard into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(open) = &app.open else { return };
    let card = Scorecard::new(&app.checklist, &open.session);
    let [summary, _, list, detail] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(5),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(card.summary.line(), theme.title)).wrap(Wrap { trim: true }),
        summary,
    );

    let rows_visible = (list.height / 2).max(1) as usize;
    let first = open.selected.saturating_sub(rows_visible - 1);
    for (offset, row) in card.rows.iter().enumerate().skip(first).take(rows_visible) {
        let y = list.y + ((offset - first) as u16) * 2;
        render_row(
            frame,
            Rect {
                y,
                height: 2,
                ..list
            },
            row,
            offset == open.selected,
            theme,
        );
    }
    render_detail(frame, detail, &card.rows[open.selected], theme);
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
    let [text, _, gauge] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(GAUGE_WIDTH),
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
            Span::styled(format!(" {value:>10}"), theme.text),
        ])),
        text,
    );
    if row.value.is_some() {
        frame.render_widget(BenchmarkGauge::new(row.item, row.value, "", theme), gauge);
    }
    let verdict_area = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    let width = verdict_area.width.saturating_sub(4) as usize;
    let mut verdict: String = row.verdict.chars().take(width).collect();
    if row.verdict.chars().count() > width {
        verdict.pop();
        verdict.push('…');
    }
    frame.render_widget(
        Paragraph::new(Span::styled(format!("    {verdict}"), theme.muted)),
        verdict_area,
    );
}

fn render_detail(frame: &mut Frame, area: Rect, row: &ScoreRow, theme: &Theme) {
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(format!(" {} ", row.item.name), theme.title));
    let text = vec![
        Line::styled(row.verdict.clone(), theme.text),
        Line::styled(
            format!(
                "Benchmark: {}. Source: {}",
                row.item.benchmark, row.item.source
            ),
            theme.muted,
        ),
    ];
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
        area,
    );
}
