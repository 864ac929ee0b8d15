//! Six blind sets for issue 7, each written by people who had not read the
//! lexicon or the code, labelled per TAXONOMY.md, sent at 2026-11-27 10:00
//! Hong Kong (format of tests/labelled/mod.rs).
//!
//! - `data/blind_a.txt`, the development set: 200 lines, 80 emergencies and
//!   50 look-alikes (a drill, a bill, "stuck yesterday, fine now", "no
//!   smell"). Its misses were read and fixed as word families and rules.
//!   Labelling fix before scoring: its writer gave past incident times as
//!   `-`; TAXONOMY.md ("past times are times too") and every earlier set give
//!   them dates, so its five such lines were given theirs (琴晚 → 11-26
//!   18:00–23:59, 尋日/yesterday → 11-26).
//! - `data/blind_b.txt`, held out: 200 lines, 45 emergencies and about 40
//!   look-alikes. Scored only before the first rule change and after the
//!   last; its lines and misses were never printed (`score_quietly`). Its
//!   floors sit under the final figures; they were not fitted.
//! - `data/blind_c.txt`, the second development set, written later by a
//!   writer who had not read the lexicon: 200 lines, 44 emergencies. Scored
//!   before any rule change; then its misses were read and fixed as word
//!   families and rules (A and B kept as regression tests).
//! - `data/blind_d.txt`, the second held-out set, written with C: 200 lines,
//!   44 emergencies. Scored only as figures (`score_quietly`), before the
//!   first rule change made for C and after the last; its lines and misses
//!   were never read. (Its totals were also printed once by accident after
//!   the first batch of C's fixes — 79.5/82.0/81.0, 34/44, 5/156 — and no
//!   rule was chosen from them.)
//!
//! While C's misses were fixed, B's totals (never its lines) were printed
//! after each batch as a regression check, and one rule (a complaint with a
//! strong sound word is noise) was kept with B's category a line better and
//! C's a line worse: B is a regression set now, no longer a clean measure.
//!
//! The issue's targets, on every blind set: kind, category and urgency
//! ≥ 92%, emergencies ≥ 97% caught, ≤ 5% of non-emergencies raised. The
//! floors asserted below sit a little under what each set reached; they are
//! not the targets.
//!
//! Before any rule change (kind, category, urgency, unit, when; emergencies
//! caught; non-emergencies raised to an emergency):
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | A | 79.0% | 81.0% | 64.5% | 98.0% | 96.5% | 36/80 | 15/120 |
//! | B | 82.0% | 85.0% | 77.0% | 98.5% | 96.5% | 28/45 | 18/155 |
//!
//! Sets C and D, before any rule change made for them (main at 8c8d936):
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | C | 84.0% | 85.0% | 86.5% | 97.5% | 95.0% | 38/44 | 1/156 |
//! | D | 79.0% | 83.0% | 82.0% | 98.0% | 97.0% | 34/44 | 5/156 |
//!
//! After the last rule change made for A (set B scored for the second time):
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | A | 99.5% | 99.0% | 99.5% | 98.0% | 96.5% | 80/80 | 0/120 |
//! | B | 87.0% | 89.0% | 88.0% | 98.5% | 96.5% | 38/45 | 6/155 |
//!
//! After the last rule change made for C (C's misses read and fixed as word
//! families; D scored for the second time, its lines still unread):
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | A | 99.5% | 99.0% | 99.5% | 100.0% | 99.5% | 80/80 | 0/120 |
//! | B | 87.5% | 90.5% | 88.0% | 99.0% | 97.5% | 40/45 | 6/155 |
//! | C | 98.5% | 97.0% | 99.0% | 99.5% | 99.5% | 44/44 | 0/156 |
//! | D | 81.0% | 83.0% | 82.0% | 99.5% | 97.0% | 35/44 | 5/156 |
//!
//! So fixing C's families moved the held-out sets only a little (D: kind
//! +2.0, unit +1.5, one more emergency caught; B: category +1.5, two more
//! caught): on messages it has not seen, the desk is still well under the
//! issue's targets (≥ 92% per field, ≥ 97% of emergencies caught). The
//! floors below guard what was reached, not the targets.
//!
//! Sets E (development) and F (held out), written for the second round of
//! issue 7 by a writer who had not read the lexicon or the code (45
//! emergencies and about 40 look-alikes each), scored before any rule
//! change made for them (main at 19b246e), only as totals:
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | E | 83.5% | 85.5% | 81.5% | 97.5% | 95.5% | 39/45 | 10/155 |
//! | F | 79.5% | 76.0% | 81.0% | 98.0% | 95.5% | 34/45 | 8/155 |
//!
//! Emergency detection was then made compositional (issue 7, point 6)
//! without reading E or F: hazard families × their state × negation and
//! tense, as word families in `prompts/lexicon.toml` and rules over them,
//! checked on wordings written for `tests/nlu_emergency.rs`. Two mechanisms
//! were added to the lexicon: `[negation]` (a hazard word right after 冇,
//! 沒有, no, not a, nobody is … does not count, and "not a drill" is no
//! drill), and masks that also hide a word overlapping a masked phrase
//! ("有火" across "有火警演習") while calm words count inside one. Scored
//! once on every set before E's lines were read (urgency field and
//! emergencies):
//!
//! | set | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|
//! | A | 99.5% | 98.5% | 99.5% | 80/80 | 0/120 |
//! | B | 88.0% | 90.5% | 89.5% | 41/45 | 5/155 |
//! | C | 98.5% | 96.0% | 99.0% | 44/44 | 0/156 |
//! | D | 82.0% | 84.5% | 83.0% | 37/44 | 4/156 |
//! | E | 83.5% | 85.0% | 82.5% | 41/45 | 9/155 |
//! | F | 81.0% | 77.0% | 82.5% | 38/45 | 9/155 |
//!
//! Then E's urgency misses were read and fixed as families (hypothetical
//! dangers, tobacco and ritual burning, trickling water, thanks for an
//! incident handled, negation reaching the calm rules):
//!
//! | set | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|
//! | A | 99.5% | 98.5% | 99.5% | 80/80 | 0/120 |
//! | B | 88.0% | 90.5% | 89.5% | 41/45 | 4/155 |
//! | C | 98.5% | 96.0% | 99.0% | 44/44 | 0/156 |
//! | D | 82.0% | 85.0% | 83.0% | 37/44 | 5/156 |
//! | E | 85.5% | 88.5% | 89.0% | 45/45 | 0/155 |
//! | F | 81.0% | 77.5% | 82.5% | 37/45 | 8/155 |
//!
//! Then more families and three more mechanisms were added from wordings
//! written for `tests/nlu_emergency.rs` (never from B, D or F): `[turn]`
//! (what follows the last "but", "點知", "now", "今天" is the present, so a
//! calm word before it no longer holds back a hazard told after it), a
//! family of suppositions (如果, what should I do if) and suggestions as
//! calm rules, and danger signs a weak word needs (a child "困喺" a room is
//! an emergency only crying, alone or unable to get out). One batch (a
//! power cut for someone on an oxygen machine, a hand in an escalator, and
//! "still"/"一直" keeping a past event current) raised one more F
//! non-emergency past its floor and was backed out whole, and so was a
//! later one (heating pipes, "water everywhere", a light soaked). Final
//! figures:
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | A | 99.5% | 99.0% | 99.5% | 100.0% | 99.5% | 80/80 | 0/120 |
//! | B | 88.5% | 91.0% | 90.0% | 99.0% | 97.5% | 42/45 | 4/155 |
//! | C | 98.5% | 97.0% | 99.0% | 99.5% | 99.5% | 44/44 | 0/156 |
//! | D | 82.0% | 85.5% | 83.5% | 99.5% | 97.0% | 38/44 | 5/156 |
//! | E | 85.5% | 90.0% | 89.0% | 97.5% | 95.5% | 45/45 | 0/155 |
//! | F | 82.0% | 78.5% | 83.5% | 98.0% | 95.5% | 38/45 | 8/155 |
//!
//! On the held-out sets the compositional rules caught more (D 35 → 38 of
//! 44, F 34 → 38 of 45, B 40 → 42 of 45) without raising more (D 5, F 8,
//! B 6 → 4), but they are still short of the issue's targets (97% caught):
//! the misses left are wordings no family foresaw. The urgency, caught and
//! raised floors of B, D and F below sit under these figures; their kind
//! and category floors are unchanged (the kind and category decision is
//! being replaced by a learned classifier).
//!
//! ## A learned model beside the rules (issue 7, point 6, kind and category)
//!
//! Fitting more rules moved the held-out sets by a point or two per round,
//! so kind and category are now chosen by a small model trained on the
//! labelled sets (`src/understand/model/`, an averaged perceptron over
//! character n-grams and the lexicon's evidence; the rules still decide
//! emergencies, calm messages, staff conduct and small talk). How the two
//! combine was chosen by leave-one-set-out cross-validation (the last test
//! below): train on every set but X, score X. Kind / category / urgency,
//! rules alone, the model on text and lexicon words alone, and the model
//! the desk uses (its category also reads the rules' answer; it overrules
//! the rules' kind only with a 20% lead):
//!
//! | left out | rules | text model | desk model |
//! |---|---|---|---|
//! | A (200) | 99.5/99.0/99.5 | 98.5/95.0/99.0 | 98.5/98.0/99.0 |
//! | B (200) | 88.5/91.0/90.0 | 93.0/93.0/92.0 | 93.0/91.0/92.0 |
//! | C (200) | 98.5/97.0/99.0 | 96.5/96.5/97.5 | 96.5/97.0/97.5 |
//! | D (200) | 82.0/85.5/83.5 | 85.5/87.5/86.0 | 85.5/85.0/86.0 |
//! | E (200) | 85.5/90.0/89.0 | 83.5/87.0/87.5 | 83.5/90.0/87.5 |
//! | fresh (80) | 100.0/100.0/100.0 | 98.8/92.5/100.0 | 98.8/100.0/100.0 |
//! | generalise (163) | 100.0/100.0/100.0 | 99.4/95.7/100.0 | 99.4/100.0/100.0 |
//! | heldout (143) | 98.6/99.3/97.2 | 99.3/97.2/98.6 | 99.3/99.3/98.6 |
//! | mini (30) | 100.0/100.0/100.0 | 100.0/100.0/100.0 | 100.0/100.0/100.0 |
//! | all (1416) | 93.4/94.6/94.2 | 93.7/93.0/94.5 | 93.7/94.4/94.5 |
//! | B + D + E (600) | 85.3/88.8/87.5 | 87.3/89.2/88.5 | 87.3/88.7/88.5 |
//!
//! (After merging main's compositional emergency rules; before them, with
//! the same model, B + D + E read 85.3/88.7/87.2 | 88.8/89.0/88.8 |
//! 88.8/89.5/88.8: a lexicon change moves these figures by a point or two,
//! so only the kind's gain is clearly more than noise.) With rule words
//! hashed by their text (not their id, which every new lexicon word
//! renumbered) and the word families of issue 7's third round, B + D + E
//! read 85.8/89.3/88.5 | 89.0/88.8/90.3 | 89.0/89.7/90.3, and F (totals
//! only) 88.0 / 80.5 / 93.5 with 45/45 emergencies caught and 0/155 raised
//! (before: 87.5 / 79.5 / 85.0, 38/45, 8/155).
//!
//! The rules' columns flatter them everywhere but B, D and E: every other
//! set was fitted by rules before. On those three the model gains about 2
//! to 3.5 points of kind and 1 to 1.5 of urgency; the category moves less
//! than a line in a hundred either way. Choices made from this table (the
//! first version): the kind without the rules' answer (with it, B + D + E
//! kind was 87.5 against 88.8 without); a 20% lead to overrule the rules'
//! kind (0, 0.05, 0.1 and 0.2 tried; 0.2 best over all sets); no
//! confidence threshold for the rules (rules kept when their confidence
//! ≥ 0.6, 0.7 or 0.8: all worse on kind). The model's confidence stays
//! meaningful: on B + D left out, lines under 0.5 had kind and category
//! both right 63% of the time, 0.5–0.75 70%, above 0.75 86% (the rules
//! alone: 60%, 60%, 85%).
//!
//! Since the model is trained on A–E and the other sets (everything but
//! F), all of them are fitted now: their figures below are training
//! figures, and their floors guard against a broken model, not a measure.
//! F stays held out and is only ever scored as totals.
//!
//! E and F, rules alone (main after the urgency work, 5f57d89 merged)
//! against the desk with the model (E's figures before E was added to the
//! training: the first version of the model, whose kind still read the
//! rules' answer; F's with the final model, trained on A–E):
//!
//! | set | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|
//! | E, rules | 85.5% | 90.0% | 89.0% | 45/45 | 0/155 |
//! | E, model (E not trained) | 86.0% | 89.0% | 88.0% | 45/45 | 0/155 |
//! | E, final model, E left out (table above) | 87.0% | 90.0% | 90.0% | | |
//! | F, rules | 82.0% | 78.5% | 83.5% | 38/45 | 8/155 |
//! | F, final model | 87.5% | 79.5% | 85.0% | 38/45 | 8/155 |
//!
//! (F with the rules after main's last emergency rules were merged; before
//! that merge F read 87.5 / 78.5 / 86.0 with the model.) F's totals were
//! printed four times while the model was built (82.5 / 80.5 / 83.0 with
//! the first model, 88.0 / 78.5 / 84.5 after E was added, then twice the
//! figures above); no choice was made from them, every choice
//! came from the cross-validation table. The model does not reach the
//! issue's 92% on unseen text either: kind gains about five points on F,
//! category none. Emergencies are not the model's: caught and raised are
//! the rules' on every set.
//!
//! ## Third round: more blind text, and urgency learned too
//!
//! Every table above says the same thing: rules fitted to one set move an
//! unseen set by a point or two, and the model gains most from more text.
//! So the third round wrote much more of it, blind: eleven sets by writers
//! who read only TAXONOMY.md and DOMAIN.md (not the lexicon, the code, the
//! tests or each other's sets), each given a different brief: G (300, to
//! develop on), H and I (200 each, held out), and T1–T8 (400 each, to learn
//! from: everyday requests, emergencies and look-alikes, category and kind
//! boundaries, many voices, emergencies told indirectly, urgency pairs, a
//! month's inbox, short and mixed-script messages). Scored on main at
//! 3e1820a before any change (`residesk parse --jsonl`, the same scoring):
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | G | 89.3% | 90.0% | 86.7% | 99.0% | 95.0% | 54/60 | 10/240 |
//! | H | 88.5% | 88.0% | 87.0% | 99.5% | 95.5% | 34/41 | 4/158 |
//! | I | 92.5% | 88.0% | 89.5% | 99.5% | 94.0% | 30/35 | 4/165 |
//! | T1 | 81.0% | 83.0% | 83.5% | 99.5% | 96.2% | 31/32 | 13/364 |
//! | T2 | 89.8% | 86.0% | 86.2% | 99.0% | 96.0% | 121/150 | 6/250 |
//! | T3 | 85.0% | 81.8% | 89.8% | 100.0% | 95.5% | 25/26 | 8/373 |
//! | T4 | 91.2% | 90.8% | 88.2% | 98.8% | 95.8% | 99/110 | 11/290 |
//! | T5 | 86.8% | 77.5% | 73.5% | 99.5% | 96.8% | 126/200 | 7/199 |
//! | T6 | 89.0% | 89.5% | 83.2% | 99.8% | 97.0% | 95/113 | 6/284 |
//! | T7 | 87.5% | 88.8% | 89.0% | 97.8% | 94.8% | 53/60 | 6/340 |
//! | T8 | 90.5% | 89.8% | 91.8% | 99.2% | 96.8% | 76/80 | 4/320 |
//!
//! Emergencies were the rules' alone, and the rules caught 80% of the ones
//! told indirectly (T2, T5: who is inside, what they hear, that it gets
//! worse). So the model learned urgency too: a third classifier over the
//! same features plus the rules' answer, trained with a missed emergency
//! weighing five times a false alarm. It raises an emergency no rule caught
//! when its emergency score leads and an emergency rule nearly fires (its
//! first group, the hazard, and all but one of its others); it never
//! overrules an emergency rule. Kind and category stopped reading the rules' answer: trained on
//! sets the rules were fitted to, the model trusted that answer more than
//! it deserved on new text (category on the unfitted sets 88.8 with it,
//! 89.3 without). Every choice came from the cross-validation below, run
//! after each set was added; H and I were never part of it.
//!
//! Cross-validation (`leave_one_set_out…`, rules | model, kind/category/
//! urgency, caught, raised), the sets not fitted by rules (B, D–G, T1–T8):
//!
//! | corpus | rules | model |
//! |---|---|---|
//! | A–F + 4 small sets (1616 lines) | 84.5/86.2/86.5 163/179 17/621 | 88.5/86.5/88.1 163/179 17/621 (kind and category only) |
//! | + G, T1–T4 (2716 → 3516) | 83.3/84.6/85.6 493/557 65/2138 | 90.1/89.3/89.9 522/557 55/2138 |
//! | + T5–T8 (5116) | 83.4/84.4/84.3 843/1010 88/3281 | 91.2/90.9/90.9 937/1010 73/3281 |
//! | + the development sets' emergency families (final) | 84.2/85.0/87.0 907/1010 35/3281 | 91.5/90.8/91.7 938/1010 46/3281 |
//! | + T9, T11 (tried, not kept; 5,916 lines) | 83.2/84.8/86.6 961/1067 51/4024 | 91.6/91.4/91.7 990/1067 62/4024 |
//!
//! The held-out sets, only ever scored as totals. H and I: before any
//! change, once after urgency was learned, and with the final desk. J and
//! K were written after the final desk first landed, by two more blind
//! writers, and scored before any change and with it (and once with a
//! candidate that was not kept, below). No choice was made from any of
//! them.
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | H, before | 88.5% | 88.0% | 87.0% | 99.5% | 95.5% | 34/41 | 4/158 |
//! | H, urgency learned | 91.0% | 89.5% | 90.0% | 99.5% | 95.5% | 40/41 | 4/158 |
//! | H, final | 92.5% | 88.5% | 90.0% | 99.5% | 95.5% | 40/41 | 4/158 |
//! | I, before | 92.5% | 88.0% | 89.5% | 99.5% | 94.0% | 30/35 | 4/165 |
//! | I, urgency learned | 96.0% | 94.0% | 93.0% | 99.5% | 94.0% | 32/35 | 3/165 |
//! | I, final | 95.5% | 95.0% | 93.5% | 99.5% | 94.0% | 33/35 | 3/165 |
//! | J, before | 86.5% | 82.5% | 84.0% | 99.5% | 95.0% | 27/36 | 8/164 |
//! | J, final | 91.0% | 87.0% | 91.0% | 99.5% | 95.0% | 35/36 | 8/164 |
//! | K, before | 91.0% | 92.0% | 87.0% | 98.0% | 97.0% | 32/36 | 9/164 |
//! | K, final | 93.5% | 94.5% | 92.5% | 98.0% | 97.0% | 35/36 | 8/164 |
//!
//! All four together (800 lines), before → final: kind 89.6 → 93.1,
//! category 87.6 → 91.3, urgency 86.9 → 91.8, emergencies caught 123/148
//! → 143/148 (96.6%), raised 25/651 → 23/651 (3.5%). Kind and raised meet
//! the issue's targets; category and urgency are under a point short of
//! 92%, and so are emergencies caught (97%: five missed of 148). The sets
//! differ by up to seven points in category from one writer to the next:
//! a few hundred lines are not a precise measure.
//!
//! Three more training sets were written after the desk first landed: T9
//! (everyday categories), T10 (emergencies told only by their signs: heat,
//! noises, smells, a bulging ceiling, a neighbour not seen for days) and
//! T11 (what the resident wants). Learned from, they moved the
//! cross-validation a little (last row of the table above) but flipped
//! settled cases: T10 turned a cooker that will not light with no smell
//! into an inquiry (`tests/nlu_emergency.rs`), and T9 with T11 made "空调
//! 不制冷，想找人来修" a repair of category `other` at confidence 0.34, so
//! the desk asked what the resident wanted (`e2e_conversation_flow`). A
//! model that moves like this on borderline lines when a few hundred lines
//! are added is not steady enough to trust the small gain, so all three
//! were kept out of the corpus and are scored as held out instead
//! (before → final desk; T10 and T11 were each scored once more in
//! cross-validation, T9 and T11 once by the candidate):
//!
//! | set | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|
//! | T9 | 85.2 → 89.2% | 87.5 → 92.0% | 86.0 → 87.8% | 25 → 27/27 | 13 → 14/373 |
//! | T10 | 83.2 → 86.8% | 70.8 → 78.5% | 69.0 → 79.5% | 99 → 138/171 | 17 → 15/229 |
//! | T11 | 80.2 → 84.5% | 88.8 → 90.0% | 86.0 → 91.5% | 28 → 29/30 | 3 → 6/370 |
//!
//! Emergencies told only by their signs (T10) are where the desk is
//! weakest: 81% caught.
//!
//! The last row's rules column is fitted too: the families were written
//! from the misses of F, G, T1 and T2 (`tests/nlu_emergency_families.rs`).
//! On T5, which no rule was written from, the rules catch 140 of 200
//! emergencies and the desk 150.
//! (The first row is before urgency was learned; each row scores more sets
//! than the last, so the rules' column moves too.) Tried and not kept: the
//! model choosing kind and category when an emergency rule fired (no gain);
//! a missed emergency weighing 3 (fewer caught), 8, 12 or 20 (a few more
//! caught for many more raised: at 8, 940 caught and 89 raised; at 20, 100
//! raised); raising below a lead of 0 (−0.2, −0.3: one or two more caught,
//! three more raised); a veto (the model overruling an emergency rule when
//! its lean was −0.25 or less: 13 fewer raised for one fewer caught, but it
//! talked down "2號電梯停咗唔郁，我老婆抱住BB喺入面" in
//! `tests/nlu_emergency.rs`, so a miss no figure shows); the
//! model's kind without the rules' (0.1 or 0 lead instead of 0.2: kind
//! within 0.1); 2- or 4-grams, 20 epochs (within noise).
//!
//! ## Fourth round
//!
//! Eight more writers who had not read the lexicon, the code or any other
//! set (same brief) wrote four held-out sets, L–O (200 lines each: evening
//! messages with background, hurried phone messages from mainland
//! compounds, helpers, the elderly and common areas, winter and typhoon
//! season), and T12–T18 to learn from. Every set was scored before any
//! change (main at f18b485), L–O and T15–T18 only as totals:
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | L | 88.0% | 89.0% | 89.0% | 97.5% | 91.5% | 35/36 | 9/163 |
//! | M | 94.5% | 96.0% | 93.0% | 99.5% | 98.0% | 33/36 | 4/164 |
//! | N | 89.5% | 88.5% | 90.5% | 99.5% | 97.5% | 34/36 | 6/163 |
//! | O | 95.0% | 91.5% | 93.5% | 99.0% | 97.5% | 36/36 | 2/164 |
//! | T12 | 87.8% | 91.8% | 85.0% | 99.8% | 94.2% | 36/37 | 15/363 |
//! | T13 | 88.2% | 91.2% | 83.8% | 99.2% | 95.5% | 112/124 | 15/276 |
//! | T14 | 89.8% | 92.5% | 91.0% | 99.2% | 95.2% | 38/40 | 9/360 |
//! | T15 | 89.0% | 87.0% | 87.8% | 99.5% | 96.8% | 34/37 | 10/361 |
//! | T16 | 94.8% | 93.2% | 93.0% | 99.8% | 95.8% | 35/37 | 1/361 |
//! | T17 | 89.0% | 88.7% | 87.0% | 97.0% | 98.0% | 105/120 | 3/180 |
//! | T18 | 89.0% | 89.2% | 90.2% | 98.5% | 97.8% | 41/42 | 8/356 |
//!
//! What changed, each choice from the cross-validation over B, D–G and
//! T1–T14 and the totals of H–K (which makes H–K validation sets now):
//! - T9–T14 are learned from (T12's 14 bookings labelled `low` were given
//!   `normal` first: TAXONOMY, a booking needs action). T15–T18 were
//!   tried too and moved nothing (H–K kind 94.4 → 93.9, category 93.0 →
//!   92.8), so they stayed held out, as a larger measure.
//! - Emergency word families from the misses of T9–T11, T13 and T14
//!   (`tests/nlu_emergency_families.rs`): T10's caught went 138 → 168 of
//!   171 and its false alarms 15 → 3.
//! - The learned urgency fits the kind chosen; small talk is `unknown`.
//! - The model raises an emergency on its own when its lead is 0.8 or more,
//!   with no rule nearly firing.
//! - The category classifier is the mean of three trained in different
//!   orders.
//!
//! Cross-validation, rules | desk: 83.2/84.9/86.0 1315/1439 81/5252 |
//! 92.2/91.8/92.5 1370/1439 92/5252 (before the round's changes, on the
//! same folds: desk 91.6/91.1/91.3 1325/1439 112/5252; the rules' column is
//! fitted to T9–T11, T13 and T14 now).
//!
//! The held-out sets, before → final:
//!
//! | set | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|
//! | L | 88.0 → 90.5% | 89.0 → 87.5% | 89.0 → 91.5% | 35 → 34/36 | 9 → 9/163 |
//! | M | 94.5 → 96.0% | 96.0 → 96.5% | 93.0 → 94.0% | 33 → 34/36 | 4 → 4/164 |
//! | N | 89.5 → 90.5% | 88.5 → 89.0% | 90.5 → 93.0% | 34 → 34/36 | 6 → 5/163 |
//! | O | 95.0 → 95.0% | 91.5 → 93.5% | 93.5 → 96.0% | 36 → 36/36 | 2 → 1/164 |
//! | **L–O (800)** | 91.8 → **93.0%** | 91.2 → **91.6%** | 91.5 → **93.6%** | 138 → **138/144** | 21 → **19/654** |
//! | T15 | 89.0 → 90.8% | 87.0 → 87.8% | 87.8 → 91.2% | 34 → 35/37 | 10 → 10/361 |
//! | T16 | 94.8 → 95.2% | 93.2 → 95.8% | 93.0 → 94.8% | 35 → 36/37 | 1 → 1/361 |
//! | T17 | 89.0 → 92.0% | 88.7 → 90.3% | 87.0 → 92.0% | 105 → 112/120 | 3 → 4/180 |
//! | T18 | 89.0 → 91.8% | 89.2 → 89.8% | 90.2 → 92.0% | 41 → 42/42 | 8 → 8/356 |
//! | **T15–T18 (1500)** | 90.5 → **92.5%** | 89.6 → **90.9%** | 89.7 → **92.5%** | 215 → **225/236** | 22 → **23/1258** |
//! | H–K (800, validation) | 93.1 → 94.2% | 91.3 → 91.9% | 91.8 → 92.5% | 143 → 143/148 | 23 → 24/651 |
//!
//! So on 2,300 lines never learned from, kind and urgency now meet the 92%
//! target and false alarms stay under 2%; category (91.6% and 90.9%) and
//! emergencies caught (95.8% and 95.3%) do not. Category errors are spread
//! over many pairs (security/facilities, other/anything, plumbing/
//! neighbour), and a third of the kind errors are repair against complaint,
//! where the writers themselves differ.
//!
//! Since the ninth round (`tests/nlu_blind_ninth.rs`) the model learns from
//! these sets (`src/understand/model/corpus/README.md`): the tables above
//! are their history, and the floors below, rewritten then, guard against
//! regression; they no longer measure the desk.

