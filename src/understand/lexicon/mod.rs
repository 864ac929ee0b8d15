//! The lexicon: `prompts/lexicon.toml`, embedded and compiled once.
//!
//! It holds the rewrite table used by normalisation, weighted words for each
//! category and kind, and the urgency rules. Words are normalised exactly as
//! messages are, so the file may use any script.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use aho_corasick::MatchKind;
use serde::Deserialize;

use crate::domain::request::Category;
use matcher::{Bounds, Matcher, Rewriter, word};

mod matcher;
mod rule;

pub use rule::Rule;
use rule::{RawRule, RuleWords};

pub(super) const SOURCE: &str = include_str!("../../../prompts/lexicon.toml");

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(SOURCE).unwrap_or_else(|err| {
        tracing::error!(%err, "the embedded lexicon is invalid; understanding falls back to no words");
        Lexicon::empty()
    })
});

/// The compiled embedded lexicon.
pub fn get() -> &'static Lexicon {
    &LEXICON
}

/// Why a lexicon file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("lexicon: unknown {what} {name:?}")]
    Unknown { what: &'static str, name: String },
    #[error("lexicon: word family {0:?} refers to itself")]
    FamilyLoop(String),
    #[error("lexicon automaton: {0}")]
    Build(#[from] aho_corasick::BuildError),
}

/// What a kind cue points at: a kind, or a greeting (nothing to act on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindCue {
    Repair,
    Complaint,
    Booking,
    Inquiry,
    Suggestion,
    Praise,
    Greeting,
}

impl KindCue {
    pub const ALL: [Self; 7] = [
        Self::Repair,
        Self::Complaint,
        Self::Booking,
        Self::Inquiry,
        Self::Suggestion,
        Self::Praise,
        Self::Greeting,
    ];

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Repair => "repair",
            Self::Complaint => "complaint",
            Self::Booking => "booking",
            Self::Inquiry => "inquiry",
            Self::Suggestion => "suggestion",
            Self::Praise => "praise",
            Self::Greeting => "greeting",
        }
    }
}

/// The cues each word of a matcher carries, indexed by pattern id.
type WordCues = Vec<Vec<(Cue, f32)>>;

#[derive(Debug, Clone, Copy)]
enum Cue {
    Category(Category),
    Kind(KindCue),
}

/// The evidence a lexicon finds in one normalised message.
#[derive(Debug, Clone)]
pub struct Scan {
    /// Score per category, indexed like `Category::ALL`.
    pub category: [f32; 16],
    /// Score per kind cue, indexed like `KindCue::ALL`.
    pub kind: [f32; 7],
    /// Which rule words occur outside a masked phrase, indexed by rule word id.
    pub rule_hits: Vec<bool>,
    /// Which rule words occur unnegated, masked phrases included: what the
    /// calm rules read ("演習" counts in "火警演習", a drill, though "火警"
    /// does not count as a fire there; "not a drill" is no drill).
    pub plain_hits: Vec<bool>,
    /// How many lexicon words matched at all.
    pub words: usize,
}

impl Scan {
    pub fn kind_score(&self, cue: KindCue) -> f32 {
        self.kind[cue as usize]
    }

    pub fn category_score(&self, category: Category) -> f32 {
        Category::ALL
            .iter()
            .position(|c| *c == category)
            .map_or(0.0, |i| self.category[i])
    }
}

