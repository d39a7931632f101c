import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { newId } from '../../../kernel/ids.js';
import { TargetBody, type Target } from '../../../contracts/campaigns.js';
import type { CampaignsDeps } from '../deps.js';
import { elapsedFraction, periodDays } from '../domain/periods.js';
import { targetStatus } from '../domain/target-status.js';
import { indicatorStore, type TargetRow } from '../store/indicator.store.js';
import { fieldProblem, unitInScope } from './access.js';
import { indicatorValue } from './indicator-figures.js';
import { indicatorOf } from './indicators.js';

/**
 * Sets (or replaces) an indicator's target for a unit in scope and a period: a quantity to reach
 * (at_least), or references to exceed ("两个高于"); the actual is the indicator's sum unless entered here.
 */
export async function setTarget(
  deps: CampaignsDeps,
  actor: Actor,
  input: TargetBody,
  requestId?: string,
): Promise<string> {
  authorize(actor, 'indicator.define');
  const body = TargetBody.parse(input);
  const now = deps.clock.now();
  const db = deps.database.db;
  const indicator = await indicatorOf(deps, actor, body.indicatorId);
  const unit = await unitInScope(deps, db, actor, body.unitId);
  if (body.kind === 'at_least' && (body.value === null || body.value === undefined))
    throw fieldProblem('value', 'target.value_required');
  if (body.kind === 'above_references' && body.references.length === 0)
    throw fieldProblem('references', 'target.references_required');
  return db.transaction().execute(async (trx) => {
    const prior = await indicatorStore.targetByKey(trx, indicator.id, unit.id, body.period);
    const row: TargetRow = {
      id: prior?.id ?? newId(now.getTime()),
      district_code: actor.districtCode,
      indicator_id: indicator.id,
      unit_id: unit.id,
      unit_path: unit.path,
      period: body.period,
      kind: body.kind,
      value: body.kind === 'at_least' ? body.value! : null,
      reference_values: JSON.stringify(body.kind === 'above_references' ? body.references : []),
      actual: body.actual ?? null,
      updated_by: actor.accountId,
      updated_at: now.toISOString(),
    };
    await indicatorStore.upsertTarget(trx, row, !!prior);
    await recordAudit(trx, {
      actor,
      at: now,
      action: 'indicator.target_set',
      entityType: 'indicator_target',
      entityId: row.id,
      summary: `设定${unit.name}“${indicator.name}”${body.period} 目标`,
      ...(prior
        ? { before: { value: prior.value, references: JSON.parse(prior.reference_values), actual: prior.actual } }
        : {}),
      after: { value: row.value, references: body.references, actual: row.actual },
      requestId,
    });
    return row.id;
  });
}

/** Targets under a unit in scope (the caller's when none), with actual, expected share and status today. */
export async function listTargets(
  deps: CampaignsDeps,
  actor: Actor,
  q: { unitId?: string; period?: string },
): Promise<Target[]> {
  authorize(actor, 'indicator.read');
  const db = deps.database.db;
  const unit = await unitInScope(deps, db, actor, q.unitId);
  const rows = await indicatorStore.targets(db, {
    districtCode: actor.districtCode,
    path: unit.path,
    ...(q.period ? { period: q.period } : {}),
  });
  const indicators = new Map((await indicatorStore.list(db, actor.districtCode)).map((i) => [i.id, i]));
  const units = await deps.org.unitsByIds(db, [...new Set(rows.map((r) => r.unit_id))]);
  const today = localDateOf(deps.clock.now());
  const out: Target[] = [];
  for (const r of rows) {
    const indicator = indicators.get(r.indicator_id);
    const u = units.get(r.unit_id);
    if (!indicator || !u) continue;
    const days = periodDays(r.period);
    const elapsed = elapsedFraction(days, today);
    const lastDay = days.lastDay < today ? days.lastDay : today;
    const actual =
      r.actual ??
      (r.kind === 'above_references' || days.firstDay > today
        ? null
        : await indicatorValue(deps, db, indicator, u, days.firstDay, lastDay));
    const references = JSON.parse(r.reference_values) as { label: string; value: number }[];
    const s = targetStatus({ kind: r.kind as Target['kind'], value: r.value, references }, actual, elapsed);
    out.push({
      id: r.id,
      indicatorId: r.indicator_id,
      indicatorName: indicator.name,
      measureUnit: indicator.measure_unit,
      unitId: u.id,
      unitName: u.name,
      period: r.period,
      kind: r.kind as Target['kind'],
      value: r.value,
      references,
      actual,
      actualEntered: r.actual !== null,
      expected: s.expected,
      elapsed: Math.round(elapsed * 1000) / 1000,
      status: s.status,
    });
  }
  return out;
}
