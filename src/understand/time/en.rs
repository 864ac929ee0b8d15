//! English time expressions (lower-cased text).

use std::sync::LazyLock;

use chrono::Weekday;
use regex::{Captures, Regex};

use super::common::{full_year, num, span};
use super::{DateSpec, Month, Offset, Part, WeekRef, Work, Year};
use crate::understand::unit::re;

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 4] = ["twenty", "thirty", "forty", "fifty"];
const ORDINALS: [&str; 31] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth",
    "thirty-first",
];

static NUMBER_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?P<ord>(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)|(?P<tens>twenty|thirty|forty|fifty)(?:[\s-](?P<unit>one|two|three|four|five|six|seven|eight|nine))?|(?P<one>one)(?P<after>\s+(?:minutes?|hours?|days?|weeks?|months?|years?|o'?clock|thirty|fifteen|forty|fifty|twenty|pm|am|p\.m)\b)|(?P<word>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b",
    )
});

/// "ten thirty" → "10 30", "third" → "3rd", "in one hour" → "in 1 hour".
pub(crate) fn words_to_digits(work: &mut Work) {
    if !NUMBER_WORDS.is_match(&work.text) {
        return;
    }
    let out = NUMBER_WORDS.replace_all(&work.text, |c: &Captures<'_>| {
        if let Some(o) = c.name("ord") {
            let word = o.as_str().replace(' ', "-");
            let n = ORDINALS
                .iter()
                .position(|w| *w == word)
                .map_or(0, |i| i + 1);
            let suffix = match n % 10 {
                1 if n != 11 => "st",
                2 if n != 12 => "nd",
                3 if n != 13 => "rd",
                _ => "th",
            };
            return format!("{n}{suffix}");
        }
        if let Some(t) = c.name("tens") {
            let tens = TENS
                .iter()
                .position(|w| *w == t.as_str())
                .map_or(0, |i| 20 + 10 * i);
            let unit = c
                .name("unit")
                .and_then(|u| ONES.iter().position(|w| *w == u.as_str()))
                .unwrap_or(0);
            return (tens + unit).to_string();
        }
        if c.name("one").is_some() {
            return format!("1{}", c.name("after").map_or("", |a| a.as_str()));
        }
        let word = c.name("word").map_or("", |w| w.as_str());
        ONES.iter()
            .position(|w| *w == word)
            .map_or_else(|| word.to_owned(), |n| n.to_string())
    });
    work.text = out.into_owned();
}

const UNIT: &str =
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|fortnights?|months?|years?";
const AMOUNT: &str = r"\d+(?:\.\d+)?|\d+/\d+|an?|half\s+an?|a\s+half|a\s+quarter\s+of\s+an?|3[\s-]quarters\s+of\s+an?|\d+\s+and\s+a\s+half";

static IN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^a-z])in\s+(?:about\s+|around\s+|another\s+|just\s+)?(?P<n>{AMOUNT})\s*(?:more\s+)?(?P<u>{UNIT})(?:$|[^a-z])"
    ))
});
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^a-z])(?P<n>{AMOUNT})\s*(?P<u>{UNIT})\s+(?P<dir>ago|from\s+(?:right\s+)?now|later|hence|earlier)(?:$|[^a-z])"
    ))
});
static LAST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z])(?:the\s+)?(?:last|past)\s+(?P<n>\d+|an?)\s*(?P<u>minutes?|mins?|hours?|hrs?)(?:$|[^a-z])",
    )
});

fn amount(raw: &str) -> Option<f64> {
    let raw = raw.trim();
    if let Some((a, b)) = raw.split_once('/') {
        return Some(a.trim().parse::<f64>().ok()? / b.trim().parse::<f64>().ok()?);
    }
    if raw.starts_with("half") || raw == "a half" {
        return Some(0.5);
    }
    if raw.starts_with("a quarter") {
        return Some(0.25);
    }
    if raw.starts_with('3') && raw.contains("quarters") {
        return Some(0.75);
    }
    if let Some(n) = raw.strip_suffix("and a half") {
        return Some(n.trim().parse::<f64>().ok()? + 0.5);
    }
    if raw == "a" || raw == "an" {
        return Some(1.0);
    }
    raw.parse().ok()
}

