//! Kind, category, urgency and confidence from lexicon evidence.
//!
//! An emergency rule overrides everything. Otherwise the category is the
//! best-scoring one (the earlier TAXONOMY row on a tie; staff conduct always
//! wins), and the kind follows a fixed order of checks over weighted cues:
//! praise, suggestion, booking, inquiry, complaint, repair.

use super::lexicon::{self, KindCue, Scan};
use super::model::Guess;
use crate::domain::request::{Category, Kind, Urgency};

/// The labels of one message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Labels {
    pub kind: Kind,
    pub category: Category,
    pub urgency: Urgency,
    pub confidence: f32,
}

/// Categories a resident mostly complains about rather than asks to fix.
const NUISANCE: &[Category] = &[
    Category::Noise,
    Category::Neighbour,
    Category::Cleaning,
    Category::Parking,
    Category::Pests,
    Category::Staff,
];

/// Categories where something physical gets fixed.
const FIXABLE: &[Category] = &[
    Category::Gas,
    Category::Lift,
    Category::Plumbing,
    Category::Electrical,
    Category::Security,
    Category::Facilities,
    Category::Greening,
];

/// Fixable categories that, with no fault word at all, are usually complaints.
const COMPLAINED_ABOUT: &[Category] = &[Category::Security, Category::Greening];

/// The best category and its score, if any word pointed at one.
fn best_category(scan: &Scan) -> Option<(Category, f32)> {
    let max = scan.category.iter().copied().fold(0.0f32, f32::max);
    if max <= 0.0 {
        return None;
    }
    // The earliest category that fits about as well wins: within half a weak
    // word of the best, or with a strong word and most of the best score
    // (a barking dog next door is noise, not neighbour).
    Category::ALL
        .iter()
        .zip(scan.category.iter())
        .find(|(_, score)| **score >= max - 0.5 || (**score >= 3.0 && **score >= 0.6 * max))
        .map(|(c, s)| (*c, *s))
}

/// The rules' reading of a message, with the evidence behind it.
pub(crate) struct Reading {
    pub labels: Labels,
    pub scan: Scan,
    /// An emergency or calm rule decided kind and category: nothing else may.
    pub decided: bool,
    /// A staff-conduct rule fired: the category is `staff`.
    pub staff: bool,
    calm: bool,
}

/// Classifies a normalised message by the rules alone.
#[cfg(test)]
pub(crate) fn classify(norm: &str) -> Labels {
    read(norm).labels
}

/// Reads a normalised message by the rules.
pub(crate) fn read(norm: &str) -> Reading {
    let lex = lexicon::get();
    let scan = lex.scan(norm);
    let (labels, calm, decided) = rules(lex, &scan, norm);
    let staff = lex.staff.fires(&scan.rule_hits);
    Reading {
        labels,
        decided,
        staff,
        calm,
        scan,
    }
}

/// How far ahead (relative to its score) the model's kind must be to
/// overrule the rules' kind: chosen by leave-one-set-out cross-validation
/// (`tests/nlu_blind.rs`; 0.2 beat 0, 0.05 and 0.1 over all sets).
const KIND_LEAD: f32 = 0.2;

