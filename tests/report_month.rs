//! A month of tickets with known figures, made through the desk's own
//! functions at set times, and every number of the monthly report checked
//! against figures computed here from the plan, not by the report's code.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use residesk::app::App;
use residesk::config::Settings;
use residesk::desk::callbacks::Step;
use residesk::desk::callbacks::{self, Channel};
use residesk::desk::judgement::{self, Validity};
use residesk::desk::{self, Doer, NewRequest, Source};
use residesk::domain::calendar::Clock;
use residesk::domain::callback::Answer;
use residesk::domain::report::Month;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::domain::role::Role;
use residesk::domain::ticket::Action;
use residesk::store::{self, Db};

const AMY: i64 = 1;
const LEE: i64 = 5;

/// One planned ticket and what happens to it.
#[derive(Debug, Clone)]
struct Plan {
    kind: Kind,
    category: Category,
    urgency: Urgency,
    source: Source,
    created: DateTime<Utc>,
    respond_after: Option<i64>,
    resolve_after: Option<i64>,
    stars: Option<u8>,
    validity: Option<Validity>,
    key: bool,
}

/// The urgency a planned ticket ends the month with: a 1–2 star callback
/// reopens it one step more urgent, and the report reads tickets as they stand.
fn now_urgency(p: &Plan) -> Urgency {
    match p.stars {
        Some(stars) if stars <= 2 => p.urgency.raised(),
        _ => p.urgency,
    }
}

