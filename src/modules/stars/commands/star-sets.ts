import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { StarSetTable } from '../../../kernel/db/schema.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { BranchKind, StarDefinition, StarSetInput, StarSetView } from '../../../contracts/stars.js';
import { BRANCH_KINDS } from '../../../contracts/stars.js';
import { DEFAULT_STAR_SETS } from '../domain/default-sets.js';
import { quarterOf } from '../domain/quarters.js';
import { setInForce, type StoredSet } from '../domain/star-set.js';
import type { StarsDeps } from '../deps.js';
import { starSetStore } from '../store/star-set.store.js';

/** The quarter the default sets are in force from: before any rating, so every quarter has a set. */
export const DEFAULT_SETS_FROM = '2000-Q1';

const stored = (r: StarSetTable): StoredSet & { row: StarSetTable } => ({
  id: r.id,
  branchKind: r.branch_kind as BranchKind,
  version: r.version,
  effectiveFrom: r.effective_from,
  stars: JSON.parse(r.definition) as StarDefinition[],
  row: r,
});

export function presentStarSet(r: StarSetTable): StarSetView {
  return {
    id: r.id,
    branchKind: r.branch_kind as BranchKind,
    version: r.version,
    effectiveFrom: r.effective_from,
    stars: JSON.parse(r.definition) as StarDefinition[],
    note: r.note,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

/** The sets each kind of branch is rated on in `quarter` (for the other parts of the module). */
export async function setsInForce(
  ex: Executor,
  districtCode: string,
  quarter: string,
): Promise<Record<BranchKind, StoredSet | null>> {
  const all = (await starSetStore.versions(ex, districtCode)).map(stored);
  const pick = (kind: BranchKind) => {
    const s = setInForce(
      all.filter((v) => v.branchKind === kind),
      quarter,
    );
    return s
      ? { id: s.id, branchKind: s.branchKind, version: s.version, effectiveFrom: s.effectiveFrom, stars: s.stars }
      : null;
  };
  return { village: pick('village'), urban: pick('urban') };
}

/** The sets in force in a quarter (this one by default) and every version kept. */
export async function listStarSets(deps: StarsDeps, actor: Actor, quarter?: string) {
  const db = deps.database.db;
  const q = quarter ?? quarterOf(localDateOf(deps.clock.now()));
  const rows = await starSetStore.versions(db, actor.districtCode);
  const inForce = await setsInForce(db, actor.districtCode, q);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const view = (s: StoredSet | null) => (s ? presentStarSet(byId.get(s.id)!) : null);
  return {
    quarter: q,
    village: view(inForce.village),
    urban: view(inForce.urban),
    versions: rows.map((r) => ({
      id: r.id,
      branchKind: r.branch_kind as BranchKind,
      version: r.version,
      effectiveFrom: r.effective_from,
      note: r.note,
      createdByName: r.created_by_name,
      createdAt: r.created_at,
    })),
  };
}

export async function getStarSet(deps: StarsDeps, actor: Actor, id: string): Promise<StarSetView> {
  const r = await starSetStore.byId(deps.database.db, actor.districtCode, id);
  if (!r) throw new NotFound('star_set', id);
  return presentStarSet(r);
}

/**
 * Saves a revised set as a new version (the old ones stay: a quarter already rated keeps the set it
 * was rated on). It may take effect from this quarter on, never from a past one.
 */
export async function saveStarSet(
  deps: StarsDeps,
  actor: Actor,
  body: StarSetInput,
  rateCodes: ReadonlySet<string>,
  requestId?: string,
): Promise<string> {
  const now = deps.clock.now();
  const current = quarterOf(localDateOf(now));
  const problems = [];
  if (body.effectiveFrom < current)
    problems.push({
      field: 'effectiveFrom',
      code: 'star_set.effective_past',
      params: { quarter: current },
      message: `a new version takes effect from ${current} or later`,
    });
  body.stars.forEach((s, i) =>
    s.indicators.forEach((ind, j) => {
      if (ind.kind === 'computed' && ind.source && !rateCodes.has(ind.source))
        problems.push({
          field: `stars[${i}].indicators[${j}].source`,
          code: 'star_set.unknown_source',
          params: { source: ind.source },
          message: `no rate ${ind.source}`,
        });
    }),
  );
  if (problems.length) throw new Invalid('stars.invalid_set', problems[0].message, problems);
  return deps.database.db.transaction().execute(async (trx) => {
    const version = (await starSetStore.lastVersion(trx, actor.districtCode, body.branchKind)) + 1;
    const id = newId(now.getTime());
    await starSetStore.insert(trx, {
      id,
      district_code: actor.districtCode,
      branch_kind: body.branchKind,
      version,
      effective_from: body.effectiveFrom,
      definition: JSON.stringify(body.stars),
      note: body.note ?? null,
      created_by: actor.accountId,
      created_by_name: actor.displayName,
      created_at: now.toISOString(),
    });
    await recordAudit(trx, {
      actor,
      action: 'star_set.save',
      entityType: 'star_set',
      entityId: id,
      at: now,
      requestId,
      summary: `「五星」支部星级标准（${body.branchKind === 'village' ? '行政村' : '城市社区'}）第 ${version} 版，自 ${body.effectiveFrom} 起执行`,
    });
    return id;
  });
}

/** At every start: a district without a set of a kind gets the default one (idempotent). */
export async function ensureDefaultSets(deps: StarsDeps, districtCode: string): Promise<number> {
  const db = deps.database.db;
  let added = 0;
  for (const kind of BRANCH_KINDS) {
    if ((await starSetStore.lastVersion(db, districtCode, kind)) > 0) continue;
    await starSetStore.insert(db, {
      id: newId(deps.clock.now().getTime()),
      district_code: districtCode,
      branch_kind: kind,
      version: 1,
      effective_from: DEFAULT_SETS_FROM,
      definition: JSON.stringify(DEFAULT_STAR_SETS[kind]),
      note: '系统预置标准',
      created_by: 'system',
      created_by_name: '系统预置',
      created_at: deps.clock.now().toISOString(),
    });
    added++;
  }
  return added;
}
