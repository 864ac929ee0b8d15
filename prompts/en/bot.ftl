# residesk — English prompts: onboarding, roles, languages, errors.
# Variables: { $name } etc. Keep every key in all three languages.

error-generic = Sorry, something went wrong on our side. Please try again in a moment, or call the management office at { $phone }.
error-too-long = That message is too long for us to read ({ $length } characters). Please keep it under { $limit } characters.
error-empty = We could not find any words in that message. Please write what you need.
not-allowed = Sorry, that is not available to you.
stale-button = This button is no longer valid.
unknown-command = Sorry, we don't know that command. Send /help to see what you can do.

office-default-name = Management Office
welcome-new = Welcome to the { $office } residents' desk. To register, please share your phone number with the button below, so we can find your unit in our register.
button-share-phone = 📱 Share my phone number
contact-not-own = For your security we can only accept your own phone number. Please press the “Share my phone number” button instead of sending someone else's contact.
contact-invalid = We could not read that phone number. Please press the “Share my phone number” button.
registered = Thank you, { $name }. You are registered for { $units }. { $next }
registered-next = Just write to us here whenever you need something: a repair, a complaint, a booking or a question.
already-registered = You are already registered. Send /help to see what you can do.
ask-unit = We could not find your phone number in our register. Which unit do you live in? Please write the block and flat, for example “Block 3 Flat 1502” or “3座1502”. (To stop, send /cancel.)
unit-not-understood = Sorry, we could not read a block and flat in that. Please write it like “Block 3 Flat 1502” or “3座1502”. (To stop, send /cancel.)
unit-unknown = We have no unit { $unit } in our register. Please check the block and flat, or call the management office at { $phone }.
bind-pending = Thank you. Your request to register for unit { $unit } has been sent to the management office. We will tell you here as soon as it is approved.
bind-still-pending = Your request to register for unit { $unit } is still waiting for the management office. We will tell you here as soon as it is decided.
bind-too-many = You have asked to be registered several times today. Please call the management office on { $phone } and we will help you.
bind-request-staff = New resident registration: { $name } (phone { $phone }) asks to be registered for unit { $unit }. The number is not in the register for that unit.
bind-phone-unknown = not shared
button-approve = ✅ Approve
button-reject = ❌ Reject
bind-approved = Good news: you are now registered for unit { $unit }. { $next }
bind-rejected = Sorry, the management office could not confirm that you live in unit { $unit }. Please call { $phone } or visit the office ({ $hours }) with proof of residence.
bind-decided-approved = ✅ Approved by { $staff }: { $name } is registered for unit { $unit }.
bind-decided-rejected = ❌ Rejected by { $staff }: { $name } for unit { $unit }.
bind-already-decided = This request has already been decided.
not-registered = You are not registered yet. Please send /start to register.

invite-welcome-staff = Welcome to the team, { $name }. You are registered as staff of { $department }. Send /help to see your commands.
invite-welcome-supervisor = Welcome, { $name }. You are registered as a supervisor. Send /help to see your commands.
invite-invalid = That invitation code is not valid. Please ask your supervisor for a new one.
invite-used = That invitation code has already been used. Please ask your supervisor for a new one.
invite-expired = That invitation code has expired. Please ask your supervisor for a new one.

dept-customer_service = Customer Service
dept-engineering = Engineering
dept-security = Security
dept-cleaning = Cleaning
dept-greening = Greening
dept-accounts = Accounts
dept-supervisors = Supervisors

lang-choose = Please choose your language:
lang-set = Language set to { $language }.
lang-name-zh-Hant = 繁體中文
lang-name-zh-Hans = 简体中文
lang-name-en = English

cancelled = Cancelled. What else can we do for you?
nothing-to-cancel = There is nothing to cancel.

duty-on = You are now ON duty: new work of { $department } can be assigned to you.
duty-off = You are now OFF duty: new work goes to your colleagues on duty.
duty-not-staff = Only staff can go on or off duty.

