# residesk — 繁體中文提示：登記、角色、語言、錯誤。

error-generic = 抱歉，系統出現問題，請稍後再試，或致電管理處 { $phone }。
error-too-long = 訊息太長（{ $length } 字），請精簡至 { $limit } 字以內。
error-empty = 訊息中沒有文字，請寫下您需要甚麼協助。
not-allowed = 抱歉，您不能使用此功能。
stale-button = 此按鈕已失效。
unknown-command = 抱歉，我們不認識這個指令。請發送 /help 查看可用功能。

office-default-name = 管理處
welcome-new = 歡迎使用{ $office }住戶服務台。登記時請按下面的按鈕分享您的電話號碼，我們會在住戶名冊中找出您的單位。
button-share-phone = 📱 分享我的電話號碼
contact-not-own = 為保障您的安全，我們只接受您本人的電話號碼。請按「分享我的電話號碼」按鈕，不要轉發他人的聯絡人。
contact-invalid = 我們無法讀取這個電話號碼，請按「分享我的電話號碼」按鈕。
registered = 謝謝您，{ $name }。您已登記為 { $units } 的住戶。{ $next }
registered-next = 有任何需要，例如報修、投訴、預約或查詢，直接在這裏留言即可。
already-registered = 您已經登記。請發送 /help 查看可用功能。
ask-unit = 住戶名冊中找不到您的電話號碼。請問您住在哪個單位？請寫座數及單位，例如「3座1502室」。（如要停止，請發送 /cancel。）
unit-not-understood = 抱歉，我們看不出座數及單位。請寫成「3座1502室」或「B座12樓A室」。（如要停止，請發送 /cancel。）
unit-unknown = 名冊中沒有 { $unit } 這個單位。請核對座數及單位，或致電管理處 { $phone }。
bind-pending = 謝謝。您登記 { $unit } 的申請已交管理處審批，批核後會在這裏通知您。
bind-still-pending = 您登記 { $unit } 的申請仍在等候管理處審批，有結果會在這裏通知您。
bind-too-many = 您今天已多次申請登記。請致電管理處 { $phone }，我們會協助您。
bind-request-staff = 新住戶登記：{ $name }（電話 { $phone }）申請登記為 { $unit } 的住戶。名冊中該單位沒有此電話號碼。
bind-phone-unknown = 未提供
button-approve = ✅ 批准
button-reject = ❌ 拒絕
bind-approved = 好消息：您已登記為 { $unit } 的住戶。{ $next }
bind-rejected = 抱歉，管理處未能確認您是 { $unit } 的住戶。請致電 { $phone }，或於辦公時間（{ $hours }）攜同住址證明到管理處辦理。
bind-decided-approved = ✅ { $staff } 已批准：{ $name } 登記為 { $unit } 的住戶。
bind-decided-rejected = ❌ { $staff } 已拒絕：{ $name } 申請登記 { $unit }。
bind-already-decided = 此申請已有決定。
not-registered = 您尚未登記。請發送 /start 進行登記。

invite-welcome-staff = 歡迎加入，{ $name }。你已登記為{ $department }職員。請發送 /help 查看可用指令。
invite-welcome-supervisor = 歡迎，{ $name }。你已登記為客服主管。請發送 /help 查看可用指令。
invite-invalid = 邀請碼無效，請向主管索取新的邀請碼。
invite-used = 此邀請碼已被使用，請向主管索取新的邀請碼。
invite-expired = 此邀請碼已過期，請向主管索取新的邀請碼。

dept-customer_service = 客戶服務部
dept-engineering = 工程部
dept-security = 保安部
dept-cleaning = 清潔部
dept-greening = 綠化部
dept-accounts = 財務部
dept-supervisors = 客服主管

lang-choose = 請選擇語言：
lang-set = 語言已設定為{ $language }。
lang-name-zh-Hant = 繁體中文
lang-name-zh-Hans = 简体中文
lang-name-en = English

cancelled = 已取消。還有甚麼可以幫您？
nothing-to-cancel = 目前沒有可以取消的操作。

duty-on = 你已開始當值：{ $department }的新工作會分派給你。
duty-off = 你已結束當值：新工作會分派給當值的同事。
duty-not-staff = 只有職員可以設定當值狀態。

