import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { BranchRates, RateRecords, RateSource } from '../../../contracts/stars.js';
import type { StarsDeps } from '../deps.js';
import { measuredDays, quarterOfDay } from '../domain/rate-quarter.js';
import { rateValueStore } from '../store/rate-value.store.js';
import { localDay, parentOf, quarterSpan } from './refresh-rates.js';

/** The rates a computed indicator may name, for the set editor. */
export function rateSources(deps: StarsDeps): { items: RateSource[] } {
  return { items: deps.rateSources.map((s) => ({ code: s.code, label: s.label })) };
}

/**
 * The rates kept for a branch in scope and a quarter (the current one by default), with the
 * community or village they were measured over. A branch outside scope answers as not found.
 */
export async function branchRates(
  deps: StarsDeps,
  actor: Actor,
  branchId: string,
  q: { quarter?: string },
): Promise<BranchRates> {
  const db = deps.database.db;
  const branch = await deps.org.unit(db, branchId);
  if (
    !branch ||
    branch.kind !== 'party_branch' ||
    branch.districtCode !== actor.districtCode ||
    !branch.path.startsWith(actor.scopePath)
  )
    throw new NotFound('branch', branchId);
  const quarter = q.quarter ?? quarterOfDay(localDay(deps, deps.clock.now()));
  const parent = await deps.org.unit(db, parentOf(branch.path).id);
  const labels = new Map(deps.rateSources.map((s) => [s.code, s.label]));
  const rows = await rateValueStore.rowsOf(db, branch.id, quarter);
  return {
    branchId: branch.id,
    branchName: branch.name,
    quarter,
    measuredOver: parent ? { unitId: parent.id, unitName: parent.name } : null,
    rates: rows.map((r) => ({
      source: r.source,
      label: labels.get(r.source) ?? null,
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      rate: Number(r.denominator) === 0 ? null : Number(r.numerator) / Number(r.denominator),
      computedAt: r.computed_at,
    })),
  };
}

/**
 * The records behind one rate of a branch in scope for a quarter, measured now over its community or
 * village up to today (the drill-down of a kept value). Only for a caller whose scope holds that
 * community: a branch secretary sees the figure, not the community's case descriptions.
 */
export async function rateRecords(
  deps: StarsDeps,
  actor: Actor,
  params: { id: string; source: string },
  q: { quarter?: string; limit: number },
): Promise<RateRecords> {
  const db = deps.database.db;
  const branch = await deps.org.unit(db, params.id);
  if (
    !branch ||
    branch.kind !== 'party_branch' ||
    branch.districtCode !== actor.districtCode ||
    !branch.path.startsWith(actor.scopePath)
  )
    throw new NotFound('branch', params.id);
  const parent = await deps.org.unit(db, parentOf(branch.path).id);
  if (!parent || !parent.path.startsWith(actor.scopePath)) throw new NotFound('branch', params.id);
  const source = deps.rateSources.find((s) => s.code === params.source);
  if (!source) throw new NotFound('rate_source', params.source);
  const now = deps.clock.now();
  const quarter = q.quarter ?? quarterOfDay(localDay(deps, now));
  const head = {
    branchId: branch.id,
    quarter,
    source: source.code,
    label: source.label,
    measuredOver: { unitId: parent.id, unitName: parent.name },
  };
  const days = measuredDays(quarter, localDay(deps, now));
  if (!source.records || !days) return { ...head, offered: !!source.records, items: [] };
  const query = {
    districtCode: actor.districtCode,
    unitId: parent.id,
    unitPath: parent.path,
    ...quarterSpan(deps, days),
  };
  return { ...head, offered: true, items: await source.records(db, query, q.limit) };
}
