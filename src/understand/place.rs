//! Shared areas named in a message (the lobby, the car park, the refuse
//! room …): where a fault outside anyone's flat is. The words are the
//! `[[place]]` section of `prompts/lexicon.toml`; a list's `name` is the
//! area's key (`lobby`, `car_park` …, shown through `area-<key>` prompts).

use std::sync::LazyLock;

use super::phrases::{self, Phrases};

static PLACES: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&phrases::sections().place));

/// The first shared area named in a normalised message, by its key.
pub fn find(norm: &str) -> Option<&'static str> {
    let places: &'static Phrases = &PLACES;
    places.find(norm).first().map(|f| places.name(f.list))
}

/// Every area key the lexicon knows, in its order.
pub fn keys() -> Vec<&'static str> {
    let places: &'static Phrases = &PLACES;
    let mut keys: Vec<&'static str> = Vec::new();
    for list in phrases::sections().place.iter().enumerate() {
        let name = places.name(list.0);
        if !keys.contains(&name) {
            keys.push(name);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::super::normalise::normalise;
    use super::*;

    fn area(text: &str) -> Option<&'static str> {
        find(&normalise(text))
    }

    #[test]
    fn shared_areas_are_found_in_every_script() {
        let cases = [
            ("大堂燈壞咗", Some("lobby")),
            ("大堂灯坏了", Some("lobby")),
            ("The lobby lights are out", Some("lobby")),
            ("3座電梯大堂好臭", Some("lift_lobby")),
            ("lift lobby on 12/F is dark", Some("lift_lobby")),
            ("停車場B2有架車亂泊", Some("car_park")),
            (
                "someone parked in my space in the car park",
                Some("car_park"),
            ),
            ("垃圾房好臭", Some("refuse_room")),
            ("the refuse room smells", Some("refuse_room")),
            ("平台啲樹倒咗", Some("podium")),
            ("走廊燈閃", Some("corridor")),
            ("會所泳池好污糟", Some("clubhouse")),
            ("廚房水喉漏水", None),
            ("my upstairs neighbour is noisy", None),
        ];
        for (text, want) in cases {
            assert_eq!(area(text), want, "{text}");
        }
    }

    #[test]
    fn every_area_has_a_name_in_every_language() {
        for lang in crate::domain::lang::Lang::ALL {
            for key in keys() {
                assert!(
                    crate::texts::has(lang, &format!("area-{key}")),
                    "{lang} area-{key}"
                );
            }
        }
    }
}
