import type { Executor } from '../../../kernel/db/db.js';
import type { CaseActionTable, CaseTable } from '../../../kernel/db/schema.js';
import { recordFromJson, type CaseActor } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import type { UnitRef } from '../../org/index.js';
import { categoryCache } from '../store/category-cache.js';

/** Names of the units and categories the presented cases refer to (id → name, code → name). */
export interface CaseNames {
  units: ReadonlyMap<string, string>;
  categories: ReadonlyMap<string, string>;
}

/** One case as loaded for its reply: the row, its actions, the caller and the names they refer to. */
export interface CaseView {
  actor: CaseActor;
  row: CaseTable;
  actions: CaseActionTable[];
  names: CaseNames;
}

/** A page of the ledger as loaded for its reply. */
export interface CasePage {
  rows: CaseTable[];
  names: CaseNames;
  nextCursor: string | null;
}

/**
 * Names of the units and categories cases refer to: the units in one query (none for those the
 * caller already holds), the categories from the district's cached list.
 */
export async function loadCaseNames(
  deps: CasesDeps,
  ex: Executor,
  districtCode: string,
  rows: CaseTable[],
  extraUnitIds: (string | null)[] = [],
  known?: ReadonlyMap<string, UnitRef>,
): Promise<CaseNames> {
  const ids = [
    ...rows.flatMap((r) => [r.grid_id, r.community_id, r.subdistrict_id, r.assigned_unit_id]),
    ...extraUnitIds,
  ].filter((x): x is string => !!x);
  const missing = known ? ids.filter((id) => !known.has(id)) : ids;
  const units = new Map([...(known ?? [])].map(([id, u]) => [id, u.name]));
  if (missing.length) for (const [id, u] of await deps.org.unitsByIds(ex, missing)) units.set(id, u.name);
  const categories = (await categoryCache(deps.database.db).get(ex, districtCode)).byCode;
  return { units, categories: new Map([...categories].map(([code, c]) => [code, c.name])) };
}

/** What the reply of one case needs; `known` are unit rows the caller already holds (e.g. from locating a new report). */
export async function loadCaseView(
  deps: CasesDeps,
  ex: Executor,
  actor: CaseActor,
  row: CaseTable,
  actions: CaseActionTable[],
  known?: ReadonlyMap<string, UnitRef>,
): Promise<CaseView> {
  const unitIds = actions.map((a) => recordFromJson(a.record).unitId);
  return { actor, row, actions, names: await loadCaseNames(deps, ex, row.district_code, [row], unitIds, known) };
}
