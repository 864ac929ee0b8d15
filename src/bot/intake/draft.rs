//! A request being put together: what the resident said and sent, what the
//! desk understood of it, what the resident corrected, and what is still to
//! ask. Pure: no I/O, so the rules are tested here.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::unit::UnitRef;
use crate::store::units::UnitRow;
use crate::understand::{Understanding, When};

/// One message of the resident that went into the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Telegram's id of the message, so that an edit can replace it.
    pub message_id: i32,
    pub text: String,
}

/// Where the request is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Place {
    /// One of the resident's own units.
    Unit { id: i64, label: String },
    /// A common area of a building.
    Building(String),
    /// Not known yet.
    Unknown,
    /// A shared area (`lobby`, `car_park` … as the lexicon names them), in
    /// a block when one is known.
    Area {
        area: String,
        building: Option<String>,
    },
}

/// What the bot is waiting for from the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ask {
    /// Nothing: the card (or an answer to a question) is shown.
    Nothing,
    Kind,
    Category,
    Unit,
    Time,
    Photo,
}

/// A resident's request before they confirm it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Tells the buttons of the current card from those of older ones.
    pub nonce: u32,
    pub parts: Vec<Part>,
    /// Telegram file ids.
    pub photos: Vec<String>,
    pub kind: Kind,
    pub category: Category,
    pub urgency: Urgency,
    pub confidence: f32,
    /// How sure the kind alone is; a draft saved before this was recorded
    /// has none and goes by `confidence`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_confidence: Option<f32>,
    /// The resident chose the kind; what they write later does not change it.
    pub kind_picked: bool,
    /// The resident chose the category.
    pub category_picked: bool,
    pub place: Place,
    /// The resident chose the place.
    pub place_picked: bool,
    pub when: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// The resident typed the time.
    pub when_picked: bool,
    pub asking: Ask,
    /// The message carrying the current card or question.
    pub card: Option<i32>,
    /// The album the last photo belonged to.
    pub album: Option<String>,
    /// The frequently asked question this is, when it is one.
    pub faq: Option<String>,
    /// A time the resident named that had already passed, refused …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub past: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// … and the next possible time proposed instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Another flat the request is about (a complaint about a neighbour),
    /// filed from the resident's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// When the resident last worked on it. A draft saved before this was
    /// recorded reads as the epoch, that is long left.
    #[serde(default)]
    pub touched: DateTime<Utc>,
    /// A message the desk could not place: the resident is asked whether it
    /// belongs to this draft or is a new request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<Held>,
    /// Other drafts open beside this one (an earlier request, an answered
    /// question's "ask a person"), each with its own card whose buttons still
    /// count; the latest last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<Draft>,
}

/// A message waiting for the resident to say where it belongs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Held {
    pub message_id: i32,
    pub text: String,
    pub photo: Option<String>,
    /// The message asking about it.
    pub question: Option<i32>,
    /// What the question's buttons carry: their own nonce, so that the
    /// card's changing nonce leaves them valid (older states: the draft's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<u32>,
    /// Messages written after it while the question waited, unclear
    /// themselves: they stay with it until the resident chooses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<HeldPart>,
}

/// A further message waiting with a held one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeldPart {
    pub message_id: i32,
    pub text: String,
    pub photo: Option<String>,
}

impl Held {
    /// Adds another unclear message to the held one.
    pub fn push(&mut self, message_id: i32, text: &str, photo: Option<String>) {
        self.more.push(HeldPart {
            message_id,
            text: text.to_owned(),
            photo,
        });
    }

    /// Puts every held message (and photo) into `draft`.
    pub fn add_to(&self, draft: &mut Draft) {
        draft.add_text(self.message_id, &self.text);
        if let Some(photo) = &self.photo {
            draft.add_photo(photo);
        }
        for part in &self.more {
            draft.add_text(part.message_id, &part.text);
            if let Some(photo) = &part.photo {
                draft.add_photo(photo);
            }
        }
    }
}

/// How many drafts may wait beside the current one.
pub const MAX_OTHERS: usize = 5;

impl Draft {
    /// An empty draft started at `now`; `nonce` should be random so that
    /// buttons of an older draft never match this one.
    pub fn new(nonce: u32, now: DateTime<Utc>) -> Self {
        Self {
            nonce,
            parts: Vec::new(),
            photos: Vec::new(),
            kind: Kind::Unknown,
            category: Category::Other,
            urgency: Urgency::Normal,
            confidence: 0.0,
            kind_confidence: None,
            kind_picked: false,
            category_picked: false,
            place: Place::Unknown,
            place_picked: false,
            when: None,
            when_picked: false,
            asking: Ask::Nothing,
            card: None,
            album: None,
            faq: None,
            past: None,
            proposed: None,
            about: None,
            touched: now,
            held: None,
            others: Vec::new(),
        }
    }

