//! Finding the building and flat in a normalised message, and blanking them
//! (and phone numbers, prices and parking spaces) so that later steps never
//! read "1502" as a time.

use std::sync::LazyLock;

use regex::Regex;

use super::numerals;
use crate::domain::unit::UnitRef;

/// Compiles one of this module's constant patterns.
///
/// Every pattern is a literal compiled by the unit tests, so this cannot fail
/// at run time; it is the one place where a bad constant would be reported.
pub(crate) fn re(pattern: &str) -> Regex {
    #[allow(clippy::expect_used)]
    Regex::new(pattern).expect("a constant regex of the understand module compiles")
}

/// Staff shorthand at the very start: "3-1502", "B/12A", "/log 3-1502 …".
static SHORTHAND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:/[a-z_]+\s+)?(?P<b>\d{1,3}|[a-z])\s*[-/]\s*(?P<f>\d{3,4}[a-z]?|\d{1,2}[a-z])(?:$|[\s,，:;.。!?、])",
    )
});

/// Things that look like numbers but are not units or times.
static NOISE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // phone numbers: HK 8 digits, mainland mobiles, Taiwan mobiles, long ids
        r"\+?\(?852\)?[\s-]?\d{4}[\s-]?\d{4}",
        r"(?:^|[^\d:./-])\d{4}[\s-]\d{4}(?:$|[^\d:./-])",
        r"\d{8,}",
        r"1[3-9]\d{9}",
        r"09\d{2}[\s-]?\d{3}[\s-]?\d{3}",
        // prices
        r"(?:hk\$|us\$|nt\$|\$|¥|rmb|hkd)\s*\d[\d,]*(?:\.\d+)?(?:\s*(?:k|万|千))?",
        r"\d[\d,]*(?:\.\d+)?\s*(?:元|块|蚊|港币|港元|台币|人民币|万|hkd|rmb|dollars?|bucks)",
        // parking spaces and codes like B-112, P2-015
        r"(?:车位|泊车位|停车位|parking space|parking lot|car park space|space|lot|bay)\s*(?:no\.?|number|#|编号|号码)?\s*[:：]?\s*[a-z]{0,2}\d?\s*-?\s*\d{1,4}[a-z]?",
        r"(?:^|[^a-z0-9])[a-z]{1,2}\d?-\d{1,4}",
        // "24/7" is not a date
        r"24\s*/\s*7",
    ]
    .iter()
    .map(|p| re(p))
    .collect()
});

const CN_NUM: &str = "零〇一二两三四五六七八九十廿";

/// Chinese units: 3座1502室, B座12樓A室, 9栋1单元302, 3号楼2单元, 十三座十五樓B室,
/// A棟7樓之2 and A棟7F-2 (a Taiwan floor and the flat on it, written "7-2"),
/// and a neighbour's flat named from the block: 7座隔籬1803 (the word for
/// "next door" is kept in the text, it says what the message is about).
static ZH_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:第)?(?P<b>\d{{1,3}}|[{n}]{{1,4}}|[a-z])\s*(?:座|栋|幢|号楼|号栋|号座)(?:\s*[,，、-]?\s*(?:\d{{1,2}}|[{n}]{{1,3}})\s*单元)?(?:\s*[,，、-]?\s*(?P<nb>隔篱|隔壁|对面|对门)?\s*(?:(?P<fl>\d{{1,2}}|[{n}]{{1,3}})\s*(?:楼|层|/f|f)\s*(?:(?:之|-)\s*(?P<fz>\d{{1,2}}|[{n}]{{1,3}})|(?P<fx>[a-z]|\d{{1,2}})\s*(?:室|号|房|座)?)?|(?P<fn>\d{{3,4}}|[零〇一二三四五六七八九]{{3,4}})(?P<fnx>[a-z])?\s*(?:室|号|房)?|(?P<fa>\d{{1,2}}[a-z])))?",
        n = CN_NUM
    ))
});

/// A block and flat written with a dash or slash inside the text: "3/1708",
/// "2/3106", and the mainland building-entrance-flat "8-1-602".
static MID_SHORTHAND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^0-9a-z/:.\-])(?P<b>\d{1,2}|[a-z])\s*[-/]\s*(?:\d{1,2}\s*-\s*)?(?P<f>\d{3,4}[a-z]?)(?:$|[^0-9a-z/:.\-]|\.(?:$|\D))",
    )
});

