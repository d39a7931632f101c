import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openVenueKit, POINTS, type VenueKit } from '../test-kit.js';

const HOUR = 3_600_000;

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: venues API`, () => {
    let k: VenueKit;
    beforeAll(async () => {
      k = await openVenueKit(tdb);
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('starts the district with the default types and checklist, kept by the admin only', async () => {
      const s = (await k.call('dehua', 'GET', '/api/v1/venue-settings')).json();
      expect(s.types.map((t: { name: string }) => t.name)).toEqual([
        '商铺',
        '农贸市场',
        '超市',
        '宾馆酒店',
        '餐饮',
        '学校',
        '诊所卫生室',
        '网吧',
        '娱乐场所',
        '其他',
      ]);
      expect(s.checkItems.map((t: { name: string }) => t.name)).toEqual([
        '扫码登记',
        '测温',
        '佩戴口罩',
        '消毒记录',
        '通风',
      ]);
      expect(s.canConfigure).toBe(false);
      expect((await k.call('admin', 'GET', '/api/v1/venue-settings')).json().canConfigure).toBe(true);
      for (const who of ['dehua', 'chenzhou'] as const) {
        const r = await k.call(who, 'POST', '/api/v1/venue-settings/types', { name: '药店' });
        expect(r.statusCode, who).toBe(403);
        expect(r.json().code).toBe('venue.settings_denied');
      }
      expect((await k.call('leader', 'POST', '/api/v1/venue-settings/types', { name: '药店' })).statusCode).toBe(403);
    });

    it('lets the admin add, rename and retire a type; codes stay, a retired type takes no new venue', async () => {
      const added = await k.call('admin', 'POST', '/api/v1/venue-settings/types', { name: '药店' });
      expect(added.statusCode, added.body).toBe(201);
      const drug = added.json().find((t: { name: string }) => t.name === '药店');
      expect(drug).toEqual({ code: 't11', name: '药店', active: true });
      const id = await k.venue('dehua', { typeCode: 't11', name: '德化街康宁药店' });
      const renamed = await k.call('admin', 'PATCH', '/api/v1/venue-settings/types/t11', { name: '药店药房' });
      expect(renamed.statusCode).toBe(200);
      expect((await k.call('dehua', 'GET', `/api/v1/venues/${id}`)).json()).toMatchObject({
        typeCode: 't11',
        typeName: '药店药房',
      });
      await k.call('admin', 'PATCH', '/api/v1/venue-settings/types/t11', { active: false });
      const refused = await k.call('dehua', 'POST', '/api/v1/venues', {
        name: '德化街又一药店',
        typeCode: 't11',
        address: '德化街1号',
        ownerName: '李华',
        ownerPhone: '13912345678',
        gridId: k.ids.dehua1,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0]).toMatchObject({ field: 'typeCode', message: '场所类型不存在或已停用' });
      // The venue registered before keeps its (retired) type and can still be edited.
      const detail = (await k.call('dehua', 'GET', `/api/v1/venues/${id}`)).json();
      const edit = await k.call('dehua', 'PUT', `/api/v1/venues/${id}`, {
        name: detail.name,
        typeCode: 't11',
        address: '德化街2号',
        ownerName: detail.ownerName,
        ownerPhone: '13812341234',
        gridId: k.ids.dehua1,
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(edit.json().address).toBe('德化街2号');
      // Left out, the phone stays as it was: an edit needs no reveal.
      const keep = await k.call('dehua', 'PUT', `/api/v1/venues/${id}`, {
        name: detail.name,
        typeCode: 't11',
        address: '德化街3号',
        ownerName: '李四',
        gridId: k.ids.dehua2,
      });
      expect(keep.statusCode, keep.body).toBe(200);
      expect(keep.json()).toMatchObject({ ownerName: '李四', grid: { id: k.ids.dehua2 }, ownerPhone: '138****1234' });
      const stored = await k.h.database.db
        .selectFrom('venues')
        .select('owner_phone')
        .where('id', '=', id)
        .executeTakeFirst();
      expect(stored?.owner_phone).toBe('13812341234');
      await k.call('admin', 'PATCH', '/api/v1/venue-settings/types/t11', { active: true });
    });

    it('places a venue by its point into the smallest grid, or in a chosen small grid', async () => {
      const byPoint = await k.call(
        'dehua',
        'GET',
        `/api/v1/venues/${await k.venue('dehua', { location: POINTS.dehua2 })}`,
      );
      expect(byPoint.json()).toMatchObject({
        grid: { id: k.ids.dehua2, name: '德化社区第1网格-2' },
        community: { id: k.ids.dehua, name: '德化社区' },
        location: POINTS.dehua2,
        status: 'open',
        ownerPhone: '138****1234',
        phoneMasked: true,
      });
      const byGrid = await k.venue('chenzhou', { location: null, gridId: k.ids.zhuzhuang1 });
      expect((await k.call('chenzhou', 'GET', `/api/v1/venues/${byGrid}`)).json()).toMatchObject({
        grid: { id: k.ids.zhuzhuang1 },
        community: { name: '朱庄社区' },
        location: null,
      });
    });

    it('refuses bad venues naming the field, and writes nothing', async () => {
      const audits = async () =>
        (await k.h.database.db.selectFrom('audit_events').select('id').where('action', 'like', 'venue.%').execute())
          .length;
      const before = [await k.count('venues'), await audits()];
      const base = {
        name: '德化街某店',
        typeCode: 'shop',
        address: '德化街9号',
        ownerName: '张三',
        ownerPhone: '13700001111',
      };
      const cases: [Record<string, unknown>, number, string, string][] = [
        [{ ...base, typeCode: 'bakery', location: POINTS.dehua1 }, 422, 'typeCode', '场所类型不存在或已停用'],
        [
          { ...base, location: POINTS.nowhere },
          422,
          'location',
          '该位置不在任何网格内，请在地图上重新选点或直接选择网格',
        ],
        [{ ...base }, 422, 'location', '请在地图上选点或选择所在网格'],
        [{ ...base, gridId: k.ids.beiguan1 }, 422, 'gridId', '该网格不在您的数据权限范围内'],
        [{ ...base, location: POINTS.beiguan }, 422, 'location', '该网格不在您的数据权限范围内'],
        [{ ...base, gridId: k.ids.dehuaL }, 422, 'gridId', '请选择一个在用的小网格'],
        [{ ...base, location: POINTS.dehua1, gridId: k.ids.dehua2 }, 422, 'gridId', '所选位置不在所选网格内'],
        [{ ...base, name: '  ', gridId: k.ids.dehua1 }, 400, 'name', '不能为空'],
        [{ ...base, ownerPhone: 'abc', gridId: k.ids.dehua1 }, 400, 'ownerPhone', '请填写正确的电话号码'],
      ];
      for (const [body, status, field, message] of cases) {
        const r = await k.call('dehua', 'POST', '/api/v1/venues', body);
        expect(r.statusCode, JSON.stringify(body)).toBe(status);
        expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(r.json().errors[0], JSON.stringify(body)).toMatchObject({ field, message });
      }
      expect([await k.count('venues'), await audits()]).toEqual(before);
    });

    it('lists venues in scope with filters, text search and paging, phones masked', async () => {
      const market = await k.venue('chengbei', {
        name: '北关农贸市场',
        typeCode: 'market',
        address: '北关街1号',
        ownerName: '赵六',
        location: POINTS.beiguan,
      });
      const list = async (who: 'chenzhou' | 'chengbei' | 'leader', qs = '') =>
        (await k.call(who, 'GET', `/api/v1/venues?${qs.includes('limit=') ? '' : 'limit=200'}${qs}`)).json();
      const all = await list('leader');
      expect(all.total).toBe(all.items.length);
      expect(all.items.every((v: { ownerPhone: string }) => /^\d{3}\*{4}\d{4}$/.test(v.ownerPhone))).toBe(true);
      expect((await list('chenzhou')).items.map((v: { id: string }) => v.id)).not.toContain(market);
      expect((await list('chengbei')).items.map((v: { id: string }) => v.id)).toEqual([market]);
      expect((await list('leader', '&typeCode=market')).items.map((v: { id: string }) => v.id)).toEqual([market]);
      expect((await list('leader', `&q=${encodeURIComponent('北关街')}`)).items).toHaveLength(1);
      expect((await list('leader', `&q=${encodeURIComponent('赵六')}`)).items).toHaveLength(1);
      expect((await list('leader', `&unitId=${k.ids.chengbei}`)).total).toBe(1);
      const dehua = await list('leader', `&unitId=${k.ids.dehua}`);
      expect(dehua.items.every((v: { community: { name: string } }) => v.community.name === '德化社区')).toBe(true);
      const page1 = await list('leader', '&limit=2&offset=0');
      const page2 = await list('leader', '&limit=2&offset=2');
      expect(page1.items.map((v: { id: string }) => v.id)).toEqual(
        all.items.slice(0, 2).map((v: { id: string }) => v.id),
      );
      expect(page2.items.map((v: { id: string }) => v.id)).toEqual(
        all.items.slice(2, 4).map((v: { id: string }) => v.id),
      );
      // A unit outside the caller's scope is refused, naming the field (as the other lists behind a number).
      const outside = await k.call('chenzhou', 'GET', `/api/v1/venues?unitId=${k.ids.beiguan}`);
      expect(outside.statusCode).toBe(403);
      expect(outside.json().errors[0].field).toBe('unitId');
    });

    it('shows the full phone only to venue keepers who give a reason, and audits it', async () => {
      const id = await k.venue('dehua');
      const noReason = await k.call('dehua', 'GET', `/api/v1/venues/${id}?reveal=true`);
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', message: '请填写查看事由' });
      for (const who of ['wgy', 'leader', 'duchashi'] as const) {
        const r = await k.call(who, 'GET', `/api/v1/venues/${id}?reveal=true&reason=x`);
        expect(r.statusCode, who).toBe(403);
        expect(r.json().code).toBe('venue.reveal_denied');
      }
      const shown = await k.call(
        'dehua',
        'GET',
        `/api/v1/venues/${id}?reveal=true&reason=${encodeURIComponent('通知整改')}`,
      );
      expect(shown.json()).toMatchObject({ ownerPhone: '13812341234', phoneMasked: false });
      const audit = await k.h.database.db
        .selectFrom('audit_events')
        .select(['actor_name', 'summary'])
        .where('action', '=', 'venue.reveal')
        .where('entity_id', '=', id)
        .execute();
      expect(audit).toEqual([{ actor_name: 'dehua（测试）', summary: expect.stringContaining('事由：通知整改') }]);
    });

    it('records an inspection of every item with photos, and derives the result', async () => {
      const id = await k.venue('dehua');
      const photo = await k.photo('wgy');
      const ok = await k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, {
        items: k.findings([], ['ventilation']),
        note: '落实到位',
        photoIds: [photo],
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ result: 'pass', photoIds: [photo], case: null, note: '落实到位' });
      expect(ok.json().items.map((i: { name: string; result: string }) => `${i.name}:${i.result}`)).toEqual([
        '扫码登记:pass',
        '测温:pass',
        '佩戴口罩:pass',
        '消毒记录:pass',
        '通风:na',
      ]);
      // The photo is the venue's: its community sees it, 城北 does not.
      expect((await k.call('dehua', 'GET', `/api/v1/files/${photo}`)).statusCode).toBe(200);
      expect((await k.call('chengbei', 'GET', `/api/v1/files/${photo}`)).statusCode).toBe(404);
      const fail = await k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, { items: k.findings(['mask']) });
      expect(fail.json().result).toBe('fail');
      const detail = (await k.call('dehua', 'GET', `/api/v1/venues/${id}`)).json();
      expect(detail.history.map((e: { kind: string; inspection: { result: string } }) => e.inspection.result)).toEqual([
        'pass',
        'fail',
      ]);
      expect(detail.lastInspection).toMatchObject({ result: 'fail' });
    });

    it('refuses incomplete or unknown findings, a pass raising a case, and missing photos, writing nothing', async () => {
      const id = await k.venue('dehua');
      const before = [await k.count('venue_inspections'), await k.count('cases')];
      const post = (body: unknown) => k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, body);
      const missing = await post({ items: k.findings().slice(1) });
      expect(missing.statusCode).toBe(422);
      expect(missing.json().errors[0]).toMatchObject({ field: 'items', message: '请填写检查项「扫码登记」的检查结果' });
      const unknown = await post({ items: [...k.findings(), { code: 'health_code', result: 'pass' }] });
      expect(unknown.json().errors[0]).toMatchObject({ field: 'items[5].code', message: '检查项不存在或已停用' });
      const badResult = await post({ items: [{ code: 'scan', result: 'ok' }] });
      expect(badResult.statusCode).toBe(400);
      expect(badResult.json().errors[0].field).toBe('items[0].result');
      const passCase = await post({ items: k.findings(), raiseCase: true });
      expect(passCase.statusCode).toBe(422);
      expect(passCase.json().errors[0]).toMatchObject({ field: 'raiseCase', message: '检查合格，无需上报问题' });
      const noPhoto = await post({ items: k.findings(['scan']), photoIds: ['01900000-0000-7000-8000-000000000000'] });
      expect(noPhoto.json().errors[0]).toMatchObject({ field: 'photoIds[0]' });
      expect([await k.count('venue_inspections'), await k.count('cases')]).toEqual(before);
    });

    it('raises a ledger case from a failed inspection in the same transaction, linked both ways', async () => {
      const id = await k.venue('dehua', { name: '德化街老城烩面馆', typeCode: 'catering' });
      const r = await k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, {
        items: k.findings(['scan', 'mask']),
        note: '未张贴场所码',
        raiseCase: true,
      });
      expect(r.statusCode, r.body).toBe(201);
      const c = r.json().case;
      expect(c.number).toMatch(/^\d{6}-\d{8}-\d{4}$/);
      const ledger = await k.call('dehua', 'GET', `/api/v1/cases/${c.id}`);
      expect(ledger.statusCode).toBe(200);
      expect(ledger.json()).toMatchObject({
        caseNumber: c.number,
        categoryCode: '5301',
        gridId: k.ids.dehua1,
        description: expect.stringContaining('德化街老城烩面馆'),
      });
      expect(ledger.json().description).toContain('扫码登记、佩戴口罩不合格');
      // An unknown category undoes the inspection with the case.
      const before = await k.count('venue_inspections');
      const bad = await k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, {
        items: k.findings(['scan']),
        raiseCase: true,
        caseCategoryCode: '9999',
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].field).toBe('categoryCode');
      expect(await k.count('venue_inspections')).toBe(before);
    });

    it('takes an inspection once per Idempotency-Key, and refuses the key with another body', async () => {
      const id = await k.venue('dehua');
      const key = 'insp-0001';
      const body = { items: k.findings(['temperature']), raiseCase: true };
      const send = (b: unknown) =>
        k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, b, { 'idempotency-key': key });
      const counts = async () => [await k.count('venue_inspections'), await k.count('cases')];
      const before = await counts();
      const first = await send(body);
      expect(first.statusCode).toBe(201);
      const again = await send(body);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      expect(await counts()).toEqual([before[0] + 1, before[1] + 1]);
      const other = await send({ items: k.findings() });
      expect(other.statusCode).toBe(422);
      expect(other.json().errors[0].field).toBe('Idempotency-Key');
      // Another account may use the same key for its own inspection.
      const byDehua = await k.call('dehua', 'POST', `/api/v1/venues/${id}/inspections`, body, {
        'idempotency-key': key,
      });
      expect(byDehua.statusCode).toBe(201);
      expect(byDehua.json().id).not.toBe(first.json().id);
    });

    it('closes a venue for a period and lifts the order only after a passing re-check', async () => {
      const id = await k.venue('dehua');
      const close = (body: unknown) => k.call('dehua', 'POST', `/api/v1/venues/${id}/closures`, body);
      const lift = () => k.call('dehua', 'POST', `/api/v1/venues/${id}/closures/lift`, { note: '复查合格' });
      for (const [body, field] of [
        [{ days: 7 }, 'reason'],
        [{ reason: '  ', days: 7 }, 'reason'],
        [{ reason: '未扫码', days: 0 }, 'days'],
        [{ reason: '未扫码', days: -2 }, 'days'],
        [{ reason: '未扫码', days: 366 }, 'days'],
        [{ reason: '未扫码', days: 2.5 }, 'days'],
        [{ reason: '未扫码', days: 7, startDate: '2026-13-01' }, 'startDate'],
      ] as const) {
        const r = await close(body);
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(r.json().errors[0].field).toBe(field);
      }
      expect(await k.count('venue_closures')).toBe(0);
      const noOrder = await lift();
      expect(noOrder.statusCode).toBe(409);
      expect(noOrder.json()).toMatchObject({ code: 'venue.not_closed', detail: '该场所没有未解除的停业整顿' });
      // Inspected (passing) before the order: does not count as the re-check.
      await k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, { items: k.findings() });
      k.h.clock.advance(HOUR);
      const issued = await close({ reason: '扫码登记不落实', days: 7 });
      expect(issued.statusCode, issued.body).toBe(201);
      // The harness clock is 2026-11-30 10:00 in Shanghai: seven days counting the first.
      expect(issued.json()).toMatchObject({
        startDate: '2026-11-30',
        days: 7,
        untilDate: '2026-12-06',
        issuedBy: { name: 'dehua（测试）' },
        lifted: null,
        overdue: false,
      });
      expect((await k.call('dehua', 'GET', `/api/v1/venues/${id}?`)).json()).toMatchObject({
        status: 'closed',
        recheckPassed: false,
        can: { close: false, lift: true },
      });
      const second = await close({ reason: '再次', days: 3 });
      expect(second.statusCode).toBe(409);
      expect(second.json().code).toBe('venue.already_closed');
      const early = await lift();
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({ code: 'venue.recheck_required' });
      k.h.clock.advance(HOUR);
      await k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, { items: k.findings() });
      k.h.clock.advance(HOUR);
      await k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, { items: k.findings(['mask']) });
      expect((await lift()).json().code).toBe('venue.recheck_required');
      k.h.clock.advance(HOUR);
      const recheck = await k.call('wgy', 'POST', `/api/v1/venues/${id}/inspections`, { items: k.findings() });
      k.h.clock.advance(HOUR);
      const lifted = await lift();
      expect(lifted.statusCode, lifted.body).toBe(200);
      expect(lifted.json().lifted).toMatchObject({
        by: { name: 'dehua（测试）' },
        note: '复查合格',
        inspectionId: recheck.json().id,
      });
      const detail = (await k.call('dehua', 'GET', `/api/v1/venues/${id}`)).json();
      expect(detail).toMatchObject({ status: 'open', openClosure: null, can: { close: true, lift: false } });
      expect(detail.history.map((e: { kind: string }) => e.kind)).toEqual([
        'inspection',
        'closure_issued',
        'inspection',
        'inspection',
        'inspection',
        'closure_lifted',
      ]);
      // A new order may follow the lifted one.
      expect((await close({ reason: '再次检查不合格', days: 3, startDate: '2026-12-01' })).json().untilDate).toBe(
        '2026-12-03',
      );
    });

    it('moves a community’s venues with it to another 街道', async () => {
      const id = await k.venue('dehua', { name: '德化街搬迁测试店' });
      const seen = async (who: 'chenzhou' | 'chengbei') =>
        (await k.call(who, 'GET', `/api/v1/venues/${id}`)).statusCode;
      expect([await seen('chenzhou'), await seen('chengbei')]).toEqual([200, 404]);
      const moved = await k.call('admin', 'POST', `/api/v1/units/${k.ids.dehua}/move`, { parentId: k.ids.chengbei });
      expect(moved.statusCode, moved.body).toBe(200);
      expect([await seen('chenzhou'), await seen('chengbei')]).toEqual([404, 200]);
      expect((await k.call('dehua', 'GET', `/api/v1/venues/${id}`)).statusCode).toBe(200);
      const back = await k.call('admin', 'POST', `/api/v1/units/${k.ids.dehua}/move`, { parentId: k.ids.chenzhou });
      expect(back.statusCode).toBe(200);
      expect([await seen('chenzhou'), await seen('chengbei')]).toEqual([200, 404]);
    });
  });
}
