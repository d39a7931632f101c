import { sql } from 'kysely';
import type { Executor } from '../../kernel/db/db.js';

/** How often a cache asks the database whether another process changed units or accounts. */
const RECHECK_MS = 5_000;

/** Bumped by every write to units or accounts in this process (org's stores): caches drop what they hold. */
let writes = 0;

/** Called by the org stores on every write to units or accounts. */
export function orgChanged(): void {
  writes++;
}

export interface CachedUnit {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  path: string;
  district_code: string;
  status: string;
}

export interface CachedAccount {
  id: string;
  unitId: string;
  roles: string[];
}

/**
 * Units and the active accounts of a unit, as other modules ask for them on every report and step
 * (the located grid and its ancestors, the names in a reply, the addressees of a notice). Three or
 * four lookups a report were 10–15 % of its time in bench/ledger; they change a few times a month.
 *
 * Filled lazily, by id. A write in this process (orgChanged) empties it at once; a write in another
 * process sharing a PostgreSQL database is noticed within RECHECK_MS through the tables' row counts
 * and latest updated_at (every org write sets updated_at), as the category and calendar caches do,
 * and so is a write that was read through the cache inside its transaction and then rolled back.
 */
export class DirectoryCache {
  private readonly units = new Map<string, CachedUnit>();
  private readonly accountsByUnit = new Map<string, CachedAccount[]>();
  private seenWrites = writes;
  private version: string | null = null;
  private checkedAt = -Infinity;

  constructor(
    private readonly recheckMs = RECHECK_MS,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** Units by id (those that exist). */
  async unitsByIds(ex: Executor, ids: readonly string[]): Promise<Map<string, CachedUnit>> {
    await this.fresh(ex);
    const out = new Map<string, CachedUnit>();
    const missing = new Set<string>();
    for (const id of ids) {
      const hit = this.units.get(id);
      if (hit) out.set(id, hit);
      else missing.add(id);
    }
    if (missing.size) {
      const seen = writes;
      const rows = await ex
        .selectFrom('units')
        .select(['id', 'kind', 'name', 'code', 'path', 'district_code', 'status'])
        .where('id', 'in', [...missing])
        .execute();
      for (const r of rows) {
        out.set(r.id, r);
        if (seen === writes) this.units.set(r.id, r);
      }
    }
    return out;
  }

  /** The active accounts whose unit is one of `unitIds`. */
  async activeAccountsOf(ex: Executor, unitIds: readonly string[]): Promise<CachedAccount[]> {
    await this.fresh(ex);
    const missing = [...new Set(unitIds)].filter((id) => !this.accountsByUnit.has(id));
    if (missing.length) {
      const seen = writes;
      const rows = await ex
        .selectFrom('accounts')
        .select(['id', 'roles', 'unit_id'])
        .where('unit_id', 'in', missing)
        .where('disabled', '=', 0)
        .execute();
      const byUnit = new Map<string, CachedAccount[]>(missing.map((id) => [id, []]));
      for (const r of rows)
        byUnit.get(r.unit_id)!.push({ id: r.id, unitId: r.unit_id, roles: JSON.parse(r.roles) as string[] });
      if (seen === writes) for (const [id, list] of byUnit) this.accountsByUnit.set(id, list);
      else return [...new Set(unitIds)].flatMap((id) => byUnit.get(id) ?? this.accountsByUnit.get(id) ?? []);
    }
    return [...new Set(unitIds)].flatMap((id) => this.accountsByUnit.get(id)!);
  }

  private async fresh(ex: Executor): Promise<void> {
    if (this.seenWrites !== writes) {
      // Read the fingerprint again now: if the write is still in an open transaction that later rolls
      // back, what was cached meanwhile no longer matches it, and is dropped at the next recheck.
      this.clear();
      this.seenWrites = writes;
      this.version = null;
      this.checkedAt = -Infinity;
    }
    const now = this.nowMs();
    if (now - this.checkedAt < this.recheckMs) return;
    const seen = writes;
    const r = await sql<{
      v: string;
    }>`SELECT (SELECT count(*) FROM units) || ':' || coalesce((SELECT max(updated_at) FROM units), '')
      || ':' || (SELECT count(*) FROM accounts) || ':' || coalesce((SELECT max(updated_at) FROM accounts), '') AS v`.execute(
      ex,
    );
    const version = r.rows[0].v;
    if (version !== this.version) this.clear();
    if (seen === writes) {
      this.version = version;
      this.checkedAt = now;
    }
  }

  private clear(): void {
    this.units.clear();
    this.accountsByUnit.clear();
  }
}

const byDb = new WeakMap<object, DirectoryCache>();

/** The directory cache of one database (keyed by its Kysely instance: tests open several at once). */
export function directoryCache(db: object): DirectoryCache {
  let c = byDb.get(db);
  if (!c) byDb.set(db, (c = new DirectoryCache()));
  return c;
}
