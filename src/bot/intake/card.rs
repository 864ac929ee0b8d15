//! How a draft reads to the resident: the confirmation card, the questions
//! asked before it, and their buttons.

use fluent_bundle::FluentValue;

use super::draft::{Ask, Draft, Place};
use crate::app::App;
use crate::desk::cards;
use crate::domain::button::{Callback, DraftOp};
use crate::domain::lang::Lang;
use crate::domain::request::{Category, Kind};
use crate::outbox::OutButton;
use crate::store::units::UnitRow;
use crate::texts::{t, t_args};

/// A message with buttons, ready to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Screen {
    pub text: String,
    pub buttons: Vec<Vec<OutButton>>,
}

fn button(lang: Lang, key: &str, nonce: u32, op: DraftOp) -> OutButton {
    OutButton::new(t(lang, key), Callback::Draft { nonce, op }.encode())
}

/// The place as the resident reads it.
pub fn place_text(lang: Lang, place: &Place) -> String {
    match place {
        Place::Unit { label, .. } => label.clone(),
        Place::Building(building) => t_args(
            lang,
            "draft-place-building",
            &[("building", building.clone().into())],
        ),
        Place::Unknown => t(lang, "draft-place-unknown"),
        Place::Area { area, building } => area_text(lang, area, building.as_deref()),
    }
}

/// A shared area as the resident reads it: "Lobby, Block 3 (shared area)".
pub fn area_text(lang: Lang, area: &str, building: Option<&str>) -> String {
    let name = t(lang, &format!("area-{area}"));
    match building {
        Some(building) => t_args(
            lang,
            "draft-place-area",
            &[
                ("area", name.into()),
                ("building", building.to_owned().into()),
            ],
        ),
        None => t_args(lang, "draft-place-area-estate", &[("area", name.into())]),
    }
}

/// The draft's place with the other flat it is about, if any.
pub fn place_line(lang: Lang, draft: &Draft) -> String {
    let place = place_text(lang, &draft.place);
    match &draft.about {
        Some(unit) => t_args(
            lang,
            "draft-place-about",
            &[("place", place.into()), ("unit", unit.clone().into())],
        ),
        None => place,
    }
}

/// The most of the resident's text a card quotes, so that the card stays
/// within Telegram's 4096 characters.
const QUOTED: usize = 3000;

/// What the resident wrote, or a note that they only sent photos.
pub fn said(lang: Lang, draft: &Draft) -> String {
    let text = draft.text();
    if text.is_empty() {
        return t(lang, "draft-no-text");
    }
    text
}

/// The start of a long text, marked as cut.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max).collect();
    cut.push('…');
    cut
}

/// The confirmation card.
pub fn card(app: &App, lang: Lang, draft: &Draft) -> Screen {
    let when = match draft.when {
        Some((start, end)) => cards::span(app, lang, start, end),
        None => t(lang, "card-no-time"),
    };
    let args: [(&str, FluentValue); 7] = [
        (
            "kind",
            cards::label(lang, "kind", draft.kind.as_str()).into(),
        ),
        (
            "category",
            cards::label(lang, "category", draft.category.as_str()).into(),
        ),
        (
            "urgency",
            cards::label(lang, "urgency", draft.urgency.as_str()).into(),
        ),
        ("place", place_line(lang, draft).into()),
        ("text", excerpt(&said(lang, draft), QUOTED).into()),
        ("when", when.into()),
        ("photos", (draft.photos.len() as i64).into()),
    ];
    let n = draft.nonce;
    Screen {
        text: t_args(lang, "draft-card", &args),
        buttons: vec![
            vec![button(lang, "button-draft-confirm", n, DraftOp::Confirm)],
            vec![
                button(lang, "button-draft-kind", n, DraftOp::ChangeKind),
                button(lang, "button-draft-category", n, DraftOp::ChangeCategory),
            ],
            vec![
                button(lang, "button-draft-unit", n, DraftOp::ChangeUnit),
                button(lang, "button-draft-time", n, DraftOp::ChangeTime),
            ],
            vec![
                button(lang, "button-draft-photo", n, DraftOp::AddPhoto),
                button(lang, "button-draft-cancel", n, DraftOp::Cancel),
            ],
            vec![button(lang, "button-urgent", n, DraftOp::Urgent)],
        ],
    }
}

/// A picker's rows with its last row (cancel) replaced by the way out.
fn with_way_out(mut rows: Vec<Vec<OutButton>>, way_out: Vec<OutButton>) -> Vec<Vec<OutButton>> {
    rows.pop();
    rows.push(way_out);
    rows
}

fn in_pairs(buttons: Vec<OutButton>) -> Vec<Vec<OutButton>> {
    buttons.chunks(2).map(<[OutButton]>::to_vec).collect()
}

fn cancel_row(lang: Lang, nonce: u32) -> Vec<OutButton> {
    vec![button(lang, "button-draft-cancel", nonce, DraftOp::Cancel)]
}

