//! Emergencies composed as hazard × state × negation and tense (issue 7):
//! one test per rule change, each with wordings written for the test in
//! every script (none of them is a line of a labelled set).

mod emergency;

use emergency::{calm, emergencies, parse};
use residesk::understand::{Category, Kind, Urgency};

#[test]
fn people_inside_a_stopped_lift_are_an_emergency_in_every_script() {
    emergencies(
        Category::Lift,
        &[
            "部𨋢停咗喺兩層中間，我個仔喺入面",
            "電梯停在12樓不動，裡面有老人家",
            "电梯卡在半空，我妈在里面出不来",
            "The lift has stopped and my grandma is inside",
        ],
    );
}

#[test]
fn a_lift_alarm_nobody_answers_is_an_emergency() {
    emergencies(
        Category::Lift,
        &[
            "𨋢入面撳咗警鐘好耐都冇人應",
            "電梯對講機一直按都沒人回應",
            "pressed the lift alarm button five times, no answer",
        ],
    );
}

#[test]
fn a_lift_dropping_or_water_in_its_shaft_is_an_emergency() {
    emergencies(
        Category::Lift,
        &["部電梯突然跌咗幾層", "电梯井进了好多水还在运行"],
    );
}

#[test]
fn a_lift_that_was_stuck_yesterday_and_works_now_is_not_an_emergency() {
    for text in [
        "琴晚部𨋢困咗我十分鐘，今朝已經好返",
        "The lift trapped us for a while yesterday but it's working again now",
        "昨天電梯卡住了，現在恢復正常",
    ] {
        let u = parse(text);
        assert_eq!(u.category, Category::Lift, "{text}");
        assert!(
            matches!(u.urgency, Urgency::Normal | Urgency::Low),
            "{text}: {:?}",
            u.urgency
        );
    }
}

#[test]
fn a_gas_cooker_that_will_not_light_with_no_smell_is_a_normal_repair() {
    for text in [
        "煤氣爐點唔著，不過冇味",
        "燃气灶点不着火，没有闻到什么味道",
        "The hob won't light but there is no gas smell",
    ] {
        let u = parse(text);
        assert_eq!(
            (u.kind, u.category, u.urgency),
            (Kind::Repair, Category::Gas, Urgency::Normal),
            "{text}"
        );
    }
}

#[test]
fn a_smell_of_rotten_eggs_is_a_gas_emergency() {
    emergencies(
        Category::Gas,
        &[
            "後樓梯有陣臭雞蛋味",
            "there's a rotten egg smell on our floor",
        ],
    );
}

#[test]
fn a_fight_with_someone_bleeding_is_a_security_emergency() {
    emergencies(
        Category::Security,
        &[
            "平台有兩個人打緊交，一個流緊血",
            "大堂有人扭打，有人受傷",
            "Two men are fighting in the car park and one is bleeding",
        ],
    );
}

#[test]
fn water_pouring_through_a_ceiling_or_flooding_in_is_a_plumbing_emergency() {
    emergencies(
        Category::Plumbing,
        &[
            "天花啲水不停灌落嚟，成間屋浸晒",
            "樓上的水一直從天花板流進我家",
            "暴雨，地庫的水一直湧入",
            "Water is gushing through my kitchen ceiling",
            "rain water rushing into the basement car park",
        ],
    );
}

#[test]
fn water_on_live_electrics_or_an_exposed_wire_near_people_is_an_electrical_emergency() {
    emergencies(
        Category::Electrical,
        &[
            "水流入咗走廊個電箱，仲有滋滋聲",
            "Water dripping into the light fittings in the lobby, they are buzzing",
            "停車場有條電線斷咗跌落地，啲細路差啲踩到",
        ],
    );
}

#[test]
fn a_burning_smell_from_a_switch_room_is_an_electrical_emergency() {
    emergencies(
        Category::Electrical,
        &[
            "電錶房傳出燒焦味，越來越濃",
            "配电房有焦糊味",
            "Burning smell coming from the switch room, getting stronger",
        ],
    );
}

