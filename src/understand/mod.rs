//! Understanding a resident's message: text → kind, category, urgency, unit, time.
//!
//! Pure: no I/O. This is the only place that parses message text. Steps:
//! normalise (NFKC, Simplified, Cantonese rewritten, lower case), find and
//! blank the unit (so "1502" is never a time), classify with the lexicon in
//! `prompts/lexicon.toml`, let the learned model (`model`) choose kind and
//! category where no emergency, calm, staff or small-talk rule decided, then
//! read the time relative to `now` in the estate's zone.

mod classify;
pub mod cli;
mod lexicon;
pub mod model;
mod normalise;
mod numerals;
mod phrases;
mod place;
mod smalltalk;
mod time;
mod unit;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::Serialize;

pub use crate::domain::request::{Category, Kind, Urgency};
pub use crate::domain::unit::UnitRef;
pub use lexicon::{Lexicon, LexiconError};
pub use smalltalk::SmallTalk;

/// An interval of time the resident named, in the estate's offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct When {
    /// The earliest moment meant.
    pub start: DateTime<FixedOffset>,
    /// The last moment meant.
    pub end: DateTime<FixedOffset>,
}

/// What a message means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Understanding {
    pub kind: Kind,
    pub category: Category,
    pub urgency: Urgency,
    /// The building and flat named, if any.
    pub unit: Option<UnitRef>,
    /// The time named, if any.
    pub when: Option<When>,
    /// How sure the kind and category are (0..1); the bot asks when it is low.
    pub confidence: f32,
    /// How sure the kind alone is (0..1): where only the category is in
    /// doubt the bot asks the category, not what the resident wants done.
    pub kind_confidence: f32,
    /// The shared area named (`lobby`, `car_park` …), if any: the place of
    /// a fault outside anyone's flat.
    pub area: Option<&'static str>,
    /// The message is only a greeting, thanks or an "ok": nothing to act on.
    pub small_talk: Option<SmallTalk>,
}

#[cfg(test)]
impl Understanding {
    /// A message understood as these labels, with one confidence for the
    /// kind and the category and nothing else named: what tests of the
    /// steps after understanding start from.
    pub(crate) fn labelled(
        kind: Kind,
        category: Category,
        urgency: Urgency,
        confidence: f32,
    ) -> Self {
        Understanding {
            kind,
            category,
            urgency,
            unit: None,
            when: None,
            confidence,
            kind_confidence: confidence,
            area: None,
            small_talk: None,
        }
    }
}

/// What decides kind and category: the rules alone, or a model trained
/// over their evidence (`understand` uses the embedded model; the rules
/// alone are there to measure one against the other).
#[derive(Debug, Clone, Copy)]
pub enum Reader<'a> {
    Rules,
    Model(&'a model::Model),
}

/// Understands one message sent at `now` (its zone is the estate's zone).
pub fn understand(text: &str, now: DateTime<Tz>) -> Understanding {
    understand_with(text, now, Reader::Model(model::get()))
}

/// The model's features of a message, as [`understand_with`] computes them.
fn features_of(text: &str) -> model::Features {
    let norm = normalise::normalise(text);
    let found = unit::find(&norm, text);
    let reading = classify::read(&found.rest);
    model::features(&found.rest, &evidence(&reading))
}

fn evidence(reading: &classify::Reading) -> model::Evidence<'_> {
    model::Evidence {
        scan: &reading.scan,
        rule_kind: reading.labels.kind,
        rule_category: reading.labels.category,
        rule_urgency: reading.labels.urgency,
    }
}