mod labelled;

use chrono::TimeZone;
use residesk::understand::model::{Example, Model};
use residesk::understand::{Reader, understand_with};

/// The development set: its misses were read and fixed as word families.
#[test]
fn the_development_blind_set_meets_the_issue_targets() {
    let set = labelled::parse(include_str!("data/blind_a.txt"));
    assert_eq!(set.len(), 200);
    let score = labelled::score(&set);
    score.print("blind set A");
    labelled::assert_floors(&score, [97.0, 97.0, 97.0, 97.0, 95.0], 100.0, 1.0);
}

/// The held-out set: scored quietly, never fitted; floors under its scores
/// (target: 92% per field, 97% caught, at most 5% raised).
#[test]
fn the_held_out_blind_set_scores_above_its_floors() {
    let set = labelled::parse(include_str!("data/blind_b.txt"));
    assert_eq!(set.len(), 200);
    let score = labelled::score_quietly(&set);
    score.print("blind set B");
    labelled::assert_floors(&score, [86.0, 89.0, 89.0, 98.0, 96.0], 91.0, 3.5);
}

/// The third development set (C): its misses are read and fixed as word
/// families and rules.
#[test]
fn the_third_blind_set_scores_above_its_floors() {
    let set = labelled::parse(include_str!("data/blind_c.txt"));
    assert_eq!(set.len(), 200);
    let score = labelled::score(&set);
    score.print("blind set C");
    labelled::assert_floors(&score, [97.0, 96.0, 97.0, 98.0, 98.0], 100.0, 1.0);
}

