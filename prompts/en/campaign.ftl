# residesk — English prompts: surveys (意見征詢) and notices (公告).

cmd-survey = Surveys of residents: new, status, results
cmd-notice = Notices to residents

## What residents see
survey-facts = { $count } { $count ->
        [one] question
       *[other] questions
    }, about { $minutes } min.
survey-closes = Open until { $closes }.
survey-anonymous = 🔒 Anonymous: your answers are not linked to you.
survey-named = This survey is named: the office sees your answers with your unit.
survey-start = ▶️ Start
survey-continue = ▶️ Answer now
survey-reminder = ⏰ A reminder: “{ $title }” closes on { $closes } and you have not finished it yet. It takes about { $minutes } min.
survey-question-head = 📋 { $title } · question { $n } of { $total }
survey-optional = {" "}(optional)
survey-hint-rating = Please choose 1⭐ (poor) to 5⭐ (very good).
survey-hint-single = Please choose one.
survey-hint-multiple = Choose any that apply, then press Next.
survey-hint-text = Please type your answer and send it.
survey-current = Your answer so far: { $answer }
survey-back = ⬅️ Back
survey-next = Next ➡️
survey-skip = Skip ➡️
survey-thanks = 🙏 Thank you for completing “{ $title }”! Your answers:
survey-updated = ✅ Your answers to “{ $title }” are updated:
survey-skipped = (skipped)
survey-change-until = You can change your answers until { $closes }.
survey-change = ✏️ Change my answers
survey-late = 🙏 Thank you! “{ $title }” has closed, so this answer cannot be counted.
survey-already-started = You have already started this survey: please carry on with its questions above.
survey-required = This question needs an answer.
survey-choose-first = Please choose at least one option first.
survey-too-long = That answer is too long: please keep it within { $limit } characters.
survey-preview-only = This is a preview: nothing is recorded.
survey-type-please = Please type your answer as text (or press Skip if the question is optional).
survey-back-to-draft = Your unfinished request is still above: you can carry on with it.
notice-ack = ✅ Received / I have read it
notice-acked = Thank you, noted.

## What supervisors see
survey-list = 📋 Surveys: choose one to see its status, preview, send it or see its results.
survey-list-empty = 📋 There are no surveys yet: start one here, or import one with `residesk survey import FILE.toml`.
notice-list = 📢 Notices: choose one to see its status.
notice-list-empty = 📢 There are no notices yet: write one here.
campaign-kind-survey = 📋 Survey
campaign-kind-notice = 📢 Notice
campaign-card = { $kind } #{ $id } · { $title }
    Status: { $status } · To: { $audience }
campaign-status-draft = draft (not sent)
campaign-status-scheduled = scheduled
campaign-status-sending = sending
campaign-status-open = open
campaign-status-closed = closed
campaign-status-cancelled = discarded
campaign-questions = { $count } { $count ->
        [one] question
       *[other] questions
    }
survey-is-anonymous = anonymous
survey-is-named = named
campaign-reach = It would reach { $total } { $total ->
        [one] resident
       *[other] residents
    } ({ $blocked } of them blocked the bot); { $missing } people in the register are not on Telegram.
campaign-delivery-survey = Recipients { $recipients }: queued { $queued } · sent { $sent } · failed { $failed } · blocked { $blocked }
    Started { $started } · completed { $completed } · response rate { $rate }
campaign-delivery-notice = Recipients { $recipients }: queued { $queued } · sent { $sent } · failed { $failed } · blocked { $blocked }
    Received (收到) { $completed }
campaign-scheduled-at = Sending starts at { $at }.
campaign-finishing = All sent in about { $seconds } s.
campaign-all-queued = Everyone was queued in { $seconds } s.
campaign-closes-at = Closes at { $at }.
campaign-closed-at = Closed at { $at }.
campaign-remind-at = Reminder to non-responders at { $at }.
campaign-reminded = Non-responders were reminded ({ $at }).
audience-all = all residents
audience-buildings = residents of building(s) { $buildings }
audience-closed = residents whose requests were closed between { $from } and { $to }
audience-not-answered = residents who have not finished survey #{ $survey }
campaign-preview = 👁 Preview
campaign-send = 📤 Send
campaign-discard = 🗑 Discard
campaign-refresh = 🔄 Refresh
campaign-results = 📊 Results
campaign-close = ⏹ Close now
campaign-back = ⬅️ Back
campaign-send-now = ✅ Send now
campaign-confirm-send = Send #{ $id } to { $reach } { $reach ->
        [one] resident
       *[other] residents
    } now? ({ $blocked } blocked the bot and { $missing } are not on Telegram: they will not get it.)
