# The supervisor's numbers: the monthly report, its tables and charts, and the manager's help.

cmd-report = 每月报告
help-manager = 你会收到客服每月统计分析报告。
    /report – 上月报告（或 /report YYYY-MM）：摘要、图表及工作簿
    /ticket R-0012 – 查阅工单及其记录
    /lang – 更改语言
invite-welcome-manager = 欢迎，{ $name }。你已登记为客服经理。请发送 /help 查看可用指令。
report-summary = 📊 客服统计 { $month }
    工单 { $total } 张（较上月 { $change }），投诉 { $complaints } 宗
    最多：{ $top }
    响应：中位数 { $response }，{ $response_within } 在时限内
    完成：中位数 { $resolution }，{ $resolution_within } 在时限内
    回访：{ $callback_rate } 已回复 · 满意度 { $satisfaction } / 5
    投诉成立率：{ $validity }
    热点：{ $hot_spots } · 重点投诉：{ $key }
report-bad-month = 请以 YYYY-MM 格式输入月份，例如 /report { $example }。
report-making = 正在准备报告…
report-workbook-caption = 本月各统计表及工单
report-chart-categories = 工单分类 · { $month }
report-chart-weekly = 每周工单 · { $month }
report-chart-satisfaction = 回访评分 · { $month }
report-series-created = 新工单
report-series-resolved = 已完成
report-series-ratings = 评分
report-all = 全部
report-sheet-summary = 摘要
report-sheet-kinds = 类型
report-sheet-categories = 分类
report-sheet-buildings = 楼栋
report-sheet-departments = 部门
report-sheet-sources = 来源
report-sheet-times = 时效
report-sheet-callbacks = 回访
report-sheet-staff = 员工
report-sheet-hot-spots = 热点
report-sheet-key = 重点投诉
report-sheet-tickets = 工单
report-col-item = 项目
report-col-count = 数量
report-col-measure = 指标
report-col-this-month = 本月
report-col-previous-month = 上月
report-col-urgency = 紧急程度
report-col-responded = 已响应
report-col-response-median = 响应中位数（分钟）
report-col-response-p90 = 响应 p90（分钟）
report-col-response-within = 响应达标率
report-col-resolved = 已完成
report-col-resolution-median = 完成中位数（分钟）
report-col-resolution-p90 = 完成 p90（分钟）
report-col-resolution-within = 完成达标率
report-col-callbacks-due = 回访数
report-col-callbacks-answered = 已回复
report-col-callback-rate = 回访率
report-col-rated = 已评分
report-col-average = 平均星数
report-col-satisfied-share = 满意率
report-col-category = 分类
report-col-place = 地点
report-col-state = 状态
report-col-first = 首宗
report-col-last = 末宗
report-col-tickets = 工单
report-col-open = 未完成
report-col-number = 工单编号
report-col-unit = 单元
report-col-status = 状态
report-col-created = 创建时间
report-col-kind = 类型
report-col-source = 来源
report-col-department = 部门
report-col-assignee = 负责人
report-col-response-minutes = 响应（分钟）
report-col-resolution-minutes = 完成（分钟）
report-col-reopened = 重开次数
report-col-validity = 投诉成立
report-col-key-complaint = 重点投诉
report-measure-tickets = 工单
report-measure-complaints = 投诉
report-measure-response-median = 响应中位数（分钟）
report-measure-resolution-median = 完成中位数（分钟）
report-measure-callback-rate = 回访率
report-measure-satisfaction = 满意度（星）
report-measure-validity-rate = 投诉成立率
report-measure-reopen-rate = 重开率
source-telegram = Telegram
source-phone = 电话
source-visit = 到访
validity-valid = 成立
validity-partly = 部分成立
validity-not_valid = 不成立
cmd-ticket = 按编号查阅工单
lookup-not-found = 找不到你可查阅的工单 { $number }。请这样输入：/ticket R-0012。
cmd-export = 导出某月工单（CSV 及 XLSX）
export-bad-month = 请以 YYYY-MM 格式输入月份，例如 /export { $example }。
export-none = { $month } 没有新开的工单。
export-caption = { $month } 新开工单：{ $count } 张
