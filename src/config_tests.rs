//! The settings' tests: defaults, overrides, refusals, and the example
//! file against the defaults.

use super::*;

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn no_file_and_no_environment_gives_the_defaults() {
    let s = Settings::from_parts(toml::Table::new(), env(&[])).unwrap();
    assert_eq!(s.database, PathBuf::from("residesk.db"));
    assert_eq!(s.timezone, chrono_tz::Asia::Hong_Kong);
    assert_eq!(s.sending.global_per_second, 30);
    assert_eq!(s.department_for(Category::Plumbing), "engineering");
    assert_eq!(s.department_for(Category::Other), "customer_service");
}

#[test]
fn the_environment_overrides_the_file() {
    let file: toml::Table = "database = \"a.db\"\n[sending]\nper_chat_interval = \"2s\"\n"
        .parse()
        .unwrap();
    let s = Settings::from_parts(
        file,
        env(&[
            ("RESIDESK_SENDING__PER_CHAT_INTERVAL", "50ms"),
            ("RESIDESK_SENDING__GLOBAL_PER_SECOND", "5"),
            ("TELOXIDE_API_URL", "http://127.0.0.1:9/"),
            ("PATH", "/bin"),
        ]),
    )
    .unwrap();
    assert_eq!(s.database, PathBuf::from("a.db"));
    assert_eq!(s.sending.per_chat_interval, Duration::from_millis(50));
    assert_eq!(s.sending.global_per_second, 5);
    assert_eq!(s.telegram.api_url.unwrap().as_str(), "http://127.0.0.1:9/");
}

#[test]
fn a_bad_value_names_its_key() {
    let err = Settings::from_parts(
        toml::Table::new(),
        env(&[("RESIDESK_SCHEDULER__TICK", "soon")]),
    )
    .unwrap_err();
    assert!(err.to_string().contains("scheduler.tick"), "{err}");
    let err =
        Settings::from_parts("timezone = \"Mars/Olympus\"".parse().unwrap(), env(&[])).unwrap_err();
    assert!(err.to_string().contains("timezone"), "{err}");
}

#[test]
fn an_unknown_key_is_refused_with_its_name() {
    let err = Settings::from_parts("[sending]\nspeed = 3".parse().unwrap(), env(&[])).unwrap_err();
    assert!(err.to_string().contains("sending"), "{err}");
}

#[test]
fn compose_wait_is_no_longer_a_setting_and_a_file_naming_it_is_refused() {
    // The card shows after each message; nothing waits for more.
    let file = "[tickets]\ncompose_wait = \"2s\"".parse().unwrap();
    let err = Settings::from_parts(file, env(&[])).unwrap_err();
    assert!(err.to_string().contains("compose_wait"), "{err}");
}

#[test]
fn a_visit_has_no_slots_on_a_public_holiday_but_a_facility_does() {
    let s = Settings::default();
    let christmas = chrono::NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
    let eve = chrono::NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
    let visit = s.bookable("home_visit").unwrap();
    assert!(visit.slots_on(s.timezone, christmas).is_empty());
    assert!(!visit.slots_on(s.timezone, eve).is_empty());
    let room = s.bookable("party_room").unwrap();
    assert!(!room.slots_on(s.timezone, christmas).is_empty());
    assert!(s.bookable("tennis_court").is_none());
}

#[test]
fn a_bookable_for_an_unknown_department_is_refused() {
    let file = "[bookables.gym]\nsort = \"facility\"\ndepartment = \"sports\"\nduration = \"1h\"\ncapacity = 2\nahead = \"7days\"\nlate = \"1h\"\ncancel_cutoff = \"2h\"\n[bookables.gym.week]\nmon = \"07:00-22:00\"\n";
    let err = Settings::from_parts(file.parse().unwrap(), env(&[])).unwrap_err();
    assert!(
        err.to_string().contains("bookables.gym.department"),
        "{err}"
    );
}

#[test]
fn routing_to_an_unknown_department_is_refused() {
    let err = Settings::from_parts("[routing]\nlift = \"plumbers\"".parse().unwrap(), env(&[]))
        .unwrap_err();
    assert!(err.to_string().contains("routing.lift"), "{err}");
}

#[test]
fn a_validity_reason_that_is_no_key_or_twice_is_refused_with_its_name() {
    for file in [
        "[complaints]\nvalidity_reasons = [\"Bad Reason\"]",
        "[complaints]\nvalidity_reasons = [\"late\", \"late\"]",
        "[complaints]\nvalidity_reasons = []",
    ] {
        let err = Settings::from_parts(file.parse().unwrap(), env(&[])).unwrap_err();
        assert!(
            err.to_string().contains("complaints.validity_reasons"),
            "{err}"
        );
    }
}

mod example_file {
    use super::super::*;

    #[test]
    fn the_example_file_reads_and_matches_the_defaults() {
        let text = include_str!("../residesk.example.toml");
        let s = Settings::from_parts(text.parse().unwrap(), Vec::new()).unwrap();
        let d = Settings::default();
        assert_eq!(s.database, d.database);
        assert_eq!(s.sending.per_chat_interval, d.sending.per_chat_interval);
        assert_eq!(
            s.sending.allow_paid_broadcast,
            d.sending.allow_paid_broadcast
        );
        assert_eq!(s.tickets.callback_delay, d.tickets.callback_delay);
        assert_eq!(s.tickets.draft_expiry, d.tickets.draft_expiry);
        assert_eq!(s.onboarding.invite_ttl, d.onboarding.invite_ttl);
        assert_eq!(s.inbox.max_attempts, d.inbox.max_attempts);
        assert_eq!(s.inbox.retry_initial, d.inbox.retry_initial);
        assert_eq!(s.inbox.retention, d.inbox.retention);
        assert_eq!(s.routing, d.routing);
        assert_eq!(s.emergency.fire, d.emergency.fire);
        assert_eq!(s.emergency.police, d.emergency.police);
        assert_eq!(s.emergency.ambulance, d.emergency.ambulance);
        assert_eq!(s.departments, d.departments);
        assert_eq!(s.reports.monthly_day, d.reports.monthly_day);
        assert_eq!(s.reports.monthly_hour, d.reports.monthly_hour);
        assert_eq!(s.reports.hot_spot_count, d.reports.hot_spot_count);
        assert_eq!(s.reports.hot_spot_days, d.reports.hot_spot_days);
        assert_eq!(s.reports.hot_spots, d.reports.hot_spots);
        assert_eq!(s.reports.key_reminder_hour, d.reports.key_reminder_hour);
        assert_eq!(s.reports.daily_digest, d.reports.daily_digest);
        assert_eq!(s.reports.daily_digest_hour, d.reports.daily_digest_hour);
        assert_eq!(
            s.reports.repeat_complainer_count,
            d.reports.repeat_complainer_count
        );
        assert_eq!(
            s.reports.repeat_complainer_days,
            d.reports.repeat_complainer_days
        );
        for (u, sla) in &d.sla {
            assert_eq!(s.sla[u].respond, sla.respond);
            assert_eq!(s.sla[u].resolve, sla.resolve);
            assert_eq!(s.sla[u].clock, sla.clock);
        }
        assert_eq!(s.office_hours.week, d.office_hours.week);
        assert_eq!(s.bookables, d.bookables);
        assert_eq!(s.office_hours.holidays, d.office_hours.holidays);
        assert_eq!(s.duty.shifts, d.duty.shifts);
        assert_eq!(s.complaints.validity_reasons, d.complaints.validity_reasons);
    }
}
