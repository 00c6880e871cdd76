//! The revenue-gap screen: the five inputs with where each came from, then the miss in
//! pipeline, opportunities and leads, and what fixing response time or follow-up could be worth.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::truncated;
use crate::checklist::answer::unit_label;
use crate::checklist::session::GapInput;
use crate::report::gap::{InputSource, RevenueGap};
use crate::report::sentence_case;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widget::text_box::render_text_box;

const LABEL_WIDTH: u16 = 28;
const BOX_WIDTH: u16 = 18;

/// Draws the gap screen into `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let (Some(open), Some(form)) = (&app.open, &app.gap) else {
        return;
    };
    let gap = RevenueGap::new(&open.checklist, &open.session);
    let mut findings = vec![Line::styled(gap.sentence.clone(), theme.title)];
    for need in &gap.needs {
        findings.push(Line::styled(need.clone(), theme.text));
    }
    for fix in &gap.fixes {
        findings.push(Line::raw(""));
        findings.push(Line::styled(fix.sentence.clone(), theme.text));
    }
    if gap.fixes.len() > 1 {
        findings.push(Line::styled(
            "Each estimate stands alone; they overlap, so don't add them up.",
            theme.muted,
        ));
    }
    if let Some(error) = &form.error {
        findings.insert(0, Line::styled(format!("✗ {error}"), theme.error));
    }
    let compact = area.height < 30;
    let row_height = if compact { 1 } else { 3 };
    let [intro, _, rows, _, result] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(!compact)),
        Constraint::Length(row_height * GapInput::ALL.len() as u16),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            "What the miss means for making the number. Type a value and press Enter.",
            theme.text,
        )),
        intro,
    );
    for (index, (input, figure)) in GapInput::ALL.iter().zip(&gap.inputs).enumerate() {
        let row = Rect {
            y: rows.y + index as u16 * row_height,
            height: row_height,
            ..rows
        };
        let [label, value, source] = Layout::horizontal([
            Constraint::Length(LABEL_WIDTH),
            Constraint::Length(BOX_WIDTH),
            Constraint::Fill(1),
        ])
        .areas(row);
        let focused = index == form.focus;
        let middle = Rect {
            y: row.y + row_height / 2,
            height: 1,
            ..label
        };
        let name = format!(
            "{} {}",
            if focused { "›" } else { " " },
            sentence_case(input.label().trim_start_matches("the "))
        );
        frame.render_widget(
            Paragraph::new(Span::styled(
                name,
                if focused { theme.selected } else { theme.title },
            )),
            middle,
        );
        let draft = &form.drafts[index];
        if compact {
            let text = if draft.value().is_empty() {
                "-"
            } else {
                draft.value()
            };
            frame.render_widget(
                Paragraph::new(Span::styled(format!("[{text}]"), theme.input)),
                value,
            );
            if focused {
                let x = value.x
                    + 1
                    + draft
                        .visual_cursor()
                        .min(value.width.saturating_sub(2) as usize) as u16;
                frame.set_cursor_position((x, value.y));
            }
        } else {
            render_text_box(frame, value, draft, "", focused, theme);
        }
        let origin = match figure.source {
            Some(InputSource::Typed) => "typed",
            Some(InputSource::Imported) => "from imported opportunities",
            Some(InputSource::Checklist) => "from the checklist answer",
            None => "not given yet",
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncated(
                    &format!(" {}; {origin}", unit_label(input.unit())),
                    source.width,
                ),
                theme.muted,
            )),
            Rect {
                y: row.y + row_height / 2,
                height: 1,
                ..source
            },
        );
    }
    frame.render_widget(Paragraph::new(findings).wrap(Wrap { trim: true }), result);
}