#[test]
fn something_thrown_down_from_above_is_a_security_emergency() {
    emergencies(
        Category::Security,
        &[
            "有人喺樓上掟咗個樽落嚟，差啲扑中我",
            "樓上有人丟下一個花盆",
            "Someone threw a bottle from upstairs, it nearly hit a kid",
        ],
    );
}

#[test]
fn a_child_shut_in_a_car_or_a_flat_is_an_emergency_of_category_other() {
    emergencies(
        Category::Other,
        &[
            "停車場架車入面有個細路，車窗全關",
            "有個BB被反鎖喺屋企，大人唔喺度",
            "a toddler is locked in a car in the car park",
        ],
    );
}

#[test]
fn someone_fallen_who_cannot_move_is_an_emergency() {
    emergencies(
        Category::Other,
        &[
            "有個阿伯喺樓梯跌低咗，起唔到身，好似斷咗骨",
            "有个阿姨摔倒了，动不了",
            "An old man fell in the lobby and can't get up",
        ],
    );
}

#[test]
fn a_tree_about_to_fall_with_people_under_it_is_an_emergency() {
    emergencies(Category::Greening, &["颱風吹到棵樹就嚟冧，下面仲有人行過"]);
}

#[test]
fn an_intruder_now_is_an_emergency_but_one_last_month_is_not() {
    emergencies(
        Category::Security,
        &[
            "有個陌生人而家喺走廊逐戶試門",
            "有人爬過圍牆入咗屋苑",
            "a stranger is trying door handles on 5/F right now",
        ],
    );
    calm(&["上個月有小偷入屋，想問有冇加強保安"]);
}

#[test]
fn smoke_pouring_out_is_a_fire_but_detectors_and_cigarettes_are_not() {
    emergencies(
        Category::Security,
        &["垃圾房有好多煙湧出嚟", "走廊冒緊黑煙"],
    );
    calm(&[
        "煙霧感應器成日嘀嘀聲",
        "樓下食煙啲煙飄晒上嚟",
        "The smoke alarm keeps beeping",
    ]);
}

#[test]
fn a_drill_a_test_or_a_notice_is_not_an_emergency() {
    calm(&[
        "火警鐘測試好大聲",
        "消防演習幾點開始？",
        "Is there a fire drill next week?",
        "The fire alarm test went on for ages",
    ]);
}

#[test]
fn a_question_about_a_past_incident_is_not_an_emergency() {
    calm(&[
        "昨晚有火警鐘響，係咩事？",
        "之前有人困𨋢，後來查到原因未？",
        "What happened with the smoke in the lobby last night?",
    ]);
}

#[test]
fn a_false_alarm_is_small_talk_with_low_urgency() {
    for text in [
        "唔使驚，啲煙係我煮嘢燶咗，冇事冇事",
        "false alarm, sorry, it was my toast",
    ] {
        let u = parse(text);
        assert_eq!((u.kind, u.urgency), (Kind::Unknown, Urgency::Low), "{text}");
    }
}

#[test]
fn a_sprinkler_spraying_a_lawn_is_not_a_flood() {
    calm(&[
        "草地灑水器噴到成條路都濕",
        "The sprinkler keeps spraying the footpath",
    ]);
}

/// A blocked fire lane is not an emergency, even with the risk told. (It
/// was `high` here once; TAXONOMY keeps `high` for a serious loss of
/// service or spreading damage, and in the corpus the blind writers label
/// a vehicle in the fire lane `normal` in 4 of the 6 lines that tell the
/// risk, so either level is accepted for it.)
#[test]
fn a_blocked_fire_lane_is_not_an_emergency() {
    for text in [
        "消防通道又畀人放滿紙箱",
        "Bikes left in the fire lane again",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Normal, "{text}");
    }
    let told = parse("有架貨車泊咗喺消防通道，有事點算").urgency;
    assert!(matches!(told, Urgency::Normal | Urgency::High), "{told:?}");
}

#[test]
fn money_words_are_fees_not_pests() {
    for text in [
        "管理費點解貴咗兩百蚊？",
        "这个月水费多了300块",
        "Why is the electricity bill so high?",
        "請問煤氣費可以自動轉賬嗎",
    ] {
        let u = parse(text);
        assert_eq!(u.category, Category::Fees, "{text}");
        assert_ne!(u.urgency, Urgency::Emergency, "{text}");
    }
}

