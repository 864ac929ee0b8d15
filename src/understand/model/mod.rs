//! The learned half of understanding: two small linear classifiers (kind and
//! category) over hashed features of the normalised text, trained once from
//! the labelled messages embedded from `corpus/` (see its README).
//!
//! Features: character 1–3-grams of the text the rules read (unit blanked),
//! English words and word pairs, the lexicon's evidence (category and kind
//! scores, which rule words occur) and, for the category, the rules' own
//! answer. The weights
//! are learned by an averaged perceptron in a fixed order, so the same
//! corpus always gives the same model. No crate: the model is about a
//! hundred lines, and a machine-learning crate would bring far more code and
//! build time than it saves.

pub(crate) mod corpus;

use std::sync::OnceLock;

use super::lexicon::Scan;
use crate::domain::request::{Category, Kind};

/// One labelled message to learn from.
#[derive(Debug, Clone)]
pub struct Example<'a> {
    pub text: &'a str,
    pub kind: Kind,
    pub category: Category,
}

/// The number of weight rows (a power of two): hashed features share them.
const BUCKETS: usize = 1 << 16;
const MASK: u64 = (BUCKETS - 1) as u64;
/// Passes over the corpus.
const EPOCHS: usize = 10;

/// A linear classifier over hashed features: `weights[bucket * classes + class]`.
#[derive(Debug, Clone)]
struct Linear {
    classes: usize,
    weights: Vec<f32>,
}

impl Linear {
    fn scores(&self, features: &[(u32, f32)]) -> Vec<f32> {
        let mut out = vec![0.0f32; self.classes];
        for &(f, v) in features {
            let row = f as usize * self.classes;
            for (o, w) in out.iter_mut().zip(&self.weights[row..row + self.classes]) {
                *o += w * v;
            }
        }
        out
    }

    /// An averaged perceptron: the weights averaged over every step, which
    /// keeps the rare lucky update from deciding.
    fn train(classes: usize, data: &[(Vec<(u32, f32)>, usize)]) -> Self {
        let mut current = Linear {
            classes,
            weights: vec![0.0; BUCKETS * classes],
        };
        // Sum of (step × update), to average without copying every step.
        let mut stamped = vec![0.0f32; BUCKETS * classes];
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut step = 1.0f32;
        for _ in 0..EPOCHS {
            // A fixed shuffle (xorshift): deterministic, not in file order.
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            for &i in &order {
                let (features, gold) = &data[i];
                let scores = current.scores(features);
                let guess = argmax(&scores);
                if guess != *gold {
                    for &(f, v) in features {
                        let row = f as usize * classes;
                        current.weights[row + gold] += v;
                        current.weights[row + guess] -= v;
                        stamped[row + gold] += step * v;
                        stamped[row + guess] -= step * v;
                    }
                }
                step += 1.0;
            }
        }
        for (w, s) in current.weights.iter_mut().zip(&stamped) {
            *w -= s / step;
        }
        current
    }
}

fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

/// The learned kind and category classifiers.
#[derive(Debug, Clone)]
pub struct Model {
    kind: Linear,
    category: Linear,
    /// The rules' answer is one of the category's features (never the
    /// kind's: the kind did better without it, see `tests/nlu_blind.rs`).
    category_reads_rules: bool,
}

/// What the model reads of one message, besides its text.
pub(crate) struct Evidence<'a> {
    pub scan: &'a Scan,
    pub rule_kind: Kind,
    pub rule_category: Category,
}

/// A message's features: those of its text and lexicon words, then the
/// rules' answer (the last `RULE_FEATURES`).
pub(crate) struct Features(Vec<(u32, f32)>);

const RULE_FEATURES: usize = 2;

impl Features {
    fn without_rules(&self) -> &[(u32, f32)] {
        &self.0[..self.0.len() - RULE_FEATURES]
    }
    fn for_category(&self, reads_rules: bool) -> &[(u32, f32)] {
        if reads_rules {
            &self.0
        } else {
            self.without_rules()
        }
    }
}

/// The model's answer: each label with how far it stood out (0..1).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Guess {
    pub kind: Kind,
    pub kind_margin: f32,
    pub category: Category,
    pub category_margin: f32,
}

