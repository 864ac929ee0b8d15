//! The labelled messages the model learns from, embedded from `corpus/`
//! (copies of the project's labelled sets; `corpus/README.md` says where
//! each comes from).

use std::sync::OnceLock;

use super::Example;
use crate::domain::request::{Category, Kind, Urgency};

/// The embedded sets, by name.
pub(crate) const SETS: &[(&str, &str)] = &[
    ("blind_a", include_str!("corpus/blind_a.txt")),
    ("blind_b", include_str!("corpus/blind_b.txt")),
    ("blind_c", include_str!("corpus/blind_c.txt")),
    ("blind_d", include_str!("corpus/blind_d.txt")),
    ("blind_e", include_str!("corpus/blind_e.txt")),
    ("blind_f", include_str!("corpus/blind_f.txt")),
    ("blind_g", include_str!("corpus/blind_g.txt")),
    ("train_t1", include_str!("corpus/train_t1.txt")),
    ("train_t2", include_str!("corpus/train_t2.txt")),
    ("train_t3", include_str!("corpus/train_t3.txt")),
    ("train_t4", include_str!("corpus/train_t4.txt")),
    ("train_t5", include_str!("corpus/train_t5.txt")),
    ("train_t6", include_str!("corpus/train_t6.txt")),
    ("train_t7", include_str!("corpus/train_t7.txt")),
    ("train_t8", include_str!("corpus/train_t8.txt")),
    ("train_t9", include_str!("corpus/train_t9.txt")),
    ("train_t10", include_str!("corpus/train_t10.txt")),
    ("train_t11", include_str!("corpus/train_t11.txt")),
    ("train_t12", include_str!("corpus/train_t12.txt")),
    ("train_t13", include_str!("corpus/train_t13.txt")),
    ("train_t14", include_str!("corpus/train_t14.txt")),
    ("train_w", include_str!("corpus/train_w.txt")),
    ("train_x", include_str!("corpus/train_x.txt")),
    ("blind_h", include_str!("corpus/blind_h.txt")),
    ("blind_i", include_str!("corpus/blind_i.txt")),
    ("blind_j", include_str!("corpus/blind_j.txt")),
    ("blind_k", include_str!("corpus/blind_k.txt")),
    ("blind_l", include_str!("corpus/blind_l.txt")),
    ("blind_m", include_str!("corpus/blind_m.txt")),
    ("blind_n", include_str!("corpus/blind_n.txt")),
    ("blind_o", include_str!("corpus/blind_o.txt")),
    ("train_t15", include_str!("corpus/train_t15.txt")),
    ("train_t16", include_str!("corpus/train_t16.txt")),
    ("train_t17", include_str!("corpus/train_t17.txt")),
    ("train_t18", include_str!("corpus/train_t18.txt")),
    ("blind_p", include_str!("corpus/blind_p.txt")),
    ("blind_q", include_str!("corpus/blind_q.txt")),
    ("blind_r", include_str!("corpus/blind_r.txt")),
    ("blind_s", include_str!("corpus/blind_s.txt")),
    ("blind_u", include_str!("corpus/blind_u.txt")),
    ("blind_v", include_str!("corpus/blind_v.txt")),
    ("blind_y", include_str!("corpus/blind_y.txt")),
    ("blind_z", include_str!("corpus/blind_z.txt")),
    ("blind_aa", include_str!("corpus/blind_aa.txt")),
    ("blind_ab", include_str!("corpus/blind_ab.txt")),
    ("blind_ac", include_str!("corpus/blind_ac.txt")),
    ("blind_ad", include_str!("corpus/blind_ad.txt")),
    ("blind_ae", include_str!("corpus/blind_ae.txt")),
    ("blind_af", include_str!("corpus/blind_af.txt")),
    ("blind_ak", include_str!("corpus/blind_ak.txt")),
    ("blind_al", include_str!("corpus/blind_al.txt")),
    ("blind_am", include_str!("corpus/blind_am.txt")),
    ("blind_an", include_str!("corpus/blind_an.txt")),
    ("blind_ao", include_str!("corpus/blind_ao.txt")),
    ("blind_ap", include_str!("corpus/blind_ap.txt")),
    ("blind_aq", include_str!("corpus/blind_aq.txt")),
    ("blind_ar", include_str!("corpus/blind_ar.txt")),
    ("blind_as", include_str!("corpus/blind_as.txt")),
    ("blind_at", include_str!("corpus/blind_at.txt")),
    ("blind_au", include_str!("corpus/blind_au.txt")),
    ("blind_av", include_str!("corpus/blind_av.txt")),
    ("blind_aw", include_str!("corpus/blind_aw.txt")),
    ("blind_ax", include_str!("corpus/blind_ax.txt")),
    ("blind_ay", include_str!("corpus/blind_ay.txt")),
    ("blind_az", include_str!("corpus/blind_az.txt")),
    ("blind_ba", include_str!("corpus/blind_ba.txt")),
    ("blind_bb", include_str!("corpus/blind_bb.txt")),
    ("blind_bc", include_str!("corpus/blind_bc.txt")),
    ("blind_bd", include_str!("corpus/blind_bd.txt")),
    ("train_t20", include_str!("corpus/train_t20.txt")),
    ("train_t21", include_str!("corpus/train_t21.txt")),
    ("train_t22", include_str!("corpus/train_t22.txt")),
    ("train_t23", include_str!("corpus/train_t23.txt")),
    ("train_t24", include_str!("corpus/train_t24.txt")),
    ("train_t25", include_str!("corpus/train_t25.txt")),
    ("train_t26", include_str!("corpus/train_t26.txt")),
    ("train_t27", include_str!("corpus/train_t27.txt")),
    ("train_t28", include_str!("corpus/train_t28.txt")),
    ("train_t29", include_str!("corpus/train_t29.txt")),
    ("train_t30", include_str!("corpus/train_t30.txt")),
    ("taught", include_str!("corpus/taught.txt")),
    ("fresh", include_str!("corpus/fresh.txt")),
    ("generalise", include_str!("corpus/generalise.txt")),
    ("heldout", include_str!("corpus/heldout.txt")),
    ("mini", include_str!("corpus/mini.txt")),
];

