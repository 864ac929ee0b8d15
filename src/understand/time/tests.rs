//! Time rules, one sentence each. `now` is Friday 2026-11-27 10:00 in Hong Kong
//! unless a test says otherwise.

use chrono::{DateTime, TimeZone};
use chrono_tz::Tz;

use super::find;
use crate::understand::normalise::normalise;
use crate::understand::unit;

fn now() -> DateTime<Tz> {
    chrono_tz::Asia::Hong_Kong
        .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .unwrap()
}

fn start_at(text: &str, now: DateTime<Tz>) -> Option<String> {
    let norm = normalise(text);
    let rest = unit::find(&norm, text).rest;
    find(&rest, now).map(|f| f.when.start.format("%Y-%m-%d %H:%M:%S").to_string())
}

fn start(text: &str) -> Option<String> {
    start_at(text, now())
}

fn is(text: &str, want: &str) {
    assert_eq!(start(text).as_deref(), Some(want), "{text}");
}

#[test]
fn cantonese_day_words_are_days() {
    is("聽日", "2026-11-28 00:00:00");
    is("琴日", "2026-11-26 00:00:00");
    is("大後日", "2026-11-30 00:00:00");
    is("後天", "2026-11-29 00:00:00");
}

#[test]
fn a_part_of_the_day_covers_its_window() {
    is("聽日晏晝", "2026-11-28 12:00:00");
    is("明早", "2026-11-28 06:00:00");
    is("今晚", "2026-11-27 18:00:00");
    is("傍晚", "2026-11-27 17:00:00");
    is("tomorrow afternoon", "2026-11-28 12:00:00");
}

#[test]
fn next_week_weekdays_are_in_the_next_monday_to_sunday_week() {
    is("下週二上午", "2026-12-01 06:00:00");
    is("next Friday", "2026-12-04 00:00:00");
    is("下星期五", "2026-12-04 00:00:00");
}

#[test]
fn a_bare_weekday_is_today_only_if_that_part_is_still_ahead() {
    is("Friday afternoon", "2026-11-27 12:00:00");
    is("Friday morning at 9", "2026-12-04 09:00:00");
    is("週日上午", "2026-11-29 06:00:00");
    is("Monday 9am", "2026-11-30 09:00:00");
}

#[test]
fn this_week_weekdays_are_in_this_week() {
    is("這週六晚上", "2026-11-28 18:00:00");
    is("this Saturday 2pm", "2026-11-28 14:00:00");
}

#[test]
fn dates_in_chinese_and_numeric_forms() {
    is("12月3號下午兩點", "2026-12-03 14:00:00");
    is("15/12", "2026-12-15 00:00:00");
    is("12/15", "2026-12-15 00:00:00");
    is("2026-03-25", "2026-03-25 00:00:00");
    is("on 8 December", "2026-12-08 00:00:00");
    is("二零一五年三月三號", "2015-03-03 00:00:00");
}

#[test]
fn a_day_of_month_alone_is_this_month_or_next_if_past() {
    is("30号下午", "2026-11-30 12:00:00");
    is("26號", "2026-12-26 00:00:00");
    is("廿號", "2026-12-20 00:00:00");
}

#[test]
fn cantonese_minutes_count_in_fives() {
    is("聽日朝早10點一個字", "2026-11-28 10:05:00");
    is("三點踏三", "2026-11-27 15:15:00");
    is("三點搭半", "2026-11-27 15:30:00");
    is("三點三個字", "2026-11-27 15:15:00");
}

#[test]
fn a_bare_hour_from_one_to_six_is_the_afternoon() {
    is("聽日三點", "2026-11-28 15:00:00");
    is("3:30", "2026-11-27 15:30:00");
    is("十點半", "2026-11-27 10:30:00");
}

#[test]
fn clock_times_in_english() {
    is("3:15pm", "2026-11-27 15:15:00");
    is("at noon", "2026-11-27 12:00:00");
    is("midnight", "2026-11-28 00:00:00");
    is("a quarter past 3pm", "2026-11-27 15:15:00");
    is("8 tonight", "2026-11-27 20:00:00");
}

#[test]
fn relative_offsets_are_exact_points() {
    is("兩個鐘之後", "2026-11-27 12:00:00");
    is("in 2 hours", "2026-11-27 12:00:00");
    is("半小時後", "2026-11-27 10:30:00");
    is("三天後", "2026-11-30 10:00:00");
    is("7 days ago", "2026-11-20 10:00:00");
}

#[test]
fn a_range_starts_at_its_first_time() {
    is("下午2點到4點", "2026-11-27 14:00:00");
    is("3-4pm", "2026-11-27 15:00:00");
    is("8am - 1pm", "2026-11-27 08:00:00");
    is("13:20~次日05:40", "2026-11-27 13:20:00");
}

#[test]
fn past_times_are_times_too() {
    is("昨晚", "2026-11-26 18:00:00");
    is("last night", "2026-11-26 18:00:00");
    is("yesterday", "2026-11-26 00:00:00");
}