/// The second held-out set (D): scored quietly, only its figures printed.
#[test]
fn the_second_held_out_blind_set_scores_above_its_floors() {
    let set = labelled::parse(include_str!("data/blind_d.txt"));
    assert_eq!(set.len(), 200);
    let score = labelled::score_quietly(&set);
    score.print("blind set D");
    // Floors under its figures after the last rule change (target: 92% per
    // field, 97% caught, at most 5% raised).
    labelled::assert_floors(&score, [80.0, 82.0, 82.5, 98.0, 96.0], 84.0, 3.5);
}

/// The third development set (E), written for issue 7's second round by a
/// writer who had not read the lexicon or the code.
#[test]
fn the_fifth_blind_set_scores_above_its_floors() {
    let set = labelled::parse(include_str!("data/blind_e.txt"));
    assert_eq!(set.len(), 200);
    let score = labelled::score(&set);
    score.print("blind set E");
    // Before any rule change made for it (main at 19b246e): 83.5 / 85.5 /
    // 81.5 / 97.5 / 95.5, 39/45 caught, 10/155 raised. Its urgency misses
    // were read and fixed as families: 45/45 caught, 0/155 raised.
    labelled::assert_floors(&score, [82.0, 84.0, 88.0, 96.5, 94.5], 100.0, 1.0);
}

