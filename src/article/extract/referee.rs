//! The referee: several body candidates come in (a site rule, JSON-LD,
//! microdata, the generic scorer, hydration JSON, a text-density fallback),
//! one goes out, with a confidence figure.
//!
//! Trust order decides when candidates are alike; plausibility decides when
//! they are not: a candidate several times shorter than a plausible
//! alternative loses (a stale selector, a summary in `articleBody`), a
//! teaser list loses to running text, and a near-empty body is never the
//! answer while any candidate has real text. Pure over rendered
//! paragraphs, so every rule here has a unit test without a page.

use std::collections::HashSet;

use serde::Serialize;

use super::generic::ends_sentence;

/// Where a body candidate came from, in the referee's order of trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The Korean press site rule (selectors, or Arc's Fusion JSON).
    Site,
    /// JSON-LD `articleBody`.
    JsonLd,
    /// `[itemprop=articleBody]` microdata.
    Microdata,
    /// The whole box the site names as the article's (`entry-content`…).
    Container,
    /// The generic content scorer.
    Generic,
    /// Hydration state in a script (`__NEXT_DATA__`, dehydrated queries…).
    Embedded,
    /// Every low-link-density paragraph of the page: the last resort.
    Density,
}

impl Source {
    /// Every source, in order of trust.
    pub const ALL: [Source; 7] = [
        Source::Site,
        Source::JsonLd,
        Source::Microdata,
        Source::Container,
        Source::Generic,
        Source::Embedded,
        Source::Density,
    ];

    /// Sources of one tier are equally trusted: the longer body wins.
    fn tier(self) -> u8 {
        match self {
            Source::Site => 0,
            Source::JsonLd | Source::Microdata => 1,
            Source::Container => 2,
            Source::Generic => 3,
            Source::Embedded => 4,
            Source::Density => 5,
        }
    }

    /// The confidence a plain, article-like body from this source starts at.
    fn prior(self) -> f32 {
        match self {
            Source::Site => 0.95,
            Source::JsonLd | Source::Microdata => 0.9,
            Source::Generic | Source::Container | Source::Embedded => 0.85,
            Source::Density => 0.6,
        }
    }
}

/// One candidate body: its source and its rendered paragraphs.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Where it came from.
    pub source: Source,
    /// The paragraphs, already rendered to text.
    pub paras: Vec<String>,
}

/// What the page itself says the article is about: agreement with these is
/// evidence that a candidate is the article.
#[derive(Debug, Default, Clone)]
pub struct Hints<'a> {
    /// The page's headline.
    pub headline: Option<&'a str>,
    /// The page's description (`og:description`, `description`).
    pub description: Option<&'a str>,
}

/// Below this many characters a body counts as near-empty.
pub const NEAR_EMPTY: usize = 50;

/// Candidates shorter than this are no answer when another has more.
const MIN_BODY: usize = 60;

/// How much longer a lower-trust candidate must be to take over.
const TAKEOVER_RATIO: f32 = 3.0;

/// The container replaces structured data that is this much shorter and
/// whose words it holds (this share of them): a summary in `articleBody`.
const EXTENDS_RATIO: f32 = 1.1;
const EXTENDS_OVERLAP: f32 = 0.8;

/// How much longer the generic scorer's body must be to replace the
/// container's: trafilatura's rule for its readability fallback.
const FALLBACK_RATIO: f32 = 2.0;

/// Measurements of one candidate.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    chars: usize,
    paras: usize,
    /// Share of characters in paragraphs that end like a sentence.
    prose: f32,
    /// The body ends like a teaser or a paywall cut.
    cut: bool,
}

impl Shape {
    fn of(paras: &[String]) -> Shape {
        let mut chars = 0;
        let mut prose_chars = 0;
        for p in paras {
            let n = p.chars().count();
            chars += n;
            if ends_sentence(p) && n >= 40 {
                prose_chars += n;
            }
        }
        Shape {
            chars,
            paras: paras.len(),
            prose: if chars == 0 {
                0.0
            } else {
                prose_chars as f32 / chars as f32
            },
            cut: paras.last().is_some_and(|p| looks_cut(p)),
        }
    }

    /// Reads like an article: some length and mostly sentences.
    fn plausible(&self) -> bool {
        self.chars >= MIN_BODY && self.prose >= 0.3
    }
}

/// Whether rendered paragraphs read like an article (some length, mostly
/// sentences) rather than a list of titles.
pub(super) fn reads_like_prose(paras: &[String]) -> bool {
    Shape::of(paras).plausible()
}

/// The referee's decision.
#[derive(Debug, Clone, Copy)]
pub struct Verdict {
    /// Index of the chosen candidate, `None` when every one is empty.
    pub chosen: Option<usize>,
    /// 0–1: how sure the extraction is that the body is the whole article.
    pub confidence: f32,
}

