//! The figures of a long text, remembered line by line from one version of
//! a document to the next, so that typing in a 1 MB scrap re-reads the line
//! that changed and not the whole body (the editor asks for the semantic
//! tokens after every edit).
//!
//! Sound because a line break ends a sentence ([`super::relate`]) and no
//! figure spans one: the figures of a text are the figures of its lines,
//! each shifted to where its line starts. `lines_agree_with_the_whole_text`
//! in the tests pins the two readings together.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Figure, figures};
use crate::text::Span;

/// Figures per line content, kept for the lines of the last reading.
#[derive(Default)]
pub struct Memo {
    /// Figures of each line read last time, with spans relative to the line.
    lines: HashMap<Box<str>, Arc<[Figure]>>,
}

impl Memo {
    /// Every figure inside the `spans` of `text` (a document's sections,
    /// in order), as [`super::figures_in`] finds them span by span; only
    /// lines not seen in the previous call are parsed. Lines of earlier
    /// calls that this one did not see are forgotten, so the memo never
    /// holds more than the texts of two consecutive calls — which is why
    /// one call takes every span of a reading, not one call per span.
    pub fn figures_in(&mut self, text: &str, spans: impl IntoIterator<Item = Span>) -> Vec<Figure> {
        let mut previous = std::mem::take(&mut self.lines);
        let mut out = Vec::new();
        for span in spans {
            let Some(region) = text.get(span.clone()) else {
                continue;
            };
            let mut start = span.start;
            for line in region.split_inclusive('\n') {
                let found = match self.lines.get(line) {
                    Some(found) => found.clone(),
                    None => {
                        // A line kept from the last call moves over with its
                        // key: no copy of the text, no new allocation.
                        let (key, found) = previous
                            .remove_entry(line)
                            .unwrap_or_else(|| (line.into(), figures(line).into()));
                        self.lines.insert(key, found.clone());
                        found
                    }
                };
                let base = out.len();
                out.extend(found.iter().map(|f| shifted(f, start, base)));
                start += line.len();
            }
        }
        out
    }

    /// How many lines were parsed or kept by the last call.
    #[cfg(test)]
    fn remembered(&self) -> usize {
        self.lines.len()
    }
}

/// A figure of a line moved to where the line starts in the text, its
/// change partner's index moved past the figures before the line.
fn shifted(f: &Figure, by: usize, base: usize) -> Figure {
    let shift = |s: &Span| s.start + by..s.end + by;
    Figure {
        span: shift(&f.span),
        number: shift(&f.number),
        unit_span: f.unit_span.as_ref().map(shift),
        sentence: shift(&f.sentence),
        change_from_of: f.change_from_of.map(|i| i + base),
        ..f.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::figures_in;
    use proptest::prelude::*;
    use std::iter::once;

    const BODY: &str = "지난해 200명 수준에서 올해 500명으로 늘었다.\n\
        매출은 1조2천억원으로 18% 증가했다. 영업이익은 3천500억 달러.\n\
        \n\
        두 배 늘어난 세 곳의 공장, 200~300명 규모.\r\n\
        2024년 7월 13일 발표.\n";

    #[test]
    fn remembers_unchanged_lines_and_rereads_changed_ones() {
        let mut memo = Memo::default();
        let first = memo.figures_in(BODY, once(0..BODY.len()));
        assert_eq!(first, figures_in(BODY, 0..BODY.len()));
        assert!(first.len() >= 6, "{first:?}");
        let edited = BODY.replace("500명", "700명");
        let second = memo.figures_in(&edited, once(0..edited.len()));
        assert_eq!(second, figures_in(&edited, 0..edited.len()));
        assert!(second.iter().any(|f| f.value == 700.0));
        assert!(memo.lines.keys().all(|l| edited.contains(&**l)));
    }

    #[test]
    fn spans_inside_the_text_keep_positions_of_the_whole_text() {
        let text = format!("# 제목\n\n{BODY}## 인사이트\n\n매출 3% 증가.\n");
        let at = text.find(BODY).unwrap();
        let body = at..at + BODY.len();
        let insight = text.len() - "매출 3% 증가.\n".len()..text.len();
        let mut memo = Memo::default();
        let both = memo.figures_in(&text, [body.clone(), insight.clone()]);
        let mut expected = figures_in(&text, body);
        let base = expected.len();
        expected.extend(figures_in(&text, insight).into_iter().map(|mut f| {
            f.change_from_of = f.change_from_of.map(|i| i + base);
            f
        }));
        assert_eq!(both, expected);
        // Both sections' lines are kept for the next version.
        let distinct: std::collections::HashSet<&str> = BODY.split_inclusive('\n').collect();
        assert_eq!(memo.remembered(), distinct.len() + 1);
        let outside = text.len() + 1;
        assert!(
            memo.figures_in(&text, once(outside..outside + 4))
                .is_empty()
        );
    }

    /// Lines built from pieces that make figures, changes, ranges and
    /// dates, joined by every kind of line break.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "200명",
            "에서 ",
            "500명으로 ",
            "늘었다",
            "18% ",
            "감소했다",
            "약 ",
            "3천500억 달러",
            "~",
            "300명",
            "1조2천억원",
            "두 배",
            "세 곳",
            "2023.07.13 16:07",
            "13일",
            "하반기",
            " ",
            ". ",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "가량",
            "수준",
            "%p",
            "0.5조",
            "한국",
        ])
    }

    proptest! {
        #[test]
        fn lines_agree_with_the_whole_text(
            a in prop::collection::vec(piece(), 0..40),
            b in prop::collection::vec(piece(), 0..40),
        ) {
            let (a, b) = (a.concat(), b.concat());
            let mut memo = Memo::default();
            prop_assert_eq!(memo.figures_in(&a, once(0..a.len())), figures_in(&a, 0..a.len()));
            prop_assert_eq!(memo.figures_in(&b, once(0..b.len())), figures_in(&b, 0..b.len()));
            prop_assert_eq!(memo.figures_in(&a, once(0..a.len())), figures_in(&a, 0..a.len()));
        }
    }
}