/// The third held-out set (F), written with E; held out until the third
/// round, which trains on it (H and I are held out instead).
#[test]
fn the_sixth_blind_set_scores_above_its_floors() {
    let set = labelled::parse(include_str!("data/blind_f.txt"));
    assert_eq!(set.len(), 200);
    let score = labelled::score(&set);
    score.print("blind set F");
    // Before any rule change made for E (main at 19b246e): 79.5 / 76.0 /
    // 81.0 / 98.0 / 95.5, 34/45 caught, 8/155 raised; after the
    // compositional emergency rules 82.0 / 78.5 / 83.5, 38/45, 8/155. With
    // the model trained on A–E, never on F: 87.5 / 79.5 / 85.0, 38/45,
    // 8/155; left out of the third round's cross-validation 92.5 / 87.0 /
    // 90.5, 45/45, 8/155. Trained on since: floors against a broken model.
    labelled::assert_floors(&score, [95.0, 94.0, 96.0, 97.0, 94.5], 97.0, 3.0);
}

/// The development set of the third round (G): trained on, so its floors
/// guard against a broken model.
#[test]
fn the_seventh_blind_set_scores_above_its_floors() {
    let set = labelled::parse(include_str!("data/blind_g.txt"));
    assert_eq!(set.len(), 300);
    let score = labelled::score(&set);
    score.print("blind set G");
    labelled::assert_floors(&score, [95.0, 94.0, 96.0, 98.0, 94.0], 95.0, 1.0);
}

