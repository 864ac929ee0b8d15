# residesk — 简体中文提示：工单。

kind-repair = 报修
kind-complaint = 投诉
kind-booking = 预约
kind-inquiry = 咨询
kind-suggestion = 建议
kind-praise = 表扬
kind-unknown = 未确定

category-gas = 燃气
category-lift = 电梯
category-noise = 噪音
category-plumbing = 给排水
category-electrical = 电力
category-security = 安全
category-parking = 停车
category-cleaning = 保洁
category-pests = 虫鼠
category-greening = 绿化
category-renovation = 装修
category-fees = 物业费及收费
category-staff = 员工
category-facilities = 公共设施
category-neighbour = 邻里
category-other = 其他

urgency-emergency = 🚨 紧急
urgency-high = 高
urgency-normal = 一般
urgency-low = 低

status-new = 等待派单
status-assigned = 已派单
status-accepted = 已接单
status-in_progress = 处理中
status-resolved = 已完成
status-closed = 已结单
status-cancelled = 已取消

card-ticket = { $number } · { $kind } · { $category } · { $urgency }
    房号：{ $unit }
    「{ $text }」
    期望时间：{ $when }
    状态：{ $status }
    响应时限 { $respond_by } · 完成时限 { $resolve_by }
card-booking = { $number } · { $kind } · { $category }
    房号：{ $unit }
    「{ $text }」
    预约时段：{ $when }
    状态：{ $status }
card-no-time = 未提供

button-accept = ✅ 接单
button-decline = ↩️ 退回
button-start = 🛠 开始处理
button-resolve = ✔️ 已完成
button-note = 📝 加备注
button-contact = 📞 联系业主
button-reassign = 🔀 改派
button-history = 📜 记录

alert-unassigned = ⚠️ { $number } 暂时没有值班同事可接，请派单。
alert-emergency = 🚨 紧急事件 { $number }：请立即处理。
    报告人：{ $reporter }
reporter-no-phone = 未提供电话
reporter-unregistered = 未登记业主
alert-overdue-respond = ⏰ { $number } 未在时限内接单。
alert-overdue-resolve = ⏰ { $number } 未在时限内完成。
alert-escalated-again = ⏫ { $number } 第二次升级：接单及完成时限均已超过。
alert-job-set-aside = ⚠️ 一项排程工作（{ $kind } #{ $id }）已失败 { $attempts } 次，现已搁置，不会再自动执行。最后的错误：{ $error }
reminder-respond = ⏳ 提醒：请尽快接 { $number }，响应时限快到了。
reminder-resolve = ⏳ 提醒：{ $number } 的完成时限快到了。

resident-logged-for-you = 物业服务中心已根据您的来电或来访登记工单 { $number }，进度会在这里通知您。
resident-accepted = 您的工单 { $number } 已由{ $department }的 { $staff } 接手，预计在 { $resolve_by } 前完成。
resident-started = 您的工单 { $number } 已开始处理。
resident-resolved = 您的工单 { $number } 已完成。
resident-cancelled-by-office = 物业服务中心已取消您的工单 { $number }。原因：{ $reason }。如有疑问，请致电 { $phone }。
staff-ticket-cancelled = { $number } 已取消，无需再跟进。
staff-ticket-reassigned-away = { $number } 已改派给其他同事，你无需再跟进。

# A ticket's history, line by line.
history-created = 已登记
history-assigned = 已派单
history-accepted = 已接单
history-declined = 已转交
history-started = 开始处理
history-resolved = 已完成
history-cancelled = 已取消
history-reassigned = 已改派
history-escalated = 已上报
history-reopened = 重新处理
history-closed = 已结案
history-note = 添加备注
history-photo = 添加照片
history-other = { $action }

# 工单卡上说明工单为何在此。
card-reopened-rated = 🔁 重开：业户回访时评 { $stars }。紧急程度已提高一级。
card-reopened-not-fixed = 🔁 重开：业户表示问题仍未解决。紧急程度已提高一级。
card-declined-by = ↩️ { $name } 转交，原因：“{ $reason }”
card-other-department = ℹ️ 此工单属{ $department }，但该部门没有值班同事可以接手，所以由{ $theirs }的 { $staff } 负责。
# 旧工单卡：工单现在的去向。
card-now-with = ➡️ { $number } 现由 { $staff } 负责。此工单卡已过时。
card-now-unassigned = ➡️ { $number } 正等待主管派单。此工单卡已过时。
card-now-status = ➡️ { $number } 当前状态为“{ $status }”。此工单卡已过时。
card-now-merged = ➡️ { $number } 已合并到 { $into }。此工单卡已过时。
button-take = 🙋 由我处理
alert-emergency-unassigned = 🚨 紧急事件 { $number }：没有值班同事可接，请立即接手或派单。
    报告人：{ $reporter }
alert-declined-all = ⚠️ 所有值班同事都转交了 { $number }，请接手或派单（原因见下）。
resident-resolved-note = { $staff } 的完工备注：{ $note }
history-taken = 主管接手
card-duplicate = ⚠️ 可能与 { $numbers } 重复（未完成、同一类别、同一单元或业户）。主管可以合并。
button-urgency = ⚡ 紧急程度
button-category = 🏷 类别
button-close = ✔️ 结单
button-office-cancel = ✖️ 取消
button-merge-into = 🔗 合并到 { $number }
resident-closed-by-office = 物业服务中心已为您的工单 { $number } 结单。原因：{ $reason }。如有疑问，请致电 { $phone }。
# $reason 是保留的工单编号。
resident-merged = 您的工单 { $number } 与 { $reason } 是同一问题，我们已把两者合并：{ $reason } 正在处理，进度会在这里通知您。如有疑问，请致电 { $phone }。
# $reason 是并入的工单编号。
resident-merged-in = 另一份关于同一问题的报告（{ $reason }）已并入您的工单 { $number }。您无需做任何事，进度会在这里通知您。
staff-ticket-closed = { $number } 已由主管结单，无需再跟进。
staff-ticket-changed = ℹ️ 主管修改了 { $number }，以下是最新内容。
staff-ticket-merged = { $number } 是重复工单，已合并到另一张工单，无需再跟进。
history-urgency = 更改紧急程度
history-category = 更改类别
history-merged = 已合并到另一工单
history-merged_in = 并入重复工单
