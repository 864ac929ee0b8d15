//! Chinese time expressions (after normalisation: Simplified, Cantonese
//! rewritten, so 聽日晏晝 arrives as 明天下午).

use std::sync::LazyLock;

use chrono::Weekday;
use regex::Regex;

use super::common::{full_year, num, span};
use super::{Clock, DateSpec, Month, Offset, Part, WeekRef, Work, Year};
use crate::understand::numerals;
use crate::understand::unit::re;

const N: &str = "零〇一二两三四五六七八九十廿卅";

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<past>过去|最近|近)?(?:的)?\s*(?P<n>\d+(?:\.\d+)?|[{N}百]+|半)\s*(?:个)?\s*(?P<half>半)?\s*(?P<u>分钟|分|小时|钟头|秒钟|秒|天|日|周|星期|礼拜|个月|年)\s*(?P<half2>半)?(?:钟)?\s*(?:之|以)?\s*(?P<dir>后|前|内|里)?"
    ))
});
static QUARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?P<q>一|三|1|3)刻钟?\s*(?:之|以)?\s*(?P<dir>后|前)"));

/// 兩個鐘之後, 半小时后, 三天前, 一刻钟后, 过去5分钟, 90分钟以内.
pub(crate) fn relative(work: &mut Work) {
    if let Some(c) = QUARTER.captures(&work.text) {
        let q = i64::from(num(&c, "q").unwrap_or(1));
        let sign = if c.name("dir").is_some_and(|d| d.as_str() == "前") {
            -1
        } else {
            1
        };
        work.spec.offset = Some(Offset::Seconds(sign * q * 15 * 60));
        let s = span(&c);
        work.blank(s.0, s.1);
        return;
    }
    let found = RELATIVE.captures_iter(&work.text).find_map(|c| {
        let past = c.name("past").is_some();
        let dir = c.name("dir").map(|d| d.as_str());
        if !past && dir.is_none() {
            return None;
        }
        let raw = c.name("n")?.as_str();
        let mut n: f64 = match raw {
            "半" => 0.5,
            r if r.is_ascii() => r.parse().ok()?,
            r => f64::from(numerals::parse(r)?),
        };
        if c.name("half").is_some() || c.name("half2").is_some() {
            n += 0.5;
        }
        let unit = c.name("u")?.as_str();
        let secs = match unit {
            "秒" | "秒钟" => 1.0,
            "分" | "分钟" => 60.0,
            "小时" | "钟头" => 3600.0,
            "天" | "日" => 86_400.0,
            "周" | "星期" | "礼拜" => 7.0 * 86_400.0,
            "个月" => {
                return Some((
                    span(&c),
                    Offset::Months(if dir == Some("前") {
                        -(n as i32)
                    } else {
                        n as i32
                    }),
                ));
            }
            "年" => {
                return Some((
                    span(&c),
                    // 半年 is six months, not none.
                    Offset::Months(if dir == Some("前") {
                        -((12.0 * n) as i32)
                    } else {
                        (12.0 * n) as i32
                    }),
                ));
            }
            _ => return None,
        };
        let amount = (n * secs) as i64;
        let offset = match (past, dir) {
            (true, _) | (false, Some("前")) => -amount,
            (false, Some("内" | "里")) => 0,
            _ => amount,
        };
        Some((span(&c), Offset::Seconds(offset)))
    });
    if let Some(((s, e), offset)) = found {
        work.spec.offset = Some(offset);
        work.blank(s, e);
    }
}

const DAY_NUM: &str =
    r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:(?P<yr>今年|明年|去年|前年|后年)|(?P<y>\d{{4}}|\d{{2}}|[零〇一二三四五六七八九]{{2,4}})\s*年)?\s*(?P<mo>\d{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月(?:份)?\s*(?P<d>{DAY_NUM})\s*(?:日|号)?"
    ))
});
static MONTH_REL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<mr>本月|这个月|这月|当月|下个月|下月|上个月|上月)\s*(?P<d>{DAY_NUM})\s*(?:日|号)"
    ))
});
static DAY_OF_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?P<d>{DAY_NUM})\s*(?P<suffix>号|日)(?P<after>.?)"
    ))
});

