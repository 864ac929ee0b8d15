# residesk — 简体中文提示：处理完成后的回访，以及上门提醒。

callback-ask = 📋 回访 { $number }：{ $department }的 { $staff } 已完成处理，请问您对处理结果满意吗？
    请为我们的服务评分（1⭐ 差 – 5⭐ 非常好）；如问题仍未解决，请点“还没修好”。
callback-button-stars-1 = 1⭐
callback-button-stars-2 = 2⭐
callback-button-stars-3 = 3⭐
callback-button-stars-4 = 4⭐
callback-button-stars-5 = 5⭐
callback-button-not-fixed = 🔧 还没修好
callback-thanks-closed = 🙏 感谢您的评价！工单 { $number } 已结案。
callback-thanks-reopened = 很抱歉没能让您满意。我们已重新处理工单 { $number }，并已通知同事优先跟进。
callback-already = 谢谢，{ $number } 的回访结果已经记录。

callback-phone-task = 📞 电话回访：请致电 { $number }（房号 { $unit }）的业主，并记录处理结果。
callback-why-no-answer = 业主没有在 Telegram 回复回访。
callback-why-blocked = 业主已屏蔽物业服务中心的 Telegram 服务号。
callback-why-no-telegram = 此工单没有使用 Telegram 的业主（由来电或来访登记）。
callback-phone-none = 没有登记电话号码，请查阅业主档案。
callback-button-phone-satisfied = 😊 满意：结案
callback-button-phone-not-fixed = 🔧 没修好：重新处理
callback-recorded-closed = ✅ 已记录：{ $number } 已结案。
callback-recorded-reopened = ↩️ 已记录：{ $number } 已重新处理，交回负责同事。

alert-reopened = 🔁 { $number } 回访后重新处理：业主反映问题未解决，或评分偏低。
resident-reopened = 电话回访后，我们已重新处理您的工单 { $number }，{ $department }会优先跟进。

visit-reminder = ⏰ 温馨提醒：{ $department }的 { $staff } 将于 { $when } 上门处理工单 { $number }。

history-callback = 已发送回访
history-callback_phone = 转电话回访