/// An English block followed at once by a flat number: "Block 8 1510",
/// "Blk 5, 1810".
static EN_BUILDING_FLAT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z])(?:block|blk|bldg|building|tower|twr)\.?\s*(?:no\.?\s*)?#?\s*(?P<b>\d{1,3}|[a-z])\s*[,/-]?\s*(?P<f>\d{3,4}[a-z]?)(?:$|[^a-z0-9:])",
    )
});

/// A floor alone (28楼, 十五樓), blanked so its number is not read as a time.
static ZH_FLOOR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:\d{{1,2}}|[{CN_NUM}]{{1,3}})\s*(?:楼|层)|\d{{3,4}}\s*(?:室|号房)"
    ))
});

static EN_BUILDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z])(?:block|blk|bldg|building|tower|twr)\.?\s*(?:no\.?\s*)?#?\s*(?P<b>\d{1,3}|[a-z])(?:$|[^a-z0-9])",
    )
});

static EN_FLAT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z])(?:flat|unit|rm|room|apt|apartment|suite)\.?\s*(?:no\.?\s*)?#?\s*(?P<f>\d{1,4}\s?[a-z]|\d{1,4}|[a-z])(?:$|[^a-z0-9])",
    )
});

static EN_FLOOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z0-9])(?:(?P<a>\d{1,2})\s*/\s*f|(?P<b>\d{1,2})(?:st|nd|rd|th)?\s*(?:floor|flr|fl)|(?:floor|flr)\s*(?P<c>\d{1,2}))(?:$|[^a-z0-9])",
    )
});

/// "T2 31A", "T5-12B", "T11-2705": a tower written as T and its number,
/// with its flat right after (read before the codes of `NOISE`, which would
/// take "t5-12" for a parking space).
static T_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[^a-z0-9])t(?P<b>\d{1,2})\s*[-/]?\s*(?P<f>\d{1,2}[a-z]|\d{3,4}[a-z]?)(?:$|[^a-z0-9])")
});

/// "16A T3", "8C in T2": a flat and then its tower.
static FLAT_T: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^a-z0-9/])(?P<f>\d{1,2}[a-z])\s*,?\s*(?:in\s+|of\s+|at\s+)?t(?P<b>\d{1,2})(?:$|[^a-z0-9])",
    )
});

/// A tower named "T6" alone ("lift B in T6"); not when the message speaks
/// of a typhoon signal ("if T8 goes up").
static T_BUILDING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^a-z0-9])t(?P<b>\d{1,2})(?:$|[^a-z0-9])"));

/// Words of a typhoon or rainstorm signal: "T8" is then a signal.
const SIGNAL_WORDS: &[&str] = &[
    "typhoon",
    "signal",
    "goes up",
    "go up",
    "hoisted",
    "raised",
    "rainstorm",
    "风球",
    "台风",
    "飓风",
];

/// A Taiwan floor and flat written alone ("7F-2", "7樓之2"), taken when a
/// building was named elsewhere in the message ("Tower A, 7F-2").
static TW_FLAT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[^a-z0-9/])(?P<fl>\d{{1,2}}|[{CN_NUM}]{{1,3}})\s*(?:f|楼)\s*(?:之|-)\s*(?P<z>\d{{1,2}}|[{CN_NUM}]{{1,3}})(?:$|[^0-9a-z{CN_NUM}单])"
    ))
});

/// A flat written alone ("15C", "8A"), taken when a building was named
/// elsewhere in the message ("termites in Tower 6, 8A"; "20A, Tower 6").
static LOOSE_FLAT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^a-z0-9/.:$])(?P<f>\d{1,2}[a-wyz])(?:$|[^a-z0-9/])"));

/// The article "a" after "block" is a building only when written as a capital.
static CAPITAL_A: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i:block|blk|bldg|building|tower|twr)\.?\s*A(?:$|[^A-Za-z0-9])"));

/// What the unit step found: the unit, and the text with units blanked out.
pub(crate) struct Found {
    pub unit: Option<UnitRef>,
    pub rest: String,
}