/// The held-out sets: never trained on, never read, scored quietly
/// (target: 92% per field, 97% caught, at most 5% raised). H–K (third
/// round) were scored again in the fourth to choose between candidates, so
/// they are validation sets now; L–O and T15–T18 (fourth round) were scored
/// only before any change and with the final desk. In the fifth round the
/// emergencies M, T17 and T18 missed were read and their word families
/// mended (a weapon drawn, a lift that "shuts people in", 煤汽 for 煤氣),
/// so those three are validation sets now too. In the seventh round the
/// category misses and missed emergencies of all of them were read
/// (`tests/nlu_emergency_category.rs`). Floors sit under the figures of
/// the seventh round's desk; they are not the targets.
#[test]
fn the_held_out_sets_score_above_their_floors() {
    for (name, text, lines, floors, caught, raised) in [
        (
            "H",
            include_str!("data/blind_h.txt"),
            200,
            [98.0, 98.0, 98.0, 99.0, 95.0],
            100.0,
            1.5,
        ),
        (
            "I",
            include_str!("data/blind_i.txt"),
            200,
            [97.5, 99.0, 97.5, 99.5, 93.5],
            100.0,
            2.0,
        ),
        (
            "J",
            include_str!("data/blind_j.txt"),
            200,
            [98.0, 97.5, 96.5, 99.5, 94.5],
            100.0,
            4.0,
        ),
        (
            "K",
            include_str!("data/blind_k.txt"),
            200,
            [97.5, 99.0, 97.0, 99.5, 96.5],
            100.0,
            2.5,
        ),
        (
            "L",
            include_str!("data/blind_l.txt"),
            200,
            [96.5, 95.0, 95.5, 99.0, 91.0],
            100.0,
            5.0,
        ),
        (
            "M",
            include_str!("data/blind_m.txt"),
            200,
            [98.5, 99.5, 97.0, 99.5, 97.5],
            100.0,
            3.5,
        ),
        (
            "N",
            include_str!("data/blind_n.txt"),
            200,
            [96.0, 97.0, 97.0, 99.5, 97.5],
            100.0,
            2.5,
        ),
        (
            "O",
            include_str!("data/blind_o.txt"),
            200,
            [99.0, 97.5, 98.0, 99.5, 97.0],
            100.0,
            1.5,
        ),
        (
            "T15",
            include_str!("data/train_t15.txt"),
            400,
            [97.0, 95.5, 96.5, 99.0, 96.5],
            100.0,
            2.0,
        ),
        (
            "T16",
            include_str!("data/train_t16.txt"),
            400,
            [98.5, 99.0, 98.5, 99.5, 95.5],
            100.0,
            1.0,
        ),
        (
            "T17",
            include_str!("data/train_t17.txt"),
            300,
            [96.5, 95.5, 98.5, 97.5, 97.5],
            100.0,
            1.5,
        ),
        (
            "T18",
            include_str!("data/train_t18.txt"),
            400,
            [98.0, 97.0, 98.0, 98.5, 97.0],
            100.0,
            1.5,
        ),
    ] {
        labelled::assert_held_out(name, text, lines, floors, caught, raised);
    }
}