fn offset(n: f64, unit: &str, sign: f64) -> Option<Offset> {
    let secs = match unit.trim_end_matches('s') {
        "second" | "sec" => 1.0,
        "minute" | "min" => 60.0,
        "hour" | "hr" | "h" => 3600.0,
        "day" => 86_400.0,
        "week" => 7.0 * 86_400.0,
        "fortnight" => 14.0 * 86_400.0,
        "month" => return Some(Offset::Months((sign * n) as i32)),
        "year" => return Some(Offset::Months((sign * n * 12.0) as i32)),
        _ => return None,
    };
    Some(Offset::Seconds((sign * n * secs) as i64))
}

static TIMES_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:\btimes?|\btwice|\bonce)$"));

/// A deadline, not a time: "before Friday", "by the 30th", "until next
/// Monday", "no later than the end of the month".
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^a-z])(?:before|until|till|by|no\s+later\s+than)\s+(?:the\s+)?(?:(?:this|next|coming)\s+)?(?:{WD}|\d{{1,2}}(?:st|nd|rd|th)|end\s+of\s+(?:the\s+)?(?:month|week|year))(?:$|[^a-z0-9])"
    ))
});

/// Blanks a deadline so that its day is not read as the time meant.
pub(crate) fn deadlines(work: &mut Work) {
    let t = &work.text;
    if !["before", "until", "till", "by ", "later than"]
        .iter()
        .any(|w| t.contains(w))
    {
        return;
    }
    let spans: Vec<(usize, usize)> = DEADLINE
        .find_iter(&work.text)
        .map(|m| (m.start(), m.end()))
        .collect();
    for (s, e) in spans {
        work.blank(s, e);
    }
}

static NEXT_WEEK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^a-z])(?P<w>next\s+week|the\s+week\s+after\s+next)(?:$|[^a-z'])"));

/// "next week" with no day named: the whole of that Monday-to-Sunday week.
pub(crate) fn weeks(work: &mut Work) {
    if work.spec.has_day() || work.spec.week.is_some() || !work.text.contains("week") {
        return;
    }
    let Some(c) = NEXT_WEEK.captures(&work.text) else {
        return;
    };
    let Some(w) = c.name("w") else { return };
    work.spec.week = Some(if w.as_str().starts_with("next") { 1 } else { 2 });
    let (s, e) = (w.start(), w.end());
    work.blank(s, e);
}

/// in 2 hours, in half an hour, 7 days ago, 2 minutes from now, last 2 minutes.
pub(crate) fn relative(work: &mut Work) {
    if work.spec.offset.is_some() {
        return;
    }
    let found = [(&*IN, 1.0), (&*AGO, 0.0), (&*LAST, -1.0)]
        .into_iter()
        .find_map(|(r, sign)| {
            let c = r.captures(&work.text)?;
            // "the fourth time in three months" counts, it names no time.
            let before = work.text[..c.get(0)?.start()].trim_end();
            if TIMES_BEFORE.is_match(before) {
                return None;
            }
            let n = amount(c.name("n")?.as_str())?;
            let sign = match c.name("dir").map(|d| d.as_str()) {
                Some("ago" | "earlier") => -1.0,
                Some(_) => 1.0,
                None => sign,
            };
            Some((span(&c), offset(n, c.name("u")?.as_str(), sign)?))
        });
    if let Some(((s, e), off)) = found {
        work.spec.offset = Some(off);
        work.blank(s, e);
    }
}

const MONTH: &str = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^a-z0-9])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+|day\s+of\s+)?(?:the\s+)?(?:/\s*)?(?P<mon>{MONTH})\.?(?:$|[^a-z])(?:\s*/?\s*,?\s*(?P<y>\d{{4}})(?:$|[^\d:]))?"
    ))
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^a-z])(?P<mon>{MONTH})\.?\s*(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:$|[^\d:a-z])(?:\s*,?\s*(?P<y>\d{{4}})(?:$|[^\d:]))?"
    ))
});
static DAY_REL_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+(?:the\s+)?(?P<rel>next|this|current|previous|last|coming)\s+month",
    )
});
static ORDINAL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z0-9])(?:on|the|(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?:day)?,?)\s+(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)(?P<after>[^,.!?]{0,8})",
    )
});
static NOT_DAY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:time|floor|flr|fl|of|day|week|month)"));