/// Finds the unit in a normalised message; `original` is the unnormalised text.
pub(crate) fn find(norm: &str, original: &str) -> Found {
    let mut blanks: Vec<(usize, usize)> = Vec::new();
    let mut unit = None;

    if let Some(c) = SHORTHAND.captures(norm) {
        let (b, f) = (c.name("b"), c.name("f"));
        if let (Some(b), Some(f)) = (b, f) {
            let letter_building = b.as_str().bytes().all(|x| x.is_ascii_alphabetic());
            let plain_three_digits =
                f.as_str().len() == 3 && f.as_str().bytes().all(|x| x.is_ascii_digit());
            if !(letter_building && plain_three_digits) {
                unit = Some(UnitRef::flat(
                    b.as_str().to_ascii_uppercase(),
                    f.as_str().to_ascii_uppercase(),
                ));
                blanks.push((b.start(), f.end()));
            }
        }
    }

    if unit.is_none() {
        let towered = T_UNIT.captures(norm).or_else(|| FLAT_T.captures(norm));
        if let Some(c) = towered
            && let (Some(b), Some(f), Some(whole)) = (c.name("b"), c.name("f"), c.get(0))
        {
            unit = Some(UnitRef::flat(
                b.as_str().to_owned(),
                f.as_str().to_ascii_uppercase(),
            ));
            blanks.push((whole.start(), whole.end()));
        }
    }

    let mut masked = norm.to_owned();
    for r in NOISE.iter() {
        for m in r.find_iter(norm) {
            blanks.push((m.start(), m.end()));
        }
    }
    blank(&mut masked, &blanks);

    let zh = zh_unit(&masked, &mut blanks);
    let en = en_unit(&masked, original, &mut blanks);
    for m in ZH_FLOOR.find_iter(&masked) {
        blanks.push((m.start(), m.end()));
    }
    let mid = mid_shorthand(&masked, &mut blanks);
    if unit.is_none() {
        unit = match (zh, en) {
            (Some(z), Some(e)) if z.flat.is_none() && e.flat.is_some() => Some(e),
            (Some(z), _) => Some(z),
            (None, e) => e,
        };
    }
    if unit.as_ref().is_none_or(|u| u.flat.is_none())
        && let Some(m) = mid
        && unit.as_ref().is_none_or(|u| u.building == m.building)
    {
        unit = Some(m);
    }
    blank(&mut masked, &blanks);
    Found { unit, rest: masked }
}

/// Overwrites each range with spaces (byte lengths kept, so ranges stay valid).
fn blank(text: &mut String, ranges: &[(usize, usize)]) {
    let mut bytes = std::mem::take(text).into_bytes();
    for &(s, e) in ranges {
        if let Some(slice) = bytes.get_mut(s..e) {
            slice.fill(b' ');
        }
    }
    // Ranges are match boundaries on char boundaries, so this stays UTF-8.
    *text = String::from_utf8(bytes).unwrap_or_default();
}

fn building_label(raw: &str) -> Option<String> {
    if raw.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Some(raw.to_ascii_uppercase());
    }
    numerals::parse(raw)
        .filter(|n| *n > 0 && *n < 1000)
        .map(|n| n.to_string())
}

fn zh_unit(text: &str, blanks: &mut Vec<(usize, usize)>) -> Option<UnitRef> {
    let mut first = None;
    for c in ZH_UNIT.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let Some(b) = c.name("b") else { continue };
        let before = text[..b.start()].chars().next_back();
        let is_letter = b.as_str().bytes().all(|x| x.is_ascii_alphabetic());
        if is_letter && before.is_some_and(|ch| ch.is_ascii_alphanumeric()) {
            continue;
        }
        let after_marker = text[whole.end()..].chars().next();
        if text[b.end()..].trim_start().starts_with('座')
            && matches!(
                text[b.end()..].trim_start()['座'.len_utf8()..]
                    .chars()
                    .next(),
                Some('位' | '椅' | '车')
            )
        {
            continue;
        }
        let Some(building) = building_label(b.as_str()) else {
            continue;
        };
        let mut flat = flat_of(&c);
        // A flat number followed by money, time or date words is not a flat.
        if flat.is_some()
            && matches!(
                after_marker,
                Some('元' | '块' | '蚊' | '年' | '月' | '日' | '点' | ':' | '万' | '%')
            )
        {
            flat = None;
        }
        match c.name("nb") {
            Some(nb) => {
                blanks.push((whole.start(), nb.start()));
                blanks.push((nb.end(), whole.end()));
            }
            None => blanks.push((whole.start(), whole.end())),
        }
        if first.is_none() {
            first = Some(UnitRef { building, flat });
        }
    }
    first
}

