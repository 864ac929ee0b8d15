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
    /// When the resident last worked on it. A draft saved before this was
    /// recorded reads as the epoch, that is long left.
    #[serde(default)]
    pub touched: DateTime<Utc>,
}

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
            touched: now,
        }
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
        }
        if !self.category_picked {
            self.category = understood.category;
        }
        self.urgency = understood.urgency;
        if !self.place_picked {
            self.place = place_for(understood.unit.as_ref(), units);
        }
        if !self.when_picked {
            self.when = understood.when.map(utc_span);
        }
    }

    /// What to ask before the card can be confirmed; `Ask::Nothing` when the
    /// draft is complete.
    pub fn missing(&self, min_confidence: f32) -> Ask {
        let unsure = self.confidence < min_confidence;
        if self.kind == Kind::Unknown || (unsure && !self.kind_picked) {
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
mod tests {
    use super::*;

    fn unit(id: i64, building: &str, flat: &str) -> UnitRow {
        UnitRow {
            id,
            building: building.to_owned(),
            flat: flat.to_owned(),
        }
    }

    fn named(building: &str, flat: Option<&str>) -> UnitRef {
        UnitRef {
            building: building.to_owned(),
            flat: flat.map(str::to_owned),
        }
    }

    fn understood(kind: Kind, category: Category, confidence: f32) -> Understanding {
        Understanding {
            kind,
            category,
            urgency: Urgency::Normal,
            unit: None,
            when: None,
            confidence,
            area: None,
            small_talk: None,
        }
    }

    #[test]
    fn with_no_unit_named_the_residents_first_unit_is_the_place() {
        let units = [unit(1, "3", "1502"), unit(2, "5", "0801")];
        assert_eq!(
            place_for(None, &units),
            Place::Unit {
                id: 1,
                label: "3-1502".into()
            }
        );
    }

    #[test]
    fn a_named_unit_of_the_residents_own_is_the_place() {
        let units = [unit(1, "3", "1502"), unit(2, "5", "8B")];
        let place = place_for(Some(&named("5", Some("8b"))), &units);
        assert_eq!(
            place,
            Place::Unit {
                id: 2,
                label: "5-8B".into()
            }
        );
    }

    #[test]
    fn a_flat_that_is_not_theirs_is_asked_for_never_assumed() {
        let units = [unit(1, "3", "1502")];
        assert_eq!(
            place_for(Some(&named("3", Some("1602"))), &units),
            Place::Unknown
        );
        assert_eq!(typed_place(&named("3", Some("1602")), &units), None);
    }

    #[test]
    fn a_building_alone_is_a_common_area() {
        let units = [unit(1, "3", "1502")];
        assert_eq!(
            place_for(Some(&named("7", None)), &units),
            Place::Building("7".into())
        );
        assert_eq!(
            typed_place(&named("7", None), &units),
            Some(Place::Building("7".into()))
        );
    }

    #[test]
    fn a_resident_without_units_has_no_place_until_they_name_one() {
        assert_eq!(place_for(None, &[]), Place::Unknown);
    }

    fn at(minutes: i64) -> DateTime<Utc> {
        DateTime::UNIX_EPOCH + chrono::Duration::days(20_000) + chrono::Duration::minutes(minutes)
    }

    #[test]
    fn a_draft_left_for_the_expiry_is_left_and_a_younger_one_is_not() {
        let hour = Duration::from_secs(3600);
        let d = Draft::new(1, at(0));
        assert!(!d.is_left(at(59), hour));
        assert!(d.is_left(at(60), hour));
        assert!(d.is_left(at(600), hour));
        // A message the desk reads late, sent before the draft was saved.
        assert!(!d.is_left(at(-5), hour));
    }

    #[test]
    fn a_draft_saved_before_it_had_a_time_reads_as_left() {
        let mut stored = serde_json::to_value(Draft::new(1, at(0))).unwrap();
        stored.as_object_mut().unwrap().remove("touched");
        let old: Draft = serde_json::from_value(stored).unwrap();
        assert!(old.is_left(at(0), Duration::from_secs(3600)));
    }

    #[test]
    fn only_a_draft_with_something_to_send_is_worth_mentioning_when_set_aside() {
        let mut d = Draft::new(1, at(0));
        assert!(!d.is_pending_request());
        d.add_photo("p1");
        assert!(d.is_pending_request());
        d.faq = Some("fees".into());
        assert!(!d.is_pending_request());
    }

    #[test]
    fn several_messages_read_as_one_text() {
        let mut d = Draft::new(1, Utc::now());
        d.add_text(10, "水管漏水");
        d.add_text(11, "");
        d.add_text(12, "廚房");
        assert_eq!(d.text(), "水管漏水\n廚房");
    }

    #[test]
    fn an_edit_replaces_its_message_only() {
        let mut d = Draft::new(1, Utc::now());
        d.add_text(10, "lift broken");
        d.add_text(11, "block 3");
        assert!(d.replace_text(11, "block 5"));
        assert!(!d.replace_text(99, "nope"));
        assert_eq!(d.text(), "lift broken\nblock 5");
    }

    #[test]
    fn the_same_photo_is_counted_once() {
        let mut d = Draft::new(1, Utc::now());
        d.add_photo("a");
        d.add_photo("a");
        d.add_photo("b");
        assert_eq!(d.photos, ["a", "b"]);
    }

    #[test]
    fn a_low_confidence_draft_asks_for_the_kind_then_the_category() {
        let units = [unit(1, "3", "1502")];
        let mut d = Draft::new(1, Utc::now());
        d.apply(&understood(Kind::Repair, Category::Plumbing, 0.2), &units);
        assert_eq!(d.missing(0.5), Ask::Kind);
        d.kind = Kind::Repair;
        d.kind_picked = true;
        assert_eq!(d.missing(0.5), Ask::Category);
        d.category_picked = true;
        assert_eq!(d.missing(0.5), Ask::Nothing);
    }

    #[test]
    fn an_unknown_kind_is_asked_even_when_confident() {
        let mut d = Draft::new(1, Utc::now());
        d.apply(&understood(Kind::Unknown, Category::Other, 0.9), &[]);
        assert_eq!(d.missing(0.5), Ask::Kind);
    }

    #[test]
    fn a_booking_without_a_time_asks_for_one() {
        let units = [unit(1, "3", "1502")];
        let mut d = Draft::new(1, Utc::now());
        d.apply(
            &understood(Kind::Booking, Category::Renovation, 0.9),
            &units,
        );
        assert_eq!(d.missing(0.5), Ask::Time);
        let t = DateTime::parse_from_rfc3339("2026-03-19T15:00:00+08:00").unwrap();
        d.when = Some(utc_span(When { start: t, end: t }));
        assert_eq!(d.missing(0.5), Ask::Nothing);
    }

    #[test]
    fn a_repair_without_any_place_asks_for_the_unit() {
        let mut d = Draft::new(1, Utc::now());
        d.apply(&understood(Kind::Repair, Category::Lift, 0.9), &[]);
        assert_eq!(d.missing(0.5), Ask::Unit);
        d.place = Place::Building("3".into());
        assert_eq!(d.missing(0.5), Ask::Nothing);
    }

    #[test]
    fn what_the_resident_chose_survives_a_new_message() {
        let units = [unit(1, "3", "1502")];
        let mut d = Draft::new(1, Utc::now());
        d.kind = Kind::Complaint;
        d.kind_picked = true;
        d.category = Category::Noise;
        d.category_picked = true;
        d.place = Place::Building("9".into());
        d.place_picked = true;
        d.apply(&understood(Kind::Repair, Category::Lift, 0.9), &units);
        assert_eq!(d.kind, Kind::Complaint);
        assert_eq!(d.category, Category::Noise);
        assert_eq!(d.place, Place::Building("9".into()));
    }

    #[test]
    fn an_emergency_of_no_clear_kind_is_filed_as_a_complaint() {
        let mut d = Draft::new(1, Utc::now());
        assert_eq!(d.emergency_kind(), Kind::Complaint);
        d.kind = Kind::Repair;
        assert_eq!(d.emergency_kind(), Kind::Repair);
    }

    #[test]
    fn a_draft_survives_serialisation() {
        let mut d = Draft::new(7, Utc::now());
        d.add_text(1, "有煤氣味 🔥");
        d.add_photo("file-1");
        d.place = Place::Building("3".into());
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    }
}
