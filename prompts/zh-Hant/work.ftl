# residesk — 繁體中文（香港）提示：同事及主管處理工單。

work-hint = 如要為住戶登記來電或來訪，請傳送 /log（或先寫單位，例如「3-1502 廚房水喉漏水」）。你的工單：/tasks。說明：/help。
work-hint-supervisor = 未完成的工單：/open。如要為住戶登記來電或來訪，請傳送 /log（或先寫單位，例如「3-1502 廚房水喉漏水」）。說明：/help。
work-need-text = 請寫幾個字說明（或傳送 /cancel）。

work-ask-decline-reason = 你為何退回 { $number }？請簡單寫下原因（或傳送 /cancel）。
work-ask-resolution = { $number } 是如何處理好的？請傳送簡短備註或完工相片（或傳送 /cancel）。
work-ask-note = 請寫下 { $number } 的備註，或傳送相片（或傳送 /cancel）。

work-accepted = ✅ 你已接單 { $number }，已通知住戶。
work-started = 🛠 { $number } 已開始處理，已通知住戶。
work-resolved = ✔️ { $number } 已完成，已通知住戶。
work-declined = ↩️ 你已退回 { $number }，已轉交 { $staff }。
work-declined-nobody = ↩️ 你已退回 { $number }。暫時沒有其他當值同事，已請主管安排。
work-note-added = 📝 已為 { $number } 加上備註。
work-photo-added = 📷 已為 { $number } 加上相片。
work-already = 無需操作：{ $number } 已經是「{ $status }」。
work-no-longer-yours = { $number } 已不再由你負責。

work-contact = 📞 { $number } 的聯絡資料（單位 { $unit }）：
work-contact-line = { $name }：{ $phone }
work-contact-none = { $number } 沒有登記電話號碼，請到管理處查閱單位檔案。

work-duty = { $on_duty ->
    [yes] 你現正當值。
   *[no] 你現正不當值：傳送 /duty on 即可接收新工作。
}
work-tasks = 你未完成的工單：{ $count } 張，按期限先後排列。{ $duty }
work-tasks-none = 你沒有未完成的工單。{ $duty }
work-list-line = { $escalated ->
    [yes] {"⚠️ "}
   *[no] {""}
}{ $number } · { $category } · { $unit } · { $status } · ⏰ { $deadline }
work-list-more = ……另有 { $more } 張。
work-ticket-button = { $number } · { $unit }

work-open = 未完成的工單（{ $filter }）：{ $count } 張
work-open-none = 沒有未完成的工單（{ $filter }）。
work-open-all = 全部
work-open-unknown = 沒有「{ $filter }」這個單位、狀態或部門，請在下面選擇，或輸入單位，例如 3-1502。
work-open-overdue = 已逾時
work-open-emergency = 緊急
work-listed = 工單（{ $filter }）：{ $count } 張
work-listed-none = 沒有工單（{ $filter }）。
work-page = 第 { $page } 頁，共 { $pages } 頁
button-page-previous = ⬅️ 上一頁
button-page-next = 下一頁 ➡️
button-open-overdue = 已逾時
button-open-emergency = 緊急
button-open-all = 全部

work-history = 處理紀錄：
work-history-line = { $at } · { $action } · { $actor }
work-history-system = 系統

work-reassign-choose = 把 { $number } 交給誰？（🟢 當值 · 未完成工單數）
work-reassign-staff = { $on_duty ->
    [yes] 🟢
   *[no] ⚪
} { $name } · { $department } · { $open }
work-reassign-none = 沒有同事可以接手 { $number }。
work-reassigned = 🔀 { $number } 已改派給 { $staff }，並已把工單傳給對方。
work-reassign-same = { $number } 已經由 { $staff } 負責。
work-reassign-usage = 請在 /reassign 後寫工單編號，例如 /reassign R-0012，或在 /open 的工單下按 🔀。
work-ticket-unknown = 沒有工單 { $number }。

work-log-ask-unit = 這個要求是哪個單位的？請寫座數和單位，例如 3-1502（或傳送 /cancel）。
work-log-unit-not-understood = 對不起，看不出座數和單位。請寫成 3-1502 這樣（或傳送 /cancel）。
work-log-unit-unknown = 住戶名冊中沒有單位 { $unit }，請核對座數和單位（或傳送 /cancel）。
work-log-ask-text = { $unit } 的住戶需要甚麼？請照住戶的說法寫下（或傳送 /cancel）。
work-log-ask-via = 為 { $unit } 登記：「{ $text }」
    { $kind } · { $category } · { $urgency } → { $department }
    這是來電還是親臨管理處？
button-log-phone = 📞 來電
button-log-visit = 🚶 來訪
work-log-press-via = 請按上面的 📞 來電 或 🚶 來訪（或傳送 /cancel）。
via-phone = 來電
via-visit = 來訪
work-logged = 🗂 已為 { $unit } 登記 { $number }（{ $via }）。
work-logged-assigned = 已交 { $staff }（{ $department }）跟進。
work-logged-unassigned = { $department } 暫時沒有同事當值，已請主管安排。
work-logged-resident = 已在 Telegram 通知住戶。
work-logged-no-resident = 這個單位沒有住戶使用本服務，請致電告知住戶進度。
work-reassign-me = 🙋 我自己（{ $name }）· { $open }
work-taken = 🙋 { $number } 現由你負責，已通知住戶由誰跟進。
work-history-to = → { $staff }（{ $department }）
work-choose-urgency = { $number } 有多緊急？時限會重新計算。
work-choose-category = { $number } 屬於哪個類別？屬其他部門的類別會把工單交給該部門。
work-ask-close-reason = 為何要為 { $number } 結單？會通知住戶（或發送 /cancel）。
work-ask-cancel-reason = 為何要取消 { $number }？會通知住戶（或發送 /cancel）。
work-urgency-set = ⚡ { $number } 現為「{ $urgency }」，時限已重新計算。
work-category-set = 🏷 { $number } 現為「{ $category }」（{ $department }）。
work-merged = 🔗 { $duplicate } 已合併到 { $number }，兩位住戶都已收到通知。
work-closed = ✔️ { $number } 已結單，已通知住戶原因。
work-cancelled = ✖️ { $number } 已取消，已通知住戶原因。
work-merge-usage = 請在 /merge 後先寫重複的工單，再寫要保留的工單，例如 /merge R-0013 R-0012。
work-merge-refused = 不能把 { $duplicate } 合併到 { $number }：兩張工單都必須未完成。
