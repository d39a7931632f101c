import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPopulationFixture, testIdNumber, type PopulationFixture } from '../../population/http/test-kit.js';
import { escalateChecks } from '../commands/escalate-checks.js';
import type { ScreeningDeps } from '../deps.js';
import { createOrgApi, LocateService } from '../../org/index.js';
import { loadConfig } from '../../../kernel/config.js';
import { checkSheet, FIELDS, multipart } from './test-kit.js';
import { zhSentence } from '../../../kernel/http/messages.zh.js';

/** A problem as clients see it: the field and its code's Chinese sentence. */
const zh = (code: string, params: Record<string, string> = {}) => zhSentence(code, params)!;

const USERS = ['admin', 'leader', 'duchashi', 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang', 'wgy_dehua'];

for (const tdb of testDatabases()) {
  describe(`screening lists and 24-hour checks (${tdb.name})`, () => {
    let f: PopulationFixture;
    let deps: ScreeningDeps;
    let campaign = '';
    let myGrid = '';
    const known = testIdNumber('19650302', 41);
    const newcomer = testIdNumber('19880815', 52);
    const count = async (table: 'scr_entries' | 'scr_entry_reports' | 'scr_checks' | 'audit_events') =>
      Number(
        (
          await f.h.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const upload = (who: string, id: string, file: Buffer) => {
      const m = multipart(file);
      return f.h.app.inject({
        method: 'POST',
        url: `/api/v1/screening-campaigns/${id}/checks/import?batchName=${encodeURIComponent('第1批')}`,
        headers: { cookie: f.cookies[who], 'content-type': m.type, 'sec-fetch-site': 'same-origin' },
        payload: m.payload,
      });
    };
    const inbox = async (user: string, kind: string) => {
      const acct = (await f.call(user, 'GET', '/api/v1/auth/me')).json().id as string;
      return Number(
        (
          await f.h.database.db
            .selectFrom('inbox_messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('account_id', '=', acct)
            .where('kind', '=', kind)
            .executeTakeFirstOrThrow()
        ).n,
      );
    };

    /** The test's sessions last 12 hours: after moving the clock on, log in again. */
    const relogin = async () => {
      for (const u of USERS) f.cookies[u] = await f.h.login(u, u === 'admin' ? undefined : 'Demo12345');
    };

    beforeAll(async () => {
      f = await openPopulationFixture(tdb, USERS);
      myGrid = (await f.call('wgy_dehua', 'GET', '/api/v1/auth/me')).json().unitId;
      const household = (
        await f.call('dehua', 'POST', '/api/v1/households', { address: '德化街18号', gridId: myGrid })
      ).json().id;
      const r = await f.call('dehua', 'POST', '/api/v1/residents', {
        name: '冯桂兰',
        idNumber: known,
        phone: '13600003333',
        householdId: household,
        residenceKind: 'registered',
      });
      expect(r.statusCode).toBe(201);
      const config = loadConfig({ CIVICGRID_DATA_DIR: '/tmp/unused' });
      deps = {
        database: f.h.database,
        clock: f.h.clock,
        org: createOrgApi({ database: f.h.database, locator: new LocateService(f.h.database, f.h.clock) }),
        timeZone: config.timeZone,
        serverSecretFile: config.serverSecretFile,
      };
    }, 120_000);
    afterAll(async () => f?.h.close());

    it('opens a campaign for a unit in scope, refusing a reversed window, bad fields or a unit outside', async () => {
      const body = {
        name: '返乡人员排查',
        scopeUnitId: f.units.chenzhou.id,
        startsOn: '2026-11-25',
        endsOn: '2026-12-31',
        fields: FIELDS,
      };
      const reversed = await f.call('chenzhou', 'POST', '/api/v1/screening-campaigns', {
        ...body,
        endsOn: '2026-11-01',
      });
      expect(reversed.statusCode).toBe(422);
      expect(reversed.headers['content-type']).toContain('application/problem+json');
      expect(reversed.json().errors[0]).toMatchObject({ field: 'endsOn', message: zh('screening.window_reversed') });
      const badFields = await f.call('chenzhou', 'POST', '/api/v1/screening-campaigns', {
        ...body,
        fields: [...FIELDS, { key: 'health', label: '健康状况', type: 'choice', required: true, choices: [] }],
      });
      expect(badFields.statusCode).toBe(422);
      expect(badFields.json().errors[0]).toMatchObject({
        field: 'fields[3]',
        message: zh('screening.field_choices_required'),
      });
      const outside = await f.call('chengbei', 'POST', '/api/v1/screening-campaigns', body);
      expect(outside.statusCode).toBe(422);
      expect(outside.json().errors[0].field).toBe('scopeUnitId');
      expect((await f.call('dehua', 'POST', '/api/v1/screening-campaigns', body)).statusCode).toBe(403);
      const ok = await f.call('chenzhou', 'POST', '/api/v1/screening-campaigns', body);
      expect(ok.statusCode).toBe(201);
      campaign = ok.json().id;
      expect(ok.json()).toMatchObject({ status: 'open', scopeUnit: { name: '陈州街道办事处' }, canManage: true });
      // 德化 sees the campaign covering it, but may not manage it; 城北 does not see it.
      const seen = (await f.call('dehua', 'GET', '/api/v1/screening-campaigns')).json().items;
      expect(seen.map((c: { id: string; canManage: boolean }) => [c.id, c.canManage])).toEqual([[campaign, false]]);
      expect((await f.call('chengbei', 'GET', '/api/v1/screening-campaigns')).json().items).toEqual([]);
      expect((await f.call('chengbei', 'GET', `/api/v1/screening-campaigns/${campaign}`)).statusCode).toBe(404);
    });

    it('adds an entry from the grid, placed on the household’s grid and linked to the resident, masked', async () => {
      const r = await f.call('wgy_dehua', 'POST', `/api/v1/screening-campaigns/${campaign}/entries`, {
        name: '冯桂兰',
        idNumber: known,
        phone: '13600003333',
        source: 'door',
        values: { origin: '郑州市金水区', arrivalDate: '2026-11-28', transport: '火车' },
      });
      expect(r.statusCode, r.body).toBe(201);
      const { entry, attached } = r.json();
      expect(attached).toBe(false);
      expect(entry.grid.id).toBe(myGrid);
      expect(entry.residentId).not.toBeNull();
      expect(entry.idNumber).toBe(`411${'*'.repeat(11)}${known.slice(-4)}`);
      expect(entry.phone).toBe('136****3333');
      expect(entry.units.map((u: { name: string }) => u.name)).toEqual(['德化社区']);
    });

    it('refuses a bad ID number, a missing required value, an unknown person without a grid; nothing written', async () => {
      const before = [await count('scr_entries'), await count('scr_entry_reports')];
      const post = (body: Record<string, unknown>) =>
        f.call('dehua', 'POST', `/api/v1/screening-campaigns/${campaign}/entries`, {
          name: '郑大',
          idNumber: newcomer,
          gridId: myGrid,
          values: { origin: '北京市朝阳区', arrivalDate: '2026-11-29' },
          ...body,
        });
      const bad = await post({ idNumber: newcomer.slice(0, 17) + (newcomer[17] === '1' ? '2' : '1') });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0]).toMatchObject({ field: 'idNumber', message: zh('resident.id_checksum') });
      const future = await post({ idNumber: testIdNumber('20991231', 11) });
      expect(future.json().errors[0]).toMatchObject({ field: 'idNumber', message: zh('resident.id_birth_future') });
      const missing = await post({ values: { arrivalDate: '2026-02-30', transport: '轮船' } });
      expect(missing.statusCode).toBe(422);
      expect(missing.json().errors.map((e: { field: string; message: string }) => [e.field, e.message])).toEqual([
        ['values.origin', zh('screening.value_required')],
        ['values.arrivalDate', zh('screening.value_not_date')],
        ['values.transport', zh('screening.value_not_choice')],
      ]);
      const nowhere = await post({ gridId: undefined });
      expect(nowhere.json().errors[0]).toMatchObject({ field: 'gridId', message: zh('place.required') });
      const otherDistrict = await f.call('chengbei', 'POST', `/api/v1/screening-campaigns/${campaign}/entries`, {
        name: '郑大',
        idNumber: newcomer,
        values: { origin: '北京', arrivalDate: '2026-11-29' },
      });
      expect(otherDistrict.statusCode).toBe(404);
      expect([await count('scr_entries'), await count('scr_entry_reports')]).toEqual(before);
    });

    it('a second community reporting the same ID number attaches to the entry, never a second row', async () => {
      f.h.clock.advance(60_000);
      const r = await f.call('zhuzhuang', 'POST', `/api/v1/screening-campaigns/${campaign}/entries`, {
        name: '冯桂兰',
        idNumber: known.toLowerCase(),
        gridId: f.grids.zhuzhuang[0]!.id,
        values: { origin: '郑州', arrivalDate: '2026-11-28' },
      });
      expect(r.statusCode).toBe(201);
      expect(r.json().attached).toBe(true);
      expect(r.json().entry.units.map((u: { name: string }) => u.name)).toEqual(['德化社区', '朱庄社区']);
      expect(await count('scr_entries')).toBe(1);
      // Reported again by 德化: nothing new.
      const again = await f.call('dehua', 'POST', `/api/v1/screening-campaigns/${campaign}/entries`, {
        name: '冯桂兰',
        idNumber: known,
        values: { origin: '郑州', arrivalDate: '2026-11-28' },
      });
      expect(again.json().attached).toBe(true);
      expect(await count('scr_entry_reports')).toBe(2);
      // Both communities see it; the leader of the district too, masked.
      for (const u of ['dehua', 'zhuzhuang', 'leader'])
        expect((await f.call(u, 'GET', `/api/v1/screening-campaigns/${campaign}/entries`)).json().total).toBe(1);
    });

    it('counts the people listed today on the unit’s grids for the daily forms (排查人数), a person once', async () => {
      const form = await f.call('admin', 'POST', '/api/v1/report-forms', {
        code: 'screening_daily',
        name: '排查日报',
        periodType: 'daily',
        deadline: { time: '18:00', dayOffset: 0 },
        allowZero: true,
        reporters: { kind: 'level', unitKind: 'community' },
        fields: [{ code: 'listed', label: '排查人数', type: 'integer', min: 0, source: 'screening.peopleListed' }],
        rules: [],
      });
      expect(form.statusCode, form.body).toBe(201);
      const prefill = async (who: string, unitId: string, period: string) =>
        (
          await f.call(who, 'GET', `/api/v1/report-forms/${form.json().id}/prefill?unitId=${unitId}&period=${period}`)
        ).json().values;
      // 冯桂兰 lives on 德化's grid; 朱庄 reported her too, which does not make her 朱庄's.
      expect(await prefill('dehua', f.units.dehua.id, '2026-11-30')).toEqual({ listed: 1 });
      expect(await prefill('zhuzhuang', f.units.zhuzhuang.id, '2026-11-30')).toEqual({ listed: 0 });
      expect(await prefill('chenzhou', f.units.chenzhou.id, '2026-11-30')).toEqual({ listed: 1 });
      expect(await prefill('dehua', f.units.dehua.id, '2026-11-29')).toEqual({ listed: 0 });
    });

    it('reveals an entry with a reason, audited; the leader may not', async () => {
      const id = (await f.call('dehua', 'GET', `/api/v1/screening-campaigns/${campaign}/entries`)).json().items[0].id;
      const before = await count('audit_events');
      expect((await f.call('leader', 'GET', `/api/v1/screening-entries/${id}/reveal?reason=x`)).statusCode).toBe(403);
      const noReason = await f.call('dehua', 'GET', `/api/v1/screening-entries/${id}/reveal`);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().errors[0].field).toBe('reason');
      const r = await f.call(
        'dehua',
        'GET',
        `/api/v1/screening-entries/${id}/reveal?reason=${encodeURIComponent('电话回访')}`,
      );
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ idNumber: known, phone: '13600003333', revealed: true });
      expect(await count('audit_events')).toBe(before + 1);
    });

    it('imports a 协查 list all or nothing, naming row and column', async () => {
      const template = await f.call('chenzhou', 'GET', '/api/v1/screening-checks/import-template.xlsx');
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-type']).toContain('spreadsheetml');
      const bad = await upload(
        'chenzhou',
        campaign,
        await checkSheet([
          ['甲', known, null, null, null, null],
          ['乙', newcomer.slice(0, 17) + 'Z', null, null, null, null],
          ['丙', testIdNumber('19900101', 61), null, null, '北关社区', null],
          ['丁', known, '123', null, null, null],
        ]),
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
        'rows[4].身份证号',
        'rows[5].社区',
        'rows[6].身份证号',
        'rows[6].电话',
      ]);
      expect(await count('scr_checks')).toBe(0);
      expect(
        (await upload('dehua', campaign, await checkSheet([['甲', known, null, null, null, null]]))).statusCode,
      ).toBe(403);
      const ok = await upload(
        'chenzhou',
        campaign,
        await checkSheet([
          ['冯桂兰', known, null, null, '朱庄社区', '家属报告'],
          ['郑大', newcomer, '13900001111', '朱庄路9号', '朱庄社区', null],
          ['王五', testIdNumber('19770707', 71), null, null, null, null],
        ]),
      );
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ count: 3, routed: { household: 1, column: 1, scope: 0 + 1 } });
      // The owners are told.
      expect(await inbox('dehua', 'screening.checks_pushed')).toBe(1);
      expect(await inbox('zhuzhuang', 'screening.checks_pushed')).toBe(1);
    });

    it('routes each item to its owner, answered once, re-routed by the sub-district', async () => {
      const list = async (u: string) =>
        (await f.call(u, 'GET', `/api/v1/screening-campaigns/${campaign}/checks`)).json().items as {
          id: string;
          name: string;
          owner: { name: string };
          routedBy: string;
          minutesLeft: number;
          overdue: boolean;
          status: string;
        }[];
      const dehua = await list('dehua');
      expect(dehua.map((c) => [c.name, c.routedBy])).toEqual([['冯桂兰', 'household']]);
      expect(dehua[0]!.minutesLeft).toBe(24 * 60);
      expect((await list('zhuzhuang')).map((c) => c.name)).toEqual(['郑大']);
      const all = await list('chenzhou');
      expect(all.map((c) => c.owner.name).sort()).toEqual(['德化社区', '朱庄社区', '陈州街道办事处'].sort());
      // 已找到: the known person is already on the list: the entry gets no second row.
      const found = await f.call('dehua', 'POST', `/api/v1/screening-checks/${dehua[0]!.id}/answer`, {
        status: 'found',
        note: '已入户核实',
      });
      expect(found.statusCode).toBe(200);
      expect(found.json()).toMatchObject({ status: 'found', overdue: false, minutesLeft: null });
      expect(await count('scr_entries')).toBe(1);
      const twice = await f.call('dehua', 'POST', `/api/v1/screening-checks/${dehua[0]!.id}/answer`, {
        status: 'not_found',
      });
      expect(twice.statusCode).toBe(409);
      // Another community’s item does not exist for 德化.
      const zz = (await list('zhuzhuang'))[0]!;
      expect(
        (await f.call('dehua', 'POST', `/api/v1/screening-checks/${zz.id}/answer`, { status: 'not_found' })).statusCode,
      ).toBe(404);
      // 已找到 of a person unknown in the district needs the grid they were found in.
      const noGrid = await f.call('zhuzhuang', 'POST', `/api/v1/screening-checks/${zz.id}/answer`, { status: 'found' });
      expect(noGrid.json().errors[0]).toMatchObject({ field: 'gridId', message: zh('place.required') });
      const zzFound = await f.call('zhuzhuang', 'POST', `/api/v1/screening-checks/${zz.id}/answer`, {
        status: 'found',
        gridId: f.grids.zhuzhuang[0]!.id,
        values: { origin: '上海' },
      });
      expect(zzFound.statusCode).toBe(200);
      expect(await count('scr_entries')).toBe(2);
      const pushedEntry = (
        await f.call('zhuzhuang', 'GET', `/api/v1/screening-campaigns/${campaign}/entries?source=pushed`)
      ).json();
      expect(pushedEntry.items.map((e: { name: string }) => e.name)).toEqual(['郑大']);
      // The unrouted one: 德化 cannot route, 陈州 can, only to a community of the campaign.
      const waiting = all.find((c) => c.routedBy === 'scope')!;
      expect(
        (await f.call('dehua', 'POST', `/api/v1/screening-checks/${waiting.id}/route`, { unitId: f.units.dehua.id }))
          .statusCode,
      ).toBe(403);
      const wrong = await f.call('chenzhou', 'POST', `/api/v1/screening-checks/${waiting.id}/route`, {
        unitId: f.units.chenzhou.id,
      });
      expect(wrong.json().errors[0]).toMatchObject({ field: 'unitId', message: zh('screening.route_unusable') });
      const routed = await f.call('chenzhou', 'POST', `/api/v1/screening-checks/${waiting.id}/route`, {
        unitId: f.units.dehua.id,
      });
      expect(routed.json()).toMatchObject({ routedBy: 'manual', owner: { name: '德化社区' } });
      expect(await inbox('dehua', 'screening.check_routed')).toBe(1);
    });

    it('escalates the unanswered item past due once to the sub-district, then once to the district', async () => {
      const start = f.h.clock.now().getTime();
      f.h.clock.set(new Date(start + 25 * 3600_000).toISOString());
      await relogin();
      const late = (await f.call('dehua', 'GET', `/api/v1/screening-campaigns/${campaign}/checks?overdue=true`)).json();
      expect(late.items.map((c: { name: string; overdue: boolean }) => [c.name, c.overdue])).toEqual([['王五', true]]);
      expect(late.items[0].minutesLeft).toBe(-60);
      expect((await escalateChecks(deps, f.h.clock.now())).escalated).toBe(1);
      expect((await escalateChecks(deps, f.h.clock.now())).escalated).toBe(0);
      expect(await inbox('chenzhou', 'screening.check_overdue')).toBe(1);
      expect(await inbox('duchashi', 'screening.check_overdue')).toBe(0);
      f.h.clock.set(new Date(start + 49 * 3600_000).toISOString());
      await relogin();
      expect((await escalateChecks(deps, f.h.clock.now())).escalated).toBe(1);
      expect((await escalateChecks(deps, f.h.clock.now())).escalated).toBe(0);
      expect(await inbox('chenzhou', 'screening.check_overdue')).toBe(1);
      expect(await inbox('duchashi', 'screening.check_overdue')).toBe(1);
      const item = (
        await f.call('chenzhou', 'GET', `/api/v1/screening-campaigns/${campaign}/checks?status=pending`)
      ).json().items[0];
      expect(item).toMatchObject({ escalation: 2, overdue: true });
      // A late answer is kept, still 已超时.
      const answered = await f.call('dehua', 'POST', `/api/v1/screening-checks/${item.id}/answer`, {
        status: 'moved_on',
        note: '已返回原籍',
      });
      expect(answered.json()).toMatchObject({ status: 'moved_on', overdue: true });
    });

    it('closes, then purges the personal data leaving counts and a signed, verifiable record', async () => {
      expect((await f.call('dehua', 'POST', `/api/v1/screening-campaigns/${campaign}/close`)).statusCode).toBe(403);
      const early = await f.call('chenzhou', 'POST', `/api/v1/screening-campaigns/${campaign}/purge`, {
        confirmName: '返乡人员排查',
      });
      expect(early.statusCode).toBe(409);
      expect((await f.call('chenzhou', 'POST', `/api/v1/screening-campaigns/${campaign}/close`)).json().status).toBe(
        'closed',
      );
      const closedAdd = await f.call('dehua', 'POST', `/api/v1/screening-campaigns/${campaign}/entries`, {
        name: '郑大',
        idNumber: newcomer,
        gridId: myGrid,
        values: { origin: '北京', arrivalDate: '2026-11-29' },
      });
      expect(closedAdd.statusCode).toBe(409);
      const mistyped = await f.call('chenzhou', 'POST', `/api/v1/screening-campaigns/${campaign}/purge`, {
        confirmName: '返乡人员',
      });
      expect(mistyped.json().errors[0]).toMatchObject({
        field: 'confirmName',
        message: zh('screening.purge_confirm_mismatch'),
      });
      expect(
        (
          await f.call('dehua', 'POST', `/api/v1/screening-campaigns/${campaign}/purge`, {
            confirmName: '返乡人员排查',
          })
        ).statusCode,
      ).toBe(403);
      const before = await count('audit_events');
      const purged = await f.call('chenzhou', 'POST', `/api/v1/screening-campaigns/${campaign}/purge`, {
        confirmName: '返乡人员排查',
      });
      expect(purged.statusCode).toBe(200);
      const view = purged.json();
      expect(view.verified).toBe(true);
      expect(view.signature).toMatch(/^[0-9a-f]{64}$/);
      expect(view.record).toMatchObject({
        campaign: { name: '返乡人员排查', scopeUnit: '陈州街道办事处' },
        purgedBy: { name: expect.any(String) },
        purged: { entries: 2, reports: 3, checks: 3 },
        counts: {
          entriesByCommunity: { 德化社区: 1, 朱庄社区: 1 },
          entriesBySource: { 敲门发现: 1, 上级下发: 1 },
          checksByStatus: { 已找到: 2, 已离开: 1 },
          checksOverdue: 1,
        },
      });
      expect(await count('audit_events')).toBe(before + 1);
      expect([await count('scr_entries'), await count('scr_entry_reports'), await count('scr_checks')]).toEqual([
        0, 0, 0,
      ]);
      // Nothing personal is left in the record.
      expect(view.recordJson).not.toContain('冯桂兰');
      expect(view.recordJson).not.toContain(known);
      const c = (await f.call('dehua', 'GET', `/api/v1/screening-campaigns/${campaign}`)).json();
      expect(c).toMatchObject({ status: 'purged', counts: { entries: 2, checks: 3 } });
      const got = await f.call('leader', 'GET', `/api/v1/screening-campaigns/${campaign}/purge-record`);
      expect(got.json()).toMatchObject({ verified: true, signature: view.signature, recordJson: view.recordJson });
      // A changed byte no longer verifies.
      await f.h.database.db
        .updateTable('scr_campaigns')
        .set({ purge_record: view.recordJson.replace('"entries":2', '"entries":1') })
        .where('id', '=', campaign)
        .execute();
      expect(
        (await f.call('leader', 'GET', `/api/v1/screening-campaigns/${campaign}/purge-record`)).json().verified,
      ).toBe(false);
      expect(
        (
          await f.call('chenzhou', 'POST', `/api/v1/screening-campaigns/${campaign}/purge`, {
            confirmName: '返乡人员排查',
          })
        ).statusCode,
      ).toBe(409);
    });
  });
}