/// Every labelled set the model learns from, in the line format above.
const SETS: &[(&str, &str)] = &[
    ("A", include_str!("data/blind_a.txt")),
    ("B", include_str!("data/blind_b.txt")),
    ("C", include_str!("data/blind_c.txt")),
    ("D", include_str!("data/blind_d.txt")),
    ("E", include_str!("data/blind_e.txt")),
    ("F", include_str!("data/blind_f.txt")),
    ("G", include_str!("data/blind_g.txt")),
    ("T1", include_str!("data/train_t1.txt")),
    ("T2", include_str!("data/train_t2.txt")),
    ("T3", include_str!("data/train_t3.txt")),
    ("T4", include_str!("data/train_t4.txt")),
    ("T5", include_str!("data/train_t5.txt")),
    ("T6", include_str!("data/train_t6.txt")),
    ("T7", include_str!("data/train_t7.txt")),
    ("T8", include_str!("data/train_t8.txt")),
    ("T9", include_str!("data/train_t9.txt")),
    ("T10", include_str!("data/train_t10.txt")),
    ("T11", include_str!("data/train_t11.txt")),
    ("T12", include_str!("data/train_t12.txt")),
    ("T13", include_str!("data/train_t13.txt")),
    ("T14", include_str!("data/train_t14.txt")),
    ("W", include_str!("data/train_w.txt")),
    ("X", include_str!("data/train_x.txt")),
    ("fresh", include_str!("data/fresh.txt")),
    ("generalise", include_str!("data/generalise.txt")),
    ("heldout", include_str!("data/heldout.txt")),
    ("mini", include_str!("data/mini.txt")),
];