/// 2015年3月3號, 十月31, 下個月廿號, 本月9日, 26號.
pub(crate) fn dates(work: &mut Work) {
    if work.spec.date.is_some() {
        return;
    }
    if let Some(c) = DATE.captures(&work.text)
        && let (Some(m), Some(d)) = (num(&c, "mo"), num(&c, "d"))
    {
        let year = match (c.name("yr").map(|y| y.as_str()), c.name("y")) {
            (Some("今年"), _) => Year::Rel(0),
            (Some("明年"), _) => Year::Rel(1),
            (Some("去年"), _) => Year::Rel(-1),
            (Some("前年"), _) => Year::Rel(-2),
            (Some(_), _) => Year::Rel(2),
            (None, Some(y)) => match numerals::parse(y.as_str()) {
                Some(y) => Year::Abs(full_year(y, work.now_year)),
                None => Year::Auto,
            },
            (None, None) => Year::Auto,
        };
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            work.spec.date = Some(DateSpec {
                year,
                month: Month::Abs(m),
                day: d,
            });
            let s = span(&c);
            work.blank(s.0, s.1);
            return;
        }
    }
    if let Some(c) = MONTH_REL_DATE.captures(&work.text)
        && let Some(d) = num(&c, "d")
    {
        let rel = match c.name("mr").map_or("", |m| m.as_str()) {
            "下个月" | "下月" => 1,
            "上个月" | "上月" => -1,
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
    let found = DAY_OF_MONTH.captures_iter(&work.text).find_map(|c| {
        let d = c.name("d")?;
        let after = c.name("after").map_or("", |m| m.as_str());
        if after.starts_with([
            '楼', '线', '车', '码', '门', '房', '机', '仓', '铺', '柜', '位', '栋', '馆', '场',
            '闸', '室', '风', '台', '人', '夜', '三', '元',
        ]) {
            return None;
        }
        let before = work.text[..d.start()].chars().next_back();
        if before.is_some_and(|b| {
            "星期礼拜周每几个今明昨前后当本某这那生节假第单一两第".contains(b) || b.is_ascii_digit()
        }) {
            return None;
        }
        let is_ri = c.name("suffix").is_some_and(|s| s.as_str() == "日");
        if is_ri && !d.as_str().is_ascii() && d.as_str().chars().count() < 2 {
            return None;
        }
        let day = numerals::parse(d.as_str()).filter(|x| (1..=31).contains(x))?;
        Some((
            d.start(),
            d.end() + c.name("suffix").map_or(0, |s| s.len()),
            day,
        ))
    });
    if let Some((s, e, day)) = found {
        work.spec.date = Some(DateSpec {
            year: Year::Auto,
            month: Month::Auto,
            day,
        });
        work.blank(s, e);
    }
}

static DAYS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"大大后天|大后天|后天|明天|明早|明晚|明晨|今天|今早|今晚|今晨|今夜|本日|当天|当日|当晚|大前天|前天|昨天|昨晚|昨夜|昨早|次日|翌日|第二天",
    )
});

/// 今天, 明天, 後天, 大後天, 昨天, 今晚, 明早, 昨晚.
pub(crate) fn days(work: &mut Work) {
    // 次日 at the end of a range (13:20~次日05:40) belongs to the range.
    let Some(m) = DAYS.find_iter(&work.text).find(|m| {
        let before = work.text[..m.start()].trim_end().chars().next_back();
        !(matches!(m.as_str(), "次日" | "第二天")
            && matches!(before, Some('~' | '-' | '到' | '至')))
    }) else {
        return;
    };
    let (day, part) = match m.as_str() {
        "大大后天" => (4, None),
        "大后天" => (3, None),
        "后天" => (2, None),
        "明天" | "次日" | "翌日" | "第二天" => (1, None),
        "明早" | "明晨" => (1, Some(Part::Morning)),
        "明晚" => (1, Some(Part::Evening)),
        "今早" | "今晨" => (0, Some(Part::Morning)),
        "今晚" | "今夜" | "当晚" => (0, Some(Part::Evening)),
        "昨天" => (-1, None),
        "昨晚" | "昨夜" => (-1, Some(Part::Evening)),
        "昨早" => (-1, Some(Part::Morning)),
        "前天" => (-2, None),
        "大前天" => (-3, None),
        _ => (0, None),
    };
    if work.spec.day.is_none() {
        work.spec.day = Some(day);
    }
    if work.spec.part.is_none() {
        work.spec.part = part;
    }
    let (s, e) = (m.start(), m.end());
    work.blank(s, e);
}

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?P<pre>下下个|下下|上上个|上上|下个|上个|这个|这|本|今|下|上)?\s*(?:(?:周|星期|礼拜)+(?P<d>[一二三四五六日天1-7])|(?P<we>周末))",
    )
});

