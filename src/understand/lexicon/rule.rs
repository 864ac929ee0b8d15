//! The lexicon's co-occurrence rules (emergency, calm, high, low, staff,
//! common questions) and the numbered rule words they are built from, with
//! "@name" word families expanded.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::LexiconError;
use super::matcher::{Bounds, Rewriter, word};
use crate::domain::request::{Category, Kind};

/// A co-occurrence rule: every group has a word present, and no `none` word.
#[derive(Debug, Clone, Default)]
pub struct Rule {
    pub name: String,
    pub category: Option<Category>,
    pub fallback_category: Option<Category>,
    pub kind: Option<Kind>,
    pub(super) all: Vec<Vec<usize>>,
    pub(super) none: Vec<usize>,
}

impl Rule {
    /// Whether the hits tell the rule's state, not only its subject: a word
    /// of a group after the first (by the lexicon's convention the first
    /// names the hazard or the thing: a lift, wiring), or of the only group.
    /// "Stuck yesterday, fine now, but the lift still needs fixing" names
    /// the lift after its turn and nothing that is happening to it.
    pub fn touches(&self, hits: &[bool]) -> bool {
        let has = |id: &usize| hits.get(*id).copied().unwrap_or(false);
        let told = if self.all.len() > 1 {
            &self.all[1..]
        } else {
            &self.all[..]
        };
        told.iter().flatten().any(has)
    }

    /// Whether the rule nearly fires: its first group (the hazard, by the
    /// lexicon's convention) and every other group but at most one are
    /// among the hits, and none of the words that hold it back is.
    pub fn nearly_fires(&self, hits: &[bool]) -> bool {
        let has = |id: &usize| hits.get(*id).copied().unwrap_or(false);
        let touched = |g: &Vec<usize>| g.iter().any(has);
        let count = self.all.iter().filter(|g| touched(g)).count();
        self.all.first().is_some_and(touched)
            && count + 1 >= self.all.len()
            && !self.none.iter().any(has)
    }

    /// Whether the rule fires, given which rule words the message contains.
    pub fn fires(&self, hits: &[bool]) -> bool {
        let has = |id: &usize| hits.get(*id).copied().unwrap_or(false);
        !self.all.is_empty()
            && self.all.iter().all(|group| group.iter().any(has))
            && !self.none.iter().any(has)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    name: String,
    category: Option<String>,
    fallback_category: Option<String>,
    kind: Option<String>,
    all: Vec<Vec<String>>,
    #[serde(default)]
    none: Vec<String>,
}

/// Rule words: deduplicated, with ids; "@name" stands for a word family.
pub(super) struct RuleWords<'a> {
    index: HashMap<String, usize>,
    pub(super) words: Vec<(String, Bounds)>,
    families: &'a BTreeMap<String, Vec<String>>,
}

/// How deep families may name other families.
const FAMILY_DEPTH: usize = 4;

impl<'a> RuleWords<'a> {
    pub(super) fn new(families: &'a BTreeMap<String, Vec<String>>) -> Self {
        Self {
            index: HashMap::new(),
            words: Vec::new(),
            families,
        }
    }

    pub(super) fn ids(
        &mut self,
        rewriter: &Rewriter,
        list: &[String],
    ) -> Result<Vec<usize>, LexiconError> {
        let mut ids = Vec::new();
        self.collect(rewriter, list, 0, &mut ids)?;
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    fn collect(
        &mut self,
        rewriter: &Rewriter,
        list: &[String],
        depth: usize,
        ids: &mut Vec<usize>,
    ) -> Result<(), LexiconError> {
        for w in list {
            if let Some(name) = w.strip_prefix('@') {
                let family = self
                    .families
                    .get(name)
                    .ok_or_else(|| LexiconError::Unknown {
                        what: "word family",
                        name: name.to_owned(),
                    })?;
                if depth >= FAMILY_DEPTH {
                    return Err(LexiconError::FamilyLoop(name.to_owned()));
                }
                self.collect(rewriter, family, depth + 1, ids)?;
                continue;
            }
            let (text, bounds) = word(w, Some(rewriter));
            if text.is_empty() {
                continue;
            }
            ids.push(*self.index.entry(text.clone()).or_insert_with(|| {
                self.words.push((text, bounds));
                self.words.len() - 1
            }));
        }
        Ok(())
    }

    pub(super) fn rule(
        &mut self,
        rewriter: &Rewriter,
        raw: &RawRule,
    ) -> Result<Rule, LexiconError> {
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
            all: raw
                .all
                .iter()
                .map(|g| self.ids(rewriter, g))
                .collect::<Result<_, _>>()?,
            none: self.ids(rewriter, &raw.none)?,
        })
    }
}
