/**
 * Which roles have a use for a menu entry, where its permission alone over-shows it (issue 11 C1).
 *
 * A permission says what the API lets an account read; several roles hold one for another page and
 * would find an empty or refusing page behind the menu entry. The table is data, so it is the
 * documentation; `menu-roles.test.ts` checks the cases the issue names, and e2e/roles.ts walks every
 * demo account's menu against the running server (no 401/403/404).
 */
import { ROLE_CODES, type RoleCode } from '../../../src/contracts/org';
import type { NavItem } from './nav';

const allBut = (...left: RoleCode[]): readonly RoleCode[] => ROLE_CODES.filter((r) => !left.includes(r));

export const MENU_ROLES: Readonly<Record<string, readonly RoleCode[]>> = {
  // 民主监督员 hold case.read for the files of the proposals they follow, not to keep the ledger.
  cases: allBut('democratic_supervisor'),
  // The keepers who check closed cases off (reconcileCase refuses anyone else).
  'case-reconcile': ['admin', 'supervision_office', 'subdistrict_staff', 'community_worker'],
  'case-kpis': allBut('democratic_supervisor', 'volunteer'),
  // A roster for those who keep it or lead; a 网格员 works from the phone page.
  people: ['admin', 'district_leader', 'supervision_office', 'subdistrict_staff', 'community_worker'],
  // 我牵头的任务: only 区领导 lead tasks (createTask refuses any other leader).
  'supervision-leader': ['admin', 'district_leader'],
  // 报表填报: those who file reports (report.submit); readers have 完成情况 and 数据汇总.
  'reporting-fill': ['admin', 'subdistrict_staff', 'community_worker', 'grid_worker'],
  // 本单位待办: units that carry tasks out (task.report); a 区领导 leads them from 领导视图.
  'supervision-todo': ['admin', 'supervision_office', 'subdistrict_staff', 'community_worker', 'unit_handler'],
  // 处置通: the phone page of those a case is dispatched to (a department's crew, a 街道, a 社区).
  crew: ['admin', 'unit_handler', 'subdistrict_staff', 'community_worker'],
  // 考核排名 ranks units: for those who assess and those assessed, not for a 民主监督员.
  'supervision-assessment': allBut('democratic_supervisor'),
};

/** The item with the roles of MENU_ROLES, unless it declares its own. */
export function withMenuRoles(item: NavItem): NavItem {
  const roles = MENU_ROLES[item.key];
  return roles && !item.roles ? { ...item, roles } : item;
}
