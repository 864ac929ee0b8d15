//! The seventh round of issue 7's word families (`prompts/lexicon.toml`):
//! the category an emergency rule gives, so the alert reaches the team that
//! can act. Over every distinct labelled line an emergency rule decides
//! (corpus and blind sets), the rules gave the wrong category to 222 of
//! 2,443, and give it to 154 of 2,449 now; most were one of a few families: water reaching electrics is the plumbing fault that feeds it,
//! a cry for help or an ambulance called is someone in danger (`other`,
//! TAXONOMY) unless there is a fight, a tree coming down is greening,
//! smoke from a wired appliance is electrical, stings are pests, an injury
//! in a fight is security and on an escalator is lift. Every wording is
//! written for this test in Cantonese, Traditional, Simplified and English,
//! with a calm look-alike where one exists; none is a line of a labelled set.

mod emergency;

use emergency::{calm, emergencies, raised};
use residesk::understand::Category;

/// Water reaching sockets, a light or a switch room is an emergency whose
/// fault is the water: plumbing stops it at its source.
#[test]
fn water_reaching_electrics_is_a_plumbing_emergency() {
    emergencies(
        Category::Plumbing,
        &[
            "樓上啲水一路沖落嚟，已經浸到廳啲插蘇，6座1203",
            "天花板的水一直灌下來，快要淹到牆上的插座了",
            "楼上漏水像瀑布一样，水已经流进配电箱了",
            "Water is pouring down the wall and has reached the sockets in my living room",
        ],
    );
}

/// A cry for help is someone in danger; in a quarrel or a fight it is a
/// matter for security.
#[test]
fn a_cry_for_help_is_someone_in_danger_unless_there_is_a_fight() {
    emergencies(
        Category::Other,
        &[
            "隔籬屋個伯伯一個人住，頭先聽到佢喺入面嗌救命，拍門冇人開",
            "I can hear the old lady next door calling for help, she lives alone and the door is locked",
        ],
    );
    emergencies(
        Category::Security,
        &[
            "樓上兩公婆嗌交，個女人喺度嗌救命，仲有嘢摔爛聲",
            "The couple upstairs are arguing and she is screaming for help, please send security",
        ],
    );
}

/// An ambulance called or a wild animal among people is someone in danger,
/// whoever is asked to come (a guard, the pool attendant).
#[test]
fn an_ambulance_called_or_a_wild_animal_is_someone_in_danger() {
    emergencies(
        Category::Other,
        &[
            "會所門口有個阿伯跌低咗起唔到身，我已經打咗999，麻煩保安出嚟幫手",
            "游泳池旁邊有位太太暈倒了，我們已經打119，請管理員先過來",
            "A wild boar has run into the podium playground and the kids are still there",
        ],
    );
}

/// Stings are pests, a bite from a dog is the neighbour's, an injury in a
/// fight is security and a fall on an escalator is the lift contractor's.
#[test]
fn an_injury_goes_to_the_team_of_what_caused_it() {
    emergencies(
        Category::Pests,
        &[
            "平台有一竇黃蜂飛出嚟叮人，兩個細路已經俾叮到，隻手腫晒",
            "Hornets came out of the hedge and stung a little girl several times, her face is swelling",
        ],
    );
    emergencies(
        Category::Security,
        &[
            "大堂有兩個男人打緊交，其中一個頭爆咗流緊血",
            "停车场有人拿着扳手追着人打，已经有人流血了",
        ],
    );
    emergencies(
        Category::Lift,
        &[
            "商場扶手電梯突然停咗，有個婆婆跌低咗流緊血",
            "The escalator to the podium jolted and an old man fell, his head is bleeding",
        ],
    );
}

/// Smoke from something wired in or charging (a fan, a charger, a dryer,
/// a breaker box) is an electrical emergency.
#[test]
fn smoke_from_a_wired_appliance_is_an_electrical_emergency() {
    emergencies(
        Category::Electrical,
        &[
            "廁所個抽風機開始冒煙，有陣燒膠味",
            "地库充电桩在冒烟，车还插着在充",
            "The tumble dryer in the laundry room is pouring out smoke",
            "Smoke is coming out of the distribution board in my hallway",
        ],
    );
}

/// A tree or a branch about to come down over people is greening's to
/// cut; one already lying on the path is not an emergency.
#[test]
fn a_tree_coming_down_over_people_is_a_greening_emergency() {
    emergencies(
        Category::Greening,
        &[
            "遊樂場旁邊棵大樹有條樹枝斷咗一半，吊喺半空，下面仲有細路玩緊",
            "中庭那棵榕樹的樹幹裂開了，一直在晃，底下還有人在走",
            "A big branch has snapped and is hanging over the footpath, people are walking under it",
        ],
    );
    calm(&[
        "大廈後面跌咗條好大嘅樹枝喺行人路，要兜路行",
        "Some dead branches fell onto the footpath, no danger but they block the pram",
    ]);
}

