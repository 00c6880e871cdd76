//! Compare: two saved quarters side by side, with each item's change in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Hit, line_hits, truncated};
use crate::checklist::answer::format_value;
use crate::checklist::scoring::Rating;
use crate::report::compare::Comparison;
use crate::report::sentence_case;
use crate::report::trends::TrendPoint;
use crate::tui::app::App;
use crate::tui::theme::Theme;

const NAME_WIDTH: usize = 28;
const CELL_WIDTH: usize = 12;

/// Draws the compare screen into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut Vec<Hit>) {
    let Some(history) = &app.history else { return };
    let (a, b) = history.compared();
    let comparison = Comparison::new(&app.checklist, a, b);
    let side = |quarter, focused: bool| {
        let style = if focused { theme.selected } else { theme.title };
        Span::styled(format!(" {quarter} "), style)
    };
    let header = vec![
        Line::from(vec![
            Span::styled("Comparing", theme.title),
            side(comparison.a, !history.second_focused),
            Span::styled("with", theme.title),
            side(comparison.b, history.second_focused),
            Span::styled("  (Tab picks a side, ←→ change it)", theme.muted),
        ]),
        Line::styled(
            format!(
                "{}: {} good of {} answered.  {}: {} good of {} answered.",
                comparison.a,
                comparison.summary_a.good,
                comparison.summary_a.with_value(),
                comparison.b,
                comparison.summary_b.good,
                comparison.summary_b.with_value()
            ),
            theme.text,
        ),
    ];
    let row = &comparison.rows[history.selected];
    let detail = Paragraph::new(vec![
        Line::styled(
            format!("{}: {}.", row.item.name, sentence_case(&row.words)),
            theme.text,
        ),
        Line::styled(format!("Benchmark: {}.", row.item.benchmark), theme.muted),
    ])
    .wrap(Wrap { trim: true })
    .block(Block::new().borders(Borders::TOP));
    let detail_height = (detail.line_count(area.width) as u16).min(area.height.saturating_sub(8));
    let [top, columns, list, detail_area] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(detail_height),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header), top);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                " {:<NAME_WIDTH$} {:>CELL_WIDTH$} {:>CELL_WIDTH$}   change",
                "Item",
                comparison.a.to_string(),
                comparison.b.to_string()
            ),
            theme.muted,
        )),
        columns,
    );
    let visible = list.height.max(1) as usize;
    let first = history.selected.saturating_sub(visible - 1);
    let lines: Vec<Line> = comparison
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(index, row)| {
            let selected = index == history.selected;
            let text = format!(
                "{}{:<NAME_WIDTH$} {:>CELL_WIDTH$} {:>CELL_WIDTH$}   {}",
                if selected { "›" } else { " " },
                row.item.name,
                cell(row.item.unit, &row.a),
                cell(row.item.unit, &row.b),
                row.words
            );
            Line::styled(
                truncated(&text, list.width),
                if selected { theme.selected } else { theme.text },
            )
        })
        .collect();
    hits.extend(line_hits(list, first, comparison.rows.len()));
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(detail, detail_area);
}

/// "40 min ✓" or "not known ?".
fn cell(unit: crate::checklist::Unit, point: &TrendPoint) -> String {
    let value = match (point.value, point.rating) {
        (Some(value), _) => format_value(unit, value),
        (None, Rating::Unanswered) => "-".to_string(),
        (None, rating) => rating.word().to_string(),
    };
    format!("{value} {}", point.rating.symbol())
}
