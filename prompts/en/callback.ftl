# residesk — English prompts: callbacks (回訪) after resolution, and visit reminders.

callback-ask = 📋 Callback on { $number }: { $staff } ({ $department }) has finished the work. How did it go?
    Please rate our service (1⭐ poor – 5⭐ very good), or press “Not fixed yet” if the problem is still there.
callback-button-stars-1 = 1⭐
callback-button-stars-2 = 2⭐
callback-button-stars-3 = 3⭐
callback-button-stars-4 = 4⭐
callback-button-stars-5 = 5⭐
callback-button-not-fixed = 🔧 Not fixed yet
callback-thanks-closed = 🙏 Thank you for your rating! { $number } is now closed.
callback-thanks-reopened = Sorry it is not right yet. We have reopened { $number } and asked our staff to come back to it as a priority.
callback-already = Thank you: the answer for { $number } is already recorded.

callback-phone-task = 📞 Phone callback: please call the resident about { $number } (unit { $unit }) and record how it went.
callback-why-no-answer = The resident did not answer the callback in Telegram.
callback-why-blocked = The resident has blocked the bot.
callback-why-no-telegram = There is no resident on Telegram for this request (logged from a call or visit).
callback-phone-none = No phone number on record: please check the unit's file.
callback-button-phone-satisfied = 😊 Satisfied: close
callback-button-phone-not-fixed = 🔧 Not fixed: reopen
callback-recorded-closed = ✅ Recorded: { $number } is closed.
callback-recorded-reopened = ↩️ Recorded: { $number } is reopened and back with the staff.

alert-reopened = 🔁 { $number } is reopened after its callback: the resident says it is not fixed, or rated it poorly.
resident-reopened = After our call we have reopened your request { $number }; { $department } will follow it up as a priority.

visit-reminder = ⏰ Reminder for { $number }: { $staff } ({ $department }) will visit you at { $when }.

history-callback = callback sent
history-callback_phone = phone callback task
