//! The fifth round of issue 7's word families (`prompts/lexicon.toml`):
//! calm rules that held back a danger still there (a precaution taken, a
//! question asked, a drill asked about, a fall days ago that still keeps
//! someone down) and families from the misses of the sets learned from
//! (a child at an open window, a lift door on an empty shaft, a fire
//! catching on things, a lock being cut, a dog that has just bitten a
//! child, a child behind a locked door). Every wording is written for this
//! test in Cantonese, Traditional, Simplified and English, with a calm
//! look-alike beside it; none is a line of a labelled set.

mod emergency;

use emergency::{calm, emergencies, raised};
use residesk::understand::Category;

/// The stove turned off and the windows opened while the smell stays are
/// precautions, not the danger over; a smell that has gone is calm.
#[test]
fn a_gas_smell_after_the_precautions_is_still_an_emergency() {
    emergencies(
        Category::Gas,
        &[
            "屋企成陣煤氣味，我熄咗爐開晒窗都仲係好臭，快啲上嚟",
            "廚房瓦斯味很重，已經關了瓦斯開了窗，味道還在，請派人來",
            "家里一股煤气味，我已经关了煤气开了窗，还是很浓，快来人",
            "Strong gas smell in my kitchen, I've turned off the gas and opened the windows but it's still strong",
        ],
    );
    calm(&["煤氣味已經散晒，我開咗窗，而家冇味喇"]);
}

/// A question asked while the smoke is there now is an emergency; a
/// question about what to do if it ever happens is not.
#[test]
fn a_question_asked_while_the_danger_is_there_is_an_emergency() {
    raised(&[
        "想問下，我屋企插蘇頭先突然冒煙，仲有燶味，應該點做？",
        "請問一下 走廊剛剛開始有煙飄進來 我們應該怎麼做",
        "想问一下 厨房的电线刚才突然冒烟了 怎么办",
        "Quick question, the extractor fan just started smoking and there's a burning smell, what do we do?",
    ]);
    calm(&[
        "想問下如果屋企有煤氣味應該點做？",
        "What should we do if we smell smoke in the corridor at night?",
    ]);
}

/// "Is this a drill?" with smoke seen is not a drill told.
#[test]
fn smoke_seen_while_asking_whether_it_is_a_drill_is_an_emergency() {
    raised(&[
        "火警鐘響緊，走廊見到有煙，係咪演習嚟㗎？",
        "Fire alarm going off and there's smoke coming up the stairwell, is this a drill??",
        "火警铃在响 楼道里有烟 是不是演习？",
    ]);
    calm(&[
        "明天火警演習幾點開始？",
        "Is the fire alarm test still on for Thursday?",
    ]);
}

/// A fall told in the past that still keeps someone down is happening now.
#[test]
fn a_fall_days_ago_that_still_keeps_someone_down_is_an_emergency() {
    raised(&[
        "隔籬婆婆琴晚跌低咗，到而家都仲起唔到身，佢隔住門叫",
        "樓下的阿公前天跌倒，一直起不來，家人不在",
        "My neighbour says she fell yesterday and still can't get up, I can hear her through the door",
    ]);
    calm(&["上星期有個伯伯喺大堂跌低，之後冇事返屋企，想問地板係咪太滑？"]);
}

#[test]
fn a_small_child_at_an_open_window_with_no_adult_is_an_emergency() {
    emergencies(
        Category::Other,
        &[
            "對面座有個細路企咗喺露台欄杆上面，屋企冇大人",
            "對面大樓有個小孩坐在窗台上，窗戶大開，沒有大人",
            "楼上有个小朋友爬到窗台上 窗户大开 没有防盗网",
            "A little boy is climbing on the balcony railing of a flat across from us, no adult around",
        ],
    );
    calm(&[
        "建議露台欄杆加高，驚細路爬上去",
        "Can we install window grilles? My toddler likes to climb onto the window sill",
    ]);
}

#[test]
fn a_lift_door_open_on_an_empty_shaft_is_a_lift_emergency() {
    emergencies(
        Category::Lift,
        &[
            "5座地下部𨋢門打開咗但係冇𨋢廂，得返個黑窿",
            "B棟3樓電梯門開著，裡面沒有電梯廂，看下去是電梯井",
            "3号楼电梯门开了 里面没有轿厢 下面黑漆漆的电梯井",
            "The lift door on 7/F opened and there's no lift car, just the open shaft",
        ],
    );
    calm(&["維修緊部𨋢，𨋢門打開咗見到電梯井，師傅有圍住"]);
}