/// The kinds a resident can pick (not "unknown").
pub fn kind_picker(lang: Lang, nonce: u32) -> Vec<Vec<OutButton>> {
    let buttons = Kind::ALL
        .iter()
        .filter(|k| **k != Kind::Unknown)
        .map(|k| {
            OutButton::new(
                cards::label(lang, "kind", k.as_str()),
                Callback::Draft {
                    nonce,
                    op: DraftOp::SetKind(*k),
                }
                .encode(),
            )
        })
        .collect();
    let mut rows = in_pairs(buttons);
    rows.push(cancel_row(lang, nonce));
    rows
}

/// Every category.
pub fn category_picker(lang: Lang, nonce: u32) -> Vec<Vec<OutButton>> {
    let buttons = Category::ALL
        .iter()
        .map(|c| {
            OutButton::new(
                cards::label(lang, "category", c.as_str()),
                Callback::Draft {
                    nonce,
                    op: DraftOp::SetCategory(*c),
                }
                .encode(),
            )
        })
        .collect();
    let mut rows = in_pairs(buttons);
    rows.push(cancel_row(lang, nonce));
    rows
}

/// The resident's units, to pick one.
pub fn unit_picker(lang: Lang, nonce: u32, units: &[UnitRow]) -> Vec<Vec<OutButton>> {
    let buttons = units
        .iter()
        .map(|u| {
            OutButton::new(
                u.label(),
                Callback::Draft {
                    nonce,
                    op: DraftOp::SetUnit(u.id),
                }
                .encode(),
            )
        })
        .collect();
    let mut rows = in_pairs(buttons);
    rows.push(cancel_row(lang, nonce));
    rows
}

/// The screen for what the draft is waiting for.
pub fn screen(app: &App, lang: Lang, draft: &Draft, units: &[UnitRow]) -> Screen {
    let n = draft.nonce;
    let min_confidence = app.settings.tickets.min_confidence;
    match draft.asking {
        Ask::Nothing => card(app, lang, draft),
        Ask::Kind => Screen {
            text: t_args(
                lang,
                "draft-ask-kind",
                &[("text", excerpt(&said(lang, draft), QUOTED).into())],
            ),
            // A message the desk cannot read may be one it should not miss.
            buttons: with_way_out(
                kind_picker(lang, n),
                vec![button(lang, "button-urgent", n, DraftOp::Urgent)],
            )
            .into_iter()
            .chain([way_out(lang, draft, min_confidence)])
            .collect(),
        },
        Ask::Category => Screen {
            text: t_args(
                lang,
                "draft-ask-category",
                &[("text", excerpt(&said(lang, draft), QUOTED).into())],
            ),
            buttons: with_way_out(
                category_picker(lang, n),
                way_out(lang, draft, min_confidence),
            ),
        },
        Ask::Unit => Screen {
            text: if units.is_empty() {
                t(lang, "draft-ask-unit-none")
            } else {
                t(lang, "draft-ask-unit")
            },
            buttons: with_way_out(
                unit_picker(lang, n, units),
                way_out(lang, draft, min_confidence),
            ),
        },
        Ask::Time => match (draft.past, draft.proposed) {
            (Some((start, end)), Some((next, next_end))) => Screen {
                text: t_args(
                    lang,
                    "draft-time-past",
                    &[
                        ("time", cards::span(app, lang, start, end).into()),
                        ("next", cards::span(app, lang, next, next_end).into()),
                    ],
                ),
                buttons: vec![
                    vec![OutButton::new(
                        t_args(
                            lang,
                            "button-take-time",
                            &[("next", cards::span(app, lang, next, next_end).into())],
                        ),
                        Callback::Draft {
                            nonce: n,
                            op: DraftOp::TakeTime,
                        }
                        .encode(),
                    )],
                    way_out(lang, draft, min_confidence),
                ],
            },
            _ => Screen {
                text: t(lang, "draft-ask-time"),
                buttons: vec![way_out(lang, draft, min_confidence)],
            },
        },
        Ask::Photo => Screen {
            text: t(lang, "draft-ask-photo"),
            buttons: vec![way_out(lang, draft, min_confidence)],
        },
    }
}

/// The way out of a question: back to the card when the card was complete
/// (the resident pressed a button to change something), and cancel.
fn way_out(lang: Lang, draft: &Draft, min_confidence: f32) -> Vec<OutButton> {
    let n = draft.nonce;
    let mut row = Vec::new();
    let mut complete = draft.clone();
    complete.asking = Ask::Nothing;
    if complete.missing(min_confidence) == Ask::Nothing && draft.past.is_none() {
        row.push(button(lang, "button-draft-back", n, DraftOp::Back));
    }
    row.extend(cancel_row(lang, n));
    row
}

/// The answer to a frequently asked question, with a way to a person.
pub fn faq(app: &App, lang: Lang, topic: &str, nonce: u32) -> Screen {
    let office = &app.settings.office;
    let args: [(&str, FluentValue); 3] = [
        ("office", app.office_name(lang).into()),
        ("phone", office.phone.clone().into()),
        ("hours", office.hours.clone().into()),
    ];
    Screen {
        text: t_args(lang, &format!("faq-{topic}"), &args),
        buttons: vec![vec![button(
            lang,
            "button-ask-person",
            nonce,
            DraftOp::AskPerson,
        )]],
    }
}

