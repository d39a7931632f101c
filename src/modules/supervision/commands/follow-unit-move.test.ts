import { seedDemoProposals } from '../../proposals/index.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { createFileStore } from '../../../kernel/files/file-store.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { seedDemoSupervision } from '../demo/seed-demo-supervision.js';

/** Every unit path tasks and proposals keep, by table. */
const COLUMNS = [
  ['tasks', 'lead_unit_path'],
  ['task_units', 'unit_path'],
  ['task_notices', 'to_unit_path'],
  ['proposal_handlers', 'unit_path'],
  ['supervisor_assignments', 'unit_path'],
  ['supervisor_opinions', 'responsible_unit_path'],
] as const;

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: tasks and proposals follow a unit move`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      const org = createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) });
      await seedDemoSupervision({ database: h.database, clock: h.clock, config, org }, h.clock.now());
      const files = createFileStore({ root: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-move-')), 'files') });
      await seedDemoProposals({ database: h.database, clock: h.clock, config, org, files }, h.clock.now());
    }, 180_000);
    afterAll(async () => h?.close());

    const under = async (prefix: string) => {
      const counts: Record<string, number> = {};
      for (const [table, column] of COLUMNS) {
        const r = await h.database.db
          .selectFrom(table)
          .select((e) => e.fn.countAll<number>().as('n'))
          .where(startsWith(column, prefix))
          .executeTakeFirstOrThrow();
        counts[`${table}.${column}`] = Number(r.n);
      }
      return counts;
    };

    it('re-bases every path under the moved unit, in the move, and nothing else', async () => {
      const db = h.database.db;
      // A community leads a task and handles a proposal (through the API), then moves to another sub-district.
      const unit = await db
        .selectFrom('units')
        .select(['id', 'path', 'parent_id'])
        .where('name', '=', '朱庄社区')
        .executeTakeFirstOrThrow();
      const target = await db
        .selectFrom('units')
        .select(['id', 'path'])
        .where('kind', '=', 'subdistrict')
        .where('id', '!=', unit.parent_id!)
        .executeTakeFirstOrThrow();
      const office = await h.login('duchashi', 'Demo12345');
      const task = await h.call('POST', '/api/v1/tasks', {
        cookie: office,
        body: { title: '背街小巷整治', leadUnitId: unit.id, start: '2026-12-01', deadline: '2026-12-31' },
      });
      expect(task.statusCode, task.body).toBe(201);
      // The 政协提案委 registers (立案), the 督查室 assigns (交办).
      const proposal = await h.call('POST', '/api/v1/proposals', {
        cookie: await h.login('tianwei', 'Demo12345'),
        body: {
          title: '关于社区养老的建议',
          category: '社会建设',
          content: '建议增设日间照料中心。',
          proposers: [{ name: '委员甲' }],
        },
      });
      expect(proposal.statusCode, proposal.body).toBe(201);
      const assigned = await h.call('POST', `/api/v1/proposals/${proposal.json().id}/assign`, {
        cookie: office,
        body: { mainHandlerIds: [unit.id], assistingHandlerIds: [], replyDeadline: '2027-01-31' },
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      const before = await under(unit.path);
      expect(before['tasks.lead_unit_path']).toBeGreaterThan(0);
      expect(before['task_units.unit_path']).toBeGreaterThan(0);
      expect(before['proposal_handlers.unit_path']).toBeGreaterThan(0);
      const elsewhere = await under(target.path);
      const admin = await h.login('admin');
      const r = await h.call('POST', `/api/v1/units/${unit.id}/move`, { cookie: admin, body: { parentId: target.id } });
      expect(r.statusCode, r.body).toBe(200);
      const newPath = `${target.path}${unit.id}/`;
      expect(await under(unit.path)).toEqual(Object.fromEntries(Object.keys(before).map((k) => [k, 0])));
      expect(await under(newPath)).toEqual(before);
      // The new parent now also holds the moved unit's rows, and what it held before.
      const after = await under(target.path);
      for (const k of Object.keys(before)) expect(after[k]).toBe(elsewhere[k] + before[k]);
    });
  });
}