/// A fire catching on what is beside it, even one lit on purpose.
#[test]
fn a_fire_catching_on_things_is_an_emergency() {
    raised(&[
        "樓下燒街衣啲火燒著咗旁邊啲紙皮",
        "垃圾桶起火 火已經燒到旁邊的單車",
        "花园的草烧着了 火越烧越大",
        "Balcony fire below us, the flames are reaching up to our window",
    ]);
    calm(&["昨晚垃圾房有啲紙皮燒著咗，保安已經救熄"]);
}

#[test]
fn a_lock_being_cut_or_a_thief_still_there_is_a_security_emergency() {
    emergencies(
        Category::Security,
        &[
            "有人喺單車房剪鎖，而家仲喺度",
            "小偷還在頂樓，還沒走",
            "门口有个男的拿着刀砍门",
            "There's a guy in the car park with bolt cutters right now",
            "someone is at my door lock with tools right now, I'm inside with my kids",
        ],
    );
    calm(&[
        "上個月單車房有人剪鎖偷單車，CCTV有冇影到？",
        "想問邊度可以磨菜刀",
    ]);
}

#[test]
fn someone_who_cannot_get_their_breath_is_an_emergency() {
    raised(&[
        "我阿媽哮喘發作，唞唔到氣，有冇人可以幫手",
        "The old man on the bench can't get his breath and looks grey",
    ]);
    calm(&["屋企有人有哮喘，想問清潔劑有冇味"]);
}

#[test]
fn something_swaying_over_people_is_an_emergency() {
    raised(&["外牆個冷氣機架鬆咗，部冷氣機搖搖下，下面有人行過"]);
    calm(&["外牆個冷氣機架有啲生鏽，想搵人睇下"]);
}

/// Someone selling or handing out leaflets is calm, however strange the
/// person; trying the doors while at it is not.
#[test]
fn a_salesman_or_leaflets_at_the_door_are_calm() {
    calm(&[
        "門口有個陌生人派宣傳單，係咪管理處批准㗎？",
        "有人在大堂推銷保險，一直纏住住戶",
        "有个推销员挨家挨户敲门卖东西",
        "A salesman is going door to door selling water filters on our floor",
    ]);
    raised(&["a man handing out flyers is trying every door handle on our floor right now"]);
}

/// Drawing a weapon in a quarrel makes the quarrel an emergency; a quarrel
/// with no weapon, or a knife in the kitchen, does not.
#[test]
fn a_weapon_drawn_in_a_quarrel_is_an_emergency() {
    raised(&[
        "停車場兩個司機嗌交，其中一個拎出把刀",
        "樓梯間有兩個人在爭吵，其中一個掏出了一把刀",
        "大堂有人吵架，有个男的拔出一把刀来",
        "Two neighbours were arguing in the lobby and one pulled out a knife",
        "A man has a knife in the car park and is shouting at people",
    ]);
    calm(&[
        "隔籬兩公婆成晚嗌交，好嘈",
        "I bought a new knife set, can I put the box in the recycling room?",
        "Is there a place on the estate to sharpen kitchen knives?",
    ]);
}

/// A lift that "shuts people in" has people trapped; one that shut
/// yesterday and let them out is calm.
#[test]
fn a_lift_that_shuts_people_in_is_an_emergency() {
    raised(&[
        "3座𨋢關人呀，入面有個阿伯",
        "B棟電梯困人了，按警鐘沒人回應",
        "5号楼电梯关人了，快来",
    ]);
    calm(&["琴日部𨋢關人，半個鐘後放咗出嚟，而家冇事"]);
}

/// 煤汽 is a common slip for 煤氣: the smell is still a gas smell.
#[test]
fn a_gas_smell_written_with_a_slip_is_still_gas() {
    emergencies(Category::Gas, &["廚房好大陣煤汽味，快啲嚟"]);
}

/// A dog that has just bitten a child who is bleeding is an emergency; a
/// bite told as the past, to ask for a rule, is not.
#[test]
fn a_dog_that_has_just_bitten_a_child_is_an_emergency() {
    raised(&[
        "隔籬座隻狗啱啱咬親個男仔，隻手流緊血",
        "一隻大狗剛剛咬到一個小女孩，腿在流血",
        "小区里一条狗刚咬了一个小男孩 腿流血了 狗主人跑了",
        "A dog just bit a little girl by the pool, her arm is bleeding",
    ]);
    calm(&[
        "Last year a dog bit a little girl by the pool. Can dogs be banned from the pool area?",
    ]);
}

/// A child heard crying behind a locked door nobody answers is an
/// emergency; a door locked with the key lost is not.
#[test]
fn a_child_crying_behind_a_locked_door_is_an_emergency() {
    raised(&[
        "I can hear a child crying from inside the bin room, the door's locked and nobody has come",
    ]);
    calm(&["Our storeroom door is locked and I lost the key, can someone help open it?"]);
}
