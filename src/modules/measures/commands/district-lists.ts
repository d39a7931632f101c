import type { Executor } from '../../../kernel/db/db.js';
import { measureStore } from '../store/measure.store.js';

export interface ListLine {
  measureId: string;
  role: string;
  subjectName: string;
  status: string;
}

/**
 * The district's follow-up lists of a day: for every owner (街道干部, 社区干部, 民警, 医生), the people
 * under open measures it owns and the day's status — one query over the day's follow-ups, grouped here.
 * What each owner's 今日随访 shows, for every owner at once (the day's work sheet; bench/measures).
 */
export async function districtFollowUpLists(
  ex: Executor,
  districtCode: string,
  day: string,
): Promise<Map<string, ListLine[]>> {
  const lists = new Map<string, ListLine[]>();
  for (const r of await measureStore.dueListsOfDistrict(ex, districtCode, day)) {
    let list = lists.get(r.account_id);
    if (!list) lists.set(r.account_id, (list = []));
    list.push({ measureId: r.measure_id, role: r.role, subjectName: r.subject_name, status: r.status });
  }
  return lists;
}
