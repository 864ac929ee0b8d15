//! Finders shared by both languages: "now", habits, numeric dates, HH:MM.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{Clock, DateSpec, Month, Work, Year};
use crate::understand::unit::re;

/// A capture group as a number.
pub(crate) fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name)
        .and_then(|m| crate::understand::numerals::parse(m.as_str()))
}

/// The byte range of the whole match.
pub(crate) fn span(c: &Captures<'_>) -> (usize, usize) {
    c.get(0).map_or((0, 0), |m| (m.start(), m.end()))
}

/// A two- or four-digit year.
pub(crate) fn full_year(y: u32, now_year: i32) -> i32 {
    let y = y as i32;
    if y >= 100 {
        return y;
    }
    let century = now_year.div_euclid(100) * 100;
    if century + y > now_year + 20 {
        century - 100 + y
    } else {
        century + y
    }
}

fn bare(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !"，。！？、~".contains(*c))
        .collect()
}

/// The whole message is just "now" (现在, right now): the bot asked when.
pub(crate) fn is_now(text: &str) -> bool {
    matches!(
        bare(text).as_str(),
        "现在" | "此刻" | "当前" | "此时" | "目前" | "即刻" | "now" | "rightnow" | "asap"
    )
}

/// The whole message is "全天" (all of today).
pub(crate) fn is_whole_day(text: &str) -> bool {
    bare(text) == "全天"
}

/// Habits and durations are not a time: blank them so their words are not read.
static HABITS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"每(?:个|一)?(?:天|日|晚|早|朝|夜|周|星期|礼拜|月|年|次|逢|小时|分钟)[一二三四五六日天]?(?:的)?(?:凌晨|清晨|早上|上午|中午|下午|傍晚|晚上|夜晚|夜里|半夜|深夜)?",
        r"逢(?:星期|礼拜|周)?[一二三四五六日天]",
        r"成(?:日|晚|夜|朝|天|个礼拜|个星期|个月|年|周)",
        r"整(?:天|晚|夜|日|个礼拜|个星期|个月|周)",
        r"一整天|全天候|24\s*小时|日日夜夜|天天|晚晚|夜夜|朝朝|通宵|半夜三更|三更半夜",
        // 日日, 日夜, but not the 日 of 星期日 or 27日 before 夜晚
        r"(?:^|[^期拜周礼0-9一二三四五六七八九十])日(?:日|夜)",
        // "even at weekends": 周末也不停, 假日都照做
        r"(?:周末|假日|假期|星期[六日天]|礼拜[六日天]|周[六日])(?:也|都|亦|照)",
        r"由(?:朝|早)[^，。,.!?]{0,8}?(?:到|至)(?:晚|夜)",
        r"从早到晚|早到晚",
        // a part of the day as a topic: "晚上很暗", "夜晚都好嘈", "晚上黑漆漆"
        r"(?:早上|晚上|夜晚|夜里|半夜|深夜|下午)(?:很|都|特别|非常|经常|总是|老是|根本|[黑暗]|好(?:[吵暗黑臭冷热闷]|大声|多))",
        r"(?:值|上|返|做)?(?:夜班|晚班|夜更|通宵更)",
        r"(?:经常|成日|平时|有时|往往|通常)[^，。,.!?]{0,4}?(?:凌晨|早上|上午|中午|下午|傍晚|晚上|夜晚|夜里|半夜|深夜)",
        // "every Tuesday … until Thursday": the end of a habit is a habit too
        r"(?:^|[^a-z])every\s+[a-z]+[^.!?;]{0,60}?[^a-z]until\s+[a-z]+",
        r"(?:^|[^a-z])every\s+(?:single\s+)?[a-z]+(?:\s+(?:morning|afternoon|evening|night))?",
        r"(?:^|[^a-z])all\s+(?:day|night|week|weekend|morning|afternoon|evening|the\s+time)(?:\s+long)?",
        r"day\s+and\s+night|night\s+and\s+day|around\s+the\s+clock|all\s+hours|24/7",
        r"(?:^|[^a-z])(?:at|during\s+the|in\s+the\s+middle\s+of\s+the|late\s+at)\s+night",
        r"(?:^|[^a-z])(?:nights|nightly|daily|weekly|mornings|evenings|afternoons|weekends)(?:$|[^a-z])",
        r"(?:^|[^a-z])for\s+(?:the\s+(?:past|last)\s+)?(?:\d+|a|an|a\s+few|few|several|many|some)?\s*(?:more\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)",
        r"(?:\d+|a\s+few|several|many)\s+(?:days?|weeks?|months?|years?)\s+(?:now|already)",
        r"(?:since|over)\s+(?:the\s+)?(?:last|past)\s+[a-z0-9]+(?:\s+(?:days?|weeks?|months?))?",
        // "since 8 this morning", "从昨天开始": when a fault began is a duration
        r"(?:^|[^a-z])since\s+[^,.!?;]{1,30}",
        r"(?:从|由|自从|自)[^，。,.!?；]{1,10}?(?:开始|起|以来)",
        r"(?:昨天|昨晚|前天|今早|上个?(?:星期|礼拜|周|月))[^，。,.!?；]{0,6}?(?:开始|起|以来)",
        // a part of the day asked about: "做到夜晚几点？"
        r"(?:早上|上午|中午|下午|傍晚|晚上|夜晚|夜里)(?:几点|什么时候)",
        // a habitual weekday in English: "every Tuesday", "on Tuesdays"
        r"(?:^|[^a-z])(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days(?:$|[^a-z])",
        r"[a-z0-9]+\s+times?\s+(?:this|last)\s+(?:week|month|year)",
        r"(?:^|[^a-z])(?:right\s+)?now(?:$|[^a-z])",
        r"(?:day|night|evening|morning)\s+shifts?",
        // greetings, not times
        r"good\s+(?:morning|afternoon|evening|night)|^\s*早晨(?:$|[\s,.!~])|早安|午安|晚安",
    ]
    .iter()
    .map(|p| re(p))
    .collect()
});

