import { describe, expect, it } from 'vitest';
import { aliveBounds, areaCompleteness } from './area-completeness.js';
import { computeCompleteness, type SubmissionEvent } from './completeness.js';
import { rangeOf, retiredInRange, type LifetimeUnit, type PeriodFlags } from './completeness-rollup.js';
import { periodRange, timelyLimitOf, type DeadlineRule } from './periods.js';

/*
 * areaCompleteness (many areas at once, most units as one count per parent) against the reference
 * computeCompleteness over every unit and report under each area: random trees of units opened and
 * retired at random instants (some stored in another instant form), reports on time, late, zero and
 * from units retired before the period, areas that report themselves, and instants before, inside and
 * after the range. The inputs are built as org's lifeSpansUnder and reporting's stores give them.
 */

const TZ = 'Asia/Shanghai';
const DEADLINE: DeadlineRule = { time: '16:00', dayOffset: 0, graceDays: 1 };

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

const canonical = (t: string) => t.length === 24 && t.endsWith('Z');

function scenario(seed: number) {
  const rnd = rng(seed);
  const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
  const instant = (d: number) => {
    const r = rnd();
    // Some on a whole hour, some on a local midnight (a period's bound), the rest anywhere.
    const ms = r < 0.1 ? 16 * 3600_000 : r < 0.25 ? Math.floor(rnd() * 24) * 3600_000 : Math.floor(rnd() * 86_400_000);
    const t = new Date(Date.UTC(2026, 10, d) + ms);
    if (rnd() < 0.1) return `${new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
    return t.toISOString();
  };
  const from = 5 + Math.floor(rnd() * 8);
  const to = from + Math.floor(rnd() * 8);
  const now = new Date(Date.UTC(2026, 10, from + Math.floor(rnd() * 14), Math.floor(rnd() * 24)));

  // The tree: /r/, 2 sub-districts, 2–3 communities each, 0–5 grids each.
  const all: (LifetimeUnit & { reports: boolean })[] = [];
  const add = (path: string, reports: boolean) => {
    const r = rnd();
    const createdAt = r < 0.6 ? '2026-01-01T00:00:00.000Z' : instant(1 + Math.floor(rnd() * 24));
    const retiredAt = rnd() < 0.25 ? instant(1 + Math.floor(rnd() * 24)) : null;
    const u = {
      id: path.slice(path.lastIndexOf('/', path.length - 2) + 1, -1),
      path,
      createdAt,
      retiredAt: retiredAt && new Date(retiredAt) > new Date(createdAt) ? retiredAt : null,
      reports,
    };
    all.push(u);
    return u;
  };
  add('/r/', false);
  for (let s = 1; s <= 2; s++) {
    add(`/r/s${s}/`, false);
    for (let c = 1; c <= 2 + Math.floor(rnd() * 2); c++) {
      const cp = `/r/s${s}/c${s}${c}/`;
      add(cp, rnd() < 0.3);
      for (let g = 1; g <= Math.floor(rnd() * 6); g++) add(`${cp}g${s}${c}${g}/`, true);
    }
  }
  const reporting = all.filter((u) => u.reports);
  const rule = { periodType: 'daily' as const, deadline: DEADLINE, from: day(from), to: day(to), timeZone: TZ, now };
  const range = rangeOf(rule);

  // Reports: one per unit and period it existed in, some missing; a few from a unit retired in the range for a day after.
  const submissions: SubmissionEvent[] = [];
  for (const u of reporting)
    for (const p of periodRange(day(1), day(27), 'daily')) {
      const start = new Date(`${p}T00:00:00+08:00`).getTime();
      const end = start + 86_400_000;
      const born = new Date(u.createdAt).getTime();
      const gone = u.retiredAt ? new Date(u.retiredAt).getTime() : Infinity;
      const owes = born < end && start < gone;
      const retiredInRange = range.start && gone > range.start.getTime() && gone < range.end!.getTime();
      if (!(owes || (retiredInRange && start >= gone && rnd() < 0.5))) continue;
      if (rnd() < 0.15) continue;
      const limit = timelyLimitOf(p, DEADLINE, TZ).getTime();
      const at = rnd() < 0.8 ? start + Math.floor(rnd() * (limit - start)) : limit + 3600_000;
      submissions.push({ unitId: u.id, period: p, submittedAt: new Date(at), zero: rnd() < 0.2 });
    }

  // Areas: every unit but the grids, one grid, and one area asked twice.
  const areas = [
    ...all.filter((u) => !u.path.includes('/g')).map((u) => u.path),
    ...all
      .filter((u) => u.path.includes('/g'))
      .map((u) => u.path)
      .slice(0, 1),
    '/r/s1/',
  ];
  return { all, reporting, submissions, areas, rule, range };
}

describe('areaCompleteness', () => {
  it('equals computeCompleteness over every unit and report under each area (300 random districts)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { reporting, submissions, areas, rule, range } = scenario(seed);
      const bounds = aliveBounds(rule);
      const want = areas.map(
        (a) =>
          computeCompleteness({
            ...rule,
            units: reporting
              .filter((u) => u.path.startsWith(a))
              .map((u) => ({
                unitId: u.id,
                activeFrom: new Date(u.createdAt),
                retiredAt: u.retiredAt ? new Date(u.retiredAt) : null,
              })),
            submissions: submissions.filter((s) => reporting.find((u) => u.id === s.unitId)!.path.startsWith(a)),
          }).totals,
      );
      if (!bounds) {
        expect(want.every((t) => t.expected === 0 && t.notDue === 0)).toBe(true);
        continue;
      }
      // As org's lifeSpansUnder gives them: counted per parent, listed, or left out.
      const alive = (u: LifetimeUnit) =>
        canonical(u.createdAt) &&
        u.createdAt < bounds.bornBefore &&
        (u.retiredAt === null || (canonical(u.retiredAt) && u.retiredAt > bounds.aliveAfter));
      const none = (u: LifetimeUnit) =>
        (canonical(u.createdAt) && u.createdAt >= bounds.to) ||
        (u.retiredAt !== null && canonical(u.retiredAt) && u.retiredAt <= bounds.from);
      const born = (u: LifetimeUnit) =>
        canonical(u.createdAt) &&
        u.createdAt >= bounds.bornBefore &&
        (u.retiredAt === null || (canonical(u.retiredAt) && u.retiredAt >= bounds.to));
      const parentOf = (u: LifetimeUnit) => u.path.slice(0, u.path.lastIndexOf('/', u.path.length - 2) + 1);
      const counts = new Map<string, number>();
      for (const u of reporting.filter(alive)) counts.set(parentOf(u), (counts.get(parentOf(u)) ?? 0) + 1);
      // Births per parent and hour (the bounds are local midnights at +08:00: whole hours), as the store counts them.
      expect(bounds.bornByHour).toBe(true);
      const births = new Map<string, { parentPath: string; createdAt: string; count: number }>();
      for (const u of reporting.filter((x) => !alive(x) && !none(x) && born(x))) {
        const at = `${u.createdAt.slice(0, 13)}${u.createdAt.slice(14) === '00:00.000Z' ? ':00:00.000Z' : ':30:00.000Z'}`;
        const k = `${parentOf(u)} ${at}`;
        const g = births.get(k) ?? { parentPath: parentOf(u), createdAt: at, count: 0 };
        g.count++;
        births.set(k, g);
      }
      const listed = reporting.filter((u) => !alive(u) && !none(u) && !born(u));
      const areaUnits = reporting.filter((u) => areas.includes(u.path));
      // As reporting's stores give them: the roll-up of each area (units strictly below), own and late reports.
      const periods = new Set(range.periods);
      const inRange = submissions.filter((s) => periods.has(s.period));
      const pathOf = new Map(reporting.map((u) => [u.id, u.path]));
      const cells = new Map<
        string,
        { areaPath: string; period: string; submitted: number; onTime: number; zero: number }
      >();
      for (const s of inRange) {
        const path = pathOf.get(s.unitId)!;
        const onTime = s.submittedAt <= timelyLimitOf(s.period, DEADLINE, TZ);
        for (const a of new Set(areas))
          if (path.startsWith(a) && path !== a) {
            const k = `${a} ${s.period}`;
            let c = cells.get(k);
            if (!c) cells.set(k, (c = { areaPath: a, period: s.period, submitted: 0, onTime: 0, zero: 0 }));
            c.submitted++;
            if (onTime) c.onTime++;
            if (s.zero) c.zero++;
          }
      }
      const flagsOf = (ids: Set<string>) => {
        const out = new Map<string, PeriodFlags[]>();
        for (const s of inRange) {
          if (!ids.has(s.unitId)) continue;
          if (!out.has(s.unitId)) out.set(s.unitId, []);
          out.get(s.unitId)!.push({
            period: s.period,
            onTime: s.submittedAt <= timelyLimitOf(s.period, DEADLINE, TZ),
            zero: s.zero,
          });
        }
        return out;
      };
      const got = areaCompleteness({
        ...rule,
        areas,
        alive: [...counts].map(([parentPath, count]) => ({ parentPath, count })),
        born: [...births.values()],
        units: listed,
        areaUnits,
        areaCounts: [...cells.values()],
        ownReports: flagsOf(new Set(areaUnits.map((u) => u.id))),
        lateRetired: flagsOf(new Set(retiredInRange(listed, range.start, range.end).map((u) => u.id))),
      });
      expect(got, `seed ${seed}`).toEqual(want);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });
});
