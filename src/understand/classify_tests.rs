//! The rules' labels for typical messages (`classify`, the rules alone).

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

#[test]
fn the_learned_urgency_fits_the_kind_chosen() {
    use Urgency::*;
    for (urgency, kind, want) in [
        (Normal, Kind::Inquiry, Low),
        (High, Kind::Suggestion, Low),
        (Normal, Kind::Praise, Low),
        (Normal, Kind::Unknown, Low),
        (Low, Kind::Booking, Normal),
        (High, Kind::Booking, Normal),
        (Low, Kind::Complaint, Normal),
        (High, Kind::Complaint, High),
        (Low, Kind::Repair, Low),
        (High, Kind::Repair, High),
    ] {
        assert_eq!(fit_kind(urgency, kind), want, "{urgency:?} {kind:?}");
    }
    // An emergency stays one whatever the kind.
    for kind in Kind::ALL {
        assert_eq!(fit_kind(Emergency, *kind), Emergency);
    }
}

/// Where the model changes only the category, and by a hair, the kind
/// stays as sure as the rules made it: the desk asks the category, not
/// what the resident wants done.
#[test]
fn a_close_call_on_the_category_leaves_the_kind_sure() {
    let reading = read(&normalise("空调不制冷，想找人来修"));
    assert_eq!(
        (reading.labels.kind, reading.labels.category),
        (Kind::Repair, Category::Electrical)
    );
    let guess = |category, category_margin| crate::understand::model::Guess {
        kind: Kind::Repair,
        kind_margin: 0.6,
        category,
        category_margin,
        urgency: Urgency::Normal,
        emergency_lean: -1.0,
    };
    let close = relabel(&reading, guess(Category::Other, 0.05));
    assert_eq!(close.category, Category::Other);
    assert!(close.confidence < 0.5, "{close:?}");
    assert_eq!(close.kind_confidence, reading.labels.confidence);
    let agreed = relabel(&reading, guess(Category::Electrical, 0.05));
    assert_eq!(agreed.confidence, agreed.kind_confidence);
}
