# 预约：上门、来访及会所设施的选日选时、建议时段及提醒。
bookable-repair_visit = 上门维修
bookable-home_visit = 家访
bookable-office_appointment = 来访物业服务中心
bookable-renovation_inspection = 装修验收
bookable-party_room = 派对室
bookable-bbq_pit = 烧烤炉
bookable-function_room = 多功能厅

booking-choose = 请问您想预约什么？
booking-pick-day = 请选择日期：{ $name }（✅ 有空档，✖️ 已满或不开放）。
booking-pick-slot = 请选择时段：{ $name }，{ $day }。
booking-no-slots = 没有空档：{ $name }，{ $day }。请选择其他日期。
booking-slot-label = { $time }（剩余 { $left } 个）
booking-check = 确认预约？{ $name }：{ $slot }
booking-offer = 有空档：{ $name }，{ $slot }。点按即可预约，或选择其他时间：
booking-offer-other = 所问的时间没有空档（{ $asked }）：{ $name }。最接近的空档是{ $slot }。点按即可预约：
booking-offer-none = 抱歉，未来几周都没有空档：{ $name }。
booking-full = 抱歉，刚刚已被预约：{ $name }，{ $slot }。最接近的空档：
booking-not-open = 不能预约这个时间：{ $name }，{ $slot }（太近、太远或不是开放时段）。最接近的空档：
booking-done = ✅ 已预约：{ $number } · { $name }，{ $slot }。
    { $cutoff }前可在这里更改或取消。我们会在前一天及开始前提醒您。
booking-moved = ✅ 已改期：{ $number }，{ $name }，{ $slot }。
    { $cutoff }前可在这里更改或取消。
booking-cancelled = 已取消预约：{ $number }（{ $name }，{ $slot }）。
booking-cancel-ask = 确定取消这个预约？
booking-too-late = 这个预约已过了可更改或取消的时间（最迟 { $cutoff }）。请致电物业服务中心 { $phone }。
booking-remind-day = 📅 提醒：明天有{ $name }，{ $slot }（{ $number }）。
booking-remind-soon = ⏰ 提醒：{ $name }，{ $slot }（{ $number }）。
booking-staff-moved = 🔁 { $number } 已改期：{ $name }，{ $slot }。
booking-button-book = ✅ 预约
booking-button-other = 📅 其他日期
booking-button-change = 🔁 更改时间
booking-button-cancel = ✖️ 取消预约
booking-button-confirm-cancel = ✖️ 确定取消
my-booking-line = { $number } · 📅 { $name }，{ $slot } · { $status }
booking-status-booked = 已预约
booking-status-cancelled = 已取消
booking-status-checked_in = 已签到
booking-status-checked_out = 已完成
booking-status-no_show = 未到场

# 员工：/visits 及预约卡。
visits-today = 📋 今天的预约，{ $day }：
visits-tomorrow = 📋 明天的预约，{ $day }：
visits-none = （没有）
visits-line = { $time } · { $name } · { $number } · { $unit } · { $status }
visit-card = 📅 预约：{ $number } · { $name }
    时间：{ $slot }
    单元：{ $unit } { $resident }
    状态：{ $status }
visit-button-check-in = ✔️ 签到
visit-button-check-out = 🏁 完成离开
visit-button-no-show = 🚫 未到场
visit-button-propose = 🔁 建议其他时间
visit-propose-pick = 你想为 { $number } 建议哪个时间？
visit-propose-none = { $number } 没有可建议的空档。
visit-proposed = 已发送：为 { $number } 建议 { $proposed }。住户回复会在这里通知你。
visit-slot-taken = 这个时间已没有空档，请另选一个。
visit-checked-in = ✔️ 已签到：{ $number } · { $name }。
visit-checked-out = 🏁 已完成：{ $number } · { $name }。
visit-no-show = 🚫 已记录未到场：{ $number } · { $name }。
visit-proposal-accepted = ✅ 住户已接受 { $number }（{ $name }）的新时间。
visit-proposal-declined = 住户保留 { $number }（{ $name }）原来的时间。
# 住户：员工建议的时间。
booking-proposal = 🔁 物业服务中心建议更改 { $number }（{ $name }）的时间：{ $proposed }，原本是 { $slot }。请问您是否方便？
booking-button-accept-proposal = ✅ 接受新时间
booking-button-keep = 保留原来时间
booking-kept = 已保留：{ $number } 仍是 { $name }，{ $slot }。

history-checked_in = 已签到
history-checked_out = 已完成
history-no_show = 未到场
history-rescheduled = 已改期
history-proposed = 建议其他时间
history-kept = 保留原来时间
booking-confirmed = ✅ 物业服务中心已确认：{ $number } · { $name }，{ $slot }。
