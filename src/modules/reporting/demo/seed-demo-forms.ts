import { newId } from '../../../kernel/ids.js';
import { deadlineOf, periodOf, previousPeriod } from '../domain/index.js';
import type { ReportingDeps } from '../deps.js';
import { createForm } from '../commands/create-form.js';
import { reportingUnits } from '../commands/reporting-units.js';
import { rebuildRollups } from '../commands/rebuild-rollups.js';

/** The default daily form (listed first): each small grid's grid worker reports the day's work. */
const GRID_WORK = {
  code: 'grid_worker_daily',
  name: '网格员工作日报',
  periodType: 'daily' as const,
  allowZero: false,
  deadline: { time: '18:00', dayOffset: 0, graceDays: 0 },
  reporters: { kind: 'level' as const, unitKind: 'grid_small' },
  fields: [
    {
      code: 'householdsVisited',
      label: '入户走访户数',
      type: 'integer',
      required: true,
      min: 0,
      max: 500,
      aggregation: 'sum',
      // Pre-filled from the grid's door-knocking visits of the day (the grid worker may correct it).
      source: 'population.doorsKnocked',
    },
    { code: 'issuesFound', label: '巡查发现问题数', type: 'integer', required: true, min: 0, aggregation: 'sum' },
    { code: 'issuesFixed', label: '现场处置问题数', type: 'integer', required: true, min: 0, aggregation: 'sum' },
    { code: 'casesReported', label: '上报事件数', type: 'integer', required: true, min: 0, aggregation: 'sum' },
    { code: 'disputesSettled', label: '矛盾纠纷化解数', type: 'integer', required: true, min: 0, aggregation: 'sum' },
    { code: 'keyPersonsVisited', label: '重点人员走访人数', type: 'integer', min: 0, aggregation: 'sum' },
    { code: 'patrolHours', label: '巡查时长（小时）', type: 'decimal', min: 0, max: 24, scale: 1, aggregation: 'avg' },
    { code: 'notes', label: '工作纪实', type: 'text', maxLength: 500 },
  ],
  rules: [
    { left: 'issuesFixed', op: '<=', right: 'issuesFound', message: '现场处置问题数不能超过巡查发现问题数' },
    { left: 'casesReported', op: '<=', right: 'issuesFound', message: '上报事件数不能超过巡查发现问题数' },
  ],
};

const EPIDEMIC = {
  code: 'epidemic_daily',
  name: '疫情防控日报',
  periodType: 'daily' as const,
  allowZero: true,
  deadline: { time: '16:00', dayOffset: 0, graceDays: 0 },
  reporters: { kind: 'level' as const, unitKind: 'community' },
  fields: [
    {
      code: 'returnees',
      label: '排查返乡人员',
      type: 'integer',
      required: true,
      min: 0,
      aggregation: 'sum',
      source: 'screening.peopleListed',
    },
    {
      code: 'quarantined',
      label: '居家隔离人数',
      type: 'integer',
      required: true,
      min: 0,
      aggregation: 'sum',
      source: 'measures.homeIsolation',
    },
    { code: 'tested', label: '核酸检测人数', type: 'integer', required: true, min: 0, aggregation: 'sum' },
    {
      code: 'doorsKnocked',
      label: '敲门入户数',
      type: 'integer',
      required: true,
      min: 0,
      aggregation: 'sum',
      source: 'population.doorsKnocked',
    },
    { code: 'remarks', label: '情况说明', type: 'text', maxLength: 500 },
  ],
  rules: [{ left: 'quarantined', op: '<=', right: 'returnees', message: '居家隔离人数不能超过排查返乡人员' }],
};

const CIVILIZED_CITY = {
  code: 'civilized_city_daily',
  name: '创文工作日报',
  periodType: 'daily' as const,
  allowZero: true,
  deadline: { time: '18:00', dayOffset: 0, graceDays: 0 },
  reporters: { kind: 'level' as const, unitKind: 'community' },
  fields: [
    { code: 'issuesFixed', label: '整改问题数', type: 'integer', required: true, min: 0, aggregation: 'sum' },
    { code: 'adsRemoved', label: '清理小广告张数', type: 'integer', required: true, min: 0, aggregation: 'sum' },
    { code: 'leaflets', label: '发放宣传资料份数', type: 'integer', required: true, min: 0, aggregation: 'sum' },
    { code: 'signsReplaced', label: '更换宣传牌处数', type: 'integer', min: 0, aggregation: 'sum' },
  ],
  rules: [],
};

/**
 * The demo's daily forms — 网格员工作日报 (the default, by every small grid), and the seed's
 * 疫情防控日报 and 创文工作日报 (by every community) — with three weeks of synthetic submissions:
 * most on time, some late, some zero reports where the form allows them, some missing.
 */
export async function seedDemoForms(deps: ReportingDeps, now: Date): Promise<number> {
  const db = deps.database.db;
  const actor = await deps.org.actorFor(db, 'admin');
  const tz = deps.config.timeZone;
  let rows = 0;
  let seed = 20260806;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const def of [GRID_WORK, EPIDEMIC, CIVILIZED_CITY]) {
    const formId = await createForm(deps, actor, def as never);
    const units = await reportingUnits(deps, db, actor.districtCode, actor.scopePath, def.reporters);
    const batch = [];
    let period = periodOf(now, 'daily', tz);
    for (let d = 0; d < 21; d++) {
      period = previousPeriod(period, 'daily');
      const deadline = deadlineOf(period, def.deadline, tz).getTime();
      for (const u of units) {
        const r = rnd();
        if (r < 0.1) continue; // missing
        const late = r > 0.92;
        const submittedAt = new Date(
          late ? deadline + 17 * 3600_000 : deadline - (1 + Math.floor(rnd() * 5)) * 3600_000,
        );
        const zero = def === EPIDEMIC && rnd() < 0.3;
        const n = (k: number) => Math.floor(rnd() * k);
        const values = zero
          ? {}
          : def === GRID_WORK
            ? (() => {
                const issuesFound = n(6);
                return {
                  householdsVisited: 8 + n(25),
                  issuesFound,
                  issuesFixed: Math.min(issuesFound, n(4)),
                  casesReported: Math.min(issuesFound, n(3)),
                  disputesSettled: n(2),
                  keyPersonsVisited: n(4),
                  patrolHours: Math.round((3 + rnd() * 5) * 10) / 10,
                };
              })()
            : def === EPIDEMIC
              ? (() => {
                  const returnees = n(12);
                  return {
                    returnees,
                    quarantined: Math.min(returnees, n(4)),
                    tested: n(200),
                    doorsKnocked: 20 + n(120),
                  };
                })()
              : { issuesFixed: n(15), adsRemoved: n(80), leaflets: n(300), signsReplaced: n(5) };
        batch.push({
          id: newId(submittedAt.getTime()),
          district_code: actor.districtCode,
          form_id: formId,
          form_version: 1,
          unit_id: u.id,
          unit_path: u.path,
          period,
          zero: zero ? 1 : 0,
          values: JSON.stringify(values),
          submitted_at: submittedAt.toISOString(),
          on_time: late ? 0 : 1,
          submitted_by: actor.accountId,
          revision: 1,
          updated_at: submittedAt.toISOString(),
        });
      }
    }
    for (let i = 0; i < batch.length; i += 200)
      await db
        .insertInto('report_submissions')
        .values(batch.slice(i, i + 200))
        .execute();
    rows += batch.length;
    // The synthetic reports were inserted around submitReport: derive their roll-up once.
    await rebuildRollups(deps, formId);
  }
  return rows;
}
