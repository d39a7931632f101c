import type { MessageParams } from '../errors.js';

/**
 * The Chinese sentence people read for each stable code: the one place the API's messages are written.
 *
 * The rule:
 * - The domain and the commands never write the sentence people read. They throw a DomainError with a
 *   stable `code` (and `params` to build the sentence from) and list field problems with a stable
 *   `code` (and `params`); their own `message` is English, for developers and logs.
 * - `toProblem` (problem.ts) looks codes up here: a DomainError's `detail` is the sentence of its code,
 *   each field problem's `message` the sentence of its code. An error thrown as
 *   `new Invalid(code, problems[0].message, problems)` (its message is its first problem's) takes that
 *   problem's sentence as its detail. A code that is not listed keeps the message it was thrown with.
 * - A DomainError code is visible to clients, so one code means one sentence: list a DomainError code
 *   here only when every place that throws it means this sentence (or pass `params` to tell them apart).
 *   Field-problem codes are internal and can be as fine-grained as the sentences.
 * - Params are shown as given: dates stay YYYY-MM-DD.
 *
 * Every field-problem code written in the supervision, proposals, org, reporting, cases and instructions modules
 * must have an entry, and org, cases, reporting, webhooks, files, platform, inbox and instructions throw no Chinese sentence from
 * their commands and routes (messages.zh.test.ts checks both).
 */
export type Sentence = string | ((params: MessageParams) => string);

