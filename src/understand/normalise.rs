//! Message text → one matching form: NFKC (full-width → half-width), lower
//! case, Traditional → Simplified (fast2s), then the lexicon's rewrite table
//! (Cantonese and regional words → one written form).
//!
//! The caller's text is never changed; the bot keeps it for display.

use unicode_normalization::UnicodeNormalization;

use super::lexicon;

/// The form every rule and lexicon word is matched against.
pub fn normalise(text: &str) -> String {
    lexicon::get().rewrite(&fold(text))
}

/// NFKC, lower case, curly quotes made straight, Traditional → Simplified.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut push = |c: char| match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => out.push('\''),
        '\u{201c}' | '\u{201d}' => out.push('"'),
        '\u{3000}' => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    };
    if text.is_ascii() {
        text.chars().for_each(&mut push);
    } else {
        text.nfkc().for_each(&mut push);
    }
    fast2s::convert(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_letters_become_half_width_lower_case() {
        assert_eq!(fold("ＡＢ１２３：４５"), "ab123:45");
    }

    #[test]
    fn traditional_characters_become_simplified() {
        assert_eq!(fold("樓上漏水"), "楼上漏水");
        assert_eq!(fold("兩個鐘之後"), "两个钟之后");
    }

    #[test]
    fn fast2s_keeps_the_unit_characters_we_match_on() {
        // 座 and 幢 are unchanged; 棟 → 栋, 樓 → 楼, 號 → 号, 單元 → 单元.
        assert_eq!(fold("B座12樓A室"), "b座12楼a室");
        assert_eq!(fold("5棟802 8幢1103"), "5栋802 8幢1103");
        assert_eq!(fold("3號樓2單元"), "3号楼2单元");
    }

    #[test]
    fn fast2s_maps_the_time_characters_we_match_on() {
        assert_eq!(fold("鐘後晝裏"), "钟后昼里");
        assert_eq!(fold("十點一個字"), "十点一个字");
        assert_eq!(fold("禮拜三週五"), "礼拜三周五");
    }

    #[test]
    fn cantonese_day_words_become_standard_ones() {
        assert_eq!(normalise("聽日晏晝"), "明天下午");
        assert_eq!(normalise("琴日朝早"), "昨天早上");
        assert_eq!(normalise("聽晚七點半"), "明晚七点半");
        assert_eq!(normalise("大後日下晝"), "大后天下午");
    }

    #[test]
    fn cantonese_particles_become_standard_ones() {
        assert_eq!(normalise("冇水"), "没有水");
        assert_eq!(normalise("壞咗"), "坏了");
        assert_eq!(normalise("樓上好嘈"), "楼上好吵");
        assert_eq!(normalise("唔得"), "不得");
        assert_eq!(normalise("半個鐘後"), "半小时后");
    }

    #[test]
    fn english_shorthand_is_rewritten_only_as_whole_words() {
        assert_eq!(normalise("Pls come tmr"), "please come tomorrow");
        assert_eq!(normalise("pulse"), "pulse");
    }

    #[test]
    fn the_input_is_not_changed() {
        let text = String::from("聽日晏晝");
        let _ = normalise(&text);
        assert_eq!(text, "聽日晏晝");
    }
}
