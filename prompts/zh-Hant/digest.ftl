# 熱點、重點投訴與每日摘要（issue 10）。

hotspot-alert = 🔥 可能的熱點：{ $place } 在 { $days } 日內有 { $count } 宗「{ $category }」個案：
    { $tickets }
hotspot-more = {" "}… 另有 { $count } 宗
hotspot-place-building = { $building } 座
hotspot-button-mark = 🔥 標記為熱點
hotspot-marked = ✅ 已標記為熱點：{ $tickets }。
hotspot-already-marked = 此熱點已被標記。
key-marked = ✅ { $number } 已列為重點投訴。
key-reminder = ⭐ 重點投訴 { $number } 仍未完結（{ $status }，已 { $days } 日）。請今日跟進。
key-button-view = 📄 查看
key-button-mark = ⭐ 列為重點投訴
key-proposed = ⭐ 建議列為重點投訴：{ $number }（{ $reason }）。
key-reason-escalated = 已兩次升級
key-reason-repeat = 該住戶 { $days } 日內第 { $count } 宗投訴
digest-title = 📰 每日摘要（{ $date }）
digest-new = 新個案：{ $count }
digest-closed = 已結案：{ $count }
digest-overdue = 逾時（已升級）：{ $count }
digest-emergencies = 緊急事故：{ $count }
digest-callbacks = 今日應回訪：{ $count }
digest-key = 未完結重點投訴：{ $count }
digest-hot-spots = 未完結熱點：{ $count }
digest-hot-spot = { $marked ->
        [yes] 🔥
       *[no] •
    } { $place }「{ $category }」：{ $open } 宗未完結
key-already = 此投訴已列為重點投訴。
hotspot-button-view = 📋 熱點詳情
hotspot-button-close = ✔️ 完結熱點
hotspot-title = #{ $id } { $place }「{ $category }」
hotspot-joined = 🔥 { $number } 已併入熱點 { $spot }，現共 { $count } 宗個案。
hotspot-closed = ✔️ 熱點 { $spot } 已完結。
hotspot-closed-by = ✔️ 熱點 { $spot } 已由 { $by } 完結。
hotspot-closed-done = ✅ 熱點 { $spot } 已完結：全部 { $count } 宗個案已結案。
hotspot-already-closed = 此熱點已完結。
hotspot-state-open = 跟進中
hotspot-state-marked = 跟進中，已標記為熱點
hotspot-state-closed = 已完結
hotspots-none = 目前沒有熱點。
hotspots-title = 🔥 熱點：{ $count } 個
hotspots-line = { $spot } — { $state }；{ $tickets } 宗個案，{ $open } 宗未完成
hotspot-card = 🔥 { $spot } — { $state }
    { $count } 宗個案，由 { $first } 至 { $last }：
hotspot-card-marked = 由 { $by } 標記為熱點。
hotspot-card-ticket = { $number } · { $status } · { $owner }
hotspot-card-nobody = 尚未有人負責
history-hot_spot_closed = 熱點完結
cmd-hotspots = 熱點及其個案
history-hot_spot_marked = 標記為熱點
digest-hot-spots-closed = 已完結熱點：{ $count }
digest-hot-spot-closed = ✔️ { $spot }