fn examples<'a>(lines: &[labelled::Line<'a>]) -> Vec<Example<'a>> {
    let first = |s: &str| s.split('/').next().unwrap_or(s).to_owned();
    lines
        .iter()
        .map(|l| Example {
            text: l.text,
            kind: first(l.kind).parse().expect("kind"),
            category: first(l.category).parse().expect("category"),
            urgency: first(l.urgency).parse().expect("urgency"),
        })
        .collect()
}

/// Kind, category and urgency lines right, out of `lines`.
#[derive(Default, Clone, Copy)]
struct Tally {
    lines: usize,
    right: [usize; 3],
    /// Emergencies, caught; non-emergencies, raised.
    alarms: [usize; 4],
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.lines += other.lines;
        (0..3).for_each(|i| self.right[i] += other.right[i]);
        (0..4).for_each(|i| self.alarms[i] += other.alarms[i]);
    }
    fn pct(&self, i: usize) -> f64 {
        100.0 * self.right[i] as f64 / self.lines.max(1) as f64
    }
    fn cell(&self) -> String {
        let [e, c, n, r] = self.alarms;
        format!(
            "{:.1}/{:.1}/{:.1} {c}/{e} {r}/{n}",
            self.pct(0),
            self.pct(1),
            self.pct(2)
        )
    }
}