campaign-sending = Sending has started.
campaign-already-sent = It has been sent already.
campaign-closed-now = Closed: later answers are not counted.
campaign-not-open = It is not open.
campaign-discarded = The draft is discarded.
campaign-not-draft = Only a draft can be discarded.
campaign-preview-head = 👁 Preview of #{ $id } in { $language }: exactly what residents get. Its buttons record nothing.
campaign-preview-end = End of the preview.
campaign-closed = 📋 Survey #{ $id } “{ $title }” has closed: { $completed } of { $sent } residents completed it. /survey for the results.
results-head = 📊 Results of #{ $id } “{ $title }”: { $completed } completed of { $sent } sent (response rate { $rate }).
results-answered = { $count } { $count ->
        [one] answer
       *[other] answers
    }
results-by-building = By building: { $list }
results-more-texts = … and { $count } more in the file.

## Composing in chat
survey-new = ➕ New survey
notice-new = ➕ New notice
compose-notice-text = 📢 Please send the notice: a text, or a photo or a document (a PDF, say) with the text as its caption.
compose-title = 📋 A new survey. What is its title?
compose-intro = A short introduction residents see first? Type it, or press Skip.
compose-skip = Skip ➡️
compose-question = Question { $n }: please type it.
compose-kind = What kind of answer does it take?
kind-rating = ⭐ Rating 1–5
kind-single = 🔘 One choice
kind-multiple = ☑️ Several choices
kind-text = ✍️ Free text
compose-options = Please type the options, one per line (2 to { $max }).
compose-options-bad = Please give 2 to { $max } options, one per line, each at most { $limit } characters.
compose-required = Must residents answer it?
compose-required-yes = Required
compose-required-no = Optional
compose-more = { $count } question(s) so far. Another one?
compose-more-yes = ➕ Another question
compose-more-no = ✅ Done with questions
compose-audience = Who should get it?
audience-pick-all = 👥 All residents
audience-pick-buildings = 🏢 Choose buildings
audience-pick-closed = 🧾 Requests closed in the last 30 days
audience-pick-not-answered = ⏳ Not finished the latest survey
compose-buildings = Which buildings? Press to choose, then Done.
compose-buildings-done = ✅ Done
compose-buildings-none = Please choose at least one building.
compose-no-survey-yet = No survey has been sent yet.
compose-ack = Add a “✅ Received / I have read it” button, with a count for you?
compose-ack-yes = Yes
compose-ack-no = No
compose-when = When should it go out?
when-now = Now
when-urgent = 🚨 Now, urgent (before everything else)
when-later = 🕒 At a time…
compose-at = At what time? For example { $example } (estate time).
compose-at-bad = Please give a time to come, like { $example }.
compose-anonymous = Anonymous, or named (the office sees who answered what)?
compose-anonymous-yes = 🔒 Anonymous
compose-anonymous-no = Named
compose-days = How long should it stay open?
compose-days-n = { $days } days
compose-remind = Remind those who have not finished?
compose-remind-none = No reminder
compose-remind-after = After { $days } day(s)
compose-remind-bad = The reminder must come before the survey closes.
compose-too-many-questions = That is as many questions as a survey can have.
compose-too-long = That is too long: please keep it within { $limit } characters.
compose-type-please = Please type it as text.
compose-use-buttons = Please use the buttons above (or /cancel to stop).

## Results files
results-sheet-summary = Summary
results-sheet-buildings = By building
results-sheet-answers = Answers
results-col-question = Question
results-col-answer = Answer
results-col-count = Count
results-col-share = Share
results-col-average = Average ⭐
results-col-building = Building
results-col-all = (all answers)
results-chart-average = { $title } · average { $average }⭐
