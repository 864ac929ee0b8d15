# residesk — 简体中文提示：登记、角色、语言、错误。

error-generic = 抱歉，系统出现问题，请稍后再试，或致电物业服务中心 { $phone }。
error-too-long = 消息太长（{ $length } 字），请精简到 { $limit } 字以内。
error-empty = 消息中没有文字，请写下您需要什么帮助。
not-allowed = 抱歉，您不能使用此功能。
stale-button = 此按钮已失效。
unknown-command = 抱歉，我们不认识这个指令。请发送 /help 查看可用功能。

office-default-name = 物业服务中心
welcome-new = 欢迎使用{ $office }业主服务台。登记时请点下面的按钮分享您的手机号码，我们会在业主名册中找到您的房号。
button-share-phone = 📱 分享我的手机号码
contact-not-own = 为保障您的安全，我们只接受您本人的手机号码。请点「分享我的手机号码」按钮，不要转发他人的联系人。
contact-invalid = 我们无法读取这个号码，请点「分享我的手机号码」按钮。
registered = 谢谢您，{ $name }。您已登记为 { $units } 的业主。{ $next }
registered-next = 有任何需要，例如报修、投诉、预约或咨询，直接在这里留言即可。
already-registered = 您已经登记。请发送 /help 查看可用功能。
ask-unit = 业主名册中找不到您的手机号码。请问您住在哪一户？请写楼栋和房号，例如「5栋802」。（如要停止，请发送 /cancel。）
unit-not-understood = 抱歉，我们看不出楼栋和房号。请写成「5栋802」或「3座1502室」。（如要停止，请发送 /cancel。）
unit-unknown = 名册中没有 { $unit } 这一户。请核对楼栋和房号，或致电物业服务中心 { $phone }。
bind-pending = 谢谢。您登记 { $unit } 的申请已提交物业服务中心审核，审核通过后会在这里通知您。
bind-still-pending = 您登记 { $unit } 的申请仍在等待物业服务中心审核，有结果会在这里通知您。
bind-too-many = 您今天已多次申请登记。请致电物业服务中心 { $phone }，我们会协助您。
bind-request-staff = 新业主登记：{ $name }（电话 { $phone }）申请登记为 { $unit } 的业主。名册中该户没有此号码。
bind-phone-unknown = 未提供
button-approve = ✅ 批准
button-reject = ❌ 拒绝
bind-approved = 好消息：您已登记为 { $unit } 的业主。{ $next }
bind-rejected = 抱歉，物业服务中心未能确认您是 { $unit } 的业主。请致电 { $phone }，或在办公时间（{ $hours }）携带居住证明到物业服务中心办理。
bind-decided-approved = ✅ { $staff } 已批准：{ $name } 登记为 { $unit } 的业主。
bind-decided-rejected = ❌ { $staff } 已拒绝：{ $name } 申请登记 { $unit }。
bind-already-decided = 此申请已经处理。
not-registered = 您还没有登记。请发送 /start 进行登记。

invite-welcome-staff = 欢迎加入，{ $name }。你已登记为{ $department }员工。请发送 /help 查看可用指令。
invite-welcome-supervisor = 欢迎，{ $name }。你已登记为客服主管。请发送 /help 查看可用指令。
invite-invalid = 邀请码无效，请向主管索取新的邀请码。
invite-used = 此邀请码已被使用，请向主管索取新的邀请码。
invite-expired = 此邀请码已过期，请向主管索取新的邀请码。

dept-customer_service = 客服部
dept-engineering = 工程部
dept-security = 秩序维护部
dept-cleaning = 保洁部
dept-greening = 绿化部
dept-accounts = 财务部
dept-supervisors = 客服主管

lang-choose = 请选择语言：
lang-set = 语言已设置为{ $language }。
lang-name-zh-Hant = 繁體中文
lang-name-zh-Hans = 简体中文
lang-name-en = English

cancelled = 已取消。还有什么可以帮您？
nothing-to-cancel = 目前没有可以取消的操作。

duty-on = 你已开始值班：{ $department }的新工作会派给你。
duty-off = 你已结束值班：新工作会派给值班的同事。
duty-not-staff = 只有员工可以设置值班状态。

