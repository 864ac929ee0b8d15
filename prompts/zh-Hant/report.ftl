# The supervisor's numbers: the monthly report, its tables and charts, and the manager's help.

cmd-report = 每月報告
help-manager = 你會收到客服每月統計分析報告。
    /report – 上月報告（或 /report YYYY-MM）：摘要、圖表及工作簿
    /ticket R-0012 – 查閱工單及其記錄
    /lang – 更改語言
invite-welcome-manager = 歡迎，{ $name }。你已登記為客服經理。請發送 /help 查看可用指令。
report-summary = 📊 客服統計 { $month }
    工單 { $total } 張（較上月 { $change }），投訴 { $complaints } 宗
    最多：{ $top }
    回應：中位數 { $response }，{ $response_within } 在時限內
    完成：中位數 { $resolution }，{ $resolution_within } 在時限內
    回訪：{ $callback_rate } 已回覆 · 滿意度 { $satisfaction } / 5
    投訴成立率：{ $validity }
    熱點：{ $hot_spots } · 重點投訴：{ $key }
report-bad-month = 請以 YYYY-MM 格式輸入月份，例如 /report { $example }。
report-making = 正在準備報告…
report-workbook-caption = 本月各統計表及工單
report-chart-categories = 工單分類 · { $month }
report-chart-weekly = 每週工單 · { $month }
report-chart-satisfaction = 回訪評分 · { $month }
report-series-created = 新工單
report-series-resolved = 已完成
report-series-ratings = 評分
report-all = 全部
report-sheet-summary = 摘要
report-sheet-kinds = 類型
report-sheet-categories = 分類
report-sheet-buildings = 座數
report-sheet-departments = 部門
report-sheet-sources = 來源
report-sheet-times = 時效
report-sheet-callbacks = 回訪
report-sheet-staff = 員工
report-sheet-hot-spots = 熱點
report-sheet-key = 重點投訴
report-sheet-tickets = 工單
report-col-item = 項目
report-col-count = 數量
report-col-measure = 指標
report-col-this-month = 本月
report-col-previous-month = 上月
report-col-urgency = 緊急程度
report-col-responded = 已回應
report-col-response-median = 回應中位數（分鐘）
report-col-response-p90 = 回應 p90（分鐘）
report-col-response-within = 回應達標率
report-col-resolved = 已完成
report-col-resolution-median = 完成中位數（分鐘）
report-col-resolution-p90 = 完成 p90（分鐘）
report-col-resolution-within = 完成達標率
report-col-callbacks-due = 回訪數
report-col-callbacks-answered = 已回覆
report-col-callback-rate = 回訪率
report-col-rated = 已評分
report-col-average = 平均星數
report-col-satisfied-share = 滿意率
report-col-category = 分類
report-col-place = 地點
report-col-state = 狀態
report-col-first = 首宗
report-col-last = 末宗
report-col-tickets = 工單
report-col-open = 未完成
report-col-number = 工單編號
report-col-unit = 單位
report-col-status = 狀態
report-col-created = 建立時間
report-col-kind = 類型
report-col-source = 來源
report-col-department = 部門
report-col-assignee = 負責人
report-col-response-minutes = 回應（分鐘）
report-col-resolution-minutes = 完成（分鐘）
report-col-reopened = 重開次數
report-col-validity = 投訴成立
report-col-key-complaint = 重點投訴
report-measure-tickets = 工單
report-measure-complaints = 投訴
report-measure-response-median = 回應中位數（分鐘）
report-measure-resolution-median = 完成中位數（分鐘）
report-measure-callback-rate = 回訪率
report-measure-satisfaction = 滿意度（星）
report-measure-validity-rate = 投訴成立率
report-measure-reopen-rate = 重開率
source-telegram = Telegram
source-phone = 電話
source-visit = 到訪
validity-valid = 成立
validity-partly = 部分成立
validity-not_valid = 不成立
cmd-ticket = 按編號查閱工單
lookup-not-found = 找不到你可查閱的工單 { $number }。請這樣輸入：/ticket R-0012。
cmd-export = 匯出某月工單（CSV 及 XLSX）
export-bad-month = 請以 YYYY-MM 格式輸入月份，例如 /export { $example }。
export-none = { $month } 沒有新開的工單。
export-caption = { $month } 新開工單：{ $count } 張
