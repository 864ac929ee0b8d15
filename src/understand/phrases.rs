//! Word lists of the lexicon's last sections (`[[place]]`, `[smalltalk]`),
//! matched like the rest of the lexicon: every word normalised as a message
//! is, Chinese words anywhere, English words as whole words (a trailing `*`
//! matches any ending), the longest word first where words overlap.

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use super::normalise;

/// The lexicon's text; only the sections read here are looked at.
const SOURCE: &str = include_str!("../../prompts/lexicon.toml");

/// The sections of `prompts/lexicon.toml` that name places and small talk.
#[derive(Debug, Default, Deserialize)]
pub struct Sections {
    #[serde(default)]
    pub place: Vec<NamedWords>,
    #[serde(default)]
    pub smalltalk: Vec<NamedWords>,
}

/// A named list of words.
#[derive(Debug, Clone, Deserialize)]
pub struct NamedWords {
    pub name: String,
    pub words: Vec<String>,
}

/// Reads the sections from the embedded lexicon (empty when unreadable; the
/// lexicon's own test reports a broken file).
pub fn sections() -> Sections {
    parse_sections(SOURCE).unwrap_or_else(|err| {
        tracing::error!(%err, "the lexicon's place and small-talk sections are unreadable");
        Sections::default()
    })
}

/// Reads the place and small-talk sections of a lexicon text.
pub fn parse_sections(source: &str) -> Result<Sections, toml::de::Error> {
    toml::from_str(source)
}

/// Many named word lists compiled into one automaton.
pub struct Phrases {
    ac: Option<AhoCorasick>,
    /// Per pattern: the list it belongs to, and whether it must end a word.
    meta: Vec<(usize, bool, bool)>,
    names: Vec<String>,
}

/// A word found in a normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Index of the list (in the order given).
    pub list: usize,
    pub start: usize,
    pub end: usize,
}

impl Phrases {
    pub fn new(lists: &[NamedWords]) -> Self {
        let mut words = Vec::new();
        let mut meta = Vec::new();
        for (i, list) in lists.iter().enumerate() {
            for raw in &list.words {
                let (body, prefix) = match raw.strip_suffix('*') {
                    Some(body) => (body, true),
                    None => (raw.as_str(), false),
                };
                let word = normalise::normalise(body);
                if word.is_empty() {
                    continue;
                }
                let starts = word
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric());
                let ends = !prefix
                    && word
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_ascii_alphanumeric());
                words.push(word);
                meta.push((i, starts, ends));
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .ok();
        Self {
            ac,
            meta,
            names: lists.iter().map(|l| l.name.clone()).collect(),
        }
    }

    /// The name of a list.
    pub fn name(&self, list: usize) -> &str {
        self.names.get(list).map_or("", String::as_str)
    }

    /// The words found in a normalised text, left to right.
    pub fn find(&self, norm: &str) -> Vec<Found> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let bytes = norm.as_bytes();
        let mut found = Vec::new();
        for m in ac.find_iter(norm) {
            let Some(&(list, starts, ends)) = self.meta.get(m.pattern().as_usize()) else {
                continue;
            };
            let before = m.start().checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(m.end()).copied();
            if starts && before.is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            let plural = |i: usize| bytes.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
            if ends
                && after.is_some_and(|c| c.is_ascii_alphanumeric())
                && !(after == Some(b's') && plural(m.end() + 1))
            {
                continue;
            }
            found.push(Found {
                list,
                start: m.start(),
                end: m.end(),
            });
        }
        found
    }
}
