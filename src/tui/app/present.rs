//! Presenting a quarter: one slide per checklist item, then a closing slide. Arrow keys,
//! Space and Page Up/Down move; nothing on a slide takes typing.

use super::{Action, App, Effect, Screen};

/// Where the presentation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presentation {
    /// The slide on show: 0..items are the items, `items` is the closing slide.
    pub slide: usize,
    /// Where Esc goes.
    pub return_to: Screen,
}

impl App {
    /// Slides in the open quarter's presentation: one per item and the closing one.
    pub fn slide_count(&self) -> usize {
        self.checklist.items.len() + 1
    }

    /// Starts presenting the open quarter from its first slide.
    pub(super) fn start_presentation(&mut self) {
        if self.open.is_some() {
            self.presentation = Some(Presentation {
                slide: 0,
                return_to: self.screen,
            });
            self.screen = Screen::Present;
            self.notice = None;
        }
    }

    pub(super) fn update_presentation(&mut self, action: Action) -> Effect {
        let last = self.slide_count() - 1;
        let Some(presentation) = self.presentation.as_mut() else {
            self.screen = Screen::Home;
            return Effect::None;
        };
        match action {
            Action::Next | Action::Submit => {
                presentation.slide = (presentation.slide + 1).min(last)
            }
            Action::Previous => presentation.slide = presentation.slide.saturating_sub(1),
            Action::Back => {
                self.screen = presentation.return_to;
                self.presentation = None;
            }
            _ => {}
        }
        Effect::None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::wizard;
    use super::*;

    #[test]
    fn slides_move_both_ways_and_stop_at_the_ends() {
        let mut app = wizard();
        app.update(Action::OpenScorecard);
        app.update(Action::Present);
        assert_eq!(app.screen, Screen::Present);
        app.update(Action::Previous);
        assert_eq!(app.presentation.unwrap().slide, 0);
        for _ in 0..40 {
            app.update(Action::Next);
        }
        assert_eq!(
            app.presentation.unwrap().slide,
            app.checklist.items.len(),
            "the closing slide is last"
        );
        app.update(Action::Previous);
        assert_eq!(
            app.presentation.unwrap().slide,
            app.checklist.items.len() - 1
        );
        app.update(Action::Back);
        assert_eq!((app.screen, app.presentation), (Screen::Scorecard, None));
    }
}
