//! Supervisors' marking buttons: a cluster becomes a hot spot (熱點), a
//! proposed complaint becomes key (重點投訴); a hot spot's card, its closing
//! and the pages of `/hotspots`. `mk:hs:<id>`, `mk:key:<id>`, `mk:hsv:<id>`,
//! `mk:hsx:<id>`, `mk:hsl:<page>`.

/// What a marking button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkOp {
    /// Mark this cluster (a `hot_spots` id) a hot spot.
    HotSpot(i64),
    /// Mark this complaint (a ticket id) key.
    Key(i64),
    /// Show this hot spot's card.
    HotSpotCard(i64),
    /// Close this hot spot.
    CloseHotSpot(i64),
    /// A page of `/hotspots` (0 the first).
    HotSpots(u32),
}

impl MarkOp {
    pub(super) fn encode(self) -> String {
        match self {
            Self::HotSpot(id) => format!("hs:{id}"),
            Self::Key(id) => format!("key:{id}"),
            Self::HotSpotCard(id) => format!("hsv:{id}"),
            Self::CloseHotSpot(id) => format!("hsx:{id}"),
            Self::HotSpots(page) => format!("hsl:{page}"),
        }
    }

    pub(super) fn parse(rest: &[&str]) -> Option<Self> {
        let id = |s: &str| s.parse::<i64>().ok().filter(|n| *n > 0);
        match rest {
            ["hs", n] => id(n).map(Self::HotSpot),
            ["key", n] => id(n).map(Self::Key),
            ["hsv", n] => id(n).map(Self::HotSpotCard),
            ["hsx", n] => id(n).map(Self::CloseHotSpot),
            ["hsl", n] => n.parse().ok().map(Self::HotSpots),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Callback;
    use super::*;

    #[test]
    fn marking_buttons_survive_a_round_trip_and_forgeries_do_not() {
        for op in [
            MarkOp::HotSpot(i64::MAX),
            MarkOp::Key(1),
            MarkOp::HotSpotCard(i64::MAX),
            MarkOp::CloseHotSpot(7),
            MarkOp::HotSpots(u32::MAX),
        ] {
            let data = Callback::Mark(op).encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Callback::parse(&data), Some(Callback::Mark(op)));
        }
        for data in [
            "mk",
            "mk:hs",
            "mk:hs:0",
            "mk:hs:-3",
            "mk:hs:x",
            "mk:key:1:2",
            "mk:zz:1",
            "mk:hsv:0",
            "mk:hsx:x",
            "mk:hsl:-1",
            "mk:hsl",
        ] {
            assert_eq!(Callback::parse(data), None, "{data}");
        }
    }
}
