//! Charts are laid out left to right; for a right-to-left language every horizontal
//! position is mirrored, so bars grow from the right and labels sit on the reading side.
//! Text keeps its `text-anchor`: SVG resolves `start` and `end` against the text's
//! direction, which the chart's `direction` attribute (and the widget's `dir`) sets.

use ovp_model::l10n::Direction;

/// The horizontal axis of a chart `width` viewBox units wide, in the reader's direction.
#[derive(Clone, Copy)]
pub struct Mirror {
    width: f64,
    rtl: bool,
}

impl Mirror {
    pub fn new(width: f64, direction: Direction) -> Mirror {
        Mirror {
            width,
            rtl: direction == Direction::Rtl,
        }
    }

    /// Where a point laid out at `x` goes.
    pub fn x(self, x: f64) -> f64 {
        if self.rtl {
            self.width - x
        } else {
            x
        }
    }

    /// The left edge of a span laid out from `x` over `length`.
    pub fn span(self, x: f64, length: f64) -> f64 {
        if self.rtl {
            self.width - x - length
        } else {
            x
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_mirrors_points_and_spans_and_left_to_right_keeps_them() {
        let ltr = Mirror::new(300.0, Direction::Ltr);
        let rtl = Mirror::new(300.0, Direction::Rtl);
        assert_eq!((ltr.x(18.0), ltr.span(0.0, 120.0)), (18.0, 0.0));
        assert_eq!((rtl.x(18.0), rtl.span(0.0, 120.0)), (282.0, 180.0));
        // A span keeps its length and ends where its mirror image begins.
        assert_eq!(rtl.span(-4.0, 304.0), 0.0);
    }
}