    /// The draft whose buttons carry `nonce`, made current: this one, or one
    /// of those beside it (this one then waits beside it instead).
    pub fn pick(mut self, nonce: u32) -> Option<Self> {
        if self.answers(nonce) {
            return Some(self);
        }
        let at = self.others.iter().position(|d| d.answers(nonce))?;
        let mut picked = self.others.remove(at);
        let mut others = std::mem::take(&mut self.others);
        others.push(self);
        picked.others = others;
        Some(picked)
    }

    /// Whether buttons carrying `nonce` belong to this draft: its card, or
    /// the question about a message held for it.
    fn answers(&self, nonce: u32) -> bool {
        self.nonce == nonce || self.asks_about_held(nonce)
    }

    /// Whether `nonce` is that of the question about the held message.
    pub fn asks_about_held(&self, nonce: u32) -> bool {
        self.held.as_ref().is_some_and(|h| h.nonce == Some(nonce))
    }

    /// Starts `new` as the current draft, this one waiting beside it (unless
    /// it holds nothing to send, like an answered question).
    pub fn shelve_for(mut self, mut new: Self) -> Self {
        let mut others = std::mem::take(&mut self.others);
        // A held message stays with its draft: the question's buttons name
        // that draft and still count.
        if self.is_pending_request() || (self.faq.is_some() && self.card.is_some()) {
            others.push(self);
        }
        let excess = others.len().saturating_sub(MAX_OTHERS);
        others.drain(..excess);
        new.others = others;
        new
    }

    /// What is left once this draft is done (confirmed, cancelled, filed as
    /// an emergency): the latest draft beside it becomes current, if any.
    pub fn rest(mut self) -> Option<Self> {
        let mut next = self.others.pop()?;
        next.others = std::mem::take(&mut self.others);
        Some(next)
    }

    /// The cards of this draft and of those beside it.
    pub fn cards(&self) -> Vec<i32> {
        std::iter::once(self.card)
            .chain(self.others.iter().map(|d| d.card))
            .flatten()
            .collect()
    }

    /// Whether the resident has left the draft for `expiry` or longer by
    /// `now`, so that what they write next is a new request.
    pub fn is_left(&self, now: DateTime<Utc>, expiry: Duration) -> bool {
        chrono::Duration::from_std(expiry).is_ok_and(|expiry| now - self.touched >= expiry)
    }

    /// Whether setting the draft aside is worth telling the resident: it
    /// holds something they meant to send, not just an answered question.
    pub fn is_pending_request(&self) -> bool {
        self.faq.is_none() && !(self.parts.is_empty() && self.photos.is_empty())
    }

