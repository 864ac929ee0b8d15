//! English clock times: 3pm, 3:15p, a quarter past 3, half three, noon,
//! at 1030, 8 tonight, 3-4pm, between 9:30 and 11:00.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::common::{num, span};
use super::{Clock, Meridiem, Work};
use crate::understand::unit::re;

const MER: &str = r"a\.\s?m\.?|p\.\s?m\.?|am|pm|a\s?m|p\s?m";

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^a-z0-9:/])(?:(?P<from>from|between|later\s+than)\s+)?(?P<h1>\d{{1,2}})(?:[:.](?P<m1>\d{{2}}))?(?:\s*(?P<mer1>{MER})|(?P<ap1>a|p))?\s*(?:-|–|—|~|to|till|until|thru|through|and|but\s+before)\s*(?P<h2>\d{{1,2}})(?:[:.](?P<m2>\d{{2}}))?(?::\d{{2}})?(?:\s*(?P<mer2>{MER})|(?P<ap2>a|p))?(?:$|[^a-z0-9])"
    ))
});
static PAST_TO: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^a-z0-9])(?P<n>\d{{1,2}}|a\s+quarter|quarter|half)\s+(?:minutes?\s+|mins?\s+)?(?P<dir>past|after|to|till|before|from)\s+(?P<h>\d{{1,2}}|noon|midnight)(?:\s*(?P<mer>{MER}))?(?:$|[^a-z0-9])"
    ))
});
static HALF_H: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^a-z])half\s+(?P<h>\d{1,2})(?:$|[^\d:a-z])"));
static WITH_MER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^\d:])(?:(?P<hm>\d{{3,4}})|(?P<h>\d{{1,2}})(?:[:.\s](?P<m>\d{{2}}))?(?::(?P<s>\d{{2}}))?)\s*(?P<mer>{MER})(?:$|[^a-z])"
    ))
});
static OCLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<h>\d{{1,2}})\s*o'?\s?clock(?:\s*(?P<mer>{MER})(?:$|[^a-z]))?"
    ))
});
static NOON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^a-z])(?P<w>noon|midday|midnight)(?:$|[^a-z])"));
static AT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z])(?:(?:at|@|for|by)\s+(?:about\s+|around\s+)?|(?:around|about|approx\.?|approximately|roughly|~)\s*)(?:(?P<hm>\d{3,4})|(?P<h>\d{1,2})(?:[\s:.](?P<m>\d{2})(?P<ap>a|p)?)?)(?:\s*-?ish)?(?:$|[^\d:/a-z])",
    )
});
/// What follows a number that makes it an amount, not a clock: "for about
/// 5 mins", "around 8 people".
static AMOUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?|times?|people|ppl|persons?|pax|guests?|kids?|children|adults?|of|more|or\s+so|storeys?|stories|floors?|flats?|units?|cars?|%|x\b)",
    )
});

static BEFORE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^\d:/])(?P<h>\d{1,2})(?:\s(?P<m>\d{2}))?\s+(?:tonight|this\s+(?:morning|afternoon|evening)|tomorrow|today|in\s+the\s+(?:morning|afternoon|evening))",
    )
});
static ONLY_H_MM: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?P<h>\d{1,2})\s(?P<m>\d{2})\s*$"));
static AP: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^\d])(?P<h>\d{1,2}):(?P<m>\d{2})(?P<ap>a|p)(?:$|[^a-z])"));

fn meridiem(raw: Option<&str>) -> Option<Meridiem> {
    raw.map(|m| {
        if m.starts_with('a') {
            Meridiem::Am
        } else {
            Meridiem::Pm
        }
    })
}

fn clock_from(c: &Captures<'_>) -> Option<Clock> {
    let (h, m) = match c.name("hm") {
        Some(hm) => {
            let v: u32 = hm.as_str().parse().ok()?;
            (v / 100, v % 100)
        }
        None => (num(c, "h")?, num(c, "m").unwrap_or(0)),
    };
    if h > 24 || m > 59 {
        return None;
    }
    let mut clock = Clock::new(h, m);
    clock.s = num(c, "s").filter(|s| *s < 60);
    clock.mer = meridiem(c.name("mer").or(c.name("ap")).map(|m| m.as_str()));
    if clock.mer == Some(Meridiem::Am) && h == 12 {
        clock.midnight = true;
    }
    Some(clock)
}

