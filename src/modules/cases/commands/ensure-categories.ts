import type { Database } from '../../../kernel/db/db.js';
import type { OrgApi } from '../../org/index.js';
import { CATEGORY_SEED } from '../data/categories.data.js';
import { categoryCache } from '../store/category-cache.js';
import { caseStore } from '../store/case.store.js';
import type { CaseCategoryTable } from '../../../kernel/db/schema.js';

/**
 * Inserts the shipped categories a district does not have yet (idempotent; admins' edits survive).
 * Default responsible units are matched by name among the district's departments and outside units.
 */
export async function ensureCategories(
  database: Database,
  org: Pick<OrgApi, 'dispatchTargets'>,
  districtCode: string,
  now: Date,
): Promise<number> {
  const db = database.db;
  const existing = new Set(await caseStore.categoryCodes(db, districtCode));
  const units = await org.dispatchTargets(db, districtCode);
  const unitByName = new Map(units.map((u) => [u.name, u.id]));
  const rows: CaseCategoryTable[] = [];
  let sort = 0;
  for (const g of CATEGORY_SEED) {
    sort += 100;
    if (!existing.has(g.code)) {
      rows.push({
        district_code: districtCode,
        code: g.code,
        parent_code: null,
        name: g.name,
        level: 1,
        source: g.source,
        time_limit_value: null,
        time_limit_unit: null,
        default_unit_id: null,
        duplicate_radius_m: 250,
        active: 1,
        sort_order: sort,
        updated_at: now.toISOString(),
      });
    }
    g.items.forEach((c, i) => {
      if (existing.has(c.code)) return;
      rows.push({
        district_code: districtCode,
        code: c.code,
        parent_code: g.code,
        name: c.name,
        level: 2,
        source: g.source,
        time_limit_value: c.limit?.value ?? null,
        time_limit_unit: c.limit?.unit ?? null,
        default_unit_id: (c.defaultUnit && unitByName.get(c.defaultUnit)) || null,
        duplicate_radius_m: c.duplicateRadius ?? 250,
        active: 1,
        sort_order: sort + i + 1,
        updated_at: now.toISOString(),
      });
    });
  }
  await caseStore.insertCategories(db, rows);
  if (rows.length) categoryCache(db).invalidate();
  return rows.length;
}