/// The category a frequently asked question is filed under when the resident
/// wants a person.
pub fn faq_category(topic: &str) -> Category {
    match topic {
        "fees" => Category::Fees,
        "renovation" => Category::Renovation,
        "parking" => Category::Parking,
        _ => Category::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::has;

    async fn app() -> (std::sync::Arc<App>, tempfile::TempDir) {
        let (db, dir) = crate::store::testing::db().await;
        (App::new(db, crate::config::Settings::default()), dir)
    }

    #[test]
    fn the_promise_in_the_acknowledgement_names_the_day_and_time() {
        let hk = chrono_tz::Asia::Hong_Kong;
        let utc = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let now = utc("2026-11-29T21:42:00+08:00");
        let said = |lang: Lang| {
            let at = |s: &str| crate::dates::moment(lang, hk, utc(s), now);
            let args: [(&str, FluentValue); 6] = [
                ("number", "R-0001".into()),
                ("department", "-".into()),
                ("respond", at("2026-11-30T13:00:00+08:00").into()),
                ("resolve", at("2026-12-03T09:00:00+08:00").into()),
                ("next", "-".into()),
                ("phone", "-".into()),
            ];
            t_args(lang, "draft-confirmed", &args)
        };
        let zh_hant = said(Lang::ZhHant);
        assert!(
            zh_hant.contains("在11月30日（星期一）13:00前回應"),
            "{zh_hant}"
        );
        assert!(
            zh_hant.contains("在12月3日（星期四）09:00前完成"),
            "{zh_hant}"
        );
        let zh_hans = said(Lang::ZhHans);
        assert!(
            zh_hans.contains("在11月30日（星期一）13:00前响应"),
            "{zh_hans}"
        );
        let en = said(Lang::En);
        assert!(en.contains("respond by Mon 30 Nov 13:00 and"), "{en}");
        assert!(en.contains("resolve it by Thu 3 Dec 09:00."), "{en}");
    }

    #[tokio::test]
    async fn the_card_shows_every_field_and_its_buttons_carry_the_nonce() {
        let (app, _dir) = app().await;
        let mut draft = Draft::new(42, chrono::Utc::now());
        draft.add_text(1, "water leaking under the sink");
        draft.add_photo("p1");
        draft.kind = Kind::Repair;
        draft.category = Category::Plumbing;
        draft.place = Place::Unit {
            id: 1,
            label: "3-1502".into(),
        };
        for lang in Lang::ALL {
            let screen = card(&app, lang, &draft);
            assert!(screen.text.contains("3-1502"), "{}", screen.text);
            assert!(screen.text.contains("water leaking"), "{}", screen.text);
            assert!(
                screen.text.contains(&t(lang, "kind-repair")),
                "{}",
                screen.text
            );
            assert!(screen.text.contains(&t(lang, "category-plumbing")));
            assert!(screen.text.contains('1'));
        }
        let all: Vec<_> = card(&app, Lang::En, &draft)
            .buttons
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(all.len(), 8);
        for b in all {
            match Callback::parse(&b.data) {
                Some(Callback::Draft { nonce, .. }) => assert_eq!(nonce, 42),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn the_category_picker_offers_every_category() {
        let picks = category_picker(Lang::ZhHans, 1)
            .into_iter()
            .flatten()
            .filter_map(|b| match Callback::parse(&b.data) {
                Some(Callback::Draft {
                    op: DraftOp::SetCategory(c),
                    ..
                }) => Some(c),
                _ => None,
            })
            .count();
        assert_eq!(picks, Category::ALL.len());
    }

    #[test]
    fn the_kind_picker_does_not_offer_unknown() {
        let kinds: Vec<_> = kind_picker(Lang::En, 1)
            .into_iter()
            .flatten()
            .filter_map(|b| match Callback::parse(&b.data) {
                Some(Callback::Draft {
                    op: DraftOp::SetKind(k),
                    ..
                }) => Some(k),
                _ => None,
            })
            .collect();
        assert_eq!(kinds.len(), Kind::ALL.len() - 1);
        assert!(!kinds.contains(&Kind::Unknown));
    }

    #[test]
    fn every_faq_topic_and_safety_text_exists_in_every_language() {
        for lang in Lang::ALL {
            for topic in ["fees", "office_hours", "renovation", "parking"] {
                assert!(has(lang, &format!("faq-{topic}")), "{lang} faq-{topic}");
            }
            for category in Category::ALL {
                let key = super::super::confirm::safety_key(*category);
                assert!(has(lang, key), "{lang} {key}");
            }
            for what in ["sticker", "voice", "video", "document", "other"] {
                assert!(has(lang, &format!("unsupported-{what}")), "{lang} {what}");
            }
        }
    }

    #[test]
    fn a_long_text_is_quoted_in_part() {
        assert_eq!(excerpt("水管漏水", 10), "水管漏水");
        assert_eq!(excerpt("水管漏水", 2), "水管…");
    }

    #[test]
    fn a_common_area_reads_as_its_building() {
        let text = place_text(Lang::En, &Place::Building("7".into()));
        assert!(text.contains('7'), "{text}");
    }
}
