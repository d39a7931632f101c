import type { Actor } from '../../../kernel/auth/actor.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';

/** The district's case categories in their order, with the names of their default responsible units. */
export async function listCategories(deps: CasesDeps, actor: Actor) {
  const db = deps.database.db;
  const rows = await caseStore.categories(db, actor.districtCode);
  const units = await deps.org.unitsByIds(
    db,
    rows.map((r) => r.default_unit_id).filter((x): x is string => !!x),
  );
  return { rows, unitNames: new Map([...units].map(([id, u]) => [id, u.name])) };
}