/// The compiled lexicon.
pub struct Lexicon {
    rewriter: Rewriter,
    /// Category words and kind words are separate automata, so a long
    /// category word never hides a kind cue inside it (and the other way).
    words: [(Matcher, WordCues); 2],
    rule_words: Matcher,
    rule_word_count: usize,
    /// The normalised text of each rule word, by id.
    rule_word_text: Vec<String>,
    /// Phrases that name a thing rather than a hazard ("smoke detector",
    /// "fire lane", "煤氣費"): a rule word inside one does not count.
    masks: Matcher,
    /// Words that negate the rule word right after them ("no smoke",
    /// "冇煙", "沒有人受傷"): a negated rule word does not count.
    negators: Matcher,
    /// Words that turn a message to what holds now ("but", "點知", "now",
    /// "今天"): what follows the last one is the message's present.
    turns: Matcher,
    /// Rule words that retell how help was sought ("the alarm", "nobody
    /// answered"): an account of a past incident repeats them after its
    /// turn, so there they do not tell a danger that holds now.
    retold: Vec<usize>,
    /// The danger is over, ruled out, a drill or a question about the past:
    /// when one fires, no emergency or high rule applies.
    pub calm: Vec<Rule>,
    pub emergency: Vec<Rule>,
    pub high: Vec<Rule>,
    pub low: Vec<Rule>,
    pub staff: Rule,
    /// Frequently asked questions: a rule's `name` is the topic.
    pub faq: Vec<Rule>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    #[serde(default)]
    strong: Vec<String>,
    #[serde(default)]
    terms: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    name: String,
    #[serde(flatten)]
    words: RawWords,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStaff {
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    conduct: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMask {
    #[serde(default)]
    phrases: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNegation {
    #[serde(default)]
    before: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTurn {
    #[serde(default)]
    words: Vec<String>,
    /// Words that retell how help was sought: after a turn they do not make
    /// a danger present on their own.
    #[serde(default)]
    retold: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    rewrite: BTreeMap<String, String>,
    #[serde(default)]
    category: Vec<RawCategory>,
    #[serde(default)]
    kind: BTreeMap<String, RawWords>,
    #[serde(default)]
    staff: RawStaff,
    /// Named word lists that rules use as "@name".
    #[serde(default)]
    family: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    mask: RawMask,
    #[serde(default)]
    negation: RawNegation,
    #[serde(default)]
    turn: RawTurn,
    #[serde(default)]
    calm: Vec<RawRule>,
    #[serde(default)]
    emergency: Vec<RawRule>,
    #[serde(default)]
    high: Vec<RawRule>,
    #[serde(default)]
    low: Vec<RawRule>,
    #[serde(default)]
    faq: Vec<RawRule>,
    /// Shared areas and small talk: read by `understand::place` and
    /// `understand::smalltalk`, not compiled here.
    #[serde(default, rename = "place")]
    _place: Option<toml::Value>,
    #[serde(default, rename = "smalltalk")]
    _smalltalk: Option<toml::Value>,
}

const STRONG: f32 = 3.0;
const TERM: f32 = 2.0;
const WEAK: f32 = 1.0;

/// Collects words and their cues, merging duplicates.
#[derive(Default)]
struct WordTable {
    index: HashMap<String, usize>,
    words: Vec<(String, Bounds)>,
    cues: WordCues,
}

impl WordTable {
    fn add(&mut self, rewriter: &Rewriter, raw: &RawWords, cue: Cue) {
        let lists = [(&raw.strong, STRONG), (&raw.terms, TERM), (&raw.weak, WEAK)];
        for (list, weight) in lists {
            for w in list {
                let (text, bounds) = word(w, Some(rewriter));
                if text.is_empty() {
                    continue;
                }
                let id = *self.index.entry(text.clone()).or_insert_with(|| {
                    self.words.push((text, bounds));
                    self.cues.push(Vec::new());
                    self.words.len() - 1
                });
                // The same word listed twice (say in two scripts) counts once, at its top weight.
                if let Some(cues) = self.cues.get_mut(id) {
                    match cues.iter_mut().find(|(c, _)| same_target(*c, cue)) {
                        Some((_, w)) => *w = w.max(weight),
                        None => cues.push((cue, weight)),
                    }
                }
            }
        }
    }
}

fn same_target(a: Cue, b: Cue) -> bool {
    match (a, b) {
        (Cue::Category(x), Cue::Category(y)) => x == y,
        (Cue::Kind(x), Cue::Kind(y)) => x == y,
        _ => false,
    }
}

impl Lexicon {
    /// Compiles a lexicon from its TOML text.
    pub fn parse(source: &str) -> Result<Self, LexiconError> {
        let raw: RawLexicon = toml::from_str(source)?;
        Self::compile(&raw)
    }

    /// A lexicon that matches nothing.
    fn empty() -> Self {
        Self {
            rewriter: Rewriter {
                matcher: Matcher::none(),
                to: Vec::new(),
            },
            words: [(Matcher::none(), Vec::new()), (Matcher::none(), Vec::new())],
            rule_words: Matcher::none(),
            rule_word_count: 0,
            rule_word_text: Vec::new(),
            masks: Matcher::none(),
            negators: Matcher::none(),
            turns: Matcher::none(),
            retold: Vec::new(),
            calm: Vec::new(),
            emergency: Vec::new(),
            high: Vec::new(),
            low: Vec::new(),
            staff: Rule::default(),
            faq: Vec::new(),
        }
    }

    fn compile(raw: &RawLexicon) -> Result<Self, LexiconError> {
        let rewriter = Rewriter::new(&raw.rewrite)?;
        let mut categories = WordTable::default();
        for c in &raw.category {
            let category = c
                .name
                .parse::<Category>()
                .map_err(|_| LexiconError::Unknown {
                    what: "category",
                    name: c.name.clone(),
                })?;
            categories.add(&rewriter, &c.words, Cue::Category(category));
        }
        let masks: Vec<(String, Bounds)> = raw
            .mask
            .phrases
            .iter()
            .map(|w| word(w, Some(&rewriter)))
            .filter(|(text, _)| !text.is_empty())
            .collect();
        let compiled = |list: &[String]| -> Vec<(String, Bounds)> {
            list.iter()
                .map(|w| word(w, Some(&rewriter)))
                .filter(|(text, _)| !text.is_empty())
                .collect()
        };
        let negators = compiled(&raw.negation.before);
        let turns = compiled(&raw.turn.words);
        let mut kinds = WordTable::default();
        for (name, words) in &raw.kind {
            let cue = KindCue::from_name(name).ok_or_else(|| LexiconError::Unknown {
                what: "kind",
                name: name.clone(),
            })?;
            kinds.add(&rewriter, words, Cue::Kind(cue));
        }
        let mut rule_words = RuleWords::new(&raw.family);
        let staff = Rule {
            name: "staff conduct".to_owned(),
            all: vec![
                rule_words.ids(&rewriter, &raw.staff.people)?,
                rule_words.ids(&rewriter, &raw.staff.conduct)?,
            ],
            ..Rule::default()
        };
        let mut rules = |list: &[RawRule]| -> Result<Vec<Rule>, LexiconError> {
            list.iter().map(|r| rule_words.rule(&rewriter, r)).collect()
        };
        let calm = rules(&raw.calm)?;
        let emergency = rules(&raw.emergency)?;
        let high = rules(&raw.high)?;
        let low = rules(&raw.low)?;
        let faq = rules(&raw.faq)?;
        let retold = rule_words.ids(&rewriter, &raw.turn.retold)?;
        Ok(Self {
            words: [
                (
                    Matcher::new(&categories.words, MatchKind::LeftmostLongest)?,
                    categories.cues,
                ),
                (
                    Matcher::new(&kinds.words, MatchKind::LeftmostLongest)?,
                    kinds.cues,
                ),
            ],
            rule_words: Matcher::new(&rule_words.words, MatchKind::Standard)?,
            rule_word_count: rule_words.words.len(),
            rule_word_text: rule_words.words.iter().map(|(w, _)| w.clone()).collect(),
            masks: Matcher::new(&masks, MatchKind::LeftmostLongest)?,
            negators: Matcher::new(&negators, MatchKind::Standard)?,
            turns: Matcher::new(&turns, MatchKind::LeftmostLongest)?,
            retold,
            rewriter,
            calm,
            emergency,
            high,
            low,
            staff,
            faq,
        })
    }

    /// The normalised text of a rule word (as `Scan::rule_hits` indexes them).
    pub fn rule_word(&self, id: usize) -> &str {
        self.rule_word_text.get(id).map_or("", String::as_str)
    }

    /// Applies the rewrite table to folded text.
    pub fn rewrite(&self, folded: &str) -> String {
        self.rewriter.apply(folded)
    }

    /// What follows the last turn word ("but", "點知", "now") of a normalised
    /// message, if it has one: the part that tells what holds now.
    pub fn present<'a>(&self, norm: &'a str) -> Option<&'a str> {
        self.turns
            .find_iter(norm)
            .filter(|m| {
                self.turns
                    .accepts(norm, m.pattern().as_usize(), m.start(), m.end())
            })
            .last()
            .map(|m| &norm[m.end()..])
    }

    /// Scans the present part of a message (see [`Lexicon::present`]): the
    /// words that only retell how help was sought do not count among its
    /// rule hits. "Stuck yesterday, fine now, but nobody answered the
    /// alarm" tells nothing that is happening.
    pub fn scan_present(&self, tail: &str) -> Scan {
        let mut scan = self.scan(tail);
        for &id in &self.retold {
            if let Some(hit) = scan.rule_hits.get_mut(id) {
                *hit = false;
            }
        }
        scan
    }

    /// Finds the lexicon's words in a normalised message.
    pub fn scan(&self, norm: &str) -> Scan {
        let mut scan = Scan {
            category: [0.0; 16],
            kind: [0.0; 7],
            rule_hits: vec![false; self.rule_word_count],
            plain_hits: vec![false; self.rule_word_count],
            words: 0,
        };
        for (matcher, cues) in &self.words {
            Self::score(matcher, cues, norm, &mut scan);
        }
        let masked: Vec<(usize, usize)> = self
            .masks
            .find_iter(norm)
            .filter(|m| {
                self.masks
                    .accepts(norm, m.pattern().as_usize(), m.start(), m.end())
            })
            .map(|m| (m.start(), m.end()))
            .collect();
        // A word that shares text with a masked phrase without holding all
        // of it does not count: "fire" in "fire lane", and "有火" across
        // "有火警演習" (its "火" belongs to the drill). The whole phrase, or a
        // longer word around it, may still be a rule word.
        // A rule word starting where a negator ends (spaces and an English
        // article skipped) is said not to be ("no smoke", "not a drill",
        // "冇火", "nobody hurt"), and so is one starting inside a negator
        // (the "有火" of "沒有火").
        let negated: Vec<(usize, usize)> = self
            .negators
            .find_overlapping_iter(norm)
            .filter(|m| {
                self.negators
                    .accepts(norm, m.pattern().as_usize(), m.start(), m.end())
            })
            .map(|m| {
                (
                    m.start(),
                    norm.len() - after_article(&norm[m.end()..]).len(),
                )
            })
            .collect();
        let negative = |start: usize| negated.iter().any(|&(s, e)| s < start && start <= e);
        let hidden = |start: usize, end: usize| {
            negative(start)
                || masked
                    .iter()
                    .any(|&(s, e)| start < e && s < end && !(start <= s && e <= end))
        };
        for m in self.rule_words.find_overlapping_iter(norm) {
            let id = m.pattern().as_usize();
            if !self.rule_words.accepts(norm, id, m.start(), m.end()) {
                continue;
            }
            if !negative(m.start())
                && let Some(hit) = scan.plain_hits.get_mut(id)
            {
                *hit = true;
            }
            if !hidden(m.start(), m.end())
                && let Some(hit) = scan.rule_hits.get_mut(id)
            {
                *hit = true;
            }
        }
        scan
    }

    fn score(matcher: &Matcher, word_cues: &[Vec<(Cue, f32)>], norm: &str, scan: &mut Scan) {
        // A word said twice ("請問係我自己換定係你哋換") is one piece of evidence.
        let mut seen: Vec<usize> = Vec::new();
        for m in matcher.find_iter(norm) {
            let id = m.pattern().as_usize();
            if !matcher.accepts(norm, id, m.start(), m.end()) || seen.contains(&id) {
                continue;
            }
            seen.push(id);
            scan.words += 1;
            for (cue, weight) in word_cues.get(id).into_iter().flatten() {
                match cue {
                    Cue::Category(c) => {
                        if let Some(i) = Category::ALL.iter().position(|x| x == c) {
                            scan.category[i] += weight;
                        }
                    }
                    Cue::Kind(k) => scan.kind[*k as usize] += weight,
                }
            }
        }
    }
}

/// The text after leading spaces and one English article ("a", "an",
/// "the", "any") with its spaces.
fn after_article(text: &str) -> &str {
    let text = text.trim_start();
    for article in ["a ", "an ", "the ", "any "] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest.trim_start();
        }
    }
    text
}

#[cfg(test)]
mod tests;
