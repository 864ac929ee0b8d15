use super::*;

fn hk() -> Tz {
    chrono_tz::Asia::Hong_Kong
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("{text}:00+08:00"))
        .unwrap()
        .to_utc()
}

fn party_room() -> Bookable {
    defaults()["party_room"].clone()
}

#[test]
fn a_day_has_back_to_back_slots_within_its_hours() {
    let room = party_room();
    let date = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let slots = room.slots_on(hk(), date);
    let want: Vec<_> = ["10:00", "13:00", "16:00", "19:00"]
        .iter()
        .map(|t| at(&format!("2026-12-05T{t}")))
        .collect();
    assert_eq!(slots, want);
    let mut closed = room.clone();
    closed.closed.insert(date);
    assert!(closed.slots_on(hk(), date).is_empty());
    let visit = &defaults()["home_visit"];
    let sunday = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    assert!(visit.slots_on(hk(), sunday).is_empty());
}

#[test]
fn the_nearest_free_slot_to_the_time_asked_comes_first_then_the_next_nearest() {
    let room = party_room();
    let now = at("2026-11-30T10:00");
    let asked = at("2026-12-01T15:00");
    let mut taken = Taken::new();
    // 15:00 is no slot; 16:00 is nearest (an hour), then 13:00 (two).
    let got = nearest_free(&room, hk(), &taken, asked, now, 3);
    assert_eq!(
        got,
        [
            at("2026-12-01T16:00"),
            at("2026-12-01T13:00"),
            at("2026-12-01T19:00")
        ]
    );
    taken.insert(at("2026-12-01T16:00"), 1);
    let got = nearest_free(&room, hk(), &taken, asked, now, 2);
    assert_eq!(got, [at("2026-12-01T13:00"), at("2026-12-01T19:00")]);
}

#[test]
fn a_slot_too_soon_too_far_or_past_is_not_offered() {
    let room = party_room();
    let now = at("2026-12-01T12:30");
    // 13:00 is within the 2 hours' notice; 16:00 is the first.
    let first = room.bookable_slots(hk(), now)[0];
    assert_eq!(first, at("2026-12-01T16:00"));
    assert!(!room.open_for_booking(at("2026-11-30T16:00"), now));
    assert!(!room.open_for_booking(at("2027-02-01T16:00"), now));
    let last = *room.bookable_slots(hk(), now).last().unwrap();
    assert!(last <= now + chrono::Duration::days(30));
}

#[test]
fn a_booking_may_change_until_the_cutoff_and_not_after() {
    let room = party_room();
    let start = at("2026-12-05T16:00");
    assert!(room.changeable(start, at("2026-12-04T16:00")));
    assert!(!room.changeable(start, at("2026-12-04T16:01")));
    assert_eq!(room.cutoff(start), at("2026-12-04T16:00"));
}

#[test]
fn a_message_names_a_bookable_by_its_words() {
    let all = defaults();
    assert_eq!(
        named_in(&all, "想book聽日3點嘅Party Room"),
        Some("party_room")
    );
    assert_eq!(named_in(&all, "想订明天下午的烧烤炉"), Some("bbq_pit"));
    assert_eq!(
        named_in(&all, "I'd like a renovation inspection"),
        Some("renovation_inspection")
    );
    assert_eq!(named_in(&all, "廚房水喉漏水"), None);
}
