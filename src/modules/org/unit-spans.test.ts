import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../test-support/harness.js';
import { SpanTally, spanInstant, strictAncestors } from './domain/unit-spans.js';
import { unitSpanStore } from './store/unit-span.store.js';

/*
 * Org's unit span counts (domain/unit-spans.ts): what reporting's completeness reads of the units.
 * Kept by unit.store in the transaction that writes the units, they must equal — after any sequence
 * of creations, retirements and moves through the API — a fold over the units table done here by
 * hand: each unit counted under every strict ancestor of its path, at its opening and retirement
 * kept to a quarter hour.
 */

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('span instants and areas', () => {
  it('keeps an instant on a quarter hour as it is, any other as its quarter’s middle', () => {
    expect(spanInstant('2026-11-10T16:00:00.000Z')).toBe('2026-11-10T16:00:00.000Z');
    expect(spanInstant('2026-11-10T16:15:00.000Z')).toBe('2026-11-10T16:15:00.000Z');
    expect(spanInstant('2026-11-10T16:00:00.001Z')).toBe('2026-11-10T16:07:30.000Z');
    expect(spanInstant('2026-11-10T16:14:59.999Z')).toBe('2026-11-10T16:07:30.000Z');
    expect(spanInstant('2026-11-11T00:20:00+08:00')).toBe('2026-11-10T16:22:30.000Z');
    expect(() => spanInstant('yesterday')).toThrow(/not an instant/);
  });

  it('counts a unit under its strict ancestors only', () => {
    expect(strictAncestors('/r/s/c/')).toEqual(['/r/', '/r/s/']);
    expect(strictAncestors('/r/')).toEqual([]);
    const t = new SpanTally();
    t.addUnit({ kind: 'grid_large', path: '/r/s/g/', createdAt: '2026-01-01T00:00:00.000Z', retiredAt: null });
    // Retired before it was opened (never owed): counted as retired when opened.
    t.addUnit({
      kind: 'grid_large',
      path: '/r/s/h/',
      createdAt: '2026-01-01T00:00:00.000Z',
      retiredAt: '2025-12-01T00:00:00.000Z',
    });
    expect(t.changes()).toEqual([
      { kind: 'grid_large', areaPath: '/r/', at: '2026-01-01T00:00:00.000Z', born: 2, retired: 1 },
      { kind: 'grid_large', areaPath: '/r/s/', at: '2026-01-01T00:00:00.000Z', born: 2, retired: 1 },
    ]);
  });
});

