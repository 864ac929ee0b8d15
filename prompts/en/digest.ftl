# Hot spots, key complaints and the daily digest (issue 10).

hotspot-alert = 🔥 Possible hot spot: { $count } { $category } tickets at { $place } within { $days } days:
    { $tickets }
hotspot-more = {" "}… and { $count } more
hotspot-place-building = Block { $building }
hotspot-button-mark = 🔥 Mark as hot spot
hotspot-marked = ✅ Marked as a hot spot: { $tickets }.
hotspot-already-marked = This has already been marked as a hot spot.
key-marked = ✅ { $number } is now a key complaint.
key-reminder = ⭐ Key complaint { $number } is still open ({ $status }, { $days } days since it came in). Please follow it up today.
key-button-view = 📄 View
key-button-mark = ⭐ Mark as key complaint
key-proposed = ⭐ Proposed as a key complaint: { $number } ({ $reason }).
key-reason-escalated = escalated twice
key-reason-repeat = the resident's complaint no. { $count } within { $days } days
digest-title = 📰 Daily digest for { $date }
digest-new = New tickets: { $count }
digest-closed = Closed: { $count }
digest-overdue = Overdue (escalated): { $count }
digest-emergencies = Emergencies: { $count }
digest-callbacks = Callbacks due today: { $count }
digest-key = Open key complaints: { $count }
digest-hot-spots = Open hot spots: { $count }
digest-hot-spot = { $marked ->
        [yes] 🔥
       *[no] •
    } { $category } at { $place }: { $open } open
key-already = This complaint is already a key complaint.
