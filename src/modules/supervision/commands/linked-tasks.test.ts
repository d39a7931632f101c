import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { Invalid } from '../../../kernel/errors.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import type { SupervisionDeps } from '../deps.js';
import { createLinkedTask, taskSummaries } from './linked-tasks.js';

// The harness clock: 2026-11-30 10:00 in Shanghai.
for (const tdb of testDatabases()) {
  describe(`linked tasks: another module's measures as supervision tasks (${tdb.name})`, () => {
    let h: Harness;
    let deps: SupervisionDeps;
    const cookies: Record<string, string> = {};
    let branchId = '';
    let taskId = '';

    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      deps = {
        database: h.database,
        clock: h.clock,
        config,
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
      };
      for (const u of ['zhuzhuang', 'chengbei', 'dehua']) cookies[u] = await h.login(u, 'Demo12345');
      branchId = (await deps.org.unitByName(h.database.db, config.districtCode, '朱庄社区党支部'))!.id;
    }, 180_000);
    afterAll(async () => h?.close());

    it('creates a task led by the branch for a community worker, who cannot 交办 one by hand', async () => {
      const actor = await deps.org.actorFor(h.database.db, 'zhuzhuang');
      expect(actor.permissions.has('task.manage')).toBe(false);
      taskId = await h.database.db.transaction().execute((trx) =>
        createLinkedTask(deps, trx, actor, {
          title: '建成党群服务驿站',
          leadUnitId: branchId,
          start: '2026-11-01',
          deadline: '2026-12-31',
          milestones: [{ title: '选址', due: '2026-11-20' }],
        }),
      );
      const detail = (await h.call('GET', `/api/v1/tasks/${taskId}`, { cookie: cookies.zhuzhuang })).json();
      expect(detail.source).toBe('battle_map');
      expect(detail.leadUnit.id).toBe(branchId);
      // The missed milestone makes it lag, by supervision's own rules.
      expect(detail.status).toBe('lagging');
      expect(detail.can.report).toBe(true);
      const manual = await h.call('POST', '/api/v1/tasks', {
        cookie: cookies.zhuzhuang,
        body: { title: 'x', leadUnitId: branchId, start: '2026-11-01', deadline: '2026-12-31' },
      });
      expect(manual.statusCode).toBe(403);
    });

    it('refuses bad dates with the task’s field names, writing nothing', async () => {
      const actor = await deps.org.actorFor(h.database.db, 'zhuzhuang');
      const before = await h.database.db.selectFrom('tasks').select('id').execute();
      const err = await h.database.db
        .transaction()
        .execute((trx) =>
          createLinkedTask(deps, trx, actor, {
            title: '倒排',
            leadUnitId: branchId,
            start: '2026-12-10',
            deadline: '2026-12-01',
          }),
        )
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Invalid);
      expect((err as Invalid).errors.map((p) => p.field)).toContain('deadline');
      expect(await h.database.db.selectFrom('tasks').select('id').execute()).toHaveLength(before.length);
    });

    it('lets the branch’s community worker tick it off with evidence, and summarises it', async () => {
      const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 9, g: 9, b: 9 } } })
        .jpeg()
        .toBuffer();
      const boundary = '----cg' + Date.now();
      const up = await h.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: {
          cookie: cookies.zhuzhuang,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'sec-fetch-site': 'same-origin',
        },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="驿站.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
          ),
          jpeg,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
      expect(up.statusCode, up.body).toBe(201);
      // Another community's worker does not see the branch's task at all.
      const other = await h.call('POST', `/api/v1/tasks/${taskId}/reports`, {
        cookie: cookies.dehua,
        body: { percent: 100, content: 'x' },
      });
      expect(other.statusCode).toBe(404);
      const r = await h.call('POST', `/api/v1/tasks/${taskId}/reports`, {
        cookie: cookies.zhuzhuang,
        body: { percent: 100, content: '驿站已挂牌运行。', fileIds: [up.json().id] },
      });
      expect(r.statusCode, r.body).toBe(201);
      const s = (await taskSummaries(h.database.db, [taskId, '01900000-0000-7000-8000-000000000000'])).get(taskId)!;
      expect(s).toMatchObject({
        status: 'done',
        progress: 100,
        completedOn: '2026-11-30',
        reportCount: 1,
        evidenceCount: 1,
        lastReportedOn: '2026-11-30',
        milestoneCount: 1,
        milestonesDone: 0,
        leadUnitId: branchId,
      });
      expect((await taskSummaries(h.database.db, [])).size).toBe(0);
    });
  });
}
