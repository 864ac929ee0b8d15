# residesk — English prompts: tickets as the desk shows them.

kind-repair = Repair
kind-complaint = Complaint
kind-booking = Booking
kind-inquiry = Inquiry
kind-suggestion = Suggestion
kind-praise = Praise
kind-unknown = Not sure yet

category-gas = Gas
category-lift = Lift
category-noise = Noise
category-plumbing = Plumbing / water
category-electrical = Electrical
category-security = Security
category-parking = Parking
category-cleaning = Cleaning
category-pests = Pests
category-greening = Greening
category-renovation = Renovation
category-fees = Fees
category-staff = Staff
category-facilities = Facilities
category-neighbour = Neighbours
category-other = Other

urgency-emergency = 🚨 Emergency
urgency-high = High
urgency-normal = Normal
urgency-low = Low

status-new = Waiting to be assigned
status-assigned = Assigned
status-accepted = Accepted
status-in_progress = In progress
status-resolved = Resolved
status-closed = Closed
status-cancelled = Cancelled

card-ticket = { $number } · { $kind } · { $category } · { $urgency }
    Unit: { $unit }
    “{ $text }”
    Preferred time: { $when }
    Status: { $status }
    Respond by { $respond_by } · resolve by { $resolve_by }
card-booking = { $number } · { $kind } · { $category }
    Unit: { $unit }
    “{ $text }”
    Slot: { $when }
    Status: { $status }
card-no-time = not given

button-accept = ✅ Accept
button-decline = ↩️ Decline
button-start = 🛠 Start
button-resolve = ✔️ Resolved
button-note = 📝 Add note
button-contact = 📞 Contact resident
button-reassign = 🔀 Reassign
button-history = 📜 History

alert-unassigned = ⚠️ { $number } has nobody on duty to take it. Please assign it.
alert-emergency = 🚨 EMERGENCY { $number }: act now.
    Reported by: { $reporter }
reporter-no-phone = phone not shared
reporter-unregistered = not a registered resident
alert-overdue-respond = ⏰ { $number } has not been accepted within its time limit.
alert-overdue-resolve = ⏰ { $number } has not been resolved within its time limit.
alert-escalated-again = ⏫ { $number } is escalated a second time: it has passed both its time limits.
alert-job-set-aside = ⚠️ A scheduled job ({ $kind } #{ $id }) failed { $attempts } times and has been set aside; it will not run again by itself. Last error: { $error }
reminder-respond = ⏳ Reminder: please accept { $number } soon; its response time is nearly up.
reminder-resolve = ⏳ Reminder: { $number } is due to be resolved soon.

resident-logged-for-you = The management office has registered your request { $number } from your call or visit. We will keep you informed here.
resident-accepted = Your request { $number } has been accepted by { $staff } ({ $department }). We aim to resolve it by { $resolve_by }.
resident-started = Work on your request { $number } has started.
resident-resolved = Your request { $number } has been resolved.
resident-cancelled-by-office = Your request { $number } has been cancelled by the management office. Reason: { $reason }. Questions? Call { $phone }.
staff-ticket-cancelled = { $number } has been cancelled; no further work is needed.
staff-ticket-reassigned-away = { $number } has been given to a colleague; you no longer need to handle it.

# A ticket's history, line by line.
history-created = registered
history-assigned = assigned
history-accepted = accepted
history-declined = passed on
history-started = work started
history-resolved = resolved
history-cancelled = cancelled
history-reassigned = reassigned
history-escalated = escalated
history-reopened = reopened
history-closed = closed
history-note = note added
history-photo = photo added
history-other = { $action }

# Why a ticket is where it is, on its card.
card-reopened-rated = 🔁 Reopened: the resident rated the work { $stars } at the callback. Urgency raised one step.
card-reopened-not-fixed = 🔁 Reopened: the resident said it is not fixed. Urgency raised one step.
card-declined-by = ↩️ Passed on by { $name }: “{ $reason }”
card-other-department = ℹ️ This is { $department } work, but nobody on duty there could take it, so { $staff } ({ $theirs }) has it.
# Where a ticket went, on a card that is out of date.
card-now-with = ➡️ { $number } is now with { $staff }. This card is out of date.
card-now-unassigned = ➡️ { $number } is waiting for a supervisor to assign it. This card is out of date.
card-now-status = ➡️ { $number } is now “{ $status }”. This card is out of date.
card-now-merged = ➡️ { $number } was merged into { $into }. This card is out of date.
button-take = 🙋 Take it
alert-emergency-unassigned = 🚨 EMERGENCY { $number }: nobody is on duty to take it. Please take it or assign it now.
    Reported by: { $reporter }
alert-declined-all = ⚠️ { $number } was passed on by everyone on duty. Please take it or assign it (the reasons are below).
resident-resolved-note = Note from { $staff }: { $note }
history-taken = taken by a supervisor
card-duplicate = ⚠️ Maybe the same as { $numbers } (open, same category, same unit or resident). A supervisor can merge them.
button-urgency = ⚡ Urgency
button-category = 🏷 Category
button-close = ✔️ Close
button-office-cancel = ✖️ Cancel
button-merge-into = 🔗 Merge into { $number }
resident-closed-by-office = Your request { $number } has been closed by the management office. Reason: { $reason }. Questions? Call { $phone }.
# $reason is the number of the request kept.
resident-merged = Your request { $number } is the same problem as { $reason }, so we have joined them: { $reason } is being handled and you will hear about it here. Questions? Call { $phone }.
# $reason is the number of the request joined to this one.
resident-merged-in = Another report of the same problem ({ $reason }) has been joined to your request { $number }. Nothing changes for you; we will keep you informed here.
staff-ticket-closed = { $number } has been closed by a supervisor; no further work is needed.
staff-ticket-changed = ℹ️ A supervisor changed { $number }; here it is as it now stands.
staff-ticket-merged = { $number } was a duplicate and has been merged into another request; no further work is needed on it.
history-urgency = urgency changed
history-category = category changed
history-merged = merged into another request
history-merged_in = duplicate merged in
