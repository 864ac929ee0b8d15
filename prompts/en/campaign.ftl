# residesk — English prompts: surveys (意見征詢) and notices (公告).

cmd-survey = Surveys of residents: new, status, results
cmd-notice = Notices to residents

## What residents see
survey-facts = { $count } questions, about { $minutes } min.
survey-closes = Open until { $closes }.
survey-anonymous = 🔒 Anonymous: your answers are not linked to you.
survey-named = This survey is named: the office sees your answers with your unit.
survey-start = ▶️ Start
survey-continue = ▶️ Answer now
survey-reminder = ⏰ A reminder: “{ $title }” closes on { $closes } and you have not finished it yet. It takes about { $minutes } min.
survey-question-head = 📋 { $title } · question { $n } of { $total }
survey-optional = (optional)
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
survey-list-empty = 📋 There are no surveys yet. Import one with `residesk survey import FILE.toml`.
notice-list = 📢 Notices: choose one to see its status.
notice-list-empty = 📢 There are no notices yet.
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
campaign-questions = { $count } questions
survey-is-anonymous = anonymous
survey-is-named = named
campaign-reach = It would reach { $total } residents ({ $blocked } of them blocked the bot); { $missing } people in the register are not on Telegram.
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
campaign-confirm-send = Send #{ $id } to { $reach } residents now? ({ $blocked } blocked the bot and { $missing } are not on Telegram: they will not get it.)
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
results-answered = { $count } answers
results-by-building = By building: { $list }
results-more-texts = … and { $count } more in the file.
