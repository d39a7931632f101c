import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { seedDemoSupervision } from '../demo/seed-demo-supervision.js';

// A district leader instructs (批示) and supervises (督办); reporting progress, completing milestones
// and decomposing a task are the owing units' work, and the server refuses them from a leader.
for (const tdb of testDatabases()) {
  describe(`a leader on a task (${tdb.name})`, () => {
    let h: Harness;
    const cookies: Record<string, string> = {};
    let task: { id: string; milestones: { id: string; doneOn: string | null }[]; leadUnit: { id: string } };
    const call = (who: string, method: string, url: string, body?: unknown) =>
      h.call(method, url, { cookie: cookies[who], body });

    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      const org = createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) });
      await seedDemoSupervision({ database: h.database, clock: h.clock, config, org }, h.clock.now());
      for (const u of ['leader', 'duchashi', 'chengguan']) cookies[u] = await h.login(u, 'Demo12345');
      const view = (await call('leader', 'GET', '/api/v1/supervision/leader-view')).json();
      const led = view.tasks.find((t: { title: string }) => t.title === '背街小巷空中线缆“蜘蛛网”集中整治');
      task = (await call('leader', 'GET', `/api/v1/tasks/${led.id}`)).json();
    }, 180_000);
    afterAll(async () => h?.close());

    it('offers the leader 督办, not 报送进度, 标记完成 or 任务分解', async () => {
      expect((await call('leader', 'GET', `/api/v1/tasks/${task.id}`)).json().can).toEqual({
        report: false,
        decompose: false,
        notice: true,
        reply: false,
        mark: false,
      });
      // The lead unit keeps its own actions.
      expect((await call('chengguan', 'GET', `/api/v1/tasks/${task.id}`)).json().can).toMatchObject({
        report: true,
        decompose: true,
        notice: false,
      });
    });

    it('refuses a progress report, a milestone and a sub-task from the leader', async () => {
      const report = await call('leader', 'POST', `/api/v1/tasks/${task.id}/reports`, {
        percent: 50,
        content: '领导代报',
      });
      expect(report.statusCode).toBe(403);
      expect(report.json().code).toBe('auth.permission_denied');
      const open = task.milestones.find((m) => m.doneOn === null)!;
      const done = await call('leader', 'POST', `/api/v1/tasks/${task.id}/milestones/${open.id}/done`);
      expect(done.statusCode).toBe(403);
      const sub = await call('leader', 'POST', '/api/v1/tasks', {
        parentId: task.id,
        title: '领导分解的子任务',
        leadUnitId: task.leadUnit.id,
        start: '2026-11-30',
        deadline: '2026-12-20',
      });
      expect(sub.statusCode).toBe(403);
    });

    it('lets the leader send a 督办 to the lead unit, which its staff receive', async () => {
      const res = await call('leader', 'POST', `/api/v1/tasks/${task.id}/notices`, {
        kind: 'supervise',
        content: '请加快老旧小区线缆入管进度。',
      });
      expect(res.statusCode).toBe(201);
      const inbox = (await call('chengguan', 'GET', '/api/v1/inbox')).json().items;
      expect(
        inbox.some((m: { kind: string; body: string }) => m.kind === 'task.supervise' && m.body.includes('线缆入管')),
      ).toBe(true);
    });
  });
}