cmd-start = Register or restart
cmd-help = What I can do
cmd-lang = Change language
cmd-cancel = Cancel what you are doing
cmd-my = My requests
cmd-book = Book a facility or a visit
cmd-urgent = 🚨 Urgent / someone in danger
cmd-tasks = My open tasks
cmd-visits = Today's and tomorrow's visits
cmd-duty = Go on or off duty
cmd-log = Log a call or visit for a resident
cmd-open = Open requests
cmd-reassign = Reassign a request
cmd-merge = Merge a duplicate request

help-guest = This is the residents' desk of { $office }. Send /start to register with your phone number. Office: { $phone } ({ $hours }).
help-resident = Write to us in your own words (a photo helps): a repair, a complaint, a booking or a question. We confirm the details with you, then give you a ticket number and keep you informed.
    /my – your requests and their status
    /book – book a facility or a visit (party room, BBQ pit, home visit …)
    /lang en | zh-Hant | zh-Hans – change language
    /cancel – stop what you are doing
    Office: { $phone } ({ $hours }). Emergencies: { $emergency }.
help-staff = You receive the requests of { $department } here, with buttons to accept, start and resolve them.
    /tasks – your open tasks by deadline
    /visits – today's and tomorrow's bookings: check-in, check-out, no-show, another time
    /duty on | off – go on or off duty (/duty alone shows which)
    /log 3-1502 text – log a call or visit for a resident
    /lang en | zh-Hant | zh-Hans – change language
help-supervisor = You see escalations and can follow every request.
    /open – open requests by status or department
    /visits – today's and tomorrow's bookings of every department
    /duty – who is on duty, department by department
    /reassign – give a request to someone else
    /merge R-0013 R-0012 – merge a duplicate into the request kept
    /ticket R-0012 – a request and its history
    /report – the monthly report (or /report YYYY-MM)
    /log 3-1502 text – log a call or visit for a resident
    /survey – surveys of residents: new, preview, send, status, results
    /notice – notices to residents, with a 收到 count
    /lang en | zh-Hant | zh-Hans – change language

# The durable inbox: an update that kept failing was set aside.
inbox-set-aside = ⚠️ A message from { $who } could not be handled after { $attempts } tries and was set aside, so that their chat goes on. Please look into it: { $what }
    Error: { $error }
# A confirmation of a draft that is already a ticket (a second press).
draft-already-filed = Your request is already registered as { $number }.

duty-state = { $on_duty ->
    [yes] You are on duty ({ $department }): new work can be assigned to you.
   *[no] You are off duty ({ $department }): new work goes to your colleagues on duty.
}
duty-usage = “{ $given }” is not something /duty knows: send /duty on or /duty off, or press the button.
button-duty-on = 🟢 Go on duty
button-duty-off = ⚪ Go off duty
roster-title = Who is on duty now (🟢 on duty · ⚪ off · open tasks):
roster-line = { $department }: { $people }
roster-member = { $on_duty ->
    [yes] 🟢
   *[no] ⚪
} { $name } ({ $open })
roster-nobody = no staff
roster-none-on-duty = ⚠️ nobody on duty
lang-unknown = “{ $given }” is not a language here (try /lang en, /lang zh-Hant or /lang zh-Hans).
cmd-roster = Who is on duty

# The shared replies as worded for staff, supervisors and managers.
error-generic-staff = Sorry, something went wrong on our side and nothing was changed. Please try again in a moment; if it keeps happening, tell the supervisor (office: { $phone }).
not-allowed-staff = That is not part of your role, so nothing was changed.
command-not-yours = That command is not one of yours, so nothing was changed. Yours are: { $commands }
command-not-yours-staff = That command is not part of your role, so nothing was changed. Yours are: { $commands }
unknown-command-staff = There is no such command. Send /help for the commands of your role.
cancelled-staff = Cancelled; nothing was changed. Your tasks: /tasks.
nothing-to-cancel-staff = There is nothing in progress to cancel.
duty-shift-on = 🟢 Your shift in { $department } has started: you are on duty and new work can be assigned to you. (/duty off if you cannot take it.)
duty-shift-off = ⚪ Your shift in { $department } has ended: you are off duty. (/duty on to keep taking new work.)
