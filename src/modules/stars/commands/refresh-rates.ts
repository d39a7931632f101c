import type { Actor } from '../../../kernel/auth/actor.js';
import { addDays } from '../../../kernel/calendar/dates.js';
import { fixedOffsetMs, formatDay, fromLocal, parseDay, toLocal } from '../../../kernel/calendar/local-time.js';
import type { StarRateValueTable } from '../../../kernel/db/schema.js';
import { Invalid } from '../../../kernel/errors.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import type { RefreshRatesResult } from '../../../contracts/stars.js';
import type { StarsDeps } from '../deps.js';
import { measuredDays, quartersToRefresh } from '../domain/rate-quarter.js';
import { rateValueStore } from '../store/rate-value.store.js';

/** Unit kinds a branch may sit under; its rates are measured over that unit's whole area. */
const BRANCH_PARENTS = new Set(['community', 'village']);

/** The local day of an instant in the district's zone. */
export function localDay(deps: Pick<StarsDeps, 'config'>, at: Date): string {
  return formatDay(toLocal(at, fixedOffsetMs(deps.config.timeZone)).day);
}

/** The path of a unit's parent ('/a/b/c/' → '/a/b/'), and the parent's id. */
export function parentOf(path: string): { id: string; path: string } {
  const cut = path.lastIndexOf('/', path.length - 2) + 1;
  const parentPath = path.slice(0, cut);
  return { id: parentPath.slice(parentPath.lastIndexOf('/', parentPath.length - 2) + 1, -1), path: parentPath };
}

/** The instants [first day 00:00, the day after the last 00:00) of local days, in the district's zone. */
export function quarterSpan(deps: Pick<StarsDeps, 'config'>, days: { first: string; last: string }) {
  const offset = fixedOffsetMs(deps.config.timeZone);
  return {
    from: fromLocal(parseDay(days.first), 0, offset),
    to: fromLocal(parseDay(addDays(days.last, 1)), 0, offset),
  };
}

/**
 * Measures every rate source for every active branch (party_branch) of the district under
 * `scopePath`, over the branch's parent community or village and the quarter's local days up to
 * today, and keeps the values in star_rate_values (replacing those kept before). A quarter not begun
 * measures nothing (null). The rates are read outside any transaction; each branch's values are
 * written together.
 */
export async function refreshRates(
  deps: StarsDeps,
  districtCode: string,
  quarter: string,
  scopePath?: string,
): Promise<RefreshRatesResult | null> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const days = measuredDays(quarter, localDay(deps, now));
  if (!days) return null;
  const { from, to } = quarterSpan(deps, days);
  const root = scopePath ?? (await deps.org.unitByCode(db, districtCode))?.path;
  const result = { quarter, through: days.last, branches: 0, values: 0, skipped: 0 };
  if (!root) return result;
  const branches = (await deps.org.unitsUnder(db, districtCode, root, { kind: 'party_branch' })).filter(
    (b) => !b.retiredAt,
  );
  const parents = await deps.org.unitsByIds(db, [...new Set(branches.map((b) => parentOf(b.path).id))]);
  for (const branch of branches) {
    const parent = parents.get(parentOf(branch.path).id);
    if (!parent || !BRANCH_PARENTS.has(parent.kind)) {
      result.skipped++;
      continue;
    }
    const q = { districtCode, unitId: parent.id, unitPath: parent.path, from, to };
    const computedAt = deps.clock.now().toISOString();
    const rows: StarRateValueTable[] = [];
    for (const source of deps.rateSources) {
      const r = await source.rate(db, q);
      rows.push({
        district_code: districtCode,
        branch_id: branch.id,
        quarter,
        source: source.code,
        numerator: r.numerator,
        denominator: r.denominator,
        computed_at: computedAt,
      });
    }
    await db.transaction().execute((trx) => rateValueStore.upsert(trx, rows));
    result.branches++;
    result.values += rows.length;
  }
  return result;
}

/** POST /stars/rates/refresh: the branches in the actor's scope, for a quarter already begun. */
export async function refreshRatesInScope(
  deps: StarsDeps,
  actor: Actor,
  body: { quarter: string },
): Promise<RefreshRatesResult> {
  const r = await refreshRates(deps, actor.districtCode, body.quarter, actor.scopePath);
  if (!r)
    throw new Invalid('star.quarter_not_begun', `${body.quarter} has not begun`, [
      { field: 'quarter', code: 'star.quarter_not_begun', message: 'the quarter has not begun' },
    ]);
  return r;
}

const HOUR_MS = 3_600_000;
/** The local hour the nightly refresh runs in. */
export const NIGHTLY_HOUR = 2;

/**
 * Nightly, in the 02:00 hour (Asia/Shanghai; an hourly slot, once across processes): every branch of
 * the district for the current quarter, and in a quarter's first 15 days the previous quarter too
 * (late closings and reports of its last days still move its figures). At any other hour it runs only
 * when the current quarter has no kept value yet (a new server, a new quarter), so the rankings never
 * wait a night for their first figures.
 */
export function starRatesJob(deps: StarsDeps): Job {
  return {
    name: 'stars.rates',
    everyMs: HOUR_MS,
    async run(now) {
      const today = localDay(deps, now);
      const hour = Math.floor(toLocal(now, fixedOffsetMs(deps.config.timeZone)).tod / HOUR_MS);
      const quarters = quartersToRefresh(today);
      const districtCode = deps.config.districtCode;
      if (hour !== NIGHTLY_HOUR && (await rateValueStore.hasAny(deps.database.db, districtCode, quarters[0]!)))
        return { skipped: `runs at ${NIGHTLY_HOUR}:00` };
      const out: Record<string, unknown> = {};
      for (const quarter of quarters) out[quarter] = await refreshRates(deps, districtCode, quarter);
      return out;
    },
  };
}
