//! The home screen: continue the latest quarter, start one, or open a saved one.

use chrono::Local;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Hit, truncated};
use crate::report::listing::QuarterListing;
use crate::tui::app::{App, HomeRow};
use crate::tui::theme::Theme;

const INTRO: &str = "How does marketing help make the number? Answer the checklist one question at a time; each answer is measured against a sourced benchmark and saved as you go.";

/// Draws the home screen into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut Vec<Hit>) {
    let intro = Paragraph::new(Line::styled(INTRO, theme.text)).wrap(Wrap { trim: true });
    let intro_height = intro.line_count(area.width) as u16;
    let [intro_area, _, menu_area] = Layout::vertical([
        Constraint::Length(intro_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(intro, intro_area);

    let total = app.checklist.items.len();
    let rows = app.home_rows();
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut row_lines = Vec::new();
    let mut cursor = None;
    for (index, row) in rows.iter().enumerate() {
        let selected = index == app.home_selected;
        let style = if selected { theme.selected } else { theme.text };
        let marker = if selected { "› " } else { "  " };
        match row {
            HomeRow::Saved(0) => {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    "Saved quarters   (answered, then ✓ good ▲ watch ✗ poor ? unknown)",
                    theme.title,
                ));
            }
            HomeRow::Demo => lines.push(Line::raw("")),
            HomeRow::Quit if app.saved.is_empty() => {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    "  Nothing saved yet. Enter starts the last finished quarter, or type another.",
                    theme.muted,
                ));
                lines.push(Line::raw(""));
            }
            HomeRow::Quit => lines.push(Line::raw("")),
            _ => {}
        }
        if selected {
            selected_line = lines.len();
        }
        row_lines.push((index, lines.len()));
        let text = match row {
            HomeRow::Continue(quarter) => {
                let answered = app
                    .saved
                    .iter()
                    .find(|s| s.quarter == *quarter)
                    .and_then(|s| s.summary.as_ref().ok())
                    .map_or(0, |p| p.answered);
                format!("Continue {quarter}  ({answered} of {total} answered)")
            }
            HomeRow::Start => {
                let label = "Start or resume a quarter: ";
                let value = app.quarter_input.value();
                if selected {
                    let x = area.x
                        + (marker.chars().count()
                            + label.chars().count()
                            + app.quarter_input.visual_cursor()) as u16;
                    cursor = Some((x, lines.len()));
                }
                lines.push(Line::from(vec![
                    Span::styled(format!("{marker}{label}"), style),
                    Span::styled(value.to_string(), theme.input),
                ]));
                if selected {
                    lines.push(Line::styled(
                        "    Type a quarter as YEAR-QN, then press Enter.",
                        theme.muted,
                    ));
                }
                continue;
            }
            HomeRow::Saved(index) => saved_row(&app.saved[*index], total),
            HomeRow::Demo => {
                "Try the demo company (made up; your own quarters stay as they are)".to_string()
            }
            HomeRow::Quit => "Quit".to_string(),
        };
        lines.push(Line::styled(
            truncated(&format!("{marker}{text}"), menu_area.width),
            style,
        ));
    }

    let scroll = (selected_line as u16 + 2).saturating_sub(menu_area.height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), menu_area);
    for (row, line) in row_lines {
        if let Some(y) = (line as u16)
            .checked_sub(scroll)
            .filter(|y| *y < menu_area.height)
        {
            hits.push(Hit {
                area: Rect {
                    y: menu_area.y + y,
                    height: 1,
                    ..menu_area
                },
                row,
            });
        }
    }
    if let Some((x, line)) = cursor {
        let y = menu_area.y + (line as u16).saturating_sub(scroll);
        if y < menu_area.bottom() {
            frame.set_cursor_position(Position::new(x.min(menu_area.right().saturating_sub(1)), y));
        }
    }
}

fn saved_row(saved: &QuarterListing, total: usize) -> String {
    match &saved.summary {
        Ok(summary) => format!(
            "{}  {:>2} of {total}   ✓{:<2} ▲{:<2} ✗{:<2} ?{:<2}   changed {}",
            saved.quarter,
            summary.answered,
            summary.good,
            summary.watch,
            summary.poor,
            summary.unknown,
            summary
                .last_changed
                .with_timezone(&Local)
                .format("%Y-%m-%d")
        ),
        Err(reason) => format!("{}  damaged: {reason}", saved.quarter),
    }
}
