# residesk — 简体中文（内地）提示：业主的报修、投诉、预约及咨询。
# 每个键在三种语言都要有，占位符相同。

draft-card = 请核对您的申请：
    { $kind } · { $category } · { $urgency }
    地点：{ $place }
    “{ $text }”
    希望时间：{ $when }
    照片：{ $photos } 张
    信息正确吗？请按 ✅ 确认，或在下面修改。
draft-place-building = { $building } 栋（公共区域）
draft-place-unknown = 未提供
draft-no-text = （只有照片）
button-draft-confirm = ✅ 确认
button-draft-kind = ✏️ 类型
button-draft-category = 🏷 事项
button-draft-unit = 🏠 地点
button-draft-time = 🕒 时间
button-draft-photo = 📷 加照片
button-draft-cancel = ✖️ 取消

draft-ask-kind = 我们想确认一下：“{ $text }”
    请问您需要我们做什么？
draft-ask-category = 我们想把“{ $text }”交给合适的部门。
    请问是关于什么的？
draft-ask-unit = 请问在哪里？请在下面选择您的房号，或写上楼栋和房号（例如“3栋1502室”）；如果是公共区域，写楼栋即可（例如“3栋大堂”）。
draft-ask-unit-none = 请问在哪里？请写上楼栋和房号（例如“3栋1502室”）；如果是公共区域，写楼栋即可（例如“3栋大堂”）。
draft-ask-time = 请问什么时间方便？请写上日期和时间，例如“明天下午三点”或“周六上午”。
draft-ask-photo = 请现在发送照片（可以发多张）。
draft-unit-not-understood = 抱歉，我们没看出楼栋和房号。请写成“3栋1502室”的样子；如果是公共区域，写楼栋即可。
draft-unit-not-yours = { $unit } 不是您已登记的房号，我们不能以此房号登记申请。请选择您的房号；如果是公共区域，写楼栋即可。
draft-time-not-understood = 抱歉，我们没看出时间。请写上日期和时间，例如“明天下午三点”或“3月25号上午”。
draft-full = 您的申请内容已经很长（上限 { $limit } 字），所以没有加入这条消息。请先确认现有内容，之后可用 /my 补充。
draft-set-aside = 您之前的申请（“{ $text }”）尚未确认，所以没有提交，我们已将其搁置。以下是根据您最新消息建立的新申请。
draft-cancelled = 好的，这项申请已取消。有需要随时再联系我们。

draft-confirmed = ✅ 谢谢您。您的申请已登记，编号 { $number }。
    由{ $department }跟进：我们会在{ $respond }前响应，并争取在{ $resolve }前完成。
    { $next }
    进度会在这里通知您；发送 /my 可随时查看。如有疑问，请致电物业服务中心 { $phone }。
draft-next-assigned = 已交给 { $staff } 处理，如有需要会与您联系。
draft-next-other = { $own }现在没有同事值班，已交由 { $staff } 处理，如有需要会与您联系。
draft-next-nobody = 现在没有同事值班，已通知主管安排同事跟进。如情况紧急，请致电 { $phone }。
draft-duplicate = ⚠️ 您已有未完成的{ $category }工单 { $numbers }。如属同一问题，您无需再做任何事，我们会一并处理。
duration-minutes = { $n } 分钟
duration-hours = { $n } 小时
duration-days = { $n } 天

emergency-opened = 🚨 我们已登记紧急事件：{ $number }，并已立即通知值班同事和主管。
    物业服务中心紧急电话：{ $emergency }。
emergency-opened-nobody = 🚨 我们已登记紧急事件：{ $number }。现在没有同事值班，已通知主管。请立即致电物业服务中心紧急电话 { $emergency }。
safety-gas = 请注意安全：不要开关任何电灯或电器，不要使用打火机或明火。请打开窗户；如能安全操作，请关闭燃气表前阀门；然后离开房间，到室外拨打 { $fire }。紧急电话：{ $emergency }。
safety-lift = 如被困电梯：请按电梯内的警铃，保持冷静，轿厢内空气充足。切勿强行扒门或试图爬出。救援人员正在赶来。紧急电话：{ $emergency }。
safety-plumbing = 如有大量漏水：在安全的情况下，请关闭电闸总开关（切勿湿手或站在水中操作），并关闭进水总阀。远离被水浸湿的插座，把贵重物品移到高处。紧急电话：{ $emergency }。
safety-electrical = 如看到火花或闻到焦味：切勿触碰电线；在安全的情况下请关闭电闸总开关。如有火情或浓烟，请走楼梯撤离（切勿乘电梯）并拨打 { $fire }。紧急电话：{ $emergency }。
safety-security = 如有火情或浓烟：请走楼梯撤离，切勿乘电梯，随手关门，并拨打 { $fire }。如有人入室盗窃或闯入：切勿与对方正面冲突，请待在安全的地方并拨打 { $police } 报警。如有人打架或受伤：请保持距离，立即拨打 { $ambulance } 叫救护车或拨打 { $police } 报警。紧急电话：{ $emergency }。
safety-other = 如有人受伤或处于危险中，请立即拨打 { $ambulance } 叫救护车或拨打 { $police } 报警，并待在安全的地方。紧急电话：{ $emergency }。