fn flat_of(c: &regex::Captures<'_>) -> Option<String> {
    if let Some(fl) = c.name("fl") {
        let floor = numerals::parse(fl.as_str())?;
        if let Some(z) = c.name("fz") {
            return taiwan_flat(floor, z.as_str());
        }
        let x = c.name("fx")?.as_str();
        return Some(if x.bytes().all(|b| b.is_ascii_digit()) {
            format!("{floor}{x:0>2}")
        } else {
            format!("{floor}{}", x.to_ascii_uppercase())
        });
    }
    if let Some(fnum) = c.name("fn") {
        let digits: String = if fnum.as_str().is_ascii() {
            fnum.as_str().to_owned()
        } else {
            fnum.as_str()
                .chars()
                .filter_map(numerals::digit)
                .map(|d| char::from(b'0' + d as u8))
                .collect()
        };
        let letter = c
            .name("fnx")
            .map(|m| m.as_str().to_ascii_uppercase())
            .unwrap_or_default();
        return Some(format!("{digits}{letter}"));
    }
    c.name("fa").map(|m| m.as_str().to_ascii_uppercase())
}

/// A Taiwan floor and the flat on it (7樓之2, 七樓之二, 7F-2) as "7-2".
fn taiwan_flat(floor: u32, flat: &str) -> Option<String> {
    Some(format!("{floor}-{}", numerals::parse(flat)?))
}

/// "3/1708" or "8-1-602" inside the text (a letter block needs a letter on
/// its flat or four digits, as at the start: "B-112" is a parking space).
fn mid_shorthand(text: &str, blanks: &mut Vec<(usize, usize)>) -> Option<UnitRef> {
    // Most messages have neither: skip the pattern (the parser's speed).
    if !text.contains(['/', '-']) {
        return None;
    }
    MID_SHORTHAND.captures_iter(text).find_map(|c| {
        let (b, f) = (c.name("b")?, c.name("f")?);
        let letter_building = b.as_str().bytes().all(|x| x.is_ascii_alphabetic());
        let plain_three_digits =
            f.as_str().len() == 3 && f.as_str().bytes().all(|x| x.is_ascii_digit());
        if letter_building && plain_three_digits {
            return None;
        }
        blanks.push((b.start(), f.end()));
        Some(UnitRef::flat(
            b.as_str().to_ascii_uppercase(),
            f.as_str().to_ascii_uppercase(),
        ))
    })
}

