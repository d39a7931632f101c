import { z } from 'zod';

// Replies of the platform pages (public settings, the working-day calendar, the audit log) and of
// the API's own description, shared by the server (OpenAPI, reply checks in tests) and the console.

export const PublicSettings = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  /** Optional map tiles under the boundaries; null draws them on a blank background. */
  mapTileUrl: z.string().nullable(),
  version: z.string(),
});
export type PublicSettings = z.infer<typeof PublicSettings>;

export const CalendarDay = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().optional(),
  /** 'official': the State Council's notice as shipped; 'admin': an override. */
  origin: z.enum(['official', 'admin']),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarYear = z.object({
  year: z.number().int(),
  /** Whether the year's official schedule is known. */
  covered: z.boolean(),
  source: z.string().nullable(),
  days: z.array(CalendarDay),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  /** null for the system's own acts. */
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  /** The changed fields before and after, as recorded (JSON), or null. */
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPage = z.object({ items: z.array(AuditEvent), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

/** GET /api/v1/openapi.json: an OpenAPI 3.1 document. */
export const OpenApiDocument = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.record(z.string(), z.unknown()),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

/** PUT /calendar/days/:date: override one day. */
export const SetCalendarDayBody = z.strictObject({
  kind: CalendarDay.shape.kind,
  name: z.string().trim().max(50).optional(),
});
export type SetCalendarDayBody = z.input<typeof SetCalendarDayBody>;

/** GET /audit: filters (action matches by prefix) and keyset paging. */
export const ListAuditQuery = z.strictObject({
  entityType: z.string().max(30).optional(),
  entityId: z.string().max(36).optional(),
  actorId: z.string().max(36).optional(),
  action: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(36).optional(),
});

// ---- the audit log's names (what the console shows for the codes the server records) ----

/** Every entity type the server writes to the audit log. A test checks the server's sources against it. */
export const AUDIT_ENTITY_TYPE_NAMES: Record<string, string> = {
  account: '账号',
  unit: '单位',
  person: '人员',
  calendar_day: '工作日历',
  case: '案卷',
  category: '问题分类',
  task: '督办任务',
  meeting: '会议',
  consultation_topic: '协商议题',
  assessment_rules: '考核规则',
  proposal: '政协提案',
  proposal_category: '提案类别',
  supervisor_assignment: '民主监督选派',
  supervisor_opinion: '监督意见',
  report_form: '报表',
  report_submission: '报表报送',
  report_query: '数据核查',
  webhook: '消息推送',
  open311_api_key: '市民端接入密钥',
  instruction: '领导批示',
  resident: '居民',
  door_knock_round: '敲门行动',
  venue: '场所',
  venue_types: '场所类型',
  venue_check_items: '场所检查项',
  board: '宣传阵地',
  measure: '居家措施',
  screening_campaign: '排查名单',
  screening_entry: '排查对象',
  screening_check: '协查',
  patrol: '巡查',
  duty_responsibility: '包联责任',
  duty_roster: '值班表',
  campaign: '集中整治',
  indicator: '工作量指标',
  indicator_target: '指标目标',
  star_set: '星级标准',
  star_rating: '五星支部季度评比',
};

/** Every action the server writes to the audit log. A test checks the server's sources against it. */
export const AUDIT_ACTION_NAMES: Record<string, string> = {
  'system.bootstrap': '系统初始化',
  'system.demo_seed': '创建演示数据',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.change_password': '修改密码',
  'auth.token_create': '创建 API 令牌',
  'auth.token_revoke': '吊销 API 令牌',
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.reset_password': '重置密码',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'unit.move': '移动单位',
  'unit.retire': '撤销单位',
  'boundary.import': '导入边界',
  'boundary.set': '设置边界',
  'person.create': '新增人员',
  'person.update': '修改人员',
  'person.reveal': '查看完整个人信息',
  'calendar.set_day': '调整工作日历',
  'calendar.delete_day': '恢复日历默认',
  'category.update': '修改问题分类',
  'case.report': '上报问题',
  'case.reconcile': '案卷对账',
  'case.follow_move': '案卷随区划调整',
  'case.escalate': '案卷上报街道',
  'case.accept': '案卷立案',
  'case.reject': '案卷不予立案',
  'case.merge': '案卷合并',
  'case.absorb': '并入重复问题',
  'case.escalate_district': '案卷上报区级',
  'case.dispatch': '案卷派遣',
  'case.return': '案卷退回',
  'case.start': '案卷签收处置',
  'case.request_extension': '申请延期',
  'case.approve_extension': '批准延期',
  'case.deny_extension': '驳回延期',
  'case.feedback': '处置反馈',
  'case.verify_pass': '核查通过',
  'case.verify_fail': '核查不通过',
  'case.reopen': '案卷重新立案',
  'case.urge': '案卷催办',
  'case.supervise': '案卷督办',
  'case.comment': '案卷备注',
  'case.relocate': '案卷区划调整',
  'meeting.create': '登记会议',
  'meeting.item': '增加会议事项',
  'task.create': '新建督办任务',
  'task.import': '导入工作要点',
  'task.report': '报送任务进度',
  'task.milestone_done': '完成时间节点',
  'task.urge': '任务催办',
  'task.supervise': '任务督办',
  'task.notice_reply': '答复督办',
  'topic.create': '新增协商议题',
  'assessment.rules': '修改考核规则',
  'assessment.mark': '质量评价',
  'proposal.register': '登记提案',
  'proposal.assign': '提案交办',
  'proposal.mark_key': '列为重点提案',
  'proposal.consult': '提案见面协商',
  'proposal.waive_consultation': '提案无需见面协商',
  'proposal.reply': '提案答复',
  'proposal.add_commitment': '增加落实事项',
  'proposal.complete_commitment': '落实事项完成',
  'proposal.complete': '提案办结',
  'proposal.rate': '提案人评价',
  'proposal.report_progress': '汇报办理进展',
  'proposal.hear_progress': '领导听取汇报',
  'proposal.overdue_reminder': '提案逾期提醒',
  'proposal_category.create': '新增提案类别',
  'proposal_category.update': '修改提案类别',
  'supervisor.assign': '选派民主监督员',
  'supervisor.visit': '记录监督走访',
  'supervisor.opinion': '记录监督意见',
  'supervisor_opinion.track': '监督意见转为跟踪事项',
  'supervisor_opinion.answer': '监督意见单位答复',
  'supervisor_opinion.close': '监督意见办结',
  'supervisor_opinion.reopen': '监督意见重新办理',
  'supervisor_opinion.overdue_reminder': '监督意见逾期提醒',
  'report_form.create': '新建报表',
  'report_form.revise': '修订报表',
  'report.submit': '报送报表',
  'report.correct': '更正报表',
  'report.remind': '催报',
  'report.remind_scheduled': '定时催报',
  'report.query': '发起数据核查',
  'report.query_answer': '答复数据核查',
  'report_rollup.rebuild': '重建报表汇总',
  'report_rollup.follow_move': '报表汇总随单位移动',
  'webhook.create': '新建消息推送',
  'webhook.update': '修改消息推送',
  'webhook.deactivate': '停用消息推送',
  'open311.api_key_create': '签发市民端接入密钥',
  'open311.api_key_revoke': '吊销市民端接入密钥',
  'instruction.create': '领导批示',
  'instruction.reply': '答复领导批示',
  'round.create': '发起敲门行动',
  'resident.register': '登记居民',
  'resident.merge': '合并居民登记',
  'resident.review': '提交姓名合并审核',
  'resident.review_decide': '处理合并审核',
  'resident.update': '修改居民信息',
  'resident.move': '居民搬迁',
  'resident.reveal': '查看居民完整信息',
  'resident.export_full': '导出居民完整信息',
  'venue.create': '新增场所',
  'venue.update': '修改场所',
  'venue.import': '导入场所台账',
  'venue.inspect': '场所检查',
  'venue.close': '停业整顿',
  'venue.lift': '解除停业整顿',
  'venue.reveal': '查看场所联系电话',
  'venue.settings': '场所设置',
  'venue.follow_move': '场所随区划调整',
  'farmland.import': '导入耕地图斑',
  'farmland.occupied_area': '填报耕地占用面积',
  'farmland.approve_reject': '区级审批耕地案卷不予立案',
  'board.create': '登记宣传阵地',
  'board.update': '修改宣传阵地',
  'board.state': '宣传阵地状态变更',
  'measure.start': '采取居家措施',
  'measure.end': '结束居家措施',
  'screening.campaign_open': '开启排查名单',
  'screening.campaign_close': '结束排查名单',
  'screening.campaign_purge': '清除排查个人信息',
  'screening.entry_report': '登记排查对象',
  'screening.entry_reveal': '查看排查对象完整信息',
  'screening.checks_push': '下发协查名单',
  'screening.check_answer': '答复协查',
  'screening.check_route': '分派协查',
  'patrol.start': '开始巡查',
  'patrol.end': '结束巡查',
  'patrol.link_case': '巡查关联问题',
  'duty.responsibility_add': '新增包联责任',
  'duty.responsibility_end': '结束包联责任',
  'duty.roster_update': '编排值班',
  'duty.roster_copy': '复制上周值班',
  'duty.follow_move': '包联责任与值班随区划调整',
  'patrol.follow_move': '巡查记录随区划调整',
  'campaign.open': '开展集中整治',
  'campaign.link_case': '集中整治关联问题',
  'indicator.define': '新增工作量指标',
  'indicator.target_set': '设定指标目标',
  'star_set.save': '修订星级标准',
  'star_rating.self_assess': '五星支部评比自评',
  'star_rating.propose': '五星支部评比街道提名',
  'star_rating.return': '五星支部评比退回街道',
  'star_rating.confirm': '五星支部评比区级确认',
};

/** Shown for a code the table does not know yet, rather than the code itself. */
export const AUDIT_UNKNOWN_ACTION_NAME = '其他操作';
export const AUDIT_UNKNOWN_ENTITY_TYPE_NAME = '其他对象';
