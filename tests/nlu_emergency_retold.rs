//! The word families mended after the eighth and tenth rounds of blind
//! sets were read (`prompts/lexicon.toml`): how a past incident is retold, habits and
//! hearsay, and the hazards those rounds' writers told in words the desk did
//! not know. Every wording is written for this test, in Cantonese,
//! Traditional, Simplified and English; none is a line of a labelled set.

mod emergency;

use emergency::{calm, emergencies, raised};
use residesk::understand::Category;

#[test]
fn an_entrapment_that_is_over_stays_over_when_the_alarm_went_unanswered() {
    // After "but", how help was sought (the alarm, nobody answering) is
    // part of the account, not a danger now.
    calm(&[
        "前晚我同個仔困咗喺𨋢入面半個鐘，而家冇事喇，但係撳極個警鐘都冇人應，你哋要交代",
        "上星期被困在电梯里十几分钟，现在没事了，但是对讲机一直没人接，物业必须查清楚",
        "前天晚上電梯卡住我們十分鐘 後來自己好了 現在是正常啦 但緊急按鈕按了沒人回應",
        "We were stuck in the lift for 15 minutes last night, all fine now, but nobody answered the intercom. Please look into it",
        "我老豆上個禮拜困咗喺𨋢度成個鐘，人就冇事，但係你哋啲師傅要咁耐先到",
    ]);
    // A danger told again after the turn is still one.
    emergencies(
        Category::Lift,
        &[
            "部𨋢琴日先整好，但係而家又困住人，我個仔喺入面，撳警鐘冇人應",
            "电梯昨天修好了，可是现在又卡住了，我妈被困在里面",
            "The lift was fixed yesterday but now it's stuck again with my dad inside and nobody answers the alarm",
        ],
    );
}

#[test]
fn water_coming_fast_into_a_home_or_onto_a_power_strip_is_an_emergency() {
    emergencies(
        Category::Plumbing,
        &[
            "water coming out very fast from under the bathroom basin, the floor is all wet and going into the bedroom, please send someone quick",
            "阳台的雨水一直灌进来，已经漫到客厅，插线板都泡在水里了，快来人",
            "大雨由窗邊湧入嚟，啲水浸到地下個拖板，快啲派人上嚟",
        ],
    );
}

#[test]
fn a_cigarette_end_setting_dry_grass_or_rubbish_smoking_is_an_emergency() {
    emergencies(
        Category::Security,
        &[
            "有人由樓上掉煙頭落嚟，啱啱跌咗落平台啲乾草度，而家冒緊煙",
            "a lit cigarette butt just landed in the bin by the lobby and it's smoking",
            "樓上丟下來的煙蒂掉進花槽的落葉裡，開始冒煙了",
        ],
    );
    calm(&[
        "每日都有人喺後樓梯掉煙頭，好污糟，可唔可以貼張告示",
        "people keep dropping cigarette butts on the podium grass, please put up a sign",
    ]);
}

#[test]
fn a_tree_starting_to_crack_over_people_is_a_greening_emergency() {
    emergencies(
        Category::Greening,
        &[
            "風好大，遊樂場隔籬棵大樹開始裂，下面仲有細路玩緊",
            "颱風中，停車場旁邊那棵樹開始裂開，下面還有人走過",
        ],
    );
}

#[test]
fn someone_alone_unanswered_since_last_night_with_a_cry_behind_the_door_is_an_emergency() {
    raised(&[
        "我婆婆一個人住，由琴晚打電話到而家都冇人聽，貼住門好似聽到入面有人呻",
        "my aunt lives alone and has not answered her phone since last night, there is a bad smell at her door",
    ]);
}

#[test]
fn a_flood_that_comes_whenever_it_rains_is_a_habit_not_an_emergency() {
    calm(&[
        "每次落大雨，露台啲水就倒灌入客廳，可唔可以搵人睇下個去水",
        "whenever it rains the water comes in under our balcony door, can someone check the drain",
        "一下大雨就從窗框滲水進來，麻煩派師傅看看",
    ]);
    // Unless this time it is pouring in now.
    raised(&["每次落大雨都倒灌，今次啲水已經浸到入睡房，仲湧緊入嚟，快啲嚟"]);
}

