# Dates as people read them: the weekday always, the year only when it is
# not this year.
date-day = { $weekday } { $day } { $month }
date-day-year = { $weekday } { $day } { $month } { $year }
date-moment = { $date } { $time }
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
