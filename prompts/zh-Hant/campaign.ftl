# residesk — 繁體中文提示：問卷（意見征詢）及通告（公告）。

cmd-survey = 業戶問卷：新增、進度、結果
cmd-notice = 向住戶發出通告

## 住戶看到的
survey-facts = 共 { $count } 條問題，約 { $minutes } 分鐘。
survey-closes = 截止時間：{ $closes }。
survey-anonymous = 🔒 不記名：您的答案不會與您的身份相連。
survey-named = 此問卷記名：管理處會看到您的答案及單位。
survey-start = ▶️ 開始
survey-continue = ▶️ 立即作答
survey-reminder = ⏰ 溫馨提示：「{ $title }」將於 { $closes } 截止，您尚未完成。只需約 { $minutes } 分鐘。
survey-question-head = 📋 { $title } · 第 { $n } 題（共 { $total } 題）
survey-optional = （可不答）
survey-hint-rating = 請選擇 1⭐（很差）至 5⭐（很好）。
survey-hint-single = 請選擇一項。
survey-hint-multiple = 可選多項，選好後請按「下一題」。
survey-hint-text = 請直接輸入您的答案並發送。
survey-current = 您目前的答案：{ $answer }
survey-back = ⬅️ 上一題
survey-next = 下一題 ➡️
survey-skip = 略過 ➡️
survey-thanks = 🙏 謝謝您完成「{ $title }」！您的答案：
survey-updated = ✅ 您在「{ $title }」的答案已更新：
survey-skipped = （略過）
survey-change-until = 您可於 { $closes } 前修改答案。
survey-change = ✏️ 修改答案
survey-late = 🙏 謝謝您！「{ $title }」已截止，這次的答案未能計算在內。
survey-already-started = 您已開始填寫此問卷，請在上面的問題繼續作答。
survey-required = 此題必須作答。
survey-choose-first = 請先選擇最少一項。
survey-too-long = 答案太長了，請於 { $limit } 字內。
survey-preview-only = 這是預覽，不會記錄任何答案。
survey-type-please = 請以文字輸入答案（如此題可不答，可按「略過」）。
survey-back-to-draft = 您未完成的報告仍在上面，可以繼續填寫。
notice-ack = ✅ 收到
notice-acked = 謝謝，已記錄。

## 主管看到的
survey-list = 📋 問卷：選擇一份查看進度、預覽、發送或結果。
survey-list-empty = 📋 暫時未有問卷。可用 `residesk survey import FILE.toml` 匯入。
notice-list = 📢 通告：選擇一份查看進度。
notice-list-empty = 📢 暫時未有通告。
campaign-kind-survey = 📋 問卷
campaign-kind-notice = 📢 通告
campaign-card = { $kind } #{ $id } · { $title }
    狀態：{ $status } · 對象：{ $audience }
campaign-status-draft = 草稿（未發送）
campaign-status-scheduled = 已排期
campaign-status-sending = 發送中
campaign-status-open = 進行中
campaign-status-closed = 已截止
campaign-status-cancelled = 已刪除
campaign-questions = 共 { $count } 題
survey-is-anonymous = 不記名
survey-is-named = 記名
campaign-reach = 將發給 { $total } 位住戶（其中 { $blocked } 位已封鎖機械人）；登記冊中有 { $missing } 人未使用 Telegram。
campaign-delivery-survey = 對象 { $recipients } 人：排隊 { $queued } · 已送達 { $sent } · 失敗 { $failed } · 已封鎖 { $blocked }
    已開始 { $started } · 已完成 { $completed } · 回覆率 { $rate }
campaign-delivery-notice = 對象 { $recipients } 人：排隊 { $queued } · 已送達 { $sent } · 失敗 { $failed } · 已封鎖 { $blocked }
    已按「收到」{ $completed }
campaign-scheduled-at = 將於 { $at } 開始發送。
campaign-finishing = 約 { $seconds } 秒後全部發出。
campaign-all-queued = 全部對象已於 { $seconds } 秒內排隊發送。
campaign-closes-at = 截止時間：{ $at }。
campaign-closed-at = 已於 { $at } 截止。
campaign-remind-at = 將於 { $at } 提醒未回覆的住戶。
campaign-reminded = 已提醒未回覆的住戶（{ $at }）。
audience-all = 全體住戶
audience-buildings = 第 { $buildings } 座住戶
audience-closed = 工單於 { $from } 至 { $to } 期間完結的住戶
audience-not-answered = 未完成問卷 #{ $survey } 的住戶
campaign-preview = 👁 預覽
campaign-send = 📤 發送
campaign-discard = 🗑 刪除
campaign-refresh = 🔄 更新
campaign-results = 📊 結果
campaign-close = ⏹ 立即截止
campaign-back = ⬅️ 返回
campaign-send-now = ✅ 立即發送
campaign-confirm-send = 現在把 #{ $id } 發給 { $reach } 位住戶？（{ $blocked } 位已封鎖機械人、{ $missing } 人未使用 Telegram，他們不會收到。）
campaign-sending = 已開始發送。
campaign-already-sent = 已經發送過了。
campaign-closed-now = 已截止，之後的答案不會計算。
campaign-not-open = 目前不在進行中。
campaign-discarded = 草稿已刪除。
campaign-not-draft = 只可刪除草稿。
campaign-preview-head = 👁 #{ $id } 的預覽（{ $language }）：與住戶看到的完全一樣，按鈕不會記錄答案。
campaign-preview-end = 預覽完畢。
campaign-closed = 📋 問卷 #{ $id }「{ $title }」已截止：{ $sent } 位住戶中有 { $completed } 位完成。按 /survey 查看結果。
results-head = 📊 #{ $id }「{ $title }」的結果：已發 { $sent } 份，完成 { $completed } 份（回覆率 { $rate }）。
results-answered = { $count } 個回答
results-by-building = 按座數：{ $list }
results-more-texts = …… 另有 { $count } 則，見檔案。
