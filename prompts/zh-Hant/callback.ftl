# residesk — 繁體中文（香港）提示：完成後的回訪，以及上門提醒。

callback-ask = 📋 回訪 { $number }：{ $department }的 { $staff } 已完成工作，請問您對處理結果是否滿意？
    請為我們的服務評分（1⭐ 差 – 5⭐ 非常好）；如問題仍未解決，請按「仍未修好」。
callback-button-stars-1 = 1⭐
callback-button-stars-2 = 2⭐
callback-button-stars-3 = 3⭐
callback-button-stars-4 = 4⭐
callback-button-stars-5 = 5⭐
callback-button-not-fixed = 🔧 仍未修好
callback-thanks-closed = 🙏 多謝您的評分！工單 { $number } 已結案。
callback-thanks-reopened = 抱歉未能令您滿意。我們已重新處理工單 { $number }，並已通知同事優先跟進。
callback-already = 多謝，{ $number } 的回訪結果已經記錄。

callback-phone-task = 📞 電話回訪：請致電 { $number }（單位 { $unit }）的住戶，並記錄處理結果。
callback-why-no-answer = 住戶未有在 Telegram 回覆回訪。
callback-why-blocked = 住戶已封鎖管理處的 Telegram 服務。
callback-why-no-telegram = 此工單沒有使用 Telegram 的住戶（由來電或來訪登記）。
callback-phone-none = 沒有登記電話號碼，請查閱單位檔案。
callback-button-phone-satisfied = 😊 滿意：結案
callback-button-phone-not-fixed = 🔧 未修好：重新處理
callback-recorded-closed = ✅ 已記錄：{ $number } 已結案。
callback-recorded-reopened = ↩️ 已記錄：{ $number } 已重新處理，交回負責同事。

alert-reopened = 🔁 { $number } 回訪後重新處理：住戶表示問題未解決，或評分偏低。
resident-reopened = 電話回訪後，我們已重新處理您的工單 { $number }，{ $department }會優先跟進。

visit-reminder = ⏰ 提提您：{ $department }的 { $staff } 將於 { $when } 上門處理工單 { $number }。

history-callback = 已發出回訪
history-callback_phone = 轉電話回訪