cmd-start = 登记或重新开始
cmd-help = 使用说明
cmd-lang = 更改语言
cmd-cancel = 取消当前操作
cmd-my = 我的工单
cmd-book = 预约设施或上门
cmd-urgent = 🚨 紧急／有人身处危险
cmd-tasks = 我的待办工作
cmd-visits = 今天及明天的预约
cmd-duty = 开始或结束值班
cmd-log = 代业主登记来电来访
cmd-open = 未完成工单
cmd-reassign = 改派工单
cmd-merge = 合并重复工单

help-guest = 这是{ $office }业主服务台。请发送 /start 用手机号码登记。物业服务中心电话：{ $phone }（{ $hours }）。
help-resident = 直接用您自己的话留言（附照片更好）：报修、投诉、预约或咨询都可以。我们会先和您确认信息，再给您工单号并通知进度。
    /my – 查看您的工单和进度
    /book – 预约设施或上门（派对室、烧烤炉、家访等）
    /lang en | zh-Hant | zh-Hans – 更改语言
    /cancel – 取消当前操作
    物业服务中心：{ $phone }（{ $hours }）。紧急情况：{ $emergency }。
help-staff = { $department }的工单会发送到这里，你可以点按钮接单、开始和完成。
    /tasks – 按期限列出你的待办工作
    /visits – 今天及明天的预约：签到、完成、未到场、建议其他时间
    /duty on | off – 开始或结束值班（只发 /duty 可查看状态）
    /log 3-1502 内容 – 代业主登记来电来访
    /lang en | zh-Hant | zh-Hans – 更改语言
help-supervisor = 你会收到升级的工单，并可跟进所有工单。
    /open – 按状态或部门查看未完成工单
    /visits – 各部门今天及明天的预约
    /duty – 各部门值班名单
    /reassign – 改派工单
    /merge R-0013 R-0012 – 把重复工单合并到保留的工单
    /ticket R-0012 – 查阅工单及其记录
    /report – 每月报告（或 /report YYYY-MM）
    /log 3-1502 内容 – 代业主登记来电来访
    /survey – 业户问卷：新建、预览、发送、进度、结果
    /notice – 向住户发出通告（可统计“收到”）
    /lang en | zh-Hant | zh-Hans – 更改语言

# The durable inbox: an update that kept failing was set aside.
inbox-set-aside = ⚠️ 来自 { $who } 的一条消息经 { $attempts } 次尝试仍无法处理，已暂时搁置，以免影响其对话。请跟进：{ $what }
    错误：{ $error }
# A confirmation of a draft that is already a ticket (a second press).
draft-already-filed = 您的申请已登记，编号 { $number }。

duty-state = { $on_duty ->
    [yes] 你正在值班（{ $department }）：新工作可以派给你。
   *[no] 你现在不在值班（{ $department }）：新工作会派给值班的同事。
}
duty-usage = /duty 不明白“{ $given }”：请发送 /duty on 或 /duty off，或点下面的按钮。
button-duty-on = 🟢 开始值班
button-duty-off = ⚪ 结束值班
roster-title = 当前值班情况（🟢 值班 · ⚪ 不在值班 · 未完成工单数）：
roster-line = { $department }：{ $people }
roster-member = { $on_duty ->
    [yes] 🟢
   *[no] ⚪
} { $name }（{ $open }）
roster-nobody = 没有员工
roster-none-on-duty = ⚠️ 没有人值班
lang-unknown = 没有“{ $given }”这种语言（可用 /lang en、/lang zh-Hant 或 /lang zh-Hans）。
cmd-roster = 查看值班名单

# 给员工、主管及经理的共用回复。
error-generic-staff = 抱歉，系统出现问题，没有作任何更改。请稍后再试；如持续出现，请告知主管（物业服务中心：{ $phone }）。
not-allowed-staff = 这不属于你的职责范围，没有作任何更改。
command-not-yours = 这个指令不适用于您的身份，没有作任何更改。您可用的指令：{ $commands }
command-not-yours-staff = 这个指令不属于你的职责范围，没有作任何更改。你可用的指令：{ $commands }
unknown-command-staff = 没有这个指令。发送 /help 查看你可用的指令。
cancelled-staff = 已取消，没有作任何更改。你的待办工作：/tasks。
nothing-to-cancel-staff = 目前没有进行中的操作可以取消。
duty-shift-on = 🟢 你在{ $department }的班次已开始：你已在值班，新工作可以派给你。（如不能接工作，请发送 /duty off。）
duty-shift-off = ⚪ 你在{ $department }的班次已结束：你已不在值班。（如要继续接新工作，请发送 /duty on。）
