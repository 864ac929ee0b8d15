//! The one place that owns the format of callback data (≤ 64 bytes).
//! Callback data comes from the client and can be forged: parsing only says
//! what was asked; handlers still check the sender's role and ownership.

use crate::domain::callback::Answer;
use crate::domain::lang::Lang;
use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::ticket::Status;

mod booking;
mod campaign;
mod judge;
mod mark;

pub use booking::{BookOp, Target};
pub use campaign::{AnswerOp, AudiencePick, CampaignOp, ComposeOp, NoticeWhen};
use campaign::{CAMPAIGN_OPS, id, lettered, name_of, value_of};
pub use judge::JudgeOp;
pub use mark::MarkOp;

/// What a pressed button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// Switch the interface language.
    Lang(Lang),
    /// A staff member goes on (`true`) or off duty.
    Duty(bool),
    /// Decide a resident's request to be bound to a unit.
    Bind { request: i64, approve: bool },
    /// Act on a ticket.
    Ticket { id: i64, op: TicketOp },
    /// Work on the resident's draft; `nonce` tells a current card from a stale one.
    Draft { nonce: u32, op: DraftOp },
    /// A supervisor filters the open tickets.
    /// A list of tickets under `/open`, and its page (0 the first).
    Open(OpenFilter, u32),
    /// Staff say how a logged request came in; `nonce` ties it to one `/log`.
    Log { nonce: u32, via: LogVia },
    /// The resident answers a callback (回訪) after resolution.
    Rate { callback: i64, answer: Answer },
    /// Customer service records the outcome of a phone callback.
    Phoned { callback: i64, satisfied: bool },
    /// A resident starts (or resumes) a survey they were sent.
    SurveyStart { campaign: i64 },
    /// A resident answers a survey question; `token` is their response's
    /// random token (0: a supervisor's preview).
    Answer {
        token: i64,
        question: u8,
        op: AnswerOp,
    },
    /// A resident presses a notice's "收到 / I have read it".
    NoticeAck { campaign: i64 },
    /// A supervisor acts on a survey or notice.
    Campaign { id: i64, op: CampaignOp },
    /// A supervisor answers a step of composing a campaign; `nonce` ties the
    /// buttons to one composition.
    Compose { nonce: u32, op: ComposeOp },
    /// A booking: the resident's pickers, changes and cancellation, and the
    /// staff's visit buttons.
    Book(BookOp),
    /// A supervisor marks a hot spot or a key complaint.
    Mark(MarkOp),
    /// Staff or a supervisor judge a complaint's validity (投訴成立).
    Judge(JudgeOp),
}

/// Which tickets a supervisor wants to see: the open ones, or those in a
/// status (resolved and closed ones too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenFilter {
    All,
    Status(Status),
    /// A department key of the settings.
    Department(String),
    /// The open tickets of a unit (its id).
    Unit(i64),
    /// Open tickets past a time limit.
    Overdue,
    /// Open emergencies.
    Emergency,
}

impl OpenFilter {
    fn code(&self) -> String {
        match self {
            Self::All => "*".to_owned(),
            Self::Status(status) => format!("s:{}", status.as_str()),
            Self::Department(dept) => format!("d:{dept}"),
            Self::Unit(id) => format!("u:{id}"),
            Self::Overdue => "o".to_owned(),
            Self::Emergency => "e".to_owned(),
        }
    }

    fn parse(parts: &[&str]) -> Option<Self> {
        match parts {
            ["*"] => Some(Self::All),
            ["s", status] => Some(Self::Status(status.parse().ok()?)),
            ["d", dept] if !dept.is_empty() => Some(Self::Department((*dept).to_owned())),
            ["u", id] => Some(Self::Unit(id.parse().ok()?)),
            ["o"] => Some(Self::Overdue),
            ["e"] => Some(Self::Emergency),
            _ => None,
        }
    }
}

/// How a request logged by staff reached the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogVia {
    Phone,
    Visit,
}