fn en_unit(text: &str, original: &str, blanks: &mut Vec<(usize, usize)>) -> Option<UnitRef> {
    let building = EN_BUILDING
        .captures_iter(text)
        .find_map(|c| {
            let b = c.name("b")?;
            if b.as_str() == "a" && !CAPITAL_A.is_match(original) {
                return None;
            }
            let whole = c.get(0)?;
            blanks.push((whole.start(), whole.end()));
            building_label(b.as_str())
        })
        .or_else(|| {
            if SIGNAL_WORDS.iter().any(|w| text.contains(w)) {
                return None;
            }
            let c = T_BUILDING.captures(text)?;
            let whole = c.get(0)?;
            blanks.push((whole.start(), whole.end()));
            building_label(c.name("b")?.as_str())
        });
    let flat = EN_FLAT.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        blanks.push((whole.start(), whole.end()));
        c.name("f")
            .map(|m| m.as_str().replace(' ', "").to_ascii_uppercase())
    });
    let floor = EN_FLOOR.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        blanks.push((whole.start(), whole.end()));
        c.name("a")
            .or(c.name("b"))
            .or(c.name("c"))
            .map(|m| m.as_str().to_owned())
    });
    let building = building?;
    // "Tower A, 7F-2": a Taiwan floor and flat.
    let flat = flat.or_else(|| {
        TW_FLAT.captures_iter(text).find_map(|c| {
            let (fl, z) = (c.name("fl")?, c.name("z")?);
            blanks.push((fl.start(), z.end()));
            taiwan_flat(numerals::parse(fl.as_str())?, z.as_str())
        })
    });
    // "Block 8 1510": the number right after the block is its flat.
    let flat = flat.or_else(|| {
        EN_BUILDING_FLAT.captures_iter(text).find_map(|c| {
            let f = c.name("f")?;
            blanks.push((f.start(), f.end()));
            Some(f.as_str().to_ascii_uppercase())
        })
    });
    // "Tower 6, 8A": a flat written alone, once the building is known.
    let flat = flat.or_else(|| {
        LOOSE_FLAT.captures_iter(text).find_map(|c| {
            let f = c.name("f")?;
            blanks.push((f.start(), f.end()));
            Some(f.as_str().to_ascii_uppercase())
        })
    });
    let flat = match (floor, flat) {
        (Some(fl), Some(f)) if f.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Some(format!("{fl}{f}"))
        }
        (_, Some(f)) if f.bytes().all(|b| b.is_ascii_alphabetic()) => None,
        (_, f) => f,
    };
    Some(UnitRef { building, flat })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::normalise::normalise;

    fn unit(text: &str) -> Option<UnitRef> {
        find(&normalise(text), text).unit
    }

    fn u(b: &str, f: Option<&str>) -> Option<UnitRef> {
        Some(UnitRef {
            building: b.to_owned(),
            flat: f.map(str::to_owned),
        })
    }

    #[test]
    fn a_座_number_and_a_room_number_make_a_unit() {
        assert_eq!(unit("你好，3座1502室廚房水喉爆咗"), u("3", Some("1502")));
    }

    #[test]
    fn a_flat_written_as_12樓a室_becomes_12a() {
        assert_eq!(unit("B座12樓A室，浴室天花一直滴水"), u("B", Some("12A")));
    }

    #[test]
    fn chinese_numerals_become_digits() {
        assert_eq!(unit("十三座十五樓B室 冇晒電"), u("13", Some("15B")));
    }

    #[test]
    fn a_mainland_栋_with_a_单元_drops_the_entrance() {
        assert_eq!(unit("9栋1单元302漏水"), u("9", Some("302")));
        assert_eq!(unit("3号楼2单元电梯困人了"), u("3", None));
        assert_eq!(unit("5栋802厨房燃气味很重"), u("5", Some("802")));
    }

    #[test]
    fn a_taiwan_floor_and_flat_join_with_a_dash() {
        assert_eq!(unit("A棟7樓之2 浴室漏水"), u("A", Some("7-2")));
        assert_eq!(unit("B棟七樓之二 冷氣壞了"), u("B", Some("7-2")));
        assert_eq!(unit("我住D棟5F-1，電燈壞了"), u("D", Some("5-1")));
        assert_eq!(
            unit("Tower A 7F-2, the light is broken"),
            u("A", Some("7-2"))
        );
        assert_eq!(unit("C棟12樓之3"), u("C", Some("12-3")));
        // A floor alone still gives no flat.
        assert_eq!(unit("A棟7樓走廊燈壞了"), u("A", None));
    }

    #[test]
    fn a_phase_is_not_part_of_the_building() {
        assert_eq!(unit("二期7座22樓C室 陳生"), u("7", Some("22C")));
    }

    #[test]
    fn a_lower_case_letter_building_is_upper_cased() {
        assert_eq!(unit("c座大閘道門鎖唔到"), u("C", None));
        assert_eq!(unit("A棟電梯門"), u("A", None));
    }

    #[test]
    fn english_block_and_flat_are_read_in_either_order() {
        assert_eq!(unit("gas in Block 2 Flat 17C"), u("2", Some("17C")));
        assert_eq!(unit("fan is dead. Flat 9E, Blk 4"), u("4", Some("9E")));
        assert_eq!(unit("Tower 2 flat 3305, breaker"), u("2", Some("3305")));
    }

    #[test]
    fn an_english_floor_and_flat_letter_join() {
        assert_eq!(unit("Tower 6 31/F Flat H pls"), u("6", Some("31H")));
        assert_eq!(unit("blk 3 12/F flat D"), u("3", Some("12D")));
    }

    #[test]
    fn a_tower_written_t_and_its_number_is_a_building() {
        assert_eq!(
            unit("rotten eggs smell. T2 31A. please"),
            u("2", Some("31A"))
        );
        assert_eq!(unit("Hob in T5-12B won't light"), u("5", Some("12B")));
        assert_eq!(unit("T11-2705: the socket is loose"), u("11", Some("2705")));
        assert_eq!(unit("Reno at 16A T3 is done"), u("3", Some("16A")));
        assert_eq!(unit("still dripping (T5 6B)"), u("5", Some("6B")));
        assert_eq!(unit("The doors on lift B in T6 keep closing"), u("6", None));
        assert_eq!(unit("我係T3 30A，想book squash court"), u("3", Some("30A")));
        assert_eq!(unit("what happens if T8 goes up tonight?"), None);
        assert_eq!(unit("T8 signal up and the tree is leaning"), None);
    }

    #[test]
    fn a_flat_written_alone_joins_a_building_named_elsewhere() {
        assert_eq!(
            unit("sawdust under the wardrobe in Tower 6, 8A"),
            u("6", Some("8A"))
        );
        assert_eq!(
            unit("Half the sockets died (15C Tower 2)"),
            u("2", Some("15C"))
        );
        assert_eq!(unit("lock is jammed. 20A, Tower 6"), u("6", Some("20A")));
        assert_eq!(
            unit("roaches tomorrow at 2? Tower 3 / 21D"),
            u("3", Some("21D"))
        );
        assert_eq!(unit("Block 2, 12/F, the lights are out 3am"), u("2", None));
    }

    #[test]
    fn a_flat_with_no_building_is_no_unit() {
        assert_eq!(unit("Sparks from the socket!! Flat 12A"), None);
        assert_eq!(unit("The dog in 14B barks"), None);
        assert_eq!(unit("1502室漏水"), None);
    }

    #[test]
    fn a_floor_alone_gives_no_flat() {
        assert_eq!(unit("28樓走廊好臭"), None);
        assert_eq!(unit("3座15樓走廊好臭"), u("3", None));
    }

    #[test]
    fn parking_spaces_phones_and_prices_are_not_units() {
        assert_eq!(unit("Someone parked in my space. Space B-112."), None);
        assert_eq!(unit("B-112"), None);
        assert_eq!(unit("call me 9123 4567"), None);
        assert_eq!(unit("$1502 per month"), None);
        assert_eq!(unit("管理費1502元"), None);
    }

    #[test]
    fn the_block_article_a_needs_a_capital() {
        assert_eq!(
            unit("Lift 3 in Block A is STILL out of service"),
            u("A", None)
        );
        assert_eq!(unit("the van will block a lane"), None);
    }

    #[test]
    fn staff_shorthand_at_the_start_is_a_unit() {
        assert_eq!(unit("3-1502 kitchen tap leaking"), u("3", Some("1502")));
        assert_eq!(unit("3/1502"), u("3", Some("1502")));
        assert_eq!(unit("/log 3-1502 text"), u("3", Some("1502")));
        assert_eq!(unit("3座1502"), u("3", Some("1502")));
    }

    #[test]
    fn dashes_inside_free_text_are_not_shorthand() {
        assert_eq!(unit("call 2345-6789 please"), None);
        assert_eq!(unit("12/15想開始裝潢"), None);
        assert_eq!(unit("15/12搬屋 8座"), u("8", None));
    }

    #[test]
    fn a_block_and_flat_inside_the_text_are_a_unit() {
        assert_eq!(
            unit("my socket just sparked, smoke coming out. 3/1708"),
            u("3", Some("1708"))
        );
        assert_eq!(
            unit("Bathroom fan stopped working, 2/3106. Come tomorrow?"),
            u("2", Some("3106"))
        );
        assert_eq!(unit("楼上漏水 我家是8-1-602"), u("8", Some("602")));
        assert_eq!(
            unit("someone in my flat. Block 8 1510"),
            u("8", Some("1510"))
        );
        assert_eq!(
            unit("ceiling light, Blk 5 1810. upstairs"),
            u("5", Some("1810"))
        );
        assert_eq!(unit("Flat 12B, Tower 2"), u("2", Some("12B")));
        assert_eq!(
            unit("Flat 12B, Tower 2, the toilet is blocked"),
            u("2", Some("12B"))
        );
        // Dates, times, prices and parking spaces stay what they are.
        assert_eq!(unit("25/12 at 3pm"), None);
        assert_eq!(unit("Space B-112 again"), None);
        assert_eq!(unit("Block 3 at 10:30"), u("3", None));
    }

    #[test]
    fn a_neighbours_flat_named_from_the_block_is_that_flat_and_keeps_the_word() {
        let text = "7座隔籬1803有好大煙湧出嚟走廊";
        let found = find(&normalise(text), text);
        assert_eq!(found.unit, u("7", Some("1803")));
        assert!(found.rest.contains("隔篱"), "{}", found.rest);
        assert!(!found.rest.contains("1803"), "{}", found.rest);
        assert_eq!(unit("4座隔籬1610成日擺鞋櫃"), u("4", Some("1610")));
        assert_eq!(unit("7座隔籬好嘈"), u("7", None));
    }

    #[test]
    fn the_unit_is_blanked_from_the_rest() {
        let text = "3座1502室 聽日三點";
        let found = find(&normalise(text), text);
        assert!(!found.rest.contains("1502"));
        assert!(found.rest.contains("三点"));
    }
}
