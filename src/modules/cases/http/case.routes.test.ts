import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { createEventBus, type DomainEvents } from '../../../kernel/events/events.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi } from '../../org/index.js';
import { areaKpiCounts } from '../commands/area-kpi-counts.js';
import { checkDeadlines } from '../commands/check-deadlines.js';
import { rebuildKpiRollup, summaryOf } from '../commands/kpi-rollup.js';
import { computeKpis, stateFromJson } from '../domain/index.js';
import { loadWorkCalendar } from '../../platform/index.js';

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

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: problem ledger API`, () => {
    let h: Harness;
    const ids: Record<string, string> = {};
    const cookies: Record<string, string> = {};
    const as = (who: string) => ({ cookie: cookies[who] });
    const act = (who: string, id: string, body: Record<string, unknown>) =>
      h.call('POST', `/api/v1/cases/${id}/actions`, { ...as(who), body });
    const report = (who: string, body: Record<string, unknown>) =>
      h.call('POST', '/api/v1/cases', { ...as(who), body });

    beforeAll(async () => {
      h = await openHarness(tdb);
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
    });
    afterAll(async () => h?.close());

    let first: { id: string; caseNumber: string; version: number };

    it('reports a case in a grid with a case number of the district and local day', async () => {
      const r = await report('gw01', { categoryCode: '0102', description: '北关路口暴露垃圾一堆', location: IN_GRID });
      expect(r.statusCode, r.body).toBe(201);
      const c = r.json();
      expect(c.caseNumber).toBe('411602-20261130-0001');
      expect(c).toMatchObject({
        status: 'reported',
        gridId: ids.small,
        gridName: '北关社区第1网格-1',
        communityName: '北关社区',
        subdistrictName: '城北街道办事处',
        deadline: null,
        source: 'patrol',
      });
      expect(c.actions.map((a: { type: string }) => a.type)).toEqual(['report']);
      expect(c.allowedActions).toContain('comment');
      expect(c.allowedActions).not.toContain('accept');
      first = c;
      const second = await report('gw01', {
        categoryCode: '0102',
        description: '又一处垃圾',
        location: { lng: 114.6052, lat: 33.6051 },
      });
      expect(second.json().caseNumber).toBe('411602-20261130-0002');
    });

    it('offers nearby open cases of the same category as duplicates, nearest first', async () => {
      const r = await h.call(
        'GET',
        `/api/v1/cases/duplicates?categoryCode=0102&lng=${IN_GRID.lng}&lat=${IN_GRID.lat}`,
        as('gw01'),
      );
      expect(r.json().items.map((x: { caseNumber: string }) => x.caseNumber)).toEqual([
        '411602-20261130-0001',
        '411602-20261130-0002',
      ]);
      const other = await h.call(
        'GET',
        `/api/v1/cases/duplicates?categoryCode=0502&lng=${IN_GRID.lng}&lat=${IN_GRID.lat}`,
        as('gw01'),
      );
      expect(other.json().items).toHaveLength(0);
    });

    it('refuses a triage step by a grid worker, saying why, and changes nothing', async () => {
      const r = await act('gw01', first.id, { type: 'accept' });
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'case.action_forbidden' });
      expect(r.json().detail).toMatch(/网格员/);
      expect((await h.call('GET', `/api/v1/cases/${first.id}`, as('gw01'))).json().version).toBe(1);
    });

    it('hides a case from another sub-district as not found', async () => {
      expect((await h.call('GET', `/api/v1/cases/${first.id}`, as('sub02'))).statusCode).toBe(404);
      expect((await act('sub02', first.id, { type: 'accept' })).statusCode).toBe(404);
      const list = await h.call('GET', '/api/v1/cases', as('sub02'));
      expect(list.json().items).toHaveLength(0);
    });

    it('runs the loop: accept, dispatch with the category deadline, start, feedback, verify, close, reconcile', async () => {
      let r = await act('sub01', first.id, { type: 'accept', expectedVersion: 1 });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().status).toBe('accepted');
      r = await act('sub01', first.id, { type: 'dispatch', payload: { unitId: ids.dept } });
      expect(r.statusCode, r.body).toBe(200);
      // 0102 暴露垃圾: 4 working hours from Monday 2026-11-30 10:00 (+08:00): 2 h to noon, 2 h from 14:30 → 16:30.
      expect(r.json()).toMatchObject({
        status: 'dispatched',
        assignedUnitName: '川汇区城市管理局',
        deadline: '2026-11-30T08:30:00.000Z',
        deadlineStatus: 'on_time',
      });
      const inbox = await h.call('GET', '/api/v1/inbox', as('cg01'));
      expect(inbox.json().items[0]).toMatchObject({ kind: 'case.dispatch', entityId: first.id });
      expect((await act('cg01', first.id, { type: 'feedback' })).statusCode).toBe(409);
      expect((await act('cg01', first.id, { type: 'start' })).json().status).toBe('handling');
      expect((await act('cg01', first.id, { type: 'feedback', comment: '已清运' })).json().status).toBe(
        'pending_verification',
      );
      expect((await h.call('POST', `/api/v1/cases/${first.id}/reconcile`, as('com01'))).statusCode).toBe(409);
      r = await act('gw01', first.id, { type: 'verify_pass' });
      expect(r.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
      r = await h.call('POST', `/api/v1/cases/${first.id}/reconcile`, as('com01'));
      expect(r.json().reconciledAt).not.toBeNull();
      const timeline = r.json().actions.map((a: { typeName: string }) => a.typeName);
      expect(timeline).toEqual(['发现上报', '立案', '派遣', '签收处置', '处置反馈', '核查通过']);
    });

    it('answers a stale version with 409 and loses nothing, and lets one of two simultaneous actors win', async () => {
      const c = (await report('com01', { categoryCode: '0502', description: '占道经营', location: IN_GRID })).json();
      const stale = await act('sub01', c.id, { type: 'accept', expectedVersion: 99 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('case.version_conflict');
      expect(stale.json().detail).toBe('该问题刚刚被其他人处理过，请刷新后再操作');
      const both = await Promise.all([
        act('sub01', c.id, { type: 'accept', expectedVersion: 1 }),
        act('dc01', c.id, { type: 'comment', comment: '关注', expectedVersion: 1 }),
      ]);
      expect(both.map((x) => x.statusCode).sort()).toEqual([200, 409]);
      const after = (await h.call('GET', `/api/v1/cases/${c.id}`, as('sub01'))).json();
      expect(after.version).toBe(2);
      expect(after.actions).toHaveLength(2);
    });

    it('merges a duplicate into the case that lives on, keeping every reporter', async () => {
      const a = (await report('gw01', { categoryCode: '0201', description: '电线杆小广告', location: IN_GRID })).json();
      const b = (
        await report('com01', { categoryCode: '0201', description: '同一处小广告', location: IN_GRID })
      ).json();
      const r = await act('sub01', b.id, { type: 'merge', payload: { targetCaseId: a.id } });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: 'merged', mergedInto: a.id });
      const target = (await h.call('GET', `/api/v1/cases/${a.id}`, as('sub01'))).json();
      expect(target.reporters).toBe(2);
      expect(target.actions.at(-1).type).toBe('absorb');
    });

    it('answers a unit returning a wrong dispatch (退回) with the case as the step left it, though it no longer sees it', async () => {
      const c = (
        await report('gw01', { categoryCode: '0102', description: '派错单位的问题', location: IN_GRID })
      ).json();
      expect((await act('sub01', c.id, { type: 'accept' })).statusCode).toBe(200);
      expect((await act('sub01', c.id, { type: 'dispatch', payload: { unitId: ids.dept } })).statusCode).toBe(200);
      const r = await act('cg01', c.id, { type: 'return', payload: { reason: '不属于本单位职责' } });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ id: c.id, status: 'returned', assignedUnitId: null, allowedActions: [] });
      expect(r.json().actions.at(-1)).toMatchObject({ type: 'return', typeName: '退回', unitName: '川汇区城市管理局' });
      // The return took the case out of the unit's sight; the sub-district has it back.
      expect((await h.call('GET', `/api/v1/cases/${c.id}`, as('cg01'))).statusCode).toBe(404);
      expect((await h.call('GET', `/api/v1/cases/${c.id}`, as('sub01'))).json().allowedActions).toContain('dispatch');
    });

    it('keeps a case reported outside every grid, flags it and leaves its triage to the district', async () => {
      const r = await report('dc01', {
        categoryCode: '5201',
        description: '城郊疑似违法占用耕地',
        location: { lng: 114.9, lat: 33.4 },
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ outOfGrid: true, gridId: null });
      expect(r.json().allowedActions).toContain('accept');
      // District accounts find it in the ledger; a sub-district's ledger does not list it.
      const listed = (await h.call('GET', '/api/v1/cases?limit=200', as('dc01')))
        .json()
        .items.map((c: { id: string }) => c.id);
      expect(listed).toContain(r.json().id);
      const sub = (await h.call('GET', '/api/v1/cases?limit=200', as('sub01')))
        .json()
        .items.map((c: { id: string }) => c.id);
      expect(sub).not.toContain(r.json().id);
    });

    it('refuses bad reports naming the field, and writes nothing', async () => {
      const before = (await h.call('GET', '/api/v1/cases?limit=200', as('admin'))).json().items.length;
      const unknown = await report('gw01', { categoryCode: '9999', description: '测试问题', location: IN_GRID });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().errors[0].field).toBe('categoryCode');
      const nowhere = await report('gw01', { categoryCode: '0102', description: '没有位置' });
      expect(nowhere.json().errors[0].field).toBe('location');
      const extra = await report('gw01', {
        categoryCode: '0102',
        description: '多余字段',
        location: IN_GRID,
        priority: 'high',
      });
      expect(extra.statusCode).toBe(400);
      const photo = await report('gw01', {
        categoryCode: '0102',
        description: '照片不存在',
        location: IN_GRID,
        photoIds: ['01900000-0000-7000-8000-000000000000'],
      });
      expect(photo.json().errors[0].field).toBe('photoIds[0]');
      const reject = await act('sub01', first.id, { type: 'reopen', payload: {} });
      expect(reject.statusCode).toBe(422);
      expect(reject.json().errors[0].field).toMatch(/reason/);
      expect((await h.call('GET', '/api/v1/cases?limit=200', as('admin'))).json().items.length).toBe(before);
    });

    it('takes a photo with EXIF GPS, places the report by it, and shows the photo only to those who may see the case', async () => {
      // 114°36'18"E 33°36'18"N = 114.605, 33.605: inside the grid.
      const jpeg = await sharp({
        create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 130, b: 90 } },
      })
        .jpeg()
        .withExif({
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '33/1 36/1 18/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '114/1 36/1 18/1',
          },
        })
        .toBuffer();
      const boundary = '----cg' + Date.now();
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        jpeg,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const up = await h.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: {
          cookie: cookies.gw01,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'sec-fetch-site': 'same-origin',
        },
        payload,
      });
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json()).toMatchObject({ mimeType: 'image/jpeg', width: 640, height: 480 });
      expect(up.json().gps.lng).toBeCloseTo(114.605, 6);
      const r = await report('gw01', { categoryCode: '0106', description: '绿地里堆着杂物', photoIds: [up.json().id] });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ gridId: ids.small });
      expect(r.json().photos[0]).toMatchObject({ fileId: up.json().id, role: 'evidence' });
      const thumb = await h.call('GET', r.json().photos[0].thumbnailUrl, as('sub01'));
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/jpeg');
      expect((await h.call('GET', r.json().photos[0].url, as('sub02'))).statusCode).toBe(404);
      const text = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nnot an image\r\n--${boundary}--\r\n`,
      );
      const bad = await h.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: {
          cookie: cookies.gw01,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'sec-fetch-site': 'same-origin',
        },
        payload: text,
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].field).toBe('file');
    });

    it('filters the ledger, searches descriptions and pages by cursor', async () => {
      const closed = await h.call('GET', '/api/v1/cases?status=closed', as('sub01'));
      expect(closed.json().items.map((c: { id: string }) => c.id)).toEqual([first.id]);
      const q = await h.call('GET', `/api/v1/cases?q=${encodeURIComponent('小广告')}`, as('sub01'));
      expect(q.json().items).toHaveLength(2);
      const short = await h.call('GET', `/api/v1/cases?q=${encodeURIComponent('垃圾')}`, as('sub01'));
      expect(short.json().items.map((c: { description: string }) => c.description)).toEqual(
        expect.arrayContaining(['北关路口暴露垃圾一堆', '又一处垃圾']),
      );
      const syntax = await h.call('GET', `/api/v1/cases?q=${encodeURIComponent('"OR 小广告*')}`, as('sub01'));
      expect(syntax.statusCode).toBe(200);
      expect(syntax.json().items).toHaveLength(0);
      const p1 = (await h.call('GET', '/api/v1/cases?limit=2', as('admin'))).json();
      const p2 = (await h.call('GET', `/api/v1/cases?limit=2&cursor=${p1.nextCursor}`, as('admin'))).json();
      expect(p1.items).toHaveLength(2);
      expect(p2.items[0].reportedAt <= p1.items[1].reportedAt).toBe(true);
      expect(p2.items.map((c: { id: string }) => c.id)).not.toContain(p1.items[1].id);
      // Several statuses: newest first across all of them, paged by cursor, as one list would be.
      const all = (await h.call('GET', '/api/v1/cases?limit=200', as('admin')))
        .json()
        .items.filter((c: { status: string }) => ['reported', 'closed', 'merged'].includes(c.status))
        .map((c: { id: string }) => c.id);
      const pages: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (
          await h.call(
            'GET',
            `/api/v1/cases?status=reported,closed,merged&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            as('admin'),
          )
        ).json();
        pages.push(...page.items.map((c: { id: string }) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages).toEqual(all);
      expect(all.length).toBeGreaterThan(2);
      const bad = await h.call('GET', '/api/v1/cases?status=nonsense', as('admin'));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toMatch(/status/);
    });

    it('sorts the ledger by a column, pages that order by cursor, and refuses an unknown sort', async () => {
      type Row = { id: string; reportedAt: string; deadline: string | null; status: string };
      const everything: Row[] = (await h.call('GET', '/api/v1/cases?limit=200', as('admin'))).json().items;
      expect(everything.length).toBeGreaterThan(3);
      const byDeadline: Row[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Row[]; nextCursor: string | null } = (
          await h.call('GET', `/api/v1/cases?sort=deadline&limit=2${cursor ? `&cursor=${cursor}` : ''}`, as('admin'))
        ).json();
        byDeadline.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(byDeadline.map((c) => c.id).sort()).toEqual(everything.map((c) => c.id).sort());
      // Soonest deadline first, cases without one last.
      const deadlines = byDeadline.map((c) => c.deadline);
      const firstNull = deadlines.indexOf(null);
      if (firstNull >= 0) expect(deadlines.slice(firstNull).every((d) => d === null)).toBe(true);
      const dated = deadlines.filter((d): d is string => d !== null);
      expect(dated).toEqual([...dated].sort());

      const p1 = (await h.call('GET', '/api/v1/cases?sort=status&order=desc&limit=2', as('admin'))).json();
      const wrongOrder = await h.call('GET', `/api/v1/cases?sort=status&limit=2&cursor=${p1.nextCursor}`, as('admin'));
      // A well-formed parameter that is not a cursor of this order: the request is understood, not served.
      expect(wrongOrder.statusCode).toBe(422);
      expect(wrongOrder.headers['content-type']).toMatch(/problem\+json/);
      expect(wrongOrder.json().errors[0].field).toBe('cursor');
      for (const [q, status] of [
        ['sort=caseNumberx', 400],
        ['order=up', 400],
        ['cursor=%E4%B8%AD', 422],
      ] as const) {
        const bad = await h.call('GET', `/api/v1/cases?${q}`, as('admin'));
        expect(bad.statusCode, q).toBe(status);
        expect(bad.headers['content-type']).toMatch(/problem\+json/);
        expect(bad.json().errors[0].field).toBe(q.split('=')[0]);
      }
    });

    it('exports the filtered ledger as .xlsx with Chinese headers', async () => {
      const r = await h.call('GET', '/api/v1/cases/export.xlsx?status=closed', as('sub01'));
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0];
      // The title names the exporter's scope: the 街道's own ledger, not the district's.
      expect(ws.getRow(1).getCell(1).value).toBe('城北街道办事处问题台账');
      const headers = (ws.getRow(3).values as unknown[]).slice(1);
      const cell = (header: string) => ws.getRow(4).getCell(headers.indexOf(header) + 1).value;
      expect(headers).toEqual(expect.arrayContaining(['案卷号', '地址', '责任人', '整改措施', '整改情况', '销号']));
      expect(cell('案卷号')).toBe('411602-20261130-0001');
      expect(cell('整改措施')).toBe('已清运');
      expect(cell('责任人')).toBe('cg01'); // of the 责任单位 beside it, so the unit is not repeated
      expect(cell('整改情况')).toBe('已整改销号');
      expect(cell('销号')).toBe('已销号');
      const district = await h.call('GET', '/api/v1/cases/export.xlsx?status=closed', as('admin'));
      const dwb = new ExcelJS.Workbook();
      await dwb.xlsx.load(district.rawPayload as unknown as ExcelJS.Buffer);
      expect(dwb.worksheets[0].getRow(1).getCell(1).value).toMatch(/^.+区问题台账$/);
      const filtered = await h.call('GET', `/api/v1/cases/export.xlsx?unitId=${ids.com}`, as('admin'));
      const fwb = new ExcelJS.Workbook();
      await fwb.xlsx.load(filtered.rawPayload as unknown as ExcelJS.Buffer);
      expect(fwb.worksheets[0].getRow(1).getCell(1).value).toBe('北关社区问题台账');
    });

    it('gives the print page the same ledger as JSON, in the export’s columns and scope', async () => {
      const r = await h.call('GET', '/api/v1/cases/ledger-sheet?status=closed', as('sub01'));
      expect(r.statusCode, r.body).toBe(200);
      const sheet = r.json();
      expect(sheet.title).toBe('城北街道办事处问题台账');
      expect(sheet.subtitle).toMatch(/^打印时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}  打印人：sub01$/);
      expect(sheet.truncated).toBe(false);
      expect(sheet.columns.map((c: { header: string }) => c.header)).toContain('整改情况');
      expect(sheet.rows).toHaveLength(1);
      expect(sheet.rows[0]).toMatchObject({ no: 1, caseNumber: '411602-20261130-0001', measures: '已清运' });
      expect((await h.call('GET', '/api/v1/cases/ledger-sheet')).statusCode).toBe(401);
      const bad = await h.call('GET', '/api/v1/cases/ledger-sheet?status=nonsense', as('sub01'));
      expect(bad.statusCode).toBe(400);
      // Out of scope: the other 街道's clerk prints an empty ledger titled with its own scope.
      const other = (await h.call('GET', '/api/v1/cases/ledger-sheet?status=closed', as('sub02'))).json();
      expect(other.title).toBe('小乔街道办事处问题台账');
      expect(other.rows).toHaveLength(0);
    });

    it('computes the GB/T 30428.4 KPIs for a unit and period', async () => {
      const r = await h.call('GET', `/api/v1/cases/kpis?unitId=${ids.sub}&from=2026-11-01&to=2026-11-30`, as('sub01'));
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ closeRate: 1, onTimeCloseRate: 1 });
      expect(r.json().counts.closed).toBe(1);
    });

    it('lets the 街道 handle its own problem: dispatched to itself or to one of its communities (二级派遣)', async () => {
      const targets = async (caseId: string) =>
        (await h.call('GET', `/api/v1/cases/dispatch-units?caseId=${caseId}`, as('sub01'))).json().items as {
          id: string;
          kind: string;
        }[];
      const c = (await report('gw01', { categoryCode: '0102', description: '社区门口垃圾', location: IN_GRID })).json();
      expect((await act('sub01', c.id, { type: 'accept' })).statusCode).toBe(200);
      const offered = await targets(c.id);
      expect(offered.slice(0, 2).map((u) => u.id)).toEqual([ids.sub, ids.com]);
      expect(offered.map((u) => u.id)).toContain(ids.dept);
      expect(offered.map((u) => u.id)).not.toContain(ids.sub2);
      // Another 街道 is no target, nor is the district.
      for (const unitId of [ids.sub2, ids.district]) {
        const bad = await act('sub01', c.id, { type: 'dispatch', payload: { unitId } });
        expect(bad.statusCode).toBe(422);
        expect(bad.json()).toMatchObject({ code: 'case.bad_dispatch_unit' });
        expect(bad.json().errors[0].field).toBe('payload.unitId');
      }
      // To the community: the category's time limit (0102, 4 working hours from Monday 10:00 → 16:30).
      let r = await act('sub01', c.id, { type: 'dispatch', payload: { unitId: ids.com } });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({
        status: 'dispatched',
        assignedUnitName: '北关社区',
        deadline: '2026-11-30T08:30:00.000Z',
      });
      const inbox = (await h.call('GET', '/api/v1/inbox', as('com01'))).json().items;
      expect(inbox[0]).toMatchObject({ kind: 'case.dispatch', entityId: c.id });
      expect((await h.call('GET', `/api/v1/cases/${c.id}`, as('cg01'))).statusCode).toBe(404);
      expect((await act('com01', c.id, { type: 'start' })).json().status).toBe('handling');
      expect((await act('com01', c.id, { type: 'feedback', comment: '社区已组织清运' })).json().status).toBe(
        'pending_verification',
      );
      // The community does not verify its own handling; the grid worker does.
      const own = await act('com01', c.id, { type: 'verify_pass' });
      expect(own.statusCode).toBe(403);
      expect(own.json().detail).toBe('本单位处置的问题须由其他人员（如网格员）核查');
      expect((await act('gw01', c.id, { type: 'verify_pass' })).json().status).toBe('closed');

      // To the 街道 itself: its own staff sign, handle, and may return it.
      const d = (await report('gw01', { categoryCode: '0102', description: '街道自行处置', location: IN_GRID })).json();
      await act('sub01', d.id, { type: 'accept' });
      r = await act('sub01', d.id, { type: 'dispatch', payload: { unitId: ids.sub } });
      expect(r.json()).toMatchObject({ status: 'dispatched', assignedUnitName: '城北街道办事处' });
      expect(r.json().allowedActions).toEqual(expect.arrayContaining(['start', 'return', 'request_extension']));
      expect((await act('com01', d.id, { type: 'start' })).statusCode).toBe(403);
      expect((await act('sub01', d.id, { type: 'start' })).json().status).toBe('handling');
      expect((await act('sub01', d.id, { type: 'feedback' })).json().status).toBe('pending_verification');
      expect((await act('com01', d.id, { type: 'verify_pass' })).json().status).toBe('closed');

      // KPIs per handler: the 街道 and its communities as handling units.
      const k = (
        await h.call(
          'GET',
          `/api/v1/cases/kpis?unitId=${ids.sub}&view=handler&from=2026-11-01&to=2026-11-30`,
          as('sub01'),
        )
      ).json();
      expect(k).toMatchObject({ view: 'handler', basis: 'standard' });
      expect(k.counts).toMatchObject({ dispatched: 2, handled: 2, closed: 2, dueToClose: 2 });
      const com = (
        await h.call(
          'GET',
          `/api/v1/cases/kpis?unitId=${ids.com}&view=handler&from=2026-11-01&to=2026-11-30`,
          as('sub01'),
        )
      ).json();
      expect(com.counts).toMatchObject({ dispatched: 1, handled: 1, closed: 1 });
    });

    it('gives from the roll-up exactly what folding every case gives, by either basis and view, and a rebuild restores the same roll-up', async () => {
      const calendar = await loadWorkCalendar(h.database.db, '411602', 'Asia/Shanghai');
      // Two cases still open when their deadline passes, one reworked and one extended: what time adds
      // to the counts (返工, 延期 of the due ones) is read from their columns, not their states.
      h.clock.set('2026-11-30T02:00:00Z');
      for (const u of ['gw01', 'sub01', 'com01']) cookies[u] = await h.login(u, 'Passw0rd1');
      const dispatched = async () => {
        const c = (await report('gw01', { categoryCode: '0102', description: '井盖松动', location: IN_GRID })).json();
        expect((await act('sub01', c.id, { type: 'accept' })).statusCode).toBe(200);
        expect((await act('sub01', c.id, { type: 'dispatch', payload: { unitId: ids.com } })).statusCode).toBe(200);
        expect((await act('com01', c.id, { type: 'start' })).statusCode).toBe(200);
        return c.id as string;
      };
      const reworked = await dispatched();
      expect((await act('com01', reworked, { type: 'feedback', comment: '已加固' })).statusCode).toBe(200);
      const failed = await act('gw01', reworked, { type: 'verify_fail', payload: { reason: '仍松动' } });
      expect(failed.json()).toMatchObject({ status: 'handling' });
      const extended = await dispatched();
      const ask = { extra: { value: 4, unit: 'hours' }, reason: '材料未到' };
      expect((await act('com01', extended, { type: 'request_extension', payload: ask })).statusCode).toBe(200);
      const approved = await act('sub01', extended, { type: 'approve_extension', payload: {} });
      expect(approved.statusCode, approved.body).toBe(200);
      for (const id of [reworked, extended]) {
        const row = await h.database.db
          .selectFrom('cases')
          .select(['deadline', 'rework_count', 'extension_count'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row.deadline! < '2026-12-02T02:00:00Z').toBe(true);
        expect(Number(row.rework_count) + Number(row.extension_count)).toBe(1);
      }
      // Two whole months (read from the month rows), and a period with ragged ends around one.
      const periods = [
        { from: '2026-11-01', to: '2026-12-31', utc: ['2026-10-31T16:00:00Z', '2026-12-31T16:00:00Z'] },
        { from: '2026-10-20', to: '2026-12-01', utc: ['2026-10-19T16:00:00Z', '2026-12-01T16:00:00Z'] },
      ];
      let period = { from: new Date(periods[0]!.utc[0]!), to: new Date(periods[0]!.utc[1]!) };
      const reference = async (
        basis: 'standard' | 'reported',
        view: 'area' | 'handler',
        path: string | null,
        asOf: Date,
      ) => {
        const rows = await h.database.db.selectFrom('cases').select('state').execute();
        const states = rows
          .map((r) => stateFromJson(r.state))
          .filter((st) =>
            path === null ? true : ((view === 'area' ? st.gridPath : st.assignedUnitPath) ?? '').startsWith(path),
          );
        return computeKpis(states.map(summaryOf), { basis, period, asOf, calendar }).counts;
      };
      const pathOf = async (id: string) => {
        const u = (await h.call('GET', `/api/v1/units/${id}`, as('admin'))).json();
        return `/${[...u.ancestors.map((a: { id: string }) => a.id), u.id].join('/')}/`;
      };
      const subPath = await pathOf(ids.sub);
      const deptPath = await pathOf(ids.dept);
      for (const [at, p] of ['2026-11-30T02:00:00Z', '2026-12-02T02:00:00Z'].flatMap((x) =>
        periods.map((y) => [x, y] as const),
      )) {
        h.clock.set(at);
        cookies.admin = await h.login('admin'); // sessions last 12 hours
        period = { from: new Date(p.utc[0]!), to: new Date(p.utc[1]!) };
        for (const basis of ['standard', 'reported'] as const) {
          const get = async (q: string) => {
            const res = await h.call(
              'GET',
              `/api/v1/cases/kpis?from=${p.from}&to=${p.to}&basis=${basis}${q}`,
              as('admin'),
            );
            expect(res.statusCode, res.body).toBe(200);
            return res.json();
          };
          const district = await get('');
          expect(district).toMatchObject({ basis, view: 'area' });
          expect(district.counts).toEqual(await reference(basis, 'area', null, new Date(at)));
          expect((await get(`&unitId=${ids.sub}`)).counts).toEqual(
            await reference(basis, 'area', subPath, new Date(at)),
          );
          // Communities from the roll-up's community rows, grids from its grid rows: the same either way.
          for (const unit of ['com', 'large', 'small']) {
            const path = await pathOf(ids[unit]);
            const got = await get(`&unitId=${ids[unit]}`);
            expect(got.counts, unit).toEqual(await reference(basis, 'area', path, new Date(at)));
            if (unit === 'small') expect(got.counts.reported, unit).toBeGreaterThan(0);
          }
          expect((await get(`&unitId=${ids.sub}&view=handler`)).counts).toEqual(
            await reference(basis, 'handler', subPath, new Date(at)),
          );
          const dept = await get(`&unitId=${ids.dept}`);
          expect(dept.view).toBe('handler');
          expect(dept.counts).toEqual(await reference(basis, 'handler', deptPath, new Date(at)));
          expect(dept.counts.dispatched).toBeGreaterThan(0);
        }
      }
      h.clock.set('2026-11-30T02:00:00.000Z');
      cookies.admin = await h.login('admin');
      const table = async () =>
        (
          await h.database.db
            .selectFrom('case_kpi_days')
            .selectAll()
            .orderBy(['basis', 'kpi_view', 'unit_path', 'day'])
            .execute()
        )
          .map((r) => ({ ...r, handling_millis: Number(r.handling_millis), closing_millis: Number(r.closing_millis) }))
          .filter((r) => Object.entries(r).some(([k, v]) => typeof v === 'number' && v !== 0 && k !== 'day'));
      const before = await table();
      await rebuildKpiRollup(h.database.db, '411602', calendar);
      expect(await table()).toEqual(before);
      expect(before.length).toBeGreaterThan(0);
      // Closed again, so that the later steps meet the ledger they expect.
      for (const id of [reworked, extended]) {
        expect((await act('com01', id, { type: 'feedback', comment: '已处理' })).statusCode).toBe(200);
        expect((await act('gw01', id, { type: 'verify_pass' })).json()).toMatchObject({ status: 'closed' });
      }
    });

    it("gives many areas' figures at once (the map's grids, a ranking's 街道) from grouped reads, each equal to folding its cases", async () => {
      const calendar = await loadWorkCalendar(h.database.db, '411602', 'Asia/Shanghai');
      const period = { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') };
      const days = { from: '2026-11-01', to: '2026-12-31' };
      const units = ['district', 'sub', 'sub2', 'com', 'large', 'small'];
      const areas: { path: string; kind: string }[] = [];
      for (const key of units) {
        const u = (await h.call('GET', `/api/v1/units/${ids[key]}`, as('admin'))).json();
        areas.push({ path: `/${[...u.ancestors.map((a: { id: string }) => a.id), u.id].join('/')}/`, kind: u.kind });
      }
      const fold = async (basis: 'standard' | 'reported', area: { path: string; kind: string }, asOf: Date) => {
        const states = (await h.database.db.selectFrom('cases').select('state').execute())
          .map((r) => stateFromJson(r.state))
          .filter((st) => area.kind === 'district' || (st.gridPath ?? '').startsWith(area.path));
        return computeKpis(states.map(summaryOf), { basis, period, asOf, calendar }).counts;
      };
      for (const at of ['2026-11-30T02:00:00Z', '2026-12-02T02:00:00Z']) {
        const asOf = new Date(at);
        for (const basis of ['standard', 'reported'] as const) {
          const all = await areaKpiCounts(h.database.db, { districtCode: '411602', areas, basis, days, period, asOf });
          for (const [i, key] of units.entries())
            expect(all[i], `${key} ${basis} ${at}`).toEqual(await fold(basis, areas[i]!, asOf));
          expect(all[units.indexOf('small')]!.reported).toBeGreaterThan(0);
          expect(all[units.indexOf('district')]!.reported).toBeGreaterThan(all[units.indexOf('small')]!.reported);
          // The grids alone, as the map asks: the same figures.
          const grids = areas.slice(4);
          expect(
            await areaKpiCounts(h.database.db, { districtCode: '411602', areas: grids, basis, days, period, asOf }),
          ).toEqual(all.slice(4));
          // An area asked twice gets its figures twice.
          const twice = [areas[5]!, areas[1]!, areas[5]!];
          expect(
            await areaKpiCounts(h.database.db, { districtCode: '411602', areas: twice, basis, days, period, asOf }),
          ).toEqual([all[5], all[1], all[5]]);
        }
      }
    });

    it('flags overdue cases from the scheduled check and tells the unit', async () => {
      const c = (await report('gw01', { categoryCode: '0104', description: '道路不洁', location: IN_GRID })).json();
      await act('sub01', c.id, { type: 'accept' });
      await act('sub01', c.id, { type: 'dispatch', payload: { unitId: ids.dept } });
      const deps = {
        database: h.database,
        clock: h.clock,
        config: (await import('../../../kernel/config.js')).loadConfig({}),
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
        events: createEventBus(),
      };
      const emitted: DomainEvents['case.overdue'][] = [];
      deps.events.on('case.overdue', async (_trx, e) => {
        emitted.push(e);
      });
      const near = await checkDeadlines(deps, new Date('2026-11-30T06:00:00Z'));
      expect(emitted).toEqual([]);
      expect(near.changed).toBeGreaterThanOrEqual(1);
      expect((await h.call('GET', `/api/v1/cases/${c.id}`, as('cg01'))).json().deadlineStatus).toBe('near_overdue');
      await checkDeadlines(deps, new Date('2026-12-01T02:00:00Z'));
      const overdue = (await h.call('GET', `/api/v1/cases/${c.id}`, as('cg01'))).json();
      expect(overdue).toMatchObject({ deadlineStatus: 'overdue', escalationLevel: expect.any(Number) });
      const kinds = (await h.call('GET', '/api/v1/inbox', as('cg01')))
        .json()
        .items.map((m: { kind: string }) => m.kind);
      expect(kinds).toContain('case.near_overdue');
      expect(kinds.some((k: string) => k.startsWith('case.overdue'))).toBe(true);
      // The overdue is announced in-transaction to other modules (duty tells the community's 分包 leader).
      expect(emitted).toMatchObject([
        { caseId: c.id, caseNumber: c.caseNumber, districtCode: '411602', level: 1, summary: '道路不洁' },
      ]);
      expect(emitted[0].areaPath).toMatch(/^\//);
      const again = await checkDeadlines(deps, new Date('2026-12-01T02:00:00Z'));
      expect(again.changed).toBe(0);
      expect(emitted).toHaveLength(1);
      const listed = await h.call('GET', '/api/v1/cases?deadlineStatus=overdue', as('sub01'));
      expect(listed.json().items.map((x: { id: string }) => x.id)).toContain(c.id);
    });

    it('answers a report with the case exactly as reading it back shows it', async () => {
      const r = await report('gw01', { categoryCode: '0103', description: '北关路口积存垃圾渣土', location: IN_GRID });
      expect(r.statusCode, r.body).toBe(201);
      const created = r.json();
      const read = await h.call('GET', `/api/v1/cases/${created.id}`, as('gw01'));
      expect(created).toEqual(read.json());
      const away = await report('dc01', { categoryCode: '0103', description: '某处垃圾', address: '七一路' });
      expect(away.statusCode, away.body).toBe(201);
      expect(away.json()).toEqual((await h.call('GET', `/api/v1/cases/${away.json().id}`, as('dc01'))).json());
    });

    it('uses a category edit at once: renamed in the ledger, refused for reports once inactive', async () => {
      expect(
        (await h.call('PATCH', '/api/v1/case-categories/0104', { ...as('admin'), body: { name: '暴露垃圾（改）' } }))
          .statusCode,
      ).toBe(204);
      const r = await report('gw01', { categoryCode: '0104', description: '北关路口暴露垃圾', location: IN_GRID });
      expect(r.json().categoryName).toBe('暴露垃圾（改）');
      expect(
        (await h.call('PATCH', '/api/v1/case-categories/0104', { ...as('admin'), body: { active: false } })).statusCode,
      ).toBe(204);
      const refused = await report('gw01', {
        categoryCode: '0104',
        description: '北关路口暴露垃圾',
        location: IN_GRID,
      });
      expect(refused.json()).toMatchObject({ code: 'case.unknown_category' });
    });

    it('computes deadlines with a calendar day the admin has just changed, and again once it is removed', async () => {
      const dispatched = async () => {
        const c = (
          await report('gw01', { categoryCode: '0103', description: '北关路口积存渣土', location: IN_GRID })
        ).json();
        await act('sub01', c.id, { type: 'accept' });
        const r = await act('sub01', c.id, { type: 'dispatch', payload: { unitId: ids.dept } });
        expect(r.statusCode, r.body).toBe(200);
        return r.json().deadline as string;
      };
      const before = await dispatched();
      expect(
        (
          await h.call('PUT', '/api/v1/calendar/days/2026-12-01', {
            ...as('admin'),
            body: { kind: 'holiday', name: '测试' },
          })
        ).statusCode,
      ).toBe(204);
      const withHoliday = await dispatched();
      expect(Date.parse(withHoliday)).toBeGreaterThan(Date.parse(before));
      expect((await h.call('DELETE', '/api/v1/calendar/days/2026-12-01', as('admin'))).statusCode).toBe(204);
      expect(await dispatched()).toBe(before);
    });
  });
}
