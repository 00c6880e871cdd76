//! The revenue-gap screen: five inputs typed (or taken from imports and the checklist) and
//! what the miss means in pipeline, opportunities and leads.

use ratatui::crossterm::event::Event;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::{Action, App, Effect, Notice, Screen};
use crate::checklist::answer::{self, Parsed};
use crate::checklist::session::GapInput;
use crate::report::gap::RevenueGap;

/// The gap inputs as typed, and which one has the keyboard.
#[derive(Debug)]
pub struct GapForm {
    /// One box per input, in [`GapInput::ALL`] order.
    pub drafts: Vec<Input>,
    /// The input being typed.
    pub focus: usize,
    /// Why the last value was refused.
    pub error: Option<String>,
    /// Where Esc goes.
    pub return_to: Screen,
}

impl App {
    /// Opens the gap screen for the open quarter, each box showing the value in use.
    pub(super) fn start_gap(&mut self) {
        let Some(open) = &self.open else { return };
        let gap = RevenueGap::new(&open.checklist, &open.session);
        let drafts = GapInput::ALL
            .iter()
            .zip(&gap.inputs)
            .map(|(input, figure)| match open.session.gap.get(input) {
                Some(typed) => Input::new(typed.text.clone()),
                None => Input::new(figure.value.map(|_| figure.text()).unwrap_or_default()),
            })
            .collect();
        self.gap = Some(GapForm {
            drafts,
            focus: 0,
            error: None,
            return_to: self.screen,
        });
        self.screen = Screen::Gap;
        self.notice = None;
    }

    pub(super) fn update_gap(&mut self, action: Action) -> Effect {
        let now = (self.clock)();
        let (Some(form), Some(open)) = (self.gap.as_mut(), self.open.as_mut()) else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        let count = GapInput::ALL.len();
        match action {
            Action::Previous => form.focus = form.focus.checked_sub(1).unwrap_or(count - 1),
            Action::Next => form.focus = (form.focus + 1) % count,
            Action::Edit(key) => {
                form.drafts[form.focus].handle_event(&Event::Key(key));
                form.error = None;
            }
            Action::Submit => {
                let input = GapInput::ALL[form.focus];
                let text = form.drafts[form.focus].value().to_string();
                match answer::parse(input.unit(), &text) {
                    Ok(parsed) => {
                        open.session.record_gap_typed(input, parsed, &text, now);
                        let said = match parsed {
                            Parsed::Value(v) => answer::format_value(input.unit(), v),
                            Parsed::Unknown => "not known".to_string(),
                        };
                        self.notice =
                            Some(Notice::Info(format!("Saved {} as {said}.", input.label())));
                        form.focus = (form.focus + 1) % count;
                        return Effect::Save;
                    }
                    Err(error) => form.error = Some(error.to_string()),
                }
            }
            Action::Back => {
                self.screen = form.return_to;
                self.gap = None;
            }
            _ => {}
        }
        Effect::None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{type_text, wizard};
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};

    fn clear(app: &mut App) {
        for _ in 0..20 {
            app.update(Action::Edit(KeyEvent::from(KeyCode::Backspace)));
        }
    }

    #[test]
    fn typed_inputs_are_saved_and_the_gap_follows() {
        let mut app = wizard();
        app.update(Action::OpenScorecard);
        app.update(Action::OpenGap);
        assert_eq!((app.screen, app.typing()), (Screen::Gap, true));
        for (text, expected) in [
            ("$5M", 5_000_000.0),
            ("3.6M", 3_600_000.0),
            ("20", 20.0),
            ("50k", 50_000.0),
        ] {
            clear(&mut app);
            type_text(&mut app, text);
            assert_eq!(app.update(Action::Submit), Effect::Save, "{text}");
            let input = GapInput::ALL[app.gap.as_ref().unwrap().focus - 1];
            assert_eq!(
                app.open.as_ref().unwrap().session.gap[&input].value,
                Some(expected)
            );
        }
        let gap = RevenueGap::new(&app.checklist, &app.open.as_ref().unwrap().session);
        assert_eq!(gap.miss, Some(1_400_000.0));
        assert_eq!(gap.pipeline_needed, Some(7_000_000.0));
        assert_eq!(gap.opportunities_needed, Some(140.0));
    }

    #[test]
    fn a_value_that_does_not_read_is_refused_and_esc_goes_back() {
        let mut app = wizard();
        app.update(Action::OpenScorecard);
        app.update(Action::OpenGap);
        type_text(&mut app, "lots");
        assert_eq!(app.update(Action::Submit), Effect::None);
        assert!(
            app.gap
                .as_ref()
                .unwrap()
                .error
                .as_deref()
                .unwrap()
                .starts_with("Type an amount"),
            "{:?}",
            app.gap.as_ref().unwrap().error
        );
        app.update(Action::Back);
        assert_eq!((app.screen, app.gap.is_none()), (Screen::Scorecard, true));
    }
}
