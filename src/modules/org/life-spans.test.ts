import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Database } from '../../kernel/db/db.js';
import type { UnitTable } from '../../kernel/db/schema.js';
import { testDatabases } from '../../kernel/db/test-databases.js';
import { createOrgApi, LocateService } from './index.js';

/*
 * lifeSpansUnder (what reporting's completeness reads instead of every unit row): the units under a
 * path alive throughout a span are counted per parent, the others that may have lived in it are
 * listed with their life spans, and those that surely did not (born at or after its end, retired at
 * or before its start) are left out — instants not in the stored ISO form are always listed.
 */

const AT = '2026-10-01T00:00:00.000Z';
const SPAN = {
  bornBefore: '2026-11-01T16:00:00.000Z',
  aliveAfter: '2026-11-29T16:00:00.000Z',
  from: '2026-10-31T16:00:00.000Z',
  to: '2026-11-30T16:00:00.000Z',
  bornByHour: false,
};
/** created_at, retired_at of the six grids of each community. */
const LIVES: [string, string | null][] = [
  [AT, null], // alive throughout
  ['2026-11-10T02:00:00.000Z', null], // opened inside
  [AT, '2026-11-10T02:00:00.000Z'], // retired inside
  [AT, '2026-10-20T00:00:00.000Z'], // retired before: none
  ['2026-12-05T00:00:00.000Z', null], // opened after: none
  ['2026-10-05T08:00:00+08:00', null], // another form of instant: listed
  [AT, SPAN.aliveAfter], // retired at the last period's start: owes it not
  [SPAN.bornBefore, null], // born at the first period's end: owes it not
  [AT, SPAN.from], // retired at the span's start: none
  [SPAN.to, null], // born at the span's end: none
  [AT, '2026-11-29T16:00:00.001Z'], // retired just after the last start: alive throughout
  ['2026-11-10T02:17:00.000Z', '2026-12-01T00:00:00.000Z'], // born inside, retired after: a birth
  ['2026-11-10T02:00:00.000Z', SPAN.to], // born on the hour, retired at the end: a birth
];