#[test]
fn fire_in_an_idiom_of_anger_or_praise_is_not_a_fire() {
    calm(&[
        "啲保安態度差到我火都嚟埋",
        "The cleaner is on fire today, spotless lobby",
        "那个保安脾气很火爆",
    ]);
}

#[test]
fn an_aircon_dripping_from_upstairs_is_a_normal_complaint() {
    for text in [
        "樓上冷氣機滴水滴到我露台",
        "The aircon above drips onto my window ledge",
    ] {
        let u = parse(text);
        assert_eq!(
            (u.kind, u.category, u.urgency),
            (Kind::Complaint, Category::Plumbing, Urgency::Normal),
            "{text}"
        );
    }
}

#[test]
fn a_smoke_detector_out_of_battery_is_security_and_not_a_power_cut() {
    let u = parse("烟感没电了一直响");
    assert_eq!(
        (u.category, u.urgency),
        (Category::Security, Urgency::Normal)
    );
}

#[test]
fn thanks_with_a_greeting_and_nothing_named_is_small_talk() {
    for text in ["ok thanks 👍", "好的，謝謝"] {
        assert_eq!(parse(text).kind, Kind::Unknown, "{text}");
    }
    assert_eq!(parse("多謝保安陳生").kind, Kind::Praise);
}

#[test]
fn rats_in_the_car_park_are_pests_not_parking() {
    assert_eq!(parse("停車場好多老鼠").category, Category::Pests);
    assert_eq!(parse("停車場有架車亂泊").category, Category::Parking);
}

