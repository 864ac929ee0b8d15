use chrono::TimeZone;

use super::*;

fn hk() -> Tz {
    chrono_tz::Asia::Hong_Kong
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    hk().with_ymd_and_hms(2026, 11, day, hour, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn ticket(number: &str, kind: &str, urgency: &str, created: DateTime<Utc>) -> TicketFact {
    TicketFact {
        number: number.into(),
        kind: kind.into(),
        category: "plumbing".into(),
        urgency: urgency.into(),
        source: "telegram".into(),
        department: "engineering".into(),
        building: Some("3".into()),
        unit: Some("3-1502".into()),
        status: "closed".into(),
        assignee: Some("Chan".into()),
        created_at: created,
        responded_at: None,
        resolved_at: None,
        respond_by: None,
        resolve_by: None,
        reopen_count: 0,
        escalated: false,
        validity: None,
        validity_reason: None,
        key_complaint: false,
    }
}

fn limits() -> Limits {
    Limits::from([
        ("normal".to_owned(), (240, 4320)),
        ("high".to_owned(), (60, 1440)),
    ])
}

#[test]
fn months_parse_and_know_their_neighbours_and_bounds() {
    let m = Month::parse("2026-01").unwrap();
    assert_eq!(m.previous().to_string(), "2025-12");
    assert_eq!(m.next().to_string(), "2026-02");
    assert!(Month::parse("2026-13").is_none());
    assert!(Month::parse("2026-1").is_none());
    let (start, end) = Month::parse("2026-11").unwrap().range(hk());
    assert_eq!(start, Utc.with_ymd_and_hms(2026, 10, 31, 16, 0, 0).unwrap());
    assert_eq!(end, Utc.with_ymd_and_hms(2026, 11, 30, 16, 0, 0).unwrap());
}

#[test]
fn response_limits_count_late_and_unanswered_tickets_but_not_cancelled_ones() {
    let mut quick = ticket("R-1", "repair", "high", at(2, 9));
    quick.responded_at = Some(at(2, 9) + Duration::minutes(30));
    let mut slow = ticket("R-2", "repair", "high", at(3, 9));
    slow.responded_at = Some(at(3, 9) + Duration::minutes(90));
    let never = ticket("R-3", "repair", "high", at(4, 9));
    let mut cancelled = ticket("R-4", "repair", "high", at(5, 9));
    cancelled.status = "cancelled".into();
    let tickets = [quick, slow, never, cancelled];
    let t = times_of(tickets.iter(), &limits(), at(28, 0), Stage::Respond);
    assert_eq!(t.count, 2);
    assert_eq!(t.median_minutes, Some(60.0));
    assert_eq!(t.p90_minutes, Some(90.0));
    assert_eq!((t.limit_applies, t.within_limit), (3, 1));
}

#[test]
fn weeks_start_on_monday_and_cover_the_month() {
    let month = Month::parse("2026-11").unwrap();
    let tickets = [
        ticket("R-1", "repair", "normal", at(1, 10)),
        ticket("R-2", "repair", "normal", at(30, 23)),
    ];
    let facts = Facts {
        month,
        tz: hk(),
        tickets: &tickets,
        callbacks: &[],
        hot_spots: vec![],
    };
    let w = weeks(&facts);
    assert_eq!(w.first().unwrap().week_start.to_string(), "2026-10-26");
    assert_eq!(w.last().unwrap().week_start.to_string(), "2026-11-30");
    assert_eq!(w.iter().map(|w| w.created).sum::<usize>(), 2);
    assert_eq!(w[0].created, 1);
    assert_eq!(w.last().unwrap().created, 1);
}

#[test]
fn validity_counts_partly_valid_as_valid_among_judged_complaints() {
    let mut a = ticket("C-1", "complaint", "normal", at(2, 9));
    a.validity = Some("valid".into());
    let mut b = ticket("C-2", "complaint", "normal", at(2, 9));
    b.validity = Some("partly".into());
    let mut c = ticket("C-3", "complaint", "normal", at(2, 9));
    c.validity = Some("not_valid".into());
    c.validity_reason = Some("misunderstanding".into());
    c.key_complaint = true;
    let d = ticket("C-4", "complaint", "normal", at(2, 9));
    let r = complaints(&[a, b, c, d, ticket("R-9", "repair", "normal", at(2, 9))]);
    assert_eq!(
        (r.total, r.judged, r.valid, r.partly, r.not_valid),
        (4, 3, 1, 1, 1)
    );
    assert_eq!(r.validity_rate, Some(0.6667));
    assert_eq!(r.reasons.get("misunderstanding"), Some(&1));
    assert_eq!(r.reasons.len(), 1);
    assert_eq!(r.key.len(), 1);
}
