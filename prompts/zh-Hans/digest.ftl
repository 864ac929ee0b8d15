# 热点、重点投诉与每日摘要（issue 10）。

hotspot-alert = 🔥 可能的热点：{ $place } 在 { $days } 日内有 { $count } 宗「{ $category }」工单：
    { $tickets }
hotspot-more = {" "}… 另有 { $count } 宗
hotspot-place-building = { $building } 座
hotspot-button-mark = 🔥 标记为热点
hotspot-marked = ✅ 已标记为热点：{ $tickets }。
hotspot-already-marked = 此热点已被标记。
key-marked = ✅ { $number } 已列为重点投诉。
key-reminder = ⭐ 重点投诉 { $number } 仍未完结（{ $status }，已 { $days } 日）。请今日跟进。
key-button-view = 📄 查看
key-button-mark = ⭐ 列为重点投诉
key-proposed = ⭐ 建议列为重点投诉：{ $number }（{ $reason }）。
key-reason-escalated = 已两次升级
key-reason-repeat = 该住户 { $days } 日内第 { $count } 宗投诉
digest-title = 📰 每日摘要（{ $date }）
digest-new = 新工单：{ $count }
digest-closed = 已结案：{ $count }
digest-overdue = 逾时（已升级）：{ $count }
digest-emergencies = 紧急事故：{ $count }
digest-callbacks = 今日应回访：{ $count }
digest-key = 未完结重点投诉：{ $count }
digest-hot-spots = 未完结热点：{ $count }
digest-hot-spot = { $marked ->
        [yes] 🔥
       *[no] •
    } { $place }「{ $category }」：{ $open } 宗未完结
key-already = 此投诉已列为重点投诉。
