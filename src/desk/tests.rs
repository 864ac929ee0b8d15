//! The desk's rules on a real (temporary) database: who may work a ticket,
//! what a contact look shows, and reassignment that must not act twice.

use chrono::Utc;

use super::notes::{self, Contact};
use super::{Doer, NewRequest, Refusal, Source};
use crate::app::App;
use crate::config::Settings;
use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::role::Role;
use crate::domain::ticket::Status;
use crate::store::tickets::TicketRow;
use crate::store::{self, Db};

const AMY: i64 = 1;
const CHAN: i64 = 2;
const HO: i64 = 3;
const WONG: i64 = 4;
const LEE: i64 = 5;

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

/// Amy of 3-1502 (phone 91234567, also in the register with her husband's
/// 98765432), engineers Chan and Ho, Wong of customer service, supervisor Lee,
/// and a plumbing ticket of Amy's, which goes to Chan.
async fn estate() -> (std::sync::Arc<App>, TicketRow, tempfile::TempDir) {
    let (db, dir) = store::testing::db().await;
    let csv = "building,flat,name,phone\n3,1502,Amy Chan,91234567\n3,1502,Tom Chan,98765432\n";
    crate::admin::import_units(&db, csv.as_bytes())
        .await
        .unwrap();
    person(&db, AMY, "Amy", Role::Resident, None).await;
    person(&db, CHAN, "Chan", Role::Staff, Some("engineering")).await;
    person(&db, HO, "Ho", Role::Staff, Some("engineering")).await;
    person(&db, WONG, "Wong", Role::Staff, Some("customer_service")).await;
    person(&db, LEE, "Lee", Role::Supervisor, None).await;
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::users::set_phone(&mut tx, AMY, "91234567")
        .await
        .unwrap();
    store::units::bind(&mut tx, AMY, unit.id, "phone", Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let app = App::new(db, Settings::default());
    let request = NewRequest {
        kind: Kind::Repair,
        category: Category::Plumbing,
        urgency: Urgency::Normal,
        unit_id: Some(unit.id),
        resident_id: Some(AMY),
        source: Source::Telegram,
        logged_by: None,
        description: "tap leaking".to_owned(),
        when: None,
        photos: Vec::new(),
    };
    let mut tx = app.db.begin().await.unwrap();
    let opened = super::open_ticket(&mut tx, &app, request, Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(opened.ticket.assignee_id, Some(CHAN));
    (app, opened.ticket, dir)
}

fn plumbing(like: &TicketRow) -> NewRequest {
    NewRequest {
        kind: Kind::Repair,
        category: Category::Plumbing,
        urgency: Urgency::Normal,
        unit_id: like.unit_id,
        resident_id: like.resident_id,
        source: Source::Telegram,
        logged_by: None,
        description: like.description.clone(),
        when: None,
        photos: Vec::new(),
    }
}

fn doer(user_id: i64, role: Role) -> Doer {
    Doer {
        user_id,
        role: Some(role),
    }
}

async fn steps(app: &App, ticket: &TicketRow) -> Vec<String> {
    store::tickets::history(app.db.pool(), ticket.id)
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.action)
        .collect()
}

#[tokio::test]
async fn only_the_assignee_or_a_supervisor_may_add_notes_and_photos() {
    let (app, ticket, _dir) = estate().await;
    let now = Utc::now();
    let mut tx = app.db.begin().await.unwrap();
    for (who, role) in [
        (HO, Role::Staff),
        (WONG, Role::Staff),
        (AMY, Role::Resident),
    ] {
        let refused = notes::add_note(&mut tx, ticket.id, doer(who, role), "x", now)
            .await
            .unwrap();
        assert_eq!(refused.unwrap_err(), Refusal::NotYours, "{who}");
        let refused = notes::add_photo(&mut tx, ticket.id, doer(who, role), "f", None, now)
            .await
            .unwrap();
        assert_eq!(refused.unwrap_err(), Refusal::NotYours, "{who}");
    }
    notes::add_note(
        &mut tx,
        ticket.id,
        doer(CHAN, Role::Staff),
        "needs a washer",
        now,
    )
    .await
    .unwrap()
    .unwrap();
    notes::add_photo(
        &mut tx,
        ticket.id,
        doer(LEE, Role::Supervisor),
        "file-1",
        Some("before"),
        now,
    )
    .await
    .unwrap()
    .unwrap();
    let missing = notes::add_note(&mut tx, 999, doer(LEE, Role::Supervisor), "x", now)
        .await
        .unwrap();
    assert_eq!(missing.unwrap_err(), Refusal::NotFound);
    assert_eq!(
        store::tickets::photos(&mut tx, ticket.id).await.unwrap(),
        ["file-1"]
    );
    tx.commit().await.unwrap();
    assert_eq!(
        steps(&app, &ticket).await,
        ["created", "assigned", "note", "photo"]
    );
}

#[tokio::test]
async fn the_contact_shows_the_resident_then_the_register_once_each_and_is_audited() {
    let (app, ticket, _dir) = estate().await;
    let now = Utc::now();
    let mut tx = app.db.begin().await.unwrap();
    let refused = notes::contact(&mut tx, ticket.id, doer(WONG, Role::Staff), now)
        .await
        .unwrap();
    assert_eq!(refused.unwrap_err(), Refusal::NotYours);
    let contact = notes::contact(&mut tx, ticket.id, doer(CHAN, Role::Staff), now)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        contact,
        Contact {
            ticket: ticket.number.clone(),
            unit: Some("3-1502".to_owned()),
            people: vec![
                ("Amy".to_owned(), "91234567".to_owned()),
                ("Tom Chan".to_owned(), "98765432".to_owned()),
            ],
        }
    );
    let looks = store::audit::actions_on(app.db.pool(), &format!("ticket:{}", ticket.id))
        .await
        .unwrap();
    assert_eq!(looks, [(Some(CHAN), "ticket.contact_viewed".to_owned())]);
}

