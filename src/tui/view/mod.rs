//! Drawing: one file per screen. Views only read the [`App`]; they never change it.

mod compare;
mod dialog;
mod gap;
mod help;
mod home;
mod import;
mod present;
mod scorecard;
mod trends;
mod wizard;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::app::{App, Notice, Screen};
use super::theme::Theme;
use super::widget::hints::hint_line;

/// Smallest window mcc lays out; below it a "make the window bigger" screen is shown.
pub const MIN_SIZE: (u16, u16) = (60, 16);

/// A row on screen the mouse can click: where it is and its index in the screen's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Where the row is drawn.
    pub area: Rect,
    /// The row's index (home row, checklist item, header option).
    pub row: usize,
}

/// Clickable one-line rows for a list drawn in `list` from row `first`, `count` rows in all.
fn line_hits(list: Rect, first: usize, count: usize) -> impl Iterator<Item = Hit> {
    (first..count)
        .take(list.height as usize)
        .enumerate()
        .map(move |(offset, row)| Hit {
            area: Rect {
                y: list.y + offset as u16,
                height: 1,
                ..list
            },
            row,
        })
}

/// Draws the whole screen for the app's current state and returns the clickable rows.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) -> Vec<Hit> {
    let mut hits = Vec::new();
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.text), area);
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        render_too_small(frame, area, theme);
        return hits;
    }
    let notice_height = app
        .notice
        .as_ref()
        .map_or(0, |n| notice_line(n, theme).width() as u16)
        .div_ceil(area.width.max(1))
        .clamp(1, 3);
    let [banner, title, body, notice, hints] = Layout::vertical([
        Constraint::Length(u16::from(app.demo)),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(notice_height),
        Constraint::Length(1),
    ])
    .horizontal_margin(1)
    .areas(area);

    if app.demo {
        frame.render_widget(
            Paragraph::new(Line::styled(
                if banner.width >= 66 {
                    "DEMO DATA · a made-up company; your own quarters are not touched"
                } else {
                    "DEMO DATA · a made-up company"
                },
                theme.banner,
            ))
            .style(theme.banner),
            banner,
        );
    }
    render_title(frame, title, app, theme);
    match app.screen {
        Screen::Home => home::render(frame, body, app, theme, &mut hits),
        Screen::Wizard => wizard::render(frame, body, app, theme),
        Screen::Scorecard => scorecard::render(frame, body, app, theme, &mut hits),
        Screen::Import => import::render(frame, body, app, theme, &mut hits),
        Screen::Trends => trends::render(frame, body, app, theme, &mut hits),
        Screen::Compare => compare::render(frame, body, app, theme, &mut hits),
        Screen::Present => present::render(frame, body, app, theme),
        Screen::Gap => gap::render(frame, body, app, theme),
    }
    if let Some(message) = &app.notice {
        frame.render_widget(
            Paragraph::new(notice_line(message, theme)).wrap(Wrap { trim: true }),
            notice,
        );
    }
    frame.render_widget(Paragraph::new(hint_line(app, hints.width, theme)), hints);
    if let Some(open_dialog) = &app.dialog {
        dialog::render(frame, area, app, open_dialog, theme);
    }
    if app.help_open {
        help::render(frame, area, app, theme);
    }
    if app.help_open || app.dialog.is_some() {
        hits.clear();
    }
    hits
}

/// A `width` by `height` rectangle in the middle of `area` (clipped to it), for overlays.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let [column] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(column);
    popup
}

/// `text` cut to `width` characters, ending in "…" when it was cut.
fn truncated(text: &str, width: u16) -> String {
    let width = width as usize;
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn notice_line<'a>(notice: &Notice, theme: &Theme) -> Line<'a> {
    match notice {
        Notice::Info(text) => Line::styled(format!("✓ {text}"), theme.info),
        Notice::Error(text) => Line::styled(format!("✗ {text}"), theme.error),
    }
}

fn render_title(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let earlier = |quarter| app.newest_saved().is_some_and(|newest| quarter < newest);
    let context = match (app.screen, &app.open) {
        (Screen::Trends, _) => "trends across quarters".to_string(),
        (Screen::Present, Some(open)) => format!(
            "{} · slide {} of {}",
            open.session.quarter,
            app.presentation.map_or(0, |p| p.slide) + 1,
            app.slide_count()
        ),
        (Screen::Compare, _) => "compare quarters".to_string(),
        (Screen::Gap, Some(open)) => format!("{} · revenue gap", open.session.quarter),
        (Screen::Home, _) | (_, None) => String::new(),
        (Screen::Wizard, Some(open)) if earlier(open.session.quarter) => {
            format!("⚠ changing an earlier quarter: {}", open.session.quarter)
        }
        (Screen::Wizard, Some(open)) => format!("{} · questions", open.session.quarter),
        (Screen::Scorecard, Some(open)) if open.held_elsewhere.is_some() => {
            format!("{} · read-only, open in another mcc", open.session.quarter)
        }
        (Screen::Scorecard, Some(open)) if open.read_only => {
            format!("{} · review, read-only", open.session.quarter)
        }
        (Screen::Scorecard, Some(open)) if earlier(open.session.quarter) => {
            format!("⚠ changing an earlier quarter: {}", open.session.quarter)
        }
        (Screen::Scorecard, Some(open)) => format!("{} · scorecard", open.session.quarter),
        (Screen::Import, Some(open)) => format!("{} · import", open.session.quarter),
    };
    let name = if area.width >= 70 {
        "mcc · Marketing Contribution Checklist"
    } else {
        "mcc"
    };
    let [left, right] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(context.chars().count() as u16),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Span::styled(name, theme.title)), left);
    frame.render_widget(
        Paragraph::new(Span::styled(context, theme.title)).alignment(Alignment::Right),
        right,
    );
}

fn render_too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let (width, height) = MIN_SIZE;
    let text = vec![
        Line::styled("Make the window bigger", theme.title),
        Line::raw(format!(
            "mcc needs {width}×{height}; this one is {}×{}.",
            area.width, area.height
        )),
        Line::styled("Ctrl-C quits.", theme.muted),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let inner = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        inner,
    );
}
