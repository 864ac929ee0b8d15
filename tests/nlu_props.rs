//! Property tests: understanding never panics, whatever the input.

use chrono::TimeZone;
use proptest::prelude::*;
use residesk::understand::{extract_unit, extract_when, understand};

fn now() -> chrono::DateTime<chrono_tz::Tz> {
    chrono_tz::Asia::Hong_Kong
        .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics_on_arbitrary_unicode(text in "\\PC{0,200}") {
        let u = understand(&text, now());
        prop_assert!((0.0..=1.0).contains(&u.confidence));
        let _ = extract_unit(&text);
        let _ = extract_when(&text, now());
    }

    #[test]
    fn parse_never_panics_on_time_and_unit_like_text(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("3座"), Just("1502室"), Just("十三"), Just("點"), Just("半"), Just("下午"), Just("聽日"),
                Just("12/"), Just("/15"), Just("-"), Just("~"), Just(":"), Just("pm"), Just("at "), Just("in "),
                Just("hours"), Just("ago"), Just("Block "), Just("Flat "), Just("/F"), Just("號"), Just("月"),
                Just("廿"), Just("週"), Just("next "), Just("99"), Just("0"), Just("24:60"), Just("31/2/2026"),
                Just("2026-02-30"), Just("每"), Just("後"), Just("前"), Just("个字"), Just("踏"), Just("🙏"),
            ],
            0..24,
        ),
        hour in 0u32..30,
    ) {
        let text = format!("{}{hour}", parts.concat());
        let _ = understand(&text, now());
    }

    #[test]
    fn any_moment_as_now_is_fine(secs in -5_000_000_000i64..5_000_000_000i64, text in "(明天|下週五|3pm|in 2 hours|26號|昨晚|2/15)") {
        let t = chrono::DateTime::from_timestamp(secs, 0).unwrap().with_timezone(&chrono_tz::Asia::Hong_Kong);
        let _ = understand(&text, t);
    }
}

#[test]
fn parse_never_panics_on_empty_or_very_long_input() {
    let _ = understand("", now());
    let long: String = "樓上漏水 3座1502室 聽日下午三點 water leak in Block 2 ".repeat(3_000);
    assert!(long.chars().count() >= 100_000);
    let u = understand(&long, now());
    assert!(u.unit.is_some());
    let noise: String = (0..100_000u32)
        .map(|i| char::from_u32(0x4e00 + (i * 7919) % 0x5000).unwrap_or('x'))
        .collect();
    let _ = understand(&noise, now());
}
