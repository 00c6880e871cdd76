//! Slides for a meeting: the item, its value in big type, a large benchmark gauge, the verdict
//! and a talking point; then a closing slide with the overall verdict. Big type falls back to
//! bold text when the window is too small for it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::checklist::Item;
use crate::checklist::answer::format_value;
use crate::checklist::scoring::Rating;
use crate::report::{ScoreRow, Scorecard};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widget::gauge::BenchmarkGauge;

/// Draws the slide on show into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (Some(open), Some(presentation)) = (&app.open, app.presentation) else {
        return;
    };
    let card = Scorecard::new(&app.checklist, &open.session);
    match card.rows.get(presentation.slide) {
        Some(row) => render_item(frame, area, row, theme),
        None => render_closing(frame, area, &card, theme),
    }
}

/// The largest big-type size whose text fits `area`, or `None` for plain bold text.
fn big_size(text: &str, width: u16, height: u16) -> Option<(PixelSize, u16)> {
    let chars = text.chars().count() as u16;
    [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, per_char, rows)| chars * per_char <= width && *rows <= height)
    .map(|(size, _, rows)| (size, rows))
}

/// The value in big type, centred, or in bold when there is no room; returns rows used.
fn big_value(text: &str, width: u16, room: u16, style: Style) -> (Option<BigText<'static>>, u16) {
    match big_size(text, width, room) {
        Some((size, rows)) => (
            Some(
                BigText::builder()
                    .pixel_size(size)
                    .style(style)
                    .centered()
                    .lines(vec![Line::from(text.to_string())])
                    .build(),
            ),
            rows,
        ),
        None => (None, 1),
    }
}

fn render_item(frame: &mut Frame, area: Rect, row: &ScoreRow, theme: &Theme) {
    let item = row.item;
    let value = match (row.value, row.rating) {
        (Some(value), _) => format_value(item.unit, value),
        (None, Rating::Unknown) => "Unknown".to_string(),
        (None, _) => "Not answered".to_string(),
    };
    let rating_style = theme.rating(row.rating).add_modifier(Modifier::BOLD);
    let words = Paragraph::new(vec![
        Line::styled(row.verdict.clone(), theme.text),
        Line::raw(""),
        Line::from(vec![
            Span::styled("Talking point: ", theme.title),
            Span::styled(talking_point(item, row.rating), theme.text),
        ]),
    ])
    .wrap(Wrap { trim: true });
    let words_height = words.line_count(area.width) as u16;
    let source = Paragraph::new(Line::styled(
        format!("Source: {}", item.source),
        theme.muted,
    ))
    .wrap(Wrap { trim: true });
    let gauge_height = if area.height >= 30 { 5 } else { 3 };
    let fixed = 1 + 1 + 1 + gauge_height + 1 + words_height;
    let mut source_height = source.line_count(area.width) as u16;
    if area.height.saturating_sub(fixed + source_height + 2) < 4 {
        source_height = 0;
    }
    let room = area.height.saturating_sub(fixed + source_height + 2);
    let (big, big_height) = big_value(&value, area.width, room, rating_style);
    let [content, source_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(source_height)]).areas(area);
    let [name, _, value_area, _, rating, gauge, _, words_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(big_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(gauge_height),
        Constraint::Length(1),
        Constraint::Length(words_height),
    ])
    .flex(Flex::Center)
    .areas(content);
    frame.render_widget(
        Paragraph::new(Line::styled(item.name.clone(), theme.title)).alignment(Alignment::Center),
        name,
    );
    match big {
        Some(big) => frame.render_widget(big, value_area),
        None => frame.render_widget(
            Paragraph::new(Line::styled(value, rating_style)).alignment(Alignment::Center),
            value_area,
        ),
    }
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                "{} {}",
                row.rating.symbol(),
                row.rating.word().to_uppercase()
            ),
            rating_style,
        ))
        .alignment(Alignment::Center),
        rating,
    );
    frame.render_widget(BenchmarkGauge::new(item, row.value, "", theme), gauge);
    frame.render_widget(words, words_area);
    frame.render_widget(source, source_area);
}

/// One thing to say about the item in the meeting.
fn talking_point(item: &Item, rating: Rating) -> String {
    match rating {
        Rating::Good => format!(
            "This meets the benchmark ({}); keep it there and show it each quarter.",
            item.benchmark
        ),
        Rating::Unknown | Rating::Unanswered => {
            format!("nobody has this number yet; {}.", item.verdicts.unknown)
        }
        Rating::Watch | Rating::Poor => format!("{}.", item.verdicts.unknown),
    }
}

fn render_closing(frame: &mut Frame, area: Rect, card: &Scorecard, theme: &Theme) {
    let summary = &card.summary;
    let headline = format!("{} of {}", summary.good, summary.with_value());
    let mut questions = vec![Line::styled("To take away:", theme.title)];
    for row in card
        .rows
        .iter()
        .filter(|r| matches!(r.rating, Rating::Poor | Rating::Unknown))
    {
        questions.push(Line::from(vec![
            Span::styled(
                format!("{} {}: ", row.rating.symbol(), row.item.name),
                theme.rating(row.rating).add_modifier(Modifier::BOLD),
            ),
            Span::styled(talking_point(row.item, row.rating), theme.text),
        ]));
    }
    if questions.len() == 1 {
        questions.push(Line::styled(
            "Nothing is poor or unknown: keep measuring every quarter.",
            theme.text,
        ));
    }
    let questions = Paragraph::new(questions).wrap(Wrap { trim: true });
    let caption = Paragraph::new(vec![
        Line::styled("answered items meet the benchmark", theme.title),
        Line::styled(summary.line(), theme.text),
    ])
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true });
    let caption_height = caption.line_count(area.width) as u16;
    let room = area.height.saturating_sub(caption_height + 4);
    let (big, big_height) = big_value(&headline, area.width, room.min(8), theme.title);
    let [title, _, value_area, caption_area, _, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(big_height),
        Constraint::Length(caption_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("{}: how marketing helps make the number", card.quarter),
            theme.title,
        ))
        .alignment(Alignment::Center),
        title,
    );
    match big {
        Some(big) => frame.render_widget(big, value_area),
        None => frame.render_widget(
            Paragraph::new(Line::styled(headline, theme.title)).alignment(Alignment::Center),
            value_area,
        ),
    }
    frame.render_widget(caption, caption_area);
    frame.render_widget(questions, rest);
}
