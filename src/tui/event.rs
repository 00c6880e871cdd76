//! Keys to actions. One table per context feeds both the mapping and the on-screen hints,
//! so what the hint bar says is what the keys do.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use super::view::Hit;

use super::app::{Action, App, Dialog, ImportPhase, Screen};

/// A key and the modifiers that must be held with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// One line of the key table: the keys, the action, and how the hint bar and help name them.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Keys that trigger the action.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// The keys as written on screen, e.g. "↑/↓".
    pub label: &'static str,
    /// What they do, in a word or two.
    pub does: &'static str,
    /// How the hint bar shows it (keys, what they do), if it does; help lists every binding.
    pub hint: Option<(&'static str, &'static str)>,
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    does: &'static str,
    in_hint_bar: bool,
) -> Binding {
    let hint = if in_hint_bar {
        Some((label, does))
    } else {
        None
    };
    Binding {
        keys,
        action,
        label,
        does,
        hint,
    }
}

const fn bind_hint(
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    does: &'static str,
    hint: (&'static str, &'static str),
) -> Binding {
    Binding {
        keys,
        action,
        label,
        does,
        hint: Some(hint),
    }
}

const UP_KEYS: &[Key] = &[plain(KeyCode::Up), plain(KeyCode::BackTab)];
const DOWN_KEYS: &[Key] = &[plain(KeyCode::Down), plain(KeyCode::Tab)];
const HELP_KEYS: &[Key] = &[plain(KeyCode::F(1))];
const HELP_OR_QUESTION: &[Key] = &[plain(KeyCode::F(1)), plain(KeyCode::Char('?'))];
const QUIT_KEYS: &[Key] = &[ctrl('c')];
const QUIT_OR_Q: &[Key] = &[ctrl('c'), plain(KeyCode::Char('q'))];
const IMPORT_KEYS: &[Key] = &[plain(KeyCode::F(3))];
const IMPORT_OR_I: &[Key] = &[plain(KeyCode::F(3)), plain(KeyCode::Char('i'))];

const HOME_MENU: &[Binding] = &[
    bind_hint(
        &[plain(KeyCode::Enter)],
        Action::Submit,
        "Enter",
        "open (a saved quarter opens for review)",
        ("Enter", "open"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('e'))],
        Action::EditAnswers,
        "e",
        "change the answers of the selected quarter",
        ("e", "edit"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('t'))],
        Action::OpenTrends,
        "t",
        "trends across saved quarters",
        ("t", "trends"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('c'))],
        Action::OpenCompare,
        "c",
        "compare two quarters",
        ("c", "compare"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('x'))],
        Action::Export,
        "x",
        "write the meeting brief (Markdown) to this folder",
        ("x", "brief"),
    ),
    bind_hint(
        IMPORT_OR_I,
        Action::OpenImport,
        "i/F3",
        "import CSV into the selected quarter",
        ("i", "import"),
    ),
    bind(
        &[plain(KeyCode::Char('u'))],
        Action::DuplicateQuarter,
        "u",
        "start a new quarter from the selected one's answers",
        false,
    ),
    bind(
        &[plain(KeyCode::Char('r'))],
        Action::RenameQuarter,
        "r",
        "rename the selected quarter",
        false,
    ),
    bind(
        &[plain(KeyCode::Char('d'))],
        Action::DeleteQuarter,
        "d",
        "delete the selected quarter (a copy is kept)",
        false,
    ),
    bind(UP_KEYS, Action::Previous, "↑/Shift-Tab", "move up", false),
    bind(DOWN_KEYS, Action::Next, "↓/Tab", "move down", false),
    bind(HELP_OR_QUESTION, Action::ToggleHelp, "F1/?", "help", true),
    bind(&[plain(KeyCode::Esc)], Action::Back, "Esc", "quit", false),
    bind_hint(QUIT_OR_Q, Action::Quit, "q/Ctrl-C", "quit", ("q", "quit")),
];

const HOME_TYPING: &[Binding] = &[
    bind(
        &[plain(KeyCode::Enter)],
        Action::Submit,
        "Enter",
        "start quarter",
        true,
    ),
    bind(
        IMPORT_KEYS,
        Action::OpenImport,
        "F3",
        "import CSV into this quarter",
        false,
    ),
    bind(UP_KEYS, Action::Previous, "↑/Shift-Tab", "move up", false),
    bind_hint(
        DOWN_KEYS,
        Action::Next,
        "↓/Tab",
        "move down",
        ("↑↓", "move"),
    ),
    bind(HELP_KEYS, Action::ToggleHelp, "F1", "help", true),
    bind(&[plain(KeyCode::Esc)], Action::Back, "Esc", "quit", true),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", false),
];

