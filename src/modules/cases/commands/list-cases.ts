import type { Actor } from '../../../kernel/auth/actor.js';
import type { ListCasesQuery } from '../../../contracts/cases.js';
import type { CasesDeps } from '../deps.js';
import { loadCaseNames, type CasePage } from './case-names.js';
import { caseStore } from '../store/case.store.js';
import { encodeCursor, listFilter } from './case-filter.js';
import { keysetOf, NEWEST_REPORT_FIRST } from '../store/case-order.js';

export async function listCases(deps: CasesDeps, actor: Actor, q: ListCasesQuery): Promise<CasePage> {
  const db = deps.database.db;
  const limit = q.limit ?? 50;
  const filter = await listFilter(deps, actor, q, limit + 1);
  const order = filter.order ?? NEWEST_REPORT_FIRST;
  const rows = await caseStore.list(db, deps.database.dialect, filter);
  const page = rows.slice(0, limit);
  return {
    rows: page,
    names: await loadCaseNames(deps, db, actor.districtCode, page),
    nextCursor: rows.length > limit ? encodeCursor(order, keysetOf(page[page.length - 1], order)) : null,
  };
}
