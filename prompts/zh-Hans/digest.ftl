# 热点、重点投诉与每日摘要（issue 10）。

hotspot-alert = 🔥 可能的热点：{ $place } 在 { $days } 日内有 { $count } 宗「{ $category }」工单：
    { $tickets }
hotspot-more = {" "}… 另有 { $count } 宗
hotspot-place-building = { $building } 座
hotspot-button-mark = 🔥 标记为热点
hotspot-marked = ✅ 已标记为热点：{ $tickets }。
hotspot-already-marked = 此热点已被标记。
key-marked = ✅ { $number } 已列为重点投诉。
