# Hot spots, key complaints and the daily digest (issue 10).

hotspot-alert = 🔥 Possible hot spot: { $count } { $category } tickets at { $place } within { $days } days:
    { $tickets }
hotspot-more = {" "}… and { $count } more
hotspot-place-building = Block { $building }
hotspot-button-mark = 🔥 Mark as hot spot
hotspot-marked = ✅ Marked as a hot spot: { $tickets }.
hotspot-already-marked = This has already been marked as a hot spot.
key-marked = ✅ { $number } is now a key complaint.