/// What to do with a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketOp {
    Accept,
    Decline,
    Start,
    Resolve,
    Note,
    Contact,
    /// Show the ticket and its history.
    View,
    /// A supervisor asks whom to give it to.
    Reassign,
    /// A supervisor gives it to this staff member (or supervisor).
    ReassignTo(i64),
    /// A supervisor takes it themselves.
    Take,
    /// A supervisor asks for the urgencies to choose from.
    Urgency,
    /// A supervisor sets its urgency.
    SetUrgency(Urgency),
    /// A supervisor asks for the categories to choose from.
    Category,
    /// A supervisor sets its category.
    SetCategory(Category),
    /// A supervisor closes it (a reason is asked first).
    Close,
    /// A supervisor merges it into this other ticket, as its duplicate.
    MergeInto(i64),
    /// The resident asks to cancel it; they are asked to confirm first.
    Cancel,
    /// The resident confirms the cancellation.
    ConfirmCancel,
    /// The resident decides to keep it after all.
    KeepOpen,
    /// The resident adds information or photos.
    AddInfo,
}

/// What to do with a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftOp {
    Confirm,
    Cancel,
    ChangeKind,
    ChangeCategory,
    ChangeUnit,
    ChangeTime,
    AddPhoto,
    SetKind(Kind),
    SetCategory(Category),
    /// One of the resident's own units, by id.
    SetUnit(i64),
    /// An answered question the resident still wants a person for.
    AskPerson,
    /// The message held aside belongs to this draft.
    Join,
    /// The message held aside is a new request.
    Split,
    /// Back from a question to the card, nothing changed.
    Back,
    /// 🚨 Urgent / someone in danger: the draft becomes an emergency.
    Urgent,
    /// Take the next possible time proposed for a time already past.
    TakeTime,
}

const LANG: &str = "lang";
const DUTY: &str = "duty";
const BIND_APPROVE: &str = "bind+";
const BIND_REJECT: &str = "bind-";
const TICKET: &str = "t";
const DRAFT: &str = "d";
const OPEN: &str = "o";
const LOG: &str = "lg";
const RATE: &str = "cb";
const PHONED: &str = "pc";
const SURVEY_START: &str = "sg";
const ANSWER: &str = "sv";
const NOTICE_ACK: &str = "na";
const CAMPAIGN: &str = "cp";
const COMPOSE: &str = "sc";
const BOOK: &str = "bk";
const MARK: &str = "mk";
const JUDGE: &str = "jg";

const TICKET_OPS: &[(TicketOp, &str)] = &[
    (TicketOp::Accept, "acc"),
    (TicketOp::Decline, "dec"),
    (TicketOp::Start, "go"),
    (TicketOp::Resolve, "done"),
    (TicketOp::Note, "note"),
    (TicketOp::Contact, "tel"),
    (TicketOp::View, "view"),
    (TicketOp::Reassign, "re"),
    (TicketOp::Take, "take"),
    (TicketOp::Urgency, "u?"),
    (TicketOp::Category, "c?"),
    (TicketOp::Close, "close"),
    (TicketOp::Cancel, "x"),
    (TicketOp::ConfirmCancel, "x!"),
    (TicketOp::KeepOpen, "keep"),
    (TicketOp::AddInfo, "add"),
];

const DRAFT_OPS: &[(DraftOp, &str)] = &[
    (DraftOp::Confirm, "ok"),
    (DraftOp::Cancel, "x"),
    (DraftOp::ChangeKind, "k?"),
    (DraftOp::ChangeCategory, "c?"),
    (DraftOp::ChangeUnit, "u?"),
    (DraftOp::ChangeTime, "w?"),
    (DraftOp::AddPhoto, "p?"),
    (DraftOp::AskPerson, "ask"),
    (DraftOp::Join, "join"),
    (DraftOp::Split, "new"),
    (DraftOp::Back, "back"),
    (DraftOp::Urgent, "sos"),
    (DraftOp::TakeTime, "w!"),
];

