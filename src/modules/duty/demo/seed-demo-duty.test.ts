import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { mondayOf, seedDemoDuty } from './seed-demo-duty.js';
import { addDays, localDateOf } from '../../../kernel/calendar/dates.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: demo duty`, () => {
    let h: Harness;
    let made: Record<string, number> = {};
    const get = async (who: string, url: string) =>
      (await h.call('GET', url, { cookie: await h.login(who, 'Demo12345') })).json();
    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      made = await seedDemoDuty(
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

    it('has the leader 分包 德化 and 北关, with an ended 主责 of 朱庄 kept as history', async () => {
      expect(made.responsibilities).toBeGreaterThanOrEqual(8);
      const me = await get('chenzhou', '/api/v1/auth/me');
      const tree = (await get('chenzhou', `/api/v1/duty/responsibilities?unitId=${me.unitId}&subtree=true`)).items as {
        kind: string;
        target: { name: string };
        holder: { name: string };
        to: string | null;
      }[];
      const leads = tree.filter((r) => r.kind === 'lead').map((r) => `${r.target.name} ${r.to ? 'ended' : 'open'}`);
      expect(leads.sort()).toEqual(['德化社区 open', '朱庄社区 ended']);
      expect(tree.some((r) => r.kind === 'pair' && r.holder.name === '周口电信川汇分公司')).toBe(true);
    });

    it('keeps rosters of 德化 and 朱庄 for last week and this week, with a gap or two this week', async () => {
      const monday = mondayOf(localDateOf(h.clock.now()));
      const units = await get('dehua', '/api/v1/auth/me');
      const dehuaId = units.unitId;
      const last = await get('dehua', `/api/v1/duty/rosters?unitId=${dehuaId}&from=${addDays(monday, -7)}`);
      expect(last.gapDays).toBe(0);
      const week = await get('dehua', `/api/v1/duty/rosters?unitId=${dehuaId}&from=${monday}`);
      expect(week.gapDays).toBe(1);
      expect(week.days[2].gaps.noCadre).toBe(true);
      expect(made.rosterDays).toBe(28);
    });
  });
}
