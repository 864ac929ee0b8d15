//! The word families mended in the thirteenth round, when the eleventh,
//! twelfth and thirteenth rounds of blind sets were read
//! (`prompts/lexicon.toml`). Every wording is written for this test, in
//! Cantonese, Traditional, Simplified and English; none is a line of a
//! labelled set.

mod emergency;

use emergency::{calm, emergencies, parse};
use residesk::understand::{Category, Kind, Urgency};

#[test]
fn a_fire_lit_on_a_slope_or_a_space_filling_with_smoke_is_a_security_emergency() {
    emergencies(
        Category::Security,
        &[
            "有小朋友玩火，後山啲乾草點著了，火一路燒過來",
            "孩子放鞭炮把楼后面的草地点着了，火往车库那边烧",
            "someone's barbecue started a grass fire on the slope behind block 3",
            "有人喺停車場燒嘢食，成個停車場都係煙，警鐘都未響",
            "the bike store is filling with smoke and I can't see where it's coming from",
        ],
    );
}

#[test]
fn a_battery_smoking_is_a_fire_not_an_electrical_fault() {
    emergencies(
        Category::Security,
        &[
            "走廊有架電動單車個電池冒緊煙，仲有啲噼啪聲",
            "my son's power bank on the sofa is swelling and smoking, smells like burning plastic",
            "充电宝放在床上冒白烟了，快来人",
        ],
    );
}

#[test]
fn a_torch_moving_in_a_home_whose_people_are_away_is_a_break_in() {
    emergencies(
        Category::Security,
        &[
            "隔籬屋一家人去咗旅行，但係我見到入面有手電筒嘅光喺度照來照去",
            "對面那戶出國半年了，剛剛看到他們客廳有人拿手電筒在翻東西",
            "our neighbours are abroad but there's a torch moving around inside their flat right now",
        ],
    );
}

#[test]
fn someone_through_the_ice_or_an_old_person_wandered_off_is_an_emergency() {
    emergencies(
        Category::Other,
        &[
            "a boy fell through the ice on the pond by block 6, people are trying to pull him out",
            "有个小孩掉进冰窟窿里了，就在小区人工湖",
        ],
    );
    let lost = parse("我哋屋企有認知障礙嘅嫲嫲自己行咗出去，搵咗成個鐘都搵唔到，外面好凍");
    assert_eq!(lost.urgency, Urgency::Emergency, "{lost:?}");
}

#[test]
fn someone_telling_they_are_inside_a_stopped_lift_is_an_emergency() {
    emergencies(
        Category::Lift,
        &[
            "我在3栋的电梯里，电梯停住不动，门打不开，信号很差",
            "我現在在電梯裡，卡在兩層中間，門也打不開",
            "I'm in the lift in block 2 and it's stopped between floors, doors won't open",
        ],
    );
}

#[test]
fn a_stopped_lift_with_nobody_in_it_is_not_an_emergency() {
    calm(&[
        "5座部𨋢停咗喺8樓郁唔到，我喺外面撳咗好耐，應該冇人喺入面",
        "电梯停在六楼不动了，人没在里面，我们只能走楼梯",
        "The service lift is stuck on 3/F with its doors shut, nobody in there as far as I can tell",
    ]);
}

#[test]
fn water_pouring_through_a_light_is_plumbing_and_beside_it_is_not_an_emergency() {
    emergencies(
        Category::Plumbing,
        &[
            "樓上啲水由客廳盞燈度一直流落嚟，盞燈仲著緊",
            "water is coming through the kitchen light from upstairs and I'm scared to turn it on",
            "廁所天花啲水沿住燈罩滴落嚟，唔敢開燈",
        ],
    );
    let beside = parse("睡房天花一直滴水，好似係樓上漏落嚟，滴到盞燈旁邊，我夜晚先返到屋企");
    assert_ne!(beside.urgency, Urgency::Emergency, "{beside:?}");
}

#[test]
fn praise_for_help_in_an_emergency_that_is_over_is_praise() {
    for text in [
        "想表揚夜更嘅李生，上星期我阿爸喺大堂暈低，佢即刻叫白車仲一直陪住佢",
        "表扬一下保安小王，昨天我妈在电梯里不舒服，他马上帮忙叫了救护车",
        "Shoutout to the night guard who called an ambulance when my mum fainted in the lobby last week",
    ] {
        let got = parse(text);
        assert_ne!(got.urgency, Urgency::Emergency, "{text}: {got:?}");
        assert_eq!(got.kind, Kind::Praise, "{text}: {got:?}");
    }
}

#[test]
fn smoke_explained_away_or_a_smell_said_not_dangerous_is_calm() {
    calm(&[
        "商場中庭啱啱冒咗好多白煙，問咗先知係乾冰表演",
        "the lobby filled with fog for a moment, turned out it was a smoke machine for the party",
        "There's a faint burning smell from the restaurant downstairs every night around 8. Not dangerous, just unpleasant",
    ]);
}

#[test]
fn what_only_sounds_like_a_hazard_is_calm() {
    calm(&[
        // A simile, a call button, monkeys being fed, a child who is fine.
        "樓上每晚都大力甩門，嘭一聲好似爆炸咁",
        "3座部𨋢喺12樓個掣撳極都冇反應，次次都要行樓梯",
        "our neighbour keeps feeding the monkeys from her balcony and now they come onto ours",
        "the slide at the playground has a sharp edge, my daughter cut her hand a little, she's fine, just a plaster",
        "有人喺沙池度掟沙，掟到啲細路成身都係",
        "窗戶玻璃被打破了，裡面沒人，麻煩找人來封一下",
    ]);
}

#[test]
fn a_fire_feared_or_a_flood_feared_is_not_an_emergency() {
    calm(&[
        "每晚都有人喺後樓梯幫電動單車充電，真係著火邊個負責？",
        "颱風要嚟，停車場會唔會水浸？使唔使將架車揸上地面",
        "地下室的抽水馬達好像壞了，下雨怕會淹水",
    ]);
}

#[test]
fn the_common_heating_radiators_and_winter_paths_find_their_category() {
    for (text, category) in [
        ("我家暖气片一点都不热，屋里才十几度", Category::Plumbing),
        (
            "the radiators in our flat have been cold for two days",
            Category::Plumbing,
        ),
        ("小区路上的积雪好几天没人扫，都结冰了", Category::Cleaning),
        ("房租可以分兩期交嗎？這個月手頭比較緊", Category::Fees),
        ("小區接駁車幾點開第一班？", Category::Other),
    ] {
        let got = parse(text);
        assert_eq!(got.category, category, "{text}: {got:?}");
    }
    let cold = parse("暖氣片冰冷，屋企有個三個月大嘅BB");
    assert_eq!(cold.urgency, Urgency::High, "{cold:?}");
}
