//! The article-extraction benchmark's metric, shared by the quality
//! benchmark (`benches/extract_quality.rs`) and the Korean fixture tests so
//! both score the same way.
//!
//! Text is tokenised into `\w+` runs (lower-cased), turned into 4-word
//! shingles, and a page's true positives, false positives and false
//! negatives are the multiset overlaps of the two shingle bags. Precision and
//! recall are averaged over pages and F1 is computed from the two means.

use std::collections::HashMap;

/// Per-page counts, normalised so that `tp + fp + fn_ == 1` (or all zero).
#[derive(Debug, Clone, Copy, Default)]
pub struct Match {
    /// Shingles in both the truth and the prediction (true positives).
    pub tp: f64,
    /// Shingles predicted but not in the truth (false positives).
    pub fp: f64,
    /// Shingles in the truth but not predicted (false negatives).
    pub fn_: f64,
}

impl Match {
    /// Precision with the benchmark's conventions for empty texts.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Recall with the benchmark's conventions for empty texts.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }

    /// This page's own F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn shingles(text: &str) -> HashMap<String, u32> {
    let toks = tokens(text);
    let mut out = HashMap::new();
    let n = 4;
    let count = toks.len().saturating_sub(n - 1).max(1);
    for i in 0..count {
        let end = (i + n).min(toks.len());
        let s = toks[i.min(end)..end].join(" ");
        if !s.is_empty() {
            *out.entry(s).or_insert(0) += 1;
        }
    }
    out
}

/// Compares a predicted body with the true one.
pub fn shingle_match(truth: &str, predicted: &str) -> Match {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc) as f64;
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        Match {
            tp: tp / sum,
            fp: fp / sum,
            fn_: fn_ / sum,
        }
    } else {
        Match::default()
    }
}

/// Mean precision, mean recall, and F1 of the two means.
pub fn summarize(matches: &[Match]) -> (f64, f64, f64) {
    if matches.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let n = matches.len() as f64;
    let p = matches.iter().map(Match::precision).sum::<f64>() / n;
    let r = matches.iter().map(Match::recall).sum::<f64>() / n;
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_and_disjoint() {
        let a = "한국은행이 기준금리를 연 3.5%로 동결했다 물가가 둔화되고 있다";
        assert_eq!(shingle_match(a, a).f1(), 1.0);
        assert_eq!(shingle_match(a, "전혀 다른 문장이 여기에 있다").f1(), 0.0);
        assert_eq!(shingle_match("", "").f1(), 1.0);
    }
}
