import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { Invalid } from '../../../kernel/errors.js';
import { visibleCaseRef, type CaseRef } from '../../cases/index.js';
import type { PatrolListQuery } from '../../../contracts/patrols.js';
import type { PatrolsDeps } from '../deps.js';
import { decodeTrack, type TrackPoint } from '../domain/track-codec.js';
import {
  patrolStore,
  type PatrolCaseRow,
  type PatrolPersonRow,
  type PatrolRow,
  type PatrolUnitRow,
} from '../store/patrol.store.js';
import { loadVisiblePatrol } from './patrol-access.js';

export interface PatrolView {
  row: PatrolRow;
  units: PatrolUnitRow[];
  people: PatrolPersonRow[];
  cases: number;
}

/** A unit of the query in the caller's scope (or their own unit), else a field problem. */
export async function scopeUnit(deps: PatrolsDeps, actor: Actor, unitId: string | undefined, field = 'unitId') {
  const u = await deps.org.unit(deps.database.db, unitId ?? actor.unitId);
  if (!u || u.districtCode !== actor.districtCode || !inScope(actor, u.path))
    throw new Invalid('patrol.unit_not_patrollable', 'unit outside your scope', [
      { field, code: 'patrol.unit_not_patrollable', message: 'unit outside scope' },
    ]);
  return u;
}

async function views(deps: PatrolsDeps, rows: PatrolRow[]): Promise<PatrolView[]> {
  const ex = deps.database.db;
  const ids = rows.map((r) => r.id);
  const [units, people, cases] = await Promise.all([
    patrolStore.unitsOf(ex, ids),
    patrolStore.peopleOf(ex, ids),
    patrolStore.caseCounts(ex, ids),
  ]);
  return rows.map((row) => ({
    row,
    units: units.get(row.id) ?? [],
    people: people.get(row.id) ?? [],
    cases: cases.get(row.id) ?? 0,
  }));
}

/** Patrols in the caller's view (their scope's, and their own), newest first. */
export async function listPatrols(deps: PatrolsDeps, actor: Actor, q: PatrolListQuery): Promise<PatrolView[]> {
  authorize(actor, 'patrol.read');
  const unit = q.unitId ? await scopeUnit(deps, actor, q.unitId) : null;
  const rows = await patrolStore.list(deps.database.db, {
    districtCode: actor.districtCode,
    scopePath: actor.scopePath,
    viewerId: actor.accountId,
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(unit ? { unitPath: unit.path } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.recorderId ? { recorderId: q.recorderId } : {}),
    ...(q.far ? { far: q.far === 'true' } : {}),
    limit: q.limit,
  });
  return views(deps, rows);
}

/** The caller's patrol under way, if any (the phone resumes it). */
export async function activePatrol(deps: PatrolsDeps, actor: Actor): Promise<PatrolView | null> {
  authorize(actor, 'patrol.record');
  const row = await patrolStore.activeOf(deps.database.db, actor.accountId);
  return row ? (await views(deps, [row]))[0]! : null;
}

export interface PatrolDetailView extends PatrolView {
  track: TrackPoint[];
  caseLinks: { link: PatrolCaseRow; ref: CaseRef | null }[];
  canRecord: boolean;
}

/** One patrol with its whole track and the cases linked to it (a case the caller cannot see shows by number only). */
export async function getPatrol(deps: PatrolsDeps, actor: Actor, id: string): Promise<PatrolDetailView> {
  authorize(actor, 'patrol.read');
  const ex = deps.database.db;
  const row = await loadVisiblePatrol(ex, actor, id);
  const [view] = await views(deps, [row]);
  const chunks = await patrolStore.chunksOf(ex, [id]);
  const links = await patrolStore.casesOf(ex, id);
  return {
    ...view!,
    track: chunks.flatMap((c) => decodeTrack(c.data)),
    caseLinks: await Promise.all(
      links.map(async (link) => ({ link, ref: await visibleCaseRef(ex, actor, link.case_id) })),
    ),
    canRecord: row.recorder_id === actor.accountId && row.status === 'active',
  };
}
