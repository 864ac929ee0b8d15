//! Chinese and Arabic numerals → numbers ("十三" → 13, "廿五" → 25,
//! "一五零二" → 1502, "二零一五" → 2015).

/// The value of one Chinese digit character.
pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | 'o' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return c.to_digit(10),
    })
}

/// Parses Arabic digits, positional Chinese (十三, 二十五, 廿, 一百零五) or a
/// Chinese digit string (一五零二).
pub fn parse(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let positional = s
        .chars()
        .any(|c| matches!(c, '十' | '拾' | '百' | '千' | '廿' | '卅'));
    if !positional {
        return s
            .chars()
            .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let mut total = 0u32;
    let mut current: Option<u32> = None;
    for c in s.chars() {
        let unit = match c {
            '十' | '拾' => 10,
            '廿' => {
                total += 20;
                current = None;
                continue;
            }
            '卅' => {
                total += 30;
                current = None;
                continue;
            }
            '百' => 100,
            '千' => 1000,
            _ => {
                let d = digit(c)?;
                current = Some(d);
                continue;
            }
        };
        total += current.unwrap_or(1) * unit;
        current = None;
    }
    Some(total + current.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positional_chinese_numerals_are_read() {
        assert_eq!(parse("十三"), Some(13));
        assert_eq!(parse("十"), Some(10));
        assert_eq!(parse("二十五"), Some(25));
        assert_eq!(parse("两"), Some(2));
        assert_eq!(parse("一百零五"), Some(105));
    }

    #[test]
    fn 廿_and_卅_are_twenty_and_thirty() {
        assert_eq!(parse("廿"), Some(20));
        assert_eq!(parse("廿五"), Some(25));
        assert_eq!(parse("卅一"), Some(31));
    }

    #[test]
    fn a_string_of_chinese_digits_is_read_digit_by_digit() {
        assert_eq!(parse("一五零二"), Some(1502));
        assert_eq!(parse("二零一五"), Some(2015));
        assert_eq!(parse("九零"), Some(90));
    }

    #[test]
    fn arabic_digits_and_garbage() {
        assert_eq!(parse("1502"), Some(1502));
        assert_eq!(parse("abc"), None);
        assert_eq!(parse(""), None);
    }
}
