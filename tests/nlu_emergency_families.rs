//! The word families added for issue 7's second round (`prompts/lexicon.toml`):
//! each hazard × its state, with a calm look-alike beside it. Every wording
//! is written for this test in Cantonese, Traditional, Simplified and English;
//! none is a line of a labelled set. (`tests/nlu_emergency.rs` holds the first
//! round; it is past the size a file should have, so the second is here.)

mod emergency;

use emergency::{calm, emergencies, raised};
use residesk::understand::Category;

#[test]
fn an_electric_shock_that_hurt_or_is_still_live_is_an_electrical_emergency() {
    emergencies(
        Category::Electrical,
        &[
            "我摸浴室個熱水爐開關電親，成隻手仲係麻晒",
            "孩子碰到走廊的插座被電到了，一直在哭",
            "老公修灯被电了一下 手臂发麻 灯座还在冒火花",
            "touched the gate by the car park and got a shock, my fingers are still tingling",
        ],
    );
    calm(&[
        "冬天門柄成日有靜電，電親少少，正常嗎？",
        "开车门的时候被静电电了一下，哈哈",
        "the door handle gave me a static shock lol",
    ]);
}

#[test]
fn fumes_that_leave_people_breathless_are_an_emergency() {
    raised(&[
        "後樓梯有陣好刺鼻嘅味，我個女而家透唔到氣",
        "垃圾房有一股化學品味，我眼睛痛到睜不開，喉嚨好痛",
        "地下室有种酸酸的刺鼻味 好几个人头晕想吐",
        "strong chemical smell in the lobby, my eyes are stinging and my son says he can't breathe",
    ]);
    calm(&[
        "樓下清潔用漂白水，有少少味，可唔可以叫佢哋開窗？",
        "the paint smell from 12C's renovation is strong, when will it finish?",
    ]);
}

#[test]
fn someone_lying_still_who_does_not_answer_is_an_emergency() {
    raised(&[
        "停車場有個阿叔瞓咗喺車旁邊，點叫都冇反應",
        "會所更衣室有位女士倒在地上，叫她也沒有反應",
        "泳池边有个男人躺着一动不动 叫不醒",
        "there's a woman slumped in the stairwell on 6/F, she isn't responding",
    ]);
    calm(&[
        "個保安又喺更亭瞓著咗，叫極都唔醒，成何體統",
        "對講機按了好多次都沒有反應",
        "the app is not responding when I try to pay the fee",
    ]);
}

#[test]
fn a_fire_burning_now_or_smoke_getting_thicker_is_an_emergency() {
    emergencies(
        Category::Security,
        &[
            "隔籬屋個露台出緊火，啲火好大",
            "3樓走廊的雜物著火了，快叫人",
            "楼下的电动车着火了，烟越来越浓",
            "the bin outside 8F started smoking and now the smoke is getting thicker",
            "a car in the visitor bays just caught fire",
        ],
    );
    calm(&[
        "The man in 9A smokes in the corridor every night and it drifts into our flat",
        "樓下餐廳個排氣口成日有油煙吹上嚟",
        "如果走火通道起火，我們應該往哪裡走？",
        "消防通道堆滿雜物，擋住晒，火燭點走？",
    ]);
}

#[test]
fn something_loose_hanging_over_people_is_an_emergency() {
    emergencies(
        Category::Facilities,
        &[
            "5座外牆有塊廣告牌鬆咗，吊吊下，下面係巴士站",
            "頂樓的鐵皮被風掀起來，一直在晃，正下方是入口",
            "12楼有扇窗玻璃松脱了 一直在晃 下面很多人经过",
            "a metal panel on the roof of block 3 is flapping in the wind right above the entrance",
        ],
    );
    calm(&[
        "廁所牆身啲瓷磚有啲鬆，怕有日會跌落嚟，可唔可以嚟睇下？",
        "楼上的花盆放在窗台外，我好怕哪天掉下来",
        "The handrail by the pool is a bit wobbly, someone's going to get hurt one day",
    ]);
}

#[test]
fn a_ceiling_coming_down_now_is_an_emergency() {
    emergencies(
        Category::Facilities,
        &[
            "廚房個假天花成塊跌咗落嚟，仲有石屎一直跌",
            "客廳天花板剛剛塌了一大塊，還在往下掉",
            "the kitchen ceiling just came down in big chunks and more plaster keeps falling",
        ],
    );
    calm(&[
        "浴室天花有少少批盪甩，唔急，幾時得閒上嚟睇下？",
        "the ceiling paint is peeling in the bathroom, could someone check it next week",
    ]);
}

#[test]
fn a_break_in_with_someone_still_inside_is_an_emergency() {
    emergencies(
        Category::Security,
        &[
            "返到屋企個鎖俾人撬咗，好似仲有人喺房入面",
            "我家的窗被砸破了，我聽到裡面有腳步聲",
            "有人爬窗进了隔壁家 现在人还在里面",
            "came back to find my front door forced open and I can hear someone inside",
        ],
    );
    calm(&[
        "上個月我個信箱俾人撬開過，有冇睇過CCTV？",
        "my mailbox was forced open last week, any news from the CCTV?",
    ]);
}

#[test]
fn someone_who_will_not_leave_a_resident_alone_is_an_emergency() {
    emergencies(
        Category::Security,
        &[
            "有個唔識嘅男人一路跟住我，而家喺我門口唔肯走，我好驚",
            "一個陌生人跟我進了大廈，現在站在我家門外不肯走，我不敢開門",
            "a stranger followed me into the lift and now he won't leave my floor, I'm scared",
        ],
    );
    calm(&["送外賣嘅成日喺大堂等好耐，可唔可以安排佢哋喺門口等？"]);
}

