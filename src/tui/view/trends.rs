//! Trends: every item across the saved quarters, a small chart per item, the latest value
//! against the benchmark, and the change since the quarter before in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Hit, truncated};
use crate::checklist::answer::format_value;
use crate::report::trends::{ItemTrend, Trends};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widget::spark::{GAP, spark_line};

const NAME_WIDTH: usize = 28;

/// Draws the trends screen into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut Vec<Hit>) {
    let Some(history) = &app.history else { return };
    let trends = Trends::new(&app.checklist, &history.sessions);
    let (Some(first), Some(last)) = (trends.quarters.first(), trends.quarters.last()) else {
        return;
    };
    let header = Line::from(vec![
        Span::styled(
            format!(
                "{first} to {last}, {} saved quarters",
                trends.quarters.len()
            ),
            theme.title,
        ),
        Span::styled(format!("   {GAP} = not known or not answered"), theme.muted),
    ]);
    let selected = &trends.items[history.selected];
    let detail = detail_text(selected, theme);
    let room = area.height.saturating_sub(2 + 4);
    let detail_height = (detail.line_count(area.width) as u16).min(room);
    let [top, _, list, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(detail_height),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header), top);

    let visible = (list.height / 2).max(1) as usize;
    let first_row = history.selected.saturating_sub(visible - 1);
    for (index, trend) in trends
        .items
        .iter()
        .enumerate()
        .skip(first_row)
        .take(visible)
    {
        let y = list.y + ((index - first_row) * 2) as u16;
        let row_area = Rect {
            y,
            height: 2,
            ..list
        };
        render_row(frame, row_area, trend, index == history.selected, theme);
        hits.push(Hit {
            area: row_area,
            row: index,
        });
    }
    frame.render_widget(detail, detail_area);
}

fn render_row(frame: &mut Frame, area: Rect, trend: &ItemTrend, selected: bool, theme: &Theme) {
    let latest = trend.latest();
    let rating = trend.points.last().map(|p| p.rating);
    let (symbol, style) = match rating {
        Some(rating) => (
            rating.symbol(),
            theme.rating(rating).add_modifier(Modifier::BOLD),
        ),
        None => (" ", theme.text),
    };
    let newest = trend.points.last().map(|p| p.quarter);
    let value = match latest {
        Some(point) if Some(point.quarter) == newest => {
            format!(
                "now {}",
                format_value(trend.item.unit, point.value.unwrap_or_default())
            )
        }
        Some(point) => format!(
            "last known {} in {}",
            format_value(trend.item.unit, point.value.unwrap_or_default()),
            point.quarter
        ),
        None => "never measured".to_string(),
    };
    let name_style = if selected {
        theme.selected
    } else {
        theme.title
    };
    let marker = if selected { "›" } else { " " };
    let line = Line::from(vec![
        Span::styled(format!("{marker}{symbol} "), style),
        Span::styled(format!("{:<NAME_WIDTH$}", trend.item.name), name_style),
        Span::styled(
            format!(" {:<8}", spark_line(trend.item, &trend.series())),
            theme.title,
        ),
        Span::styled(format!(" {value}"), theme.text),
    ]);
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..area });
    let words = truncated(&trend.phrase, area.width.saturating_sub(4));
    frame.render_widget(
        Paragraph::new(Span::styled(format!("    {words}"), theme.muted)),
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
    );
}

/// The selected item's sentence and its value in every quarter.
fn detail_text<'a>(trend: &ItemTrend<'a>, theme: &Theme) -> Paragraph<'a> {
    let values: Vec<String> = trend
        .points
        .iter()
        .map(|p| {
            let value = p.value.map_or_else(
                || p.rating.word().to_string(),
                |v| format_value(trend.item.unit, v),
            );
            format!("{} {value}", p.quarter)
        })
        .collect();
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(format!(" {} ", trend.item.name), theme.title));
    Paragraph::new(vec![
        Line::styled(trend.sentence.clone(), theme.text),
        Line::styled(values.join(" · "), theme.muted),
        Line::styled(format!("Benchmark: {}.", trend.item.benchmark), theme.muted),
    ])
    .wrap(Wrap { trim: true })
    .block(block)
}
