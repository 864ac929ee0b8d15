# Bookings: visit types and facilities, their pickers, offers and reminders.
bookable-repair_visit = Repair visit
bookable-home_visit = Home visit
bookable-office_appointment = Office appointment
bookable-renovation_inspection = Renovation inspection
bookable-party_room = Party room
bookable-bbq_pit = BBQ pit
bookable-function_room = Function room

booking-choose = What would you like to book?
booking-pick-day = Pick a day for { $name } (✅ free times, ✖️ full or closed).
booking-pick-slot = Pick a time for { $name } on { $day }.
booking-no-slots = No free time for { $name } on { $day }. Please pick another day.
booking-slot-label = { $time } ({ $left } left)
booking-check = Book { $name } for { $slot }?
booking-offer = Free: { $name }, { $slot }. Tap to book it, or pick another time:
booking-offer-other = Not free at { $asked }: { $name }. The nearest free time is { $slot }. Tap to book one:
booking-offer-none = Sorry, no free time for { $name } in the coming weeks.
booking-full = Just taken: { $name }, { $slot }. Sorry! The nearest free times:
booking-not-open = Cannot be booked: { $name }, { $slot } (too soon, too far ahead or not one of its times). The nearest free times:
booking-done = ✅ Booked: { $number } · { $name }, { $slot }.
    You can change or cancel it here until { $cutoff }. We will remind you the day before and shortly before.
booking-moved = ✅ Moved: { $number } is now { $name }, { $slot }.
    You can change or cancel it here until { $cutoff }.
booking-cancelled = Cancelled: your booking { $number } ({ $name }, { $slot }).
booking-cancel-ask = Cancel this booking?
booking-too-late = This booking can no longer be changed or cancelled here (the last moment was { $cutoff }). Please call the office on { $phone }.
booking-remind-day = 📅 Reminder: tomorrow you have { $name }, { $slot } ({ $number }).
booking-remind-soon = ⏰ Reminder: { $name } at { $slot } ({ $number }).
booking-staff-moved = 🔁 { $number } has moved: { $name }, { $slot }.
booking-button-book = ✅ Book
booking-button-other = 📅 Other days
booking-button-change = 🔁 Change time
booking-button-cancel = ✖️ Cancel booking
booking-button-confirm-cancel = ✖️ Yes, cancel it
my-booking-line = { $number } · 📅 { $name }, { $slot } · { $status }
booking-status-booked = Booked
booking-status-cancelled = Cancelled
booking-status-checked_in = Checked in
booking-status-checked_out = Done
booking-status-no_show = No-show

# Staff: /visits and a visit's card.
visits-today = 📋 Visits today, { $day }:
visits-tomorrow = 📋 Visits tomorrow, { $day }:
visits-none = (none)
visits-line = { $time } · { $name } · { $number } · { $unit } · { $status }
visit-card = 📅 Visit: { $number } · { $name }
    When: { $slot }
    Unit: { $unit } { $resident }
    Status: { $status }
visit-button-check-in = ✔️ Check in
visit-button-check-out = 🏁 Check out
visit-button-no-show = 🚫 No-show
visit-button-propose = 🔁 Propose another time
visit-propose-pick = Which time would you propose for { $number }?
visit-propose-none = There is no free time to propose for { $number }.
visit-proposed = Sent: { $proposed } proposed for { $number }. You will hear the answer here.
visit-slot-taken = That time is no longer free. Please pick another.
visit-checked-in = ✔️ Checked in: { $number } · { $name }.
visit-checked-out = 🏁 Checked out: { $number } · { $name }. Done.
visit-no-show = 🚫 No-show recorded: { $number } · { $name }.
visit-proposal-accepted = ✅ The resident accepted the new time for { $number } ({ $name }).
visit-proposal-declined = The resident keeps the booked time for { $number } ({ $name }).
# The resident, on a time staff proposed.
booking-proposal = 🔁 The office proposes another time for { $number } ({ $name }): { $proposed } instead of { $slot }. Does it suit you?
booking-button-accept-proposal = ✅ Accept the new time
booking-button-keep = Keep my time
booking-kept = Kept: { $number } stays { $name }, { $slot }.

history-checked_in = checked in
history-checked_out = checked out
history-no_show = no-show
history-rescheduled = time changed
history-proposed = another time proposed
history-kept = booked time kept
booking-confirmed = ✅ Confirmed by the office: { $number } · { $name }, { $slot }.
