//! The lexicon: `prompts/lexicon.toml`, embedded and compiled once.
//!
//! It holds the rewrite table used by normalisation, weighted words for each
//! category and kind, and the urgency rules. Words are normalised exactly as
//! messages are, so the file may use any script.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use super::normalise::fold;
use crate::domain::request::{Category, Kind};

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

/// A co-occurrence rule: every group has a word present, and no `none` word.
#[derive(Debug, Clone, Default)]
pub struct Rule {
    pub name: String,
    pub category: Option<Category>,
    pub fallback_category: Option<Category>,
    pub kind: Option<Kind>,
    all: Vec<Vec<usize>>,
    none: Vec<usize>,
}

impl Rule {
    /// Whether the rule fires, given which rule words the message contains.
    pub fn fires(&self, hits: &[bool]) -> bool {
        let has = |id: &usize| hits.get(*id).copied().unwrap_or(false);
        !self.all.is_empty()
            && self.all.iter().all(|group| group.iter().any(has))
            && !self.none.iter().any(has)
    }
}

/// The evidence a lexicon finds in one normalised message.
#[derive(Debug, Clone)]
pub struct Scan {
    /// Score per category, indexed like `Category::ALL`.
    pub category: [f32; 16],
    /// Score per kind cue, indexed like `KindCue::ALL`.
    pub kind: [f32; 7],
    /// Which rule words occur, indexed by rule word id.
    pub rule_hits: Vec<bool>,
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

/// A set of words compiled into one automaton, with word-boundary rules.
struct Matcher {
    /// `None` matches nothing (the empty fallback lexicon).
    ac: Option<AhoCorasick>,
    bounds: Vec<Bounds>,
}

#[derive(Debug, Clone, Copy)]
struct Bounds {
    start: bool,
    end: bool,
    plural: bool,
}

impl Matcher {
    fn new(words: &[(String, Bounds)], kind: MatchKind) -> Result<Self, LexiconError> {
        let ac = AhoCorasick::builder()
            .match_kind(kind)
            .build(words.iter().map(|(w, _)| w.as_str()))?;
        Ok(Self {
            ac: Some(ac),
            bounds: words.iter().map(|(_, b)| *b).collect(),
        })
    }

    fn none() -> Self {
        Self {
            ac: None,
            bounds: Vec::new(),
        }
    }

    fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = aho_corasick::Match> + 'a {
        self.ac.iter().flat_map(move |ac| ac.find_iter(text))
    }

    fn find_overlapping_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = aho_corasick::Match> + 'a {
        self.ac
            .iter()
            .flat_map(move |ac| ac.find_overlapping_iter(text))
    }

    fn accepts(&self, text: &str, id: usize, start: usize, end: usize) -> bool {
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
fn word(raw: &str, rewrite: Option<&Rewriter>) -> (String, Bounds) {
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
struct Rewriter {
    matcher: Matcher,
    to: Vec<String>,
}

impl Rewriter {
    fn new(table: &BTreeMap<String, String>) -> Result<Self, LexiconError> {
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

    fn apply(&self, text: &str) -> String {
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

/// The compiled lexicon.
pub struct Lexicon {
    rewriter: Rewriter,
    /// Category words and kind words are separate automata, so a long
    /// category word never hides a kind cue inside it (and the other way).
    words: [(Matcher, WordCues); 2],
    rule_words: Matcher,
    rule_word_count: usize,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    name: String,
    category: Option<String>,
    fallback_category: Option<String>,
    kind: Option<String>,
    all: Vec<Vec<String>>,
    #[serde(default)]
    none: Vec<String>,
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

/// Rule words: deduplicated, with ids.
#[derive(Default)]
struct RuleWords {
    index: HashMap<String, usize>,
    words: Vec<(String, Bounds)>,
}

impl RuleWords {
    fn ids(&mut self, rewriter: &Rewriter, list: &[String]) -> Vec<usize> {
        list.iter()
            .filter_map(|w| {
                let (text, bounds) = word(w, Some(rewriter));
                if text.is_empty() {
                    return None;
                }
                Some(*self.index.entry(text.clone()).or_insert_with(|| {
                    self.words.push((text, bounds));
                    self.words.len() - 1
                }))
            })
            .collect()
    }

    fn rule(&mut self, rewriter: &Rewriter, raw: &RawRule) -> Result<Rule, LexiconError> {
        let category = |name: &Option<String>| -> Result<Option<Category>, LexiconError> {
            name.as_deref()
                .map(|n| {
                    n.parse::<Category>().map_err(|_| LexiconError::Unknown {
                        what: "category",
                        name: n.to_owned(),
                    })
                })
                .transpose()
        };
        let kind = raw
            .kind
            .as_deref()
            .map(|n| {
                n.parse::<Kind>().map_err(|_| LexiconError::Unknown {
                    what: "kind",
                    name: n.to_owned(),
                })
            })
            .transpose()?;
        Ok(Rule {
            name: raw.name.clone(),
            category: category(&raw.category)?,
            fallback_category: category(&raw.fallback_category)?,
            kind,
            all: raw.all.iter().map(|g| self.ids(rewriter, g)).collect(),
            none: self.ids(rewriter, &raw.none),
        })
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
        let mut kinds = WordTable::default();
        for (name, words) in &raw.kind {
            let cue = KindCue::from_name(name).ok_or_else(|| LexiconError::Unknown {
                what: "kind",
                name: name.clone(),
            })?;
            kinds.add(&rewriter, words, Cue::Kind(cue));
        }
        let mut rule_words = RuleWords::default();
        let staff = Rule {
            name: "staff conduct".to_owned(),
            all: vec![
                rule_words.ids(&rewriter, &raw.staff.people),
                rule_words.ids(&rewriter, &raw.staff.conduct),
            ],
            ..Rule::default()
        };
        let mut rules = |list: &[RawRule]| -> Result<Vec<Rule>, LexiconError> {
            list.iter().map(|r| rule_words.rule(&rewriter, r)).collect()
        };
        let emergency = rules(&raw.emergency)?;
        let high = rules(&raw.high)?;
        let low = rules(&raw.low)?;
        let faq = rules(&raw.faq)?;
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
            rewriter,
            emergency,
            high,
            low,
            staff,
            faq,
        })
    }

    /// Applies the rewrite table to folded text.
    pub fn rewrite(&self, folded: &str) -> String {
        self.rewriter.apply(folded)
    }

    /// Finds the lexicon's words in a normalised message.
    pub fn scan(&self, norm: &str) -> Scan {
        let mut scan = Scan {
            category: [0.0; 16],
            kind: [0.0; 7],
            rule_hits: vec![false; self.rule_word_count],
            words: 0,
        };
        for (matcher, cues) in &self.words {
            Self::score(matcher, cues, norm, &mut scan);
        }
        for m in self.rule_words.find_overlapping_iter(norm) {
            let id = m.pattern().as_usize();
            if self.rule_words.accepts(norm, id, m.start(), m.end())
                && let Some(hit) = scan.rule_hits.get_mut(id)
            {
                *hit = true;
            }
        }
        scan
    }

    fn score(matcher: &Matcher, word_cues: &[Vec<(Cue, f32)>], norm: &str, scan: &mut Scan) {
        for m in matcher.find_iter(norm) {
            let id = m.pattern().as_usize();
            if !matcher.accepts(norm, id, m.start(), m.end()) {
                continue;
            }
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

#[cfg(test)]
mod tests;
