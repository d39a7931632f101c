import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openVenueKit, POINTS, USERS, type User, type VenueKit } from '../test-kit.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['场所名称', '场所类型', '网格', '经度', '纬度', '地址', '负责人', '联系电话'];

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('场所台账');
  ws.addRow(['场所台账导入表']);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the 场所台账 import`, () => {
    let k: VenueKit;
    beforeAll(async () => {
      k = await openVenueKit(tdb);
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('hands out a template whose header row it reads back', async () => {
      const r = await k.call('dehua', 'GET', '/api/v1/venues/import-template.xlsx');
      expect(r.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const values = wb.worksheets[0]!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
      expect(values.some((row) => HEADER.every((h, i) => row[i] === h))).toBe(true);
      expect((await k.call('wgy', 'GET', '/api/v1/venues/import-template.xlsx')).statusCode).toBe(403);
    });

    it('is for the roles that register venues (venue.write) and no other', async () => {
      // Written out apart from roles.ts: who registers venues.
      const writers = new Set<User>(['admin', 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang']);
      for (const who of ['admin', ...Object.keys(USERS)] as User[]) {
        const template = await k.call(who, 'GET', '/api/v1/venues/import-template.xlsx');
        expect(template.statusCode, who).toBe(writers.has(who) ? 200 : 403);
        const empty = await k.upload(who, '/api/v1/venues/import', '场所.xlsx', XLSX, await sheet([]));
        // A writer gets past the permission to the sheet's own problem (no rows); the others are refused.
        expect(empty.statusCode, who).toBe(writers.has(who) ? 422 : 403);
      }
    });

    it('refuses a sheet with any bad row, naming row and column, and writes nothing', async () => {
      const before = await k.count('venues');
      const bad = await sheet([
        ['德化街一号超市', '超市', '德化社区第1网格-1', null, null, '德化街1号', '王一', '13800000001'],
        ['德化街二号', '飞船', '北关社区第1网格-1', null, null, '德化街2号', '王二', 'abc'],
        ['德化街三号', '商铺', null, POINTS.nowhere.lng, POINTS.nowhere.lat, '', '王三', '13800000003'],
        ['德化街一号超市', '超市', '德化社区第1网格-1', null, null, '德化街1号', '王一', '13800000001'],
        [
          '德化街四号',
          '商铺',
          '德化社区第1网格-2',
          POINTS.dehua1.lng,
          POINTS.dehua1.lat,
          '德化街4号',
          '王四',
          '13800000004',
        ],
        ['德化街五号', '商铺', null, 'x', null, '德化街5号', '王五', '13800000005'],
      ]);
      const r = await k.upload('dehua', '/api/v1/venues/import', '场所.xlsx', XLSX, bad);
      expect(r.statusCode).toBe(422);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual([
        'rows[4].联系电话',
        'rows[4].场所类型',
        'rows[4].网格',
        'rows[5].地址',
        'rows[5].经度',
        'rows[6].场所名称',
        'rows[7].经度',
        'rows[8].经度',
      ]);
      expect(r.json().errors[1].message).toBe('第 4 行：场所类型不存在或已停用');
      expect(r.json().errors[5].message).toBe('第 6 行：与第 3 行是同一网格内名称和地址都相同的场所');
      expect(await k.count('venues')).toBe(before);
    });

    it('registers a clean sheet by grid or by point, and a second import of it adds nothing', async () => {
      const before = await k.count('venues');
      const good = await sheet([
        ['德化街一号超市', '超市', '德化社区第1网格-1', null, null, '德化街1号', '王一', '13800000001'],
        ['德化街四号商铺', '商铺', null, POINTS.dehua2.lng, POINTS.dehua2.lat, '德化街4号', '王四', '13800000004'],
      ]);
      const r = await k.upload('dehua', '/api/v1/venues/import', '场所.xlsx', XLSX, good);
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toEqual({ created: 2, unchanged: 0 });
      const again = await k.upload('dehua', '/api/v1/venues/import', '场所.xlsx', XLSX, good);
      expect(again.json()).toEqual({ created: 0, unchanged: 2 });
      expect(await k.count('venues')).toBe(before + 2);
      const list = (await k.call('dehua', 'GET', '/api/v1/venues?q=德化街四号商铺')).json();
      expect(list.items[0]).toMatchObject({ grid: { id: k.ids.dehua2 }, ownerPhone: '138****0004' });
      // Another community's worker cannot place venues on 德化's grids.
      const foreign = await k.upload('zhuzhuang', '/api/v1/venues/import', '场所.xlsx', XLSX, good);
      expect(foreign.json().errors.map((e: { field: string }) => e.field)).toEqual(['rows[3].网格', 'rows[4].经度']);
    });
  });
}
