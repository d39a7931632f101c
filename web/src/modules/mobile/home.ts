import type { Me } from '../auth/api';

/**
 * Each role's page on a phone: the grid worker's /m (上报, 我的网格, 核查), the handling crew's
 * 处置通 at /m/crew (签收, 处置反馈, 延期, 退回), 四包一's police officer and doctor 今日随访 at
 * /m/followups; null for office roles, whose home is the console's.
 * A 街道 or 社区 clerk reaches 处置通 from the console when a case is dispatched to them.
 */
export function phoneHomeOf(me: Pick<Me, 'roles'>): string | null {
  if (me.roles.includes('grid_worker')) return '/m';
  if (me.roles.includes('unit_handler')) return '/m/crew';
  if (me.roles.includes('police_officer') || me.roles.includes('doctor')) return '/m/followups';
  return null;
}

/** An account whose only phone page is 今日随访 (四包一's 民警 and 医生: no grid, no cases). */
export function isFollowUpOnly(me: Pick<Me, 'roles'>): boolean {
  return me.roles.length > 0 && me.roles.every((r) => r === 'police_officer' || r === 'doctor');
}

/** An account whose only phone page is 处置通 (no grid to patrol). */
export function isCrewOnly(me: Pick<Me, 'roles'>): boolean {
  return phoneHomeOf(me) === '/m/crew';
}