cmd-start = 登記或重新開始
cmd-help = 使用說明
cmd-lang = 更改語言
cmd-cancel = 取消目前操作
cmd-my = 我的工單
cmd-book = 預約設施或上門
cmd-urgent = 🚨 緊急／有人身處危險
cmd-tasks = 我的待辦工作
cmd-visits = 今日及明日的預約
cmd-duty = 開始或結束當值
cmd-log = 代住戶登記來電來訪
cmd-open = 未完成工單
cmd-reassign = 改派工單
cmd-merge = 合併重複工單

help-guest = 這是{ $office }住戶服務台。請發送 /start 以電話號碼登記。管理處電話：{ $phone }（{ $hours }）。
help-resident = 直接用您自己的話留言（附相片更好）：報修、投訴、預約或查詢都可以。我們會先與您確認資料，再給您工單編號並通知進度。
    /my – 查看您的工單及進度
    /book – 預約設施或上門（派對室、燒烤爐、家訪等）
    /lang en | zh-Hant | zh-Hans – 更改語言
    /cancel – 取消目前操作
    管理處：{ $phone }（{ $hours }）。緊急事故：{ $emergency }。
help-staff = { $department }的工單會發送到這裏，你可以按按鈕接單、開始及完成。
    /tasks – 按期限列出你的待辦工作
    /visits – 今日及明日的預約：報到、完成、未有出席、建議另一時間
    /duty on | off – 開始或結束當值（只發 /duty 可查看狀態）
    /log 3-1502 內容 – 代住戶登記來電來訪
    /lang en | zh-Hant | zh-Hans – 更改語言
help-supervisor = 你會收到升級個案，並可跟進所有工單。
    /open – 按狀態或部門查看未完成工單
    /visits – 各部門今日及明日的預約
    /duty – 各部門當值名單
    /reassign – 改派工單
    /merge R-0013 R-0012 – 把重複工單合併到保留的工單
    /ticket R-0012 – 查閱工單及其記錄
    /report – 每月報告（或 /report YYYY-MM）
    /log 3-1502 內容 – 代住戶登記來電來訪
    /survey – 業戶問卷：新增、預覽、發送、進度、結果
    /notice – 向住戶發出通告（可統計「收到」）
    /lang en | zh-Hant | zh-Hans – 更改語言

# The durable inbox: an update that kept failing was set aside.
inbox-set-aside = ⚠️ 來自 { $who } 的一則訊息經 { $attempts } 次嘗試仍無法處理，已暫時擱置，以免影響其對話。請跟進：{ $what }
    錯誤：{ $error }
# A confirmation of a draft that is already a ticket (a second press).
draft-already-filed = 您的申請已登記，編號 { $number }。

duty-state = { $on_duty ->
    [yes] 你正在當值（{ $department }）：新工作可以分派給你。
   *[no] 你現時不在當值（{ $department }）：新工作會分派給當值的同事。
}
duty-usage = /duty 不明白「{ $given }」：請發送 /duty on 或 /duty off，或按下面的按鈕。
button-duty-on = 🟢 開始當值
button-duty-off = ⚪ 結束當值
roster-title = 現時當值情況（🟢 當值 · ⚪ 不在當值 · 未完成工單數）：
roster-line = { $department }：{ $people }
roster-member = { $on_duty ->
    [yes] 🟢
   *[no] ⚪
} { $name }（{ $open }）
roster-nobody = 沒有職員
roster-none-on-duty = ⚠️ 沒有人當值
lang-unknown = 沒有「{ $given }」這種語言（可用 /lang en、/lang zh-Hant 或 /lang zh-Hans）。
cmd-roster = 查看當值名單

# 給職員、主管及經理的共用回覆。
error-generic-staff = 抱歉，系統出現問題，甚麼都沒有更改。請稍後再試；如持續出現，請告知主管（管理處：{ $phone }）。
not-allowed-staff = 這不屬於你的職責範圍，甚麼都沒有更改。
command-not-yours = 這個指令不適用於您的身分，甚麼都沒有更改。您可用的指令：{ $commands }
command-not-yours-staff = 這個指令不屬於你的職責範圍，甚麼都沒有更改。你可用的指令：{ $commands }
unknown-command-staff = 沒有這個指令。發送 /help 查看你可用的指令。
cancelled-staff = 已取消，甚麼都沒有更改。你的待辦工作：/tasks。
nothing-to-cancel-staff = 目前沒有進行中的操作可以取消。
duty-shift-on = 🟢 你在{ $department }的更次已開始：你已在當值，新工作可以分派給你。（如未能接工作，請發送 /duty off。）
duty-shift-off = ⚪ 你在{ $department }的更次已結束：你已不在當值。（如要繼續接新工作，請發送 /duty on。）
