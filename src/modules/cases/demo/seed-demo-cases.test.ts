import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { seedDemoCases, storyStart } from './seed-demo-cases.js';

describe('demo story times', () => {
  it('never start a story whose steps would end after now', () => {
    const now = new Date('2026-12-07T00:10:00Z'); // 08:10 in Asia/Shanghai, before the 09:30 stories
    expect(storyStart(now, 0, 0).toISOString()).toBe('2026-12-06T01:30:00.000Z');
    expect(storyStart(now, 3, 5).toISOString()).toBe('2026-12-04T01:30:00.000Z');
    const late = new Date('2026-12-07T02:00:00Z');
    expect(storyStart(late, 0, 0).toISOString()).toBe('2026-12-07T01:30:00.000Z');
    expect(storyStart(late, 0, 1).toISOString()).toBe('2026-12-06T01:30:00.000Z');
  });
});

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: demo cases`, () => {
    let h: Harness;
    let made = 0;
    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      made = await seedDemoCases(
        {
          database: h.database,
          clock: h.clock,
          config,
          org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
        },
        h.clock.now(),
      );
    }, 120_000);
    afterAll(async () => h?.close());

    it('tells cases at every stage of the loop through the real commands', async () => {
      expect(made).toBe(26);
      const cookie = await h.login('chenzhou', 'Demo12345');
      const items = (await h.call('GET', '/api/v1/cases?limit=100', { cookie })).json().items as {
        status: string;
        reconciledAt: string | null;
      }[];
      expect(items).toHaveLength(26);
      expect(new Set(items.map((c) => c.status))).toEqual(
        new Set([
          'reported',
          'escalated',
          'accepted',
          'dispatched',
          'handling',
          'pending_verification',
          'closed',
          'rejected',
        ]),
      );
      expect(items.filter((c) => c.reconciledAt).length).toBe(2);
      // 二级派遣, in each community: the community's case is closed, the 街道's own is in hand.
      const own = items.filter((c) =>
        ['朱庄社区', '德化社区', '陈州街道办事处'].includes(
          (c as { assignedUnitName?: string }).assignedUnitName ?? '',
        ),
      );
      expect(own.map((c) => c.status).sort()).toEqual(['closed', 'closed', 'handling', 'handling']);
      // Nothing the seeder tells lies after the moment it ran.
      const now = h.clock.now().toISOString();
      const late = await h.database.db.selectFrom('case_actions').select('at').where('at', '>', now).execute();
      expect(late).toEqual([]);
      const handler = await h.login('chengguan', 'Demo12345');
      expect((await h.call('GET', '/api/v1/inbox', { cookie: handler })).json().unreadCount).toBeGreaterThan(0);
    });
  });
}