impl Model {
    /// Learns from labelled messages, the category reading the rules'
    /// answer as evidence: the model the desk uses.
    pub fn train(examples: &[Example<'_>]) -> Self {
        Self::train_with(examples, true)
    }

    /// Learns from the text and the lexicon's words only, without the rules'
    /// answer: to measure what the model does on its own.
    pub fn train_on_text(examples: &[Example<'_>]) -> Self {
        Self::train_with(examples, false)
    }

    fn train_with(examples: &[Example<'_>], category_reads_rules: bool) -> Self {
        let data: Vec<(Features, Kind, Category)> = examples
            .iter()
            .map(|e| (super::features_of(e.text), e.kind, e.category))
            .collect();
        let kinds: Vec<_> = data
            .iter()
            .map(|(f, k, _)| (f.without_rules().to_vec(), index(Kind::ALL, *k)))
            .collect();
        let categories: Vec<_> = data
            .iter()
            .map(|(f, _, c)| {
                let f = f.for_category(category_reads_rules).to_vec();
                (f, index(Category::ALL, *c))
            })
            .collect();
        Model {
            kind: Linear::train(Kind::ALL.len(), &kinds),
            category: Linear::train(Category::ALL.len(), &categories),
            category_reads_rules,
        }
    }

    pub(crate) fn guess(&self, features: &Features) -> Guess {
        let (kind, kind_margin) = best(&self.kind.scores(features.without_rules()));
        let (category, category_margin) = best(
            &self
                .category
                .scores(features.for_category(self.category_reads_rules)),
        );
        Guess {
            kind: Kind::ALL[kind],
            kind_margin,
            category: Category::ALL[category],
            category_margin,
        }
    }
}

/// The best class and its lead over the runner-up, relative to its score.
fn best(scores: &[f32]) -> (usize, f32) {
    let top = argmax(scores);
    let second = scores
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != top)
        .map(|(_, s)| *s)
        .fold(f32::NEG_INFINITY, f32::max);
    let lead = scores[top] - second;
    let scale = scores[top].abs().max(second.abs()).max(1e-6);
    (top, (lead / scale).clamp(0.0, 1.0))
}

fn index<T: PartialEq>(all: &[T], x: T) -> usize {
    all.iter().position(|a| *a == x).unwrap_or(all.len() - 1)
}

/// The model trained on the embedded corpus, built on first use.
pub(crate) fn get() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::train(&corpus::examples()))
}

/// FNV-1a, so a feature lands in the same row on every machine and run.
struct Hasher(u64);

impl Hasher {
    fn new(tag: u8) -> Self {
        let mut h = Hasher(0xcbf2_9ce4_8422_2325);
        h.byte(tag);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    fn bytes(&mut self, bs: &[u8]) -> &mut Self {
        bs.iter().for_each(|b| self.byte(*b));
        self
    }
    fn bucket(&self) -> u32 {
        // Fold the high bits in: FNV's low bits alone mix poorly.
        ((self.0 ^ (self.0 >> 29)) & MASK) as u32
    }
}

/// The features of a message: its text (as the rules read it) and the
/// lexicon's and the rules' evidence about it.
pub(crate) fn features(text: &str, evidence: &Evidence<'_>) -> Features {
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(4 * text.len() + 64);
    let chars: Vec<char> = std::iter::once('^')
        .chain(text.chars().filter(|c| !c.is_whitespace() || *c == ' '))
        .chain(std::iter::once('$'))
        .collect();
    let mut buf = [0u8; 16];
    for n in 1..=3 {
        for gram in chars.windows(n) {
            if n == 1 && !is_han(gram[0]) {
                continue;
            }
            let mut h = Hasher::new(b'c');
            for c in gram {
                h.bytes(c.encode_utf8(&mut buf).as_bytes());
            }
            out.push((h.bucket(), 1.0));
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| w.len() > 1 && w.bytes().any(|b| b.is_ascii_alphabetic()))
        .collect();
    for w in &words {
        out.push((Hasher::new(b'w').bytes(w.as_bytes()).bucket(), 1.0));
    }
    for pair in words.windows(2) {
        let mut h = Hasher::new(b'p');
        h.bytes(pair[0].as_bytes()).byte(b' ');
        h.bytes(pair[1].as_bytes());
        out.push((h.bucket(), 1.0));
    }
    // The n-grams count as one unit of evidence in all, however long the text.
    let norm = 1.0 / (out.len().max(1) as f32).sqrt();
    out.iter_mut().for_each(|(_, v)| *v = norm * 4.0);

    let scan = evidence.scan;
    for (i, s) in scan.category.iter().enumerate() {
        if *s > 0.0 {
            out.push((
                Hasher::new(b'C').bytes(&[i as u8]).bucket(),
                s.min(6.0) / 3.0,
            ));
        }
    }
    for (i, s) in scan.kind.iter().enumerate() {
        if *s > 0.0 {
            out.push((
                Hasher::new(b'K').bytes(&[i as u8]).bucket(),
                s.min(6.0) / 3.0,
            ));
        }
    }
    // Rule words by their text, so adding a word to the lexicon does not
    // rename the features of all the words after it.
    let lex = crate::understand::lexicon::get();
    for (id, _) in scan.rule_hits.iter().enumerate().filter(|(_, h)| **h) {
        let word = lex.rule_word(id);
        out.push((Hasher::new(b'R').bytes(word.as_bytes()).bucket(), 1.0));
    }
    out.push((Hasher::new(b'b').bucket(), 1.0));
    let rk = index(Kind::ALL, evidence.rule_kind) as u8;
    let rc = index(Category::ALL, evidence.rule_category) as u8;
    out.push((Hasher::new(b'k').bytes(&[rk]).bucket(), 1.0));
    out.push((Hasher::new(b'g').bytes(&[rc]).bucket(), 1.0));
    Features(out)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}
