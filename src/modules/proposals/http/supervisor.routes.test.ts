import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';

type Json = Record<string, any>;

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: democratic supervisors API`, () => {
    let h: Harness;
    let admin: string;
    const ids: Record<string, string> = {};
    const who: Record<string, string> = {};
    const count = async (
      table: 'supervisor_assignments' | 'supervisor_visits' | 'supervisor_opinions' | 'audit_events',
    ): Promise<number> =>
      Number(
        (
          await h.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    async function account(username: string, unit: string, roles: string[]): Promise<void> {
      const acc = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username, displayName: `${username}（测试）`, unitId: ids[unit], roles },
      });
      expect(acc.statusCode, acc.body).toBe(201);
      const temp = acc.json().temporaryPassword;
      const c = await h.login(username, temp);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie: c,
        body: { currentPassword: temp, newPassword: 'Test12345' },
      });
      who[username] = await h.login(username, 'Test12345');
    }

    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
      ids.root = h.districtId;
      for (const [key, name] of [
        ['cg', '城市管理局'],
        ['jt', '交通运输局'],
        ['zx', '区政协'],
        ['old', '已撤并的局'],
      ]) {
        const r = await h.call('POST', '/api/v1/units', {
          cookie: admin,
          body: { parentId: h.districtId, kind: 'department', name },
        });
        ids[key] = r.json().id;
      }
      await h.call('POST', `/api/v1/units/${ids.old}/retire`, { cookie: admin });
      await account('office', 'root', ['supervision_office']);
      await account('sup', 'zx', ['democratic_supervisor']);
      await account('sup2', 'zx', ['democratic_supervisor']);
      await account('cgh', 'cg', ['unit_handler']);
      await account('jth', 'jt', ['unit_handler']);
    });
    afterAll(async () => h?.close());

    const assign = (body: Json, cookie = who.office) =>
      h.call('POST', '/api/v1/supervisor-assignments', { cookie, body });
    let aid: string;

    it('refuses a term ending before it starts, a retired unit, a non-supervisor, and a supervisor assigning himself; saves nothing', async () => {
      const before = [await count('supervisor_assignments'), await count('audit_events')];
      const base = { supervisorUsername: 'sup', unitId: ids.cg, termStart: '2026-01-01', termEnd: '2026-12-31' };
      const backwards = await assign({ ...base, termEnd: '2025-12-31' });
      expect(backwards.statusCode).toBe(422);
      expect(backwards.json()).toMatchObject({ code: 'supervisor.invalid_term', errors: [{ field: 'termEnd' }] });
      const retired = await assign({ ...base, unitId: ids.old });
      expect(retired.json()).toMatchObject({ code: 'supervisor.retired_unit', errors: [{ field: 'unitId' }] });
      const notSup = await assign({ ...base, supervisorUsername: 'cgh' });
      expect(notSup.json().errors[0].field).toBe('supervisorUsername');
      expect((await assign(base, who.sup)).statusCode).toBe(403);
      expect([await count('supervisor_assignments'), await count('audit_events')]).toEqual(before);
    });

    it('assigns a supervisor to a unit for a term; the supervisor sees their own, others not theirs', async () => {
      const r = await assign({
        supervisorUsername: 'sup',
        unitId: ids.cg,
        termStart: '2026-01-01',
        termEnd: '2026-12-31',
      });
      expect(r.statusCode, r.body).toBe(201);
      aid = r.json().id;
      const mine = (await h.call('GET', '/api/v1/supervisor-assignments', { cookie: who.sup })).json().items;
      expect(mine).toMatchObject([
        { id: aid, unit: { name: '城市管理局' }, termStart: '2026-01-01', active: true, mine: true },
      ]);
      expect((await h.call('GET', '/api/v1/supervisor-assignments', { cookie: who.sup2 })).json().items).toEqual([]);
      expect((await h.call('GET', '/api/v1/supervisor-assignments', { cookie: who.cgh })).json().items).toHaveLength(1);
      expect((await h.call('GET', '/api/v1/supervisor-assignments', { cookie: who.jth })).json().items).toEqual([]);
      expect((await h.call('GET', '/api/v1/supervisor-assignments', { cookie: who.office })).json().items).toHaveLength(
        1,
      );
    });

    let visit: string;
    it('records visits within the term by the assigned supervisor only', async () => {
      const future = await h.call('POST', `/api/v1/supervisor-assignments/${aid}/visits`, {
        cookie: who.sup,
        body: { visitedOn: '2026-12-05', notes: '走访' },
      });
      expect(future.json()).toMatchObject({ code: 'supervisor.invalid_visit_date', errors: [{ field: 'visitedOn' }] });
      const before = await h.call('POST', `/api/v1/supervisor-assignments/${aid}/visits`, {
        cookie: who.sup,
        body: { visitedOn: '2025-12-05', notes: '走访' },
      });
      expect(before.statusCode).toBe(422);
      expect(
        (
          await h.call('POST', `/api/v1/supervisor-assignments/${aid}/visits`, {
            cookie: who.sup2,
            body: { visitedOn: '2026-11-05', notes: '走访' },
          })
        ).statusCode,
      ).toBe(404);
      expect(await count('supervisor_visits')).toBe(0);
      const ok = await h.call('POST', `/api/v1/supervisor-assignments/${aid}/visits`, {
        cookie: who.sup,
        body: { visitedOn: '2026-11-05', notes: '走访数字城管中心' },
      });
      expect(ok.statusCode, ok.body).toBe(201);
      visit = ok.json().id;
      const listed = (await h.call('GET', '/api/v1/supervisor-assignments', { cookie: who.office })).json().items[0];
      expect(listed.visits).toEqual([{ id: visit, visitedOn: '2026-11-05', notes: '走访数字城管中心' }]);
    });

    it('records an opinion, tracks it to a unit, the unit answers, the supervisor closes it', async () => {
      const half = await h.call('POST', `/api/v1/supervisor-assignments/${aid}/opinions`, {
        cookie: who.sup,
        body: { text: '意见', responsibleUnitId: ids.cg },
      });
      expect(half.json().errors[0].field).toBe('deadline');
      const r = await h.call('POST', `/api/v1/supervisor-assignments/${aid}/opinions`, {
        cookie: who.sup,
        body: { text: '夜间占道经营反弹', visitId: visit },
      });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json().id;
      expect((await h.call('GET', '/api/v1/supervisor-opinions', { cookie: who.cgh })).json().items).toEqual([]);
      const retired = await h.call('POST', `/api/v1/supervisor-opinions/${id}/track`, {
        cookie: who.sup,
        body: { responsibleUnitId: ids.old, deadline: '2026-12-10' },
      });
      expect(retired.json().errors[0].field).toBe('responsibleUnitId');
      expect(
        (
          await h.call('POST', `/api/v1/supervisor-opinions/${id}/track`, {
            cookie: who.sup2,
            body: { responsibleUnitId: ids.cg, deadline: '2026-12-10' },
          })
        ).statusCode,
      ).toBe(404);
      const t = await h.call('POST', `/api/v1/supervisor-opinions/${id}/track`, {
        cookie: who.sup,
        body: { responsibleUnitId: ids.cg, deadline: '2026-12-10' },
      });
      expect(t.json()).toMatchObject({
        status: 'open',
        statusName: '跟踪办理',
        responsibleUnit: { name: '城市管理局' },
        deadline: '2026-12-10',
        overdue: false,
        allowedActions: ['close'],
      });
      const cgView = (await h.call('GET', '/api/v1/supervisor-opinions', { cookie: who.cgh })).json().items;
      expect(cgView).toMatchObject([{ id, allowedActions: ['answer'] }]);
      expect(
        (
          await h.call('POST', `/api/v1/supervisor-opinions/${id}/answer`, {
            cookie: who.jth,
            body: { reply: '不归我管' },
          })
        ).statusCode,
      ).toBe(404);
      const a = await h.call('POST', `/api/v1/supervisor-opinions/${id}/answer`, {
        cookie: who.cgh,
        body: { reply: '已组建夜间巡查队' },
      });
      expect(a.json()).toMatchObject({ status: 'answered', reply: '已组建夜间巡查队', repliedBy: 'cgh（测试）' });
      expect(
        (await h.call('POST', `/api/v1/supervisor-opinions/${id}/reopen`, { cookie: who.cgh, body: { comment: 'x' } }))
          .statusCode,
      ).toBe(403);
      const re = await h.call('POST', `/api/v1/supervisor-opinions/${id}/reopen`, {
        cookie: who.sup,
        body: { comment: '回访发现仍有反弹' },
      });
      expect(re.json().status).toBe('open');
      await h.call('POST', `/api/v1/supervisor-opinions/${id}/answer`, {
        cookie: who.cgh,
        body: { reply: '增加巡查频次' },
      });
      const c = await h.call('POST', `/api/v1/supervisor-opinions/${id}/close`, {
        cookie: who.sup,
        body: { comment: '整改到位' },
      });
      expect(c.json()).toMatchObject({ status: 'done', closedOn: '2026-11-30' });
      expect(c.json().history.map((x: Json) => x.type)).toEqual([
        'record',
        'track',
        'answer',
        'reopen',
        'answer',
        'close',
      ]);
      const again = await h.call('POST', `/api/v1/supervisor-opinions/${id}/close`, { cookie: who.sup, body: {} });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('opinion.invalid_transition');
    });

    it('shows an open item past its deadline as overdue', async () => {
      const r = await h.call('POST', `/api/v1/supervisor-assignments/${aid}/opinions`, {
        cookie: who.sup,
        body: { text: '报修响应慢', responsibleUnitId: ids.cg, deadline: '2026-12-01' },
      });
      expect(r.statusCode).toBe(201);
      expect(
        (await h.call('GET', '/api/v1/supervisor-opinions?overdue=true', { cookie: who.office })).json().items,
      ).toEqual([]);
      h.clock.set('2026-12-03T02:00:00.000Z');
      const office = await h.login('office', 'Test12345');
      const overdue = (await h.call('GET', '/api/v1/supervisor-opinions?overdue=true', { cookie: office })).json()
        .items;
      expect(overdue).toMatchObject([{ id: r.json().id, overdue: true, status: 'open' }]);
      h.clock.set('2026-11-30T02:00:00.000Z');
    });
  });
}
