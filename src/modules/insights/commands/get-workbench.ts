import type { Workbench } from '../../../contracts/insights.js';
import type { UnitKind } from '../../../contracts/org.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { cachedWorkCalendar } from '../../platform/index.js';
import { monthToDate } from '../domain/periods.js';
import type { InsightsDeps } from '../deps.js';
import { AREA_KINDS, mayRead, presentMeasure, readableMeasures } from './access.js';
import { figuresOf, measureQuery } from './measure-values.js';

/**
 * The 工作台: what waits for the caller now (each module's work items the caller's roles can act on,
 * those with nothing waiting included, so the page says 0), and the headline measures of the
 * caller's scope for today and for this month so far.
 */
export async function getWorkbench(deps: InsightsDeps, actor: Actor): Promise<Workbench> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const cal = await cachedWorkCalendar(deps.database, db, actor.districtCode, deps.config.timeZone);
  const today = localDateOf(now, cal);
  const unit = await deps.org.unit(db, actor.unitId);
  if (!unit) throw new Error(`account ${actor.accountId} has no unit`);
  const items = [];
  for (const s of deps.workItems) {
    if (!mayRead(actor, s.permission)) continue;
    const c = await s.count(db, actor, now);
    if (!c) continue;
    items.push({
      code: s.code,
      label: s.label,
      group: s.group,
      total: c.total,
      overdue: c.overdue ?? null,
      dueSoon: c.dueSoon ?? null,
      link: s.link,
      overdueLink: s.overdueLink ?? null,
    });
  }
  const isArea = AREA_KINDS.includes(unit.kind as UnitKind);
  const headline = isArea
    ? readableMeasures(deps, actor)
        .filter((m) => m.headline !== undefined && (m.levels ?? AREA_KINDS).includes(unit.kind as UnitKind))
        .sort((a, b) => a.headline! - b.headline!)
    : [];
  const area = [{ unitId: unit.id, unitPath: unit.path, kind: unit.kind as UnitKind }];
  const fig = async (days: { from: string; to: string }) => {
    const q = await measureQuery(deps, db, actor.districtCode, area, days, now);
    return Promise.all(
      headline.map(async (m) => {
        const [f] = await figuresOf(db, m, q);
        return { code: m.code, numerator: f!.numerator, denominator: f!.denominator, value: f!.value, link: f!.link };
      }),
    );
  };
  return {
    asOf: now.toISOString(),
    today,
    unit: { id: unit.id, name: unit.name, kind: unit.kind as UnitKind },
    items,
    headline: {
      measures: headline.map(presentMeasure),
      today: await fig({ from: today, to: today }),
      month: await fig(monthToDate(today)),
    },
  };
}
