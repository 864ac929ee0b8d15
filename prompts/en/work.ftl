# residesk — English prompts: staff and supervisors working tickets.

work-hint = To log a call or visit for a resident, send /log (or write the unit first, e.g. “3-1502 kitchen tap leaking”). Your tasks: /tasks. Help: /help.
work-hint-supervisor = Open requests: /open. To log a call or visit for a resident, send /log (or write the unit first, e.g. “3-1502 kitchen tap leaking”). Help: /help.
work-need-text = Please write a few words (or send /cancel).

work-ask-decline-reason = Why are you giving { $number } back? Please write a short reason (or send /cancel).
work-ask-resolution = How was { $number } resolved? Send a short note or a photo of the finished work (or send /cancel).
work-ask-note = Write your note for { $number }, or send a photo (or send /cancel).

work-accepted = ✅ You accepted { $number }. The resident has been told.
work-started = 🛠 Work on { $number } has started. The resident has been told.
work-resolved = ✔️ { $number } is resolved. The resident has been told.
work-declined = ↩️ You gave { $number } back. It has gone to { $staff }.
work-declined-nobody = ↩️ You gave { $number } back. Nobody else is on duty, so the supervisors have been asked to assign it.
work-note-added = 📝 Note added to { $number }.
work-photo-added = 📷 Photo added to { $number }.
work-already = Nothing to do: { $number } is already “{ $status }”.
work-no-longer-yours = { $number } is no longer assigned to you.

work-contact = 📞 Contact for { $number } (unit { $unit }):
work-contact-line = { $name }: { $phone }
work-contact-none = There is no phone number on record for { $number }. Please check the unit's file at the office.

work-duty = { $on_duty ->
    [yes] You are on duty.
   *[no] You are off duty: send /duty on to take new work.
}
work-tasks = Your open tasks: { $count }, earliest deadline first. { $duty }
work-tasks-none = You have no open tasks. { $duty }
work-list-line = { $escalated ->
    [yes] {"⚠️ "}
   *[no] {""}
}{ $number } · { $category } · { $unit } · { $status } · ⏰ { $deadline }
work-list-more = …and { $more } more.
work-ticket-button = { $number } · { $unit }

work-open = Open requests ({ $filter }): { $count }
work-open-none = There are no open requests ({ $filter }).
work-open-all = all
work-open-unknown = There is no unit, status or department “{ $filter }”. Pick one below, or write a unit such as 3-1502.
work-open-overdue = overdue
work-open-emergency = emergencies
work-listed = Requests ({ $filter }): { $count }
work-listed-none = There are no requests ({ $filter }).
work-page = page { $page } of { $pages }
button-page-previous = ⬅️ Previous
button-page-next = Next ➡️
button-open-overdue = Overdue
button-open-emergency = Emergencies
button-open-all = All

work-history = History:
work-history-line = { $at } · { $action } · { $actor }
work-history-system = system

work-reassign-choose = Who should take { $number }? (🟢 on duty · open tasks)
work-reassign-staff = { $on_duty ->
    [yes] 🟢
   *[no] ⚪
} { $name } · { $department } · { $open }
work-reassign-none = There are no staff to give { $number } to.
work-reassigned = 🔀 { $number } is now with { $staff }, who has been sent the card.
work-reassign-same = { $number } is already with { $staff }.
work-reassign-usage = Send /reassign with a ticket number, for example /reassign R-0012, or use the 🔀 button under /open.
work-ticket-unknown = There is no ticket { $number }.

work-log-ask-unit = Which unit is the request for? Write the block and flat, for example 3-1502 (or send /cancel).
work-log-unit-not-understood = Sorry, we could not read a block and flat in that. Please write it like 3-1502 (or send /cancel).
work-log-unit-unknown = There is no unit { $unit } in the register. Please check the block and flat (or send /cancel).
work-log-ask-text = What does the resident of { $unit } need? Write it in their words (or send /cancel).
work-log-ask-via = Logging for { $unit }: “{ $text }”
    { $kind } · { $category } · { $urgency } → { $department }
    Did this come by phone or by a visit to the office?
button-log-phone = 📞 Phone call
button-log-visit = 🚶 Visit
work-log-press-via = Please press 📞 Phone call or 🚶 Visit above (or send /cancel).
via-phone = phone call
via-visit = visit
work-logged = 🗂 Logged { $number } for { $unit } ({ $via }).
work-logged-assigned = It has gone to { $staff } ({ $department }).
work-logged-unassigned = Nobody in { $department } is on duty; the supervisors have been asked to assign it.
work-logged-resident = The resident has been told here on Telegram.
work-logged-no-resident = No resident of this unit uses the bot: please keep them informed by phone.
work-reassign-me = 🙋 Me ({ $name }) · { $open }
work-taken = 🙋 { $number } is yours now; the resident has been told who is handling it.
work-history-to = → { $staff } ({ $department })
work-choose-urgency = How urgent is { $number }? Its time limits will be recomputed.
work-choose-category = Which category is { $number }? Another department's category gives it to that department.
work-ask-close-reason = Why are you closing { $number }? The resident will be told (or send /cancel).
work-ask-cancel-reason = Why are you cancelling { $number }? The resident will be told (or send /cancel).
work-urgency-set = ⚡ { $number } is now “{ $urgency }”; its time limits are recomputed.
work-category-set = 🏷 { $number } is now “{ $category }” ({ $department }).
work-merged = 🔗 { $duplicate } is merged into { $number }; both residents have been told.
work-closed = ✔️ { $number } is closed. The resident has been told why.
work-cancelled = ✖️ { $number } is cancelled. The resident has been told why.
work-merge-usage = Send /merge with the duplicate first and the request to keep second, for example /merge R-0013 R-0012.
work-merge-refused = { $duplicate } cannot be merged into { $number }: both must be open.
