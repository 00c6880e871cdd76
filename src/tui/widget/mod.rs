//! Reusable pieces: the benchmark gauge, the step indicator and the key-hint bar.

pub mod gauge;
pub mod hints;
pub mod spark;
pub mod steps;
pub mod text_box;
