//! Slides for a meeting: the item, its value in big type, a large benchmark gauge, the verdict
//! and a talking point; then a closing slide with the overall verdict. Big type falls back to
//! bold text when the window is too small for it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::checklist::answer::format_value;
use crate::checklist::scoring::Rating;
use crate::checklist::session::Session;
use crate::report::gap::RevenueGap;
use crate::report::talking::TalkingPoint;
use crate::report::{ScoreRow, Scorecard};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widget::gauge::BenchmarkGauge;

/// Draws the slide on show into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (Some(open), Some(presentation)) = (&app.open, app.presentation) else {
        return;
    };
    let card = Scorecard::new(&open.checklist, &open.session);
    match card.rows.get(presentation.slide) {
        Some(row) => render_item(
            frame,
            area,
            row,
            &TalkingPoint::new(row.item, &open.session),
            theme,
        ),
        None => render_closing(
            frame,
            area,
            &card,
            &RevenueGap::new(&open.checklist, &open.session),
            &open.session,
            theme,
        ),
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

fn render_item(frame: &mut Frame, area: Rect, row: &ScoreRow, talk: &TalkingPoint, theme: &Theme) {
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
            Span::styled(talk.point.clone(), theme.text),
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

fn render_closing(
    frame: &mut Frame,
    area: Rect,
    card: &Scorecard,
    gap: &RevenueGap,
    session: &Session,
    theme: &Theme,
) {
    let summary = &card.summary;
    let headline = format!("{} of {}", summary.good, summary.with_value());
    let to_ask: Vec<&ScoreRow> = card
        .rows
        .iter()
        .filter(|r| matches!(r.rating, Rating::Poor | Rating::Unknown))
        .collect();
    let number = Line::from(vec![
        Span::styled("The number: ", theme.title),
        Span::styled(gap.sentence.clone(), theme.text),
    ]);
    let mark = |row: &ScoreRow| {
        Span::styled(
            format!("{} {}", row.rating.symbol(), row.item.name),
            theme.rating(row.rating).add_modifier(Modifier::BOLD),
        )
    };
    let mut full = vec![
        number.clone(),
        Line::raw(""),
        Line::styled("Questions to take away:", theme.title),
    ];
    for row in &to_ask {
        full.push(Line::from(vec![
            mark(row),
            Span::styled(
                format!(": {}", ask(&TalkingPoint::new(row.item, session))),
                theme.text,
            ),
        ]));
    }
    if to_ask.is_empty() {
        full.push(Line::styled(
            "Nothing is poor or unknown: keep measuring every quarter.",
            theme.text,
        ));
    }
    let mut short = vec![
        number,
        Line::raw(""),
        Line::styled(
            "Questions to take away, in the brief (x on the scorecard):",
            theme.title,
        ),
    ];
    for row in &to_ask {
        short.push(Line::from(mark(row)));
    }
    let caption = Paragraph::new(vec![
        Line::styled("answered items meet the benchmark", theme.title),
        Line::styled(summary.line(), theme.text),
    ])
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true });
    let caption_height = caption.line_count(area.width) as u16;
    let fixed = 1 + 1 + caption_height + 1;
    let full = Paragraph::new(full).wrap(Wrap { trim: true });
    let questions = if full.line_count(area.width) as u16 + fixed + 4 <= area.height {
        full
    } else {
        Paragraph::new(short).wrap(Wrap { trim: true })
    };
    let room = area
        .height
        .saturating_sub(fixed + questions.line_count(area.width) as u16);
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

/// The question to ask about a poor or unknown item: of the sales team first for follow-up
/// items, else of marketing.
fn ask(talk: &TalkingPoint) -> String {
    match (talk.ask_own_team, talk.ask_marketing) {
        (Some(own), Some(marketing)) => format!("ask your team: {own} Then marketing: {marketing}"),
        (Some(own), None) => format!("ask your team: {own}"),
        (None, Some(marketing)) => format!("ask marketing: {marketing}"),
        (None, None) => talk.point.clone(),
    }
}
