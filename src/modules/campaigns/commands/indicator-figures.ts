import { authorize, authorizeAny, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { Achievement, Entry, SumsTable } from '../../../contracts/campaigns.js';
import type { UnitRef } from '../../org/index.js';
import type { CampaignsDeps } from '../deps.js';
import { achievementSentence } from '../domain/campaign-rules.js';
import { monthsBetween } from '../domain/periods.js';
import { roundQuantity, rollUpBy } from '../domain/rollup.js';
import { indicatorStore, type EntryRow, type IndicatorRow } from '../store/indicator.store.js';
import { checkDays, unitInScope } from './access.js';
import { computedRecords, computedValue } from './figure-sources.js';
import { indicatorOf, presentIndicator } from './indicators.js';

const MAX_RECORDS = 500;

/** Entries with their indicator's and unit's names. */
export async function presentEntries(deps: CampaignsDeps, ex: Executor, rows: EntryRow[]): Promise<Entry[]> {
  const units = await deps.org.unitsByIds(ex, [...new Set(rows.map((r) => r.unit_id))]);
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.indicator_id)))
    names.set(id, (await indicatorStore.byId(ex, id))?.name ?? '');
  return rows.map((r) => ({
    id: r.id,
    indicatorId: r.indicator_id,
    indicatorName: names.get(r.indicator_id) ?? '',
    unitId: r.unit_id,
    unitName: units.get(r.unit_id)?.name ?? '',
    day: r.day,
    quantity: r.quantity,
    measureUnit: '',
    campaignId: r.campaign_id,
    note: r.note,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
  }));
}

/** Entries under a unit in scope (the caller's when none), newest first. */
export async function listEntries(
  deps: CampaignsDeps,
  actor: Actor,
  q: { indicatorId?: string; unitId?: string; campaignId?: string; from?: string; to?: string },
): Promise<{ items: Entry[]; total: number }> {
  authorize(actor, 'indicator.read');
  const db = deps.database.db;
  const unit = await unitInScope(deps, db, actor, q.unitId);
  const { rows, total } = await indicatorStore.entries(db, {
    districtCode: actor.districtCode,
    path: unit.path,
    ...(q.indicatorId ? { indicatorId: q.indicatorId } : {}),
    ...(q.campaignId ? { campaignId: q.campaignId } : {}),
    ...(q.from ? { firstDay: q.from } : {}),
    ...(q.to ? { lastDay: q.to } : {}),
    limit: MAX_RECORDS,
  });
  const measure = new Map((await indicatorStore.list(db, actor.districtCode)).map((i) => [i.id, i.measure_unit]));
  const items = await presentEntries(deps, db, rows);
  return { items: items.map((e) => ({ ...e, measureUnit: measure.get(e.indicatorId) ?? '' })), total };
}

/** An indicator's value for a unit's subtree over local days [firstDay, lastDay]. */
export async function indicatorValue(
  deps: CampaignsDeps,
  ex: Executor,
  indicator: IndicatorRow,
  unit: UnitRef,
  firstDay: string,
  lastDay: string,
): Promise<number> {
  if (indicator.kind === 'computed') return computedValue(deps, ex, indicator, unit, firstDay, lastDay);
  const totals = await indicatorStore.totals(ex, {
    districtCode: unit.districtCode,
    path: unit.path,
    firstDay,
    lastDay,
    indicatorIds: [indicator.id],
  });
  return roundQuantity(totals.get(indicator.id) ?? 0);
}

const monthEnd = (m: string) => {
  const [y, mm] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return new Date(Date.UTC(y, mm, 0)).toISOString().slice(0, 10);
};

/**
 * One indicator by unit × month: the rows are the unit's children (each entry counted at the child it
 * lies under, once), the total row the unit itself — which also holds entries recorded at the unit.
 */