#[test]
fn habits_and_durations_are_not_a_time() {
    for text in [
        "每晚都好嘈",
        "樓上每天半夜拖椅子",
        "成日都係咁",
        "barks all day",
        "for two weeks now",
        "4 days now",
        "third time this month",
        "someone is breaking in right now",
        "由朝鑽到晚",
        "保安值夜班老是在睡觉",
        "good morning",
    ] {
        assert_eq!(start(text), None, "{text}");
    }
}

#[test]
fn whole_message_now_is_now() {
    is("而家", "2026-11-27 10:00:00");
    is("right now", "2026-11-27 10:00:00");
}

#[test]
fn a_weekday_with_one_character_for_the_part_of_day_has_that_part() {
    is("想book星期六晚會所個BBQ爐", "2026-11-28 18:00:00");
    is("週日早得唔得", "2026-11-29 06:00:00");
    is("星期六晚上", "2026-11-28 18:00:00");
}

#[test]
fn around_an_hour_with_a_day_word_is_that_clock() {
    is("Can someone come tonight around 8?", "2026-11-27 20:00:00");
    is("around 3 the lights went off", "2026-11-27 15:00:00");
    assert_eq!(start("we waited for about 5 mins"), None);
}

#[test]
fn in_some_minutes_is_that_minute_but_a_count_in_months_is_no_time() {
    is("can someone come in 10 mins", "2026-11-27 10:10:00");
    assert_eq!(start("the fourth time in three months"), None);
    assert_eq!(
        start("Got stuck for about 5 mins yesterday evening"),
        Some("2026-11-26 18:00:00".into())
    );
}

#[test]
fn a_deadline_is_not_a_time() {
    for text in [
        "30號之前整好就得",
        "信箱鎖壞咗，30號之前搞唔搞得掂？",
        "星期五之前整好",
        "please fix it before Friday",
        "by the 30th please",
    ] {
        assert_eq!(start(text), None, "{text}");
    }
    is("30號下午", "2026-11-30 12:00:00");
}

#[test]
fn next_week_with_no_day_is_the_whole_week() {
    let norm = normalise("聽說下週有消防演練？");
    let found = find(&unit::find(&norm, "").rest, now()).expect("a week");
    assert_eq!(found.when.start.to_rfc3339(), "2026-11-30T00:00:00+08:00");
    assert_eq!(found.when.end.to_rfc3339(), "2026-12-06T23:59:59+08:00");
    is("next week some time please", "2026-11-30 00:00:00");
    is("下週三下午", "2026-12-02 12:00:00");
}

#[test]
fn a_flat_after_at_is_not_midnight() {
    assert_eq!(start("the workers at 12A use the lift"), None);
    is("at 4:30p tomorrow", "2026-11-28 16:30:00");
}

#[test]
fn numbers_that_are_not_times_are_ignored() {
    for text in [
        "快一點",
        "有兩點建議",
        "Lift 3 in Block A",
        "around 15 ppl",
        "2 bedroom unit",
        "call 9123 4567",
    ] {
        assert_eq!(start(text), None, "{text}");
    }
}

#[test]
#[ignore]
fn debug_spec() {
    let text = std::env::var("TEXT").unwrap_or_default();
    let norm = normalise(&text);
    let rest = unit::find(&norm, &text).rest;
    let mut work = super::Work {
        text: rest.clone(),
        spec: super::Spec::default(),
        now_year: 2026,
    };
    super::zh::days(&mut work);
    println!("{rest:?} -> {:?} / {:?}", work.text, work.spec);
}

#[test]
fn when_a_fault_began_is_a_duration_not_a_time() {
    for text in [
        "從琴日開始冇熱水",
        "由今朝起成座冇電",
        "no hot water since this morning",
        "the alarm has been ringing since 6am",
        "自从上个礼拜开始就漏水",
    ] {
        assert_eq!(start(text), None, "{text}");
    }
}

#[test]
fn a_weekend_named_as_a_habit_or_a_part_of_the_day_asked_about_is_not_a_time() {
    for text in ["週末都照鑽", "假日也不停", "可以做到夜晚幾點？"] {
        assert_eq!(start(text), None, "{text}");
    }
}

#[test]
fn this_morning_afternoon_and_evening_are_today() {
    is("could someone come this afternoon", "2026-11-27 12:00:00");
    is(
        "anyone free this evening? it trips every time",
        "2026-11-27 18:00:00",
    );
    is("it stopped this morning", "2026-11-27 06:00:00");
}

#[test]
fn the_day_of_sunday_before_evening_is_not_day_and_night() {
    is("星期日夜晚", "2026-11-29 18:00:00");
}

#[test]
fn a_dark_night_is_the_topic_of_a_complaint_not_a_time() {
    for text in [
        "楼道的灯坏了，晚上黑漆漆的",
        "走廊夜晚黑蚊蚊",
        "车库晚上根本没法待",
    ] {
        assert_eq!(start(text), None, "{text}");
    }
    is("晚上七点来修灯", "2026-11-27 19:00:00");
}

#[test]
fn the_end_of_a_habit_is_not_a_time() {
    assert_eq!(
        start("every Monday the bins overflow and stay full until Wednesday"),
        None
    );
    is(
        "the tap is leaking, can someone come Thursday?",
        "2026-12-03 00:00:00",
    );
}
