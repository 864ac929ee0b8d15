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
hotspot-button-view = 📋 热点详情
hotspot-button-close = ✔️ 完结热点
hotspot-title = #{ $id } { $place }「{ $category }」
hotspot-joined = 🔥 { $number } 已并入热点 { $spot }，现共 { $count } 宗个案。
hotspot-closed = ✔️ 热点 { $spot } 已完结。
hotspot-closed-by = ✔️ 热点 { $spot } 已由 { $by } 完结。
hotspot-closed-done = ✅ 热点 { $spot } 已完结：全部 { $count } 宗个案已结案。
hotspot-already-closed = 此热点已完结。
hotspot-state-open = 跟进中
hotspot-state-marked = 跟进中，已标记为热点
hotspot-state-closed = 已完结
hotspots-none = 目前没有热点。
hotspots-title = 🔥 热点：{ $count } 个
hotspots-line = { $spot } — { $state }；{ $tickets } 宗个案，{ $open } 宗未完成
hotspot-card = 🔥 { $spot } — { $state }
    { $count } 宗个案，由 { $first } 至 { $last }：
hotspot-card-marked = 由 { $by } 标记为热点。
hotspot-card-ticket = { $number } · { $status } · { $owner }
hotspot-card-nobody = 尚未有人负责
history-hot_spot_closed = 热点完结
cmd-hotspots = 热点及其个案
history-hot_spot_marked = 标记为热点
digest-hot-spots-closed = 已完结热点：{ $count }
digest-hot-spot-closed = ✔️ { $spot }