export async function indicatorSums(
  deps: CampaignsDeps,
  actor: Actor,
  indicatorId: string,
  q: { unitId?: string; from: string; to: string },
): Promise<SumsTable> {
  authorize(actor, 'indicator.read');
  const db = deps.database.db;
  const indicator = await indicatorOf(deps, actor, indicatorId, 'indicatorId');
  const unit = await unitInScope(deps, db, actor, q.unitId);
  checkDays(q.from, q.to);
  const months = monthsBetween(q.from, q.to, 24);
  const children = await deps.org.children(db, unit.id);
  const nodes = [unit, ...children];
  let values: Map<string, number[]>;
  if (indicator.kind === 'entered') {
    const grouped = await indicatorStore.sumsByPathAndMonth(db, {
      districtCode: actor.districtCode,
      indicatorId: indicator.id,
      path: unit.path,
      firstDay: `${months[0]}-01`,
      lastDay: monthEnd(months[months.length - 1]!),
    });
    values = rollUpBy(
      nodes.map((n) => ({ id: n.id, path: n.path })),
      grouped.map((g) => ({ unitPath: g.unitPath, quantity: g.quantity, bucket: g.month })),
      months,
    );
  } else {
    values = new Map();
    for (const n of nodes)
      values.set(
        n.id,
        await Promise.all(months.map((m) => computedValue(deps, db, indicator, n, `${m}-01`, monthEnd(m)))),
      );
  }
  const row = (n: UnitRef) => {
    const v = (values.get(n.id) ?? months.map(() => 0)).map(roundQuantity);
    return { unitId: n.id, unitName: n.name, values: v, total: roundQuantity(v.reduce((a, x) => a + x, 0)) };
  };
  return { indicator: presentIndicator(deps, indicator), months, rows: children.map(row), total: row(unit) };
}

/** The records behind an indicator's figure for a unit and days: its entries, or the source's records. */
export async function indicatorRecords(
  deps: CampaignsDeps,
  actor: Actor,
  indicatorId: string,
  q: { unitId?: string; from: string; to: string },
) {
  authorize(actor, 'indicator.read');
  const db = deps.database.db;
  const indicator = await indicatorOf(deps, actor, indicatorId, 'indicatorId');
  const unit = await unitInScope(deps, db, actor, q.unitId);
  checkDays(q.from, q.to);
  if (indicator.kind === 'entered') {
    const { rows, total } = await indicatorStore.entries(db, {
      districtCode: actor.districtCode,
      path: unit.path,
      indicatorId: indicator.id,
      firstDay: q.from,
      lastDay: q.to,
      limit: MAX_RECORDS,
    });
    const units = await deps.org.unitsByIds(db, [...new Set(rows.map((r) => r.unit_id))]);
    return {
      items: rows.map((r) => ({
        kind: 'entry' as const,
        id: r.id,
        label: [units.get(r.unit_id)?.name, r.note, `${r.recorded_by_name}录入`].filter(Boolean).join(' · '),
        day: r.day,
        quantity: r.quantity,
      })),
      total,
      truncated: total > rows.length,
    };
  }
  const records = (await computedRecords(deps, db, indicator, unit, q.from, q.to, MAX_RECORDS + 1)) ?? [];
  const kinds = new Set(['case', 'campaign', 'entry']);
  return {
    items: records.slice(0, MAX_RECORDS).map((r) => ({
      ...r,
      kind: (kinds.has(r.kind) ? r.kind : 'record') as 'case' | 'campaign' | 'entry' | 'record',
    })),
    total: records.length > MAX_RECORDS ? await computedValue(deps, db, indicator, unit, q.from, q.to) : records.length,
    truncated: records.length > MAX_RECORDS,
  };
}

/**
 * 工作成效: each indicator with a sentence phrase, its value for the unit over the days, and the
 * sentence the seed's articles write ("完成问题整改39个，更换小区宣传牌21处，…"), all from the records.
 */
export async function achievements(
  deps: CampaignsDeps,
  actor: Actor,
  q: { unitId?: string; from: string; to: string },
): Promise<Achievement> {
  authorizeAny(actor, ['indicator.read']);
  const db = deps.database.db;
  const unit = await unitInScope(deps, db, actor, q.unitId);
  checkDays(q.from, q.to);
  const indicators = (await indicatorStore.list(db, actor.districtCode)).filter((i) => i.active === 1 && i.phrase);
  const figures = [];
  for (const i of indicators)
    figures.push({
      indicatorId: i.id,
      name: i.name,
      phrase: i.phrase!,
      measureUnit: i.measure_unit,
      kind: i.kind as 'entered' | 'computed',
      value: await indicatorValue(deps, db, i, unit, q.from, q.to),
    });
  return {
    unitId: unit.id,
    unitName: unit.name,
    from: q.from,
    to: q.to,
    figures,
    sentence: achievementSentence(figures.filter((f) => f.value > 0)),
  };
}

/** Today (Asia/Shanghai) for the callers that default a period. */
export const todayOf = (deps: CampaignsDeps) => localDateOf(deps.clock.now());