const SAMPLE: &str = include_str!("corpus/sample.jsonl");

/// Every embedded labelled message.
pub(crate) fn examples() -> Vec<Example<'static>> {
    let mut out: Vec<Example<'static>> = SETS.iter().flat_map(|(_, s)| lines(s)).collect();
    out.extend(sample());
    out
}

/// Lines `lang | kind | category | urgency | unit | when | text`; the first
/// of several labels ("complaint/repair") is the one learned.
pub fn lines(set: &str) -> Vec<Example<'_>> {
    set.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.splitn(7, '|').map(str::trim).collect();
            let first = |s: &str| s.split('/').next().unwrap_or("").to_owned();
            Some(Example {
                text: f.get(6)?,
                kind: first(f.get(1)?).parse().ok()?,
                category: first(f.get(2)?).parse().ok()?,
                urgency: first(f.get(3)?).parse().ok()?,
            })
        })
        .collect()
}

#[derive(serde::Deserialize)]
struct SampleLine {
    text: String,
    kind: Kind,
    category: Category,
    urgency: Urgency,
}

/// The sample's JSON lines (`text`, `kind`, `category`), read once.
fn sample() -> impl Iterator<Item = Example<'static>> {
    static LINES: OnceLock<Vec<SampleLine>> = OnceLock::new();
    LINES
        .get_or_init(|| {
            SAMPLE
                .lines()
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect()
        })
        .iter()
        .map(|l| Example {
            text: &l.text,
            kind: l.kind,
            category: l.category,
            urgency: l.urgency,
        })
}