export const ZH: Readonly<Record<string, Sentence>> = {
  // Shared field problems
  'date.invalid': '日期格式应为 YYYY-MM-DD',
  'weight.invalid': '权重须为不小于 0 的数',
  /** A problem of one row of an imported sheet: the row's number before the row's own sentence. */
  'import.at_row': (p) => `第 ${p.row} 行：${zhSentence(String(p.of ?? ''), p) ?? String(p.message ?? '')}`,

  // 督查督办: the task tree (supervision/domain/task-tree.ts)
  'task.deadline_before_start': '完成时限不能早于开始日期',
  'task.parent_missing': '上级任务不存在',
  'task.cycle': '任务不能放在自身或其子任务之下',
  'milestone.title_required': '请填写名称',
  'milestone.due_outside_span': (p) => `时间节点须在任务起止日期之内（${p.start}..${p.deadline}）`,
  'progress.percent_range': '进度须在 0–100 之间',
  'progress.evidence_count': '佐证材料数须为不小于 0 的整数',
  'cadence.first_due_outside_span': '首次报送日期须在任务起止日期之内',
  'cadence.days_invalid': '报送间隔天数须为不小于 1 的整数',
  'cadence.too_many_periods': '报送周期过多',
  // 督查督办: assessment rules (supervision/domain/assessment.ts)
  'assessment.rule_negative': '须为不小于 0 的数',

  // 督查督办: commands
  'unit.missing': '单位不存在',
  'task.missing': '任务不存在',
  'task.unit_retired': (p) => `${p.unit}已撤销，不能承担任务`,
  'task.cooperating_is_lead': '配合单位不能是牵头单位',
  'task.parent_not_visible': '上级任务不存在或不在您的数据权限内',
  'task.leader_invalid': '牵头领导须为本区在用的区领导账号',
  'task.too_deep': (p) => `任务分解最多 ${p.max} 级`,
  'task.starts_before_parent': (p) => `子任务不能早于上级任务开始（${p.parentStart}）`,
  'task.due_after_parent': (p) => `子任务完成时限不能晚于上级任务（${p.parentDeadline}）`,
  'meeting.item_missing': '会议议定事项不存在',
  'meeting.not_key_project': '不是本区的重点项目',
  'meeting.project_item_kind': '对重点项目只能提出评审意见',
  'meeting.chair_missing': '主持人账号不存在',
  'meeting.attendee_missing': '参会人员账号不存在',
  'meeting.unit_missing': '参会单位不存在',
  'topic.missing': '协商计划议题不存在',
  'topic.unit_retired': (p) => `${p.unit}已撤销`,
  'topic.month_outside_year': (p) => `计划月份须在 ${p.year} 年内`,
  'progress.before_start': (p) => `任务 ${p.start} 开始，尚不能报送进度`,
  'milestone.not_of_task': '不是本任务的时间节点',
  'milestone.done': (p) => `「${p.title}」已于 ${p.doneOn} 完成`,
  'milestone.already_done': '该时间节点已完成',
  'file.not_uploaded': '附件不存在，请先上传',
  'cursor.invalid': 'cursor 无效',
  'notice.unit_not_owing': '该单位不承担此任务',
  'assessment.month_invalid': '月份应为 01–12',
  'assessment.mark_in_future': '不能晚于今天',
  'import.not_xlsx': '请上传 Excel（.xlsx）文件',
  'import.no_sheet': '工作簿为空',
  'import.no_header': '找不到表头',
  'import.missing_column': '缺少必需的列',
  'import.no_rows': '没有数据行',
  'import.too_many_rows': '行数过多',
  'import.unit_unknown': (p) => `找不到单位“${p.name}”`,
  'import.number_repeated': (p) => `序号 ${p.no} 重复`,
  'import.lead_unit_required': '请填写牵头单位',
  'import.leader_unknown': (p) => `“${p.name}”不是本区的区领导账号`,
  'import.milestones_format': '时间节点应写作“YYYY-MM-DD 名称”，多个用分号隔开',
  'import.cadence_format': '报送周期应为 每周、每月、每N天 或留空',
  'import.parent_number': (p) => `上级序号 ${p.no} 须是本表中此行之前的任务`,
  'supervision.notice_replied': (p) => `该${p.notice}已于 ${p.repliedAt} 答复`,
  'supervision.parent_not_found': '上级任务不存在',
  'supervision.decompose_forbidden': '只有督查室或牵头单位可以分解任务',
  'supervision.report_forbidden': (p) =>
    p.act === 'milestone' ? '只有牵头单位可以确认时间节点完成' : '只有牵头单位可以报送进度',
  'supervision.milestone_done': (p) => `「${p.title}」已于 ${p.doneOn} 完成`,
  'supervision.bad_cursor': 'cursor 无效',
  'supervision.notice_unit': '只能向牵头单位或配合单位发出督办',
  'supervision.reply_forbidden': '督办由被督办单位答复',
  'supervision.bad_period': '月份无效',
  'supervision.mark_unit': '单位不存在',
  'supervision.mark_task': '任务不存在',
  'supervision.mark_future': '评价日期不能晚于今天',
  'supervision.import_not_xlsx': '不是有效的 .xlsx 文件',
  'supervision.import_empty': (p) => (p.what === 'sheet' ? '工作簿没有工作表' : '表中没有任务'),
  'supervision.import_no_header': '找不到表头（须含“任务名称”列）',
  'supervision.import_missing_column': (p) => `缺少“${p.column}”列`,
  'supervision.import_too_many': (p) => `一次最多导入 ${p.max} 行`,

  // 领导批示 (instructions/commands)
  'instruction.kind_unavailable': '本系统不支持对这类事项批示',
  'instruction.reply_forbidden': '只有批示送达的责任单位可以答复',
  'instruction.already_replied': (p) => `${p.unit}已答复过这条批示`,

  // 提案办理 and 民主监督 (proposals/domain, proposals/commands)
  'field.required': '必填',
  'account.missing': '账号不存在',
  'account.role_required': (p) => `须为具有「${p.role}」角色的账号`,
  'file.not_own': '文件不存在或不是您上传的',
  'proposal.main_handler_required': '至少指定一个主办单位',
  'proposal.unit_retired': (p) => `单位 ${p.unit} 已撤销`,
  'proposal.unit_missing': (p) => `单位 ${p.unit} 不存在`,
  'proposal.assisting_is_main': (p) => `单位 ${p.unit} 已是主办单位`,
  'proposal.reply_deadline_past': '答复期限不能早于今天',
  'proposal.reply_deadline_before_submission': (p) => `答复期限不能早于提案提交日期 ${p.submittedOn}`,
  'proposal.commitment_missing': '没有这项落实事项',
  'proposal.commitment_title_required': '落实事项不能为空',
  'proposal.commitment_deadline_past': '落实期限不能早于今天',
  'proposal.reply_empty': '答复内容不能为空',
  'proposal.evidence_missing': '落实事项需附佐证材料',
  'proposal.evidence_file_required': '至少上传一份佐证材料',
  'proposal.rating_invalid': '评价须为满意、基本满意或不满意',
  'proposal.report_missing': '没有这份进展汇报',
  'proposal.submitted_in_future': '提交日期不能晚于今天',
  'proposal.submitted_outside_year': (p) => `提交日期须在 ${p.year} 年内`,
  'proposal.number_format': (p) => `提案号须为「${p.year}-001」的形式`,
  'proposal.number_exists': '提案号已存在',
  'opinion.deadline_past': '办理期限不能早于今天',
  'opinion.reply_empty': '答复内容不能为空',
  'opinion.visit_not_of_assignment': '不是本次选派的走访',
  'supervisor.term_end_before_start': '任期结束日期不能早于开始日期',
  'supervisor.unit_retired': (p) => `单位「${p.unit}」已撤销`,
  'supervisor.visit_in_future': '走访日期不能晚于今天',
  'supervisor.visit_outside_term': (p) => `走访日期须在任期内（${p.termStart} 至 ${p.termEnd}）`,
  'proposal.invalid_transition': (p) => `提案当前状态为「${p.status}」，不能执行该操作`,
  'proposal.unknown_account': (p) => `账号 ${p.username} 不存在`,
  'proposal.account_role': (p) => `账号 ${p.username} 不具备所需角色`,
  'proposal.bad_file': '佐证材料须为您本人上传的文件',
  'proposal.version_conflict': '该提案刚刚被其他人处理过，请刷新后再操作',
  'proposal.not_office': (p) =>
    p.act === 'mark_key' ? '只有督查室（提案管理）可以确定重点提案' : '只有督查室（提案管理）可以交办提案',
  'proposal.not_main_handler': (p) =>
    `只有主办单位可以${{ add_commitment: '增加落实事项', complete_commitment: '报送落实情况', complete: '办结提案' }[String(p.act)] ?? '答复提案'}`,
  'proposal.not_proposer': '只有提案人可以评价办理结果',
  'proposal.not_handler': '只有承办单位可以汇报办理进展',
  'proposal.not_leader': '只有牵头督办领导可以听取汇报',
  'proposal.not_key_or_closed': (p) => (p.key === 'yes' ? '当前没有可汇报或待听取的进展' : '只有重点提案汇报办理进展'),
  'proposal.evidence_required': '落实事项需附佐证材料',
  'proposal.commitment_done': '该落实事项已完成',
  'proposal.commitments_open': '还有未完成的落实事项',
  'proposal.invalid_rating': '评价须为满意、基本满意或不满意',
  'proposal.no_such_report': '没有这份进展汇报',
  'proposal.report_heard': '这份汇报已听取',
  'proposal.number_taken': '提案号已被使用',
  'opinion.invalid_transition': (p) => `意见当前状态为「${p.status}」，不能${p.action}`,
  'opinion.invalid_deadline': (p) => (p.reason === 'format' ? '办理期限须为 YYYY-MM-DD 日期' : '办理期限不能早于今天'),
  'opinion.invalid_reply': '答复内容不能为空',
  'opinion.reopen_reason': '请说明重新办理的理由',
  'opinion.track_incomplete': '转为跟踪事项须同时指定责任单位和办理期限',
  'opinion.unknown_visit': '没有这次走访',
  'opinion.version_conflict': '该意见刚刚被其他人处理过，请刷新后再操作',
  'opinion.not_responsible_unit': '只有责任单位可以答复',
  'opinion.not_supervisor': '只有提出意见的民主监督员或督查室可以操作',
  'supervisor.unknown_unit': (p) => `单位 ${p.unit} 不存在`,
  'supervisor.retired_unit': (p) => `单位「${p.unit}」已撤销`,
  'supervisor.not_assigned': '只有被选派的民主监督员可以记录走访和意见',

  // 组织机构、账号与登录 (org/commands)
  'auth.invalid_credentials': '用户名或密码错误',
  'auth.locked': (p) => `连续登录失败次数过多，请 ${p.minutes} 分钟后再试`,
  'auth.disabled': '账号已停用，请联系管理员',
  'auth.wrong_current_password': '当前密码不正确',
  'auth.same_password': '新密码不能与当前密码相同',
  'account.role_not_grantable': '只有系统管理员可以授予系统管理员角色',
  'account.reset_denied': '只有系统管理员可以重置管理员的密码',
  'account.unit_retired': '所属单位已撤销',
  'account.unknown_person': '关联人员不存在',
  'account.username_taken': (p) => `用户名 ${p.username} 已存在`,
  'account.username_exists': '用户名已存在',
  'account.self_lockout': '不能停用自己的账号或去掉自己的管理员角色',
  'account.would_lock_out': '会把自己锁在系统之外',
  'person.unit_retired': '所属单位已撤销',
  'person.missing_or_out_of_scope': '人员不存在或不在数据范围内',
  'person.unknown_grid': (p) => `网格 ${p.grid} 不存在或不在数据范围内`,
  'person.grid_missing': '网格不存在或不在数据范围内',
  'person.not_a_grid': (p) => `「${p.unit}」不是有效网格`,
  'person.grid_invalid': '不是有效网格',
  'person.reveal_denied': '您的角色无权查看完整个人信息',
  'unit.is_retired': '单位已撤销',
  'unit.retired': (p) => (p.act === 'update' ? '已撤销的单位不能修改' : '已撤销的单位不能移动，也不能作为新的上级'),
  'unit.parent_retired': '上级单位已撤销，不能新增下级',
  'unit.parent_is_retired': '上级单位已撤销',
  'unit.kind_not_allowed': (p) => `${p.parent}下不能设立${p.child}`,
  'unit.kind_not_allowed_under': (p) => `${p.parent}下不能设立${p.child}`,
  'unit.parent_kind_mismatch': '上级类型不匹配',
  'unit.code_taken': (p) => `代码 ${p.code} 已被使用`,
  'unit.code_in_use': '代码已被使用',
  'unit.code_required': '区必须有行政区划代码',
  'unit.code_not_clearable': '不能清空',
  'unit.root_immovable': '区不能移动',
  'unit.root_cannot_move': '根单位不能移动',
  'unit.move_cycle': '不能移动到自身或其下级之下',
  'unit.root_permanent': '区不能撤销',
  'unit.root_cannot_retire': '根单位不能撤销',
  'unit.own_scope': '不能撤销本账号所属的数据范围单位',
  'unit.is_own_scope': '本账号的数据范围',
  'unit.has_active_children': (p) => `「${p.unit}」还有 ${p.count} 个下级单位，请先移动或撤销它们`,
  'unit.active_children': (p) => `还有 ${p.count} 个下级单位`,
  // Official unit codes (org/domain/unit-rules.ts)
  'unit_code.district_format': '区的代码应为 6 位 GB/T 2260 行政区划代码',
  'unit_code.township_format': '街道/乡镇的代码应为 12 位统计用区划代码',
  'unit_code.county_prefix': (p) => `代码应以上级区划代码 ${p.prefix} 开头`,
  'unit_code.subdistrict_range': '街道的乡级代码段应在 001–099',
  'unit_code.township_range': '乡镇的乡级代码段应在 100–399',
  'unit_code.township_village_zero': '街道/乡镇代码的村级代码段应为 000',
  'unit_code.village_format': '社区/行政村的代码应为 12 位统计用区划代码',
  'unit_code.township_prefix': (p) => `代码应以上级代码前 9 位 ${p.prefix} 开头`,
  'unit_code.community_range': '社区的村级代码段应在 001–199',
  'unit_code.village_range': '行政村的村级代码段应在 200–399',
  'unit_code.grid_format': '网格代码应为 15 位单元网格代码（GB/T 30428.1）',
  'unit_code.grid_prefix': (p) => `网格代码应以所属社区代码 ${p.prefix} 开头`,
  'unit_code.grid_sequence_zero': '网格顺序码不能为 000',
  'unit_code.other_format': '代码只能包含字母、数字和连字符，最长 20 位',
  'boundary.not_territorial': (p) => `「${p.unit}」不是区划或网格单位，不能有边界`,
  'boundary.unit_not_territorial': '非区划单位',
  'boundary.invalid_file': (p) => `边界文件有 ${p.count} 处问题，未导入任何边界`,
  'boundary.no_such_child': (p) =>
    `「${p.parent}」没有代码为 ${p.code ?? '（无）'}、名称为 ${p.name ?? '（无）'} 的下级单位`,
  'boundary.child_not_territorial': (p) => `「${p.unit}」不是区划或网格单位，不能有边界`,
  'boundary.child_repeated': (p) => `「${p.unit}」在文件中出现了多次`,

  // 问题台账: the workflow's refusals (cases/domain)
  'case.invalid_transition': (p) =>
    p.status === ''
      ? `问题尚未上报，不能执行「${p.action}」`
      : p.report === 'yes'
        ? '问题已经上报，不能重复上报'
        : `问题当前状态为「${p.status}」，不能执行「${p.action}」`,
  'case.action_forbidden': (p) =>
    ({
      out_of_scope: '该问题不在您的数据权限范围内',
      not_assigned: '该问题未派遣给您所在的单位',
      district_triaged: `该问题已上报区级研判，街道不能「${p.action}」`,
      subdistrict_triaged: `该问题由街道研判，区级不能「${p.action}」`,
      open311_report_only: '市民上报渠道只能上报问题',
      system_cannot: `系统不能「${p.action}」`,
      system_only: `「${p.action}」由系统随组织机构调整自动记录，不能手工提交`,
      self_verify: '立行整改的问题须由上报人以外的人员核查',
      role: `您的角色（${p.roles}）不能「${p.action}」`,
      other_district: '不能上报其他区县的问题',
    })[String(p.why)] ?? '您无权执行该操作',
  'case.no_subdistrict': '问题不在任何街道的网格内，由区级研判',
  'case.already_district': '问题已在区级研判',
  'case.extension_pending': '已有待审批的延期申请',
  'case.no_pending_extension': '没有待审批的延期申请',

  // 问题台账 (cases/commands)
  'case.unknown_unit': '单位不存在',
  'case.unknown_category': (p) =>
    p.category ? `问题类别 ${p.category} 不存在或已停用（须选择小类）` : '问题类别不存在',
  'category.missing': '类别不存在',
  'category.missing_or_not_leaf': '类别不存在或不是小类',
  'case.bad_period': '开始日期不能晚于结束日期',
  'period.from_after_to': '晚于结束日期',
  'case.reconcile_forbidden': '只有问题所在社区、街道或区级的台账管理人员可以销号',
  'case.not_closed': '只有已结案的问题才能销号',
  'case.unknown_file': (p) => `照片 ${p.file} 不存在，请先上传`,
  'case.photo_missing': '照片不存在',
  'case.idempotency_key_in_use': '同一 Idempotency-Key 的请求正在处理，请稍后重试',
  'idempotency.retry_later': '请稍后重试',
  'case.idempotency_key_reused': '此 Idempotency-Key 已用于另一次内容不同的上报，不能再用于这次上报',
  'idempotency.key_reused': '已用于内容不同的请求',
  'case.location_required': '请在地图上选点、提供 GPS 位置或填写地址',
  'case.location_or_address': '位置或地址至少填一项',
  'case.no_district': (p) => `区 ${p.district} 不存在`,
  'case.version_conflict': '该问题刚刚被其他人处理过，请刷新后再操作',
  'case.not_an_action': (p) => `「${p.action}」不能直接提交`,
  'case.action_not_submittable': '不是可提交的操作',
  'case.bad_dispatch_unit': '请选择本区在用的部门或驻区单位作为责任单位',
  'case.dispatch_unit_invalid': '责任单位不存在或不可派遣',
  'case.time_limit_required': '该类别没有默认处置时限，请填写',
  'case.merge_self': '不能与自身合并',
  'case.merge_target': '要并入的问题不存在或不在您的数据范围内',
  'case.merge_target_missing': '问题不存在',
  'category.bad_unit': '默认责任单位须为在用的部门或驻区单位',
  'category.unit_not_dispatchable': '不可作为责任单位',
  'category.group_has_no_limit': '大类没有处置时限和责任单位，请在小类上设置',
  'category.group_not_settable': '大类不能设置',

  // 数据报送 (reporting/commands)
  'report.query_answer_forbidden': '数据核查由被核查单位答复',
  'report.query_closed': '该核查已结束',
  'report.query_own_unit': '数据核查由上级单位发起，不能核查本单位的报告',
  'report.query_unknown_field': (p) => `报表没有字段 ${p.field}`,
  'report.no_such_field': '报表没有该字段',
  'report_form.code_taken': (p) => `报表代码 ${p.code} 已存在`,
  'report_form.code_exists': '代码已存在',
  'report_form.code_fixed': '报表代码不能修改',
  'report_form.code_unchangeable': '不能修改',
  'report.rollup_unknown_field': (p) => `报表没有可汇总的字段 ${p.fields}`,
  'report.rollup_fields_unknown': (p) => `没有可汇总的字段：${p.fields}`,
  'report.form_version_replaced': (p) => `报表已更新为第 ${p.version} 版，请按新版填写`,
  'report.form_version_current': (p) => `当前为第 ${p.version} 版`,
  'report.future_period': '不能填报尚未开始的周期',
  'report.period_not_started': '周期尚未开始',
  'report.unit_not_expected': (p) => `「${p.unit}」不需要在该周期填报「${p.form}」`,
  'report.unit_not_reporter': '该单位不在报送范围内',

  // 消息推送 and 文件 (webhooks/commands, files)
  'webhook.invalid_url': '地址必须是 http:// 或 https:// 开头的完整网址',
  'webhook.secret_not_applicable': '企业微信群机器人不使用签名密钥',
  'file.not_multipart': '请以 multipart/form-data 上传，字段名为 file',
  'file.missing': '请上传一个文件（字段名 file）',
  'file.part_missing': '缺少文件',
  'file.size_exceeded': '文件过大',
};

/** The sentence of `code` built from `params`, or undefined when the table has none. */
export function zhSentence(code: string | undefined, params: MessageParams = {}): string | undefined {
  if (!code || !Object.hasOwn(ZH, code)) return undefined;
  const s = ZH[code];
  return typeof s === 'string' ? s : s(params);
}
