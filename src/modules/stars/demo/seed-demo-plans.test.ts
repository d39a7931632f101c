import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPlansFixture, type PlansFixture } from '../testing/plans-test-kit.js';
import { plansDepsOf } from '../plans-wiring.js';
import { createModuleContext } from '../../registry.js';
import { dutyModule } from '../../duty/index.js';
import { LocateService } from '../../org/index.js';
import { loadConfig } from '../../../kernel/config.js';
import { supervisionJob } from '../../supervision/index.js';
import { seedDemoPlans } from './seed-demo-plans.js';

for (const tdb of testDatabases()) {
  describe(`demo battle maps and teams (${tdb.name})`, () => {
    let f: PlansFixture;
    let seeded: Awaited<ReturnType<typeof seedDemoPlans>>;
    beforeAll(async () => {
      f = await openPlansFixture(tdb, ['leader']);
      const config = loadConfig({ CIVICGRID_ADMIN_PASSWORD: 'Admin12345', CIVICGRID_DATA_DIR: '/tmp' });
      const ctx = createModuleContext({
        database: f.h.database,
        clock: f.h.clock,
        config,
        locator: new LocateService(f.h.database, f.h.clock),
      });
      // Duty's demo first, as on the server: 电信 is 德化's 包联 unit, so it may lead 德化's measure.
      await dutyModule.seedDemo!(ctx, { districtId: f.h.districtId, now: f.h.clock.now() });
      seeded = await seedDemoPlans(plansDepsOf(ctx), ctx.files, f.h.clock.now());
      // As on the server: supervision's job brings the tasks' statuses to today.
      await supervisionJob(ctx).run(f.h.clock.now());
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('gives 城南 ten teams, 刘方平村 its 33-member team', async () => {
      expect(seeded).toMatchObject({ plans: 2, teams: 12, measures: 6 });
      const branches = (await f.call('leader', 'GET', '/api/v1/stars/branches?year=2026')).json().items as {
        id: string;
        name: string;
        subdistrict: { name: string };
        teamCount: number;
      }[];
      const chengnan = branches.filter((b) => b.subdistrict.name === '城南街道办事处');
      const teams = (await f.call('leader', 'GET', '/api/v1/stars/teams')).json().items as {
        name: string;
        memberCount: number;
        branches: { id: string }[];
        roleCounts: Record<string, number>;
      }[];
      const inChengnan = teams.filter((t) => t.branches.some((b) => chengnan.some((c) => c.id === b.id)));
      expect(inChengnan).toHaveLength(10);
      const lfp = teams.find((t) => t.name === '刘方平村聚力团')!;
      expect(lfp.memberCount).toBe(33);
      expect(Object.keys(lfp.roleCounts).sort()).toEqual(['grid_worker', 'party_member', 'team_member']);
    });

    it('shows 刘方平村’s battle map done, overdue, lagging and on track, the done one with its evidence', async () => {
      const branches = (await f.call('leader', 'GET', '/api/v1/stars/branches?year=2026')).json().items as {
        id: string;
        name: string;
      }[];
      const lfp = branches.find((b) => b.name === '刘方平村党支部')!;
      const map = (await f.call('leader', 'GET', `/api/v1/stars/branches/${lfp.id}/plan?year=2026`)).json();
      expect(map.branch.kind).toBe('village');
      expect(map.measures.map((m: { status: string }) => m.status)).toEqual(['done', 'overdue', 'lagging', 'on_track']);
      expect(map.measures[0].evidenceCount).toBe(1);
      expect(map.totals).toEqual({ total: 4, done: 1, behind: 2, onTrack: 1 });
      const dehua = (
        await f.call('dehua', 'GET', `/api/v1/stars/branches/${f.units.dehuaBranch}/plan?year=2026`)
      ).json();
      expect(dehua.measures).toHaveLength(2);
      expect(dehua.teams.map((t: { name: string }) => t.name)).toEqual(['德化社区聚力团']);
    });
  });
}
