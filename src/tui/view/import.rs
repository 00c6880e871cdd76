//! The CSV import: the file prompt, the progress gauge, the review of what was found, and the
//! column picker when a needed column could not be found.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use super::{Hit, line_hits, truncated};
use crate::import::apply::apply;
use crate::import::count as thousands;
use crate::report::imported::import_text;
use crate::tui::app::{App, ImportFlow, ImportPhase};
use crate::tui::theme::Theme;
use crate::tui::widget::text_box::render_text_box;

const INTRO: &str = "Read CRM exports (CSV): leads, opportunities and activities from Salesforce, HubSpot, Pipedrive or Zoho, or a metric,value summary. Nothing is saved until you have seen the working.";

/// Draws the import screen for its current phase.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, hits: &mut Vec<Hit>) {
    let Some(flow) = &app.import else { return };
    match &flow.phase {
        ImportPhase::Choosing { error } => render_choosing(
            frame,
            area,
            flow,
            &app.sample_files,
            error.as_deref(),
            theme,
        ),
        ImportPhase::Running { progress, elapsed } => {
            let fraction = if progress.bytes_total == 0 {
                0.0
            } else {
                (progress.bytes_read as f64 / progress.bytes_total as f64).clamp(0.0, 1.0)
            };
            let seconds = elapsed.as_secs_f64();
            let rate = if seconds > 0.0 {
                (progress.rows as f64 / seconds) as u64
            } else {
                0
            };
            let [title, _, gauge, counts, _, hint] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(area);
            frame.render_widget(
                Line::styled(
                    format!(
                        "Reading {} for {}",
                        plural(flow.files.len(), "file"),
                        flow.quarter
                    ),
                    theme.title,
                ),
                title,
            );
            frame.render_widget(
                Gauge::default()
                    .ratio(fraction)
                    .label(format!(
                        "{:.0}% · {:.1} of {:.1} MB",
                        fraction * 100.0,
                        progress.bytes_read as f64 / 1e6,
                        progress.bytes_total as f64 / 1e6
                    ))
                    .gauge_style(theme.input),
                gauge,
            );
            frame.render_widget(
                Line::styled(
                    format!(
                        "{} rows · {} rows a second · {seconds:.1} s",
                        thousands(progress.rows),
                        thousands(rate)
                    ),
                    theme.text,
                ),
                counts,
            );
            frame.render_widget(
                Line::styled("Esc cancels; nothing is saved.", theme.muted),
                hint,
            );
        }
        ImportPhase::EditingSources { input, error } => {
            let mut lines = vec![
                Line::styled("Which lead sources count as marketing?", theme.title),
                Line::styled(
                    "Separate them with commas; capitals, spaces and dashes don't matter (Paid Search = paid-search). Sources not listed, or blank, are counted apart, never guessed. The list is remembered for the next import.",
                    theme.text,
                ),
            ];
            if let Some(error) = error {
                lines.push(Line::styled(format!("✗ {error}"), theme.error));
            }
            let text = Paragraph::new(lines).wrap(Wrap { trim: true });
            let height = text.line_count(area.width) as u16;
            let [top, _, box_area] = Layout::vertical([
                Constraint::Length(height),
                Constraint::Length(1),
                Constraint::Length(3),
            ])
            .areas(area);
            frame.render_widget(text, top);
            render_text_box(frame, box_area, input, "Marketing sources", true, theme);
        }
        ImportPhase::Reviewing { report, scroll } => {
            let Some(open) = &app.open else { return };
            let mut preview = open.session.clone();
            let applied = apply(
                report,
                &app.checklist,
                &mut preview,
                false,
                open.session.updated_at,
            );
            let saved: Vec<String> = applied
                .saved
                .iter()
                .map(|(name, value)| format!("{name} {value}"))
                .collect();
            let mut header = vec![Line::styled(
                match saved.len() {
                    0 => format!(
                        "These files give no checklist values for {}; Esc goes back.",
                        flow.quarter
                    ),
                    1 => format!("Enter saves 1 value into {}: {}.", flow.quarter, saved[0]),
                    n => format!(
                        "Enter saves {n} values into {}: {}.",
                        flow.quarter,
                        saved.join(", ")
                    ),
                },
                theme.title,
            )];
            if !applied.kept_typed.is_empty() {
                header.push(Line::styled(
                    format!(
                        "Your typed answers are kept for {} (r replaces them).",
                        applied.kept_typed.join(", ")
                    ),
                    theme.text,
                ));
            }
            header.push(Line::styled(
                truncated(
                    &format!(
                        "Counted as marketing: {} (s changes the list)",
                        flow.sources.marketing.join(", ")
                    ),
                    area.width,
                ),
                theme.muted,
            ));
            let header = Paragraph::new(header).wrap(Wrap { trim: true });
            let header_height = header.line_count(area.width) as u16;
            let [top, _, body] = Layout::vertical([
                Constraint::Length(header_height),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(area);
            frame.render_widget(header, top);
            let text = import_text(report, &flow.quarter.to_string());
            let body_text = Paragraph::new(text).wrap(Wrap { trim: false });
            let most = (body_text.line_count(body.width) as u16).saturating_sub(body.height);
            frame.render_widget(
                body_text.scroll(((*scroll).min(most), 0)).style(theme.text),
                body,
            );
        }
        ImportPhase::Picking {
            message,
            options: headers,
            selected,
            ..
        } => {
            let message = Paragraph::new(Line::styled(message.as_str(), theme.title))
                .wrap(Wrap { trim: true });
            let height = message.line_count(area.width) as u16;
            let [top, _, list] = Layout::vertical([
                Constraint::Length(height),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(area);
            frame.render_widget(message, top);
            let visible = list.height.max(1) as usize;
            let first = selected.saturating_sub(visible - 1);
            let lines: Vec<Line> = headers
                .iter()
                .enumerate()
                .skip(first)
                .take(visible)
                .map(|(index, header)| {
                    if index == *selected {
                        Line::styled(format!("› {header}"), theme.selected)
                    } else {
                        Line::styled(format!("  {header}"), theme.text)
                    }
                })
                .collect();
            hits.extend(line_hits(list, first, headers.len()));
            frame.render_widget(Paragraph::new(lines), list);
        }
    }
}

fn render_choosing(
    frame: &mut Frame,
    area: Rect,
    flow: &ImportFlow,
    samples: &[std::path::PathBuf],
    error: Option<&str>,
    theme: &Theme,
) {
    let intro = Paragraph::new(vec![
        Line::styled(
            format!("Import CRM exports into {}", flow.quarter),
            theme.title,
        ),
        Line::styled(INTRO, theme.text),
    ])
    .wrap(Wrap { trim: true });
    let intro_height = intro.line_count(area.width) as u16;
    let mut files: Vec<Line> = vec![Line::styled("Files to read:", theme.title)];
    if flow.files.is_empty() {
        files.push(Line::styled(
            "  none yet: type a path below and press Enter",
            theme.muted,
        ));
    }
    for (number, file) in flow.files.iter().enumerate() {
        files.push(Line::styled(
            format!("  {}. {}", number + 1, file.display()),
            theme.text,
        ));
    }
    let files_height = (files.len() as u16).min(area.height / 3).max(2);
    let mut below: Vec<Line> = Vec::new();
    if !flow.candidates.is_empty() {
        below.push(Line::from(vec![
            Span::styled("Matches: ", theme.title),
            Span::styled(flow.candidates.join("  "), theme.text),
        ]));
    }
    if let Some(error) = error {
        below.push(Line::styled(format!("✗ {error}"), theme.error));
    }
    let next = if flow.files.is_empty() {
        "Type a path (Tab completes it) and press Enter to add it."
    } else {
        "Add another file, or press Enter on the empty line to read them."
    };
    below.push(Line::styled(next, theme.muted));
    if !samples.is_empty() {
        let names: Vec<String> = samples.iter().map(|p| p.display().to_string()).collect();
        below.push(Line::styled(
            format!("Sample exports to try: {}", names.join("  ")),
            theme.muted,
        ));
    }

    let [intro_area, _, files_area, input_area, below_area] = Layout::vertical([
        Constraint::Length(intro_height),
        Constraint::Length(1),
        Constraint::Length(files_height),
        Constraint::Length(3),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(intro, intro_area);
    let hidden = files.len().saturating_sub(files_height as usize);
    frame.render_widget(Paragraph::new(files).scroll((hidden as u16, 0)), files_area);

    render_text_box(
        frame,
        input_area,
        &flow.path,
        "Path to a CSV file",
        true,
        theme,
    );
    frame.render_widget(Paragraph::new(below).wrap(Wrap { trim: true }), below_area);
}

/// "1 file", "3 files".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
