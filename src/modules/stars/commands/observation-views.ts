import { inScope, type Actor } from '../../../kernel/auth/actor.js';
import { addDays } from '../../../kernel/calendar/index.js';
import type { ObservationDetail, ObservationSummary } from '../../../contracts/stars-cycle.js';
import type { CycleDeps } from '../cycle-deps.js';
import { branchAverages } from '../domain/observation-scores.js';
import { observationStore, type ObservationRow } from '../store/observation.store.js';
import { calendarFor, fieldProblem, todayOf } from './cycle-access.js';
import { scoresObservation, visibleObservation } from './observations.js';

async function summaries(deps: CycleDeps, rows: ObservationRow[]): Promise<ObservationSummary[]> {
  const db = deps.database.db;
  const ids = rows.map((r) => r.id);
  const [branches, visitors, scores] = await Promise.all([
    observationStore.branches(db, ids),
    observationStore.visitors(db, ids),
    observationStore.scores(db, ids),
  ]);
  const units = await deps.org.unitsByIds(db, [...new Set(rows.flatMap((r) => [r.host_unit_id, r.place_branch_id]))]);
  const count = <T extends { observation_id: string }>(xs: T[], id: string) =>
    xs.filter((x) => x.observation_id === id).length;
  return rows.map((r) => ({
    id: r.id,
    day: r.day,
    title: r.title,
    hostUnitId: r.host_unit_id,
    hostName: units.get(r.host_unit_id)?.name ?? '',
    placeBranchId: r.place_branch_id,
    placeName: units.get(r.place_branch_id)?.name ?? '',
    branchCount: count(branches, r.id),
    visitorCount: count(visitors, r.id),
    attendees: r.attendees,
    scored: count(scores, r.id),
  }));
}

/** Events held in the caller's scope or visiting a branch in it, days [from, to] (default: the last year). */
export async function listObservations(
  deps: CycleDeps,
  actor: Actor,
  q: { from?: string; to?: string },
): Promise<ObservationSummary[]> {
  const db = deps.database.db;
  const today = todayOf(deps, await calendarFor(deps, db, actor.districtCode));
  const to = q.to ?? addDays(today, 90);
  const from = q.from ?? addDays(today, -365);
  if (to < from) throw fieldProblem('to', 'weekly.period_reversed');
  return summaries(deps, await observationStore.visible(db, actor.districtCode, actor.scopePath, from, to));
}

/**
 * One event: its visited branches with each one's average, the visitors and every score. A reader
 * below the host (a community) sees the event and its scores only for the branches in their scope.
 */
export async function getObservation(deps: CycleDeps, actor: Actor, id: string): Promise<ObservationDetail> {
  const db = deps.database.db;
  const o = await visibleObservation(db, actor, id);
  const [summary] = await summaries(deps, [o]);
  const whole = inScope(actor, o.host_path);
  const branchRows = (await observationStore.branches(db, [id])).filter((b) => whole || inScope(actor, b.branch_path));
  const shown = new Set(branchRows.map((b) => b.branch_id));
  const scores = (await observationStore.scores(db, [id])).filter((s) => shown.has(s.branch_id));
  const visitors = await observationStore.visitors(db, [id]);
  const units = await deps.org.unitsByIds(
    db,
    branchRows.map((b) => b.branch_id),
  );
  const parentIds = branchRows.map((b) => b.branch_path.split('/').filter(Boolean).slice(-2, -1)[0] ?? '');
  const parents = await deps.org.unitsByIds(db, parentIds);
  const averages = new Map(
    branchAverages(
      branchRows.map((b) => b.branch_id),
      scores.map((s) => ({ visitorId: s.visitor_id, branchId: s.branch_id, score: s.score })),
    ).map((a) => [a.branchId, a] as const),
  );
  return {
    ...summary!,
    note: o.note,
    createdByName: o.created_by_name,
    createdAt: o.created_at,
    canScore: scoresObservation(actor, o),
    branches: branchRows.map((b, i) => ({
      branchId: b.branch_id,
      branchName: units.get(b.branch_id)?.name ?? '',
      parentName: parents.get(parentIds[i]!)?.name ?? '',
      average: averages.get(b.branch_id)?.average ?? null,
      count: averages.get(b.branch_id)?.count ?? 0,
    })),
    visitors: visitors.map((v) => ({ id: v.id, accountId: v.account_id, name: v.name })),
    scores: scores.map((s) => ({
      visitorId: s.visitor_id,
      branchId: s.branch_id,
      score: s.score,
      remark: s.remark,
    })),
  };
}