let n = 0;
const id = () => `e0000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
function unit(parent: UnitTable | null, kind: string, life: [string, string | null] = [AT, null]): UnitTable {
  const uid = id();
  return {
    id: uid,
    district_code: '411602',
    parent_id: parent?.id ?? null,
    kind,
    code: parent ? null : '411602',
    name: uid,
    status: life[1] ? 'retired' : 'active',
    path: `${parent?.path ?? '/'}${uid}/`,
    depth: parent ? parent.depth + 1 : 0,
    sort_order: 0,
    created_at: life[0],
    updated_at: life[0],
    retired_at: life[1],
  };
}

const canonical = (t: string) => t.length === 24 && t.endsWith('Z');
const alive = (u: UnitTable) =>
  u.parent_id !== null &&
  canonical(u.created_at) &&
  u.created_at < SPAN.bornBefore &&
  (u.retired_at === null || (canonical(u.retired_at) && u.retired_at > SPAN.aliveAfter));
const born = (u: UnitTable) =>
  u.parent_id !== null &&
  canonical(u.created_at) &&
  u.created_at >= SPAN.bornBefore &&
  (u.retired_at === null || (canonical(u.retired_at) && u.retired_at >= SPAN.to));
const hourOf = (t: string) => `${t.slice(0, 13)}${t.slice(14) === '00:00.000Z' ? ':00:00.000Z' : ':30:00.000Z'}`;
const none = (u: UnitTable) =>
  (canonical(u.created_at) && u.created_at >= SPAN.to) ||
  (u.retired_at !== null && canonical(u.retired_at) && u.retired_at <= SPAN.from);

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: org lifeSpansUnder`, () => {
    let database: Database;
    const units: UnitTable[] = [];
    const root = unit(null, 'district');
    beforeAll(async () => {
      database = await tdb.open();
      units.push(root);
      for (let s = 0; s < 2; s++) {
        const sub = unit(root, 'subdistrict');
        units.push(sub);
        for (let c = 0; c < 3; c++) {
          const community = unit(sub, 'community', c === 2 ? [AT, '2026-11-15T00:00:00.000Z'] : [AT, null]);
          units.push(community);
          for (const life of LIVES) units.push(unit(community, 'grid_large', life));
        }
      }
      await database.db.insertInto('units').values(units).execute();
    });
    afterAll(async () => database?.close());

    const api = () => createOrgApi({ database, locator: new LocateService(database, fixedClock(AT)) });
    const want = (path: string, f: (u: UnitTable) => boolean, byHour = false) => {
      const under = units.filter((u) => u.path.startsWith(path) && f(u));
      const parentPath = (u: UnitTable) => units.find((p) => p.id === u.parent_id)!.path;
      const counts = new Map<string, number>();
      for (const u of under.filter(alive)) counts.set(parentPath(u), (counts.get(parentPath(u)) ?? 0) + 1);
      const births = new Map<string, { parentPath: string; createdAt: string; count: number }>();
      for (const u of under.filter((x) => !alive(x) && !none(x) && born(x))) {
        const createdAt = byHour ? hourOf(u.created_at) : u.created_at;
        const k = `${parentPath(u)} ${createdAt}`;
        const g = births.get(k) ?? { parentPath: parentPath(u), createdAt, count: 0 };
        g.count++;
        births.set(k, g);
      }
      return {
        alive: [...counts].map(([parentPath, count]) => ({ parentPath, count })).sort(byPath),
        born: [...births.values()].sort(byBirth),
        units: under
          .filter((u) => !alive(u) && !none(u) && !born(u))
          .map((u) => ({ id: u.id, path: u.path, createdAt: u.created_at, retiredAt: u.retired_at }))
          .sort((a, b) => a.path.localeCompare(b.path)),
      };
    };
    const byPath = (a: { parentPath: string }, b: { parentPath: string }) => a.parentPath.localeCompare(b.parentPath);
    const byBirth = (a: { parentPath: string; createdAt: string }, b: { parentPath: string; createdAt: string }) =>
      a.parentPath.localeCompare(b.parentPath) || a.createdAt.localeCompare(b.createdAt);
    const got = async (path: string, f: { kind?: string; ids?: string[] }, bornByHour = false) => {
      const r = await api().lifeSpansUnder(database.db, '411602', path, f, { ...SPAN, bornByHour });
      return {
        alive: [...r.alive].sort(byPath),
        born: [...r.born].sort(byBirth),
        units: [...r.units].sort((a, b) => a.path.localeCompare(b.path)),
      };
    };

    it('counts the grids alive throughout per community and lists the others that may owe', async () => {
      const r = await got(root.path, { kind: 'grid_large' });
      expect(r).toEqual(want(root.path, (u) => u.kind === 'grid_large'));
      // Per community: the one alive throughout and the one retired just after the last start.
      expect(r.alive.map((g) => g.count)).toEqual(Array(6).fill(2));
      // Retired inside, another form of instant, retired at the last start.
      expect(r.units).toHaveLength(6 * 3);
      // Opened inside (twice at 02:00 on 11-10, once at 02:17), born at the first end: per instant, or per hour.
      expect(r.born.map((g) => g.count)).toEqual(Array(6).fill([1, 2, 1]).flat());
      const hourly = await got(root.path, { kind: 'grid_large' }, true);
      expect(hourly).toEqual(want(root.path, (u) => u.kind === 'grid_large', true));
      expect(hourly.born.map((g) => `${g.createdAt} ${g.count}`).slice(0, 3)).toEqual([
        '2026-11-01T16:00:00.000Z 1',
        '2026-11-10T02:00:00.000Z 2',
        '2026-11-10T02:30:00.000Z 1',
      ]);
    });

    it('takes a subtree, a kind with retired units, and a list of ids', async () => {
      const sub = units[1]!;
      expect(await got(sub.path, { kind: 'grid_large' })).toEqual(want(sub.path, (u) => u.kind === 'grid_large'));
      expect(await got(root.path, { kind: 'community' })).toEqual(want(root.path, (u) => u.kind === 'community'));
      const ids = units.filter((_, i) => i % 3 === 0).map((u) => u.id);
      expect(await got(root.path, { ids })).toEqual(want(root.path, (u) => ids.includes(u.id)));
      // The district has no parent: it is listed, never counted.
      expect((await got(root.path, { ids: [root.id] })).units.map((u) => u.id)).toEqual([root.id]);
      expect(await got(`${root.path}nothing/`, { kind: 'grid_large' })).toEqual({ alive: [], born: [], units: [] });
    });
  });
}
