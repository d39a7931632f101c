import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { feature, openFarmlandKit, square, type FarmlandKit } from '../test-kit.js';

// Inside 孙嘴 (114.60–114.62, 33.60–33.62): a 耕地 parcel with a 永久基本农田 parcel inside it, and a second 耕地.
const FIELD = square(114.602, 33.602, 114.608, 33.608);
const CORE = square(114.604, 33.604, 114.606, 33.606);
const NORTH = square(114.61, 33.61, 114.615, 33.615);

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: farmland`, () => {
    let k: FarmlandKit;
    beforeAll(async () => {
      k = await openFarmlandKit(tdb);
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('imports a village’s parcels with their areas and shows them in the table and on the map', async () => {
      const r = await k.importParcels('chenzhou', 'sunzui', [
        feature('耕地', 'SZ-001', FIELD, '村东地'),
        feature('永久基本农田', 'SZ-JB1', CORE),
        feature('farmland', 'SZ-002', NORTH),
      ]);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      expect(body).toMatchObject({ imported: 3, partlyOutside: 0 });
      // 0.006° × 0.006° and 0.005° × 0.005° at 33.6°N: ≈ 370 000 m² + 257 000 m² ≈ 941 亩.
      expect(body.farmlandMu).toBeGreaterThan(930);
      expect(body.farmlandMu).toBeLessThan(950);
      const table = (await k.call('chenzhou', 'GET', '/api/v1/farmland/villages')).json();
      const sunzui = table.items.find((v: { villageId: string }) => v.villageId === k.ids.sunzui);
      expect(sunzui).toMatchObject({ villageName: '孙嘴行政村', parcels: 3, cases: 0 });
      expect(sunzui.farmlandMu).toBe(body.farmlandMu);
      expect(sunzui.permanentBasicMu).toBe(body.permanentBasicMu);
      // 后湾 lies in 城北: not in 陈州's table.
      expect(table.items.map((v: { villageId: string }) => v.villageId)).not.toContain(k.ids.houwan);
      const map = (await k.call('chenzhou', 'GET', `/api/v1/farmland/parcels?unitId=${k.ids.sunzui}`)).json();
      expect(map.features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual([
        'SZ-001',
        'SZ-002',
        'SZ-JB1',
      ]);
    });

    it('answers which parcel a point lies in, the protected one first where they overlap', async () => {
      const at = async (lng: number, lat: number, who: 'chenzhou' | 'chengbei' = 'chenzhou') =>
        (await k.call(who, 'GET', `/api/v1/farmland/parcel-at?lng=${lng}&lat=${lat}`)).json();
      expect((await at(114.605, 33.605)).parcel).toMatchObject({ kind: 'permanent_basic', code: 'SZ-JB1' });
      expect((await at(114.603, 33.603)).parcel).toMatchObject({ kind: 'farmland', code: 'SZ-001' });
      expect((await at(114.619, 33.601)).found).toBe(false);
      // Outside 城北's scope: not told.
      expect((await at(114.605, 33.605, 'chengbei')).found).toBe(false);
    });

    it('refuses a bad file naming every feature and field, and writes nothing', async () => {
      const before = await k.count('farmland_parcels');
      const r = await k.importParcels('chenzhou', 'sunzui', [
        feature('林地', 'X-1', FIELD),
        feature('耕地', 'X-2', square(114.603, 33.603, 114.604, 33.604)),
        feature('耕地', 'X-2', square(114.605, 33.603, 114.606, 33.604)),
        feature('耕地', '', square(114.607, 33.603, 114.608, 33.604)),
        feature('耕地', 'X-5', {
          type: 'Polygon',
          coordinates: [
            [
              [114.603, 33.603],
              [114.604, 33.604],
              [114.604, 33.603],
              [114.603, 33.604],
              [114.603, 33.603],
            ],
          ],
        }),
        // In 后湾, not 孙嘴.
        feature('耕地', 'X-6', square(114.605, 33.655, 114.606, 33.656)),
      ]);
      expect(r.statusCode).toBe(422);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      const problems = r.json().errors as { field: string; message: string }[];
      expect(problems.map((p) => p.field)).toEqual([
        'features[0].properties.kind',
        'features[2].properties.code',
        'features[3].properties.code',
        'features[4].geometry',
        'features[5].geometry',
      ]);
      expect(problems[0].message).toContain('林地');
      expect(problems[3].message).toContain('自相交');
      expect(problems[4].message).toContain('孙嘴行政村');
      expect(await k.count('farmland_parcels')).toBe(before);
    });

    it('keeps and flags a parcel partly outside the village; refuses a village of another scope or a non-village', async () => {
      const r = await k.importParcels('chengbei', 'houwan', [
        feature('耕地', 'HW-1', square(114.61, 33.66, 114.625, 33.665)),
      ]);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().partlyOutside).toBe(1);
      const out = await k.importParcels('chenzhou', 'houwan', [feature('耕地', 'HW-2', NORTH)]);
      expect(out.statusCode).toBe(404);
      const grid = await k.importParcels('admin', 'sunzuiL', [feature('耕地', 'G-1', NORTH)]);
      expect(grid.statusCode).toBe(422);
      expect(grid.json().errors[0].field).toBe('id');
    });

    it('marks a 违法占用耕地 case inside a parcel as a farmland case, and only that one', async () => {
      const before = await k.count('farmland_cases');
      const inside = await k.report('sunzui', 114.605, 33.605);
      await k.report('sunzui', 114.619, 33.619); // in the village, outside every parcel
      await k.report('sunzui', 114.603, 33.603, '5202'); // 耕地撂荒: another category
      expect(await k.count('farmland_cases')).toBe(before + 1);
      const list = (await k.call('chenzhou', 'GET', '/api/v1/farmland/cases')).json();
      expect(list.items[0]).toMatchObject({
        caseId: inside,
        status: 'reported',
        villageName: '孙嘴行政村',
        parcelKind: 'permanent_basic',
        parcelCode: 'SZ-JB1',
        approval: null,
      });
      expect(list.canApprove).toBe(false);
      expect((await k.call('leader', 'GET', '/api/v1/farmland/cases')).json().canApprove).toBe(true);
    });

    it('refuses 不予立案 of a farmland case below the district until the district approves', async () => {
      const id = await k.report('sunzui', 114.606, 33.607);
      const reject = () =>
        k.call('chenzhou', 'POST', `/api/v1/cases/${id}/actions`, {
          type: 'reject',
          payload: { reason: '经核实为设施农用地' },
        });
      const refused = await reject();
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.json().errors[0]).toMatchObject({ field: 'type' });
      expect(refused.json().detail).toContain('区级审批');
      const still = (await k.call('chenzhou', 'GET', `/api/v1/cases/${id}`)).json();
      expect(still).toMatchObject({ status: 'reported', version: 1 });
      // An ordinary case is rejected as always.
      const plain = await k.report('sunzui', 114.619, 33.618);
      const ok = await k.call('chenzhou', 'POST', `/api/v1/cases/${plain}/actions`, {
        type: 'reject',
        payload: { reason: '不属实' },
      });
      expect(ok.statusCode).toBe(200);
      // The sub-district cannot approve; the district leader can, once.
      expect(
        (await k.call('chenzhou', 'POST', `/api/v1/farmland/cases/${id}/approval`, { note: '同意' })).statusCode,
      ).toBe(403);
      const empty = await k.call('leader', 'POST', `/api/v1/farmland/cases/${id}/approval`, { note: '' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0].field).toBe('note');
      const approved = await k.call('leader', 'POST', `/api/v1/farmland/cases/${id}/approval`, {
        note: '经区自然资源局核实属设施农用地，同意不予立案',
      });
      expect(approved.statusCode, approved.body).toBe(201);
      expect(
        (await k.call('leader', 'POST', `/api/v1/farmland/cases/${id}/approval`, { note: '再批' })).statusCode,
      ).toBe(409);
      expect((await reject()).statusCode).toBe(200);
      const row = (await k.call('chenzhou', 'GET', '/api/v1/farmland/cases'))
        .json()
        .items.find((c: { caseId: string }) => c.caseId === id);
      expect(row).toMatchObject({ status: 'rejected', approval: { byName: 'leader（测试）' } });
      // Finished: nothing left to approve.
      expect(
        (await k.call('admin', 'POST', `/api/v1/farmland/cases/${id}/approval`, { note: '补批' })).statusCode,
      ).toBe(409);
    });

    it('lets a district-level account close a farmland case as 不予立案 itself', async () => {
      const id = await k.report('sunzui', 114.6055, 33.6055);
      const r = await k.call('admin', 'POST', `/api/v1/cases/${id}/actions`, {
        type: 'reject',
        payload: { reason: '重复上报' },
      });
      expect(r.statusCode, r.body).toBe(200);
    });

    it('refuses 并案 of a farmland case below the district until the district approves, as 不予立案', async () => {
      const target = await k.report('sunzui', 114.619, 33.617); // an ordinary case
      const id = await k.report('sunzui', 114.6045, 33.6045);
      const merge = () =>
        k.call('chenzhou', 'POST', `/api/v1/cases/${id}/actions`, {
          type: 'merge',
          payload: { targetCaseId: target },
        });
      const refused = await merge();
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.json().errors[0]).toMatchObject({ field: 'type' });
      expect(refused.json().code).toBe('farmland.merge_needs_district');
      expect(refused.json().detail).toContain('并案须经区级审批');
      expect((await k.call('chenzhou', 'GET', `/api/v1/cases/${id}`)).json()).toMatchObject({ status: 'reported' });
      const approved = await k.call('leader', 'POST', `/api/v1/farmland/cases/${id}/approval`, { note: '同意并案' });
      expect(approved.statusCode, approved.body).toBe(201);
      const ok = await merge();
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'merged' });
    });

    it('of two district approvals at once, one is recorded and the other refused (409), never overwriting the approver', async () => {
      const target = await k.report('sunzui', 114.619, 33.616);
      const id = await k.report('sunzui', 114.6046, 33.6046);
      const both = await Promise.all([
        k.call('leader', 'POST', `/api/v1/farmland/cases/${id}/approval`, { note: '领导同意' }),
        k.call('admin', 'POST', `/api/v1/farmland/cases/${id}/approval`, { note: '管理员同意' }),
      ]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const leaderWon = both[0]!.statusCode === 201;
      const row = (await k.call('chenzhou', 'GET', '/api/v1/farmland/cases'))
        .json()
        .items.find((c: { caseId: string }) => c.caseId === id);
      expect(row.approval.note).toBe(leaderWon ? '领导同意' : '管理员同意');
      expect(row.approval.byName === 'leader（测试）').toBe(leaderWon);
      // Merged away (the district approved): counted as 不予立案 in the table, as the merge test's case.
      const merged = await k.call('chenzhou', 'POST', `/api/v1/cases/${id}/actions`, {
        type: 'merge',
        payload: { targetCaseId: target },
      });
      expect(merged.statusCode, merged.body).toBe(200);
    });

    it('records the occupied area and counts it in the table', async () => {
      const id = (await k.call('chenzhou', 'GET', '/api/v1/farmland/cases')).json().items.at(-1).caseId;
      const bad = await k.call('chenzhou', 'PUT', `/api/v1/farmland/cases/${id}/occupied-area`, { occupiedMu: -1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('occupiedMu');
      const r = await k.call('chenzhou', 'PUT', `/api/v1/farmland/cases/${id}/occupied-area`, { occupiedMu: 1.25 });
      expect(r.statusCode, r.body).toBe(200);
      const table = (await k.call('chenzhou', 'GET', `/api/v1/farmland/villages?unitId=${k.ids.chenzhou}`)).json();
      const sunzui = table.items.find((v: { villageId: string }) => v.villageId === k.ids.sunzui);
      expect(sunzui).toMatchObject({ occupiedMu: 1.25, casesWithArea: 1, cases: 5, openCases: 1, rejectedCases: 4 });
      expect(table.total.cases).toBe(5);
    });

    it('on import, marks the open 违法占用耕地 cases reported before inside the new parcels; on re-import, unmarks those left outside', async () => {
      const before = await k.report('sunzui', 114.607, 33.657); // in 后湾, which has no parcels yet
      const later = await k.report('sunzui', 114.615, 33.665);
      const other = await k.report('sunzui', 114.6071, 33.6571, '5202'); // 耕地撂荒: another category
      const marked = async () =>
        (
          (await k.call('chengbei', 'GET', '/api/v1/farmland/cases')).json().items as {
            caseId: string;
            parcelCode: string;
          }[]
        )
          .map(
            (c) =>
              `${c.caseId === before ? 'before' : c.caseId === later ? 'later' : c.caseId === other ? 'other' : '?'}:${c.parcelCode}`,
          )
          .sort();
      expect(await marked()).toEqual([]);
      const first = await k.importParcels('chengbei', 'houwan', [
        feature('耕地', 'HW-1', square(114.605, 33.655, 114.61, 33.66)),
      ]);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ casesMarked: 1, casesUnmarked: 0 });
      expect(await marked()).toEqual(['before:HW-1']);
      // Re-import: the first case is no longer in any parcel (no approval): unmarked; the second now is.
      const second = await k.importParcels('chengbei', 'houwan', [
        feature('耕地', 'HW-2', square(114.612, 33.662, 114.618, 33.668)),
      ]);
      expect(second.json()).toMatchObject({ casesMarked: 1, casesUnmarked: 1 });
      expect(await marked()).toEqual(['later:HW-2']);
      // An approved case keeps its mark whatever the parcels.
      expect(
        (await k.call('leader', 'POST', `/api/v1/farmland/cases/${later}/approval`, { note: '同意' })).statusCode,
      ).toBe(201);
      const third = await k.importParcels('chengbei', 'houwan', [
        feature('耕地', 'HW-3', square(114.601, 33.651, 114.603, 33.653)),
      ]);
      expect(third.json()).toMatchObject({ casesMarked: 0, casesUnmarked: 0 });
      expect(await marked()).toEqual(['later:HW-2']);
    });

    it('replaces a village’s parcels on re-import; finished farmland cases keep the parcel as found, an open one left outside is unmarked', async () => {
      const r = await k.importParcels('chenzhou', 'sunzui', [feature('耕地', 'SZ-009', NORTH)]);
      expect(r.statusCode).toBe(200);
      // The first case (still open, no approval, in SZ-JB1) lies in no parcel now: unmarked.
      expect(r.json()).toMatchObject({ casesMarked: 0, casesUnmarked: 1 });
      const map = (await k.call('chenzhou', 'GET', `/api/v1/farmland/parcels?unitId=${k.ids.sunzui}`)).json();
      expect(map.features).toHaveLength(1);
      const at = (await k.call('chenzhou', 'GET', '/api/v1/farmland/parcel-at?lng=114.605&lat=33.605')).json();
      expect(at.found).toBe(false);
      const cases = (await k.call('chenzhou', 'GET', '/api/v1/farmland/cases')).json().items;
      expect(cases.map((c: { parcelCode: string }) => c.parcelCode).sort()).toEqual([
        'SZ-001',
        'SZ-JB1',
        'SZ-JB1',
        'SZ-JB1',
      ]);
    });
  });
}
