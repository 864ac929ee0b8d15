# residesk — English prompts: the resident's requests (drafts, cards, tickets, /my).
# Keep every key in all three languages, with the same placeholders.

draft-card = Please check your request:
    { $kind } · { $category } · { $urgency }
    Place: { $place }
    “{ $text }”
    Preferred time: { $when }
    Photos: { $photos }
    Is this right? Press ✅ Confirm, or correct it below.
draft-place-building = Block { $building } (common area)
draft-place-unknown = not given
draft-no-text = (photos only)
button-draft-confirm = ✅ Confirm
button-draft-kind = ✏️ Type of request
button-draft-category = 🏷 Subject
button-draft-unit = 🏠 Place
button-draft-time = 🕒 Time
button-draft-photo = 📷 Add a photo
button-draft-cancel = ✖️ Cancel

draft-ask-kind = We want to get this right: “{ $text }”
    What would you like us to do?
draft-ask-category = We want to send “{ $text }” to the right team.
    What is it about?
draft-ask-unit = Where is it? Choose one of your units below, or write the block and flat (for example “Block 3 Flat 1502”), or just the block for a common area (“Block 3 lobby”).
draft-ask-unit-none = Where is it? Please write the block and flat (for example “Block 3 Flat 1502”), or just the block for a common area (“Block 3 lobby”).
draft-ask-time = When would suit you? Please write a day and time, for example “tomorrow 3pm” or “Saturday morning”.
draft-ask-photo = Please send the photo now (you can send several).
draft-unit-not-understood = Sorry, we could not read a block and flat in that. Please write it like “Block 3 Flat 1502”, or just the block for a common area.
draft-unit-not-yours = Unit { $unit } is not one of your registered units, so we cannot file a request for it. Choose one of your units, or write just the block for a common area.
draft-time-not-understood = Sorry, we could not read a time in that. Please write a day and time, for example “tomorrow 3pm” or “25 March morning”.
draft-full = Your request is already long ({ $limit } characters at most), so we did not add that message. Please confirm what you have; you can add more afterwards with /my.
draft-set-aside = Your earlier request (“{ $text }”) was never confirmed, so it was not sent to us; we have set it aside. Below is a new request made from your latest message.
draft-cancelled = All right, we have dropped that request. Write to us whenever you need something.

draft-confirmed = ✅ Thank you. Your request is registered as { $number }.
    { $department } will handle it: we will respond by { $respond } and aim to resolve it by { $resolve }.
    { $next }
    We will keep you informed here; send /my to follow it. Questions? Call { $phone }.