/// 週六, 下星期二, 這個禮拜三, 上週日.
pub(crate) fn weekdays(work: &mut Work) {
    let Some(c) = WEEKDAY.captures(&work.text) else {
        return;
    };
    let wd = match c.name("d").map(|d| d.as_str()) {
        Some("一" | "1") => Weekday::Mon,
        Some("二" | "2") => Weekday::Tue,
        Some("三" | "3") => Weekday::Wed,
        Some("四" | "4") => Weekday::Thu,
        Some("五" | "5") => Weekday::Fri,
        Some("六" | "6") => Weekday::Sat,
        Some(_) => Weekday::Sun,
        None => Weekday::Sat,
    };
    let week = match c.name("pre").map(|p| p.as_str()) {
        Some("下下个" | "下下") => WeekRef::Next(2),
        Some("下个" | "下") => WeekRef::Next(1),
        Some("上上个" | "上上") => WeekRef::Last(2),
        Some("上个" | "上") => WeekRef::Last(1),
        Some(_) => WeekRef::This,
        None => WeekRef::Bare,
    };
    if work.spec.weekday.is_none() {
        work.spec.weekday = Some((wd, week));
    }
    let s = span(&c);
    work.blank(s.0, s.1);
    // 星期六晚, 週日早: a part of the day written as one character.
    let after = &work.text[s.1..];
    let part =
        if after.starts_with("晚") && !after.starts_with("晚上") && !after.starts_with("晚间")
        {
            Some(Part::Evening)
        } else if (after.starts_with("早") || after.starts_with("朝"))
            && !after.starts_with("早上")
            && !after.starts_with("早晨")
        {
            Some(Part::Morning)
        } else {
            None
        };
    if let Some(part) = part {
        if work.spec.part.is_none() {
            work.spec.part = Some(part);
        }
        work.blank(s.1, s.1 + '晚'.len_utf8());
    }
}

static WEEK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?P<pre>下下个|下下|下个|下)\s*(?:周|星期|礼拜)(?P<after>.?)"));

/// 下週 with no day named: the whole of next Monday-to-Sunday week.
pub(crate) fn weeks(work: &mut Work) {
    if work.spec.has_day() || work.spec.week.is_some() || !work.text.contains('下') {
        return;
    }
    let Some(c) = WEEK.captures_iter(&work.text).find(|c| {
        let after = c.name("after").map_or("", |a| a.as_str());
        !after.starts_with(|ch: char| "一二三四五六日天1234567末".contains(ch))
    }) else {
        return;
    };
    let n = match c.name("pre").map_or("", |p| p.as_str()) {
        "下下个" | "下下" => 2,
        _ => 1,
    };
    work.spec.week = Some(n);
    let end = c.name("after").map_or(0, |a| a.start());
    work.blank(span(&c).0, end);
}

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:(?:{DAY_NUM})\s*[号日]|(?:下个|下|这个|这|本)?\s*(?:星期|礼拜|周)[一二三四五六日天1-7]|月底|月尾|年底|明天|后天|今晚|今天)\s*(?:之前|以前|前|为止)"
    ))
});

/// 30號之前, 星期五之前: a deadline, not a time; blanked so its day is not
/// read as the time meant.
pub(crate) fn deadlines(work: &mut Work) {
    if !work.text.contains('前') && !work.text.contains("为止") {
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

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:(?P<h0>\d{{1,2}}|[{N}]{{1,3}})(?:(?:点|:)(?P<m0>\d{{1,2}}|半))?\s*(?:~|-|–|—|到|至)\s*)?(?P<h>\d{{1,2}}|[{N}]{{1,3}})\s*(?:点钟|点|时)\s*(?:(?P<half>半)|(?P<q>一刻|1刻)|(?P<q3>三刻|3刻)|(?:踏|搭)(?P<tap>半|[一二三四五六七八九十]{{1,2}}|\d{{1,2}})|(?P<zi>[一二三四五六七八九十]{{1,2}}|\d{{1,2}})个字|(?:零|〇)(?P<ling>[一二三四五六七八九]|\d)分?|(?P<mm>\d{{1,2}}|[一二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*(?P<fen>分)?(?:\s*(?P<ss>\d{{1,2}}|[{N}]{{1,3}})秒)?)?"
    ))
});

/// Reads an hour written as digits, Chinese, or a pair like 七八 (7 or 8).
fn hour(raw: &str) -> Option<u32> {
    let chars: Vec<char> = raw.chars().collect();
    if let [a, b] = chars[..]
        && let (Some(x), Some(y)) = (numerals::digit(a), numerals::digit(b))
        && !a.is_ascii_digit()
        && y == x + 1
    {
        return Some(x);
    }
    numerals::parse(raw).filter(|h| *h <= 24)
}