#[test]
fn a_cry_behind_a_locked_door_is_an_emergency() {
    raised(&[
        "我阿爸自己一個喺屋企，電話唔聽，隔住門聽到佢喊",
        "隔壁門反鎖了，從門縫聽到有人在呻吟",
        "my grandmother won't answer her phone and we can hear her calling out behind the door",
    ]);
    calm(&["隔壁隻狗成日喺門後面吠，好嘈"]);
}

#[test]
fn a_welfare_check_on_someone_alone_not_seen_for_days_is_an_emergency() {
    raised(&[
        "樓上獨居嘅婆婆幾日冇出過門，拍門冇人應，門口有陣怪味",
        "對面一個人住的伯伯三天沒見過了，報紙堆在門口",
        "the old man who lives alone in 7C hasn't been seen for days and there's a strange smell from his flat",
    ]);
    calm(&["隔壁阿姨去了旅行幾日，叫我幫手收信，可以放管理處嗎？"]);
}

#[test]
fn an_escalator_catching_a_foot_or_a_lift_moving_with_someone_caught_is_a_lift_emergency() {
    emergencies(
        Category::Lift,
        &[
            "商場扶手電梯夾住咗個小朋友隻腳",
            "自動扶梯把我女兒的鞋子捲進去了",
            "the escalator caught my son's shoelace and his foot is stuck",
            "the lift doors shut on my mum's trolley bag and the lift started moving with her half out",
        ],
    );
    calm(&["上星期扶手電梯夾過人，後來修好了嗎？"]);
}

#[test]
fn a_punctured_gas_pipe_is_a_gas_emergency_but_one_ruled_out_is_not() {
    emergencies(
        Category::Gas,
        &[
            "裝修師傅鑽牆鑽穿咗煤氣管",
            "工人把燃氣管打爆了，一直有嘶嘶聲",
            "the contractor drilled through the gas pipe in the kitchen",
        ],
    );
    calm(&[
        "The gas meter hisses a bit; the Towngas technician came and said it is not a leak",
        "If we ever smell gas in the corridor, who should we call first?",
    ]);
}

#[test]
fn things_thrown_at_people_below_are_a_security_emergency() {
    emergencies(
        Category::Security,
        &[
            "有人喺高層掟緊啤酒樽落平台，啲細路喺下面玩",
            "someone is throwing bottles down onto the playground, the kids are below",
        ],
    );
    calm(&["後生仔成日喺平台掟波，好嘈"]);
}

#[test]
fn someone_about_to_jump_or_a_child_at_a_window_is_an_emergency() {
    raised(&[
        "天台有個後生仔話要跳落去",
        "有個伯伯企咗喺天台石壆邊",
        "鄰居的小孩爬上了冷氣機頂，大人不在家",
        "a toddler is at an open window on 9/F, nobody else is home",
    ]);
    calm(&["我想問天台幾時開放，想上去曬被"]);
}

#[test]
fn a_fault_already_handled_or_an_account_asked_for_is_not_an_emergency() {
    calm(&[
        "上星期電梯困人嗰件事，到而家都冇人跟進，我要個交代",
        "琴晚後樓梯有人打交，保安半個鐘先到，反應咁慢點得",
        "昨天停水是因為爆水管嗎？今天已經有返水了",
        "the smoke alarm in my hallway keeps chirping, I think the battery is low",
        "兩部電梯都停咗，冇人困喺入面，不過我哋住好高",
    ]);
}

#[test]
fn a_switch_smoking_or_a_leak_getting_worse_is_an_emergency_but_a_stain_spreading_is_not() {
    emergencies(
        Category::Electrical,
        &["the light switch in the hallway is smoking and there's a burning smell"],
    );
    emergencies(
        Category::Plumbing,
        &[
            "天花啲水越滴越快，地下成地都係",
            "客廳天花板的漏水越來越多，止都止不住",
        ],
    );
    calm(&[
        "the damp patch on the ceiling keeps spreading, reported it weeks ago and still not fixed",
        "天花個水漬越來越大，上個月報咗仲未整",
    ]);
}

#[test]
fn bites_an_aftermath_question_or_a_cry_taken_back_are_not_emergencies() {
    calm(&[
        "會所花園好多蚊，行過就俾叮咗幾啖，可唔可以噴藥？",
        "上次水浸個地庫清理好未？可以泊返車未？",
        "is the flooded basement cleaned up yet, can we park there again?",
        "頭先嗌救命嗰個係我個女玩遊戲，唔使上嚟，唔好意思",
    ]);
    raised(&["大堂有個婆婆暈低咗，我哋打咗999，可唔可以叫保安開門俾救護員入嚟？"]);
}

#[test]
fn a_lift_door_open_onto_an_empty_shaft_is_a_lift_emergency() {
    emergencies(
        Category::Lift,
        &[
            "8樓電梯門開咗，但係入面冇𨋢，得個槽",
            "电梯门打开了 里面没有电梯 只有个槽",
            "the lift doors opened on 3/F onto nothing, just the shaft",
        ],
    );
    calm(&["萬一停電困𨋢點算？"]);
}

#[test]
fn a_fear_that_cladding_may_fall_one_day_is_not_an_emergency() {
    calm(&[
        "外牆啲紙皮石有啲鬆，驚有日跌落嚟打親人",
        "the mosaic tiles on the outside wall look loose, sooner or later one will fall on someone",
    ]);
    emergencies(
        Category::Facilities,
        &["外牆啲紙皮石一塊塊跌緊落嚟，下面仲有人行"],
    );
}
