//! The button data of bookings: the resident's pickers (bookable → day →
//! slot → book), changing and cancelling, and the staff's visit buttons.
//! Slots travel as minutes since the Unix epoch; days as `YYYYMMDD`.

use chrono::{DateTime, NaiveDate, Utc};

/// What a booking picker is for: a new booking of a bookable (by its key),
/// or moving an existing booking (by its id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    New(String),
    Move(i64),
}

/// What a booking button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookOp {
    /// The list of bookable things.
    Choose,
    /// The day picker.
    Days(Target),
    /// The slot picker of a day.
    Day(Target, NaiveDate),
    /// A slot picked: asks to confirm.
    Slot(Target, DateTime<Utc>),
    /// Confirmed: take (or move to) the slot.
    Take(Target, DateTime<Utc>),
    /// The resident asks to change the time: the day picker for the booking.
    Change(i64),
    /// The resident asks to cancel; asked to confirm.
    Cancel(i64),
    /// The resident confirms the cancellation.
    ConfirmCancel(i64),
    /// Staff: a visit's card with its buttons.
    Visit(i64),
    /// Staff: the resident arrived (or staff arrived at the flat).
    CheckIn(i64),
    /// Staff: the visit is over.
    CheckOut(i64),
    /// Staff: nobody came.
    NoShow(i64),
    /// Staff: propose another time — the slot picker for the booking's staff.
    Propose(i64),
    /// Staff: propose this slot.
    ProposeSlot(i64, DateTime<Utc>),
    /// The resident accepts the proposed time.
    AcceptProposal(i64, DateTime<Utc>),
    /// The resident keeps the booked time.
    DeclineProposal(i64),
}

fn minutes(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(60)
}

fn at_minute(text: &str) -> Option<DateTime<Utc>> {
    let m: i64 = text.parse().ok()?;
    DateTime::from_timestamp(m.checked_mul(60)?, 0)
}

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    (text.len() == 8)
        .then(|| NaiveDate::parse_from_str(text, "%Y%m%d").ok())
        .flatten()
}

fn target(t: &Target) -> String {
    match t {
        Target::New(key) => key.clone(),
        Target::Move(id) => format!("@{id}"),
    }
}

fn parse_target(text: &str) -> Option<Target> {
    match text.strip_prefix('@') {
        Some(id) => id.parse().ok().filter(|i| *i > 0).map(Target::Move),
        None => {
            let fine = !text.is_empty()
                && text.len() <= 24
                && text
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            fine.then(|| Target::New(text.to_owned()))
        }
    }
}

impl BookOp {
    /// The part of the data after the booking prefix.
    pub fn encode(&self) -> String {
        match self {
            Self::Choose => "all".to_owned(),
            Self::Days(t) => format!("p:{}", target(t)),
            Self::Day(t, d) => format!("d:{}:{}", target(t), day(*d)),
            Self::Slot(t, s) => format!("s:{}:{}", target(t), minutes(*s)),
            Self::Take(t, s) => format!("t:{}:{}", target(t), minutes(*s)),
            Self::Change(id) => format!("r:{id}"),
            Self::Cancel(id) => format!("x:{id}"),
            Self::ConfirmCancel(id) => format!("x!:{id}"),
            Self::Visit(id) => format!("v:{id}"),
            Self::CheckIn(id) => format!("in:{id}"),
            Self::CheckOut(id) => format!("out:{id}"),
            Self::NoShow(id) => format!("ns:{id}"),
            Self::Propose(id) => format!("pp:{id}"),
            Self::ProposeSlot(id, s) => format!("ps:{id}:{}", minutes(*s)),
            Self::AcceptProposal(id, s) => format!("pa:{id}:{}", minutes(*s)),
            Self::DeclineProposal(id) => format!("pd:{id}"),
        }
    }

    /// Reads the parts after the booking prefix.
    pub fn parse(rest: &[&str]) -> Option<Self> {
        let id = |s: &str| s.parse::<i64>().ok().filter(|i| *i > 0);
        Some(match rest {
            ["all"] => Self::Choose,
            ["p", t] => Self::Days(parse_target(t)?),
            ["d", t, d] => Self::Day(parse_target(t)?, parse_day(d)?),
            ["s", t, m] => Self::Slot(parse_target(t)?, at_minute(m)?),
            ["t", t, m] => Self::Take(parse_target(t)?, at_minute(m)?),
            ["r", i] => Self::Change(id(i)?),
            ["x", i] => Self::Cancel(id(i)?),
            ["x!", i] => Self::ConfirmCancel(id(i)?),
            ["v", i] => Self::Visit(id(i)?),
            ["in", i] => Self::CheckIn(id(i)?),
            ["out", i] => Self::CheckOut(id(i)?),
            ["ns", i] => Self::NoShow(id(i)?),
            ["pp", i] => Self::Propose(id(i)?),
            ["ps", i, m] => Self::ProposeSlot(id(i)?, at_minute(m)?),
            ["pa", i, m] => Self::AcceptProposal(id(i)?, at_minute(m)?),
            ["pd", i] => Self::DeclineProposal(id(i)?),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Callback;
    use super::*;

    #[test]
    fn every_booking_button_survives_a_round_trip_within_64_bytes() {
        let mut all = Vec::new();
        let slot = chrono::DateTime::from_timestamp(4_102_444_800, 0).unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
        let long_key = "renovation_inspection_xx".to_owned();
        for t in [Target::New(long_key), Target::Move(i64::MAX)] {
            all.push(Callback::Book(BookOp::Days(t.clone())));
            all.push(Callback::Book(BookOp::Day(t.clone(), date)));
            all.push(Callback::Book(BookOp::Slot(t.clone(), slot)));
            all.push(Callback::Book(BookOp::Take(t, slot)));
        }
        for op in [
            BookOp::Choose,
            BookOp::Change(i64::MAX),
            BookOp::Cancel(i64::MAX),
            BookOp::ConfirmCancel(i64::MAX),
            BookOp::Visit(i64::MAX),
            BookOp::CheckIn(i64::MAX),
            BookOp::CheckOut(i64::MAX),
            BookOp::NoShow(i64::MAX),
            BookOp::Propose(i64::MAX),
            BookOp::ProposeSlot(i64::MAX, slot),
            BookOp::AcceptProposal(i64::MAX, slot),
            BookOp::DeclineProposal(i64::MAX),
        ] {
            all.push(Callback::Book(op));
        }
        for c in all {
            let data = c.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Callback::parse(&data), Some(c), "{data}");
        }
    }

    #[test]
    fn forged_booking_data_is_not_understood() {
        for data in [
            "bk:p:",
            "bk:p:Party Room",
            "bk:p:@0",
            "bk:p:@-3",
            "bk:d:party_room:2026-12-05",
            "bk:d:party_room:20261332",
            "bk:t:party_room:soon",
            "bk:t:party_room:99999999999999999999",
            "bk:x:0",
            "bk:x",
            "bk:zz:1",
        ] {
            assert_eq!(Callback::parse(data), None, "{data}");
        }
    }
}