impl Callback {
    /// The callback data for a button.
    pub fn encode(&self) -> String {
        match self {
            Self::Lang(lang) => format!("{LANG}:{}", lang.tag()),
            Self::Duty(on) => format!("{DUTY}:{}", if *on { "on" } else { "off" }),
            Self::Bind { request, approve } => {
                let prefix = if *approve { BIND_APPROVE } else { BIND_REJECT };
                format!("{prefix}:{request}")
            }
            Self::Ticket { id, op } => match op {
                TicketOp::ReassignTo(staff) => format!("{TICKET}:to:{id}:{staff}"),
                TicketOp::SetUrgency(u) => format!("{TICKET}:u:{id}:{}", u.as_str()),
                TicketOp::SetCategory(c) => format!("{TICKET}:c:{id}:{}", c.as_str()),
                TicketOp::MergeInto(into) => format!("{TICKET}:m:{id}:{into}"),
                op => {
                    let name = TICKET_OPS
                        .iter()
                        .find(|(o, _)| o == op)
                        .map_or("view", |(_, n)| n);
                    format!("{TICKET}:{name}:{id}")
                }
            },
            Self::Draft { nonce, op } => match op {
                DraftOp::SetKind(kind) => format!("{DRAFT}:{nonce}:k:{}", kind.as_str()),
                DraftOp::SetCategory(category) => {
                    format!("{DRAFT}:{nonce}:c:{}", category.as_str())
                }
                DraftOp::SetUnit(unit) => format!("{DRAFT}:{nonce}:u:{unit}"),
                op => {
                    let name = DRAFT_OPS
                        .iter()
                        .find(|(o, _)| o == op)
                        .map_or("x", |(_, n)| n);
                    format!("{DRAFT}:{nonce}:{name}")
                }
            },
            // The first page keeps the format buttons had before paging.
            Self::Open(filter, 0) => format!("{OPEN}:{}", filter.code()),
            Self::Open(filter, page) => format!("{OPEN}:p{page}:{}", filter.code()),
            Self::Log { nonce, via } => {
                let via = match via {
                    LogVia::Phone => "phone",
                    LogVia::Visit => "visit",
                };
                format!("{LOG}:{nonce}:{via}")
            }
            Self::Rate { callback, answer } => match answer {
                Answer::Stars(n) => format!("{RATE}:{callback}:{n}"),
                Answer::NotFixed => format!("{RATE}:{callback}:nf"),
                Answer::Satisfied => format!("{RATE}:{callback}:ok"),
            },
            Self::Phoned {
                callback,
                satisfied,
            } => {
                let outcome = if *satisfied { "y" } else { "n" };
                format!("{PHONED}:{callback}:{outcome}")
            }
            Self::SurveyStart { campaign } => format!("{SURVEY_START}:{campaign}"),
            Self::Answer {
                token,
                question,
                op,
            } => format!("{ANSWER}:{token}:{question}:{}", op.encode()),
            Self::NoticeAck { campaign } => format!("{NOTICE_ACK}:{campaign}"),
            Self::Campaign { id, op } => match op {
                CampaignOp::Preview(lang) => format!("{CAMPAIGN}:pv:{id}:{}", lang.tag()),
                op => format!("{CAMPAIGN}:{}:{id}", name_of(CAMPAIGN_OPS, *op)),
            },
            Self::Compose { nonce, op } => format!("{COMPOSE}:{nonce}:{}", op.encode()),
            Self::Book(op) => format!("{BOOK}:{}", op.encode()),
            Self::Mark(op) => format!("{MARK}:{}", op.encode()),
            Self::Judge(op) => format!("{JUDGE}:{}", op.encode()),
        }
    }

