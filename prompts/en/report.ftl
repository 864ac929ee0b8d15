# The supervisor's numbers: the monthly report, its tables and charts, and the manager's help.

cmd-report = Monthly report
help-manager = You receive the monthly report of customer service.
    /report – last month's report (or /report YYYY-MM): summary, charts and workbook
    /ticket R-0012 – a ticket and its history
    /lang – change language
invite-welcome-manager = Welcome, { $name }. You are registered as a customer-service manager. Send /help to see your commands.
report-summary = 📊 Customer service, { $month }
    { $total } tickets ({ $change } on the month before), { $complaints } complaints
    Most: { $top }
    Response: median { $response }, { $response_within } within the limit
    Resolution: median { $resolution }, { $resolution_within } within the limit
    Callbacks: { $callback_rate } answered · satisfaction { $satisfaction } / 5
    Complaint validity: { $validity }
    Hot spots: { $hot_spots } · key complaints: { $key }
report-bad-month = Please give the month as YYYY-MM, for example /report { $example }.
report-making = Preparing the report…
report-workbook-caption = The month's tables and tickets
report-chart-categories = Tickets by category · { $month }
report-chart-weekly = Tickets per week · { $month }
report-chart-satisfaction = Callback ratings · { $month }
report-series-created = New
report-series-resolved = Resolved
report-series-ratings = Ratings
report-all = All
report-sheet-summary = Summary
report-sheet-kinds = Kinds
report-sheet-categories = Categories
report-sheet-buildings = Buildings
report-sheet-departments = Departments
report-sheet-sources = Sources
report-sheet-times = Times
report-sheet-callbacks = Callbacks
report-sheet-staff = Staff
report-sheet-hot-spots = Hot spots
report-sheet-key = Key complaints
report-sheet-tickets = Tickets
report-col-item = Item
report-col-count = Count
report-col-measure = Measure
report-col-this-month = This month
report-col-previous-month = Previous month
report-col-urgency = Urgency
report-col-responded = Responded
report-col-response-median = Response median (min)
report-col-response-p90 = Response p90 (min)
report-col-response-within = Response within limit
report-col-resolved = Resolved
report-col-resolution-median = Resolution median (min)
report-col-resolution-p90 = Resolution p90 (min)
report-col-resolution-within = Resolution within limit
report-col-callbacks-due = Callbacks
report-col-callbacks-answered = Answered
report-col-callback-rate = Callback rate
report-col-rated = Rated
report-col-average = Average stars
report-col-satisfied-share = Satisfied
report-col-category = Category
report-col-place = Place
report-col-state = State
report-col-first = First
report-col-last = Last
report-col-tickets = Tickets
report-col-open = Still open
report-col-number = Ticket
report-col-unit = Unit
report-col-status = Status
report-col-created = Created
report-col-kind = Kind
report-col-source = Source
report-col-department = Department
report-col-assignee = Assignee
report-col-response-minutes = Response (min)
report-col-resolution-minutes = Resolution (min)
report-col-reopened = Reopened
report-col-validity = Validity
report-col-key-complaint = Key complaint
report-measure-tickets = Tickets
report-measure-complaints = Complaints
report-measure-response-median = Response median (min)
report-measure-resolution-median = Resolution median (min)
report-measure-callback-rate = Callback rate
report-measure-satisfaction = Satisfaction (stars)
report-measure-validity-rate = Complaint validity rate
report-measure-reopen-rate = Reopen rate
source-telegram = Telegram
source-phone = Phone
source-visit = Walk-in
validity-valid = Valid
validity-partly = Partly valid
validity-not_valid = Not valid
cmd-ticket = Look up a ticket by number
lookup-not-found = No ticket { $number } that you may see. Write it like /ticket R-0012.
cmd-export = Tickets of a month as CSV and XLSX
export-bad-month = Please give the month as YYYY-MM, for example /export { $example }.
export-none = No tickets were opened in { $month }.
export-caption = Tickets opened in { $month }: { $count }
