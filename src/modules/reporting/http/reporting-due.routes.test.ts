import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { Completeness, RemindersSent, Rollup } from '../../../contracts/reporting.js';

/*
 * DHIS2's expected reports through the API, figures hand-computed from the definitions (docs/reporting.md):
 * a unit owes every period it existed in, even in part; an owed report not in is 缺报 after the
 * deadline + grace, 未到期 before; 一键催报 reaches every unit not in. Daily form due 16:00, no grace.
 *
 *   城北街道: 北关 (a), 建设 (b), 幸福 (c, retired 11-29 12:00 — before that day's deadline)
 *   城南街道: 南关 (d)
 *   At 11-30 10:00: c's report for 11-29 (late) is taken, its 11-30 refused; a reports 11-30 early.
 *   Owed: 11-29 {a, b, c}, 11-30 {a, b}.
 *   At 10:00   11-29 due: c in (late), a and b 缺报   → expected 3, submitted 1, missing 2
 *              11-30 not due: a in (on time), b 未到期  → expected 1, submitted 1, notDue 1
 *              totals expected 4, submitted 2, onTime 1, late 1, missing 2, notDue 1
 *   At 16:30   11-30 due too: b 缺报                  → expected 5, submitted 2, missing 3, notDue 0
 */
const FORM = {
  code: 'grid_daily',
  name: '网格员工作日报',
  periodType: 'daily',
  allowZero: true,
  deadline: { time: '16:00', dayOffset: 0, graceDays: 0 },
  reporters: { kind: 'level', unitKind: 'community' },
  fields: [{ code: 'visits', label: '走访户数', type: 'integer', required: true, min: 0, aggregation: 'sum' }],
  rules: [],
};

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: expected reports, 未到期 and 一键催报`, () => {
    let h: Harness;
    let admin: string;
    let formId: string;
    const ids: Record<string, string> = {};
    const cookies: Record<string, string> = {};
    const at = (local: string) => h.clock.set(new Date(`${local}+08:00`).toISOString());
    const submit = (unitId: string, period: string, visits: number) =>
      h.call('POST', `/api/v1/report-forms/${formId}/submissions`, {
        cookie: admin,
        body: { unitId, period, values: { visits } },
      });
    const completeness = async (q: string) => {
      const r = await h.call('GET', `/api/v1/report-forms/${formId}/completeness?${q}`, { cookie: admin });
      expect(r.statusCode, r.body).toBe(200);
      return Completeness.parse(r.json());
    };
    const account = async (username: string, unitId: string, role: string) => {
      const acc = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username, displayName: username, unitId, roles: [role] },
      });
      expect(acc.statusCode, acc.body).toBe(201);
      const temp = acc.json().temporaryPassword;
      const cookie = await h.login(username, temp);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie,
        body: { currentPassword: temp, newPassword: 'Passw0rd2026' },
      });
      cookies[username] = await h.login(username, 'Passw0rd2026');
    };
    const remind = (cookie: string, body: Record<string, unknown>) =>
      h.call('POST', `/api/v1/report-forms/${formId}/reminders`, { cookie, body });

    beforeAll(async () => {
      h = await openHarness(tdb);
      await at('2026-11-01T10:00:00');
      admin = await h.login('admin');
      const mk = async (key: string, parentId: string, kind: string, name: string) => {
        const r = await h.call('POST', '/api/v1/units', { cookie: admin, body: { parentId, kind, name } });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      await mk('north', h.districtId, 'subdistrict', '城北街道');
      await mk('a', ids.north, 'community', '北关社区');
      await mk('b', ids.north, 'community', '建设社区');
      await mk('c', ids.north, 'community', '幸福社区');
      await mk('south', h.districtId, 'subdistrict', '城南街道');
      await mk('d', ids.south, 'community', '南关社区');
      const f = await h.call('POST', '/api/v1/report-forms', { cookie: admin, body: FORM });
      expect(f.statusCode, f.body).toBe(201);
      formId = f.json().id;
      await at('2026-11-29T12:00:00');
      admin = await h.login('admin');
      expect((await h.call('POST', `/api/v1/units/${ids.c}/retire`, { cookie: admin })).statusCode).toBe(200);
      await at('2026-11-30T10:00:00');
      admin = await h.login('admin');
      await account('beiguan', ids.a, 'community_worker');
      await account('chengbei', ids.north, 'subdistrict_staff');
      await account('wgy', ids.a, 'grid_worker');
    });
    afterAll(async () => h?.close());

    it('takes the report of a unit retired during the day for that day, and refuses the days after', async () => {
      const late = await submit(ids.c, '2026-11-29', 3);
      expect(late.statusCode, late.body).toBe(201);
      expect(late.json()).toMatchObject({ onTime: false });
      const after = await submit(ids.c, '2026-11-30', 1);
      expect(after.statusCode).toBe(422);
      expect(after.json()).toMatchObject({ code: 'report.unit_not_expected' });
      expect((await submit(ids.a, '2026-11-30', 5)).statusCode).toBe(201);
    });

    it('counts reports not yet due as 未到期, not 缺报', async () => {
      const c = await completeness(`unitId=${ids.north}&from=2026-11-29&to=2026-11-30`);
      expect(c).toMatchObject({ expected: 4, submitted: 2, onTime: 1, late: 1, missingTotal: 2, notDue: 1 });
      expect(c.reportingRate).toBe(2 / 4);
      expect(c.byPeriod.map((p) => [p.period, p.expected, p.submitted, p.missing, p.notDue])).toEqual([
        ['2026-11-29', 3, 1, 2, 0],
        ['2026-11-30', 1, 1, 0, 1],
      ]);
      // The retired community keeps its row: what it owed and what it sent.
      const rows = Object.fromEntries(c.units.map((u) => [u.unitName, [u.expected, u.submitted, u.missing, u.notDue]]));
      expect(rows).toEqual({ 北关社区: [2, 1, 1, 0], 建设社区: [1, 0, 1, 1], 幸福社区: [1, 1, 0, 0] });
      expect(c.missing.map((m) => `${m.unitName} ${m.period} ${m.overdue}`).sort()).toEqual([
        '北关社区 2026-11-29 true',
        '建设社区 2026-11-29 true',
      ]);
      const open = await completeness(`unitId=${ids.north}&from=2026-11-29&to=2026-11-30&list=notDue`);
      expect(open).toMatchObject({ list: 'notDue', missingTotal: 1 });
      expect(open.missing.map((m) => `${m.unitName} ${m.period} ${m.overdue}`)).toEqual(['建设社区 2026-11-30 false']);
    });

    it('keeps a retired unit’s row in the roll-up, so the rows add up to the total', async () => {
      const r = await h.call(
        'GET',
        `/api/v1/report-forms/${formId}/rollup?unitId=${ids.north}&from=2026-11-29&to=2026-11-30`,
        {
          cookie: admin,
        },
      );
      expect(r.statusCode, r.body).toBe(200);
      const rollup = Rollup.parse(r.json());
      expect(rollup.reports).toBe(2);
      expect(rollup.total.visits.value).toBe(8);
      expect(rollup.rows.map((x) => [x.unitName, x.reports, x.values?.visits.value ?? null])).toEqual([
        ['北关社区', 1, 5],
        ['建设社区', 0, null],
        ['幸福社区（已撤销）', 1, 3],
      ]);
      expect(rollup.rows.reduce((n, x) => n + x.reports, 0)).toBe(rollup.reports);
    });

    it('lists only the units the form applies to in the district roll-up', async () => {
      const r = await h.call('GET', `/api/v1/report-forms/${formId}/rollup?from=2026-11-29&to=2026-11-30`, {
        cookie: admin,
      });
      expect(Rollup.parse(r.json()).rows.map((x) => x.unitName)).toEqual(['城北街道', '城南街道']);
    });

    it('一键催报: reminds every unit not in, 缺报 and 未到期, once each, audited', async () => {
      const r = await remind(cookies.chengbei, { from: '2026-11-29', to: '2026-11-30' });
      expect(r.statusCode, r.body).toBe(200);
      // a (11-29), b (11-29 and 11-30): 2 units, 3 reports; only a has an account that reports (beiguan, wgy).
      expect(RemindersSent.parse(r.json())).toEqual({
        from: '2026-11-29',
        to: '2026-11-30',
        missingUnits: 2,
        missingReports: 3,
        unitsReached: 1,
        messages: 2,
      });
      const inbox = (await h.call('GET', '/api/v1/inbox', { cookie: cookies.beiguan })).json().items;
      expect(inbox[0]).toMatchObject({ kind: 'report.missing', title: expect.stringContaining('2026-11-29') });
      const audit = await h.database.db
        .selectFrom('audit_events')
        .select(['action', 'summary'])
        .where('action', '=', 'report.remind')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0].summary).toContain('2 个单位');
    });

    it('refuses 催报 without the permission, or outside the caller’s scope, sending nothing', async () => {
      const before = await h.database.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'report.remind')
        .execute();
      expect((await remind(cookies.wgy, { period: '2026-11-29' })).statusCode).toBe(403);
      expect((await remind(cookies.chengbei, { unitId: ids.d, period: '2026-11-29' })).statusCode).toBe(404);
      expect((await remind(cookies.beiguan, { unitId: ids.north, period: '2026-11-29' })).statusCode).toBe(404);
      const noRange = await remind(cookies.chengbei, { from: '2026-11-29' });
      expect(noRange.statusCode).toBe(422);
      expect(noRange.json().errors[0].field).toBe('to');
      const after = await h.database.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'report.remind')
        .execute();
      expect(after).toHaveLength(before.length);
    });

    it('makes the open reports 缺报 once the deadline has passed', async () => {
      await at('2026-11-30T16:30:00');
      admin = await h.login('admin');
      const c = await completeness(`unitId=${ids.north}&from=2026-11-29&to=2026-11-30`);
      expect(c).toMatchObject({ expected: 5, submitted: 2, notDue: 0, missingTotal: 3 });
      expect(c.reportingRate).toBe(2 / 5);
    });
  });
}