fn month_number(raw: &str) -> Option<u32> {
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| raw.starts_with(n))
        .map(|i| i as u32 + 1)
}

/// 25 March, March 3rd 2015, the 15th of February, Feb13, 20th of next month, on the 15th.
pub(crate) fn dates(work: &mut Work) {
    if work.spec.date.is_some() {
        return;
    }
    if let Some(c) = DAY_REL_MONTH.captures(&work.text)
        && let Some(d) = num(&c, "d")
    {
        let rel = match c.name("rel").map_or("", |r| r.as_str()) {
            "next" | "coming" => 1,
            "previous" | "last" => -1,
            _ => 0,
        };
        work.spec.date = Some(DateSpec {
            year: Year::Auto,
            month: Month::Rel(rel),
            day: d,
        });
        let s = span(&c);
        work.blank(s.0, s.1);
        return;
    }
    for r in [&*DAY_MONTH, &*MONTH_DAY] {
        let Some(c) = r.captures(&work.text) else {
            continue;
        };
        let (Some(d), Some(m)) = (
            num(&c, "d"),
            c.name("mon").and_then(|m| month_number(m.as_str())),
        ) else {
            continue;
        };
        if !(1..=31).contains(&d) {
            continue;
        }
        let year = num(&c, "y").map_or(Year::Auto, |y| Year::Abs(full_year(y, work.now_year)));
        work.spec.date = Some(DateSpec {
            year,
            month: Month::Abs(m),
            day: d,
        });
        let (start, mut end) = (
            c.name("d").map_or(0, |m| m.start()),
            c.name("mon").map_or(0, |m| m.end()),
        );
        let start = start.min(c.name("mon").map_or(start, |m| m.start()));
        end = end
            .max(c.name("d").map_or(end, |m| m.end()))
            .max(c.name("y").map_or(end, |m| m.end()));
        work.blank(start, end);
        return;
    }
    if let Some(c) = ORDINAL_DAY.captures(&work.text)
        && !NOT_DAY_AFTER.is_match(c.name("after").map_or("", |a| a.as_str()))
        && let Some(d) = num(&c, "d").filter(|d| (1..=31).contains(d))
    {
        work.spec.date = Some(DateSpec {
            year: Year::Auto,
            month: Month::Auto,
            day: d,
        });
        if let Some(m) = c.name("d") {
            let (s, e) = (m.start(), m.end() + 2);
            work.blank(s, e.min(work.text.len()));
        }
    }
}

static DAYS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z])(?P<w>(?:the\s+)?day\s+after\s+tomorrow|(?:the\s+)?day\s+before\s+yesterday|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|tomorrow|today|yesterday)(?:$|[^a-z])",
    )
});

/// today, tonight, this morning, tomorrow, yesterday, last night, the day
/// after tomorrow.
pub(crate) fn days(work: &mut Work) {
    let Some(c) = DAYS.captures(&work.text) else {
        return;
    };
    let Some(w) = c.name("w") else { return };
    let (day, part) = match w.as_str() {
        s if s.ends_with("after tomorrow") => (2, None),
        s if s.ends_with("before yesterday") => (-2, None),
        "tonight" => (0, Some(Part::Evening)),
        s if s.ends_with("morning") => (0, Some(Part::Morning)),
        s if s.ends_with("afternoon") => (0, Some(Part::Afternoon)),
        s if s.starts_with("this") => (0, Some(Part::Evening)),
        s if s.starts_with("last") => (-1, Some(Part::Evening)),
        "tomorrow" => (1, None),
        "yesterday" => (-1, None),
        _ => (0, None),
    };
    if work.spec.day.is_none() {
        work.spec.day = Some(day);
    }
    if work.spec.part.is_none() {
        work.spec.part = part;
    }
    let (s, e) = (w.start(), w.end());
    work.blank(s, e);
}