/// 部較 (a lift, as Cantonese writes it) stopped with someone inside is a
/// lift emergency; one that stopped yesterday and is fine now is not. A
/// helper's "stop between floor … nobody answer" is the same danger.
#[test]
fn a_lift_told_in_cantonese_or_a_helpers_english_is_a_lift_emergency() {
    emergencies(
        Category::Lift,
        &[
            "3座部較停咗喺半路，我阿爸喺入面，撳警鐘冇人應",
            "lift in Block 5 stop between floor, my grandma inside, nobody answer the red button",
        ],
    );
    calm(&["琴日部較困咗我十分鐘，後尾整返好，而家都正常，想問點解成日咁"]);
}

/// An old person alone who has not answered the door since yesterday, with
/// groaning or the television on, needs someone with a key now.
#[test]
fn someone_alone_groaning_behind_a_door_is_an_emergency() {
    raised(&[
        "My neighbour in 12B lives alone and hasn't answered her door since yesterday, the TV is on and I can hear groaning",
        "Heard a thud from the flat next door and then moaning. The old man lives alone and isn't answering",
    ]);
    calm(&["My neighbour hasn't answered the door since yesterday, I think she went to Macau"]);
}

// The seventh round's misses (Y–AB, read after they were scored twice):
// dangers told in words no family held, and calm lines raised because a
// word of a danger stood in something else ("fire stairs", "bleeding a
// radiator", an ambulance bay).

/// A danger still there after a rescue or a precaution is not over.
#[test]
fn a_danger_still_there_after_a_rescue_or_a_precaution_is_an_emergency() {
    raised(&[
        "My son went under at the deep end, I pulled him out but he's coughing and floppy, please come",
        "個仔跌咗落泳池，我拉咗佢上嚟，但係佢軟晒咳個不停，快啲嚟",
    ]);
    emergencies(
        Category::Electrical,
        &["9座2210 個電錶箱有陣燶味仲有啪啪聲，我已經熄咗個電暖爐，但係仲有煙出嚟"],
    );
}

/// Told by what is seen: someone inside a lift that will not open, a
/// facade panel blown off with another flapping over a school path, a
/// rider lying on the ground, locks being cut, a toddler in a locked SUV.
#[test]
fn dangers_told_by_what_is_seen_are_emergencies() {
    emergencies(
        Category::Lift,
        &["3号楼电梯里有人在拍门喊，楼层一直显示8，外面按按钮也打不开"],
    );
    emergencies(
        Category::Facilities,
        &["7号楼外墙保温层被风刮下来一大块，还有一片挂在高层呼扇，下面就是学校门口"],
    );
    emergencies(
        Category::Other,
        &["坡道结冰，一个送外卖的摔下去躺地上起不来，腿好像断了"],
    );
    emergencies(
        Category::Security,
        &["現在有人在B2機車區剪機車大鎖，剪完一台換一台，快叫警衛"],
    );
    raised(&[
        "There's a toddler alone in a locked SUV in the car park, crying and sweaty, no adults around",
    ]);
}

/// Over, with a check or a repair wanted now: not an emergency; the lift
/// named after "but" is the thing to fix, not a danger happening.
#[test]
fn a_past_incident_with_a_check_wanted_now_is_calm() {
    calm(&[
        "琴日部𨋢困咗我十分鐘，後尾自己郁返，而家冇事，但係部𨋢要認真整下",
        "前天電梯突然往下掉了一層才停住，沒人受傷，但我現在都不太敢搭，有做過檢查嗎？",
        "琴晚天花爆水喉浸咗成個廳，師傅已經關咗水，而家想搵人整返個天花",
        "刚才报的电梯困人，人已经自己出来了，不用急，但是电梯还是得修",
    ]);
}

/// A danger's word standing in something else, or a fright with no danger.
#[test]
fn a_dangers_word_in_something_else_is_calm() {
    calm(&[
        "有架私家車泊咗喺救護車上落位兩日，麻煩處理",
        "家长天天把车停在消防通道上，真有事救护车都进不来",
        "The radiator in the bedroom is cold, tried bleeding it, nothing changed",
        "Pigeons on the ledge outside my kitchen window, droppings everywhere",
        "The neighbour's cat keeps pooping in the fire stairs, the smell is awful",
        "燃气灶有个眼打不着火，没有味道，一直啪啪响不出火",
        "保安成日玩手機，有陌生人入嚟都唔理，好驚",
        "有住戶帶大狗搭電梯唔拉繩，我個女嚇到喊",
        "走廊有怪味以為是瓦斯外洩，管理員來看才知道是廚餘袋破了",
    ]);
}
