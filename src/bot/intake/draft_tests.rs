//! The draft's own rules: what it asks, where it is, what it keeps.

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
    Understanding::labelled(kind, category, Urgency::Normal, confidence)
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

/// "空调不制冷，想找人来修": plainly a repair, only the category in
/// doubt; the desk asks the category, not what the resident wants done.
#[test]
fn a_draft_sure_of_its_kind_but_not_its_category_asks_the_category() {
    let units = [unit(1, "3", "1502")];
    let mut d = Draft::new(1, Utc::now());
    let mut u = understood(Kind::Repair, Category::Other, 0.35);
    u.kind_confidence = 0.8;
    d.apply(&u, &units);
    assert_eq!(d.missing(0.5), Ask::Category);
    d.category_picked = true;
    assert_eq!(d.missing(0.5), Ask::Nothing);
}

/// A draft saved before the kind's own confidence was recorded goes by
/// the one confidence, as it did.
#[test]
fn a_draft_saved_without_a_kind_confidence_goes_by_the_confidence() {
    let mut d = Draft::new(1, Utc::now());
    d.apply(&understood(Kind::Repair, Category::Plumbing, 0.2), &[]);
    let mut saved = serde_json::to_value(&d).unwrap();
    saved.as_object_mut().unwrap().remove("kind_confidence");
    let back: Draft = serde_json::from_value(saved).unwrap();
    assert_eq!(back.kind_confidence, None);
    assert_eq!(back.missing(0.5), Ask::Kind);
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
fn a_booking_at_a_time_already_past_is_refused_with_the_next_day_proposed() {
    let now = at(60 * 10);
    let mut d = Draft::new(1, now);
    d.kind = Kind::Booking;
    d.when = Some((at(60 * 9), at(60 * 9 + 59)));
    assert!(d.check_time(now));
    assert_eq!(d.when, None);
    assert_eq!(d.missing(0.0), Ask::Time);
    assert_eq!(d.past, Some((at(60 * 9), at(60 * 9 + 59))));
    assert_eq!(d.proposed, Some((at(60 * 33), at(60 * 33 + 59))));
    // A week ago at nine: the next nine o'clock, tomorrow.
    assert_eq!(
        next_possible(at(60 * 9 - 7 * 1440), at(60 * 9 - 7 * 1440 + 59), now).0,
        at(60 * 33)
    );
    // Later today is fine.
    d.when = Some((at(60 * 15), at(60 * 15)));
    assert!(!d.check_time(now));
    assert_eq!(d.proposed, None);
}

#[test]
fn a_past_time_in_a_repair_is_when_it_happened_and_is_dropped() {
    let now = at(60 * 10);
    let mut d = Draft::new(1, now);
    d.kind = Kind::Repair;
    d.when = Some((at(-600), at(-500)));
    assert!(!d.check_time(now));
    assert_eq!((d.when, d.past), (None, None));
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
