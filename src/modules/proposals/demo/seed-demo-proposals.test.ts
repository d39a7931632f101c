import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { createFileStore } from '../../../kernel/files/file-store.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, seedDemoDistrict } from '../../org/index.js';
import { seedDemoProposals } from './seed-demo-proposals.js';

type Json = Record<string, any>;

describe('demo proposals', () => {
  const tdb = testDatabases()[0];
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(tdb);
    const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
    await seedDemoDistrict(h.database, config, h.clock, h.districtId);
    const files = createFileStore({
      root: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-proposals-')), 'files'),
    });
    await seedDemoProposals(
      {
        database: h.database,
        clock: h.clock,
        config,
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
        files,
      },
      h.clock.now(),
    );
  }, 120_000);
  afterAll(async () => h?.close());

  it('has a dozen proposals at every stage, key ones with heard progress, and rates to show', async () => {
    const cookie = await h.login('duchashi', 'Demo12345');
    const list = (await h.call('GET', '/api/v1/proposals', { cookie })).json();
    expect(list.counts.total).toBe(12);
    for (const s of ['registered', 'assigned', 'replied', 'implementing', 'completed'])
      expect(list.counts.byStatus[s], s).toBeGreaterThan(0);
    expect(list.counts.key).toBe(2);
    expect(list.items.some((p: Json) => p.replyOverdue)).toBe(true);
    expect(list.items.some((p: Json) => p.rehandleCount > 0)).toBe(true);
    const key = list.items.find((p: Json) => p.isKey && p.status === 'implementing');
    const detail = (await h.call('GET', `/api/v1/proposals/${key.id}`, { cookie })).json();
    expect(detail.progress[0].heard).not.toBeNull();
    expect(detail.commitmentList.some((c: Json) => c.evidence.length > 0)).toBe(true);
    const stats = (await h.call('GET', `/api/v1/proposals/stats?year=${list.items[0].year}`, { cookie })).json();
    expect(stats.onTimeReplyRate).toBeGreaterThan(0);
    expect(stats.onTimeReplyRate).toBeLessThan(1);
    expect(stats.satisfactionRate).toBeGreaterThan(0);
    expect(stats.implementationRate).toBeGreaterThan(0);
  });

  it('gives 民主监督员 assignments with visits, a closed item and an overdue one', async () => {
    const cookie = await h.login('jiandu', 'Demo12345');
    const a = (await h.call('GET', '/api/v1/supervisor-assignments', { cookie })).json().items;
    expect(a).toHaveLength(2);
    expect(a.every((x: Json) => x.visits.length > 0)).toBe(true);
    const o = (await h.call('GET', '/api/v1/supervisor-opinions', { cookie })).json().items;
    expect(o.map((x: Json) => x.status).sort()).toEqual(['done', 'open', 'recorded']);
    expect(o.find((x: Json) => x.status === 'open').overdue).toBe(true);
  });
});