fn hk(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Hong_Kong
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

const CATEGORIES: [Category; 4] = [
    Category::Plumbing,
    Category::Lift,
    Category::Noise,
    Category::Cleaning,
];

fn plans(month: u32, count: u32) -> Vec<Plan> {
    (0..count)
        .map(|i| {
            let responds = i % 7 != 6;
            let respond = 20 + 13 * i64::from(i);
            let resolves = responds && i % 6 != 5;
            Plan {
                kind: if i % 3 == 0 {
                    Kind::Complaint
                } else {
                    Kind::Repair
                },
                category: CATEGORIES[(i % 4) as usize],
                urgency: if i % 5 == 0 {
                    Urgency::High
                } else {
                    Urgency::Normal
                },
                source: if i % 4 == 1 {
                    Source::Phone
                } else {
                    Source::Telegram
                },
                created: hk(2026, month, 1 + i, 10),
                respond_after: responds.then_some(respond),
                resolve_after: resolves.then_some(respond + 60 * (i64::from(i) + 1)),
                stars: if resolves && i % 5 != 3 {
                    Some([5, 4, 2, 3][(i % 4) as usize])
                } else {
                    None
                },
                validity: match (i % 3, i % 2) {
                    (0, 0) => Some(Validity::Valid),
                    (0, _) if i % 9 == 3 => Some(Validity::NotValid),
                    _ => None,
                },
                key: i % 3 == 0 && i % 4 == 3,
            }
        })
        .collect()
}

async fn person(db: &Db, id: i64, name: &str, role: Role, dept: Option<&str>) {
    let now = Utc::now();
    store::users::upsert_seen(db.pool(), id, id, name, None, now)
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::users::set_role(&mut tx, id, role, dept, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn estate(settings: Settings) -> (Arc<App>, i64, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("r.db")).await.unwrap();
    let csv = "building,flat,name,phone\n3,1502,Amy Chan,91234567\n";
    residesk::admin::import_units(&db, csv.as_bytes())
        .await
        .unwrap();
    person(&db, AMY, "Amy", Role::Resident, None).await;
    person(&db, 2, "Chan", Role::Staff, Some("engineering")).await;
    person(&db, 3, "Ho", Role::Staff, Some("security")).await;
    person(&db, 4, "Wong", Role::Staff, Some("customer_service")).await;
    person(&db, LEE, "Lee", Role::Supervisor, None).await;
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::units::bind(&mut tx, AMY, unit.id, "phone", Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    (App::new(db, settings), unit.id, dir)
}

/// Runs a plan through the desk: open, accept, resolve, callback, judgement.
async fn play(app: &App, unit: i64, plan: &Plan) {
    let lee = Doer {
        user_id: LEE,
        role: Some(Role::Supervisor),
    };
    let request = NewRequest {
        kind: plan.kind,
        category: plan.category,
        urgency: plan.urgency,
        unit_id: Some(unit),
        resident_id: Some(AMY),
        source: plan.source,
        logged_by: None,
        description: "planned".to_owned(),
        when: None,
        photos: Vec::new(),
    };
    let mut tx = app.db.begin().await.unwrap();
    let ticket = desk::open_ticket(&mut tx, app, request, plan.created)
        .await
        .unwrap()
        .ticket;
    tx.commit().await.unwrap();
    let Some(respond) = plan.respond_after else {
        return;
    };
    let at = plan.created + Duration::minutes(respond);
    let mut tx = app.db.begin().await.unwrap();
    desk::act(&mut tx, app, ticket.id, lee, Action::Accept, None, at)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    let Some(resolve) = plan.resolve_after else {
        return;
    };
    let at = plan.created + Duration::minutes(resolve);
    let mut tx = app.db.begin().await.unwrap();
    desk::act(
        &mut tx,
        app,
        ticket.id,
        lee,
        Action::Resolve,
        Some("done"),
        at,
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    let callback = store::callbacks::of_ticket(app.db.pool(), ticket.id)
        .await
        .unwrap();
    let callback = callback.last().unwrap().id;
    let asked = at + Duration::days(1);
    let mut tx = app.db.begin().await.unwrap();
    callbacks::run(&mut tx, app, callback, Step::Ask, asked)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    if let Some(stars) = plan.stars {
        let mut tx = app.db.begin().await.unwrap();
        callbacks::answer(
            &mut tx,
            app,
            callback,
            AMY,
            Channel::Telegram,
            Answer::Stars(stars),
            asked,
        )
        .await
        .unwrap()
        .unwrap();
        tx.commit().await.unwrap();
    }
    if plan.kind == Kind::Complaint {
        let mut tx = app.db.begin().await.unwrap();
        if let Some(v) = plan.validity {
            // Judged only when resolved or closed; a reopened one is refused.
            let reason = reason_of(v);
            let _ = judgement::record_validity(&mut tx, ticket.id, lee, v, reason, asked)
                .await
                .unwrap();
        }
        if plan.key {
            judgement::mark_key(&mut tx, app, ticket.id, lee, true, asked)
                .await
                .unwrap()
                .unwrap();
        }
        tx.commit().await.unwrap();
    }
}

/// The reason a planned complaint is judged with.
fn reason_of(v: Validity) -> &'static str {
    match v {
        Validity::Valid => "workmanship",
        Validity::Partly => "slow_response",
        Validity::NotValid => "misunderstanding",
    }
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        return None;
    }
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

fn p90(mut v: Vec<f64>) -> Option<f64> {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return None;
    }
    let rank = (v.len() * 9).div_ceil(10);
    Some(v[rank - 1])
}

fn close(a: Option<f64>, b: Option<f64>) {
    match (a, b) {
        (Some(a), Some(b)) => assert!((a - b).abs() < 0.006, "{a} vs {b}"),
        (a, b) => assert_eq!(a, b),
    }
}

fn num(v: &serde_json::Value) -> Option<f64> {
    v.as_f64()
}

#[tokio::test]
async fn every_figure_of_the_month_matches_the_plan() {
    let mut settings = Settings::default();
    settings.reports.hot_spot_days = 10;
    // The plan's limits are minutes around the clock (office hours are the
    // next test's).
    for sla in settings.sla.values_mut() {
        sla.clock = Some(Clock::Always);
    }
    let (app, unit, _dir) = estate(settings).await;
    let november = plans(11, 24);
    let october = plans(10, 8);
    for plan in october.iter().chain(&november) {
        play(&app, unit, plan).await;
    }
    let month = Month::parse("2026-11").unwrap();
    let made = residesk::report::make(&app.db, &app.settings, month, hk(2026, 12, 20, 9))
        .await
        .unwrap();
    let json = serde_json::to_value(&made.report).unwrap();

    // Counts.
    assert_eq!(json["month"], "2026-11");
    assert_eq!(json["tickets"]["total"], 24);
    let complaints = november
        .iter()
        .filter(|p| p.kind == Kind::Complaint)
        .count();
    assert_eq!(json["tickets"]["by_kind"]["complaint"], complaints);
    assert_eq!(json["tickets"]["by_kind"]["repair"], 24 - complaints);
    for c in CATEGORIES {
        let n = november.iter().filter(|p| p.category == c).count();
        assert_eq!(json["tickets"]["by_category"][c.as_str()], n, "{c:?}");
    }
    let phone = november
        .iter()
        .filter(|p| p.source == Source::Phone)
        .count();
    assert_eq!(json["tickets"]["by_source"]["phone"], phone);
    assert_eq!(json["tickets"]["by_source"]["telegram"], 24 - phone);
    assert_eq!(json["tickets"]["by_building"]["3"], 24);
    let dept = |c: Category| match c {
        Category::Plumbing | Category::Lift => "engineering",
        Category::Noise => "security",
        _ => "cleaning",
    };
    let mut by_dept: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &november {
        *by_dept.entry(dept(p.category)).or_default() += 1;
    }
    for (d, n) in &by_dept {
        assert_eq!(json["tickets"]["by_department"][d], *n, "{d}");
    }

    // Response and resolution, overall and per urgency.
    let limit = |u: Urgency, respond: bool| match (u, respond) {
        (Urgency::High, true) => 60,
        (Urgency::High, false) => 1440,
        (_, true) => 240,
        (_, false) => 4320,
    };
    for (key, respond) in [("response", true), ("resolution", false)] {
        for urgency in [None, Some(Urgency::High), Some(Urgency::Normal)] {
            let of: Vec<&Plan> = november
                .iter()
                .filter(|p| urgency.is_none_or(|u| now_urgency(p) == u))
                .collect();
            let took = |p: &Plan| {
                if respond {
                    p.respond_after
                } else {
                    p.resolve_after
                }
            };
            let minutes: Vec<f64> = of
                .iter()
                .filter_map(|p| took(p))
                .map(|m| m as f64)
                .collect();
            let within = of
                .iter()
                .filter(|p| took(p).is_some_and(|m| m <= limit(now_urgency(p), respond)))
                .count();
            let node = match urgency {
                None => &json[key]["all"],
                Some(u) => &json[key]["by_urgency"][u.as_str()],
            };
            assert_eq!(node["count"], minutes.len(), "{key} {urgency:?}");
            close(num(&node["median_minutes"]), median(minutes.clone()));
            close(num(&node["p90_minutes"]), p90(minutes));
            // Every limit has passed by the report: every ticket counts.
            assert_eq!(node["limit_applies"], of.len(), "{key} {urgency:?}");
            assert_eq!(node["within_limit"], within, "{key} {urgency:?}");
        }
    }

    // Callbacks and satisfaction.
    let resolved: Vec<&Plan> = november
        .iter()
        .filter(|p| p.resolve_after.is_some())
        .collect();
    let rated: Vec<u8> = resolved.iter().filter_map(|p| p.stars).collect();
    assert_eq!(json["callbacks"]["due"], resolved.len());
    assert_eq!(json["callbacks"]["answered"], rated.len());
    close(
        num(&json["callbacks"]["rate"]),
        Some(rated.len() as f64 / resolved.len() as f64),
    );
    let average = rated.iter().map(|&s| f64::from(s)).sum::<f64>() / rated.len() as f64;
    close(num(&json["satisfaction"]["average"]), Some(average));
    let satisfied = rated.iter().filter(|&&s| s >= 3).count();
    close(
        num(&json["satisfaction"]["satisfied_share"]),
        Some(satisfied as f64 / rated.len() as f64),
    );
    for stars in 1..=5u8 {
        let n = rated.iter().filter(|&&s| s == stars).count();
        assert_eq!(json["satisfaction"]["distribution"][stars.to_string()], n);
    }
    let low = rated.iter().filter(|&&s| s <= 2).count();
    assert_eq!(
        json["tickets"]["reopened"], low,
        "a 1–2 star answer reopens"
    );
    for d in by_dept.keys() {
        let due = resolved.iter().filter(|p| dept(p.category) == *d).count();
        if due > 0 {
            assert_eq!(json["callbacks"]["by_department"][d]["due"], due, "{d}");
        }
    }

    // Complaint validity: judged when the complaint was resolved and not
    // reopened by its callback; key complaints listed.
    let judged: Vec<Validity> = november
        .iter()
        .filter(|p| {
            p.kind == Kind::Complaint && p.resolve_after.is_some() && p.stars.is_none_or(|s| s >= 3)
        })
        .filter_map(|p| p.validity)
        .collect();
    let valid = judged.iter().filter(|v| **v == Validity::Valid).count();
    assert_eq!(json["complaints"]["total"], complaints);
    assert_eq!(json["complaints"]["judged"], judged.len());
    assert_eq!(json["complaints"]["valid"], valid);
    close(
        num(&json["complaints"]["validity_rate"]),
        (!judged.is_empty()).then(|| valid as f64 / judged.len() as f64),
    );
    let mut reasons = BTreeMap::new();
    for v in &judged {
        *reasons.entry(reason_of(*v).to_owned()).or_insert(0) += 1;
    }
    assert_eq!(
        json["complaints"]["reasons"],
        serde_json::to_value(&reasons).unwrap()
    );
    let keys = november
        .iter()
        .filter(|p| p.key && p.resolve_after.is_some())
        .count();
    assert_eq!(json["complaints"]["key"].as_array().unwrap().len(), keys);

    // Hot spots as the desk follows them (all in building 3, 3 within 10
    // days): played in order, a ticket joins the open hot spot of its
    // category (its latest ticket within the days, or one unfinished), else
    // makes one with the loose tickets of the last 10 days when they are 3;
    // a hot spot closes when all its tickets are closed. The month's are
    // those with a November ticket.
    let all: Vec<&Plan> = october.iter().chain(&november).collect();
    let finished = |p: &Plan| p.resolve_after.is_some() && p.stars.is_some_and(|s| s >= 3);
    let unfinished = |p: &Plan| p.resolve_after.is_none() || p.stars.is_some_and(|s| s <= 2);
    struct Spot {
        category: Category,
        last: DateTime<Utc>,
        members: Vec<usize>,
        closed: bool,
    }
    let mut spots: Vec<Spot> = Vec::new();
    for (k, p) in all.iter().enumerate() {
        let since = p.created - Duration::days(10);
        let open = spots
            .iter_mut()
            .filter(|s| s.category == p.category && !s.closed)
            .filter(|s| s.last >= since || s.members.iter().any(|m| unfinished(all[*m])))
            .max_by_key(|s| s.last);
        match open {
            Some(spot) => {
                spot.members.push(k);
                spot.last = spot.last.max(p.created);
            }
            None => {
                let loose: Vec<usize> = (0..=k)
                    .filter(|i| all[*i].category == p.category && all[*i].created >= since)
                    .filter(|i| !spots.iter().any(|s| s.members.contains(i)))
                    .collect();
                if loose.len() >= 3 {
                    spots.push(Spot {
                        category: p.category,
                        last: p.created,
                        members: loose,
                        closed: false,
                    });
                }
            }
        }
        if finished(p)
            && let Some(spot) = spots.iter_mut().find(|s| s.members.contains(&k))
            && spot.members.iter().all(|m| finished(all[*m]))
        {
            spot.closed = true;
        }
    }
    let month_spots: Vec<&Spot> = spots
        .iter()
        .filter(|s| s.members.iter().any(|m| *m >= october.len()))
        .collect();
    assert!(!month_spots.is_empty(), "the plan makes hot spots");
    let got = json["hot_spots"].as_array().unwrap();
    assert_eq!(got.len(), month_spots.len(), "{got:?}");
    for (spot, json) in month_spots.iter().zip(got) {
        assert_eq!(json["category"], spot.category.as_str());
        assert_eq!(json["place"], "3");
        assert_eq!(
            json["tickets"].as_array().unwrap().len(),
            spot.members.len(),
            "{json}"
        );
        let open = spot.members.iter().filter(|m| unfinished(all[**m])).count();
        assert_eq!(json["open"], open, "{json}");
        assert_eq!(json["closed_at"].is_null(), !spot.closed, "{json}");
    }

    // Weeks and the previous month.
    let weekly: u64 = json["weekly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["created"].as_u64().unwrap())
        .sum();
    assert_eq!(weekly, 24);
    assert_eq!(json["previous"]["month"], "2026-10");
    assert_eq!(json["previous"]["previous"]["tickets_total"], 8);
    assert_eq!(json["previous"]["change"]["tickets_total"], 16.0);
    let oct_rated: Vec<u8> = october
        .iter()
        .filter(|p| p.resolve_after.is_some())
        .filter_map(|p| p.stars)
        .collect();
    let oct_avg = oct_rated.iter().map(|&s| f64::from(s)).sum::<f64>() / oct_rated.len() as f64;
    close(
        num(&json["previous"]["previous"]["satisfaction_average"]),
        Some(oct_avg),
    );

    // The workbook reads back with its sheets; the CSV has every table.
    let lang = residesk::domain::lang::Lang::En;
    let tables = residesk::report::tables::tables(&made, lang, app.settings.timezone);
    let book = residesk::sheet::xlsx_bytes(&tables).unwrap();
    let mut xlsx: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(book)).unwrap();
    use calamine::Reader;
    let names = xlsx.sheet_names();
    for sheet in [
        "Summary",
        "Kinds",
        "Categories",
        "Buildings",
        "Departments",
        "Sources",
        "Times",
        "Callbacks",
        "Staff",
        "Hot spots",
        "Key complaints",
        "Tickets",
    ] {
        assert!(names.iter().any(|n| n == sheet), "{sheet} in {names:?}");
    }
    let tickets = xlsx.worksheet_range("Tickets").unwrap();
    assert_eq!(tickets.height(), 25, "a header and the month's 24 tickets");
}

/// A limit that runs in office hours is judged in office hours: a normal
/// repair opened on Saturday at noon (an hour before the office closes for
/// the weekend) and accepted on Monday at 10:00 was answered in 2 office
/// hours of its 4, though 46 hours went by.
#[tokio::test]
async fn a_limit_in_office_hours_is_judged_in_office_hours() {
    let settings = Settings::default();
    let (app, unit, _dir) = estate(settings).await;
    let on_time = Plan {
        kind: Kind::Repair,
        category: Category::Plumbing,
        urgency: Urgency::Normal,
        source: Source::Telegram,
        created: hk(2026, 11, 28, 12),
        respond_after: Some(46 * 60),
        resolve_after: None,
        stars: None,
        validity: None,
        key: false,
    };
    // Opened on Monday at 10:00 and accepted at 15:00: 5 office hours, late.
    let late = Plan {
        created: hk(2026, 11, 30, 10),
        respond_after: Some(5 * 60),
        ..on_time.clone()
    };
    play(&app, unit, &on_time).await;
    play(&app, unit, &late).await;
    let month = Month::parse("2026-11").unwrap();
    let made = residesk::report::make(&app.db, &app.settings, month, hk(2026, 12, 20, 9))
        .await
        .unwrap();
    let json = serde_json::to_value(&made.report).unwrap();
    let response = &json["response"]["all"];
    assert_eq!(response["limit_applies"], 2, "{response}");
    assert_eq!(response["within_limit"], 1, "{response}");
}