/// The labels of a message whose kind and category the model chose: the
/// urgency follows the kind as it follows the rules' kind. Where the model
/// agrees with the rules the confidence is the rules'; where it overrules
/// them it is the model's lead on what it changed, so a close call still
/// makes the desk ask.
pub(crate) fn relabel(reading: &Reading, guess: Guess) -> Labels {
    let rules = reading.labels;
    if reading.decided {
        return rules;
    }
    // A fault reported again or left unfixed is a complaint (TAXONOMY): a
    // strong complaint word the rules read as such is not a new fault.
    let kind = match (guess.kind, rules.kind) {
        (Kind::Repair, Kind::Complaint) if reading.scan.kind_score(KindCue::Complaint) >= 3.0 => {
            Kind::Complaint
        }
        // The model overrules the rules' kind only with a clear lead.
        (kind, _) if guess.kind_margin >= KIND_LEAD => kind,
        _ => rules.kind,
    };
    let category = match (kind, reading.staff) {
        (Kind::Unknown, _) => Category::Other,
        (_, true) => Category::Staff,
        // A complaint mainly about sound is noise (as in the rules).
        (Kind::Complaint, false) if reading.scan.category_score(Category::Noise) >= 3.0 => {
            Category::Noise
        }
        _ => guess.category,
    };
    let mut lead = 1.0f32;
    if kind != rules.kind {
        lead = lead.min(guess.kind_margin);
    }
    if category != rules.category {
        lead = lead.min(guess.category_margin);
    }
    let confidence = if lead < 1.0 {
        confidence(kind, 4.0 * lead, 6.0 * lead).min(rules.confidence.max(0.5))
    } else {
        rules.confidence
    };
    Labels {
        kind,
        category,
        urgency: urgency(lexicon::get(), &reading.scan.rule_hits, reading.calm, kind),
        confidence,
    }
}

fn urgency(lex: &lexicon::Lexicon, hits: &[bool], calm: bool, kind: Kind) -> Urgency {
    if !calm
        && lex.high.iter().any(|r| r.fires(hits))
        && !matches!(
            kind,
            Kind::Praise | Kind::Suggestion | Kind::Unknown | Kind::Booking
        )
    {
        Urgency::High
    } else if matches!(
        kind,
        Kind::Inquiry | Kind::Suggestion | Kind::Praise | Kind::Unknown
    ) || lex.low.iter().any(|r| r.fires(hits))
    {
        Urgency::Low
    } else {
        Urgency::Normal
    }
}

/// The rules' labels for a scanned message, whether a calm rule fired, and
/// whether an emergency or calm rule decided every label.
fn rules(lex: &lexicon::Lexicon, scan: &Scan, norm: &str) -> (Labels, bool, bool) {
    let hits = &scan.rule_hits;
    let found = best_category(scan);
    let staff = lex.staff.fires(hits);

    let mut category = match (staff, found) {
        (true, _) => Category::Staff,
        (false, Some((c, _))) => c,
        (false, None) => Category::Other,
    };

    // Over, ruled out, a drill or a past event: no emergency, nothing high.
    // Calm words count inside masked phrases ("演習" of "火警演習").
    let mut calm_rule = lex.calm.iter().find(|r| r.fires(&scan.plain_hits));
    // "Fixed yesterday, but now it is stuck again with my son inside": what
    // follows the last turn ("but", "點知", "now") is the present. A hazard
    // word there with nothing calm beside it is not over, whatever came
    // before.
    let present = calm_rule
        .and_then(|_| lex.present(norm))
        .map(|tail| lex.scan(tail))
        .filter(|tail| !lex.calm.iter().any(|r| r.fires(&tail.plain_hits)));
    let told_now =
        |rule: &lexicon::Rule| present.as_ref().is_some_and(|t| rule.touches(&t.rule_hits));
    if lex.emergency.iter().any(|r| told_now(r) && r.fires(hits)) {
        calm_rule = None;
    }
    let calm = calm_rule.is_some();
    // "Don't worry, that smoke was my toast": nothing to act on.
    if let Some(kind) = calm_rule.and_then(|r| r.kind) {
        let labels = Labels {
            kind,
            category,
            urgency: Urgency::Low,
            confidence: confidence(Kind::Unknown, 0.0, 0.0),
        };
        return (labels, true, true);
    }
    if let Some(rule) = lex.emergency.iter().find(|r| !calm && r.fires(hits)) {
        category = match (rule.category, found) {
            (Some(c), _) => c,
            (None, Some((c, score))) if score >= 2.0 && c != Category::Other => c,
            (None, _) => rule.fallback_category.unwrap_or(Category::Other),
        };
        let kind = rule.kind.unwrap_or(if FIXABLE.contains(&category) {
            Kind::Repair
        } else {
            Kind::Complaint
        });
        let labels = Labels {
            kind,
            category,
            urgency: Urgency::Emergency,
            confidence: 0.95,
        };
        return (labels, false, true);
    }

    let (mut kind, strength) = decide_kind(scan, category, found.map_or(0.0, |(_, s)| s));
    // Staff conduct is never a fault to fix: "the technician left rubbish
    // behind after the repair" is a complaint about the technician, and
    // thanks to a technician for a repair ("谢谢维修部张师傅…修水管") is praise.
    if staff && kind == Kind::Repair {
        let (praise, complaint) = (
            scan.kind_score(KindCue::Praise),
            scan.kind_score(KindCue::Complaint),
        );
        kind = if praise >= 3.0 && praise > complaint {
            Kind::Praise
        } else {
            Kind::Complaint
        };
    }
    if kind == Kind::Unknown {
        category = Category::Other;
    }
    // Noise is any complaint mainly about sound, whatever makes it: a strong
    // sound word in a complaint outweighs what made the sound ("the rubbish
    // truck is so loud at 5am").
    if kind == Kind::Complaint
        && !staff
        && category != Category::Noise
        && scan.category_score(Category::Noise) >= 3.0
    {
        category = Category::Noise;
    }
    let cat_score = if staff {
        3.0
    } else {
        found.map_or(0.0, |(_, s)| s)
    };
    let labels = Labels {
        kind,
        category,
        urgency: urgency(lex, hits, calm, kind),
        confidence: confidence(kind, strength, cat_score),
    };
    (labels, calm, false)
}

