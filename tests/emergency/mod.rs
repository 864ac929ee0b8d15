//! What the emergency tests (`nlu_emergency`, `nlu_emergency_families`)
//! ask of a message: parsed at 2026-11-27 10:00 Hong Kong, raised to an
//! emergency (of a category) or not.
#![allow(dead_code)]

use chrono::TimeZone;
use residesk::understand::{Category, Understanding, Urgency, understand};

pub fn parse(text: &str) -> Understanding {
    let now = chrono_tz::Asia::Hong_Kong
        .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .unwrap();
    understand(text, now)
}

/// Every text is an emergency of this category.
pub fn emergencies(category: Category, texts: &[&str]) {
    for text in texts {
        let u = parse(text);
        assert_eq!(
            (u.urgency, u.category),
            (Urgency::Emergency, category),
            "{text}"
        );
    }
}

/// Every text is an emergency, whatever its category.
pub fn raised(texts: &[&str]) {
    for text in texts {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
}

/// No text is an emergency.
pub fn calm(texts: &[&str]) {
    for text in texts {
        assert_ne!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
}