for (const tdb of testDatabases()) {
  it(`${tdb.name}: migration 2026-12-13T0010 counts the units already there`, async () => {
    const database = await tdb.open({ upTo: '2026-12-12T0600-units-life-spans' });
    try {
      const unit = (id: string, path: string, kind: string, created: string, retired: string | null = null) => ({
        id,
        district_code: '411602',
        parent_id: path.split('/').filter(Boolean).at(-2) ?? null,
        kind,
        code: null,
        name: id,
        status: retired ? 'retired' : 'active',
        path,
        depth: path.split('/').filter(Boolean).length - 1,
        sort_order: 0,
        created_at: created,
        updated_at: created,
        retired_at: retired,
      });
      await database.db
        .insertInto('units')
        .values([
          unit('r', '/r/', 'district', '2026-01-01T00:00:00.000Z'),
          unit('s', '/r/s/', 'subdistrict', '2026-01-01T00:00:00.000Z'),
          unit('c', '/r/s/c/', 'community', '2026-01-01T00:00:00.000Z'),
          unit('g1', '/r/s/c/g1/', 'grid_large', '2026-03-01T08:00:00.000Z'),
          unit('g2', '/r/s/c/g2/', 'grid_large', '2026-03-01T08:05:00.000Z', '2026-05-01T10:00:00+08:00'),
        ])
        .execute();
      await database.migrateRest();
      const rows = await database.db
        .selectFrom('unit_span_counts')
        .select(['kind', 'area_path', 'at', 'born', 'retired'])
        .orderBy(['kind', 'area_path', 'at'])
        .execute();
      expect(rows.map((r) => [r.kind, r.area_path, r.at, Number(r.born), Number(r.retired)])).toEqual([
        ['community', '/r/', '2026-01-01T00:00:00.000Z', 1, 0],
        ['community', '/r/s/', '2026-01-01T00:00:00.000Z', 1, 0],
        ['grid_large', '/r/', '2026-03-01T08:00:00.000Z', 1, 0],
        ['grid_large', '/r/', '2026-03-01T08:07:30.000Z', 1, 0],
        ['grid_large', '/r/', '2026-05-01T02:00:00.000Z', 0, 1],
        ['grid_large', '/r/s/', '2026-03-01T08:00:00.000Z', 1, 0],
        ['grid_large', '/r/s/', '2026-03-01T08:07:30.000Z', 1, 0],
        ['grid_large', '/r/s/', '2026-05-01T02:00:00.000Z', 0, 1],
        ['grid_large', '/r/s/c/', '2026-03-01T08:00:00.000Z', 1, 0],
        ['grid_large', '/r/s/c/', '2026-03-01T08:07:30.000Z', 1, 0],
        ['grid_large', '/r/s/c/', '2026-05-01T02:00:00.000Z', 0, 1],
        ['subdistrict', '/r/', '2026-01-01T00:00:00.000Z', 1, 0],
      ]);
    } finally {
      await database.close();
    }
  });

  describe(`${tdb.name}: org unit span counts`, () => {
    let h: Harness;
    let admin: string;
    const post = (url: string, body: unknown) => h.call('POST', url, { cookie: admin, body });

    /** The counts as they should be: a fold over every unit row, by hand. */
    async function fold() {
      const units = await h.database.db
        .selectFrom('units')
        .select(['kind', 'path', 'created_at', 'retired_at'])
        .execute();
      const quarter = (t: string) => {
        const ms = Date.parse(t);
        const q = ms - (ms % 900_000);
        return new Date(q === ms ? q : q + 450_000).toISOString();
      };
      const out = new Map<string, number[]>();
      const bump = (k: string, i: 0 | 1) => {
        const v = out.get(k) ?? [0, 0];
        v[i]++;
        out.set(k, v);
      };
      for (const u of units) {
        const segments = u.path.split('/').filter(Boolean);
        for (let d = 1; d < segments.length; d++) {
          const area = `/${segments.slice(0, d).join('/')}/`;
          bump(`${u.kind} ${area} ${quarter(u.created_at)}`, 0);
          if (u.retired_at) bump(`${u.kind} ${area} ${quarter(u.retired_at)}`, 1);
        }
      }
      return out;
    }
    async function kept() {
      const rows = await h.database.db.selectFrom('unit_span_counts').selectAll().execute();
      return new Map(rows.map((r) => [`${r.kind} ${r.area_path} ${r.at}`, [r.born, r.retired]]));
    }

    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
    });
    afterAll(async () => h?.close());

    it('equal a fold over the units after creations, retirements and moves through the API', async () => {
      const rnd = rng(11);
      const ids = { sub: [] as string[], com: [] as string[], grid: [] as string[] };
      h.clock.set('2026-10-01T02:00:00.000Z');
      for (let step = 0; step < 60; step++) {
        // Some steps on a quarter hour, the others anywhere inside one.
        h.clock.advance(rnd() < 0.3 ? 900_000 * Math.ceil(rnd() * 8) : Math.floor(rnd() * 5 * 3600_000));
        const r = rnd();
        const pick = (l: string[]) => l[Math.floor(rnd() * l.length)]!;
        if (ids.sub.length < 2 || r < 0.1) {
          const res = await post('/api/v1/units', { parentId: h.districtId, kind: 'subdistrict', name: `街道${step}` });
          expect(res.statusCode, res.body).toBe(201);
          ids.sub.push(res.json().id);
        } else if (ids.com.length < 3 || r < 0.3) {
          const res = await post('/api/v1/units', { parentId: pick(ids.sub), kind: 'community', name: `社区${step}` });
          expect(res.statusCode, res.body).toBe(201);
          ids.com.push(res.json().id);
        } else if (r < 0.65) {
          const res = await post('/api/v1/units', { parentId: pick(ids.com), kind: 'grid_large', name: `网格${step}` });
          expect(res.statusCode, res.body).toBe(201);
          ids.grid.push(res.json().id);
        } else if (r < 0.8 && ids.grid.length) {
          const g = pick(ids.grid);
          ids.grid = ids.grid.filter((x) => x !== g);
          const res = await post(`/api/v1/units/${g}/retire`, {});
          expect(res.statusCode, res.body).toBe(200);
        } else if (r < 0.9) {
          // A community (with its grids, retired ones too) to another sub-district.
          const res = await post(`/api/v1/units/${pick(ids.com)}/move`, { parentId: pick(ids.sub) });
          expect(res.statusCode, res.body).toBe(200);
        } else if (ids.grid.length) {
          const res = await post(`/api/v1/units/${pick(ids.grid)}/move`, { parentId: pick(ids.com) });
          expect(res.statusCode, res.body).toBe(200);
        }
      }
      expect(ids.grid.length).toBeGreaterThan(5);
      expect(await kept()).toEqual(await fold());
      // A rebuild (after a bulk load) gives the same rows.
      await unitSpanStore.rebuild(h.database.db, h.context.config.districtCode);
      expect(await kept()).toEqual(await fold());
    });

    it('answers a range per area: before it summed, inside it per instant, after it nothing', async () => {
      const make = async (parentId: string, kind: string, name: string) => {
        const res = await post('/api/v1/units', { parentId, kind, name });
        expect(res.statusCode, res.body).toBe(201);
        return (await h.context.org.unit(h.database.db, res.json().id as string))!;
      };
      const sub = await make(h.districtId, 'subdistrict', '范围街道');
      const com = await make(sub.id, 'community', '范围社区');
      // Each at its instant (the session too: a login ages with the clock).
      const at = async (t: string) => {
        h.clock.set(t);
        admin = await h.login('admin');
      };
      const grid = async (t: string) => {
        await at(t);
        const res = await post('/api/v1/units', { parentId: com.id, kind: 'grid_large', name: `范围网格${t}` });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id as string;
      };
      const from = '2026-11-30T16:00:00.000Z';
      const to = '2026-12-02T16:00:00.000Z';
      await grid('2026-11-01T03:00:00.000Z');
      const early = await grid('2026-11-02T03:10:00.000Z');
      await grid(from); // opened at the range's start: inside
      await grid('2026-12-01T05:05:00.000Z');
      await grid(to); // opened at its end: not seen
      await at('2026-11-20T00:00:00.000Z');
      expect((await post(`/api/v1/units/${early}/retire`, {})).statusCode).toBe(200);
      const bounds = [new Date(from), new Date('2026-12-01T16:00:00.000Z'), new Date(to)];
      const rows = await h.context.org.spanCountsOver(
        h.database.db,
        h.context.config.districtCode,
        'grid_large',
        [com.path, sub.path],
        {
          from,
          to,
          bounds,
        },
      );
      const sorted = (rows ?? []).sort((a, b) => `${a.areaPath}${a.at}`.localeCompare(`${b.areaPath}${b.at}`));
      expect(sorted).toEqual(
        [sub.path, com.path]
          .flatMap((areaPath) => [
            { areaPath, at: '2026-11-30T16:00:00.000Z', born: 1, retired: 0 },
            { areaPath, at: '2026-12-01T05:07:30.000Z', born: 1, retired: 0 },
            { areaPath, at: null, born: 2, retired: 1 },
          ])
          .sort((a, b) => `${a.areaPath}${a.at}`.localeCompare(`${b.areaPath}${b.at}`)),
      );
      // Bounds off the quarter-hour grain cannot be answered from kept instants.
      expect(
        await h.context.org.spanCountsOver(h.database.db, h.context.config.districtCode, 'grid_large', [com.path], {
          from,
          to,
          bounds: [new Date('2026-11-30T16:20:00.000Z')],
        }),
      ).toBeNull();
      // Retired inside a range: listed; outside it: not.
      const retired = (f: string, t: string) =>
        h.context.org.retiredUnder(h.database.db, h.context.config.districtCode, sub.path, 'grid_large', {
          from: f,
          to: t,
        });
      expect((await retired('2026-11-19T00:00:00.000Z', '2026-11-21T00:00:00.000Z')).map((u) => u.id)).toEqual([early]);
      expect(await retired('2026-11-20T00:00:00.000Z', '2026-11-21T00:00:00.000Z')).toEqual([]);
      expect(await retired('2026-11-19T00:00:00.000Z', '2026-11-20T00:00:00.000Z')).toEqual([]);
    });
  });
}