/// Understands one message with a chosen reader of kind and category. An
/// emergency or calm rule and a staff-conduct rule decide whatever the
/// reader: the model chooses kind and category only otherwise, and the
/// urgency follows its kind as it follows the rules'.
pub fn understand_with(text: &str, now: DateTime<Tz>, reader: Reader<'_>) -> Understanding {
    let norm = normalise::normalise(text);
    let found = unit::find(&norm, text);
    let reading = classify::read(&found.rest);
    let small_talk = smalltalk::find(&norm);
    let labels = match reader {
        Reader::Rules => reading.labels,
        // Small talk (a greeting, bare thanks, an "ok", 👍) is `unknown`
        // (TAXONOMY), whatever praise the rules read in a bare "唔該晒";
        // an emergency or calm rule still decides.
        Reader::Model(_) if small_talk.is_some() => classify::small_talk(&reading),
        Reader::Model(m) => {
            let g = m.guess(&model::features(&found.rest, &evidence(&reading)));
            classify::relabel(&reading, g)
        }
    };
    let when = time::find(&found.rest, now).and_then(|t| {
        // "晚上好吵" in a complaint is a habit, not an appointment; so is a
        // clock next to "日日" or "every day" unless a day is named too. In
        // thanks, a part of the day alone ("半夜还来帮我们") is the story told.
        // A bare weekday in a question about the rules ("星期日得唔得開
        // 工？") is any such day; "in 10 mins" in thanks is how long it took.
        let habitual = (t.part_only && matches!(labels.kind, Kind::Complaint | Kind::Praise))
            || (t.habit_without_day && labels.kind != Kind::Booking)
            || (t.weekday_only && labels.kind == Kind::Inquiry && asks_leave(&norm))
            || (t.offset_only && labels.kind == Kind::Praise);
        (!habitual).then_some(t.when)
    });
    Understanding {
        kind: labels.kind,
        category: labels.category,
        urgency: labels.urgency,
        unit: found.unit,
        when,
        confidence: labels.confidence,
        kind_confidence: labels.kind_confidence,
        area: place::find(&found.rest),
        small_talk,
    }
}

/// Words that ask whether something is allowed: a weekday next to them is
/// any such day ("星期日得唔得開工？", "週六可以施工嗎？").
const LEAVE: &[&str] = &[
    "可以",
    "可不可以",
    "得不得",
    "做不做得",
    "行不行",
    "准不准",
    "能否",
    "能不能",
    "allowed",
    "can we",
    "can i",
    "may we",
    "may i",
    "permitted",
    "ok to",
];

fn asks_leave(norm: &str) -> bool {
    LEAVE.iter().any(|w| norm.contains(w))
}

/// Every shared-area key the lexicon knows (`lobby`, `car_park` …).
pub fn area_keys() -> Vec<&'static str> {
    place::keys()
}

/// The unit in a message, e.g. when a resident types just "3座1502" or "3-1502".
pub fn extract_unit(text: &str) -> Option<UnitRef> {
    unit::find(&normalise::normalise(text), text).unit
}

/// The time in a message sent at `now`, e.g. the answer to "when can we come?".
pub fn extract_when(text: &str, now: DateTime<Tz>) -> Option<When> {
    let norm = normalise::normalise(text);
    let found = unit::find(&norm, text);
    time::find(&found.rest, now).map(|t| t.when)
}

/// The normalised form of a message (for logs and debugging the lexicon).
pub fn normalised(text: &str) -> String {
    normalise::normalise(text)
}

/// Reads the embedded lexicon (`prompts/lexicon.toml`) strictly: an error
/// names the file and what is wrong with it. Start-up calls it, so a broken
/// lexicon stops the bot instead of leaving it to understand nothing.
pub fn check_lexicon() -> Result<(), String> {
    check_lexicon_source(lexicon::SOURCE)?;
    warm_up();
    Ok(())
}

/// Builds the matchers now (they are built on first use, which took tens of
/// milliseconds from the first residents' replies after a start).
fn warm_up() {
    let now = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Hong_Kong);
    for text in [
        "3座1502 廚房漏水，聽日下晝三點得閒",
        "3栋1502 厨房漏水，明天下午三点有空",
        "Block 3 flat 1502, kitchen leak, tomorrow 3pm",
    ] {
        let _ = understand(text, now);
        let _ = faq_topic(text);
    }
}

fn check_lexicon_source(source: &str) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("prompts/lexicon.toml cannot be used: {e}");
    lexicon::Lexicon::parse(source).map_err(|e| fail(&e))?;
    phrases::parse_sections(source).map_err(|e| fail(&e))?;
    Ok(())
}

/// The frequently asked question a message asks, if any: the `name` of the
/// first `[[faq]]` rule of the lexicon that fires (`fees`, `office_hours`,
/// `renovation`, `parking` …). Only questions ask one: the caller checks that
/// the message is an inquiry.
pub fn faq_topic(text: &str) -> Option<&'static str> {
    let lex = lexicon::get();
    let scan = lex.scan(&normalise::normalise(text));
    lex.faq
        .iter()
        .find(|rule| rule.fires(&scan.rule_hits))
        .map(|rule| rule.name.as_str())
}

