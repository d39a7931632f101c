import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { figureQuery, rateSources, unitOf } from '../../../test-support/rate-kit.js';

/*
 * 时间节点按期完成率 as the assessment counts it (docs/supervision.md), by hand. Now: 2026-11-30.
 *   北关社区 leads T1: m1 due 11-10 done 11-09 (on time), m2 due 11-20 done 11-25 (late), m3 due 12-20 (not yet due)
 *   北关's grid leads T2: n1 due 11-15, never done (due, missed)
 *   南关社区 leads T3: p1 due 11-12 done 11-10 (on time)
 *   北关 subtree 1 / 3, 南关 1 / 1, 城北 2 / 4; 2026-Q3: nothing due, 0 / 0.
 */
for (const tdb of testDatabases()) {
  describe(`${tdb.name}: the milestone on-time rate offered as a rate`, () => {
    let h: Harness;
    const ids: Record<string, string> = {};
    const cookies: Record<string, string> = {};
    const tasks: Record<string, { id: string; milestones: { id: string; title: string }[] }> = {};
    const at = (local: string) => h.clock.set(new Date(`${local}+08:00`).toISOString());
    const call = (who: string, method: string, url: string, body?: unknown) =>
      h.call(method, url, { cookie: cookies[who], body });
    const done = async (who: string, task: string, title: string) => {
      const m = tasks[task].milestones.find((x) => x.title === title)!;
      // The clock moved on: a fresh session.
      cookies[who] = await h.login(who, 'Passw0rd2026');
      const r = await call(who, 'POST', `/api/v1/tasks/${tasks[task].id}/milestones/${m.id}/done`);
      expect(r.statusCode, r.body).toBe(200);
    };

    beforeAll(async () => {
      h = await openHarness(tdb);
      await at('2026-11-02T10:00:00');
      cookies.admin = await h.login('admin');
      const mk = async (key: string, parent: string, kind: string, name: string) => {
        const r = await call('admin', 'POST', '/api/v1/units', { parentId: ids[parent] ?? parent, kind, name });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      ids.district = h.districtId;
      await mk('north', 'district', 'subdistrict', '城北街道办事处');
      await mk('beiguan', 'north', 'community', '北关社区');
      await mk('bgL', 'beiguan', 'grid_large', '北关社区第1网格');
      await mk('nanguan', 'north', 'community', '南关社区');
      const account = async (username: string, unit: string, role: string) => {
        const r = await call('admin', 'POST', '/api/v1/accounts', {
          username,
          displayName: username,
          unitId: ids[unit],
          roles: [role],
        });
        expect(r.statusCode, r.body).toBe(201);
        const temp = r.json().temporaryPassword;
        const c = await h.login(username, temp);
        await h.call('POST', '/api/v1/auth/change-password', {
          cookie: c,
          body: { currentPassword: temp, newPassword: 'Passw0rd2026' },
        });
        cookies[username] = await h.login(username, 'Passw0rd2026');
      };
      await account('duchashi', 'district', 'supervision_office');
      await account('bgw', 'beiguan', 'community_worker');
      await account('ngw', 'nanguan', 'community_worker');
      const task = async (key: string, leadUnit: string, milestones: { title: string; due: string }[]) => {
        const r = await call('duchashi', 'POST', '/api/v1/tasks', {
          title: `任务 ${key}`,
          leadUnitId: ids[leadUnit],
          start: '2026-11-01',
          deadline: '2026-12-31',
          milestones,
        });
        expect(r.statusCode, r.body).toBe(201);
        tasks[key] = r.json();
      };
      await task('t1', 'beiguan', [
        { title: 'm1', due: '2026-11-10' },
        { title: 'm2', due: '2026-11-20' },
        { title: 'm3', due: '2026-12-20' },
      ]);
      await task('t2', 'bgL', [{ title: 'n1', due: '2026-11-15' }]);
      await task('t3', 'nanguan', [{ title: 'p1', due: '2026-11-12' }]);
      await at('2026-11-09T10:00:00');
      await done('bgw', 't1', 'm1');
      await at('2026-11-10T10:00:00');
      await done('ngw', 't3', 'p1');
      await at('2026-11-25T10:00:00');
      await done('bgw', 't1', 'm2');
      await at('2026-11-30T10:00:00');
      cookies.duchashi = await h.login('duchashi', 'Passw0rd2026');
    }, 120_000);
    afterAll(async () => h?.close());

    it('counts the milestones due up to today and those done by their due date, in the subtree', async () => {
      const rate = rateSources(h).get('supervision.taskOnTime')!;
      const db = h.database.db;
      const q = async (unit: string, first: string, last: string) =>
        rate.rate(db, figureQuery(await unitOf(h, ids[unit]), first, last));
      expect(await q('beiguan', '2026-10-01', '2026-12-31')).toEqual({ numerator: 1, denominator: 3 });
      expect(await q('nanguan', '2026-10-01', '2026-12-31')).toEqual({ numerator: 1, denominator: 1 });
      expect(await q('north', '2026-10-01', '2026-12-31')).toEqual({ numerator: 2, denominator: 4 });
      expect(await q('beiguan', '2026-07-01', '2026-09-30')).toEqual({ numerator: 0, denominator: 0 });
      // The drill-down: the milestones due, each with what it adds; they sum to the rate.
      const recs = await rate.records!(db, figureQuery(await unitOf(h, ids.north), '2026-10-01', '2026-12-31'), 100);
      expect(recs.map((r) => [r.label, r.day, r.numerator, r.denominator])).toEqual([
        ['任务 t1：m2', '2026-11-20', 0, 1],
        ['任务 t2：n1', '2026-11-15', 0, 1],
        ['任务 t3：p1', '2026-11-12', 1, 1],
        ['任务 t1：m1', '2026-11-10', 1, 1],
      ]);
      // The assessment's own facts agree, unit by unit.
      const a = (await call('duchashi', 'GET', '/api/v1/assessment?period=2026-Q4')).json();
      const facts = [...a.units, ...a.noData].map((u: { unitId: string; facts: Record<string, number> }) => [
        u.unitId,
        u.facts.milestonesDue,
        u.facts.milestonesOnTime,
      ]);
      expect(facts).toEqual(
        expect.arrayContaining([
          [ids.beiguan, 2, 1],
          [ids.bgL, 1, 0],
          [ids.nanguan, 1, 1],
        ]),
      );
    });
  });
}
