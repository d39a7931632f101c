import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { MODULES } from '../../registry.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { moduleContext } from '../../../test-support/rate-kit.js';
import type { MeasureSource } from '../sources.js';

/* Every number's link lands on a list of exactly that number (docs/insights-measures.md, "Where each
   number leads"): whatever a module registers, its link must carry the area, and a period measure's
   link its period — else the page opens on the whole scope and the count differs from the tile. */

const AREA = { unitId: 'area-under-test-7f3a', kind: 'subdistrict' as const };
const DAYS = { from: '2026-10-05', to: '2026-11-20' };

// The links are pure: one database is enough to build the registry's sources.
const [sqlite] = testDatabases();

describe('the measures’ links', () => {
  let h: Harness;
  let sources: MeasureSource[];
  beforeAll(async () => {
    h = await openHarness(sqlite!);
    const ctx = moduleContext(h);
    sources = MODULES.flatMap((m) => m.insightMeasures?.(ctx) ?? []);
  }, 60_000);
  afterAll(() => h.close());

  it('come from the registry of every module (not a list written here)', () => {
    expect(sources.length).toBeGreaterThan(30);
    expect(new Set(sources.map((s) => s.code.split('.')[0])).size).toBeGreaterThan(8);
  });

  it('carry the area’s unitId, and a period measure’s link its period', () => {
    const wrong: string[] = [];
    for (const s of sources) {
      const link = s.link?.(AREA, DAYS) ?? null;
      if (link === null) {
        wrong.push(`${s.code}: no link`);
        continue;
      }
      const params = new URL(link, 'http://x').searchParams;
      if (params.get('unitId') !== AREA.unitId) wrong.push(`${s.code}: ${link} has no unitId`);
      if (s.timing !== 'period') continue;
      const values = [...params.values()];
      // A period is the days themselves (from/to, deadlineFrom/deadlineTo) or, for the yearly proposal
      // statistics, the year the period ends in.
      const hasDays = values.includes(DAYS.from) && values.includes(DAYS.to);
      const hasYear = params.get('year') === DAYS.to.slice(0, 4);
      if (!hasDays && !hasYear) wrong.push(`${s.code}: ${link} has no period`);
    }
    expect(wrong).toEqual([]);
  });
});
