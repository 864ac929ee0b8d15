//! Word automata with English word boundaries, and the rewrite table.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::LexiconError;
use crate::understand::normalise::fold;

/// A set of words compiled into one automaton, with word-boundary rules.
pub(super) struct Matcher {
    /// `None` matches nothing (the empty fallback lexicon).
    ac: Option<AhoCorasick>,
    bounds: Vec<Bounds>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Bounds {
    pub(super) start: bool,
    pub(super) end: bool,
    pub(super) plural: bool,
}

impl Matcher {
    pub(super) fn new(words: &[(String, Bounds)], kind: MatchKind) -> Result<Self, LexiconError> {
        let ac = AhoCorasick::builder()
            .match_kind(kind)
            .build(words.iter().map(|(w, _)| w.as_str()))?;
        Ok(Self {
            ac: Some(ac),
            bounds: words.iter().map(|(_, b)| *b).collect(),
        })
    }

    pub(super) fn none() -> Self {
        Self {
            ac: None,
            bounds: Vec::new(),
        }
    }

    pub(super) fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = aho_corasick::Match> + 'a {
        self.ac.iter().flat_map(move |ac| ac.find_iter(text))
    }

    pub(super) fn find_overlapping_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = aho_corasick::Match> + 'a {
        self.ac
            .iter()
            .flat_map(move |ac| ac.find_overlapping_iter(text))
    }

    pub(super) fn accepts(&self, text: &str, id: usize, start: usize, end: usize) -> bool {
        let Some(b) = self.bounds.get(id) else {
            return false;
        };
        let bytes = text.as_bytes();
        if b.start && start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            return false;
        }
        if !b.end {
            return true;
        }
        let rest = &bytes[end..];
        let word_ends = |i: usize| rest.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
        word_ends(0)
            || (b.plural && rest.first() == Some(&b's') && word_ends(1))
            || (b.plural && rest.starts_with(b"es") && word_ends(2))
    }
}

/// Splits a lexicon word into its normalised text and boundary rules.
pub(super) fn word(raw: &str, rewrite: Option<&Rewriter>) -> (String, Bounds) {
    let (body, prefix) = match raw.strip_suffix('*') {
        Some(body) => (body, true),
        None => (raw, false),
    };
    let folded = fold(body);
    let text = match rewrite {
        Some(r) => r.apply(&folded),
        None => folded,
    };
    let first = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let last = text
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let bounds = Bounds {
        start: first,
        end: last && !prefix,
        plural: true,
    };
    (text, bounds)
}

/// The rewrite table as an automaton (longest key wins).
pub(super) struct Rewriter {
    pub(super) matcher: Matcher,
    pub(super) to: Vec<String>,
}

impl Rewriter {
    pub(super) fn new(table: &BTreeMap<String, String>) -> Result<Self, LexiconError> {
        let mut words = Vec::new();
        let mut to = Vec::new();
        for (from, into) in table {
            let (w, mut b) = word(from, None);
            if w.is_empty() {
                continue;
            }
            b.plural = false;
            words.push((w, b));
            to.push(fold(into));
        }
        let matcher = Matcher::new(&words, MatchKind::LeftmostLongest)?;
        Ok(Self { matcher, to })
    }

    pub(super) fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 8);
        let mut last = 0;
        for m in self.matcher.find_iter(text) {
            let id = m.pattern().as_usize();
            if !self.matcher.accepts(text, id, m.start(), m.end()) {
                continue;
            }
            out.push_str(&text[last..m.start()]);
            out.push_str(self.to.get(id).map_or("", String::as_str));
            last = m.end();
        }
        out.push_str(&text[last..]);
        out
    }
}
