# residesk — 简体中文提示：问卷（意见征询）及通告（公告）。

cmd-survey = 业户问卷：新建、进度、结果
cmd-notice = 向住户发出通告

## 住户看到的
survey-facts = 共 { $count } 道问题，约 { $minutes } 分钟。
survey-closes = 截止时间：{ $closes }。
survey-anonymous = 🔒 不记名：您的答案不会与您的身份关联。
survey-named = 此问卷记名：物业服务中心会看到您的答案及单元。
survey-start = ▶️ 开始
survey-continue = ▶️ 立即作答
survey-reminder = ⏰ 温馨提示：“{ $title }”将于 { $closes } 截止，您尚未完成。只需约 { $minutes } 分钟。
survey-question-head = 📋 { $title } · 第 { $n } 题（共 { $total } 题）
survey-optional = （可不答）
survey-hint-rating = 请选择 1⭐（很差）至 5⭐（很好）。
survey-hint-single = 请选择一项。
survey-hint-multiple = 可多选，选好后请按“下一题”。
survey-hint-text = 请直接输入您的答案并发送。
survey-current = 您目前的答案：{ $answer }
survey-back = ⬅️ 上一题
survey-next = 下一题 ➡️
survey-skip = 跳过 ➡️
survey-thanks = 🙏 感谢您完成“{ $title }”！您的答案：
survey-updated = ✅ 您在“{ $title }”的答案已更新：
survey-skipped = （跳过）
survey-change-until = 您可于 { $closes } 前修改答案。
survey-change = ✏️ 修改答案
survey-late = 🙏 谢谢您！“{ $title }”已截止，这次的答案无法计入。
survey-already-started = 您已开始填写此问卷，请在上面的问题继续作答。
survey-required = 此题必须作答。
survey-choose-first = 请先选择至少一项。
survey-too-long = 答案太长了，请控制在 { $limit } 字以内。
survey-preview-only = 这是预览，不会记录任何答案。
survey-type-please = 请以文字输入答案（如此题可不答，可按“跳过”）。
survey-back-to-draft = 您未完成的报修仍在上面，可以继续填写。
notice-ack = ✅ 收到
notice-acked = 谢谢，已记录。

## 主管看到的
survey-list = 📋 问卷：选择一份查看进度、预览、发送或结果。
survey-list-empty = 📋 暂时没有问卷。可用 `residesk survey import FILE.toml` 导入。
notice-list = 📢 通告：选择一份查看进度。
notice-list-empty = 📢 暂时没有通告。
campaign-kind-survey = 📋 问卷
campaign-kind-notice = 📢 通告
campaign-card = { $kind } #{ $id } · { $title }
    状态：{ $status } · 对象：{ $audience }
campaign-status-draft = 草稿（未发送）
campaign-status-scheduled = 已排期
campaign-status-sending = 发送中
campaign-status-open = 进行中
campaign-status-closed = 已截止
campaign-status-cancelled = 已删除
campaign-questions = 共 { $count } 题
survey-is-anonymous = 不记名
survey-is-named = 记名
campaign-reach = 将发给 { $total } 位住户（其中 { $blocked } 位已屏蔽机器人）；登记册中有 { $missing } 人未使用 Telegram。
campaign-delivery-survey = 对象 { $recipients } 人：排队 { $queued } · 已送达 { $sent } · 失败 { $failed } · 已屏蔽 { $blocked }
    已开始 { $started } · 已完成 { $completed } · 回复率 { $rate }
campaign-delivery-notice = 对象 { $recipients } 人：排队 { $queued } · 已送达 { $sent } · 失败 { $failed } · 已屏蔽 { $blocked }
    已按“收到” { $completed }
campaign-scheduled-at = 将于 { $at } 开始发送。
campaign-finishing = 约 { $seconds } 秒后全部发出。
campaign-all-queued = 全部对象已于 { $seconds } 秒内排队发送。
campaign-closes-at = 截止时间：{ $at }。
campaign-closed-at = 已于 { $at } 截止。
campaign-remind-at = 将于 { $at } 提醒未回复的住户。
campaign-reminded = 已提醒未回复的住户（{ $at }）。
audience-all = 全体住户
audience-buildings = { $buildings } 栋住户
audience-closed = 工单于 { $from } 至 { $to } 期间完结的住户
audience-not-answered = 未完成问卷 #{ $survey } 的住户
campaign-preview = 👁 预览
campaign-send = 📤 发送
campaign-discard = 🗑 删除
campaign-refresh = 🔄 刷新
campaign-results = 📊 结果
campaign-close = ⏹ 立即截止
campaign-back = ⬅️ 返回
campaign-send-now = ✅ 立即发送
campaign-confirm-send = 现在把 #{ $id } 发给 { $reach } 位住户？（{ $blocked } 位已屏蔽机器人、{ $missing } 人未使用 Telegram，他们收不到。）
campaign-sending = 已开始发送。
campaign-already-sent = 已经发送过了。
campaign-closed-now = 已截止，之后的答案不会计入。
campaign-not-open = 目前不在进行中。
campaign-discarded = 草稿已删除。
campaign-not-draft = 只能删除草稿。
campaign-preview-head = 👁 #{ $id } 的预览（{ $language }）：与住户看到的完全一样，按钮不会记录答案。
campaign-preview-end = 预览完毕。
campaign-closed = 📋 问卷 #{ $id }“{ $title }”已截止：{ $sent } 位住户中有 { $completed } 位完成。按 /survey 查看结果。
results-head = 📊 #{ $id }“{ $title }”的结果：已发 { $sent } 份，完成 { $completed } 份（回复率 { $rate }）。
results-answered = { $count } 个回答
results-by-building = 按楼栋：{ $list }
results-more-texts = …… 另有 { $count } 条，见文件。
