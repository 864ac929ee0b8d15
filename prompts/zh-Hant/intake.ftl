# residesk — 繁體中文（香港）提示：住戶的報修、投訴、預約及查詢。
# 每個鍵在三種語言都要有，佔位符相同。

draft-card = 請核對您的申請：
    { $kind } · { $category } · { $urgency }
    地點：{ $place }
    「{ $text }」
    希望時間：{ $when }
    相片：{ $photos } 張
    資料正確嗎？請按 ✅ 確認，或在下面修改。
draft-place-building = { $building } 座（公用地方）
draft-place-unknown = 未提供
draft-no-text = （只有相片）
button-draft-confirm = ✅ 確認
button-draft-kind = ✏️ 類型
button-draft-category = 🏷 事項
button-draft-unit = 🏠 地點
button-draft-time = 🕒 時間
button-draft-photo = 📷 加相片
button-draft-cancel = ✖️ 取消

draft-ask-kind = 我們想確保理解正確：「{ $text }」
    請問您想我們做甚麼？
draft-ask-category = 我們想把「{ $text }」交給合適的部門。
    請問是關於甚麼的？
draft-ask-unit = 請問在哪裏？請在下面選擇您的單位，或寫上座數及單位（例如「3座1502室」）；如屬公用地方，寫座數即可（例如「3座大堂」）。
draft-ask-unit-none = 請問在哪裏？請寫上座數及單位（例如「3座1502室」）；如屬公用地方，寫座數即可（例如「3座大堂」）。
draft-ask-time = 請問甚麼時間方便？請寫上日子及時間，例如「聽日下晝三點」或「星期六上午」。
draft-ask-photo = 請現在傳送相片（可以傳多張）。
draft-unit-not-understood = 對不起，我們看不出座數及單位。請寫成「3座1502室」的樣子；如屬公用地方，寫座數即可。
draft-unit-not-yours = { $unit } 不是您已登記的單位，我們不能以此單位登記申請。請選擇您的單位；如屬公用地方，寫座數即可。
draft-time-not-understood = 對不起，我們看不出時間。請寫上日子及時間，例如「聽日下晝三點」或「3月25號上午」。
draft-full = 您的申請內容已經很長（上限 { $limit } 字），所以沒有加入這則訊息。請先確認現有內容，之後可用 /my 補充。
draft-set-aside = 您較早前的申請（「{ $text }」）未有確認，所以沒有送出，我們已把它擱置。以下是按您最新訊息建立的新申請。
draft-cancelled = 好的，這項申請已取消。有需要隨時再找我們。

draft-confirmed = ✅ 多謝您。您的申請已登記，編號 { $number }。
    由{ $department }跟進：我們會在{ $respond }前回應，並爭取在{ $resolve }前完成。
    { $next }
    進度會在這裏通知您；輸入 /my 可隨時查看。如有疑問，請致電管理處 { $phone }。
draft-next-assigned = 已交由 { $staff } 處理，如有需要會與您聯絡。
draft-next-other = { $own }現時沒有同事當值，已交由 { $staff } 處理，如有需要會與您聯絡。
draft-next-nobody = 現時沒有同事當值，已通知主管安排同事跟進。如情況急切，請致電 { $phone }。
draft-duplicate = ⚠️ 您已有未完成的{ $category }工單 { $numbers }。如屬同一問題，您無需再做任何事，我們會一併處理。
duration-minutes = { $n } 分鐘
duration-hours = { $n } 小時
duration-days = { $n } 日

emergency-opened = 🚨 我們已登記緊急事故：{ $number }，並已即時通知當值同事及主管。
    管理處緊急電話：{ $emergency }。
emergency-opened-nobody = 🚨 我們已登記緊急事故：{ $number }。現時沒有同事當值，已通知主管。請立即致電管理處緊急電話 { $emergency }。
safety-gas = 請注意安全：不要開關任何電燈或電器，不要使用打火機或明火。請打開窗戶；如能安全接觸，請關上煤氣錶總掣；然後離開單位，到室外致電 { $fire }。緊急電話：{ $emergency }。
safety-lift = 如被困升降機：請按升降機內的警鐘，保持冷靜，機廂內空氣足夠。切勿強行打開機門或嘗試爬出。救援人員正趕來。緊急電話：{ $emergency }。
safety-plumbing = 如有大量水浸：在安全情況下，請關上電錶總掣（切勿濕手或站在水中操作），並關上水錶總掣。遠離濕了的插座，把貴重物品移到高處。緊急電話：{ $emergency }。
safety-electrical = 如見火花或聞到燒焦味：切勿觸碰電線；在安全情況下請關上電錶總掣。如有火警或濃煙，請經樓梯離開（切勿使用升降機）並致電 { $fire }。緊急電話：{ $emergency }。
safety-security = 如有火警或濃煙：請經樓梯離開，切勿使用升降機，隨手關門，並致電 { $fire }。如有人爆竊或闖入：切勿與對方糾纏，請留在安全地方並致電 { $police } 報警。如有人打鬥或受傷：請保持距離，立即致電 { $ambulance } 召喚救護車或致電 { $police } 報警。緊急電話：{ $emergency }。
safety-other = 如有人受傷或身處危險，請立即致電 { $ambulance } 召喚救護車或致電 { $police } 報警，並留在安全地方。緊急電話：{ $emergency }。