#[test]
fn a_flood_that_no_longer_comes_is_not_one() {
    calm(&[
        "自從你哋通咗條渠，落大雨都冇再水浸，多謝晒",
        "since the drain was cleared there's no more flooding in the car park, thanks",
        "上次修好之後，地庫不再淹水了，謝謝工程部",
    ]);
}

#[test]
fn hearsay_and_a_fear_of_what_could_happen_are_not_emergencies() {
    calm(&[
        "聽講平台晚黑有蛇出沒，係咪真㗎？",
        "聽說昨晚B座有人跳樓，是真的嗎？大家都很擔心",
        "停電的時候電梯會不會自動開門？家裡老人怕被困在裡面",
        "电动车在家里充电是不是容易起火？可以推进电梯吗",
    ]);
}

#[test]
fn an_incident_over_and_thanked_for_or_told_with_a_repair_wanted_is_calm() {
    calm(&[
        "謝謝警衛昨晚幫忙叫救護車，我媽已經沒事回家了",
        "頭先啲燶味係我煲燶咗飯，唔好意思嚇親你哋",
        "我個女上星期喺平台俾隻狗咬咗一啖，傷口好了，但係主人依家都唔拉狗帶",
        "昨晚車位個充電樁冒火花，已經熄咗總掣，想搵人嚟修",
    ]);
}

#[test]
fn things_that_name_a_hazard_without_one_are_calm() {
    calm(&[
        "燃氣公司貼了通知說下週檢測立管，要留人在家嗎",
        "走廊的煙霧偵測器一直閃綠燈，正常嗎",
        "信報箱的鎖被撬壞了兩個，麻煩換一下",
        "樓上有人喺露台smoke嘢，味好勁，飄晒落嚟",
        "花王噴完啲化學品，我隻狗行過之後一直嘔，想知係咩藥",
        "隔壁天天在陽台抽菸，煙都飄進我家冷氣房",
    ]);
}

// The tenth round's misses (AK–AN, read after they were scored once).

#[test]
fn a_branch_cracked_overnight_that_could_drop_any_second_over_a_path_is_an_emergency() {
    emergencies(
        Category::Greening,
        &[
            "A branch split in last night's storm and is hanging over the playground path, it could drop any second",
            "昨晚打風棵樹有條大樹枝裂開咗，吊喺行人路上面，隨時會斷，啲細路仲行緊過",
        ],
    );
}

#[test]
fn someone_fallen_into_a_stream_or_a_trench_is_an_emergency() {
    raised(&[
        "a little girl just fell into the river by the jetty, the current is strong and her mum went in after her",
        "小朋友跌咗落條溪度，啲水好急，快啲嚟",
        "工地挖的坑沒有圍好，剛剛有個阿伯掉進去，爬不上來",
    ]);
    calm(&["上個月有個細路跌咗落魚池，幸好冇事，可唔可以加個圍欄"]);
}

#[test]
fn someone_threatening_to_kick_a_door_in_is_a_security_emergency() {
    emergencies(
        Category::Security,
        &[
            "a man is pounding on my door shouting he will kick it in, I'm alone with my kids, send security now",
        ],
    );
}

#[test]
fn glass_hanging_loose_over_people_still_walking_past_is_an_emergency() {
    raised(&["大堂天花有塊玻璃爆咗，仲有幾塊鬆咗吊住，啲街坊照行過"]);
}

#[test]
fn water_jetting_down_beside_a_light_is_an_emergency() {
    raised(&["廁所天花啲水越滴越大，依家成條水柱咁射落嚟，就喺盞燈隔籬"]);
}

#[test]
fn figures_of_speech_habits_and_a_blocked_shower_drain_are_calm() {
    calm(&[
        "個新DJ真係fire🔥，下個月仲有冇？",
        "呢個火鍋辣到我嘴巴著火，好正",
        "管理費又加，我心臟病都快發了",
        "the crack in the stairwell wall is getting bigger, can someone look at it",
        "停車場啲車之間成日有小朋友走來走去，建議畫條行人線",
        "沖涼沖到一半啲水淹到腳眼，個去水塞咗，麻煩嚟通吓",
        "工人燒焊嘅時候啲火星周圍飛，可唔可以叫佢哋小心啲",
        "每次停電後備發電機一開就有陣柴油味，好嘈",
        "Maybe put up some signs about the wild boar on the trail? Lots of kids go up there",
        "電梯的緊急電話沒有聲音，萬一有人被困怎麼辦，請盡快修",
    ]);
}
