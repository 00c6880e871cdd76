//! A one-line chart of an item across quarters: a bar height per quarter on the item's own
//! gauge scale (so durations read on a log scale), and a dot for a quarter with no number.

use crate::checklist::Item;
use crate::checklist::scoring::Scale;

const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Marks a quarter where the number was unknown or not answered.
pub const GAP: char = '·';

/// One character per quarter, oldest first.
pub fn spark_line(item: &Item, series: &[Option<f64>]) -> String {
    let scale = Scale::for_item(item);
    series
        .iter()
        .map(|point| match point {
            None => GAP,
            Some(value) => {
                let level = (scale.position(*value) * (LEVELS.len() - 1) as f64).round() as usize;
                LEVELS[level.min(LEVELS.len() - 1)]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Checklist;

    #[test]
    fn gaps_are_dots_and_heights_follow_the_scale() {
        let checklist = Checklist::built_in();
        let share = checklist.item("marketing_pipeline_share").unwrap();
        assert_eq!(
            spark_line(share, &[Some(0.0), None, Some(50.0), Some(100.0)]),
            "▁·▅█"
        );
        let response = checklist.item("lead_response_time").unwrap();
        let line: Vec<char> = spark_line(response, &[Some(180.0), Some(40.0), Some(2.0)])
            .chars()
            .collect();
        assert!(line[0] > line[1] && line[1] > line[2], "{line:?}");
    }
}