/// Chooses among candidates (given in any order; trust comes from
/// [`Source`]).
pub fn choose(cands: &[Candidate], hints: &Hints) -> Verdict {
    let shapes: Vec<Shape> = cands.iter().map(|c| Shape::of(&c.paras)).collect();
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| cands[i].source);

    // The most trusted candidate with a body.
    let Some(mut pick) = order
        .iter()
        .copied()
        .find(|&i| shapes[i].chars >= MIN_BODY)
        .or_else(|| order.iter().copied().max_by_key(|&i| shapes[i].chars))
        .filter(|&i| shapes[i].chars > 0)
    else {
        return Verdict {
            chosen: None,
            confidence: 0.0,
        };
    };

    for &i in &order {
        if i == pick || cands[i].source == cands[pick].source {
            continue;
        }
        let (p, a) = (shapes[pick], shapes[i]);
        let (ps, als) = (cands[pick].source, cands[i].source);
        // A cut body needs less to lose than a whole one.
        let ratio = if p.cut {
            1.2
        } else if ps == Source::Container && als == Source::Generic {
            FALLBACK_RATIO
        } else {
            TAKEOVER_RATIO
        };
        let much_longer = a.chars as f32 >= ratio * p.chars.max(1) as f32;
        // A short or cut body loses to a plausible one several times longer.
        // The density fallback, cruder, needs a short pick and far more text.
        let density_ok = als != Source::Density || (p.chars < 300 && a.chars >= 5 * p.chars.max(1));
        let takes_over = a.plausible() && much_longer && density_ok;
        // Equally trusted sources (JSON-LD and microdata): the longer.
        let same_tier = als.tier() == ps.tier() && a.chars > p.chars;
        // A teaser list (titles, no sentences) loses to running text of a
        // comparable length.
        let prose_wins = a.plausible()
            && p.prose < 0.15
            && a.prose >= 0.5
            && a.chars * 2 >= p.chars
            && als != Source::Density;
        // A summary in structured data loses to the site's own box when
        // that box holds the summary's words and more.
        let extends = als == Source::Container
            && matches!(ps, Source::JsonLd | Source::Microdata)
            && a.plausible()
            && a.chars as f32 >= EXTENDS_RATIO * p.chars as f32
            && overlap(
                &word_set(&cands[pick].paras.join(" ")),
                &word_set(&cands[i].paras.join(" ")),
            ) >= EXTENDS_OVERLAP;
        if takes_over || prose_wins || same_tier || extends {
            pick = i;
        }
    }
    // Near-empty is never the answer while the page has text.
    if shapes[pick].chars < NEAR_EMPTY
        && let Some(&i) = order
            .iter()
            .filter(|&&i| shapes[i].chars >= MIN_BODY)
            .max_by_key(|&&i| shapes[i].chars)
    {
        pick = i;
    }
    Verdict {
        chosen: Some(pick),
        confidence: confidence(cands, &shapes, pick, hints),
    }
}

/// Confidence that the chosen body is the whole article: the source's
/// prior, lowered for a short, cut or list-like body, raised when an
/// independent candidate or the page's own description agrees.
fn confidence(cands: &[Candidate], shapes: &[Shape], pick: usize, hints: &Hints) -> f32 {
    let s = shapes[pick];
    let mut c = cands[pick].source.prior();
    // Agreement: an independent candidate or the page's description. The
    // density fallback re-reads the same blocks, and the container and the
    // generic scorer read the same layout: no witnesses for each other.
    let words = word_set(&cands[pick].paras.join(" "));
    let layout = |s: Source| matches!(s, Source::Container | Source::Generic);
    let agrees = cands.iter().enumerate().any(|(i, o)| {
        i != pick
            && o.source != cands[pick].source
            && o.source != Source::Density
            && !(layout(o.source) && layout(cands[pick].source))
            && shapes[i].chars >= MIN_BODY
            && overlap(&word_set(&o.paras.join(" ")), &words) >= 0.8
    });
    let described = hints.description.is_some_and(|d| {
        found_in(&word_set(d), &cands[pick].paras.join(" ").to_lowercase()) >= 0.7
    });
    if agrees || described {
        c += (1.0 - c) * 0.5;
    }
    // Then what no witness can vouch for: a cut, a short or a list-like body.
    if s.cut {
        c *= 0.45;
    }
    if s.chars < 200 {
        c *= 0.5;
    } else if s.chars < 500 && s.paras <= 2 {
        c *= 0.7;
    }
    if s.prose < 0.3 {
        c *= 0.7;
    }
    c.clamp(0.0, 1.0)
}

/// Lower-cased words of at least two characters.
pub(super) fn word_set(t: &str) -> HashSet<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// Share of `words` that occur in `text` as substrings (0 when there are
/// none): Korean particles glue onto words ("수출이"), so a headline's
/// "수출" must be found inside them. `text` is lower-cased.
pub(super) fn found_in(words: &HashSet<String>, text: &str) -> f32 {
    if words.is_empty() {
        return 0.0;
    }
    words.iter().filter(|w| text.contains(w.as_str())).count() as f32 / words.len() as f32
}

/// Share of `a`'s words found in `b` (0 when `a` is empty).
pub(super) fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(*w)).count() as f32 / a.len() as f32
}