    /// Everything the resident wrote, one message a line.
    pub fn text(&self) -> String {
        self.parts
            .iter()
            .map(|p| p.text.as_str())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Adds a message's text; an empty text adds nothing.
    pub fn add_text(&mut self, message_id: i32, text: &str) {
        if text.is_empty() {
            return;
        }
        self.parts.push(Part {
            message_id,
            text: text.to_owned(),
        });
    }

    /// Replaces the text of an edited message; `false` when that message is
    /// not part of the draft.
    pub fn replace_text(&mut self, message_id: i32, text: &str) -> bool {
        match self.parts.iter_mut().find(|p| p.message_id == message_id) {
            Some(part) => {
                text.clone_into(&mut part.text);
                true
            }
            None => false,
        }
    }

    /// Adds a photo once.
    pub fn add_photo(&mut self, file_id: &str) {
        if !self.photos.iter().any(|p| p == file_id) {
            self.photos.push(file_id.to_owned());
        }
    }

    /// Takes in what the understanding step made of the whole text, keeping
    /// whatever the resident chose themselves.
    pub fn apply(&mut self, understood: &Understanding, units: &[UnitRow]) {
        if !self.kind_picked {
            self.kind = understood.kind;
            self.confidence = understood.confidence;
            self.kind_confidence = Some(understood.kind_confidence);
        }
        if !self.category_picked {
            self.category = understood.category;
        }
        self.urgency = understood.urgency;
        if !self.place_picked {
            (self.place, self.about) = place_of(understood, self.kind, units);
        }
        if !self.when_picked {
            self.when = understood.when.map(utc_span);
        }
    }

    /// Refuses a visit time already past at `now`: a booking's time, or any
    /// time the resident typed as the answer to "when?"; the same time on
    /// the next day it can be is proposed. A past time in another request
    /// tells when something happened ("since yesterday"), not a visit, so
    /// it is dropped. Returns whether a time was refused.
    pub fn check_time(&mut self, now: DateTime<Utc>) -> bool {
        let Some((start, end)) = self.when.filter(|(_, end)| *end <= now) else {
            self.past = None;
            self.proposed = None;
            return false;
        };
        self.when = None;
        if self.kind != Kind::Booking && !self.when_picked {
            return false;
        }
        self.when_picked = false;
        self.past = Some((start, end));
        self.proposed = Some(next_possible(start, end, now));
        true
    }

    /// What to ask before the card can be confirmed; `Ask::Nothing` when the
    /// draft is complete.
    pub fn missing(&self, min_confidence: f32) -> Ask {
        let unsure = self.confidence < min_confidence;
        let kind_unsure = self.kind_confidence.unwrap_or(self.confidence) < min_confidence;
        if self.kind == Kind::Unknown || (kind_unsure && !self.kind_picked) {
            return Ask::Kind;
        }
        if unsure && !self.category_picked {
            return Ask::Category;
        }
        if self.kind == Kind::Booking && self.when.is_none() {
            return Ask::Time;
        }
        if matches!(self.kind, Kind::Repair | Kind::Complaint | Kind::Booking)
            && self.place == Place::Unknown
        {
            return Ask::Unit;
        }
        Ask::Nothing
    }

    /// The kind to file an emergency under: an incident in progress is a
    /// complaint unless the desk already knows better.
    pub fn emergency_kind(&self) -> Kind {
        match self.kind {
            Kind::Unknown | Kind::Inquiry | Kind::Suggestion | Kind::Praise => Kind::Complaint,
            kind => kind,
        }
    }

    /// The unit the ticket is filed under.
    pub fn unit_id(&self) -> Option<i64> {
        match &self.place {
            Place::Unit { id, .. } => Some(*id),
            _ => None,
        }
    }
}

/// The same span moved on by whole days until it starts after `now`.
pub fn next_possible(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let day = chrono::Duration::days(1);
    let behind = (now - start).num_days().max(0) + 1;
    let mut shift = chrono::Duration::days(behind);
    while start + shift - day > now {
        shift -= day;
    }
    (start + shift, end + shift)
}

/// A time span in UTC.
pub fn utc_span(when: When) -> (DateTime<Utc>, DateTime<Utc>) {
    (when.start.to_utc(), when.end.to_utc())
}

fn same_unit(unit: &UnitRow, named: &UnitRef) -> bool {
    let flat = named.flat.as_deref().unwrap_or_default();
    unit.building.eq_ignore_ascii_case(&named.building) && unit.flat.eq_ignore_ascii_case(flat)
}

/// Where a request is about, from the unit named in the text and the
/// resident's own units: a named unit of theirs; a building alone (a common
/// area); no unit named: their first unit. A flat that is not theirs is never
/// used (nobody files requests under a neighbour's unit), nor silently
/// replaced by their own: the place is unknown, so the resident is asked.
pub fn place_for(named: Option<&UnitRef>, units: &[UnitRow]) -> Place {
    match named {
        Some(named) if named.flat.is_none() => Place::Building(named.building.clone()),
        Some(named) => units
            .iter()
            .find(|u| same_unit(u, named))
            .map_or(Place::Unknown, own),
        None => units.first().map_or(Place::Unknown, own),
    }
}

/// Where a request is about, from what the message names: a shared area
/// (in the block named, else the resident's own block) is the place, not
/// their flat; a complaint that names another flat is filed from their own
/// flat and names the other as its subject; otherwise as [`place_for`].
pub fn place_of(u: &Understanding, kind: Kind, units: &[UnitRow]) -> (Place, Option<String>) {
    let named = u.unit.as_ref();
    if let Some(area) = u.area {
        let building = named
            .map(|n| n.building.clone())
            .or_else(|| units.first().map(|unit| unit.building.clone()));
        return (
            Place::Area {
                area: area.to_owned(),
                building,
            },
            None,
        );
    }
    if let Some(other) =
        named.filter(|n| n.flat.is_some() && !units.iter().any(|u| same_unit(u, n)))
        && kind == Kind::Complaint
    {
        return (
            units.first().map_or(Place::Unknown, own),
            Some(other.label()),
        );
    }
    (place_for(named, units), None)
}

impl Draft {
    /// Whether the place a message names is where this draft already is.
    pub fn names_same_place(&self, u: &Understanding) -> bool {
        match (&self.place, u.area, u.unit.as_ref()) {
            (Place::Area { area, .. }, Some(named), _) => area == named,
            (Place::Building(b), None, Some(n)) => {
                n.flat.is_none() && b.eq_ignore_ascii_case(&n.building)
            }
            (Place::Unit { label, .. }, None, Some(n)) => label.eq_ignore_ascii_case(&n.label()),
            (_, None, None) => true,
            _ => false,
        }
    }
}

/// What a unit the resident typed means: `None` when it names a flat that
/// is not theirs.
pub fn typed_place(named: &UnitRef, units: &[UnitRow]) -> Option<Place> {
    if named.flat.is_none() {
        return Some(Place::Building(named.building.clone()));
    }
    units.iter().find(|u| same_unit(u, named)).map(own)
}

fn own(unit: &UnitRow) -> Place {
    Place::Unit {
        id: unit.id,
        label: unit.label(),
    }
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
