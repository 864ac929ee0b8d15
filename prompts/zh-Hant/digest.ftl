# 熱點、重點投訴與每日摘要（issue 10）。

hotspot-alert = 🔥 可能的熱點：{ $place } 在 { $days } 日內有 { $count } 宗「{ $category }」個案：
    { $tickets }
hotspot-more = {" "}… 另有 { $count } 宗
hotspot-place-building = { $building } 座
hotspot-button-mark = 🔥 標記為熱點
hotspot-marked = ✅ 已標記為熱點：{ $tickets }。
hotspot-already-marked = 此熱點已被標記。
key-marked = ✅ { $number } 已列為重點投訴。
