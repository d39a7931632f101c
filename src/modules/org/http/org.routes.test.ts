import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';

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

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: organisation API`, () => {
    let h: Harness;
    let admin: string;
    const ids: Record<string, string> = {};

    const post = (url: string, body: unknown, cookie = admin) => h.call('POST', url, { cookie, body });

    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
      const mk = async (key: string, parent: string, kind: string, name: string, code?: string) => {
        const res = await post('/api/v1/units', { parentId: ids[parent] ?? parent, kind, name, code });
        expect(res.statusCode, res.body).toBe(201);
        ids[key] = res.json().id;
      };
      ids.district = h.districtId;
      await mk('chengbei', 'district', 'subdistrict', '城北街道办事处', '411602004000');
      await mk('xiaoqiao', 'district', 'subdistrict', '小乔街道办事处', '411602003000');
      await mk('zhuzhuang', 'chengbei', 'community', '朱庄社区', '411602004001');
      await mk('dehua', 'xiaoqiao', 'community', '德化社区', '411602003001');
      await mk('g1', 'zhuzhuang', 'grid_large', '朱庄社区第1网格', '411602004001901');
      await mk('g1a', 'g1', 'grid_small', '朱庄社区第1网格-1', '411602004001001');
      await mk('g1b', 'g1', 'grid_small', '朱庄社区第1网格-2', '411602004001002');
      await mk('telecom', 'district', 'outside_unit', '周口电信川汇分公司');
    });
    afterAll(async () => h?.close());

    it('answers health and serves the OpenAPI document', async () => {
      expect((await h.call('GET', '/healthz')).statusCode).toBe(200);
      const res = await h.call('GET', '/api/v1/openapi.json');
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.paths['/api/v1/grids/locate'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
        'lng',
        'lat',
        'crs',
      ]);
      expect(doc.paths['/api/v1/units'].post.requestBody).toBeDefined();
    });

    it('refuses a wrong password with 401 problem+json and sets no cookie', async () => {
      const res = await post('/api/v1/auth/login', { username: 'admin', password: 'nope' }, '');
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('auth.invalid_credentials');
      expect(res.json().detail).toBe('用户名或密码错误');
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('sets an HttpOnly SameSite session cookie on login and does not force the env admin to change password', async () => {
      const res = await post('/api/v1/auth/login', { username: 'admin', password: 'Admin12345' }, '');
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/civicgrid_session=.*HttpOnly.*SameSite=Lax/i);
      expect(res.json().account.mustChangePassword).toBe(false);
    });

    it('asks for a login on API routes without a session', async () => {
      const res = await h.call('GET', '/api/v1/units');
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.required');
    });

    it('lists the scope root, children by parentId and filters by kind', async () => {
      const root = await h.call('GET', '/api/v1/units', { cookie: admin });
      expect(root.json().items.map((u: { kind: string }) => u.kind)).toEqual(['district']);
      const subs = await h.call('GET', `/api/v1/units?parentId=${ids.district}&kind=subdistrict`, { cookie: admin });
      expect(
        subs
          .json()
          .items.map((u: { name: string }) => u.name)
          .sort(),
      ).toEqual(['城北街道办事处', '小乔街道办事处'].sort());
      const grids = await h.call('GET', '/api/v1/units?kind=grid_small', { cookie: admin });
      expect(grids.json().items).toHaveLength(2);
      const detail = await h.call('GET', `/api/v1/units/${ids.g1a}`, { cookie: admin });
      expect(detail.json().ancestors.map((u: { name: string }) => u.name)).toEqual([
        '川汇区',
        '城北街道办事处',
        '朱庄社区',
        '朱庄社区第1网格',
      ]);
    });

    it('refuses a unit kind that cannot sit under the parent, naming the field', async () => {
      const res = await post('/api/v1/units', { parentId: ids.zhuzhuang, kind: 'subdistrict', name: '错误' });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe('kind');
      expect(res.json().detail).toBe('社区下不能设立街道');
      expect(res.json().errors[0].message).toBe('社区下不能设立街道');
    });

    it('refuses a code that does not extend the parent code', async () => {
      const res = await post('/api/v1/units', {
        parentId: ids.chengbei,
        kind: 'community',
        name: '某社区',
        code: '411602005002',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('unit.invalid_code');
      expect(res.json().detail).toBe('代码应以上级代码前 9 位 411602004 开头');
      expect(res.json().errors).toEqual([{ field: 'code', message: '代码应以上级代码前 9 位 411602004 开头' }]);
    });

    it('refuses a duplicate code with 409', async () => {
      const res = await post('/api/v1/units', {
        parentId: ids.chengbei,
        kind: 'community',
        name: '重复',
        code: '411602004001',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().errors[0].field).toBe('code');
      expect(res.json().detail).toBe('代码 411602004001 已被使用');
      expect(res.json().errors[0].message).toBe('代码已被使用');
    });

    it('answers malformed JSON, unknown fields, wrong types and oversized bodies with 4xx problems', async () => {
      const malformed = await h.call('POST', '/api/v1/units', {
        cookie: admin,
        headers: { 'content-type': 'application/json' },
        payload: '{"parentId":',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().code).toBe('request.malformed_json');
      const unknown = await post('/api/v1/units', {
        parentId: ids.chengbei,
        kind: 'community',
        name: 'x',
        colour: 'red',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toContainEqual({ field: 'colour', message: 'unknown field (in body)' });
      const wrongType = await post('/api/v1/units', { parentId: ids.chengbei, kind: 'community', name: 42 });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json().errors[0].field).toBe('name');
      const big = await post('/api/v1/units', {
        parentId: ids.chengbei,
        kind: 'community',
        name: 'x'.repeat(2 * 1024 * 1024),
      });
      expect(big.statusCode).toBe(413);
      const badId = await h.call('GET', '/api/v1/units/not-a-uuid', { cookie: admin });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().errors[0].field).toBe('id');
    });

    it('renames and moves a unit with its subtree, and refuses a move under its own descendant', async () => {
      const tmpSub = await post('/api/v1/units', { parentId: ids.district, kind: 'subdistrict', name: '临时街道' });
      const tmpCom = await post('/api/v1/units', { parentId: tmpSub.json().id, kind: 'community', name: '临时社区' });
      const tmpGrid = await post('/api/v1/units', { parentId: tmpCom.json().id, kind: 'grid_large', name: '临时网格' });
      const cycle = await post(`/api/v1/units/${tmpSub.json().id}/move`, { parentId: tmpCom.json().id });
      expect(cycle.statusCode).toBe(422);
      expect(cycle.json().detail).toBe('不能移动到自身或其下级之下');
      const root = await post(`/api/v1/units/${ids.district}/move`, { parentId: ids.xiaoqiao });
      expect(root.json()).toMatchObject({ detail: '区不能移动', errors: [{ field: 'id', message: '根单位不能移动' }] });
      const moved = await post(`/api/v1/units/${tmpCom.json().id}/move`, { parentId: ids.xiaoqiao });
      expect(moved.statusCode).toBe(200);
      expect(moved.json().parentId).toBe(ids.xiaoqiao);
      const grid = await h.call('GET', `/api/v1/units/${tmpGrid.json().id}`, { cookie: admin });
      expect(grid.json().ancestors.map((u: { name: string }) => u.name)).toEqual([
        '川汇区',
        '小乔街道办事处',
        '临时社区',
      ]);
      const renamed = await h.call('PATCH', `/api/v1/units/${tmpCom.json().id}`, {
        cookie: admin,
        body: { name: '文昌社区' },
      });
      expect(renamed.json().name).toBe('文昌社区');
    });

    it('retires a unit only when it has no active children, and keeps it readable', async () => {
      const busy = await post(`/api/v1/units/${ids.g1}/retire`, {});
      expect(busy.statusCode).toBe(409);
      expect(busy.json().code).toBe('unit.has_active_children');
      expect(busy.json().detail).toBe('「朱庄社区第1网格」还有 2 个下级单位，请先移动或撤销它们');
      expect(busy.json().errors).toEqual([{ field: 'id', message: '还有 2 个下级单位' }]);
      const rootRetire = await post(`/api/v1/units/${ids.district}/retire`, {});
      expect(rootRetire.json().detail).toBe('区不能撤销');
      const leaf = await post('/api/v1/units', { parentId: ids.dehua, kind: 'party_branch', name: '德化社区党支部' });
      const retired = await post(`/api/v1/units/${leaf.json().id}/retire`, {});
      expect(retired.statusCode).toBe(200);
      expect(retired.json().status).toBe('retired');
      const list = await h.call('GET', `/api/v1/units?parentId=${ids.dehua}`, { cookie: admin });
      expect(list.json().items).toHaveLength(0);
      const withRetired = await h.call('GET', `/api/v1/units?parentId=${ids.dehua}&includeRetired=true`, {
        cookie: admin,
      });
      expect(withRetired.json().items).toHaveLength(1);
    });

    it('imports child boundaries, and refuses a file with one bad feature without writing any', async () => {
      const bad = await post(`/api/v1/units/${ids.g1}/boundaries`, {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '411602004001001' }, geometry: square(114.6, 33.6, 114.61, 33.61) },
          {
            type: 'Feature',
            properties: { code: '411602004001002' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [114.61, 33.6],
                  [114.62, 33.6],
                  [114.62, 33.61],
                ],
              ],
            },
          },
          { type: 'Feature', properties: { code: '999' }, geometry: square(0, 0, 1, 1) },
        ],
      });
      expect(bad.statusCode).toBe(422);
      const fields = bad.json().errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(['features[1].geometry', 'features[2].properties']);
      expect(bad.json().detail).toBe('边界文件有 2 处问题，未导入任何边界');
      expect(bad.json().errors[1].message).toBe('「朱庄社区第1网格」没有代码为 999、名称为 （无） 的下级单位');
      const none = await h.call('GET', `/api/v1/units/${ids.g1}/boundaries`, { cookie: admin });
      expect(none.json().features).toHaveLength(0);

      const ok = await post(`/api/v1/units/${ids.g1}/boundaries`, {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '411602004001001' }, geometry: square(114.6, 33.6, 114.61, 33.61) },
          { type: 'Feature', properties: { name: '朱庄社区第1网格-2' }, geometry: square(114.61, 33.6, 114.62, 33.61) },
        ],
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().updated).toBe(2);
      const fc = await h.call('GET', `/api/v1/units/${ids.g1}/boundaries`, { cookie: admin });
      expect(fc.json().features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual([
        '朱庄社区第1网格-1',
        '朱庄社区第1网格-2',
      ]);
    });

    it('locates a point to its small grid with ancestors, converts GCJ-02, and answers a point in no grid', async () => {
      const res = await h.call('GET', '/api/v1/grids/locate?lng=114.605&lat=33.605', { cookie: admin });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ found: true, grid: { name: '朱庄社区第1网格-1' } });
      expect(res.json().ancestors.map((u: { kind: string }) => u.kind)).toEqual([
        'district',
        'subdistrict',
        'community',
        'grid_large',
      ]);
      // The same ground point given in GCJ-02 is shifted by a few hundred metres; it must land in the same grid.
      const gcj = await h.call('GET', '/api/v1/grids/locate?lng=114.6115&lat=33.6039&crs=gcj02', { cookie: admin });
      expect(gcj.json().point.lng).toBeLessThan(114.6115);
      const outside = await h.call('GET', '/api/v1/grids/locate?lng=100&lat=30', { cookie: admin });
      expect(outside.statusCode).toBe(200);
      expect(outside.json()).toMatchObject({ found: false, grid: null });
      const badLat = await h.call('GET', '/api/v1/grids/locate?lng=114&lat=95', { cookie: admin });
      expect(badLat.statusCode).toBe(400);
      expect(badLat.json().errors[0].field).toBe('lat');
    });

    it('forces a new account to change its temporary password before anything else', async () => {
      const created = await post('/api/v1/accounts', {
        username: 'cb_staff',
        displayName: '城北管理员',
        unitId: ids.chengbei,
        roles: ['subdistrict_staff'],
      });
      expect(created.statusCode, created.body).toBe(201);
      const temp = created.json().temporaryPassword;
      const cookie = await h.login('cb_staff', temp);
      const blocked = await h.call('GET', '/api/v1/units', { cookie });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('auth.password_change_required');
      const weak = await h.call('POST', '/api/v1/auth/change-password', {
        cookie,
        body: { currentPassword: temp, newPassword: 'short' },
      });
      expect(weak.statusCode).toBe(422);
      expect(weak.json().errors[0].field).toBe('newPassword');
      const wrong = await h.call('POST', '/api/v1/auth/change-password', {
        cookie,
        body: { currentPassword: 'not-the-temp-1', newPassword: 'Chengbei2026' },
      });
      expect(wrong.json()).toMatchObject({
        detail: '当前密码不正确',
        errors: [{ field: 'currentPassword', message: '当前密码不正确' }],
      });
      const same = await h.call('POST', '/api/v1/auth/change-password', {
        cookie,
        body: { currentPassword: temp, newPassword: temp },
      });
      expect(same.json().detail).toBe('新密码不能与当前密码相同');
      const changed = await h.call('POST', '/api/v1/auth/change-password', {
        cookie,
        body: { currentPassword: temp, newPassword: 'Chengbei2026' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await h.call('GET', '/api/v1/units', { cookie })).statusCode).toBe(200);
    });

    it('limits a sub-district account to its own subtree', async () => {
      const cookie = await h.login('cb_staff', 'Chengbei2026');
      const root = await h.call('GET', '/api/v1/units', { cookie });
      expect(root.json().items.map((u: { name: string }) => u.name)).toEqual(['城北街道办事处']);
      expect((await h.call('GET', `/api/v1/units/${ids.zhuzhuang}`, { cookie })).statusCode).toBe(200);
      const other = await h.call('GET', `/api/v1/units/${ids.dehua}`, { cookie });
      expect(other.statusCode).toBe(404);
      const search = await h.call('GET', '/api/v1/units?q=社区&kind=community', { cookie });
      expect(search.json().items.map((u: { name: string }) => u.name)).toEqual(['朱庄社区']);
      const write = await post('/api/v1/units', { parentId: ids.zhuzhuang, kind: 'grid_large', name: '越权' }, cookie);
      expect(write.statusCode).toBe(403);
      const person = await post('/api/v1/people', { name: '测试人员', kind: 'grid_worker', unitId: ids.dehua }, cookie);
      expect(person.statusCode).toBe(404);
    });

    it('masks phones, reveals them only to permitted roles, and audits every reveal', async () => {
      const p = await post('/api/v1/people', {
        name: '网格员甲',
        kind: 'grid_worker',
        unitId: ids.zhuzhuang,
        phone: '13912345678',
        gridIds: [ids.g1a],
      });
      expect(p.statusCode, p.body).toBe(201);
      expect(p.json().phone).toBe('139****5678');
      const list = await h.call('GET', `/api/v1/people?unitId=${ids.chengbei}`, { cookie: admin });
      expect(list.json().items[0]).toMatchObject({ name: '网格员甲', phone: '139****5678', gridIds: [ids.g1a] });
      const full = await h.call('GET', `/api/v1/people/${p.json().id}?reveal=true`, { cookie: admin });
      expect(full.json().phone).toBe('13912345678');
      const audit = await h.call('GET', `/api/v1/audit?entityType=person&entityId=${p.json().id}`, { cookie: admin });
      expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['person.reveal', 'person.create']);
      expect(JSON.stringify(audit.json())).not.toContain('13912345678');

      await post('/api/v1/accounts', {
        username: 'gw_a',
        displayName: '网格员甲',
        unitId: ids.g1a,
        roles: ['grid_worker'],
      });
      const reset = await post(
        `/api/v1/accounts/${(await h.call('GET', '/api/v1/accounts?q=gw_a', { cookie: admin })).json().items[0].id}/reset-password`,
        {},
      );
      const gw = await h.login('gw_a', reset.json().temporaryPassword);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie: gw,
        body: { currentPassword: reset.json().temporaryPassword, newPassword: 'Grid12345' },
      });
      const denied = await h.call('GET', `/api/v1/people/${p.json().id}?reveal=true`, { cookie: gw });
      expect(denied.statusCode).toBe(403);
      const grid = await h.call('GET', `/api/v1/units/${ids.g1a}`, { cookie: gw });
      expect(grid.json().gridWorkers[0].phone).toBe('139****5678');
    });

    it('throttles repeated failed logins', async () => {
      await post('/api/v1/accounts', {
        username: 'victim',
        displayName: '测试',
        unitId: ids.dehua,
        roles: ['community_worker'],
      });
      for (let i = 0; i < 5; i++) {
        expect((await post('/api/v1/auth/login', { username: 'victim', password: `wrong${i}` }, '')).statusCode).toBe(
          401,
        );
      }
      // Held back 1 s after five failures; this refused attempt counts as the 6th: 2 s (domain/login-throttle.ts).
      const held = await post('/api/v1/auth/login', { username: 'victim', password: 'whatever1' }, '');
      expect(held.statusCode).toBe(429);
      expect(held.headers['retry-after']).toBe('2');
      expect(held.json().detail).toBe('密码错误次数过多，请 2 秒后再试');
      h.clock.advance(2000);
      expect((await post('/api/v1/auth/login', { username: 'victim', password: 'still-wrong1' }, '')).statusCode).toBe(
        401,
      );
    });

    it('accepts bearer API tokens for integrations and stops accepting a revoked one', async () => {
      const t = await post('/api/v1/auth/tokens', { name: '大屏集成' });
      expect(t.statusCode).toBe(201);
      const bearer = { authorization: `Bearer ${t.json().token}` };
      expect((await h.call('GET', '/api/v1/units', { headers: bearer })).statusCode).toBe(200);
      const list = await h.call('GET', '/api/v1/auth/tokens', { cookie: admin });
      const id = list.json().items[0].id;
      expect((await h.call('DELETE', `/api/v1/auth/tokens/${id}`, { cookie: admin })).statusCode).toBe(204);
      expect((await h.call('GET', '/api/v1/units', { headers: bearer })).statusCode).toBe(401);
    });

    it('records every write in the audit log with before and after', async () => {
      const res = await h.call('GET', '/api/v1/audit?action=unit.update', { cookie: admin });
      const e = res.json().items[0];
      expect(e).toMatchObject({
        actorName: '系统管理员',
        entityType: 'unit',
        before: { name: '临时社区' },
        after: { name: '文昌社区' },
      });
    });

    it('shows the calendar with its source and lets admins override a day', async () => {
      const y = await h.call('GET', '/api/v1/calendar?year=2026', { cookie: admin });
      expect(y.json().covered).toBe(true);
      expect(y.json().source).toMatch(/国务院办公厅/);
      const uncovered = await h.call('GET', '/api/v1/calendar?year=2030', { cookie: admin });
      expect(uncovered.json().covered).toBe(false);
      expect(
        (
          await h.call('PUT', '/api/v1/calendar/days/2030-01-01', {
            cookie: admin,
            body: { kind: 'holiday', name: '元旦' },
          })
        ).statusCode,
      ).toBe(204);
      const after = await h.call('GET', '/api/v1/calendar?year=2030', { cookie: admin });
      expect(after.json().days).toContainEqual({ date: '2030-01-01', kind: 'holiday', name: '元旦', origin: 'admin' });
      expect(
        (await h.call('PUT', '/api/v1/calendar/days/2030-02-30', { cookie: admin, body: { kind: 'holiday' } }))
          .statusCode,
      ).toBe(400);
    });
  });
}