/// Minutes written after 点: 半, 一刻, 踏三, 三个字, 零五, 十五, 三 (Cantonese: 3 × 5).
fn minutes(c: &regex::Captures<'_>) -> Option<u32> {
    if c.name("half").is_some() {
        return Some(30);
    }
    if c.name("q").is_some() {
        return Some(15);
    }
    if c.name("q3").is_some() {
        return Some(45);
    }
    if let Some(t) = c.name("tap") {
        return if t.as_str() == "半" {
            Some(30)
        } else {
            numerals::parse(t.as_str()).map(|n| n * 5)
        };
    }
    if let Some(z) = c.name("zi") {
        return numerals::parse(z.as_str()).map(|n| n * 5);
    }
    if let Some(l) = c.name("ling") {
        return numerals::parse(l.as_str());
    }
    let mm = c.name("mm")?;
    let n = numerals::parse(mm.as_str())?;
    let single_chinese_digit =
        !mm.as_str().is_ascii() && mm.as_str().chars().count() == 1 && mm.as_str() != "十";
    if single_chinese_digit && c.name("fen").is_none() {
        Some(n * 5)
    } else {
        Some(n)
    }
}

/// 三點半, 十點一個字, 晏晝三點踏三, 8时35分, 9~12点半, 七八点.
pub(crate) fn clocks(work: &mut Work) {
    if work.spec.clock.is_some() {
        return;
    }
    let found = CLOCK.captures_iter(&work.text).find_map(|c| {
        let hm = c.name("h")?;
        let h = hour(hm.as_str())?;
        let m = minutes(&c).unwrap_or(0).min(59);
        let no_minutes = c.name("mm").is_none() && minutes(&c).is_none();
        // 一点 / 两点 also mean "a little" / "two points": only a time after a time word.
        let before: String = work.text[..hm.start()].chars().rev().take(2).collect();
        let first_before = before.chars().next();
        if matches!(hm.as_str(), "一" | "两") && no_minutes && c.name("h0").is_none() {
            let after_time_word = ["午", "上", "晚", "晨", "夜", "天", "早"]
                .iter()
                .any(|w| before.starts_with(w));
            if !after_time_word {
                return None;
            }
        }
        if first_before.is_some_and(|b| "快慢大小多少好高低轻重有差再还更近远这那几第".contains(b))
            && no_minutes
        {
            return None;
        }
        let mut clock = Clock::new(h, m);
        clock.s = num(&c, "ss").filter(|s| *s < 60);
        let start = match (c.name("h0"), c.name("h0").and_then(|h0| hour(h0.as_str()))) {
            (Some(_), Some(h0)) => {
                let m0 = c.name("m0").map(|m| {
                    if m.as_str() == "半" {
                        30
                    } else {
                        numerals::parse(m.as_str()).unwrap_or(0)
                    }
                });
                let end = clock;
                let start = Clock::new(h0, m0.unwrap_or(0).min(59));
                (start, Some(end))
            }
            _ => (clock, None),
        };
        Some((span(&c), start))
    });
    if let Some(((s, e), (clock, end))) = found {
        work.spec.clock = Some(clock);
        work.spec.end_clock = end;
        work.blank(s, e);
    }
}

static PARTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"凌晨|清晨|早上|早晨|一早|上午|中午|午间|晌午|正午|午饭|下午|午后|傍晚|黄昏|晚上|夜晚|夜里|夜间|晚间|半夜|深夜|白天|日间|晚头",
    )
});

/// 早上, 下午, 晚上, 傍晚, 凌晨, 半夜, 白天.
pub(crate) fn parts(work: &mut Work) {
    let Some(m) = PARTS.find(&work.text) else {
        return;
    };
    let part = match m.as_str() {
        "凌晨" => Part::EarlyMorning,
        "清晨" | "早上" | "早晨" | "一早" | "上午" => Part::Morning,
        "中午" | "午间" | "晌午" | "正午" => Part::Noon,
        "午饭" => Part::Lunch,
        "下午" | "午后" => Part::Afternoon,
        "傍晚" | "黄昏" => Part::Dusk,
        "半夜" | "深夜" | "夜里" => Part::Night,
        "白天" | "日间" => Part::Daytime,
        _ => Part::Evening,
    };
    // A day word (今晚, 明早) may already have set the part.
    if work.spec.part.is_none() {
        work.spec.part = Some(part);
    }
    let (s, e) = (m.start(), m.end());
    work.blank(s, e);
}