/// The kind, and how far its evidence stood out (for the confidence).
fn decide_kind(scan: &Scan, category: Category, cat_score: f32) -> (Kind, f32) {
    let s = |cue| scan.kind_score(cue);
    let (repair, inquiry, booking) = (s(KindCue::Repair), s(KindCue::Inquiry), s(KindCue::Booking));
    let (praise, suggestion, greeting) = (
        s(KindCue::Praise),
        s(KindCue::Suggestion),
        s(KindCue::Greeting),
    );
    let mut complaint = s(KindCue::Complaint);
    if NUISANCE.contains(&category) && cat_score >= 2.0 && praise < 3.0 {
        complaint += 1.5;
    }
    let best_other = |own: f32| {
        [repair, complaint, booking, inquiry, suggestion, praise]
            .into_iter()
            .filter(|v| (*v - own).abs() > f32::EPSILON)
            .fold(0.0f32, f32::max)
    };
    let margin = |own: f32| own - best_other(own);

    let nothing_else = cat_score < 2.0 && repair < 2.0 && complaint < 2.0;
    // "ok thx 👍": thanks with a greeting and nothing named is small talk.
    // A question word beside the question mark ("有冇推薦…？") asks something.
    if greeting >= 3.0 && nothing_else && booking < 3.0 && suggestion < 3.0 && inquiry < 4.0 {
        return (Kind::Unknown, 0.0);
    }
    if praise >= 3.0 && praise > complaint && praise >= repair {
        return (Kind::Praise, margin(praise));
    }
    if suggestion >= 3.0 && suggestion >= repair {
        return (Kind::Suggestion, margin(suggestion));
    }
    // A booking reports no fault: on a tie with a fault word ("門卡拍唔到…
    // 落嚟管理處") the fault wins and the time is the visit.
    if booking >= 3.0 && booking > repair {
        return (Kind::Booking, margin(booking));
    }
    if inquiry >= 3.0 && inquiry > repair && inquiry > complaint {
        return (Kind::Inquiry, margin(inquiry));
    }
    if complaint >= 2.0 && complaint >= repair {
        return (Kind::Complaint, margin(complaint));
    }
    if repair >= 1.5 {
        return (Kind::Repair, margin(repair));
    }
    if inquiry >= 2.0 {
        return (Kind::Inquiry, margin(inquiry));
    }
    if cat_score >= 2.0 {
        let kind = match category {
            c if NUISANCE.contains(&c) || COMPLAINED_ABOUT.contains(&c) => Kind::Complaint,
            c if FIXABLE.contains(&c) => Kind::Repair,
            _ => Kind::Inquiry,
        };
        return (kind, 0.0);
    }
    (Kind::Unknown, 0.0)
}

