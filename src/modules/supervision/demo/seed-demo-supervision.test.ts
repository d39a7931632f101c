import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { seedDemoSupervision } from './seed-demo-supervision.js';

describe('demo supervision', () => {
  const tdb = testDatabases()[0];
  let h: Harness;
  let seeded: { meetings: number; tasks: number; reports: number };
  beforeAll(async () => {
    h = await openHarness(tdb);
    const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
    await seedDemoDistrict(h.database, config, h.clock, h.districtId);
    seeded = await seedDemoSupervision(
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

  it('tells the seed’s meeting as tasks at every status, with a key project whose review opinions are tracked', async () => {
    expect(seeded.tasks).toBe(10);
    const cookie = await h.login('leader', 'Demo12345');
    const view = (await h.call('GET', '/api/v1/supervision/leader-view', { cookie })).json();
    expect(view.counts).toMatchObject({ done: 2, overdue: 1 });
    expect(view.counts.lagging).toBeGreaterThanOrEqual(1);
    expect(view.counts.on_track).toBeGreaterThanOrEqual(1);
    const byTitle = (t: string) => view.tasks.find((x: { title: string }) => x.title === t);
    expect(byTitle('违法占用耕地问题专项排查整治')).toMatchObject({
      status: 'lagging',
      statusReasons: expect.arrayContaining(['milestone_missed', 'report_missing']),
    });
    expect(byTitle('背街小巷空中线缆“蜘蛛网”集中整治')).toMatchObject({ status: 'on_track', subTaskCount: 2 });
    expect(view.notices.some((n: { kind: string }) => n.kind === 'supervise')).toBe(true);
    const project = byTitle('三川交汇·西寨片区项目规划设计');
    const detail = (await h.call('GET', `/api/v1/tasks/${project.id}`, { cookie })).json();
    expect(detail.kind).toBe('key_project');
    expect(detail.opinions).toHaveLength(3);
    expect(detail.opinions.every((o: { taskId: string | null }) => o.taskId !== null)).toBe(true);
    const a = (await h.call('GET', '/api/v1/assessment?period=2026-Q4', { cookie })).json();
    expect(a.units.length).toBeGreaterThanOrEqual(4);
  });
});
