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
hotspot-button-view = 📋 Hot spot card
hotspot-button-close = ✔️ Close hot spot
hotspot-title = #{ $id } { $category } at { $place }
hotspot-joined = 🔥 { $number } has joined hot spot { $spot }; it now has { $count } tickets.
hotspot-closed = ✔️ Hot spot { $spot } is closed.
hotspot-closed-by = ✔️ Hot spot { $spot } was closed by { $by }.
hotspot-closed-done = ✅ Hot spot { $spot } is closed: all its { $count } tickets are closed.
hotspot-already-closed = This hot spot is already closed.
hotspot-state-open = open
hotspot-state-marked = open, marked as a hot spot
hotspot-state-closed = closed
hotspots-none = There are no hot spots.
hotspots-title = 🔥 Hot spots: { $count }
hotspots-line = { $spot } — { $state }; { $tickets } tickets, { $open } unfinished
hotspot-card = 🔥 { $spot } — { $state }
    { $count } tickets, { $first } to { $last }:
hotspot-card-marked = Marked as a hot spot by { $by }.
hotspot-card-ticket = { $number } · { $status } · { $owner }
hotspot-card-nobody = nobody yet
history-hot_spot_closed = hot spot closed
cmd-hotspots = Hot spots and their tickets
history-hot_spot_marked = hot spot marked
digest-hot-spots-closed = Hot spots closed: { $count }
digest-hot-spot-closed = ✔️ { $spot }
