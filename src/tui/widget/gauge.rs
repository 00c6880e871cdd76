//! The benchmark gauge: poor / watch / good zones drawn with different shades (so they read
//! without colour), the benchmark mark, and the value.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::checklist::Item;
use crate::checklist::answer::format_value;
use crate::checklist::scoring::{Rating, Scale, zone_at};
use crate::tui::theme::Theme;

/// The shade for each zone: light for poor, medium for watch, solid for good.
pub fn zone_glyph(rating: Rating) -> &'static str {
    match rating {
        Rating::Good => "█",
        Rating::Watch => "▒",
        _ => "░",
    }
}

/// A gauge for one item. Three rows or more when there is room (value mark, a bar as thick as
/// the rows between, scale labels), otherwise a single bar with the value marked in it.
pub struct BenchmarkGauge<'a> {
    item: &'a Item,
    value: Option<f64>,
    note: &'a str,
    theme: &'a Theme,
}

impl<'a> BenchmarkGauge<'a> {
    /// A gauge for `item` showing `value`; `note` follows the value label (e.g. "preview").
    pub fn new(item: &'a Item, value: Option<f64>, note: &'a str, theme: &'a Theme) -> Self {
        Self {
            item,
            value,
            note,
            theme,
        }
    }

    fn column(position: f64, width: u16) -> u16 {
        (position * f64::from(width.saturating_sub(1))).round() as u16
    }

    /// Draws the zones over every row of `area` (one row normally, more on slides).
    fn render_bar(&self, area: Rect, buf: &mut Buffer, scale: &Scale, mark_value: bool) {
        for x in 0..area.width {
            let position = (f64::from(x) + 0.5) / f64::from(area.width);
            let zone = zone_at(self.item, scale, position);
            for y in area.top()..area.bottom() {
                buf.set_string(area.x + x, y, zone_glyph(zone), self.theme.rating(zone));
            }
        }
        if let (true, Some(value)) = (mark_value, self.value) {
            let x = Self::column(scale.position(value), area.width);
            buf.set_string(area.x + x, area.y, "●", self.theme.title);
        }
    }

    /// Writes `text` so that it starts at `x` if it fits, else ends at `x`, inside the row.
    fn place(
        buf: &mut Buffer,
        row: Rect,
        x: u16,
        text: &str,
        style: ratatui::style::Style,
    ) -> (u16, u16) {
        let len = text.chars().count() as u16;
        let start = if x + len <= row.width {
            x
        } else {
            (x + 1).saturating_sub(len)
        };
        buf.set_stringn(
            row.x + start,
            row.y,
            text,
            row.width.saturating_sub(start) as usize,
            style,
        );
        (start, start + len)
    }
}

impl Widget for BenchmarkGauge<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 4 || area.height == 0 {
            return;
        }
        let scale = Scale::for_item(self.item);
        if area.height < 3 {
            self.render_bar(Rect { height: 1, ..area }, buf, &scale, true);
            return;
        }
        let row = |dy: u16| Rect {
            y: area.y + dy,
            height: 1,
            ..area
        };
        let (value_row, label_row) = (row(0), row(area.height - 1));
        let bar_rows = Rect {
            y: area.y + 1,
            height: area.height - 2,
            ..area
        };
        self.render_bar(bar_rows, buf, &scale, false);

        if let Some(value) = self.value {
            let x = Self::column(scale.position(value), area.width);
            buf.set_string(value_row.x + x, value_row.y, "▼", self.theme.title);
            let label = format!("{}{}", format_value(self.item.unit, value), self.note);
            let after = format!(" {label}");
            if x + 1 + after.chars().count() as u16 <= area.width {
                buf.set_string(value_row.x + x + 1, value_row.y, after, self.theme.title);
            } else {
                Self::place(
                    buf,
                    value_row,
                    x.saturating_sub(1),
                    &format!("{label} "),
                    self.theme.title,
                );
            }
        }

        let bench_x = Self::column(scale.position(self.item.bands.good), area.width);
        let long = format!("▲ benchmark: {}", self.item.benchmark);
        let short = format!("▲ {}", format_value(self.item.unit, self.item.bands.good));
        let label = if long.chars().count() as u16 + 8 <= area.width {
            long
        } else {
            short
        };
        let (start, end) = Self::place(buf, label_row, bench_x, &label, self.theme.text);
        let left = format_value(self.item.unit, scale.value_at(0.0).max(0.0));
        let right = format_value(self.item.unit, scale.value_at(1.0));
        if self.item.unit != crate::checklist::Unit::YesNo {
            if (left.chars().count() as u16) < start {
                buf.set_string(label_row.x, label_row.y, &left, self.theme.muted);
            }
            let right_len = right.chars().count() as u16;
            if end + 1 + right_len <= area.width {
                buf.set_string(
                    label_row.right() - right_len,
                    label_row.y,
                    &right,
                    self.theme.muted,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Checklist;

    fn render(item_id: &str, value: Option<f64>, width: u16, height: u16) -> Vec<String> {
        let checklist = Checklist::built_in();
        let item = checklist.item(item_id).unwrap();
        let theme = Theme::mono();
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        BenchmarkGauge::new(item, value, "", &theme).render(area, &mut buf);
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn response_time_gauge_marks_value_and_benchmark() {
        let rows = render("lead_response_time", Some(7.0), 60, 3);
        assert!(rows[0].contains("▼ 7 min"), "{rows:?}");
        assert!(
            rows[1].starts_with("███"),
            "fast responses are the good zone: {rows:?}"
        );
        assert!(rows[1].ends_with("░░░"), "a week is poor: {rows:?}");
        assert!(rows[1].contains('▒'), "{rows:?}");
        assert!(
            rows[2].contains("▲ benchmark: 5 minutes or less"),
            "{rows:?}"
        );
        let value_x = rows[0].chars().position(|c| c == '▼').unwrap();
        let bench_x = rows[2].chars().position(|c| c == '▲').unwrap();
        assert!(
            value_x > bench_x,
            "7 minutes sits right of the 5-minute mark"
        );
    }

    #[test]
    fn share_gauge_runs_poor_to_good_left_to_right() {
        let rows = render("marketing_pipeline_share", Some(18.0), 40, 3);
        assert!(
            rows[1].starts_with('░') && rows[1].ends_with('█'),
            "{rows:?}"
        );
        assert!(rows[0].contains("18%"), "{rows:?}");
        assert!(
            rows[2].starts_with("0%") && rows[2].ends_with("100%"),
            "{rows:?}"
        );
    }

    #[test]
    fn one_row_gauge_marks_the_value_inside_the_bar() {
        let rows = render("lead_follow_up_rate", Some(50.0), 21, 1);
        assert_eq!(rows[0].chars().nth(10), Some('●'), "{rows:?}");
    }

    #[test]
    fn tiny_areas_draw_nothing_and_do_not_panic() {
        assert_eq!(render("lead_response_time", Some(7.0), 3, 3)[0], "   ");
        render("ltv_to_cac", Some(1000.0), 4, 3);
        render("sales_marketing_sla", Some(0.5), 5, 2);
    }
}
