import type { Executor } from '../../../kernel/db/db.js';
import type { CaseCategoryTable } from '../../../kernel/db/schema.js';
import { caseStore } from './case.store.js';

/** How often a cached category list asks whether another process changed it. */
const RECHECK_MS = 5_000;

export interface DistrictCategories {
  /** In the ledger's order (sort_order, code). */
  list: CaseCategoryTable[];
  byCode: ReadonlyMap<string, CaseCategoryTable>;
}

interface Entry {
  value: DistrictCategories;
  version: string;
  checkedAt: number;
}

/**
 * A district's categories (a few dozen rows, edited a few times a year), read on every report,
 * step and ledger page. Writers here call invalidate(); another process's edit is noticed through
 * the rows' count and latest updated_at within RECHECK_MS.
 */
class CategoryCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  async get(ex: Executor, districtCode: string): Promise<DistrictCategories> {
    const hit = this.entries.get(districtCode);
    const now = performance.now();
    if (hit && now - hit.checkedAt < RECHECK_MS) return hit.value;
    const generation = this.generation;
    const version = await caseStore.categoriesVersion(ex, districtCode);
    if (hit && hit.version === version) {
      hit.checkedAt = now;
      return hit.value;
    }
    const list = await caseStore.categories(ex, districtCode);
    const value = { list, byCode: new Map(list.map((c) => [c.code, c])) };
    if (generation === this.generation) this.entries.set(districtCode, { value, version, checkedAt: now });
    return value;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }
}

const byDb = new WeakMap<object, CategoryCache>();

/** The category cache of one database (keyed by its Kysely instance: tests open several at once). */
export function categoryCache(db: object): CategoryCache {
  let c = byDb.get(db);
  if (!c) byDb.set(db, (c = new CategoryCache()));
  return c;
}