const WD: &str = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun";

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^a-z])(?:(?P<pre>this|next|last|coming|following|previous|upcoming)\s+)?(?P<wd>{WD})\.?(?P<post>\s+(?:of\s+)?(?:next|this|last)\s+week|\s+from\s+last\s+week)?(?P<after>$|[^a-z]\s*.?)"
    ))
});
static WEEK_S_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<pre>next|this|last)\s+week'?s\s+(?P<wd>{WD})(?:$|[^a-z])"
    ))
});

fn weekday(raw: &str) -> Option<Weekday> {
    Some(match raw.get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn week_ref(word: &str) -> WeekRef {
    match word.trim() {
        w if w.contains("next") || w.contains("following") => WeekRef::Next(1),
        w if w.contains("last") || w.contains("previous") => WeekRef::Last(1),
        w if w.contains("this") => WeekRef::This,
        _ => WeekRef::Bare,
    }
}

/// Saturday, next Friday, this Thu, wednesday of next week, last week's sunday.
pub(crate) fn weekdays(work: &mut Work) {
    if work.spec.weekday.is_some() {
        return;
    }
    if let Some(c) = WEEK_S_DAY.captures(&work.text)
        && let Some(wd) = c.name("wd").and_then(|w| weekday(w.as_str()))
    {
        work.spec.weekday = Some((wd, week_ref(c.name("pre").map_or("", |p| p.as_str()))));
        let s = span(&c);
        work.blank(s.0, s.1);
        return;
    }
    let words = work.text.split_whitespace().count();
    let found = WEEKDAY.captures_iter(&work.text).find_map(|c| {
        let raw = c.name("wd")?.as_str();
        let ambiguous = matches!(raw, "sat" | "sun" | "mon" | "wed");
        let after = c.name("after").map_or("", |a| a.as_str());
        let pre = c.name("pre").map(|p| p.as_str());
        let plain_after = after
            .trim_start()
            .chars()
            .next()
            .is_none_or(|ch| ch.is_ascii_digit() || ch == ',');
        if ambiguous && words > 4 && pre.is_none() && !plain_after {
            return None;
        }
        let week = match (c.name("post"), pre) {
            (Some(p), _) => week_ref(p.as_str()),
            (None, Some(p)) => week_ref(p),
            (None, None) => WeekRef::Bare,
        };
        let end = c.name("post").or(c.name("wd")).map_or(0, |m| m.end());
        Some((
            c.name("pre").or(c.name("wd")).map_or(0, |m| m.start()),
            end,
            weekday(raw)?,
            week,
        ))
    });
    if let Some((s, e, wd, week)) = found {
        work.spec.weekday = Some((wd, week));
        work.blank(s, e);
    }
}

static PARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z])(?P<p>morning|afternoon|evening|tonight|night|lunch(?:time)?|in\s+the\s+pm|in\s+the\s+am)(?:$|[^a-z])",
    )
});

/// morning, afternoon, evening, night, lunch, in the PM.
pub(crate) fn parts(work: &mut Work) {
    if work.spec.part.is_some() {
        return;
    }
    let Some(c) = PARTS.captures(&work.text) else {
        return;
    };
    let Some(p) = c.name("p") else { return };
    work.spec.part = Some(match p.as_str() {
        "morning" => Part::Morning,
        "afternoon" => Part::Afternoon,
        s if s.starts_with("lunch") => Part::Lunch,
        s if s.ends_with("pm") => Part::Pm,
        s if s.ends_with("am") => Part::Am,
        _ => Part::Evening,
    });
    let (s, e) = (p.start(), p.end());
    work.blank(s, e);
}
