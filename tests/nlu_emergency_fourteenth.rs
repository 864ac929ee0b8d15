//! The word families mended when the fourteenth round of blind sets
//! (BA–BD) was read (`prompts/lexicon.toml`). Every wording is written for
//! this test, in Cantonese, Traditional, Simplified and English; none is a
//! line of a labelled set.

mod emergency;

use emergency::{calm, emergencies, parse};
use residesk::understand::{Category, Kind, Urgency};

#[test]
fn someone_shut_in_a_goods_or_service_lift_is_a_lift_emergency() {
    emergencies(
        Category::Lift,
        &[
            "我困咗喺5座個貨梯入面，燈都熄埋",
            "被困在货梯里，按了警铃没有人应",
            "I'm stuck inside the service lift at Tower 1 and it's dark in here",
        ],
    );
}

#[test]
fn water_coming_in_over_the_tyres_or_spraying_without_stop_is_a_plumbing_emergency() {
    emergencies(
        Category::Plumbing,
        &[
            "停車場入口啲水一路漫進來，已經浸過輪胎",
            "廚房水喉甩咗，水喺度噴，停唔到",
            "地下车库的水漫进来了，已经淹到轮胎",
        ],
    );
}

#[test]
fn a_lift_door_opening_with_no_lift_behind_it_is_a_lift_emergency() {
    emergencies(
        Category::Lift,
        &[
            "the lift doors on 3/F opened and the lift wasn't there, my son almost stepped in",
            "3樓電梯門自己打開，電梯不在，差點踩空",
        ],
    );
}

#[test]
fn someone_trying_the_code_of_a_home_now_is_a_security_emergency() {
    emergencies(
        Category::Security,
        &[
            "門鎖app話有人試咗三次密碼，門口鏡頭見到有個男人",
            "智能门锁一直提醒有人在试密码，门口有个陌生人",
            "my smart lock app says someone tried the code four times and a man is at my door",
        ],
    );
}

#[test]
fn power_gone_where_someone_lives_on_a_machine_is_an_electrical_emergency() {
    emergencies(
        Category::Electrical,
        &[
            "成間屋冇電，我阿媽要用製氧機",
            "家里停电了，老爸离不开呼吸机",
            "Power's gone in our flat and my dad is on an oxygen concentrator",
        ],
    );
    // An outage heard of, ahead of time, is a question.
    calm(&[
        "聽講下個禮拜六停電，屋企有部氧氣機，係咪真？",
        "is there going to be a power cut on Sunday? my father uses a ventilator at night",
    ]);
}

#[test]
fn a_gas_smell_told_with_a_question_is_still_a_gas_emergency() {
    emergencies(
        Category::Gas,
        &[
            "Smell of gas on our landing right now, what should we do?",
            "走廊有煤氣味，好大陣，應該點做？",
        ],
    );
}

#[test]
fn a_past_incident_asked_about_now_or_paid_for_is_calm() {
    calm(&[
        "聽講昨日有人困𨋢，而家可以搭未？",
        "昨天那边燃气泄漏，现在处理好了吗？可以开火做饭了吗？",
        "Someone got stuck in the lift yesterday, my helper says. Is it safe to use now?",
        "上次打風停車場水浸，我架車浸壞咗，到而家都冇人講邊個賠",
        "last month's flood in the car park ruined my car and nobody has told me about compensation",
        "昨天楼上漏水到我家，水已经停了，但地板泡坏了，损失谁负责？",
    ]);
}

#[test]
fn a_danger_heard_of_elsewhere_or_only_possible_is_calm() {
    calm(&[
        "新聞話有屋苑電動車充電起火，停車場有冇防火措施？",
        "樓下好多消防車，係咪有火警？我哋呢座應該冇事吧",
        "平台滑梯有條裂痕，好利，小朋友會割親",
        "颱風又嚟，停車場會唔會又水浸？",
        "熱水爐點唔着，冇gas味，幾時有人上嚟睇？",
        "the switch sparked once when I turned it on, no smell, nothing hot, the bulb is dead now",
        "A dog lunged at my son in the lift this morning and nearly bit him, please remind owners about leashes",
        "樓上晚晚拖櫈掟嘢，吵到我哋瞓唔著",
    ]);
}

#[test]
fn thanks_for_help_with_a_leak_or_a_sick_child_is_praise() {
    for text in [
        "Many thanks to the plumber who fixed our leaking pipe late on Saturday",
        "好感激保安陳生，嗰晚我個女發燒抽筋，佢幫我叫白車",
    ] {
        let got = parse(text);
        assert_ne!(got.urgency, Urgency::Emergency, "{text}: {got:?}");
        assert_eq!(got.kind, Kind::Praise, "{text}: {got:?}");
    }
}
