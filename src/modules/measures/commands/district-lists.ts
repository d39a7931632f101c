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
 * under open measures it owns and the day's status — one query over the day's follow-ups (one row per
 * measure, its owners on it), grouped and
 * ordered here (a sort of each owner's few hundred lines, not of the district's 200,000 in the database).
 * What each owner's 今日随访 shows, for every owner at once (the day's work sheet; bench/measures).
 */
export async function districtFollowUpLists(
  ex: Executor,
  districtCode: string,
  day: string,
): Promise<Map<string, ListLine[]>> {
  const lists = new Map<string, ListLine[]>();
  const add = (account: string, line: ListLine) => {
    let list = lists.get(account);
    if (!list) lists.set(account, (list = []));
    list.push(line);
  };
  for (const r of await measureStore.dueOfDistrict(ex, districtCode, day)) {
    const line = (role: string): ListLine => ({
      measureId: r.measure_id,
      role,
      subjectName: r.subject_name,
      status: r.status,
    });
    add(r.owner_subdistrict, line('subdistrict'));
    add(r.owner_community, line('community'));
    add(r.owner_police, line('police'));
    add(r.owner_doctor, line('doctor'));
  }
  // Each owner's list by name (code-point order, as the owners' 今日随访 is; stable by measure).
  const byName = (a: ListLine, b: ListLine) =>
    a.subjectName < b.subjectName ? -1 : a.subjectName > b.subjectName ? 1 : a.measureId < b.measureId ? -1 : 1;
  for (const list of lists.values()) list.sort(byName);
  return lists;
}
