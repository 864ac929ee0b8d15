# residesk — 简体中文提示：员工和主管处理工单。

work-hint = 如需为业主登记来电或来访，请发送 /log（或先写房号，例如“3-1502 厨房水管漏水”）。你的工单：/tasks。帮助：/help。
work-hint-supervisor = 未完成的工单：/open。如需为业主登记来电或来访，请发送 /log（或先写房号，例如“3-1502 厨房水管漏水”）。帮助：/help。
work-need-text = 请写几个字说明（或发送 /cancel）。

work-ask-decline-reason = 你为什么退回 { $number }？请简单写下原因（或发送 /cancel）。
work-ask-resolution = { $number } 是怎么处理好的？请发送简短备注或完工照片（或发送 /cancel）。
work-ask-note = 请写下 { $number } 的备注，或发送照片（或发送 /cancel）。

work-accepted = ✅ 你已接单 { $number }，已通知业主。
work-started = 🛠 { $number } 已开始处理，已通知业主。
work-resolved = ✔️ { $number } 已完成，已通知业主。
work-declined = ↩️ 你已退回 { $number }，已转给 { $staff }。
work-declined-nobody = ↩️ 你已退回 { $number }。暂时没有其他值班同事，已请主管安排。
work-note-added = 📝 已为 { $number } 添加备注。
work-photo-added = 📷 已为 { $number } 添加照片。
work-already = 无需操作：{ $number } 已经是“{ $status }”。
work-no-longer-yours = { $number } 已不再由你负责。

work-contact = 📞 { $number } 的联系方式（房号 { $unit }）：
work-contact-line = { $name }：{ $phone }
work-contact-none = { $number } 没有登记电话号码，请到物业服务中心查阅业主档案。

work-duty = { $on_duty ->
    [yes] 你正在值班。
   *[no] 你目前不在值班：发送 /duty on 即可接收新工作。
}
work-tasks = 你未完成的工单：{ $count } 张，按时限先后排列。{ $duty }
work-tasks-none = 你没有未完成的工单。{ $duty }
work-list-line = { $escalated ->
    [yes] {"⚠️ "}
   *[no] {""}
}{ $number } · { $category } · { $unit } · { $status } · ⏰ { $deadline }
work-list-more = ……另有 { $more } 张。
work-ticket-button = { $number } · { $unit }

work-open = 未完成的工单（{ $filter }）：{ $count } 张
work-open-none = 没有未完成的工单（{ $filter }）。
work-open-all = 全部
work-open-unknown = 没有“{ $filter }”这个单位、状态或部门，请在下面选择，或输入单位，例如 3-1502。
work-open-overdue = 已逾时
work-open-emergency = 紧急
work-listed = 工单（{ $filter }）：{ $count } 张
work-listed-none = 没有工单（{ $filter }）。
work-page = 第 { $page } 页，共 { $pages } 页
button-page-previous = ⬅️ 上一页
button-page-next = 下一页 ➡️
button-open-overdue = 已逾时
button-open-emergency = 紧急
button-open-all = 全部

work-history = 处理记录：
work-history-line = { $at } · { $action } · { $actor }
work-history-system = 系统

work-reassign-choose = 把 { $number } 交给谁？（🟢 值班 · 未完成工单数）
work-reassign-staff = { $on_duty ->
    [yes] 🟢
   *[no] ⚪
} { $name } · { $department } · { $open }
work-reassign-none = 没有同事可以接手 { $number }。
work-reassigned = 🔀 { $number } 已改派给 { $staff }，并已把工单发给对方。
work-reassign-same = { $number } 已经由 { $staff } 负责。
work-reassign-usage = 请在 /reassign 后写工单编号，例如 /reassign R-0012，或在 /open 的工单下点 🔀。
work-ticket-unknown = 没有工单 { $number }。

work-log-ask-unit = 这个诉求是哪个房号的？请写楼栋和房号，例如 3-1502（或发送 /cancel）。
work-log-unit-not-understood = 抱歉，没看出楼栋和房号。请写成 3-1502 这样（或发送 /cancel）。
work-log-unit-unknown = 业主名册中没有 { $unit }，请核对楼栋和房号（或发送 /cancel）。
work-log-ask-text = { $unit } 的业主需要什么？请按业主的原话写下（或发送 /cancel）。
work-log-ask-via = 为 { $unit } 登记：“{ $text }”
    { $kind } · { $category } · { $urgency } → { $department }
    这是来电还是到物业服务中心来访？
button-log-phone = 📞 来电
button-log-visit = 🚶 来访
work-log-press-via = 请点上面的 📞 来电 或 🚶 来访（或发送 /cancel）。
via-phone = 来电
via-visit = 来访
work-logged = 🗂 已为 { $unit } 登记 { $number }（{ $via }）。
work-logged-assigned = 已交给 { $staff }（{ $department }）跟进。
work-logged-unassigned = { $department } 暂时没有同事值班，已请主管安排。
work-logged-resident = 已在 Telegram 通知业主。
work-logged-no-resident = 该房号没有业主使用本服务，请电话告知业主进度。
work-reassign-me = 🙋 我自己（{ $name }）· { $open }
work-taken = 🙋 { $number } 现由你负责，已通知业户由谁跟进。
work-history-to = → { $staff }（{ $department }）
work-choose-urgency = { $number } 有多紧急？时限会重新计算。
work-choose-category = { $number } 属于哪个类别？属其他部门的类别会把工单交给该部门。
work-ask-close-reason = 为什么要为 { $number } 结单？会通知业户（或发送 /cancel）。
work-ask-cancel-reason = 为什么要取消 { $number }？会通知业户（或发送 /cancel）。
work-urgency-set = ⚡ { $number } 现为“{ $urgency }”，时限已重新计算。
work-category-set = 🏷 { $number } 现为“{ $category }”（{ $department }）。
work-merged = 🔗 { $duplicate } 已合并到 { $number }，两位业户都已收到通知。
work-closed = ✔️ { $number } 已结单，已通知业户原因。
work-cancelled = ✖️ { $number } 已取消，已通知业户原因。
work-merge-usage = 请在 /merge 后先写重复的工单，再写要保留的工单，例如 /merge R-0013 R-0012。
work-merge-refused = 不能把 { $duplicate } 合并到 { $number }：两张工单都必须未完成。