faq-fees = 物业费按月收取，金额以缴费通知单为准。您可以通过代扣、银行转账或到{ $office }前台缴纳（{ $hours }）。查询欠费、收据或具体收费，请致电 { $phone }。
faq-office_hours = { $office }办公时间为 { $hours }，电话 { $phone }。非办公时间可联系大堂保安；紧急情况随时可在这里报告。
faq-renovation = 装修开工前，请带上装修公司资料到{ $office }办理装修申请，并缴纳装修押金。有噪音的施工只能在小区管理规约规定的时间进行（周日及法定节假日除外），建筑垃圾须由装修公司装袋清运。表格及详情：{ $phone }（{ $hours }）。
faq-parking = 月租车位、访客停车和停车卡均由{ $office }办理。请带上行驶证到物业服务中心（{ $hours }），或致电 { $phone }。
button-ask-person = 🙋 找工作人员解答

my-none = 您目前还没有任何申请。有需要随时在这里留言。
my-title = 您的申请（最新的在前）：
my-line = { $number } · { $kind } · { $category } · { $status } · { $date }
ticket-view = { $number } · { $kind } · { $category }
    状态：{ $status }
    地点：{ $place }
    “{ $text }”
    希望时间：{ $when }
    记录：
    { $history }
button-add-info = ➕ 补充信息或照片
button-cancel-ticket = ✖️ 取消这项申请
ticket-cancel-ask = 确定要取消 { $number }（{ $kind } · { $category }）吗？取消后无法恢复，负责的同事会收到通知。
button-cancel-yes = ✖️ 确定取消
button-cancel-no = ↩️ 保留申请
ticket-kept = { $number } 会继续处理。
addinfo-ask = 请发送要补充到 { $number } 的信息或照片。
addinfo-done = 已补充到 { $number }（{ $status }），并已通知跟进同事。
ticket-not-open = { $number } 目前{ $status }，不能再更改。如有新情况，请直接留言。
ticket-cancelled-by-you = 您的申请 { $number } 已取消。
staff-resident-added-note = 📝 { $number }：业主补充：{ $text }
staff-resident-added-photo = 📷 { $number }：业主补充了照片。{ $text }
edit-not-applied = 我们已处理了您之前的消息，所以这次修改没有生效。如要补充申请，请发送 /my 再打开该申请。

unsupported-sticker = 谢谢！我们只能读取文字和照片，请用文字告诉我们您的需要。
unsupported-voice = 抱歉，我们无法收听语音消息。请用文字留言，或致电物业服务中心 { $phone }。
unsupported-video = 抱歉，我们无法接收视频。请改为发送照片并附上简单说明，或致电 { $phone }。
unsupported-document = 抱歉，我们只接收照片或图片，不接收其他文件。请发送照片，或致电 { $phone }。
unsupported-other = 抱歉，我们无法读取这类消息。请用文字留言，或致电 { $phone }。
photo-file-received = 📷 已收到，会使用这张照片。
photo-file-failed = 抱歉，我们无法打开这张图片。请以“照片”形式发送（不要以文件形式发送）。

# 公共区域（prompts/lexicon.toml 的 [[place]]）。
draft-place-area = { $building }栋{ $area }（公共区域）
draft-place-area-estate = { $area }（公共区域）
draft-place-about = { $place } · 涉及单元 { $unit }
area-lift_lobby = 电梯厅
area-lobby = 大堂
area-car_park = 停车场
area-refuse_room = 垃圾房
area-podium = 平台
area-corridor = 走廊
area-stairwell = 楼梯间
area-clubhouse = 会所
area-playground = 游乐场
area-rooftop = 天台
area-entrance = 大门

# 对话：寒暄、同时两件事、退出方法、已过的时间。
smalltalk-greeting = 您好！👋 有什么可以帮您？请直接写下您的需要，例如「厨房水龙头漏水」或「想预约会所宴会厅」。
smalltalk-thanks = 不客气！有任何需要，随时在这里告诉我们。
smalltalk-ok = 👍 收到。有任何需要，随时在这里告诉我们；发送 /my 可查看您的工单。
smalltalk-pending = 上面的申请仍在等待您的回复。
draft-ask-which = 这是关于您的申请「{ $text }」，还是一项新的申请？
button-join-draft = ➕ 加到「{ $text }」
button-split-draft = 🆕 新的申请
button-draft-back = ↩️ 返回
button-urgent = 🚨 紧急／有人身处危险
draft-time-past = { $time } 已经过去，无法预约。最早可安排的时间是 { $next }：请按下面的按钮选用，或写下另一个日期和时间。
button-take-time = ✅ { $next }
addinfo-left = 这看起来是一项新的申请，所以没有加到 { $number }。请查看下面的新申请。
emergency-kept-draft = 您的申请「{ $text }」已保留；安全后可在上面继续。
emergency-kept-addinfo = 安全后，您仍可发送想补充到申请的资料。
emergency-kept-unit = 安全后，请仍告诉我们您的楼栋和房号，以便为您登记。
urgent-pressed = 🚨 业主按下了「紧急／有人身处危险」。
urgent-tell-more = 请立即告诉我们发生了什么以及地点（楼栋、楼层、房号或公共区域）；您发送的所有内容会直接交给值班同事。
