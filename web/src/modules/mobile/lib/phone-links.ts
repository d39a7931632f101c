/** What the phone's 待办 strip needs to know of the account: its phone mode and permissions. */
export interface PhoneAbilities {
  /** The crew's 处置通 (/m/crew) or the grid worker's pages (/m). */
  mode: 'grid' | 'crew';
  permissions: readonly string[];
}

/**
 * The phone page of a 工作台 link (a console address, `GET /api/v1/workbench`) where the phone has
 * one: the ledger's waiting cases are the crew's 待处置 or the grid worker's 待核查, follow-ups
 * 今日随访, a branch's weekly report 支部周报, venues 场所检查, door-knocking 敲门. Anything else
 * keeps its console address (the console opens on the phone too).
 */
export function phoneLinkOf(link: string, who: PhoneAbilities): string {
  const path = link.split('?')[0]!;
  const has = (p: string) => who.permissions.includes(p);
  if (path === '/cases') {
    if (!new URLSearchParams(link.split('?')[1] ?? '').has('waiting')) return link;
    return who.mode === 'crew' ? '/m/crew' : '/m/verify';
  }
  if (path.startsWith('/measures') && has('followup.record')) return '/m/followups';
  if (path === '/stars/weekly' && has('star.report')) return '/m/weekly';
  if (path.startsWith('/venues') && has('venue.inspect')) return '/m/venues';
  if (path.startsWith('/door-knocking') && has('resident.write')) return '/m/knock';
  return link;
}
