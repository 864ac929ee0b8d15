# 預約：上門、來訪及會所設施的揀日揀時、建議時段及提醒。
bookable-repair_visit = 上門維修
bookable-home_visit = 家訪
bookable-office_appointment = 來訪管理處
bookable-renovation_inspection = 裝修驗收
bookable-party_room = 派對室
bookable-bbq_pit = 燒烤爐
bookable-function_room = 多用途室

booking-choose = 請問您想預約甚麼？
booking-pick-day = 請揀日子：{ $name }（✅ 有空檔，✖️ 已滿或不開放）。
booking-pick-slot = 請揀時段：{ $name }，{ $day }。
booking-no-slots = 沒有空檔：{ $name }，{ $day }。請揀另一日。
booking-slot-label = { $time }（尚餘 { $left } 個）
booking-check = 確認預約？{ $name }：{ $slot }
booking-offer = 有空檔：{ $name }，{ $slot }。按下即可預約，或揀其他時間：
booking-offer-other = 所問的時間沒有空檔（{ $asked }）：{ $name }。最接近的空檔是{ $slot }。按下即可預約：
booking-offer-none = 抱歉，未來幾星期都沒有空檔：{ $name }。
booking-full = 抱歉，剛剛已被預約：{ $name }，{ $slot }。最接近的空檔：
booking-not-open = 不能預約這個時間：{ $name }，{ $slot }（太近、太遠或不是開放時段）。最接近的空檔：
booking-done = ✅ 已預約：{ $number } · { $name }，{ $slot }。
    { $cutoff }前可在這裏更改或取消。我們會在前一日及開始前提醒您。
booking-moved = ✅ 已改期：{ $number }，{ $name }，{ $slot }。
    { $cutoff }前可在這裏更改或取消。
booking-cancelled = 已取消預約：{ $number }（{ $name }，{ $slot }）。
booking-cancel-ask = 確定取消這個預約？
booking-too-late = 這個預約已過了可更改或取消的時間（最遲 { $cutoff }）。請致電管理處 { $phone }。
booking-remind-day = 📅 提醒：明日有{ $name }，{ $slot }（{ $number }）。
booking-remind-soon = ⏰ 提醒：{ $name }，{ $slot }（{ $number }）。
booking-staff-moved = 🔁 { $number } 已改期：{ $name }，{ $slot }。
booking-button-book = ✅ 預約
booking-button-other = 📅 其他日子
booking-button-change = 🔁 更改時間
booking-button-cancel = ✖️ 取消預約
booking-button-confirm-cancel = ✖️ 確定取消
my-booking-line = { $number } · 📅 { $name }，{ $slot } · { $status }
booking-status-booked = 已預約
booking-status-cancelled = 已取消
booking-status-checked_in = 已報到
booking-status-checked_out = 已完成
booking-status-no_show = 未有出席

# 職員：/visits 及預約卡。
visits-today = 📋 今日預約，{ $day }：
visits-tomorrow = 📋 明日預約，{ $day }：
visits-none = （沒有）
visits-line = { $time } · { $name } · { $number } · { $unit } · { $status }
visit-card = 📅 預約：{ $number } · { $name }
    時間：{ $slot }
    單位：{ $unit } { $resident }
    狀態：{ $status }
visit-button-check-in = ✔️ 報到
visit-button-check-out = 🏁 完成離開
visit-button-no-show = 🚫 未有出席
visit-button-propose = 🔁 建議另一時間
visit-propose-pick = 你想為 { $number } 建議哪個時間？
visit-propose-none = { $number } 沒有可建議的空檔。
visit-proposed = 已發送：為 { $number } 建議 { $proposed }。住戶回覆會在這裏通知你。
visit-slot-taken = 這個時間已沒有空檔，請另揀一個。
visit-checked-in = ✔️ 已報到：{ $number } · { $name }。
visit-checked-out = 🏁 已完成：{ $number } · { $name }。
visit-no-show = 🚫 已記錄未有出席：{ $number } · { $name }。
visit-proposal-accepted = ✅ 住戶已接受 { $number }（{ $name }）的新時間。
visit-proposal-declined = 住戶保留 { $number }（{ $name }）原來的時間。
# 住戶：職員建議的時間。
booking-proposal = 🔁 管理處建議更改 { $number }（{ $name }）的時間：{ $proposed }，原本是 { $slot }。請問您是否方便？
booking-button-accept-proposal = ✅ 接受新時間
booking-button-keep = 保留原來時間
booking-kept = 已保留：{ $number } 仍是 { $name }，{ $slot }。

history-checked_in = 已報到
history-checked_out = 已完成
history-no_show = 未有出席
history-rescheduled = 已改期
history-proposed = 建議另一時間
history-kept = 保留原來時間
booking-confirmed = ✅ 管理處已確認：{ $number } · { $name }，{ $slot }。