/// The last paragraph of a teaser or a paywalled page: an ellipsis, or an
/// invitation to subscribe or log in.
fn looks_cut(p: &str) -> bool {
    let t = p.trim_end();
    if t.ends_with('…') || t.ends_with("...") || t.ends_with("[…]") {
        return true;
    }
    let lower = t.to_lowercase();
    t.chars().count() < 300
        && [
            "subscribe",
            "subscription",
            "sign in to",
            "log in to",
            "to continue reading",
            "read more",
            "구독",
            "로그인",
            "유료 회원",
            "전문 보기",
            "weiterlesen",
            "abonnieren",
        ]
        .iter()
        .any(|k| lower.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(source: Source, paras: &[&str]) -> Candidate {
        Candidate {
            source,
            paras: paras.iter().map(|p| (*p).to_owned()).collect(),
        }
    }

    const SENTENCE: &str =
        "한국은행이 기준금리를 연 3.50%로 동결했다는 소식이 전해지자 시장은 차분하게 반응했다.";

    fn article(n: usize) -> Vec<&'static str> {
        vec![SENTENCE; n]
    }

    #[test]
    fn trusted_source_wins_when_alike() {
        let c = [
            cand(Source::Generic, &article(8)),
            cand(Source::Site, &article(7)),
        ];
        let v = choose(&c, &Hints::default());
        assert_eq!(v.chosen, Some(1));
        assert!(v.confidence >= 0.9, "{}", v.confidence);
    }

    #[test]
    fn stale_site_rule_loses_to_generic() {
        let c = [
            cand(
                Source::Site,
                &["사진=연합뉴스 제공, 이 사진은 기사 내용과 관계가 없습니다. 더 보기"],
            ),
            cand(Source::Generic, &article(10)),
        ];
        assert_eq!(choose(&c, &Hints::default()).chosen, Some(1));
    }

    #[test]
    fn teaser_list_loses_to_the_article() {
        let teasers = [
            "Related: the ten best budget laptops of the year",
            "More from us: how rates move markets, explained in charts",
            "Most read this week on the economy and your money",
            "Sign up for the morning briefing and never miss a story",
        ];
        let c = [
            cand(Source::Generic, &teasers),
            cand(Source::Embedded, &article(3)),
        ];
        assert_eq!(choose(&c, &Hints::default()).chosen, Some(1));
    }

    #[test]
    fn near_empty_is_never_returned_when_text_exists() {
        let c = [
            cand(Source::JsonLd, &["짧다."]),
            cand(Source::Density, &article(2)),
        ];
        let v = choose(&c, &Hints::default());
        assert_eq!(v.chosen, Some(1));
        assert!(v.confidence < 0.9);
        let none = choose(&[cand(Source::Generic, &[])], &Hints::default());
        assert_eq!(none.chosen, None);
        assert_eq!(none.confidence, 0.0);
    }

    #[test]
    fn container_beats_generic_unless_generic_is_twice_as_long() {
        let c = [
            cand(Source::Generic, &article(7)),
            cand(Source::Container, &article(5)),
        ];
        assert_eq!(choose(&c, &Hints::default()).chosen, Some(1));
        let c = [
            cand(Source::Generic, &article(10)),
            cand(Source::Container, &article(5)),
        ];
        assert_eq!(choose(&c, &Hints::default()).chosen, Some(0));
    }

    #[test]
    fn a_structured_summary_loses_to_the_box_that_holds_it() {
        let more = "이어 총재는 물가 상승률이 목표 수준으로 수렴할 때까지 긴축 기조를 유지하겠다고 덧붙였다.";
        let mut whole = article(4);
        whole.push(more);
        let c = [
            cand(Source::JsonLd, &article(4)),
            cand(Source::Container, &whole),
        ];
        assert_eq!(choose(&c, &Hints::default()).chosen, Some(1));
        // A longer box with other words does not.
        let other = [more; 6];
        let c = [
            cand(Source::JsonLd, &article(4)),
            cand(Source::Container, &other),
        ];
        assert_eq!(choose(&c, &Hints::default()).chosen, Some(0));
    }

    #[test]
    fn density_fallback_does_not_displace_a_real_body() {
        let c = [
            cand(Source::Generic, &article(5)),
            cand(Source::Density, &article(20)),
        ];
        assert_eq!(choose(&c, &Hints::default()).chosen, Some(0));
    }

    #[test]
    fn a_cut_body_has_low_confidence() {
        let mut paras = article(2);
        paras.push("전체 기사를 보려면 유료 회원으로 로그인하세요…");
        let v = choose(&[cand(Source::Generic, &paras)], &Hints::default());
        assert!(v.confidence < 0.5, "{}", v.confidence);
        let whole = choose(&[cand(Source::Generic, &article(12))], &Hints::default());
        assert!(whole.confidence >= 0.8, "{}", whole.confidence);
    }

    #[test]
    fn agreement_raises_confidence() {
        let alone = choose(&[cand(Source::Generic, &article(12))], &Hints::default());
        let both = choose(
            &[
                cand(Source::Generic, &article(12)),
                cand(Source::JsonLd, &article(12)),
            ],
            &Hints::default(),
        );
        assert!(both.confidence > alone.confidence);
    }
}
