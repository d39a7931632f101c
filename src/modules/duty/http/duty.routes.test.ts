import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { caseDeadlineJob } from '../../cases/index.js';
import { createOrgApi, LocateService } from '../../org/index.js';
import { remindRosterGaps } from '../commands/gap-reminders.js';
import { responsibleFor } from '../index.js';
import { IN_DEHUA, openDutyKit, type DutyKit } from '../test-kit.js';

const R = '/api/v1/duty/responsibilities';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: duty`, () => {
    let k: DutyKit;
    beforeAll(async () => {
      k = await openDutyKit(tdb);
    }, 60_000);
    afterAll(() => k?.h.close());
    const deps = () => ({
      database: k.h.database,
      clock: k.h.clock,
      config: loadConfig({}),
      org: createOrgApi({ database: k.h.database, locator: new LocateService(k.h.database, k.h.clock) }),
    });
    const lead = (over: Record<string, unknown> = {}) => ({
      kind: 'lead',
      targetUnitId: k.ids.dehua,
      holder: { type: 'account', id: k.accounts.leader },
      from: '2026-11-01',
      ...over,
    });

    describe('responsibility web', () => {
      let leadId: string;
      it('adds a 主责 leader of a community and lists it on the unit', async () => {
        const r = await k.call('chenzhou', 'POST', R, lead({ to: '2026-12-31', note: '分包' }));
        expect(r.statusCode).toBe(201);
        leadId = r.json().id;
        expect(r.json()).toMatchObject({
          kind: 'lead',
          target: { id: k.ids.dehua, name: '德化社区', kind: 'community' },
          holder: { type: 'account', name: 'leader（测试）' },
          from: '2026-11-01',
          to: '2026-12-31',
        });
        const list = await k.call('dehua', 'GET', `${R}?unitId=${k.ids.dehua}`);
        expect(list.json()).toMatchObject({ canWrite: false, items: [{ id: leadId }] });
      });

      it('refuses a second 主责 leader sharing a day, naming the field, and writes nothing', async () => {
        const before = await k.count('duty_responsibilities');
        const r = await k.call(
          'chenzhou',
          'POST',
          R,
          lead({ holder: { type: 'account', id: k.accounts.chenzhou }, from: '2026-12-31' }),
        );
        expect(r.statusCode).toBe(409);
        expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(r.json()).toMatchObject({
          code: 'duty.lead_overlap',
          errors: [{ field: 'from' }],
        });
        expect(r.json().detail).toContain('主责');
        expect(await k.count('duty_responsibilities')).toBe(before);
        // The day after the first one's end is free.
        const next = await k.call(
          'chenzhou',
          'POST',
          R,
          lead({ holder: { type: 'account', id: k.accounts.chenzhou }, from: '2027-01-01' }),
        );
        expect(next.statusCode).toBe(201);
      });

      it('refuses the wrong kind of target or holder and a target outside scope, naming the field', async () => {
        const grid = await k.call('chenzhou', 'POST', R, lead({ targetUnitId: k.ids.dehua1 }));
        expect(grid.statusCode).toBe(422);
        expect(grid.json().errors).toMatchObject([{ field: 'targetUnitId' }]);
        const pairByPerson = await k.call('chenzhou', 'POST', R, { ...lead(), kind: 'pair' });
        expect(pairByPerson.json().errors).toMatchObject([{ field: 'holder.type' }]);
        const out = await k.call('chenzhou', 'POST', R, lead({ targetUnitId: k.ids.beiguan }));
        expect(out.statusCode).toBe(403);
        expect(out.json()).toMatchObject({ code: 'duty.unit_out_of_scope', errors: [{ field: 'targetUnitId' }] });
        const badDay = await k.call('chenzhou', 'POST', R, lead({ from: '2026-02-30' }));
        expect(badDay.statusCode).toBe(400);
        expect(badDay.json().errors[0].field).toBe('from');
      });

      it('takes 包联 by an outside unit, 下沉, a party branch and grid roles', async () => {
        const ok = async (body: Record<string, unknown>) => {
          const r = await k.call('chenzhou', 'POST', R, { from: '2026-11-15', ...body });
          expect(r.statusCode, r.body).toBe(201);
        };
        await ok({ kind: 'pair', targetUnitId: k.ids.dehua, holder: { type: 'unit', id: k.ids.telecom } });
        await ok({ kind: 'embed', targetUnitId: k.ids.dehua, holder: { type: 'account', id: k.accounts.chenzhou } });
        await ok({
          kind: 'branch_lead',
          targetUnitId: k.ids.dehuaBranch,
          holder: { type: 'account', id: k.accounts.chenzhou },
        });
        await ok({ kind: 'grid_head', targetUnitId: k.ids.dehua1, holder: { type: 'account', id: k.accounts.dehua } });
        const second = await k.call('chenzhou', 'POST', R, {
          kind: 'grid_head',
          targetUnitId: k.ids.dehua1,
          holder: { type: 'account', id: k.accounts.wgy },
          from: '2026-12-01',
        });
        expect(second.json()).toMatchObject({ code: 'duty.exclusive_overlap' });
        const tree = await k.call('chenzhou', 'GET', `${R}?unitId=${k.ids.chenzhou}&subtree=true`);
        expect(
          tree
            .json()
            .items.map((i: { kind: string }) => i.kind)
            .sort(),
        ).toEqual(['branch_lead', 'embed', 'grid_head', 'lead', 'lead', 'pair'].sort());
        expect(tree.json().items.find((i: { kind: string }) => i.kind === 'pair').holder.name).toBe(
          '周口电信川汇分公司',
        );
      });

      it('ends a responsibility, keeping it as history, and answers who is responsible on a day', async () => {
        const early = await k.call('chenzhou', 'POST', `${R}/${leadId}/end`, { to: '2026-10-01' });
        expect(early.json().errors).toMatchObject([{ field: 'to' }]);
        const later = await k.call('chenzhou', 'POST', `${R}/${leadId}/end`, { to: '2027-02-01' });
        expect(later.json().errors).toMatchObject([{ field: 'to' }]);
        const r = await k.call('chenzhou', 'POST', `${R}/${leadId}/end`, { to: '2026-12-10' });
        expect(r.statusCode).toBe(200);
        expect(r.json()).toMatchObject({ to: '2026-12-10', endedAt: expect.any(String) });
        const ex = k.h.database.db;
        const on = (day: string) =>
          responsibleFor(ex, { districtCode: '411602', unitId: k.ids.dehua, day, kinds: ['lead'] }).then((x) =>
            x.map((h) => h.holderId),
          );
        expect(await on('2026-12-10')).toEqual([k.accounts.leader]);
        expect(await on('2026-12-20')).toEqual([]);
        expect(await on('2027-01-05')).toEqual([k.accounts.chenzhou]);
        const history = await k.call('dehua', 'GET', `${R}?unitId=${k.ids.dehua}&kind=lead`);
        expect(history.json().items).toHaveLength(2);
        const current = await k.call('dehua', 'GET', `${R}?unitId=${k.ids.dehua}&kind=lead&on=2026-12-20`);
        expect(current.json().items).toHaveLength(0);
        expect(await k.call('chengbei', 'POST', `${R}/${leadId}/end`, { to: '2026-12-01' })).toMatchObject({
          statusCode: 404,
        });
      });

      it('tells the 主责 leader when a case in the community goes overdue (case.overdue in the same transaction)', async () => {
        const c = await k.call('wgy', 'POST', '/api/v1/cases', {
          categoryCode: '0104',
          description: '道路不洁',
          location: IN_DEHUA,
        });
        expect(c.statusCode, c.body).toBe(201);
        const id = c.json().id;
        expect((await k.call('chenzhou', 'POST', `/api/v1/cases/${id}/actions`, { type: 'accept' })).statusCode).toBe(
          200,
        );
        const d = await k.call('chenzhou', 'POST', `/api/v1/cases/${id}/actions`, {
          type: 'dispatch',
          payload: { unitId: k.ids.dept },
        });
        expect(d.statusCode, d.body).toBe(200);
        const seen: unknown[] = [];
        const off = k.bus.on('case.overdue', async (_trx, e) => {
          seen.push(e);
        });
        await caseDeadlineJob({ ...deps(), events: k.bus }).run(new Date('2026-12-03T02:00:00Z'));
        off();
        expect(seen).toMatchObject([{ caseId: id, districtCode: '411602', level: expect.any(Number) }]);
        const inbox = (await k.call('leader', 'GET', '/api/v1/inbox')).json().items;
        expect(inbox.filter((m: { kind: string }) => m.kind === 'duty.case_overdue')).toMatchObject([
          { entityId: id, title: expect.stringContaining('已超期') },
        ]);
      });
    });

    describe('duty roster', () => {
      const put = (who: 'dehua' | 'zhuzhuang' | 'chenzhou' | 'admin', body: Record<string, unknown>) =>
        k.call(who, 'PUT', '/api/v1/duty/rosters/days', { unitId: k.ids.dehua, volunteers: [], gridIds: [], ...body });

      it('writes days and shows each day’s gaps', async () => {
        const r = await put('dehua', {
          day: '2026-11-30',
          cadreAccountId: k.accounts.dehua,
          volunteers: ['王小明', '李红'],
          gridIds: [k.ids.dehua1],
        });
        expect(r.statusCode, r.body).toBe(200);
        expect(r.json().days[0]).toMatchObject({
          cadre: { id: k.accounts.dehua },
          gaps: { noCadre: false, uncoveredGridIds: [k.ids.dehua2] },
        });
        await put('chenzhou', {
          day: '2026-12-01',
          cadreAccountId: k.accounts.chenzhou,
          gridIds: [k.ids.dehua1, k.ids.dehua2],
        });
        const week = await k.call('dehua', 'GET', `/api/v1/duty/rosters?unitId=${k.ids.dehua}&from=2026-11-30`);
        expect(week.json().days).toHaveLength(7);
        expect(week.json().days[1].gaps).toEqual({ noCadre: false, uncoveredGridIds: [] });
        expect(week.json().days[2].gaps).toEqual({ noCadre: true, uncoveredGridIds: [k.ids.dehua1, k.ids.dehua2] });
        expect(week.json().gapDays).toBe(6);
        expect(
          week
            .json()
            .candidates.map((c: { id: string }) => c.id)
            .sort(),
        ).toEqual([k.accounts.chenzhou, k.accounts.dehua].sort());
      });

      it('refuses a roster outside scope (403 naming unitId), a stranger as cadre and a grid of another community', async () => {
        const before = await k.count('duty_roster_days');
        const out = await k.call('zhuzhuang', 'PUT', '/api/v1/duty/rosters/days', {
          unitId: k.ids.dehua,
          day: '2026-12-02',
          cadreAccountId: null,
          volunteers: ['张三'],
        });
        expect(out.statusCode).toBe(403);
        expect(out.json()).toMatchObject({ code: 'duty.unit_out_of_scope', errors: [{ field: 'unitId' }] });
        const read = await k.call('zhuzhuang', 'GET', `/api/v1/duty/rosters?unitId=${k.ids.dehua}&from=2026-11-30`);
        expect(read.json().errors).toMatchObject([{ field: 'unitId' }]);
        const stranger = await put('dehua', { day: '2026-12-02', cadreAccountId: k.accounts.zhuzhuang });
        expect(stranger.json().errors).toMatchObject([{ field: 'cadreAccountId' }]);
        const grid = await put('dehua', { day: '2026-12-02', cadreAccountId: null, gridIds: [k.ids.zhuzhuang1] });
        expect(grid.json().errors).toMatchObject([{ field: 'gridIds[0]' }]);
        const notCommunity = await k.call(
          'chenzhou',
          'GET',
          `/api/v1/duty/rosters?unitId=${k.ids.dehua1}&from=2026-11-30`,
        );
        expect(notCommunity.json().errors).toMatchObject([{ field: 'unitId' }]);
        expect(await k.count('duty_roster_days')).toBe(before);
      });

      it('copies last week forward, refusing days with entries unless asked', async () => {
        const body = { unitId: k.ids.dehua, weekStart: '2026-12-07' };
        const first = await k.call('dehua', 'POST', '/api/v1/duty/rosters/copy-forward', body);
        expect(first.json()).toEqual({ copied: 2, replaced: 0 });
        await put('dehua', { day: '2026-12-07', cadreAccountId: k.accounts.chenzhou, gridIds: [k.ids.dehua2] });
        const again = await k.call('dehua', 'POST', '/api/v1/duty/rosters/copy-forward', body);
        expect(again.statusCode).toBe(409);
        expect(again.json()).toMatchObject({ code: 'duty.copy_would_overwrite', errors: [{ field: 'overwrite' }] });
        const forced = await k.call('dehua', 'POST', '/api/v1/duty/rosters/copy-forward', { ...body, overwrite: true });
        expect(forced.json()).toEqual({ copied: 2, replaced: 2 });
        const week = (
          await k.call('dehua', 'GET', `/api/v1/duty/rosters?unitId=${k.ids.dehua}&from=2026-12-07&days=2`)
        ).json();
        expect(week.days.map((d: { cadre: { id: string } }) => d.cadre.id)).toEqual([
          k.accounts.dehua,
          k.accounts.chenzhou,
        ]);
        expect(week.days[0].volunteers).toEqual(['王小明', '李红']);
      });

      it('removes a day written empty', async () => {
        await put('dehua', { day: '2026-12-20', cadreAccountId: k.accounts.dehua });
        const before = await k.count('duty_roster_days');
        await put('dehua', { day: '2026-12-20', cadreAccountId: null });
        expect(await k.count('duty_roster_days')).toBe(before - 1);
      });

      it('exports the week as .xlsx with gaps marked', async () => {
        const r = await k.call(
          'dehua',
          'GET',
          `/api/v1/duty/rosters/export.xlsx?unitId=${k.ids.dehua}&from=2026-11-30`,
        );
        expect(r.statusCode).toBe(200);
        expect(r.headers['content-type']).toContain('spreadsheetml');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
        const rows: string[][] = [];
        wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
        expect(rows[0][0]).toBe('德化社区值班表');
        const mon = rows.find((x) => x[0] === '2026-11-30')!;
        expect(mon).toEqual([
          '2026-11-30',
          '星期一',
          'dehua（测试）',
          '王小明、李红',
          '德化社区第1网格-1',
          '未覆盖：德化社区第1网格-2',
        ]);
        expect(rows.find((x) => x[0] === '2026-12-02')![5]).toContain('无带班干部');
        const month = await k.call(
          'dehua',
          'GET',
          `/api/v1/duty/rosters/export.xlsx?unitId=${k.ids.dehua}&from=2026-11-30&days=40`,
        );
        expect(month.statusCode).toBe(400);
      });

      it('reminds the community of tomorrow’s gaps once, in the afternoon before', async () => {
        const inbox = async () =>
          (await k.call('dehua', 'GET', '/api/v1/inbox'))
            .json()
            .items.filter((m: { kind: string }) => m.kind === 'duty.roster_gap');
        // 2026-12-02 has no entry: no cadre, both grids uncovered.
        expect(await remindRosterGaps(deps(), new Date('2026-12-01T03:00:00Z'))).toEqual({ checked: 0, reminded: 0 });
        const r = await remindRosterGaps(deps(), new Date('2026-12-01T09:00:00Z'));
        expect(r.reminded).toBe(1);
        expect(await inbox()).toMatchObject([
          { title: expect.stringContaining('2026-12-02'), body: expect.stringContaining('没有安排带班干部') },
        ]);
        expect((await remindRosterGaps(deps(), new Date('2026-12-01T11:00:00Z'))).reminded).toBe(0);
        expect(await inbox()).toHaveLength(1);
        // A day without gaps is not told.
        await put('dehua', {
          day: '2026-12-03',
          cadreAccountId: k.accounts.dehua,
          gridIds: [k.ids.dehua1, k.ids.dehua2],
        });
        expect((await remindRosterGaps(deps(), new Date('2026-12-02T09:00:00Z'))).reminded).toBe(0);
      });

      describe('unit moves', () => {
        it('moves responsibilities and roster days with a community to its new 街道', async () => {
          const seen = async (who: 'chenzhou' | 'chengbei') => ({
            roster: (await k.call(who, 'GET', `/api/v1/duty/rosters?unitId=${k.ids.dehua}&from=2026-11-30`)).statusCode,
            leads: (await k.call(who, 'GET', `${R}?unitId=${k.ids[who]}&subtree=true&kind=lead`)).json().items.length,
          });
          expect(await seen('chengbei')).toEqual({ roster: 403, leads: 0 });
          const m = await k.call('admin', 'POST', `/api/v1/units/${k.ids.dehua}/move`, { parentId: k.ids.chengbei });
          expect(m.statusCode, m.body).toBe(200);
          expect(await seen('chengbei')).toEqual({ roster: 200, leads: 2 });
          expect(await seen('chenzhou')).toEqual({ roster: 403, leads: 0 });
          const week = (
            await k.call('chengbei', 'GET', `/api/v1/duty/rosters?unitId=${k.ids.dehua}&from=2026-11-30`)
          ).json();
          expect(week.days[0].cadre).toMatchObject({ id: k.accounts.dehua });
        });
      });
    });
  });
}