    /// Reads callback data; `None` for anything we did not make.
    pub fn parse(data: &str) -> Option<Self> {
        let mut parts = data.split(':');
        let prefix = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        match (prefix, rest.as_slice()) {
            (LANG, [tag]) => tag.parse().ok().map(Self::Lang),
            (DUTY, ["on"]) => Some(Self::Duty(true)),
            (DUTY, ["off"]) => Some(Self::Duty(false)),
            (BIND_APPROVE | BIND_REJECT, [id]) => Some(Self::Bind {
                request: id.parse().ok()?,
                approve: prefix == BIND_APPROVE,
            }),
            (TICKET, ["to", id, staff]) => Some(Self::Ticket {
                id: id.parse().ok()?,
                op: TicketOp::ReassignTo(staff.parse().ok()?),
            }),
            (TICKET, ["u", id, urgency]) => Some(Self::Ticket {
                id: id.parse().ok()?,
                op: TicketOp::SetUrgency(urgency.parse().ok()?),
            }),
            (TICKET, ["c", id, category]) => Some(Self::Ticket {
                id: id.parse().ok()?,
                op: TicketOp::SetCategory(category.parse().ok()?),
            }),
            (TICKET, ["m", id, into]) => Some(Self::Ticket {
                id: id.parse().ok()?,
                op: TicketOp::MergeInto(into.parse().ok()?),
            }),
            (TICKET, [name, id]) => {
                let op = TICKET_OPS.iter().find(|(_, n)| n == name)?.0;
                Some(Self::Ticket {
                    id: id.parse().ok()?,
                    op,
                })
            }
            (DRAFT, [nonce, "k", kind]) => Some(Self::Draft {
                nonce: nonce.parse().ok()?,
                op: DraftOp::SetKind(kind.parse().ok()?),
            }),
            (DRAFT, [nonce, "c", category]) => Some(Self::Draft {
                nonce: nonce.parse().ok()?,
                op: DraftOp::SetCategory(category.parse().ok()?),
            }),
            (DRAFT, [nonce, "u", unit]) => Some(Self::Draft {
                nonce: nonce.parse().ok()?,
                op: DraftOp::SetUnit(unit.parse().ok()?),
            }),
            (DRAFT, [nonce, name]) => {
                let op = DRAFT_OPS.iter().find(|(_, n)| n == name)?.0;
                Some(Self::Draft {
                    nonce: nonce.parse().ok()?,
                    op,
                })
            }
            (OPEN, [page, rest @ ..]) if page.starts_with('p') => Some(Self::Open(
                OpenFilter::parse(rest)?,
                page[1..].parse().ok().filter(|p| *p > 0)?,
            )),
            (OPEN, parts) => Some(Self::Open(OpenFilter::parse(parts)?, 0)),
            (LOG, [nonce, via]) => Some(Self::Log {
                nonce: nonce.parse().ok()?,
                via: match *via {
                    "phone" => LogVia::Phone,
                    "visit" => LogVia::Visit,
                    _ => return None,
                },
            }),
            (RATE, [callback, answer]) => Some(Self::Rate {
                callback: callback.parse().ok()?,
                answer: match *answer {
                    "nf" => Answer::NotFixed,
                    "ok" => Answer::Satisfied,
                    stars => Answer::stars(stars.parse().ok()?)?,
                },
            }),
            (PHONED, [callback, outcome]) => Some(Self::Phoned {
                callback: callback.parse().ok()?,
                satisfied: match *outcome {
                    "y" => true,
                    "n" => false,
                    _ => return None,
                },
            }),
            (SURVEY_START, [campaign]) => Some(Self::SurveyStart {
                campaign: id(campaign)?,
            }),
            (ANSWER, [token, question, op]) => Some(Self::Answer {
                token: if *token == "0" { 0 } else { id(token)? },
                question: lettered(&format!("q{question}"), 'q')?,
                op: AnswerOp::parse(op)?,
            }),
            (NOTICE_ACK, [campaign]) => Some(Self::NoticeAck {
                campaign: id(campaign)?,
            }),
            (CAMPAIGN, ["pv", campaign, lang]) => Some(Self::Campaign {
                id: id(campaign)?,
                op: CampaignOp::Preview(lang.parse().ok()?),
            }),
            (CAMPAIGN, [name, campaign]) => Some(Self::Campaign {
                id: id(campaign)?,
                op: value_of(CAMPAIGN_OPS, name)?,
            }),
            (BOOK, rest) => BookOp::parse(rest).map(Self::Book),
            (MARK, rest) => MarkOp::parse(rest).map(Self::Mark),
            (JUDGE, rest) => JudgeOp::parse(rest).map(Self::Judge),
            (COMPOSE, [nonce, name, value]) => Some(Self::Compose {
                nonce: nonce.parse().ok()?,
                op: ComposeOp::parse(name, value)?,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_callback_survives_a_round_trip_within_64_bytes() {
        let mut all = vec![
            Callback::Lang(Lang::ZhHant),
            Callback::Duty(true),
            Callback::Duty(false),
            Callback::Bind {
                request: i64::MAX,
                approve: true,
            },
            Callback::Bind {
                request: 7,
                approve: false,
            },
            Callback::Ticket {
                id: i64::MAX,
                op: TicketOp::ReassignTo(i64::MAX),
            },
        ];
        for (op, _) in TICKET_OPS {
            all.push(Callback::Ticket { id: 42, op: *op });
        }
        for urgency in Urgency::ALL {
            all.push(Callback::Ticket {
                id: i64::MAX,
                op: TicketOp::SetUrgency(*urgency),
            });
        }
        for category in Category::ALL {
            all.push(Callback::Ticket {
                id: i64::MAX,
                op: TicketOp::SetCategory(*category),
            });
        }
        all.push(Callback::Ticket {
            id: i64::MAX,
            op: TicketOp::MergeInto(i64::MAX),
        });
        for (op, _) in DRAFT_OPS {
            all.push(Callback::Draft {
                nonce: u32::MAX,
                op: *op,
            });
        }
        for kind in Kind::ALL {
            all.push(Callback::Draft {
                nonce: 1,
                op: DraftOp::SetKind(*kind),
            });
        }
        for category in Category::ALL {
            all.push(Callback::Draft {
                nonce: 1,
                op: DraftOp::SetCategory(*category),
            });
        }
        all.push(Callback::Draft {
            nonce: 1,
            op: DraftOp::SetUnit(i64::MAX),
        });
        all.push(Callback::Open(OpenFilter::All, 0));
        for status in Status::ALL {
            all.push(Callback::Open(OpenFilter::Status(status), 3));
        }
        all.push(Callback::Open(
            OpenFilter::Department("customer_service".to_owned()),
            0,
        ));
        all.push(Callback::Open(OpenFilter::Unit(i64::MAX), 12));
        all.push(Callback::Open(OpenFilter::Overdue, 1));
        all.push(Callback::Open(OpenFilter::Emergency, 0));
        for via in [LogVia::Phone, LogVia::Visit] {
            all.push(Callback::Log {
                nonce: u32::MAX,
                via,
            });
        }
        for c in all {
            let data = c.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Callback::parse(&data), Some(c), "{data}");
        }
    }

    #[test]
    fn confirming_a_cancellation_has_its_own_data_apart_from_asking_and_keeping() {
        let ops = [
            TicketOp::Cancel,
            TicketOp::ConfirmCancel,
            TicketOp::KeepOpen,
        ];
        let data: Vec<String> = ops
            .iter()
            .map(|op| Callback::Ticket { id: 42, op: *op }.encode())
            .collect();
        assert_eq!(data, ["t:x:42", "t:x!:42", "t:keep:42"]);
        for (op, data) in ops.iter().zip(&data) {
            assert_eq!(
                Callback::parse(data),
                Some(Callback::Ticket { id: 42, op: *op })
            );
        }
        assert_eq!(Callback::parse("t:x!"), None);
        assert_eq!(Callback::parse("t:x!:me"), None);
    }

    #[test]
    fn garbage_and_forged_formats_are_not_understood() {
        for data in [
            "",
            "bind+",
            "bind+:x",
            "lang:fr",
            "nope:1",
            "bind+:1:2",
            "💥",
            "t:acc",
            "t:zap:1",
            "d:1:k:dragon",
            "d:x:ok",
            "t:to:1",
            "o:s:sleeping",
            "o:d:",
            "o",
            "lg:1:fax",
            "lg:x:phone",
            "duty:maybe",
            "t:u:1:panic",
            "t:c:1:dragons",
            "t:m:1:x",
            "t:m:1",
            "duty",
        ] {
            assert_eq!(Callback::parse(data), None, "{data}");
        }
    }

    #[test]
    fn callback_answers_survive_a_round_trip_within_64_bytes() {
        let mut all = vec![
            Callback::Rate {
                callback: i64::MAX,
                answer: Answer::NotFixed,
            },
            Callback::Rate {
                callback: 1,
                answer: Answer::Satisfied,
            },
        ];
        for stars in 1..=5 {
            all.push(Callback::Rate {
                callback: i64::MAX,
                answer: Answer::stars(stars).unwrap(),
            });
        }
        for satisfied in [true, false] {
            all.push(Callback::Phoned {
                callback: i64::MAX,
                satisfied,
            });
        }
        // Booking buttons: booking::tests::every_booking_button_survives_a_round_trip_within_64_bytes.
        for c in all {
            let data = c.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Callback::parse(&data), Some(c), "{data}");
        }
    }

    #[test]
    fn forged_callback_answers_are_not_understood() {
        for data in [
            "cb:1:0",
            "cb:1:6",
            "cb:1:-1",
            "cb:1:55",
            "cb:x:5",
            "cb:1",
            "cb:1:5:5",
            "pc:1:maybe",
            "pc:x:y",
            "pc:1",
        ] {
            assert_eq!(Callback::parse(data), None, "{data}");
        }
    }
}
