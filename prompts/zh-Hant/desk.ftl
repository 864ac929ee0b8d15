# residesk — 繁體中文提示：工單。

kind-repair = 報修
kind-complaint = 投訴
kind-booking = 預約
kind-inquiry = 查詢
kind-suggestion = 建議
kind-praise = 表揚
kind-unknown = 未確定

category-gas = 煤氣
category-lift = 升降機
category-noise = 噪音
category-plumbing = 水務／渠務
category-electrical = 電力
category-security = 保安
category-parking = 停車場
category-cleaning = 清潔
category-pests = 蟲鼠
category-greening = 綠化
category-renovation = 裝修
category-fees = 管理費及收費
category-staff = 職員
category-facilities = 公共設施
category-neighbour = 鄰里
category-other = 其他

urgency-emergency = 🚨 緊急
urgency-high = 高
urgency-normal = 一般
urgency-low = 低

status-new = 等待分派
status-assigned = 已分派
status-accepted = 已接單
status-in_progress = 處理中
status-resolved = 已完成
status-closed = 已結案
status-cancelled = 已取消

card-ticket = { $number } · { $kind } · { $category } · { $urgency }
    單位：{ $unit }
    「{ $text }」
    希望時間：{ $when }
    狀態：{ $status }
    回應期限 { $respond_by } · 完成期限 { $resolve_by }
card-booking = { $number } · { $kind } · { $category }
    單位：{ $unit }
    「{ $text }」
    預約時段：{ $when }
    狀態：{ $status }
card-no-time = 未提供

button-accept = ✅ 接單
button-decline = ↩️ 退回
button-start = 🛠 開始處理
button-resolve = ✔️ 已完成
button-note = 📝 加備註
button-contact = 📞 聯絡住戶
button-reassign = 🔀 改派
button-history = 📜 記錄

alert-unassigned = ⚠️ { $number } 暫時沒有當值同事可接，請分派。
alert-emergency = 🚨 緊急事故 { $number }：請立即處理。
    報告人：{ $reporter }
reporter-no-phone = 未提供電話
reporter-unregistered = 未登記住戶
alert-overdue-respond = ⏰ { $number } 未在時限內接單。
alert-overdue-resolve = ⏰ { $number } 未在時限內完成。
alert-escalated-again = ⏫ { $number } 第二次升級：接單及完成時限均已超過。
alert-job-set-aside = ⚠️ 一項排程工作（{ $kind } #{ $id }）已失敗 { $attempts } 次，現已擱置，不會再自動執行。最後的錯誤：{ $error }
reminder-respond = ⏳ 提醒：請盡快接 { $number }，回應時限快到了。
reminder-resolve = ⏳ 提醒：{ $number } 的完成時限快到了。

resident-logged-for-you = 管理處已按您的來電或來訪登記工單 { $number }，進度會在這裏通知您。
resident-accepted = 您的工單 { $number } 已由{ $department }的 { $staff } 接手，預計於 { $resolve_by } 前完成。
resident-started = 您的工單 { $number } 已開始處理。
resident-resolved = 您的工單 { $number } 已完成。
resident-cancelled-by-office = 管理處已取消您的工單 { $number }。原因：{ $reason }。如有疑問，請致電 { $phone }。
staff-ticket-cancelled = { $number } 已取消，無需再跟進。
staff-ticket-reassigned-away = { $number } 已改派給其他同事，你無需再跟進。

# A ticket's history, line by line.
history-created = 已登記
history-assigned = 已分派
history-accepted = 已接單
history-declined = 已轉交
history-started = 開始處理
history-resolved = 已完成
history-cancelled = 已取消
history-reassigned = 已改派
history-escalated = 已上報
history-reopened = 重新處理
history-closed = 已結案
history-note = 加入備註
history-photo = 加入相片
history-other = { $action }

# 工單卡上說明工單為何在此。
card-reopened-rated = 🔁 重開：住戶回訪時評 { $stars }。緊急程度已提高一級。
card-reopened-not-fixed = 🔁 重開：住戶表示問題仍未解決。緊急程度已提高一級。
card-declined-by = ↩️ { $name } 轉交，原因：「{ $reason }」
card-other-department = ℹ️ 此工單屬{ $department }，但該部門沒有當值同事可以接手，所以由{ $theirs }的 { $staff } 負責。
# 舊工單卡：工單現在的去向。
card-now-with = ➡️ { $number } 現由 { $staff } 負責。此工單卡已過時。
card-now-unassigned = ➡️ { $number } 正等待主管分派。此工單卡已過時。
card-now-status = ➡️ { $number } 現時狀態為「{ $status }」。此工單卡已過時。
card-now-merged = ➡️ { $number } 已合併到 { $into }。此工單卡已過時。
button-take = 🙋 由我處理
alert-emergency-unassigned = 🚨 緊急事故 { $number }：沒有當值同事可接，請立即接手或分派。
    報告人：{ $reporter }
alert-declined-all = ⚠️ 所有當值同事都轉交了 { $number }，請接手或分派（原因見下）。
resident-resolved-note = { $staff } 的完工備註：{ $note }
history-taken = 主管接手
card-duplicate = ⚠️ 可能與 { $numbers } 重複（未完成、同一類別、同一單位或住戶）。主管可以合併。
button-urgency = ⚡ 緊急程度
button-category = 🏷 類別
button-close = ✔️ 結單
button-office-cancel = ✖️ 取消
button-merge-into = 🔗 合併到 { $number }
resident-closed-by-office = 管理處已為您的工單 { $number } 結單。原因：{ $reason }。如有疑問，請致電 { $phone }。
# $reason 是保留的工單編號。
resident-merged = 您的工單 { $number } 與 { $reason } 是同一問題，我們已把兩者合併：{ $reason } 正在處理，進度會在這裏通知您。如有疑問，請致電 { $phone }。
# $reason 是併入的工單編號。
resident-merged-in = 另一份關於同一問題的報告（{ $reason }）已併入您的工單 { $number }。您無需做任何事，進度會在這裏通知您。
staff-ticket-closed = { $number } 已由主管結單，無需再跟進。
staff-ticket-changed = ℹ️ 主管修改了 { $number }，以下是最新內容。
staff-ticket-merged = { $number } 是重複工單，已合併到另一張工單，無需再跟進。
history-urgency = 更改緊急程度
history-category = 更改類別
history-merged = 已合併到另一工單
history-merged_in = 併入重複工單
