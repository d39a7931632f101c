import { api } from '../../lib/api';
import type { AuditEvent, AuditPage, ListAuditQuery } from '../../../../src/contracts/platform';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/platform.ts). */
export type { AuditEvent };
export type AuditQuery = Omit<z.input<typeof ListAuditQuery>, 'limit'> & { limit?: number };

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get<AuditPage>('/audit', { ...query }, { signal }),
};

/** Chinese names for the entity types we know; others show as sent. */
export const entityTypeLabel: Record<string, string> = {
  unit: '单位',
  person: '人员',
  account: '账号',
  calendar_day: '工作日历',
  case: '案卷',
  task: '督办任务',
  proposal: '政协提案',
  supervisor_opinion: '监督意见',
};

/** The actions the server records, by name. */
export const actionNames: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.change_password': '修改密码',
  'auth.token_create': '创建 API 令牌',
  'auth.token_revoke': '吊销 API 令牌',
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.reset_password': '重置密码',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'unit.move': '移动单位',
  'report_rollup.follow_move': '报表汇总随单位移动',
  'report_rollup.rebuild': '重建报表汇总',
  'unit.retire': '撤销单位',
  'boundary.import': '导入边界',
  'boundary.set': '设置边界',
  'person.create': '新增人员',
  'person.update': '修改人员',
  'person.reveal': '查看完整个人信息',
  'calendar.set_day': '调整工作日历',
  'calendar.delete_day': '恢复日历默认',
  'system.bootstrap': '系统初始化',
  'system.demo_seed': '创建演示数据',
  'proposal.overdue_reminder': '提案逾期提醒',
  'supervisor_opinion.overdue_reminder': '监督意见逾期提醒',
};

const verbLabel: Record<string, string> = {
  create: '新增',
  update: '修改',
  move: '移动',
  retire: '撤销',
  delete: '删除',
  import: '导入',
  set: '设置',
};

export function actionLabel(action: string): string {
  if (actionNames[action]) return actionNames[action];
  const [type, verb] = action.includes('.') ? action.split('.', 2) : ['', action];
  const v = verbLabel[verb ?? ''];
  const t = entityTypeLabel[type ?? ''];
  return v && t ? `${t}${v}` : action;
}