const WIZARD: &[Binding] = &[
    bind(
        &[plain(KeyCode::Enter)],
        Action::Submit,
        "Enter",
        "save & next",
        true,
    ),
    bind(
        IMPORT_KEYS,
        Action::OpenImport,
        "F3",
        "import CSV exports",
        false,
    ),
    bind(
        UP_KEYS,
        Action::Previous,
        "↑/Shift-Tab",
        "previous item",
        false,
    ),
    bind_hint(
        DOWN_KEYS,
        Action::Next,
        "↓/Tab",
        "next item",
        ("↑↓", "items"),
    ),
    bind(
        &[plain(KeyCode::F(2))],
        Action::OpenScorecard,
        "F2",
        "scorecard",
        true,
    ),
    bind(&[plain(KeyCode::Esc)], Action::Back, "Esc", "home", true),
    bind(HELP_KEYS, Action::ToggleHelp, "F1", "help", true),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", true),
];

const SCORECARD: &[Binding] = &[
    bind_hint(
        &[plain(KeyCode::Enter), plain(KeyCode::Char('e'))],
        Action::EditAnswers,
        "Enter/e",
        "change this answer",
        ("Enter", "change"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('n'))],
        Action::EditNote,
        "n",
        "write a note on this item",
        ("n", "note"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('a'))],
        Action::CycleAgreement,
        "a",
        "mark agreed / disputed / not discussed",
        ("a", "agreed?"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('x'))],
        Action::Export,
        "x",
        "write the meeting brief (Markdown) to this folder",
        ("x", "brief"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('p'))],
        Action::Present,
        "p",
        "present the quarter as slides",
        ("p", "present"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('g'))],
        Action::OpenGap,
        "g",
        "the revenue gap: what the miss means in pipeline and leads",
        ("g", "gap"),
    ),
    bind(
        &[plain(KeyCode::Char('m'))],
        Action::PickProfile,
        "m",
        "choose how you go to market (moves the bands that depend on it)",
        false,
    ),
    bind(
        &[plain(KeyCode::Char('t'))],
        Action::OpenTrends,
        "t",
        "trends across saved quarters",
        false,
    ),
    bind(
        &[plain(KeyCode::Char('c'))],
        Action::OpenCompare,
        "c",
        "compare with another quarter",
        false,
    ),
    bind(
        IMPORT_OR_I,
        Action::OpenImport,
        "i/F3",
        "import CSV exports",
        false,
    ),
    bind(UP_KEYS, Action::Previous, "↑/Shift-Tab", "move up", false),
    bind(DOWN_KEYS, Action::Next, "↓/Tab", "move down", false),
    bind_hint(
        &[plain(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "home",
        ("Esc", "home"),
    ),
    bind(HELP_OR_QUESTION, Action::ToggleHelp, "F1/?", "help", true),
    bind_hint(QUIT_OR_Q, Action::Quit, "q/Ctrl-C", "quit", ("q", "quit")),
];

const TRENDS: &[Binding] = &[
    bind(
        UP_KEYS,
        Action::Previous,
        "↑/Shift-Tab",
        "previous item",
        false,
    ),
    bind_hint(
        DOWN_KEYS,
        Action::Next,
        "↓/Tab",
        "next item",
        ("↑↓", "items"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('c'))],
        Action::OpenCompare,
        "c",
        "compare two quarters",
        ("c", "compare"),
    ),
    bind_hint(
        &[plain(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "back",
        ("Esc", "back"),
    ),
    bind(HELP_OR_QUESTION, Action::ToggleHelp, "F1/?", "help", true),
    bind_hint(QUIT_OR_Q, Action::Quit, "q/Ctrl-C", "quit", ("q", "quit")),
];

const COMPARE: &[Binding] = &[
    bind(
        &[plain(KeyCode::Up)],
        Action::Previous,
        "↑",
        "previous item",
        false,
    ),
    bind_hint(
        &[plain(KeyCode::Down)],
        Action::Next,
        "↓",
        "next item",
        ("↑↓", "items"),
    ),
    bind_hint(
        &[plain(KeyCode::Tab), plain(KeyCode::BackTab)],
        Action::SwitchSide,
        "Tab",
        "switch between the two quarters",
        ("Tab", "switch"),
    ),
    bind(
        &[plain(KeyCode::Left)],
        Action::Earlier,
        "←",
        "an earlier quarter on the highlighted side",
        false,
    ),
    bind_hint(
        &[plain(KeyCode::Right)],
        Action::Later,
        "→",
        "a later quarter on the highlighted side",
        ("←→", "quarter"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('t'))],
        Action::OpenTrends,
        "t",
        "trends across saved quarters",
        ("t", "trends"),
    ),
    bind_hint(
        &[plain(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "back",
        ("Esc", "back"),
    ),
    bind(HELP_OR_QUESTION, Action::ToggleHelp, "F1/?", "help", true),
    bind_hint(QUIT_OR_Q, Action::Quit, "q/Ctrl-C", "quit", ("q", "quit")),
];

const PRESENT: &[Binding] = &[
    bind_hint(
        &[
            plain(KeyCode::Right),
            plain(KeyCode::Char(' ')),
            plain(KeyCode::PageDown),
            plain(KeyCode::Enter),
        ],
        Action::Next,
        "→/Space/PgDn",
        "next slide",
        ("→", "next"),
    ),
    bind_hint(
        &[
            plain(KeyCode::Left),
            plain(KeyCode::PageUp),
            plain(KeyCode::Backspace),
        ],
        Action::Previous,
        "←/PgUp",
        "previous slide",
        ("←", "back"),
    ),
    bind_hint(
        &[plain(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "leave the slides",
        ("Esc", "leave"),
    ),
    bind(HELP_KEYS, Action::ToggleHelp, "F1", "help", true),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", false),
];

const GAP: &[Binding] = &[
    bind_hint(
        &[plain(KeyCode::Enter)],
        Action::Submit,
        "Enter",
        "save this value",
        ("Enter", "save"),
    ),
    bind(
        UP_KEYS,
        Action::Previous,
        "↑/Shift-Tab",
        "previous value",
        false,
    ),
    bind_hint(
        DOWN_KEYS,
        Action::Next,
        "↓/Tab",
        "next value",
        ("↑↓", "move"),
    ),
    bind_hint(
        &[plain(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "back",
        ("Esc", "back"),
    ),
    bind(HELP_KEYS, Action::ToggleHelp, "F1", "help", true),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", true),
];

const CONFIRM: &[Binding] = &[
    bind_hint(
        &[plain(KeyCode::Enter), plain(KeyCode::Char('y'))],
        Action::Submit,
        "Enter/y",
        "yes, do it",
        ("Enter", "yes"),
    ),
    bind_hint(
        &[plain(KeyCode::Esc), plain(KeyCode::Char('n'))],
        Action::Back,
        "Esc/n",
        "no, keep it",
        ("Esc", "no"),
    ),
    bind(HELP_KEYS, Action::ToggleHelp, "F1", "help", true),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", true),
];

const PICK: &[Binding] = &[
    bind_hint(
        &[plain(KeyCode::Enter)],
        Action::Submit,
        "Enter",
        "choose",
        ("Enter", "choose"),
    ),
    bind(UP_KEYS, Action::Previous, "↑", "move up", false),
    bind_hint(DOWN_KEYS, Action::Next, "↓", "move down", ("↑↓", "move")),
    bind_hint(
        &[plain(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "cancel",
        ("Esc", "cancel"),
    ),
    bind(HELP_KEYS, Action::ToggleHelp, "F1", "help", true),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", true),
];

const DIALOG_TYPING: &[Binding] = &[
    bind_hint(
        &[plain(KeyCode::Enter)],
        Action::Submit,
        "Enter",
        "save",
        ("Enter", "save"),
    ),
    bind_hint(
        &[plain(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "cancel",
        ("Esc", "cancel"),
    ),
    bind(HELP_KEYS, Action::ToggleHelp, "F1", "help", true),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", true),
];

const IMPORT_CHOOSE: &[Binding] = &[
    bind_hint(
        &[plain(KeyCode::Enter)],
        Action::Submit,
        "Enter",
        "add the file; on an empty line, read the files",
        ("Enter", "add file / read"),
    ),
    bind_hint(
        &[plain(KeyCode::Tab)],
        Action::Complete,
        "Tab",
        "complete the path",
        ("Tab", "complete"),
    ),
    bind(&[plain(KeyCode::Esc)], Action::Back, "Esc", "back", true),
    bind(HELP_KEYS, Action::ToggleHelp, "F1", "help", true),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", true),
];

const IMPORT_RUNNING: &[Binding] = &[
    bind(
        &[plain(KeyCode::Esc)],
        Action::Back,
        "Esc",
        "cancel the import",
        true,
    ),
    bind(HELP_KEYS, Action::ToggleHelp, "F1", "help", true),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", true),
];

const IMPORT_REVIEW: &[Binding] = &[
    bind_hint(
        &[plain(KeyCode::Enter)],
        Action::Submit,
        "Enter",
        "save the values (typed answers are kept)",
        ("Enter", "save"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('r'))],
        Action::AcceptReplacingTyped,
        "r",
        "save, replacing typed answers too",
        ("r", "save, replace typed"),
    ),
    bind_hint(
        &[plain(KeyCode::Char('s'))],
        Action::EditSources,
        "s",
        "change which lead sources count as marketing",
        ("s", "sources"),
    ),
    bind(UP_KEYS, Action::Previous, "↑", "scroll up", false),
    bind_hint(
        DOWN_KEYS,
        Action::Next,
        "↓",
        "scroll down",
        ("↑↓", "scroll"),
    ),
    bind(&[plain(KeyCode::Esc)], Action::Back, "Esc", "discard", true),
    bind(HELP_OR_QUESTION, Action::ToggleHelp, "F1/?", "help", true),
    bind(QUIT_OR_Q, Action::Quit, "q/Ctrl-C", "quit", false),
];

const IMPORT_PICK: &[Binding] = &[
    bind(
        &[plain(KeyCode::Enter)],
        Action::Submit,
        "Enter",
        "use this column",
        true,
    ),
    bind(UP_KEYS, Action::Previous, "↑", "move up", false),
    bind_hint(DOWN_KEYS, Action::Next, "↓", "move down", ("↑↓", "move")),
    bind(&[plain(KeyCode::Esc)], Action::Back, "Esc", "back", true),
    bind(HELP_OR_QUESTION, Action::ToggleHelp, "F1/?", "help", true),
    bind(QUIT_OR_Q, Action::Quit, "q/Ctrl-C", "quit", true),
];

const HELP: &[Binding] = &[
    bind(
        &[
            plain(KeyCode::Esc),
            plain(KeyCode::F(1)),
            plain(KeyCode::Char('?')),
        ],
        Action::ToggleHelp,
        "Esc/F1",
        "close help",
        true,
    ),
    bind(QUIT_KEYS, Action::Quit, "Ctrl-C", "quit", true),
];

/// The key table in force for the app's current state.
pub fn bindings(app: &App) -> &'static [Binding] {
    if app.help_open {
        HELP
    } else {
        screen_bindings(app)
    }
}

/// The key table of the screen under any overlay.
pub fn screen_bindings(app: &App) -> &'static [Binding] {
    if let Some(dialog) = &app.dialog {
        return match dialog {
            Dialog::ConfirmDelete(_) | Dialog::ConfirmRestore(..) => CONFIRM,
            Dialog::Profile { .. } => PICK,
            Dialog::Target { .. } | Dialog::Note { .. } => DIALOG_TYPING,
        };
    }
    match app.screen {
        Screen::Present => PRESENT,
        Screen::Gap => GAP,
        Screen::Trends => TRENDS,
        Screen::Compare => COMPARE,
        Screen::Home if app.typing() => HOME_TYPING,
        Screen::Home => HOME_MENU,
        Screen::Wizard => WIZARD,
        Screen::Scorecard => SCORECARD,
        Screen::Import => match app.import_phase() {
            Some(ImportPhase::Running { .. }) => IMPORT_RUNNING,
            Some(ImportPhase::Reviewing { .. }) => IMPORT_REVIEW,
            Some(ImportPhase::Picking { .. }) => IMPORT_PICK,
            Some(ImportPhase::EditingSources { .. }) => DIALOG_TYPING,
            Some(ImportPhase::Choosing { .. }) | None => IMPORT_CHOOSE,
        },
    }
}

/// Turns a mouse event into an action: the wheel moves the selection (or the slide), a click
/// selects a row, and a click on the selected row opens it like Enter.
pub fn mouse_action(app: &App, hits: &[Hit], mouse: MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::ScrollUp => Some(Action::Previous),
        MouseEventKind::ScrollDown => Some(Action::Next),
        MouseEventKind::Down(MouseButton::Left) => {
            let at = Position::new(mouse.column, mouse.row);
            let hit = hits.iter().find(|hit| hit.area.contains(at))?;
            Some(if app.selected_row() == Some(hit.row) {
                Action::Submit
            } else {
                Action::Select(hit.row)
            })
        }
        _ => None,
    }
}

/// Turns a key press into an action; keys with no binding go to the text box when one has
/// focus. Shift is ignored when matching (terminals add it to `?` and Shift-Tab). Key
/// releases and repeats reported by some terminals are ignored.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let pressed = Key {
        code: key.code,
        modifiers: key.modifiers - KeyModifiers::SHIFT,
    };
    let found = bindings(app)
        .iter()
        .find(|b| b.keys.contains(&pressed))
        .map(|b| b.action);
    found.or_else(|| (app.typing() && !app.help_open).then_some(Action::Edit(key)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Checklist;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn app() -> App {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        App::new(Checklist::built_in(), Vec::new(), today, || {
            Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap()
        })
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn question_mark_is_text_in_an_answer_box_and_help_elsewhere() {
        let mut app = app();
        app.screen = Screen::Wizard;
        assert_eq!(
            action_for(&app, key(KeyCode::Char('?'))),
            Some(Action::Edit(key(KeyCode::Char('?'))))
        );
        assert_eq!(
            action_for(&app, key(KeyCode::F(1))),
            Some(Action::ToggleHelp)
        );
        app.screen = Screen::Scorecard;
        assert_eq!(
            action_for(&app, key(KeyCode::Char('?'))),
            Some(Action::ToggleHelp)
        );
        assert_eq!(action_for(&app, key(KeyCode::Char('z'))), None);
    }

    #[test]
    fn navigation_keys_work_in_the_wizard() {
        let mut app = app();
        app.screen = Screen::Wizard;
        let cases = [
            (key(KeyCode::Up), Action::Previous),
            (key(KeyCode::BackTab), Action::Previous),
            (
                KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                Action::Previous,
            ),
            (key(KeyCode::Down), Action::Next),
            (key(KeyCode::Tab), Action::Next),
            (key(KeyCode::Enter), Action::Submit),
            (key(KeyCode::Esc), Action::Back),
            (key(KeyCode::F(2)), Action::OpenScorecard),
            (
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                Action::Quit,
            ),
        ];
        for (pressed, expected) in cases {
            assert_eq!(action_for(&app, pressed), Some(expected), "{pressed:?}");
        }
        let capital = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&app, capital), Some(Action::Edit(capital)));
    }

    #[test]
    fn key_releases_are_ignored() {
        let mut release = key(KeyCode::Enter);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(&app(), release), None);
    }

    #[test]
    fn every_screen_offers_help_and_a_way_out() {
        let mut app = app();
        for screen in [Screen::Home, Screen::Wizard, Screen::Scorecard] {
            app.screen = screen;
            let table = bindings(&app);
            assert!(
                table.iter().any(|b| b.action == Action::ToggleHelp),
                "{screen:?}"
            );
            assert!(table.iter().any(|b| b.action == Action::Quit), "{screen:?}");
        }
    }

    #[test]
    fn clicks_select_then_open_and_the_wheel_moves() {
        use ratatui::layout::Rect;
        let app = app();
        let hits = [
            Hit {
                area: Rect::new(1, 5, 40, 1),
                row: 0,
            },
            Hit {
                area: Rect::new(1, 7, 40, 1),
                row: 1,
            },
        ];
        let mouse = |kind, column, row| MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        };
        let click = MouseEventKind::Down(MouseButton::Left);
        assert_eq!(
            mouse_action(&app, &hits, mouse(click, 3, 7)),
            Some(Action::Select(1))
        );
        assert_eq!(
            mouse_action(&app, &hits, mouse(click, 3, 5)),
            Some(Action::Submit),
            "row 0 is already selected"
        );
        assert_eq!(mouse_action(&app, &hits, mouse(click, 3, 20)), None);
        assert_eq!(
            mouse_action(&app, &hits, mouse(MouseEventKind::ScrollDown, 0, 0)),
            Some(Action::Next)
        );
        assert_eq!(
            mouse_action(&app, &hits, mouse(MouseEventKind::ScrollUp, 0, 0)),
            Some(Action::Previous)
        );
    }
}
