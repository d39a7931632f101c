import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { loadConfig } from '../../../kernel/config.js';
import { LocateService, createOrgApi } from '../../org/index.js';
import { escalateOverdueQueries } from '../commands/escalate-overdue-queries.js';
import ExcelJS from 'exceljs';

const FORM = {
  code: 'epidemic_daily',
  name: '疫情防控日报',
  periodType: 'daily',
  allowZero: true,
  deadline: { time: '16:00', dayOffset: 0, graceDays: 0 },
  reporters: { kind: 'level', unitKind: 'community' },
  fields: [
    { code: 'returnees', label: '排查返乡人员', type: 'integer', required: true, min: 0 },
    { code: 'quarantined', label: '居家隔离人数', type: 'integer', required: true, min: 0 },
  ],
  rules: [{ left: 'quarantined', op: '<=', right: 'returnees', message: '居家隔离人数不能超过排查返乡人员' }],
};

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: daily and zero reporting API`, () => {
    let h: Harness;
    let admin: string;
    let cadre: string;
    let formId: string;
    const ids: Record<string, string> = {};
    const submit = (cookie: string, body: Record<string, unknown>) =>
      h.call('POST', `/api/v1/report-forms/${formId}/submissions`, { cookie, body });

    beforeAll(async () => {
      h = await openHarness(tdb);
      // The units exist from November 1st; the tests run on Monday 2026-11-30 10:00 in Shanghai (due 16:00).
      h.clock.set('2026-11-01T02:00:00.000Z');
      admin = await h.login('admin');
      const mk = async (key: string, parentId: string, kind: string, name: string) => {
        const r = await h.call('POST', '/api/v1/units', { cookie: admin, body: { parentId, kind, name } });
        ids[key] = r.json().id;
      };
      await mk('sub', h.districtId, 'subdistrict', '城北街道办事处');
      await mk('a', ids.sub, 'community', '北关社区');
      await mk('b', ids.sub, 'community', '建设社区');
      await mk('c', ids.sub, 'community', '幸福社区');
      h.clock.set('2026-11-30T02:00:00.000Z');
      admin = await h.login('admin');
      const acc = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username: 'beiguan', displayName: '北关社区', unitId: ids.a, roles: ['community_worker'] },
      });
      const temp = acc.json().temporaryPassword;
      cadre = await h.login('beiguan', temp);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie: cadre,
        body: { currentPassword: temp, newPassword: 'Beiguan2026' },
      });
      const f = await h.call('POST', '/api/v1/report-forms', { cookie: admin, body: FORM });
      expect(f.statusCode, f.body).toBe(201);
      formId = f.json().id;
    });
    afterAll(async () => h?.close());

    it('lists the form with its fields and rules', async () => {
      const r = await h.call('GET', '/api/v1/report-forms', { cookie: cadre });
      expect(r.json().items[0]).toMatchObject({ id: formId, name: '疫情防控日报', version: 1, allowZero: true });
    });

    it('refuses a form definition with problems, naming each field', async () => {
      const r = await h.call('POST', '/api/v1/report-forms', {
        cookie: admin,
        body: { ...FORM, code: 'second', rules: [{ left: 'nope', op: '<=', right: 'returnees' }] },
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain('rules[0].left');
      expect((await h.call('POST', '/api/v1/report-forms', { cookie: cadre, body: FORM })).statusCode).toBe(403);
    });

    it('takes a report on time, and keeps the history of a correction', async () => {
      const r = await submit(cadre, { unitId: ids.a, period: '2026-11-30', values: { returnees: 3, quarantined: 1 } });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ onTime: true, revision: 1, zero: false });
      h.clock.set('2026-11-30T09:00:00.000Z'); // 17:00 local: after the deadline
      const c = await submit(cadre, { unitId: ids.a, period: '2026-11-30', values: { returnees: 4, quarantined: 1 } });
      expect(c.statusCode).toBe(200);
      expect(c.json()).toMatchObject({ onTime: true, revision: 2, values: { returnees: 4 } });
      const shown = await h.call(
        'GET',
        `/api/v1/report-forms/${formId}/submissions?unitId=${ids.a}&period=2026-11-30`,
        { cookie: cadre },
      );
      expect(shown.json()).toMatchObject({
        revision: 2,
        values: { returnees: 4 },
        history: [{ revision: 1, values: { returnees: 3, quarantined: 1 } }],
      });
    });

    it('refuses bad values naming the field and saves nothing', async () => {
      const bad = [
        [{ returnees: -1, quarantined: 0 }, 'values.returnees'],
        [{ returnees: 'many', quarantined: 0 }, 'values.returnees'],
        [{ returnees: 1, quarantined: 2 }, 'values.quarantined'],
        [{ returnees: 1, quarantined: 0, colour: 'red' }, 'values.colour'],
      ] as const;
      for (const [values, field] of bad) {
        const r = await submit(admin, { unitId: ids.b, period: '2026-11-29', values });
        expect(r.statusCode, JSON.stringify(values)).toBe(422);
        expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(
        await h.database.db.selectFrom('report_submissions').select('id').where('unit_id', '=', ids.b).execute(),
      ).toHaveLength(0);
    });

    it('refuses a unit that does not report, a future period, a malformed period and a unit out of scope', async () => {
      expect((await submit(admin, { unitId: ids.sub, period: '2026-11-29', zero: true })).json()).toMatchObject({
        detail: '「城北街道办事处」不需要在该周期填报「疫情防控日报」',
        errors: [{ field: 'unitId', message: '该单位不在报送范围内' }],
      });
      expect((await submit(admin, { unitId: ids.b, period: '2026-12-05', zero: true })).json()).toMatchObject({
        detail: '不能填报尚未开始的周期',
        errors: [{ field: 'period', message: '周期尚未开始' }],
      });
      const malformed = await submit(admin, { unitId: ids.b, period: '2026-13-01', zero: true });
      expect(malformed.statusCode).toBe(422);
      expect(malformed.json().errors[0].field).toBe('period');
      expect((await submit(cadre, { unitId: ids.b, period: '2026-11-29', zero: true })).statusCode).toBe(404);
    });

    it('counts a late report as submitted but not on time, and a zero report as submitted', async () => {
      const late = await submit(admin, {
        unitId: ids.b,
        period: '2026-11-30',
        values: { returnees: 0, quarantined: 0 },
      });
      expect(late.json()).toMatchObject({ onTime: false, late: true });
      const zero = await submit(admin, { unitId: ids.c, period: '2026-11-29', zero: true });
      expect(zero.statusCode, zero.body).toBe(201);
      // A zero report reported no values: null, as the contract says, when sent and when read back.
      expect(zero.json()).toMatchObject({ zero: true, values: null });
      const read = await h.call('GET', `/api/v1/report-forms/${formId}/submissions?unitId=${ids.c}&period=2026-11-29`, {
        cookie: admin,
      });
      expect(read.json()).toMatchObject({ zero: true, values: null });
    });

    it('leaves one report when the same unit submits twice at once', async () => {
      const both = await Promise.all([
        submit(admin, { unitId: ids.c, period: '2026-11-28', values: { returnees: 1, quarantined: 0 } }),
        submit(admin, { unitId: ids.c, period: '2026-11-28', values: { returnees: 2, quarantined: 0 } }),
      ]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
      const rows = await h.database.db
        .selectFrom('report_submissions')
        .select('revision')
        .where('unit_id', '=', ids.c)
        .where('period', '=', '2026-11-28')
        .execute();
      expect(rows).toEqual([{ revision: 2 }]);
    });

    it('computes completeness and timeliness for the sub-district, with who is missing', async () => {
      const r = await h.call(
        'GET',
        `/api/v1/report-forms/${formId}/completeness?unitId=${ids.sub}&from=2026-11-28&to=2026-11-30`,
        { cookie: admin },
      );
      expect(r.statusCode, r.body).toBe(200);
      // 3 communities × 3 days = 9 expected; submitted a-30 (on time), and b-30, c-29 (zero), c-28 after their deadlines.
      expect(r.json()).toMatchObject({ expected: 9, submitted: 4, onTime: 1, reportingRate: 4 / 9, timeliness: 1 / 9 });
      expect(
        r
          .json()
          .missing.map((m: { unitName: string; period: string }) => `${m.unitName} ${m.period}`)
          .sort(),
      ).toEqual(
        [
          '北关社区 2026-11-28',
          '北关社区 2026-11-29',
          '建设社区 2026-11-28',
          '建设社区 2026-11-29',
          '幸福社区 2026-11-30',
        ].sort(),
      );
    });

    it('rolls the figures up the tree: the sub-district sees the sum over its communities', async () => {
      const r = await h.call(
        'GET',
        `/api/v1/report-forms/${formId}/rollup?unitId=${ids.sub}&from=2026-11-28&to=2026-11-30`,
        { cookie: admin },
      );
      expect(r.statusCode, r.body).toBe(200);
      // a-30: 4 (corrected from 3), b-30: 0, c-29: zero report, c-28: 2 (the later of the two at once).
      expect(r.json().total.returnees).toMatchObject({ aggregation: 'sum', value: expect.any(Number) });
      const byName = Object.fromEntries(
        r
          .json()
          .rows.map((x: { unitName: string; values: Record<string, { value: number }> | null }) => [
            x.unitName,
            x.values?.returnees.value ?? null,
          ]),
      );
      expect(byName['北关社区']).toBe(4);
      expect(byName['建设社区']).toBe(0);
      expect(r.json().total.returnees.value).toBe(4 + 0 + byName['幸福社区']);
    });

    it('reminds each unit still missing a period, in its inbox', async () => {
      const r = await h.call('POST', `/api/v1/report-forms/${formId}/reminders`, {
        cookie: admin,
        body: { unitId: ids.sub, period: '2026-11-29' },
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ missingUnits: 2, messages: 1 });
      const inbox = (await h.call('GET', '/api/v1/inbox', { cookie: cadre })).json().items;
      expect(inbox[0]).toMatchObject({ kind: 'report.missing', title: expect.stringContaining('2026-11-29') });
    });

    it('runs a 24-hour data query: the level above asks, the unit answers, an unanswered one is escalated', async () => {
      const sub = (
        await h.call('GET', `/api/v1/report-forms/${formId}/submissions?unitId=${ids.a}&period=2026-11-30`, {
          cookie: admin,
        })
      ).json();
      expect(
        (
          await h.call('POST', `/api/v1/report-submissions/${sub.id}/queries`, {
            cookie: cadre,
            body: { question: '自己核查自己' },
          })
        ).statusCode,
      ).toBe(403);
      const bad = await h.call('POST', `/api/v1/report-submissions/${sub.id}/queries`, {
        cookie: admin,
        body: { field: 'colour', question: '这是什么' },
      });
      expect(bad.json()).toMatchObject({
        detail: '报表没有字段 colour',
        errors: [{ field: 'field', message: '报表没有该字段' }],
      });
      expect(
        (
          await h.call('POST', `/api/v1/report-submissions/${sub.id}/queries`, {
            cookie: cadre,
            body: { question: '自己核查自己' },
          })
        ).json().detail,
      ).toBe('数据核查由上级单位发起，不能核查本单位的报告');
      const asked = await h.call('POST', `/api/v1/report-submissions/${sub.id}/queries`, {
        cookie: admin,
        body: { field: 'returnees', question: '返乡人数比昨日多 3 人，请核实' },
      });
      expect(asked.statusCode, asked.body).toBe(201);
      expect((await h.call('GET', '/api/v1/inbox', { cookie: cadre })).json().items[0].kind).toBe('report.query');
      expect(
        (
          await h.call('POST', `/api/v1/report-queries/${asked.json().id}/answer`, {
            cookie: admin,
            body: { answer: '自答' },
          })
        ).statusCode,
      ).toBe(403);
      const answered = await h.call('POST', `/api/v1/report-queries/${asked.json().id}/answer`, {
        cookie: cadre,
        body: { answer: '已核实，新增 3 人为外省返乡' },
      });
      expect(answered.statusCode).toBe(204);
      const second = await h.call('POST', `/api/v1/report-submissions/${sub.id}/queries`, {
        cookie: admin,
        body: { question: '请补充情况说明' },
      });
      const deps = {
        database: h.database,
        clock: h.clock,
        config: loadConfig({}),
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
      };
      expect((await escalateOverdueQueries(deps, new Date(h.clock.now().getTime() + 23 * 3600_000))).escalated).toBe(0);
      expect((await escalateOverdueQueries(deps, new Date(h.clock.now().getTime() + 25 * 3600_000))).escalated).toBe(1);
      const list = (await h.call('GET', '/api/v1/report-queries', { cookie: admin })).json().items;
      expect(list.find((x: { id: string }) => x.id === second.json().id).status).toBe('overdue');
      const first = list.find((x: { id: string }) => x.id === asked.json().id);
      expect(first).toMatchObject({ status: 'answered', answeredLate: false });
      expect(first.thread.map((m: { kind: string }) => m.kind)).toEqual(['question', 'answer']);
    });

    it("exports the roll-up as .xlsx with Chinese headers, a row per community and the total, within the caller's scope", async () => {
      const url = `/api/v1/report-forms/${formId}/rollup.xlsx?unitId=${ids.sub}&from=2026-11-28&to=2026-11-30`;
      const r = await h.call('GET', url, { cookie: admin });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet('按单位汇总')!;
      expect(ws.getRow(3).values).toEqual([
        undefined,
        '单位',
        '报告份数',
        '排查返乡人员（合计）',
        '居家隔离人数（合计）',
      ]);
      const body = [4, 5, 6, 7].map((i) => ws.getRow(i).values as unknown[]);
      expect(body.map((v) => v[1])).toEqual(['北关社区', '建设社区', '幸福社区', '合计']);
      expect(body[0][3]).toBe(4);
      const byPeriod = await h.call('GET', `${url}&by=period`, { cookie: admin });
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.load(byPeriod.rawPayload as unknown as ExcelJS.Buffer);
      expect(wb2.getWorksheet('按报告期汇总')!.getRow(4).values).toContain('2026-11-28');
      // Another community's subtree is out of a community's scope; no session, no sheet.
      expect((await h.call('GET', url.replace(ids.sub, ids.b), { cookie: cadre })).statusCode).toBe(404);
      expect((await h.call('GET', url)).statusCode).toBe(401);
      expect((await h.call('GET', `${url}&by=month`, { cookie: admin })).statusCode).toBe(400);
    });

    it('rebuilds the roll-up tables for a form definer only, leaving the figures unchanged', async () => {
      const before = (
        await h.call('GET', `/api/v1/report-forms/${formId}/rollup?unitId=${ids.sub}&from=2026-11-28&to=2026-11-30`, {
          cookie: admin,
        })
      ).json();
      expect(
        (await h.call('POST', `/api/v1/report-forms/${formId}/rollup/rebuild`, { cookie: cadre })).statusCode,
      ).toBe(403);
      const r = await h.call('POST', `/api/v1/report-forms/${formId}/rollup/rebuild`, { cookie: admin });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().submissions).toBeGreaterThan(0);
      const after = (
        await h.call('GET', `/api/v1/report-forms/${formId}/rollup?unitId=${ids.sub}&from=2026-11-28&to=2026-11-30`, {
          cookie: admin,
        })
      ).json();
      expect(after).toEqual(before);
    });

    it('lists data queries with the questioned figure, and who may answer', async () => {
      const mine = (await h.call('GET', '/api/v1/report-queries', { cookie: cadre })).json().items;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine[0]).toMatchObject({ formName: expect.any(String), unitName: '北关社区', period: '2026-11-30' });
      const fieldQuery = mine.find((q: { field: string | null }) => q.field === 'returnees');
      expect(fieldQuery).toMatchObject({ fieldLabel: '排查返乡人员', value: 4 });
      const overdue = mine.find((q: { status: string }) => q.status === 'overdue');
      expect(overdue.canAnswer).toBe(true);
      const above = (await h.call('GET', '/api/v1/report-queries?status=overdue', { cookie: admin })).json().items;
      expect(above.every((q: { canAnswer: boolean; status: string }) => !q.canAnswer && q.status === 'overdue')).toBe(
        true,
      );
      expect((await h.call('GET', '/api/v1/report-queries?status=late', { cookie: admin })).statusCode).toBe(400);
    });

    it('refuses a submission made on a replaced version of the form', async () => {
      const v2 = await h.call('POST', `/api/v1/report-forms/${formId}/versions`, {
        cookie: admin,
        body: { ...FORM, name: '疫情防控日报（第二版）' },
      });
      expect(v2.json().version).toBe(2);
      const r = await submit(admin, {
        unitId: ids.a,
        period: '2026-11-29',
        values: { returnees: 0, quarantined: 0 },
        formVersion: 1,
      });
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({
        detail: '报表已更新为第 2 版，请按新版填写',
        errors: [{ field: 'formVersion', message: '当前为第 2 版' }],
      });
      const dup = await h.call('POST', '/api/v1/report-forms', { cookie: admin, body: FORM });
      expect(dup.json()).toMatchObject({
        detail: '报表代码 epidemic_daily 已存在',
        errors: [{ field: 'code', message: '代码已存在' }],
      });
      const recode = await h.call('POST', `/api/v1/report-forms/${formId}/versions`, {
        cookie: admin,
        body: { ...FORM, code: 'renamed' },
      });
      expect(recode.json()).toMatchObject({
        detail: '报表代码不能修改',
        errors: [{ field: 'code', message: '不能修改' }],
      });
    });
  });
}