/// Blanks habits and durations; whether there was one.
pub(crate) fn habits(work: &mut Work) -> bool {
    let mut found = false;
    for r in HABITS.iter() {
        let spans: Vec<(usize, usize)> = r
            .find_iter(&work.text)
            .map(|m| (m.start(), m.end()))
            .collect();
        found |= !spans.is_empty();
        for (s, e) in spans {
            work.blank(s, e);
        }
    }
    found
}

static YMD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^\d])(?P<y>\d{4})\s*(?:[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})|\s(?P<m2>\d{1,2})\s(?P<d2>\d{1,2}))(?:$|[^\d])",
    )
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[^\d/])(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})\s*/\s*(?P<y>\d{4}|\d{2})(?:$|[^\d/])")
});
static DM: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[^\d/:.])(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})(?P<after>$|[^\d/:][^,，。.!?]{0,12})")
});
static MD_DASH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[^\d:\-~])(?P<a>\d{1,2})(?:-|·)(?P<b>\d{1,2})(?P<after>$|[^\d:\-~][^,，。.!?]{0,12})")
});
/// Words after "2-3" or "1/2" that make it a range or fraction, not a date.
static NOT_DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:am|pm|a\.m|p\.m|a\b|p\b|点|时|:|号楼|楼|层|栋|座|个|天|日|次|人|周|星期|分|小时|钟|days?|weeks?|hours?|hrs?|h\b|mins?|minutes?|months?|years?|times?|ppl|people|persons?|floors?|/f|bedrooms?|rooms?)",
    )
});

fn set_date(work: &mut Work, date: DateSpec, span: (usize, usize)) {
    if work.spec.date.is_none() && valid_md(date.month, date.day) {
        work.spec.date = Some(date);
        work.blank(span.0, span.1);
    }
}

fn valid_md(month: Month, day: u32) -> bool {
    let m_ok = match month {
        Month::Abs(m) => (1..=12).contains(&m),
        _ => true,
    };
    m_ok && (1..=31).contains(&day)
}

/// 2026-03-25, 2019/04/19, 2019.9.6, 2022 11 23, 10/31/1974, 25/3, 3/25, 09-01, 6·30.
pub(crate) fn numeric_dates(work: &mut Work) {
    let now_year = 2000; // only the century matters for two-digit years
    if let Some(c) = YMD.captures(&work.text) {
        let (m, d) = (
            num(&c, "m").or(num(&c, "m2")),
            num(&c, "d").or(num(&c, "d2")),
        );
        if let (Some(y), Some(m), Some(d)) = (num(&c, "y"), m, d) {
            let date = DateSpec {
                year: Year::Abs(y as i32),
                month: Month::Abs(m),
                day: d,
            };
            let s = span(&c);
            set_date(work, date, s);
        }
    }
    if work.spec.date.is_none()
        && let Some(c) = DMY.captures(&work.text)
        && let (Some(a), Some(b), Some(y)) = (num(&c, "a"), num(&c, "b"), num(&c, "y"))
    {
        let (m, d) = if a > 12 {
            (b, a)
        } else if b > 12 {
            (a, b)
        } else {
            (b, a)
        };
        let year = Year::Abs(full_year(y, now_year + 30));
        let s = span(&c);
        set_date(
            work,
            DateSpec {
                year,
                month: Month::Abs(m),
                day: d,
            },
            s,
        );
    }
    for (r, day_first) in [(&*DM, true), (&*MD_DASH, false)] {
        if work.spec.date.is_some() {
            return;
        }
        let Some(c) = r.captures(&work.text) else {
            continue;
        };
        let after = c.name("after").map_or("", |m| m.as_str());
        if NOT_DATE_AFTER.is_match(after) {
            continue;
        }
        let (Some(a), Some(b)) = (num(&c, "a"), num(&c, "b")) else {
            continue;
        };
        let (m, d) = if a > 12 || (day_first && b <= 12) {
            (b, a)
        } else {
            (a, b)
        };
        let end = c.name("b").map_or(0, |m| m.end());
        let start = c.name("a").map_or(0, |m| m.start());
        set_date(
            work,
            DateSpec {
                year: Year::Auto,
                month: Month::Abs(m),
                day: d,
            },
            (start, end),
        );
    }
}

static HHMM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^\d:])(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?:\s*(?:~|-|–|—|到|至|till|until|to|and)\s*(?:次日|第二天)?\s*(?P<h2>\d{1,2})(?::(?P<m2>\d{2}))?(?::\d{2})?)?(?:$|[^\d])",
    )
});

/// 15:30, 9:00~11:30, 13:20~次日05:40 (no am/pm written).
pub(crate) fn clock_24h(work: &mut Work) {
    if work.spec.clock.is_some() {
        return;
    }
    let Some(c) = HHMM.captures(&work.text) else {
        return;
    };
    let (Some(h), Some(m)) = (num(&c, "h"), num(&c, "m")) else {
        return;
    };
    if h > 24 || m > 59 {
        return;
    }
    let mut clock = Clock::new(h % 24, m);
    clock.s = num(&c, "s").filter(|s| *s < 60);
    work.spec.clock = Some(clock);
    work.spec.end_clock = num(&c, "h2").map(|h2| Clock::new(h2 % 24, num(&c, "m2").unwrap_or(0)));
    let s = span(&c);
    work.blank(s.0, s.1);
}
