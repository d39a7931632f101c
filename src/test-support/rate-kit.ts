import { loadConfig } from '../kernel/config.js';
import type { FigureQuery, RateFigureSource } from '../modules/reporting/index.js';
import { LocateService } from '../modules/org/index.js';
import type { ModuleContext } from '../modules/module.js';
import { createModuleContext, MODULES } from '../modules/registry.js';
import type { Harness } from './harness.js';

/* Test support for the rate sources (Module.rateFigures): a module context over the harness's database and clock. */

/** Every rate source of the app, as the stars module reads them, by code. */
export function rateSources(h: Harness): Map<string, RateFigureSource> {
  const ctx = moduleContext(h);
  return new Map(MODULES.flatMap((m) => m.rateFigures?.(ctx) ?? []).map((s) => [s.code, s]));
}

/** The app's module context over the harness's database and clock. */
export function moduleContext(h: Harness): ModuleContext {
  return createModuleContext({
    database: h.database,
    clock: h.clock,
    config: loadConfig({}),
    locator: new LocateService(h.database, h.clock),
  });
}

/** Local midnight (Asia/Shanghai) starting a day, as an instant. */
export const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The query of a unit's subtree over the local days [first, last]. */
export function figureQuery(unit: { id: string; path: string }, first: string, last: string): FigureQuery {
  const next = new Date(shanghaiMidnight(last).getTime() + 86_400_000);
  return { districtCode: '411602', unitId: unit.id, unitPath: unit.path, from: shanghaiMidnight(first), to: next };
}

/** The tree path of a unit (the units API answers ids; a FigureQuery needs the path). */
export async function unitOf(h: Harness, id: string): Promise<{ id: string; path: string }> {
  const r = await h.database.db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return r;
}
