import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { createEventBus } from '../../../kernel/events/events.js';
import { loadWorkCalendar } from '../../platform/index.js';
import { rebuildKpiRollup, summaryOf } from '../commands/kpi-rollup.js';
import { computeKpis, stateFromJson } from '../domain/index.js';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const IN_GRID = { lng: 114.605, lat: 33.605 };

/**
 * A community moves to another sub-district (org): its cases follow in the move's transaction with
 * a 区划调整 action each, so scope, ledger lists and KPIs see them under the new sub-district.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: cases follow a unit move`, () => {
    let h: Harness;
    const events = createEventBus();
    const ids: Record<string, string> = {};
    const cookies: Record<string, string> = {};
    const as = (who: string) => ({ cookie: cookies[who] });
    const act = (who: string, id: string, body: Record<string, unknown>) =>
      h.call('POST', `/api/v1/cases/${id}/actions`, { ...as(who), body });
    const move = (unitId: string, parentId: string) =>
      h.call('POST', `/api/v1/units/${unitId}/move`, { ...as('admin'), body: { parentId } });
    const pathOf = async (id: string) =>
      (await h.database.db.selectFrom('units').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
    const listed = async (who: string) =>
      ((await h.call('GET', '/api/v1/cases?limit=200', as(who))).json().items as { id: string }[]).map((c) => c.id);
    const cases: string[] = [];
    const snapshot = async () => ({
      cases: await h.database.db
        .selectFrom('cases')
        .select(['id', 'grid_path', 'community_id', 'subdistrict_id', 'assigned_unit_path', 'version', 'state'])
        .orderBy('id')
        .execute(),
      actions: (await h.database.db.selectFrom('case_actions').select('id').execute()).length,
      rollup: (
        await h.database.db
          .selectFrom('case_kpi_days')
          .selectAll()
          .orderBy(['basis', 'kpi_view', 'unit_path', 'day'])
          .execute()
      ).map((r) => ({ ...r, handling_millis: Number(r.handling_millis), closing_millis: Number(r.closing_millis) })),
      units: await h.database.db.selectFrom('units').select(['id', 'path', 'parent_id']).orderBy('id').execute(),
      audits: (await h.database.db.selectFrom('audit_events').select('id').execute()).length,
    });

    beforeAll(async () => {
      h = await openHarness(tdb, {}, { events });
      cookies.admin = await h.login('admin');
      const mk = async (key: string, parent: string, kind: string, name: string) => {
        const r = await h.call('POST', '/api/v1/units', {
          ...as('admin'),
          body: { parentId: ids[parent] ?? parent, kind, name },
        });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      ids.district = h.districtId;
      await mk('sub', 'district', 'subdistrict', '城北街道办事处');
      await mk('sub2', 'district', 'subdistrict', '小乔街道办事处');
      await mk('com', 'sub', 'community', '北关社区');
      await mk('quiet', 'sub', 'community', '南关社区');
      await mk('large', 'com', 'grid_large', '北关社区第1网格');
      await mk('small', 'large', 'grid_small', '北关社区第1网格-1');
      await mk('dept', 'district', 'department', '川汇区城市管理局');
      await h.call('POST', `/api/v1/units/${ids.large}/boundaries`, {
        ...as('admin'),
        body: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: '北关社区第1网格-1' },
              geometry: square(114.6, 33.6, 114.61, 33.61),
            },
          ],
        },
      });
      const account = async (username: string, unit: string, roles: string[]) => {
        const r = await h.call('POST', '/api/v1/accounts', {
          ...as('admin'),
          body: { username, displayName: username, unitId: ids[unit], roles },
        });
        const temp = r.json().temporaryPassword;
        const c = await h.login(username, temp);
        await h.call('POST', '/api/v1/auth/change-password', {
          cookie: c,
          body: { currentPassword: temp, newPassword: 'Passw0rd1' },
        });
        cookies[username] = c;
      };
      await account('gw01', 'small', ['grid_worker']);
      await account('com01', 'com', ['community_worker']);
      await account('sub01', 'sub', ['subdistrict_staff']);
      await account('sub02', 'sub2', ['subdistrict_staff']);
      await account('cg01', 'dept', ['unit_handler']);
      await account('dc01', 'district', ['supervision_office']);
      // Three cases in the community's grid: one in the problem list, one closed, one dispatched (its clock runs).
      for (const d of ['北关路口暴露垃圾', '北关路灯不亮', '北关井盖缺失']) {
        const r = await h.call('POST', '/api/v1/cases', {
          ...as('gw01'),
          body: { categoryCode: '0102', description: d, location: IN_GRID },
        });
        expect(r.statusCode, r.body).toBe(201);
        cases.push(r.json().id);
      }
      // And one outside every grid, which no community move touches.
      expect(
        (
          await h.call('POST', '/api/v1/cases', {
            ...as('admin'),
            body: { categoryCode: '0102', description: '区外道路积水', location: { lng: 114.7, lat: 33.7 } },
          })
        ).statusCode,
      ).toBe(201);
      for (const id of cases.slice(1)) {
        expect((await act('sub01', id, { type: 'accept' })).statusCode).toBe(200);
        expect(
          (
            await act('sub01', id, {
              type: 'dispatch',
              payload: { unitId: ids.dept, timeLimit: { value: 4, unit: 'hours' } },
            })
          ).statusCode,
        ).toBe(200);
      }
      expect((await act('cg01', cases[1], { type: 'start' })).statusCode).toBe(200);
      expect((await act('cg01', cases[1], { type: 'feedback', comment: '已修复' })).statusCode).toBe(200);
      expect((await act('gw01', cases[1], { type: 'verify_pass' })).json().status).toBe('closed');
    });
    afterAll(async () => h?.close());

    it('refuses 区划调整 through the actions endpoint to every role, and never offers it', async () => {
      const oldPath = await pathOf(ids.com);
      const newPath = `${await pathOf(ids.sub2)}${ids.com}/`;
      const before = await snapshot();
      for (const who of Object.keys(cookies)) {
        for (const id of cases) {
          const r = await act(who, id, { type: 'relocate', payload: { oldPath, newPath, subdistrictId: ids.sub2 } });
          expect(r.statusCode, `${who} ${r.body}`).toBe(422);
          expect(r.json()).toMatchObject({
            code: 'case.not_an_action',
            detail: '「区划调整」不能直接提交',
            errors: [{ field: 'type', message: '不是可提交的操作' }],
          });
          const seen = await h.call('GET', `/api/v1/cases/${id}`, as(who));
          if (seen.statusCode === 200) expect(seen.json().allowedActions).not.toContain('relocate');
        }
      }
      expect(await snapshot()).toEqual(before);
    });

    it('leaves units and cases as they were when a listener of the move fails', async () => {
      const before = await snapshot();
      const off = events.on('org.unit_moved', async () => {
        throw new Error('forced failure after the cases followed');
      });
      try {
        expect((await move(ids.com, ids.sub2)).statusCode).toBe(500);
      } finally {
        off();
      }
      expect(await snapshot()).toEqual(before);
    });

    it('writes nothing for the cases when the moved unit has none', async () => {
      const before = await snapshot();
      expect((await move(ids.quiet, ids.sub2)).statusCode).toBe(200);
      const after = await snapshot();
      expect(after.cases).toEqual(before.cases);
      expect(after.actions).toBe(before.actions);
      expect(after.rollup).toEqual(before.rollup);
      expect(
        await h.database.db.selectFrom('audit_events').select('id').where('action', '=', 'case.follow_move').execute(),
      ).toEqual([]);
    });

    it("moves a community's cases into the new sub-district's scope, ledger and KPIs in the move's transaction", async () => {
      expect(await listed('sub01')).toEqual(expect.arrayContaining(cases));
      const versions = new Map<string, number>();
      for (const id of cases)
        versions.set(id, (await h.call('GET', `/api/v1/cases/${id}`, as('admin'))).json().version);
      const r = await move(ids.com, ids.sub2);
      expect(r.statusCode, r.body).toBe(200);
      const subPath = await pathOf(ids.sub);
      const sub2Path = await pathOf(ids.sub2);
      const comPath = await pathOf(ids.com);
      expect(comPath).toBe(`${sub2Path}${ids.com}/`);

      // The columns and the state follow; the version counts the new action.
      const rows = await h.database.db.selectFrom('cases').selectAll().where('id', 'in', cases).execute();
      for (const row of rows) {
        const st = stateFromJson(row.state);
        expect(row.grid_path).toBe(`${comPath}${ids.large}/${ids.small}/`);
        expect(st.gridPath).toBe(row.grid_path);
        expect([row.subdistrict_id, st.subdistrictId, row.community_id, st.communityId]).toEqual([
          ids.sub2,
          ids.sub2,
          ids.com,
          ids.com,
        ]);
        expect(row.version).toBe(versions.get(row.id)! + 1);
        expect(row.assigned_unit_path).toBe(st.assignedUnitPath);
      }

      // The new sub-district's clerk sees them and can act on one; the old one no longer can.
      expect(await listed('sub02')).toEqual(expect.arrayContaining(cases));
      expect((await listed('sub01')).filter((id) => cases.includes(id))).toEqual([]);
      expect((await h.call('GET', `/api/v1/cases/${cases[0]}`, as('sub01'))).statusCode).toBe(404);
      expect((await act('sub01', cases[0], { type: 'accept' })).statusCode).toBe(404);
      const accepted = await act('sub02', cases[0], { type: 'accept' });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().status).toBe('accepted');
      expect((await act('sub02', cases[2], { type: 'urge' })).statusCode).toBe(200);

      // Each timeline shows the 区划调整, by the system; one audit line tells of the move.
      for (const id of cases) {
        const c = (await h.call('GET', `/api/v1/cases/${id}`, as('sub02'))).json();
        const moved = c.actions.filter((a: { type: string }) => a.type === 'relocate');
        expect(moved).toHaveLength(1);
        expect(moved[0]).toMatchObject({
          typeName: '区划调整',
          actorName: '系统',
          payload: {
            oldPath: `${subPath}${ids.com}/`,
            newPath: comPath,
            subdistrictId: ids.sub2,
            communityId: ids.com,
          },
        });
        expect(c.allowedActions).not.toContain('relocate');
      }
      const audits = await h.database.db
        .selectFrom('audit_events')
        .select(['entity_id', 'summary'])
        .where('action', '=', 'case.follow_move')
        .execute();
      expect(audits).toEqual([{ entity_id: ids.com, summary: '「北关社区」移动后，其 3 件问题随之调整区划' }]);
      expect(
        await h.database.db.selectFrom('audit_events').select('id').where('action', '=', 'case.relocate').execute(),
      ).toEqual([]);

      // KPIs of the old and new sub-district and of the district equal a fold over the cases, now and later.
      const calendar = await loadWorkCalendar(h.database.db, '411602', 'Asia/Shanghai');
      const period = { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') };
      const reference = async (path: string | null, asOf: Date, basis: 'standard' | 'reported' = 'standard') => {
        const all = await h.database.db.selectFrom('cases').select('state').execute();
        const states = all
          .map((x) => stateFromJson(x.state))
          .filter((st) => (path === null ? true : (st.gridPath ?? '').startsWith(path)));
        return computeKpis(states.map(summaryOf), { basis, period, asOf, calendar }).counts;
      };
      for (const at of ['2026-11-30T02:00:00Z', '2026-12-02T02:00:00Z']) {
        h.clock.set(at);
        cookies.admin = await h.login('admin'); // sessions last 12 hours
        for (const basis of ['standard', 'reported'] as const) {
          const kpis = async (unit?: string) => {
            const res = await h.call(
              'GET',
              `/api/v1/cases/kpis?${unit ? `unitId=${unit}&` : ''}from=2026-11-01&to=2026-12-31&basis=${basis}`,
              as('admin'),
            );
            expect(res.statusCode, res.body).toBe(200);
            return res.json().counts;
          };
          expect(await kpis()).toEqual(await reference(null, new Date(at), basis));
          expect(await kpis(ids.sub)).toEqual(await reference(subPath, new Date(at), basis));
          expect(await kpis(ids.sub2)).toEqual(await reference(sub2Path, new Date(at), basis));
          expect(await kpis(ids.com)).toEqual(await reference(comPath, new Date(at), basis));
        }
      }
      expect((await reference(sub2Path, new Date())).reported).toBe(3);
      expect((await reference(subPath, new Date())).reported).toBe(0);

      // The roll-up equals a rebuild from the cases (the old area's rows are left at zero).
      const counted = async () =>
        (
          await h.database.db
            .selectFrom('case_kpi_days')
            .selectAll()
            .orderBy(['basis', 'kpi_view', 'unit_path', 'day'])
            .execute()
        )
          .map((x) => ({ ...x, handling_millis: Number(x.handling_millis), closing_millis: Number(x.closing_millis) }))
          .filter((x) => Object.entries(x).some(([k, v]) => typeof v === 'number' && v !== 0 && k !== 'day'));
      const kept = await counted();
      expect(kept.some((x) => x.kpi_view === 'area' && x.unit_path.startsWith(`${subPath}${ids.com}/`))).toBe(false);
      expect(kept.some((x) => x.kpi_view === 'area' && x.unit_path.startsWith(comPath))).toBe(true);
      await rebuildKpiRollup(h.database.db, '411602', calendar);
      expect(await counted()).toEqual(kept);
    });
  });
}
