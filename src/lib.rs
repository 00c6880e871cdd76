//! mcc, the Marketing Contribution Checklist.
//!
//! - [`checklist`]: the items, answers, scoring, quarters and sessions (pure logic).
//! - [`store`]: session files on disk, written atomically.
//! - [`import`]: CRM exports (CSV) to checklist answers, with the working shown.
//! - [`report`]: scorecards, briefs, trends, the revenue gap and talking points, as text and JSON.
//! - [`config`]: the settings file and the organisation's benchmarks in the config folder.
//! - [`demo`]: a fictional company's quarters in a temporary folder, for `mcc demo`.
//! - [`cli`]: the command line.
//! - [`tui`]: the terminal interface, a thin state/update/view layer over the rest.
#![warn(missing_docs)]

pub mod checklist;
pub mod cli;
pub mod config;
pub mod demo;
pub mod import;
pub mod report;
pub mod store;
pub mod tui;