#[tokio::test]
async fn only_a_supervisor_reassigns_and_a_repeated_choice_changes_nothing() {
    let (app, ticket, _dir) = estate().await;
    let now = Utc::now();
    let mut tx = app.db.begin().await.unwrap();
    // A staff member's id where a supervisor's should be (forged or mistaken).
    let refused = super::assign::reassign(&mut tx, &app, ticket.id, WONG, HO, now)
        .await
        .unwrap();
    assert_eq!(refused.unwrap_err(), Refusal::NotYours);
    let refused = super::assign::reassign(&mut tx, &app, ticket.id, LEE, AMY, now)
        .await
        .unwrap();
    assert_eq!(refused.unwrap_err(), Refusal::NobodyAvailable);
    let moved = super::assign::reassign(&mut tx, &app, ticket.id, LEE, HO, now)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(moved.assignee_id, Some(HO));
    let again = super::assign::reassign(&mut tx, &app, ticket.id, LEE, HO, now)
        .await
        .unwrap();
    assert!(matches!(again, Err(Refusal::NotNow(_))), "{again:?}");
    tx.commit().await.unwrap();
    assert_eq!(
        steps(&app, &ticket).await,
        ["created", "assigned", "reassigned"]
    );
}

#[tokio::test]
async fn a_supervisor_declining_for_the_assignee_passes_it_to_someone_else() {
    let (app, ticket, _dir) = estate().await;
    let now = Utc::now();
    // Ho is busier than Chan, so only excluding Chan sends it to Ho.
    store::users::set_on_duty(app.db.pool(), CHAN, false)
        .await
        .unwrap();
    for _ in 0..2 {
        let mut tx = app.db.begin().await.unwrap();
        let request = NewRequest {
            resident_id: None,
            description: "drain blocked".to_owned(),
            ..plumbing(&ticket)
        };
        let opened = super::open_ticket(&mut tx, &app, request, now)
            .await
            .unwrap();
        assert_eq!(opened.ticket.assignee_id, Some(HO));
        tx.commit().await.unwrap();
    }
    store::users::set_on_duty(app.db.pool(), CHAN, true)
        .await
        .unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let declined = super::act(
        &mut tx,
        &app,
        ticket.id,
        doer(LEE, Role::Supervisor),
        crate::domain::ticket::Action::Decline,
        Some("Chan is on leave"),
        now,
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(declined.assignee_id, Some(HO));
    assert_eq!(declined.status, Status::Assigned);
}