fn tally(lines: &[labelled::Line<'_>], reader: Reader<'_>) -> Tally {
    let now = chrono_tz::Asia::Hong_Kong
        .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .unwrap();
    let one_of = |want: &str, got: &str| want.split('/').any(|w| w == got);
    let mut t = Tally {
        lines: lines.len(),
        ..Tally::default()
    };
    for l in lines {
        let got = understand_with(l.text, now, reader);
        t.right[0] += usize::from(one_of(l.kind, got.kind.as_str()));
        t.right[1] += usize::from(one_of(l.category, got.category.as_str()));
        t.right[2] += usize::from(one_of(l.urgency, got.urgency.as_str()));
        let raised = usize::from(got.urgency.as_str() == "emergency");
        if l.urgency.starts_with("emergency") {
            t.alarms[0] += 1;
            t.alarms[1] += raised;
        } else if !l.urgency.contains("emergency") {
            t.alarms[2] += 1;
            t.alarms[3] += raised;
        }
    }
    t
}

/// Leave one set out: train on every other set, score the one left out,
/// with the rules alone, a model of the text and lexicon words alone, and
/// the model the desk uses (the rules' answer one of its features; an
/// emergency, calm or staff rule still decides). Prints kind/category/
/// urgency per set; the table at the top of this file is its output. Only
/// B and D measure anything about the rules (every other set was fitted),
/// so on those the model must get more kinds right than the rules, and more
/// kinds and categories together.
#[test]
fn leave_one_set_out_the_model_beats_the_rules_on_the_sets_they_were_not_fitted_to() {
    let sets: Vec<(&str, Vec<labelled::Line<'_>>)> = SETS
        .iter()
        .map(|(name, text)| (*name, labelled::parse(text)))
        .collect();
    let mut totals = [Tally::default(); 2];
    let mut unfitted = [Tally::default(); 2];
    for (i, (name, held)) in sets.iter().enumerate() {
        let train: Vec<Example<'_>> = sets
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .flat_map(|(_, (_, lines))| examples(lines))
            .collect();
        let model = Model::train(&train);
        let readers = [Reader::Rules, Reader::Model(&model)];
        let scores = readers.map(|r| tally(held, r));
        println!(
            "| {name} ({}) | {} | {} |",
            held.len(),
            scores[0].cell(),
            scores[1].cell()
        );
        for (k, s) in scores.iter().enumerate() {
            totals[k].add(*s);
            if matches!(
                *name,
                "B" | "D"
                    | "E"
                    | "F"
                    | "G"
                    | "T1"
                    | "T2"
                    | "T3"
                    | "T4"
                    | "T5"
                    | "T6"
                    | "T7"
                    | "T8"
                    | "T12"
            ) {
                unfitted[k].add(*s);
            }
        }
    }
    let row = |t: &[Tally; 2]| format!("{} | {}", t[0].cell(), t[1].cell());
    println!("| all ({}) | {} |", totals[0].lines, row(&totals));
    println!("| B + D + E ({}) | {} |", unfitted[0].lines, row(&unfitted));
    let [rules, combined] = unfitted;
    assert!(
        combined.right[0] > rules.right[0]
            && combined.right[0] + combined.right[1] > rules.right[0] + rules.right[1],
        "B + D + E: model {} vs rules {}",
        combined.cell(),
        rules.cell()
    );
}
