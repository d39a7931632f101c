import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openDemoDistrict, type DemoDistrict } from '../../../test-support/demo-district.js';

/* The measures the other modules offer (docs/insights-measures.md), on the demo district with the
   demo records of those modules: each dashboard figure equals a fold over the raw rows, written here
   from the measure's definition, and the module's own page where there is one — at two instants. */

const MODULES = ['reporting', 'supervision', 'proposals', 'population', 'measures', 'screening', 'patrols'];
type Fig = { code: string; numerator: number; denominator: number | null; link: string | null };

/** The two instants and the period asked at each (the second runs past the first's today). */
const INSTANTS = [
  { at: '2026-11-30T02:00:00.000Z', today: '2026-11-30', from: '2026-11-01', to: '2026-11-30' },
  { at: '2026-12-09T02:00:00.000Z', today: '2026-12-09', from: '2026-11-16', to: '2026-12-31' },
] as const;
const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the other modules' measures`, () => {
    let f: DemoDistrict;
    const db = () => f.h.database.db;
    // Sessions end when the clock moves on days: each instant logs in again.
    const cookies: Record<string, string> = {};
    const get = (who: string, url: string) => f.h.call('GET', url, { cookie: cookies[who] });
    const logIn = async () => {
      for (const u of ['leader', 'dehua']) cookies[u] = await f.h.login(u, 'Demo12345');
    };
    const dashboard = async (who: string, p: { from: string; to: string }, unitId?: string) => {
      const r = await get(
        who,
        `/api/v1/insights/dashboard?from=${p.from}&to=${p.to}${unitId ? `&unitId=${unitId}` : ''}`,
      );
      expect(r.statusCode).toBe(200);
      const figs = r.json().figures as Fig[];
      return (code: string) => figs.find((x) => x.code === code)!;
    };
    const unitPath = async (id: string) => (await f.ctx.org.unit(db(), id))!.path;

    beforeAll(async () => {
      f = await openDemoDistrict(tdb, ['leader', 'chenzhou', 'dehua']);
      const mods = f.ctx.modules.filter((m) => MODULES.includes(m.name));
      await prepareModules(mods, f.ctx, { districtId: f.h.districtId, now: f.h.clock.now() });
    }, 120_000);
    afterAll(() => f.h.close());

    for (const [i, p] of INSTANTS.entries()) {
      describe(`at instant ${i + 1} (${p.today}, ${p.from} to ${p.to})`, () => {
        beforeAll(async () => {
          f.h.clock.set(p.at);
          await logIn();
        });

        it('gives 提案数 and the proposal rates of the yearly statistics page, and 提案数 as the year’s rows', async () => {
          const fig = await dashboard('leader', p);
          const year = Number(p.to.slice(0, 4));
          const asOf = p.to < p.today ? p.to : p.today;
          const s = (await get('leader', `/api/v1/proposals/stats?year=${year}&asOf=${asOf}`)).json();
          const rows = await db().selectFrom('proposals').select('id').where('year', '=', year).execute();
          expect(fig('proposals.count').numerator).toBe(rows.length);
          expect(fig('proposals.count').numerator).toBe(s.proposals);
          expect(fig('proposals.onTimeReplyRate')).toMatchObject({
            numerator: s.repliedOnTime,
            denominator: s.repliesDue,
          });
          expect(fig('proposals.implementationRate')).toMatchObject({
            numerator: s.commitmentsDone,
            denominator: s.commitments,
          });
          expect(fig('proposals.satisfactionRate')).toMatchObject({
            numerator: s.satisfiedOrBasically,
            denominator: s.rated,
          });
        });

        it('gives 在办/逾期任务数 and 节点按期完成率 as folds over the tasks led in the area', async () => {
          for (const unitId of [f.units.district, f.units.chenzhou]) {
            const fig = await dashboard('leader', p, unitId);
            const path = await unitPath(unitId);
            const led = await db()
              .selectFrom('tasks')
              .innerJoin('task_units as tu', 'tu.task_id', 'tasks.id')
              .select(['tasks.id', 'tasks.status', 'tu.unit_path', 'tu.role'])
              .execute();
            const mine = led.filter((r) => r.role === 'lead' && r.unit_path.startsWith(path));
            const open = new Set(mine.filter((r) => r.status !== 'done').map((r) => r.id));
            const overdue = new Set(mine.filter((r) => r.status === 'overdue').map((r) => r.id));
            expect(fig('supervision.openTasks').numerator).toBe(open.size);
            expect(fig('supervision.overdueTasks').numerator).toBe(overdue.size);
            const end = p.to < p.today ? p.to : p.today;
            const ids = new Set(mine.map((r) => r.id));
            const ms = (await db().selectFrom('task_milestones').selectAll().execute()).filter(
              (m) => ids.has(m.task_id) && m.due_on >= p.from && m.due_on <= end,
            );
            const onTime = ms.filter((m) => m.done_on !== null && m.done_on <= m.due_on && m.done_on <= p.today);
            expect(fig('supervision.taskOnTime')).toMatchObject({ numerator: onTime.length, denominator: ms.length });
          }
        });

        it('gives 在管人数 and 随访完成率 as folds over the measures, 随访完成率 equal to the completeness page', async () => {
          const fig = await dashboard('leader', p);
          const ms = await db().selectFrom('measures').selectAll().execute();
          const under = ms.filter(
            (m) => m.start_day <= p.today && m.end_day >= p.today && (m.ended_on === null || m.ended_on >= p.today),
          );
          expect(fig('measures.underMeasure').numerator).toBe(new Set(under.map((m) => m.resident_id)).size);
          // 随访完成率 is of the period: the follow-ups on its days.
          const fus = (await db().selectFrom('measure_follow_ups').select(['day', 'status']).execute()).filter(
            (x) => x.day >= p.from && x.day <= p.to,
          );
          const due = fus.filter((x) => !(x.status === 'not_performed' && x.day >= p.today));
          const seen = due.filter((x) => x.status === 'seen_ok' || x.status === 'seen_not_ok');
          expect(fig('measures.followUpCompleteness')).toMatchObject({
            numerator: seen.length,
            denominator: due.length,
          });
          const page = (await get('leader', `/api/v1/measures/completeness?from=${p.from}&to=${p.to}`)).json();
          expect(fig('measures.followUpCompleteness')).toMatchObject({
            numerator: page.total.seen,
            denominator: page.total.due,
          });
        });

        it('gives 敲门入户数 and 排查人数 as folds over the visits and the screening lists of the period', async () => {
          const fig = await dashboard('leader', p);
          const [from, to] = [startOf(p.from), dayAfter(p.to)];
          const visits = (
            await db().selectFrom('pop_visits').select(['household_id', 'visited_at', 'result']).execute()
          ).filter((v) => v.visited_at >= from && v.visited_at < to);
          expect(fig('population.doorsKnocked').numerator).toBe(new Set(visits.map((v) => v.household_id)).size);
          expect(fig('population.householdsVerified').numerator).toBe(
            new Set(visits.filter((v) => v.result === 'verified').map((v) => v.household_id)).size,
          );
          const entries = (await db().selectFrom('scr_entries').select(['id_number', 'created_at']).execute()).filter(
            (e) => e.created_at >= from && e.created_at < to,
          );
          expect(fig('screening.peopleListed').numerator).toBe(new Set(entries.map((e) => e.id_number)).size);
        });

        it('gives 巡查覆盖率 equal to the coverage page, and 巡查次数 as the grid patrols ended in the period', async () => {
          const fig = await dashboard('leader', p);
          const c = (await get('leader', `/api/v1/patrols/coverage?from=${p.from}&to=${p.to}`)).json();
          const patrolled = c.grids.reduce((s: number, g: { patrolledDays: number }) => s + g.patrolledDays, 0);
          expect(fig('patrols.coverage')).toMatchObject({ numerator: patrolled, denominator: c.grids.length * c.days });
          expect(fig('patrols.coverage').link).toContain(`from=${p.from}&to=${p.to}`);
        });

        it('gives 上报率, 及时上报率 and 缺报数 as the completeness page’s counts summed over the forms', async () => {
          const fig = await dashboard('leader', p);
          const forms = (await get('leader', '/api/v1/report-forms')).json().items as {
            id: string;
            periodType: string;
          }[];
          expect(forms.length).toBeGreaterThan(0);
          const sum = { expected: 0, submitted: 0, onTime: 0 };
          for (const form of forms) {
            expect(form.periodType).toBe('daily'); // the demo's: a daily period begins on each day
            const c = (
              await get('leader', `/api/v1/report-forms/${form.id}/completeness?from=${p.from}&to=${p.to}`)
            ).json();
            for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += c[k];
          }
          expect(sum.expected).toBeGreaterThan(0);
          expect(fig('reporting.completeness')).toMatchObject({ numerator: sum.submitted, denominator: sum.expected });
          expect(fig('reporting.timeliness')).toMatchObject({ numerator: sum.onTime, denominator: sum.expected });
          // 缺报 = 应报 − 实报 (docs/reporting.md); the page pages its list of them.
          expect(fig('reporting.missing').numerator).toBe(sum.expected - sum.submitted);
        });
      });
    }

    it('hides a module’s measures from a role without its permission, and refuses them by name', async () => {
      const codes = (await get('dehua', '/api/v1/insights/measures')).json().items.map((m: Fig) => m.code);
      expect(codes).toContain('measures.underMeasure');
      expect(codes.filter((c: string) => c.startsWith('proposals.'))).toEqual([]);
      const r = await get('dehua', '/api/v1/insights/areas?measure=proposals.count&from=2026-11-01&to=2026-11-30');
      expect(r.statusCode).toBe(403);
      expect(JSON.stringify(r.json())).toContain('measure');
      const d = (await get('dehua', '/api/v1/insights/dashboard?from=2026-11-01&to=2026-11-30')).json();
      expect(d.figures.some((x: Fig) => x.code.startsWith('proposals.'))).toBe(false);
    });
  });
}
