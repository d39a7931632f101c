import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { Invalid } from '../../../kernel/errors.js';
import type { CompletenessReport, CompletenessRow } from '../../../contracts/measures.js';
import type { MeasuresDeps } from '../deps.js';
import { completenessOf, rateOf, rollUp, type Completeness } from '../domain/measure-rules.js';
import { measureStore } from '../store/measure.store.js';
import { ownedOnly } from './measure-access.js';

/**
 * Follow-up completeness (seen ÷ due) under a unit, one row per community (asked at a community: the
 * community itself), with the total — of every follow-up to date, or of those on a period's days
 * (a measure counts when it has a follow-up on them): the district and the 街道 roll communities up, a community sees
 * its own. The 民警 and the 医生 have no unit to roll up: their measures are on their list.
 */
export async function measureCompleteness(
  deps: MeasuresDeps,
  actor: Actor,
  unitId: string | undefined,
  /** Only the follow-ups of these days (as the dashboard's 随访完成率 of a period); none: every one to date. */
  days?: { from: string; to: string },
): Promise<CompletenessReport> {
  authorize(actor, 'measure.read');
  const ex = deps.database.db;
  const fail = () =>
    new Invalid('measure.unit_unknown', 'no such unit in your scope', [
      { field: 'unitId', code: 'measure.unit_unknown', message: 'no such unit in your scope' },
    ]);
  if (ownedOnly(actor)) throw fail();
  const unit = await deps.org.unit(ex, unitId ?? actor.unitId);
  if (!unit || unit.districtCode !== actor.districtCode || !inScope(actor, unit.path)) throw fail();
  const today = localDateOf(deps.clock.now());
  const rows = await measureStore.completenessRows(ex, { districtCode: actor.districtCode, path: unit.path, days });
  // Counted per measure with the pure rule, then added up per community.
  const perMeasure = new Map<string, { community: string; open: boolean; rows: { day: string; status: string }[] }>();
  for (const r of rows) {
    const m = perMeasure.get(r.id) ?? { community: r.community_id, open: r.measure_status === 'open', rows: [] };
    m.rows.push({ day: r.day, status: r.status });
    perMeasure.set(r.id, m);
  }
  const parts = [...perMeasure.values()].map((m) => ({
    key: m.community,
    counts: completenessOf(m.rows as Parameters<typeof completenessOf>[0], today),
  }));
  const byCommunity = rollUp(parts);
  const measures = new Map<string, { all: number; open: number }>();
  for (const m of perMeasure.values()) {
    const c = measures.get(m.community) ?? { all: 0, open: 0 };
    c.all++;
    if (m.open) c.open++;
    measures.set(m.community, c);
  }
  const kids =
    unit.kind === 'community' || unit.kind === 'village'
      ? [unit]
      : (await deps.org.unitsUnder(ex, actor.districtCode, unit.path, { kind: 'community' }))
          .concat(await deps.org.unitsUnder(ex, actor.districtCode, unit.path, { kind: 'village' }))
          .filter((u) => !u.retiredAt || byCommunity.has(u.id));
  const row = (id: string, name: string, c: Completeness, n: { all: number; open: number }): CompletenessRow => ({
    unitId: id,
    unitName: name,
    measures: n.all,
    open: n.open,
    ...c,
    rate: rateOf(c),
  });
  const zero = { due: 0, seen: 0, missed: 0 };
  const items = kids
    .map((k) => row(k.id, k.name, byCommunity.get(k.id) ?? zero, measures.get(k.id) ?? { all: 0, open: 0 }))
    .filter((r) => r.measures > 0 || kids.length <= 30);
  const total = rollUp([...byCommunity.values()].map((counts) => ({ key: 'all', counts }))).get('all') ?? zero;
  const n = [...measures.values()].reduce((a, b) => ({ all: a.all + b.all, open: a.open + b.open }), {
    all: 0,
    open: 0,
  });
  return {
    asOf: today,
    from: days?.from ?? null,
    to: days?.to ?? null,
    unit: { id: unit.id, name: unit.name },
    total: row(unit.id, unit.name, total, n),
    rows: items,
  };
}
