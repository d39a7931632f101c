import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { dutyModule } from '../../duty/index.js';
import { LocateService, orgModule } from '../../org/index.js';
import { createModuleContext } from '../../registry.js';
import { starsModule } from '../index.js';

const [sqlite] = testDatabases();

interface Row {
  branchName: string;
  subdistrictName: string;
  rank: number | null;
  previousRank: number | null;
  movement: number | null;
  stars: number | null;
  score: number | null;
  ratingId: string | null;
}

describe('the demo ratings of the last two quarters', () => {
  let h: Harness;
  let summary: Record<string, unknown> | undefined;
  let cookie: string;
  beforeAll(async () => {
    const env = { CIVICGRID_DEMO_PASSWORD: 'Demo12345' };
    h = await openHarness(sqlite!, env);
    const config = loadConfig({ ...env, CIVICGRID_ADMIN_PASSWORD: 'Admin12345', CIVICGRID_DATA_DIR: '/tmp' });
    const ctx = createModuleContext({
      database: h.database,
      clock: h.clock,
      config,
      locator: new LocateService(h.database, h.clock),
    });
    const now = h.clock.now();
    // Duty's demo first, as on the server: 电信 is 德化's 包联 unit, so it may lead 德化's measure.
    await prepareModules([orgModule, dutyModule], ctx, { districtId: h.districtId, now });
    summary = (await starsModule.seedDemo!(ctx, { districtId: h.districtId, now }))?.summary;
    cookie = await h.login('duchashi', 'Demo12345');
  }, 240_000);
  afterAll(async () => h?.close());

  it('confirms a rating for every branch of 陈州 and 城北 in 2026-Q2 and 2026-Q3 but 德化’s last, left proposed; 2026-Q4 is open', async () => {
    const branches = (await h.call('GET', '/api/v1/stars/branches', { cookie })).json().items as {
      subdistrict: { name: string } | null;
    }[];
    const rated = branches.filter((b) => ['陈州街道办事处', '城北街道办事处'].includes(b.subdistrict?.name ?? ''));
    expect(rated.length).toBeGreaterThan(5);
    expect(summary).toMatchObject({ ratings: rated.length * 2 - 1, ratingsAwaitingDistrict: 1 });
    const q3 = (await h.call('GET', '/api/v1/stars/rankings?quarter=2026-Q3', { cookie })).json();
    expect(q3.rated).toBe(rated.length - 1);
    const dehua = q3.rows.find((x: Row) => x.branchName === '德化社区党支部');
    expect(dehua).toMatchObject({ rank: null, ratingId: null });
    const q4 = (await h.call('GET', '/api/v1/stars/rankings?quarter=2026-Q4', { cookie })).json();
    expect(q4.rated).toBe(0);
  });

  it('ranks Q3 by stars then score with shared ranks, and each row’s movement is its Q2 rank minus its Q3 rank', async () => {
    const r = await h.call('GET', '/api/v1/stars/rankings?quarter=2026-Q3', { cookie });
    expect(r.statusCode, r.body).toBe(200);
    const q3 = r.json();
    const q2 = (await h.call('GET', '/api/v1/stars/rankings?quarter=2026-Q2', { cookie })).json();
    const ranked = (q3.rows as Row[]).filter((x) => x.rank !== null);
    expect(ranked.length).toBe(q3.rated);
    expect(ranked.some((x) => (x.stars ?? 0) > 0)).toBe(true);
    // Ranks follow (stars, score) and ties share the rank: computed here from the rows themselves.
    for (const x of ranked) {
      const better = ranked.filter((y) => y.stars! > x.stars! || (y.stars === x.stars && y.score! > x.score!));
      expect(x.rank).toBe(better.length + 1);
    }
    const before = new Map((q2.rows as Row[]).map((x) => [x.branchName, x.rank]));
    for (const x of ranked) {
      expect(x.previousRank).toBe(before.get(x.branchName) ?? null);
      if (x.previousRank !== null) expect(x.movement).toBe(x.previousRank - x.rank!);
    }
    // The numbers come from the confirmed rating they name.
    const top = ranked[0]!;
    const rating = (await h.call('GET', `/api/v1/stars/ratings/${top.ratingId}`, { cookie })).json();
    expect(rating.state).toBe('confirmed');
  });
});