#[test]
fn someone_at_an_edge_a_fuel_leak_an_explosion_a_cry_for_help_or_drowning_are_emergencies() {
    for text in [
        "A toddler has climbed onto the window ledge on the 20th floor of block 5!",
        "有人企咗喺天台邊，好似想跳落去",
        "Someone is standing on the rooftop edge threatening to jump",
        "停車場有架車漏油，好大陣汽油味",
        "配電房有爆炸聲，之後成座大廈停電",
        "樓下有個女人大叫救命",
        "I can hear a woman screaming for help in the flat below",
        "A child is drowning in the pool and there's no lifeguard",
        "游泳池有個小朋友遇溺",
        "Water in the basement is up to the electrical meters",
        "廚房煤氣爐關唔到火，火越嚟越大",
        "屋企有燒嘢味，但係搵唔到係邊度",
        "Scaffolding collapsed onto the pavement, someone might be under it",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    for text in [
        "小朋友喺平台跳嚟跳去，好嘈",
        "Pigeons nesting on the ledge outside my window",
        "The fuel surcharge on the bill went up",
        "The kids are jumping on the sofa upstairs all night",
    ] {
        assert_ne!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
}

#[test]
fn rat_droppings_and_cockroaches_in_a_refuse_room_are_pests() {
    assert_eq!(
        parse("Cockroaches everywhere in the refuse room").category,
        Category::Pests
    );
    assert_eq!(parse("後樓梯有老鼠屎").category, Category::Pests);
}

#[test]
fn a_complaint_mainly_about_sound_is_noise_whatever_makes_it() {
    let u = parse("垃圾車每天早上五點就來收垃圾，很吵");
    assert_eq!((u.kind, u.category), (Kind::Complaint, Category::Noise));
    assert_eq!(parse("垃圾房好臭，冇人清").category, Category::Cleaning);
}

#[test]
fn a_parcel_pick_up_question_is_an_inquiry_and_a_fountain_is_a_facility() {
    assert_eq!(
        parse("Can I pick up a parcel from the management office after 9pm?").kind,
        Kind::Inquiry
    );
    assert_eq!(
        parse("中庭的噴水池已經壞很久了").category,
        Category::Facilities
    );
}

#[test]
fn who_is_inside_a_stopped_lift_and_an_unanswered_alarm_make_an_emergency() {
    emergencies(
        Category::Lift,
        &[
            "3座部𨋢卡咗喺8樓同9樓中間，我老豆喺入面",
            "电梯停在两层之间，里面有个孕妇",
            "elevator jammed halfway, my elderly mother inside, intercom not answered",
            "elevater stuck with ppl inside",
            "升降機突然向下衝，裡面有兩個長者",
            "my wife and baby are in the lift, it just dropped a floor and stopped",
        ],
    );
    calm(&["電梯昨天困過人，今天正常了，想問原因"]);
}

#[test]
fn a_lot_of_water_through_a_ceiling_is_an_emergency_but_a_stain_or_a_blocked_drain_is_not() {
    emergencies(
        Category::Plumbing,
        &[
            "天花板在大量漏水，地上已经积了很多水",
            "Our ceiling is leaking like a tap, the whole living room is under water",
            "massive leak from ceiling, buckets overflowing",
            "樓上水箱爆咗，水由天花倒落嚟",
        ],
    );
    calm(&[
        "樓上漏水漏咗成個禮拜，天花好多水漬",
        "浴室好多水，因為地漏塞咗",
        "下大雨，窗邊有啲水滲入嚟",
        "天台水缸好似漏緊水，啲水沿住外牆流落嚟",
        "the lobby is flooded with leaflets again",
    ]);
}

#[test]
fn an_exposed_wire_with_anything_wet_near_is_electrical_and_water_through_a_light_plumbing() {
    emergencies(
        Category::Electrical,
        &[
            "走廊有條電線外露，地下仲有積水",
            "後樓梯啲電線甩晒出嚟，下雨浸住",
            "There's a live wire hanging in the corridor and the floor is wet",
        ],
    );
    calm(&["走廊有條電線冇收好，好難睇"]);
    // Water through a light fitting is the leak's: plumbing.
    emergencies(Category::Plumbing, &["水从灯里面漏下来，灯还亮着"]);
}

#[test]
fn a_child_or_an_old_person_shut_in_is_an_emergency_but_a_bike_locked_to_a_rail_is_not() {
    emergencies(
        Category::Other,
        &[
            "kid alone in a locked car on P3 and it's really hot",
            "我個仔自己反鎖咗喺廁所，開唔到門喊緊",
            "my toddler locked himself in the bathroom and is crying",
            "婆婆鎖咗自己喺露台入唔返屋，佢八十幾歲",
        ],
    );
    calm(&[
        "有人將架單車鎖喺大堂欄杆度成個禮拜，阻住晒啲嬰兒車",
        "I locked myself out, can someone open the door",
    ]);
}

#[test]
fn negation_rules_a_hazard_out_and_not_a_drill_rules_the_drill_out() {
    calm(&[
        "冇火冇煙，只係火警鐘自己響",
        "fire alarm went off but no smoke, probably faulty",
        "下星期有火警演習",
    ]);
    emergencies(
        Category::Security,
        &["the fire alarm is going off and I can see smoke, this is not a drill"],
    );
}

#[test]
fn tobacco_ritual_burning_a_bbq_and_figures_of_speech_are_not_fires() {
    calm(&[
        "樓下成日喺露台食煙，啲煙湧晒上嚟",
        "鄰居拜神燒香，成層樓都係煙",
        "the burning smell is just the neighbour burning offerings again, not a fire",
        "The BBQ area smokes a lot when people grill",
        "My phone is on fire with notifications from the group chat",
        "部手機熱到好似著火咁",
    ]);
    emergencies(
        Category::Security,
        &["有部電單車喺停車場自燃", "楼道里全是烟，看不见"],
    );
}

#[test]
fn a_danger_foreseen_or_an_incident_over_and_thanked_for_is_not_an_emergency() {
    calm(&[
        "健身室部跑步機條帶成日打滑，遲早有人跌親",
        "A tile in my bathroom fell off, please fix",
        "someone fainted by the pool yesterday and the guard stayed with him till the ambulance came, thanks",
        "上次電梯困人後來查到原因未？屋企老人家而家都唔敢搭",
        "the smoke was just someone's toast, all fine, thanks for the quick response",
    ]);
}

#[test]
fn falls_from_height_collapses_drownings_and_people_caught_in_doors_are_emergencies() {
    for text in [
        "棚架上跌咗支鐵通落嚟，差啲打中人",
        "冷氣機跌咗落街",
        "大堂天花啲石屎跌緊落嚟",
        "泳池有個小朋友沉咗落水",
        "自動門夾住咗個老人家",
        "lift door closed on my grandma's arm and the lift started moving",
        "嗰個老婆婆跌倒喺地，起唔返身",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&["大堂玻璃門撞埋好大力，差啲夾親人"]);
}

#[test]
fn robberies_weapons_and_crimes_in_progress_are_security_emergencies() {
    emergencies(
        Category::Security,
        &[
            "門口有人打劫",
            "someone just snatched a lady's bag in the lobby",
            "樓下有人揸住把刀追住人斬",
            "有人喺停車場偷車，而家仲喺度",
            "a man is following kids around the playground and tried to grab one",
        ],
    );
    calm(&[
        "有人偷咗我單車",
        "兩個小朋友玩打架",
        "The kids upstairs fight every night, so loud",
        "昨晚停車場有人打交，今日想睇CCTV",
    ]);
}

#[test]
fn self_harm_is_an_emergency_but_a_figure_of_speech_is_not() {
    for text in [
        "有人想自殺，喺天台",
        "my neighbour said she wants to end her life, she is on the balcony",
        "隔離屋個女仔話想死，佢喺窗邊",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&["嘈到我想死", "熱到想死，冷氣壞咗"]);
}

#[test]
fn the_rules_that_fire_are_named() {
    let rules = residesk::understand::urgency_rules("走廊有煤氣味");
    assert!(
        rules.contains(&"emergency: gas smell or leak".to_owned()),
        "{rules:?}"
    );
    let rules = residesk::understand::urgency_rules("昨天電梯困人，已經修好");
    assert!(rules.iter().any(|r| r.starts_with("calm: ")), "{rules:?}");
}

#[test]
fn a_door_being_forced_a_stranger_at_home_or_a_child_at_an_edge_is_an_emergency() {
    for text in [
        "有人喺度撬我隔離屋門",
        "I can hear someone trying to break my door down",
        "我屋企有個陌生人",
        "there is a stranger in our flat",
        "有個細路仔爬出咗窗口",
        "a child is sitting on the window sill of the 15th floor",
        "有個小朋友一個人喺天台邊玩",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&[
        "a man I don't know keeps waiting by the mailboxes",
        "有陌生人喺大堂派傳單",
    ]);
}

#[test]
fn minor_injuries_worries_and_water_in_a_bowl_are_not_emergencies() {
    calm(&[
        "我個仔跌親膝頭，想問會所有冇膠布",
        "there's blood on the lobby floor, looks old",
        "外牆紙皮石有裂紋，擔心會跌落嚟",
        "kids skateboarding in the car park, someone will get hurt",
        "馬桶塞咗，水浸到就滿",
        "下雨後停車場有少少水浸，冇乜嘢",
        "电梯门关得太快，差点夹到我",
        "電熱水爐有啲燶味，已經熄咗",
    ]);
    for text in [
        "water is up to my knees in the car park",
        "the scaffolding is collapsing",
        "a car hit a kid in the car park",
        "救命呀，個廚房著晒火",
        "保安，快啲上嚟！有人喺我門口打我老公",
        "電梯一路落一路震，好似失控",
        "好大陣煤氣味，已經閂咗掣開晒窗",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
}

#[test]
fn a_missing_child_an_animal_among_people_fumes_or_a_medical_crisis_is_an_emergency() {
    for text in [
        "我個囡唔見咗，最後喺會所見到佢，佢得六歲",
        "my 4 year old is missing, last seen at the playground",
        "有個老人家走失咗",
        "有野豬喺遊樂場追人",
        "there's a snake in the playground and kids are around",
        "strong chemical smell in the corridor, people are coughing",
        "有個伯伯心口痛，好辛苦，喺大堂",
        "a kid got stung by wasps and is swelling up badly",
        "有個小朋友食嘢哽親，唔識呼吸",
        "the glass door shattered and someone is cut",
        "gas hissing from the pipe behind the stove",
        "I hear cracking and the ceiling is sagging a lot",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&[
        "my son's bike is missing from the rack",
        "有隻黃蜂喺窗口飛嚟飛去",
    ]);
}

#[test]
fn a_danger_supposed_a_past_flood_or_a_figure_of_speech_is_not_an_emergency() {
    calm(&[
        "如果有火警應該點走？",
        "what should I do if I get trapped in the lift?",
        "水浸之後地毯仲係濕，幾時換？",
        "after the flood last week the car park still smells",
        "管理費又加，簡直係打劫",
        "this parking fee is daylight robbery",
        "we should fire the cleaning contractor",
        "the paint is bleeding through the wallpaper",
    ]);
}

#[test]
fn typos_and_emoji_name_the_same_hazards() {
    for text in [
        "🔥🔥 走廊有火",
        "🆘 lift stuck with my kids inside",
        "屋企好大陣媒氣味",
        "有个阿婆晕到了在大堂",
        "my dad is unconcious on the floor",
        "someone is traped in the lift",
        "call an ambulence, a man fell from the ladder and is bleding",
        "the corridor is very smokey and smells burnt",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&[
        "this new manager is on fire, great job",
        "the new cleaner is 🔥 keeping the lobby spotless 👍",
    ]);
}

#[test]
fn a_hazard_denied_or_an_incident_over_is_not_an_emergency() {
    calm(&[
        "no-one was injured, just reporting the broken railing",
        "未有人受傷，不過個扶手好鬆",
        "the fire is out, the firemen left, the corridor still smells of smoke",
        "火已經救熄，想搵人清理走廊",
        "伯伯已經送咗院，想問可唔可以整返個地滑位",
        "唔係火警，只係有人煮嘢燶咗",
        "it's not a gas leak, the smell is from the bins",
        "没有着火，只是烟雾报警器误报",
    ]);
}

#[test]
fn the_issues_missed_families_are_caught_in_other_words() {
    for text in [
        "2號電梯停咗唔郁，我老婆抱住BB喺入面，撳咗幾次鐘都冇反應",
        "elevator stopped mid-floor with two kids in it, nobody at the control room picks up",
        "电梯里困着一个老太太，报警铃按了半天没人管",
        "籃球場有兩班人打起上嚟，有人頭破咗",
        "brawl outside block C, someone got glassed",
        "小区门口有人打架，一个人被打得满脸是血",
        "pipe in the ceiling burst and it's raining inside my flat",
        "天花板上的水像下雨一样往下漏，地上全湿了",
        "走廊天花有條電線吊咗落嚟，地下有水",
        "地下室电线裸露，地上有积水",
        "停車場有個BB仔喺車度瞓著，車鎖咗，大人唔見人",
        "a young kid is stuck inside a car on level 3, it's boiling",
        "there's an electrical burning smell coming from the riser cupboard and it's getting stronger",
        "电表箱传出烧焦味，越来越重",
        "someone threw a glass bottle off a balcony, it smashed a metre from my daughter",
        "高空抛下一个酒瓶，在我旁边摔碎了",
        "黑雨，地庫停車場入水入得好快",
        "heavy rain flooding the underground car park, water rising quickly",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&[
        "打風，窗口入水，已經用毛巾塞住",
        "建議快遞櫃旁邊加個攝像頭，最近丟件太多",
    ]);
}

#[test]
fn suggestions_worries_services_and_incidents_already_seen_to_are_not_emergencies() {
    calm(&[
        "建議喺平台裝鏡頭影高空擲物",
        "suggest installing cameras to catch people throwing things from windows",
        "please check the wiring in my flat, it's very old and I'm worried about fire",
        "the walls in the corridor are still black from last month's fire",
        "Fire department said the hose reels need replacing",
        "垃圾房有陣燒焦味，應該係有人倒咗煙頭落去，已經冇咗",
        "保安拎住支棍巡邏，嚇親小朋友",
        "the lift door closed on my shopping trolley",
        "我阿爸喺屋企跌親，已經睇咗醫生，想問浴室可唔可以加扶手",
        "有個小朋友喺泳池抽筋，救生員即刻救咗佢上嚟，冇事",
    ]);
}

#[test]
fn a_hazard_told_after_a_turn_is_current_whatever_came_before() {
    for text in [
        "I saw the water suspension notice but now water is pouring out of the pipe in the corridor",
        "昨天已經報過電梯有問題，今日真係困咗人，我阿媽喺入面",
        "the lift was fixed yesterday but now it's stuck again with my son inside",
        "上次修好咗，但係而家又有煤氣味",
        "本來以為係演習，點知真係有煙",
        "保安已經嚟咗，但係個老伯仲未醒",
        "the workers installing the aircon above dropped a metal bracket, it nearly hit a kid",
        "no one is answering the lift alarm and my kids are still inside",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&[
        "there was smoke in the lobby yesterday but it's gone now",
        "上星期有人打交，但保安冇理",
        "the fire is out, the firemen left, the corridor still smells of smoke",
    ]);
}

#[test]
fn people_lying_still_in_water_or_pinned_jumping_or_under_falling_things_are_emergencies() {
    for text in [
        "the lift won't open and we've been in here 20 minutes",
        "an old lady is lying at the bottom of the stairs and not moving",
        "有個阿伯瞓咗喺樓梯底，叫佢冇反應",
        "a kid fell into the pond in the garden",
        "有個小朋友跌咗落水池",
        "有人喺泳池浮咗喺水面唔郁",
        "someone jumped from the roof of block 2",
        "有人跳咗樓",
        "someone is trying to kill themselves in the stairwell",
        "a piece of the balcony fell onto a parked car, people were walking right there",
        "地盤有工人俾嘢壓住",
        "a worker is trapped under a fallen scaffold",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&["個保安瞓咗喺更亭，叫佢都冇反應"]);
}

#[test]
fn everyday_words_inside_the_new_families_do_not_raise_an_emergency() {
    calm(&[
        "婆婆行路要拎拐杖，大堂啲地好滑",
        "清潔工拉走咗啲垃圾，但係冇抹地",
        "the flashing lights in the car park are annoying",
        "I'm following up on my complaint about the lift, still no reply",
        "someone keeps stealing my newspaper from the door",
        "有人話見到條蛇喺山邊",
        "放咗個水桶喺度接住天花滴水",
        "樓上滲水入我屋企，一直滲",
        "有個唔識嘅人喺我家門口派傳單",
        "the cleaners use bleach every time and it makes me dizzy",
        "冷氣機滴水，滴落樓下盞燈",
        "kids kicking a ball against the door all afternoon",
    ]);
}

#[test]
fn code_mixed_and_texting_shorthand_name_the_same_hazards() {
    for text in [
        "好大陣gas味，喺廚房",
        "個lift stuck咗，我媽咪喺入面",
        "有人faint咗喺大堂",
        "pls help my mum fell n cant get up",
        "water pouring thru ceiling!!!",
        "LIFT STUCK PEOPLE INSIDE",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&[
        "gas bill too high this month",
        "smoke detector beeping, low battery",
    ]);
}

#[test]
fn a_gas_alarm_sounding_or_an_ambulance_called_is_an_emergency_but_a_question_about_one_is_not() {
    for text in [
        "燃氣報警器一直響",
        "the gas alarm in my kitchen is going off",
        "我已經打咗999，個阿伯喺大堂唔郁",
        "已經叫咗消防，後樓梯好多煙",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&[
        "燃氣報警器冇電，一直嗶嗶聲",
        "gas detector beeping, low battery",
        "what's the number to call an ambulance here?",
        "如果要叫白車應該點講地址？",
    ]);
}

#[test]
fn a_child_kept_in_is_an_emergency_only_with_a_sign_of_danger() {
    for text in [
        "婆婆鎖咗喺廁所，叫極都唔應",
        "a child is shut in the bin room and crying",
        "小朋友困咗喺儲物室，開唔到門",
        "有個伯伯被困喺垃圾房",
    ] {
        assert_eq!(parse(text).urgency, Urgency::Emergency, "{text}");
    }
    calm(&[
        "我個仔困喺屋企好悶，會所幾時開？",
        "my son has been shut in his room all day playing games",
    ]);
}

#[test]
fn a_fear_of_fire_is_not_a_fire() {
    calm(&["物业能不能把楼道里的电动车清走，怕着火"]);
    emergencies(Category::Security, &["楼道着火了，浓烟滚滚"]);
}