faq-fees = 管理費按月收取，金額以繳費通知單為準。您可以自動轉賬、銀行轉賬或到{ $office }櫃位繳交（{ $hours }）。查詢欠款、收據或個別收費，請致電 { $phone }。
faq-office_hours = { $office }辦公時間為 { $hours }，電話 { $phone }。辦公時間以外，可向大堂保安查詢；緊急事故隨時可在這裏報告。
faq-renovation = 裝修工程開始前，請帶同承辦商資料到{ $office }申請，並繳交裝修按金。嘈吵工程只可在屋苑守則規定的時間進行（星期日及公眾假期除外），建築廢料須由承辦商包好運走。表格及詳情：{ $phone }（{ $hours }）。
faq-parking = 月租車位、訪客泊車及停車場卡均由{ $office }辦理。請帶同車輛登記文件到管理處（{ $hours }），或致電 { $phone }。
button-ask-person = 🙋 找職員解答

my-none = 您暫時未有任何申請。有需要隨時在這裏留言。
my-title = 您的申請（最新的在前）：
my-line = { $number } · { $kind } · { $category } · { $status } · { $date }
ticket-view = { $number } · { $kind } · { $category }
    狀態：{ $status }
    地點：{ $place }
    「{ $text }」
    希望時間：{ $when }
    記錄：
    { $history }
button-add-info = ➕ 補充資料或相片
button-cancel-ticket = ✖️ 取消這項申請
ticket-cancel-ask = 確定要取消 { $number }（{ $kind } · { $category }）嗎？取消後不能復原，負責同事會收到通知。
button-cancel-yes = ✖️ 確定取消
button-cancel-no = ↩️ 保留申請
ticket-kept = { $number } 會繼續處理。
addinfo-ask = 請傳送要補充到 { $number } 的資料或相片。
addinfo-done = 已補充到 { $number }（{ $status }），並已通知跟進同事。
ticket-not-open = { $number } 目前{ $status }，不能再更改。如有新情況，請直接留言。
ticket-cancelled-by-you = 您的申請 { $number } 已取消。
staff-resident-added-note = 📝 { $number }：住戶補充：{ $text }
staff-resident-added-photo = 📷 { $number }：住戶補充了相片。{ $text }
edit-not-applied = 我們已處理了您較早的訊息，所以這次修改沒有生效。如要補充申請，請輸入 /my 再打開該申請。

unsupported-sticker = 多謝！我們只能閱讀文字及相片，請用文字告訴我們您的需要。
unsupported-voice = 對不起，我們未能收聽語音訊息。請用文字留言，或致電管理處 { $phone }。
unsupported-video = 對不起，我們未能接收影片。請改為傳送相片並附上簡單說明，或致電 { $phone }。
unsupported-document = 對不起，我們只接收相片或圖片，不接收其他檔案。請傳送相片，或致電 { $phone }。
unsupported-other = 對不起，我們未能閱讀這類訊息。請用文字留言，或致電 { $phone }。
photo-file-received = 📷 已收到，會使用這張相片。
photo-file-failed = 對不起，我們未能打開這個圖片。請以「相片」形式傳送（不要以檔案傳送）。

# 公共地方（prompts/lexicon.toml 的 [[place]]）。
draft-place-area = { $building }座{ $area }（公共地方）
draft-place-area-estate = { $area }（公共地方）
draft-place-about = { $place } · 有關單位 { $unit }
area-lift_lobby = 升降機大堂
area-lobby = 大堂
area-car_park = 停車場
area-refuse_room = 垃圾房
area-podium = 平台
area-corridor = 走廊
area-stairwell = 樓梯
area-clubhouse = 會所
area-playground = 遊樂場
area-rooftop = 天台
area-entrance = 大閘

# 對話：寒暄、同時兩件事、退出方法、已過的時間。
smalltalk-greeting = 您好！👋 有甚麼可以幫到您？請直接寫下您的需要，例如「廚房水龍頭漏水」或「想預約會所宴會廳」。
smalltalk-thanks = 不用客氣！有任何需要，隨時在這裡告訴我們。
smalltalk-ok = 👍 收到。有任何需要，隨時在這裡告訴我們；發送 /my 可查看您的工單。
smalltalk-pending = 上面的申請仍在等待您的回覆。
draft-ask-which = 這是關於您的申請「{ $text }」，還是一項新的申請？
button-join-draft = ➕ 加到「{ $text }」
button-split-draft = 🆕 新的申請
button-draft-back = ↩️ 返回
button-urgent = 🚨 緊急／有人身處危險
draft-time-past = { $time } 已經過去，未能預約。最早可安排的時間是 { $next }：請按下面的按鈕選用，或寫下另一個日子和時間。
button-take-time = ✅ { $next }
addinfo-left = 這看來是一項新的申請，所以沒有加到 { $number }。請查看下面的新申請。
emergency-kept-draft = 您的申請「{ $text }」已保留；安全後可在上面繼續。
emergency-kept-addinfo = 安全後，您仍可發送想補充到申請的資料。
emergency-kept-unit = 安全後，請仍告訴我們您的座數及單位，以便為您登記。
urgent-pressed = 🚨 住戶按下了「緊急／有人身處危險」。
urgent-tell-more = 請立即告訴我們發生甚麼事及地點（座數、樓層、單位或公共地方）；您發送的一切會直接交給當值同事。