/// The lexicon's urgency rules that fire on a message, as "calm: NAME",
/// "emergency: NAME" and "high: NAME" (for whoever extends the lexicon: why
/// a message was or was not raised).
pub fn urgency_rules(text: &str) -> Vec<String> {
    let lex = lexicon::get();
    let norm = normalise::normalise(text);
    let found = unit::find(&norm, text);
    let scan = lex.scan(&found.rest);
    let calm = lex.calm.iter().filter(|r| r.fires(&scan.plain_hits));
    let calm = calm.map(|r| format!("calm: {}", r.name));
    let sets = [("emergency", &lex.emergency), ("high", &lex.high)];
    let raised = sets.into_iter().flat_map(|(what, rules)| {
        rules
            .iter()
            .filter(|r| r.fires(&scan.rule_hits))
            .map(move |r| format!("{what}: {}", r.name))
    });
    calm.chain(raised).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_embedded_lexicon_passes_the_start_up_check() {
        assert_eq!(check_lexicon(), Ok(()));
    }

    #[test]
    fn small_talk_is_unknown_even_bare_thanks() {
        for text in ["唔該晒", "多謝晒！", "谢谢", "thanks!", "👍", "hi", "ok"] {
            let u = understand(text, now());
            assert!(u.small_talk.is_some(), "{text}");
            assert_eq!(
                (u.kind, u.category, u.urgency),
                (Kind::Unknown, Category::Other, Urgency::Low),
                "{text}"
            );
        }
        // Thanks that name someone is praise.
        assert_eq!(understand("多謝保安陳生", now()).kind, Kind::Praise);
    }

    #[test]
    fn a_lexicon_that_does_not_parse_fails_the_check_naming_the_file() {
        for broken in ["[rewrite\n", "[[place]]\nname = 3\n"] {
            let error = check_lexicon_source(broken).expect_err(broken);
            assert!(error.starts_with("prompts/lexicon.toml"), "{error}");
        }
    }

    fn now() -> DateTime<Tz> {
        chrono_tz::Asia::Hong_Kong
            .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_unit_number_is_never_read_as_a_time() {
        let u = understand("3座1502室廚房水喉爆咗", now());
        assert_eq!(u.unit, Some(UnitRef::flat("3", "1502")));
        assert_eq!(u.when, None);
    }

    #[test]
    fn a_repair_with_a_time_keeps_both() {
        let u = understand("B座12樓A室，浴室天花一直滴水。聽日晏晝我喺屋企", now());
        assert_eq!(u.kind, Kind::Repair);
        assert_eq!(
            u.when.map(|w| w.start.to_rfc3339()),
            Some("2026-11-28T12:00:00+08:00".to_owned())
        );
    }

    #[test]
    fn a_habitual_part_of_day_in_a_complaint_is_not_a_time() {
        assert_eq!(understand("樓上晚上好嘈", now()).when, None);
    }

    #[test]
    fn a_part_of_day_alone_in_thanks_is_not_a_time() {
        assert_eq!(understand("多謝陳師傅夜晚都上嚟幫我哋整", now()).when, None);
        assert!(understand("多謝陳師傅琴晚上嚟幫手", now()).when.is_some());
    }

    #[test]
    fn a_clock_next_to_a_daily_habit_is_not_a_time_unless_a_day_is_named() {
        assert_eq!(understand("樓上單位日日晚上12點後仲剁嘢", now()).when, None);
        assert_eq!(
            understand("Construction noise starts at 7am every day", now()).when,
            None
        );
        let named = understand("水龍頭每晚都滴水，聽日下晝得唔得？", now());
        assert_eq!(
            named.when.map(|w| w.start.to_rfc3339()),
            Some("2026-11-28T12:00:00+08:00".to_owned())
        );
    }

    #[test]
    fn a_part_of_the_day_as_a_topic_is_not_a_time() {
        assert_eq!(
            understand("樓梯間的燈壞掉了，晚上很暗很危險", now()).when,
            None
        );
        assert!(understand("燈壞了，晚上八點後在家", now()).when.is_some());
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        for text in ["", " ", "\u{0}", "🙏🙏", "////", "3-", "座", "12:", "在"] {
            let _ = understand(text, now());
        }
    }

    #[test]
    fn violence_in_progress_is_an_emergency_but_a_quarrel_is_not() {
        for text in [
            "停車場有人打交，仲有人拎刀",
            "someone is being attacked with a knife in block 5",
            "楼下有人打架，快来",
        ] {
            let u = understand(text, now());
            assert_eq!(
                (u.urgency, u.category),
                (Urgency::Emergency, Category::Security),
                "{text}"
            );
        }
        for text in [
            "樓上兩公婆成日嗌交",
            "the kids had a water fight on the podium",
        ] {
            assert_ne!(
                understand(text, now()).urgency,
                Urgency::Emergency,
                "{text}"
            );
        }
    }

    #[test]
    fn a_lift_moving_with_open_doors_is_an_emergency_but_a_slow_door_is_not() {
        for text in [
            "3座升降機門開住就郁，夾親人",
            "the elevator started going up with the doors open",
        ] {
            let u = understand(text, now());
            assert_eq!(
                (u.urgency, u.category),
                (Urgency::Emergency, Category::Lift),
                "{text}"
            );
        }
        assert_ne!(
            understand("the lift door opens slowly", now()).urgency,
            Urgency::Emergency
        );
    }

    #[test]
    fn thanks_with_always_is_praise_but_always_with_a_fault_is_a_complaint() {
        let u = understand("thanks to the cleaner on our floor, always so tidy", now());
        assert_eq!((u.kind, u.category), (Kind::Praise, Category::Staff));
        let u = understand(
            "the corridor light is always flickering and still not fixed",
            now(),
        );
        assert_eq!(u.kind, Kind::Complaint);
    }

    #[test]
    fn common_questions_name_their_topic_in_every_script() {
        let cases = [
            ("管理費點交？", Some("fees")),
            ("请问物业费怎么缴纳", Some("fees")),
            ("How do I pay the management fee?", Some("fees")),
            ("管理處幾點開門？", Some("office_hours")),
            ("物业服务中心几点下班", Some("office_hours")),
            ("What are the office hours?", Some("office_hours")),
            ("裝修可以做到幾點？要申請嗎", Some("renovation")),
            ("装修需要办什么手续", Some("renovation")),
            (
                "Do I need a permit to renovate my flat?",
                Some("renovation"),
            ),
            ("訪客泊車點收費？", Some("parking")),
            ("访客停车怎么收费", Some("parking")),
            ("How much is visitor parking?", Some("parking")),
            ("廚房水喉漏水", None),
            ("樓上好嘈", None),
        ];
        for (text, topic) in cases {
            assert_eq!(faq_topic(text), topic, "{text}");
        }
    }

    #[test]
    fn a_bare_fire_is_an_emergency_but_no_flame_or_kerosene_is_not() {
        for text in ["3座走廊有火，好大煙！", "3座走廊有火！"] {
            let u = understand(text, now());
            assert_eq!(
                (u.urgency, u.category, u.unit),
                (
                    Urgency::Emergency,
                    Category::Security,
                    Some(UnitRef::building("3"))
                ),
                "{text}"
            );
        }
        for text in ["爐頭冇火，冇味", "有火水味"] {
            assert_ne!(
                understand(text, now()).urgency,
                Urgency::Emergency,
                "{text}"
            );
        }
    }

    #[test]
    fn a_weekday_in_a_question_about_the_rules_is_any_such_day() {
        assert_eq!(
            understand("裝修可以做到幾點？星期日得唔得開工？", now()).when,
            None
        );
        assert_eq!(understand("請問週六可以施工嗎？", now()).when, None);
        assert!(understand("想約星期六下午驗收", now()).when.is_some());
    }

    #[test]
    fn minutes_in_thanks_are_how_long_it_took_and_a_deadline_is_no_time() {
        let u = understand(
            "Big thanks to Mr Wong, fixed our leaking tap in 10 mins",
            now(),
        );
        assert_eq!((u.kind, u.when), (Kind::Praise, None));
        assert!(
            understand("can someone come in 10 mins", now())
                .when
                .is_some()
        );
        assert_eq!(
            understand("4座大堂牆身甩咗幾塊紙皮石，30號之前整好就得", now()).when,
            None
        );
    }

    #[test]
    fn the_zone_of_now_sets_the_offset_of_the_time() {
        let taipei = chrono_tz::Asia::Taipei
            .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
            .unwrap();
        let w = extract_when("明天下午三點", taipei).unwrap();
        assert_eq!(w.start.to_rfc3339(), "2026-11-28T15:00:00+08:00");
        let london = chrono_tz::Europe::London
            .with_ymd_and_hms(2026, 7, 1, 10, 0, 0)
            .unwrap();
        assert_eq!(
            extract_when("tomorrow 3pm", london)
                .unwrap()
                .start
                .to_rfc3339(),
            "2026-07-02T15:00:00+01:00"
        );
    }
}