/// How sure the kind and category are: low for greetings and vague text.
fn confidence(kind: Kind, margin: f32, cat_score: f32) -> f32 {
    if kind == Kind::Unknown {
        return 0.2;
    }
    let kind_part = margin.clamp(0.0, 4.0) / 4.0;
    let cat_part = cat_score.min(6.0) / 6.0;
    (0.3 + 0.35 * kind_part + 0.3 * cat_part).clamp(0.3, 0.95)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::normalise::normalise;

    fn labels(text: &str) -> Labels {
        classify(&normalise(text))
    }

    #[test]
    fn a_gas_smell_is_an_emergency_gas_repair() {
        let l = labels("大堂好大陣煤氣味，好驚");
        assert_eq!(
            (l.kind, l.category, l.urgency),
            (Kind::Repair, Category::Gas, Urgency::Emergency)
        );
    }

    #[test]
    fn someone_trapped_in_a_lift_is_an_emergency() {
        assert_eq!(labels("升降機困咗人呀！！").urgency, Urgency::Emergency);
        assert_eq!(
            labels("my son is stuck in the lift between floors").urgency,
            Urgency::Emergency
        );
    }

    #[test]
    fn a_smoking_neighbour_is_not_a_fire() {
        let l = labels("鄰居一直在樓梯間抽菸，菸味都飄進我家");
        assert_ne!(l.urgency, Urgency::Emergency);
        assert_eq!(l.category, Category::Neighbour);
    }

    #[test]
    fn renovation_drilling_is_noise() {
        assert_eq!(labels("樓上裝修鑽牆鑽咗成個禮拜").category, Category::Noise);
    }

    #[test]
    fn a_rude_guard_is_staff_even_though_guards_are_security() {
        let l = labels("你哋啲保安員態度好差");
        assert_eq!((l.kind, l.category), (Kind::Complaint, Category::Staff));
    }

    #[test]
    fn a_fault_reported_again_is_a_complaint() {
        assert_eq!(labels("lift又壞咗").kind, Kind::Complaint);
        assert_eq!(
            labels("The lift is STILL out of service").kind,
            Kind::Complaint
        );
        assert_eq!(labels("电梯第三次坏了").kind, Kind::Complaint);
    }

    #[test]
    fn thanks_for_a_repair_is_praise_of_staff() {
        let l = labels("多謝陳師傅幫我整好個水喉");
        assert_eq!(
            (l.kind, l.category, l.urgency),
            (Kind::Praise, Category::Staff, Urgency::Low)
        );
    }

    #[test]
    fn thanks_at_the_end_of_a_repair_request_is_still_a_repair() {
        assert_eq!(
            labels("The kitchen tap is leaking, please fix it, thanks").kind,
            Kind::Repair
        );
    }

    #[test]
    fn a_greeting_alone_is_unknown_with_low_confidence() {
        let l = labels("你好");
        assert_eq!((l.kind, l.category), (Kind::Unknown, Category::Other));
        assert!(l.confidence < 0.4);
    }

    #[test]
    fn a_clear_repair_has_high_confidence() {
        assert!(labels("廚房水龍頭漏水，麻煩派人來修").confidence > 0.6);
    }

    #[test]
    fn no_power_in_the_flat_is_high() {
        assert_eq!(labels("Power's out in our flat").urgency, Urgency::High);
    }

    #[test]
    fn peeling_paint_is_low() {
        assert_eq!(labels("升降機大堂啲油漆甩晒，好難睇").urgency, Urgency::Low);
    }

    #[test]
    fn a_suggestion_is_low() {
        let l = labels("建議喺大堂放個雨傘架");
        assert_eq!((l.kind, l.urgency), (Kind::Suggestion, Urgency::Low));
    }

    #[test]
    fn booking_a_facility_is_a_booking() {
        let l = labels("I'd like to book the party room this Saturday");
        assert_eq!((l.kind, l.category), (Kind::Booking, Category::Facilities));
    }

    #[test]
    fn a_fee_question_is_a_low_inquiry() {
        let l = labels("请问物业费可以开发票吗？");
        assert_eq!(
            (l.kind, l.category, l.urgency),
            (Kind::Inquiry, Category::Fees, Urgency::Low)
        );
    }

    #[test]
    fn a_technician_leaving_a_mess_is_a_complaint_about_staff_not_a_repair() {
        let l = labels("维修师傅上门修完把垃圾都留在我家里");
        assert_eq!((l.kind, l.category), (Kind::Complaint, Category::Staff));
    }

    #[test]
    fn a_smoking_socket_is_an_electrical_emergency_not_a_fire_report() {
        let l = labels("厨房插座冒烟，还有一股烧焦的味道");
        assert_eq!(
            (l.kind, l.category, l.urgency),
            (Kind::Repair, Category::Electrical, Urgency::Emergency)
        );
    }

    #[test]
    fn a_lift_stuck_again_is_a_high_complaint() {
        let l = labels("The lift in block 3 is stuck again, third time this week");
        assert_eq!((l.kind, l.urgency), (Kind::Complaint, Urgency::High));
    }

    #[test]
    fn a_question_about_planned_maintenance_is_low_but_an_outage_is_high() {
        assert_eq!(
            labels("請問下週四停電維修是幾點到幾點？").urgency,
            Urgency::Low
        );
        assert_eq!(
            labels("家里突然停电了，跳闸推不上去").urgency,
            Urgency::High
        );
    }

    #[test]
    fn smoking_and_chopping_are_neighbour_and_noise_not_facilities() {
        assert_eq!(
            labels("有人喺12樓走廊食煙，成條走廊都係煙味").category,
            Category::Neighbour
        );
        assert_eq!(
            labels("樓上單位日日晚上12點後仲剁嘢").category,
            Category::Noise
        );
    }

    #[test]
    fn an_unresponsive_fan_is_not_an_unconscious_person() {
        let l = labels("廁所個抽氣扇唔轉，開咗都冇反應");
        assert_eq!(
            (l.category, l.urgency),
            (Category::Electrical, Urgency::Normal)
        );
    }
    #[test]
    fn a_door_card_that_will_not_scan_is_a_repair_even_with_an_office_visit() {
        assert_eq!(
            labels("張住戶卡拍極都唔開大門，我等陣落嚟管理處").kind,
            Kind::Repair
        );
        assert_eq!(
            labels("My access card is not scanning at the car park gate").kind,
            Kind::Repair
        );
    }

    #[test]
    fn a_fault_still_unfixed_after_a_report_is_a_complaint() {
        for text in [
            "報咗水喉漏水兩個禮拜，到而家都未有人嚟",
            "冷氣機壞咗已經報修過，仲未有人跟",
            "I already reported the broken light and nobody came",
            "走廊燈又停了",
        ] {
            assert_eq!(labels(text).kind, Kind::Complaint, "{text}");
        }
    }

    #[test]
    fn someone_being_home_for_a_visit_is_not_a_complaint_cue() {
        assert_eq!(labels("冷氣機唔凍，聽日下晝有人喺屋企").kind, Kind::Repair);
    }

    #[test]
    fn asking_for_a_plumber_to_come_is_a_repair_not_an_inquiry() {
        assert_eq!(
            labels("Bath drains really slow, could a plumber come?").kind,
            Kind::Repair
        );
        assert_eq!(
            labels("洗手間的燈一直閃，可以請師傅來看看嗎？").kind,
            Kind::Repair
        );
    }

    #[test]
    fn knocking_down_a_wall_is_renovation_noise_not_something_falling() {
        let l = labels("樓上日日砸牆，吵死人");
        assert_eq!((l.category, l.urgency), (Category::Noise, Urgency::Normal));
    }

    #[test]
    fn music_practice_and_skipping_upstairs_are_noise_complaints() {
        for text in [
            "樓上練琴練到夜晚",
            "楼上小孩在跳绳，能不能跟他说一下",
            "The kid upstairs plays drums",
        ] {
            let l = labels(text);
            assert_eq!(
                (l.kind, l.category),
                (Kind::Complaint, Category::Noise),
                "{text}"
            );
        }
    }

    #[test]
    fn people_trapped_or_things_thrown_down_or_a_door_forced_are_emergencies() {
        for text in [
            "部電梯停咗，裡面有人出唔到",
            "有人從樓上往下扔東西",
            "someone is trying to force open my neighbour's door",
        ] {
            assert_eq!(labels(text).urgency, Urgency::Emergency, "{text}");
        }
    }

    #[test]
    fn praise_of_a_night_shift_worker_is_staff() {
        assert_eq!(labels("想讚吓夜更個保安大哥").category, Category::Staff);
    }

    #[test]
    fn wishes_for_more_of_something_are_suggestions() {
        for text in [
            "would love some shade over the playground",
            "it would be nice to have a water fountain in the lobby",
            "希望可以多加幾個垃圾桶",
            "如果會所有部咖啡機就好了",
        ] {
            assert_eq!(labels(text).kind, Kind::Suggestion, "{text}");
        }
        assert_eq!(labels("希望可以明天來修水管").kind, Kind::Repair);
    }

    #[test]
    fn a_quarrel_or_dropped_weights_are_noise_not_violence_or_facilities() {
        for text in [
            "樓下兩公婆日日嗌交，仲掟嘢",
            "邻居夫妻又闹交到半夜",
            "people in the gym keep dropping weights, the thuds are awful",
        ] {
            let l = labels(text);
            assert_eq!(
                (l.kind, l.category),
                (Kind::Complaint, Category::Noise),
                "{text}"
            );
            assert_ne!(l.urgency, Urgency::Emergency, "{text}");
        }
    }

    #[test]
    fn a_named_姑娘_thanked_or_blamed_is_staff() {
        assert_eq!(labels("多謝黃姑娘咁細心幫我").category, Category::Staff);
        assert_eq!(labels("管理處個陳姑娘好黑面").category, Category::Staff);
    }

    #[test]
    fn a_sticky_floor_by_the_lifts_is_cleaning_not_lift() {
        for text in ["電梯口啲地黐黐地，冇人抹", "电梯厅地上黏糊糊的，没人拖"]
        {
            assert_eq!(labels(text).category, Category::Cleaning, "{text}");
        }
    }

    #[test]
    fn a_phone_line_nobody_answers_is_not_electrical() {
        for text in ["客服電話成日冇人聽", "服务热线一直占线"] {
            let l = labels(text);
            assert_eq!(l.kind, Kind::Complaint, "{text}");
            assert_ne!(l.category, Category::Electrical, "{text}");
        }
    }

    #[test]
    fn a_dead_socket_is_normal_but_a_tripped_flat_is_high() {
        assert_eq!(labels("客廳個插座冇電").urgency, Urgency::Normal);
        assert_eq!(labels("成間屋跳電，總開關推不上").urgency, Urgency::High);
        assert_eq!(labels("個掣燒焦咗，出緊煙").category, Category::Electrical);
    }

    #[test]
    fn thanks_to_the_maintenance_department_is_praise_not_a_repair() {
        let l = labels("多謝工程部李師傅星期日都上嚟幫我哋換燈");
        assert_eq!((l.kind, l.category), (Kind::Praise, Category::Staff));
    }
}