draft-next-assigned = { $staff } has been given your request and will contact you if needed.
draft-next-other = Nobody in { $own } is on duty right now, so { $staff } has been given your request and will contact you if needed.
draft-next-nobody = Nobody is on duty right now: a supervisor has been asked to assign your request. If it cannot wait, please call { $phone }.
draft-duplicate = ⚠️ You already have { $numbers } open about { $category }. If this is the same problem, there is nothing more to do: we will handle them together.
duration-minutes = { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
duration-hours = { $n ->
        [one] { $n } hour
       *[other] { $n } hours
    }
duration-days = { $n ->
        [one] { $n } day
       *[other] { $n } days
    }

emergency-opened = 🚨 We have raised an EMERGENCY: { $number }. Our staff on duty and the supervisor have been alerted now.
    Management office emergency line: { $emergency }.
emergency-opened-nobody = 🚨 We have raised an EMERGENCY: { $number }. Nobody is on duty right now; the supervisors have been alerted. Please call the management office emergency line { $emergency } now.
safety-gas = For your safety now: do not switch any lights or appliances on or off and do not use a lighter or an open flame. Open the windows, turn off the gas at the meter valve if you can reach it safely, leave the flat, and call { $fire } from outside. Emergency line: { $emergency }.
safety-lift = If you are trapped: press the alarm button in the lift and stay calm; there is enough air. Do not force the doors open or try to climb out. Help is on the way. Emergency line: { $emergency }.
safety-plumbing = If water is flooding: if it is safe, switch off the power at the main switch (never with wet hands or while standing in water) and close the main water valve. Keep away from wet sockets and move valuables up. Emergency line: { $emergency }.
safety-electrical = If you see sparks or smell burning: do not touch the wiring; switch off the power at the main switch if it is safe. If there is fire or smoke, leave by the stairs (not the lift) and call { $fire }. Emergency line: { $emergency }.
safety-security = If there is fire or smoke: leave by the stairs, never the lift, close the doors behind you and call { $fire }. If there is an intruder: do not confront them, stay somewhere safe and call the police on { $police }. If there is a fight or anyone is hurt: keep clear and call an ambulance on { $ambulance } or the police on { $police }. Emergency line: { $emergency }.
safety-other = If anyone is hurt or in danger, call an ambulance on { $ambulance } or the police on { $police } now, and stay somewhere safe. Emergency line: { $emergency }.

faq-fees = Management fees are charged monthly, as shown on your demand note. You can pay by autopay, bank transfer or at the { $office } counter ({ $hours }). For your balance, a receipt or a question about a charge, call { $phone }.
faq-office_hours = The { $office } is open { $hours }. Phone: { $phone }. Outside office hours, the guard counter in your lobby can help, and emergencies can always be reported here.
faq-renovation = Before renovation works start, please apply at the { $office } with your contractor's details and pay the renovation deposit. Noisy works are allowed only during the hours set in the estate's rules (not on Sundays or public holidays), and debris must be bagged and removed by your contractor. Forms and details: { $phone } ({ $hours }).
faq-parking = Monthly parking permits, visitor parking and car-park cards are handled by the { $office }. Please bring your vehicle registration document to the office ({ $hours }) or call { $phone }.
button-ask-person = 🙋 Ask a person

my-none = You have no requests yet. Just write to us here whenever you need something.
my-title = Your requests (newest first):
my-line = { $number } · { $kind } · { $category } · { $status } · { $date }
ticket-view = { $number } · { $kind } · { $category }
    Status: { $status }
    Place: { $place }
    “{ $text }”
    Preferred time: { $when }
    History:
    { $history }
button-add-info = ➕ Add information or a photo
button-cancel-ticket = ✖️ Cancel this request
ticket-cancel-ask = Cancel { $number } ({ $kind } · { $category })? This cannot be undone; the staff handling it will be told.
button-cancel-yes = ✖️ Yes, cancel it
button-cancel-no = ↩️ No, keep it
ticket-kept = { $number } stays open.
addinfo-ask = Please send the information or photo to add to { $number }.
addinfo-done = Added to { $number } ({ $status }). The staff handling it have been told.
ticket-not-open = { $number } is { $status }, so it can no longer be changed. Please write to us for anything new.
ticket-cancelled-by-you = Your request { $number } has been cancelled.
staff-resident-added-note = 📝 { $number }: the resident added: { $text }
staff-resident-added-photo = 📷 { $number }: the resident added a photo. { $text }
edit-not-applied = We had already taken your earlier message, so the change was not applied. To add to a request, send /my and open it.

unsupported-sticker = Thank you! We can only read text and photos. Please write what you need.
unsupported-voice = Sorry, we cannot listen to voice or audio messages here. Please write what you need, or call the management office at { $phone }.
unsupported-video = Sorry, we cannot take videos here. Please send a photo and a few words instead, or call { $phone }.
unsupported-document = Sorry, we can only take photos and images, not other files. Please send a photo, or call { $phone }.
unsupported-other = Sorry, we cannot read that kind of message. Please write what you need, or call { $phone }.
photo-file-received = 📷 Received; we will use this photo.
photo-file-failed = Sorry, we could not open that image. Please send it as a photo (not as a file).

# Shared areas (the [[place]] section of prompts/lexicon.toml).
draft-place-area = { $area }, Block { $building } (shared area)
draft-place-area-estate = { $area } (shared area)
draft-place-about = { $place } · about flat { $unit }
area-lift_lobby = Lift lobby
area-lobby = Lobby
area-car_park = Car park
area-refuse_room = Refuse room
area-podium = Podium
area-corridor = Corridor
area-stairwell = Staircase
area-clubhouse = Clubhouse
area-playground = Playground
area-rooftop = Rooftop
area-entrance = Main entrance

# The conversation: small talk, two requests at once, a way out, times past.
smalltalk-greeting = Hello! 👋 How can we help? Just write what you need, for example “the kitchen tap is leaking” or “I would like to book the function room”.
smalltalk-thanks = You're welcome! Write to us here whenever you need something.
smalltalk-ok = 👍 Noted. Write to us here whenever you need something; /my shows your requests.
smalltalk-pending = Your request above is still waiting for your answer.
draft-ask-which = Is this about your request “{ $text }”, or is it a new request?
button-join-draft = ➕ Add to “{ $text }”
button-split-draft = 🆕 A new request
button-draft-back = ↩️ Back
button-urgent = 🚨 Urgent / someone in danger
draft-time-past = { $time } has already passed, so we cannot book it. The next possible time is { $next }: press the button to take it, or write another day and time.
button-take-time = ✅ { $next }
addinfo-left = This looks like a new request, so we did not add it to { $number }. Please check the new request below.
emergency-kept-draft = Your request “{ $text }” is kept as it was; you can go on with it above when you are safe.
emergency-kept-addinfo = When you are safe, you can still send what you wanted to add to your request.
emergency-kept-unit = When you are safe, please still tell us your block and flat so that we can register you.
urgent-pressed = 🚨 The resident pressed “urgent / someone in danger”.
urgent-tell-more = Please tell us now what is happening and where (block, floor, flat or area); everything you send goes straight to the staff on duty.