fn range(c: &Captures<'_>) -> Option<(Clock, Clock)> {
    let has_minutes = c.name("m1").is_some() || c.name("m2").is_some();
    let mer1 = meridiem(c.name("mer1").or(c.name("ap1")).map(|m| m.as_str()));
    let mer2 = meridiem(c.name("mer2").or(c.name("ap2")).map(|m| m.as_str()));
    if c.name("from").is_none() && mer1.is_none() && mer2.is_none() && !has_minutes {
        return None;
    }
    let (h1, h2) = (num(c, "h1")?, num(c, "h2")?);
    if h1 > 24 || h2 > 24 {
        return None;
    }
    let mut start = Clock::new(h1, num(c, "m1").unwrap_or(0).min(59));
    let mut end = Clock::new(h2, num(c, "m2").unwrap_or(0).min(59));
    end.mer = mer2;
    start.mer = mer1.or(match mer2 {
        Some(Meridiem::Pm) if h1 % 12 <= h2 % 12 => Some(Meridiem::Pm),
        Some(Meridiem::Pm) => Some(Meridiem::Am),
        other => other,
    });
    Some((start, end))
}

/// 3pm, 3:15p, a quarter past 3, half three, noon, at 1030, 8 tonight, 3-4pm.
pub(crate) fn clocks(work: &mut Work) {
    if work.spec.clock.is_some() {
        return;
    }
    let text = work.text.clone();
    let found: Option<((usize, usize), Clock, Option<Clock>)> = (|| {
        if let Some(c) = RANGE.captures(&text)
            && let Some((start, end)) = range(&c)
        {
            return Some((span(&c), start, Some(end)));
        }
        if let Some(c) = PAST_TO.captures(&text) {
            let n = match c.name("n").map_or("", |n| n.as_str()) {
                "half" => 30,
                q if q.contains("quarter") => 15,
                n => n.parse().unwrap_or(0),
            };
            let mut clock = match c.name("h").map_or("", |h| h.as_str()) {
                "noon" => Clock::new(12, 0),
                "midnight" => Clock {
                    midnight: true,
                    ..Clock::new(0, 0)
                },
                h => Clock {
                    mer: meridiem(c.name("mer").map(|m| m.as_str())),
                    ..Clock::new(h.parse().ok()?, 0)
                },
            };
            let before = matches!(
                c.name("dir").map(|d| d.as_str()),
                Some("to" | "till" | "before")
            );
            if before {
                clock.h = if clock.h == 0 { 23 } else { clock.h - 1 };
                clock.m = 60 - n.min(60);
                clock.midnight = false;
            } else {
                clock.m = n.min(59);
            }
            return Some((span(&c), clock, None));
        }
        if let Some(c) = HALF_H.captures(&text) {
            return Some((span(&c), Clock::new(num(&c, "h")?, 30), None));
        }
        for r in [&*WITH_MER, &*OCLOCK, &*AP] {
            if let Some(c) = r.captures(&text)
                && let Some(clock) = clock_from(&c)
            {
                return Some((span(&c), clock, None));
            }
        }
        if let Some(c) = NOON.captures(&text) {
            let clock = match c.name("w").map_or("", |w| w.as_str()) {
                "midnight" => Clock {
                    midnight: true,
                    ..Clock::new(0, 0)
                },
                _ => Clock::new(12, 0),
            };
            return Some((span(&c), clock, None));
        }
        for r in [&*AT, &*BEFORE_DAY, &*ONLY_H_MM] {
            for c in r.captures_iter(&text) {
                let end = c
                    .name("ap")
                    .or(c.name("m"))
                    .or(c.name("hm"))
                    .or(c.name("h"))
                    .map_or(0, |m| m.end());
                if AMOUNT_AFTER.is_match(&text[end..]) {
                    continue;
                }
                if let Some(clock) = clock_from(&c) {
                    return Some(((span(&c).0, end), clock, None));
                }
            }
        }
        None
    })();
    if let Some(((s, e), clock, end)) = found {
        work.spec.clock = Some(clock);
        work.spec.end_clock = end;
        work.blank(s, e);
    }
}
