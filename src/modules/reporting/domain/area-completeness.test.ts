import { describe, expect, it } from 'vitest';
import { areaCompleteness, spanBounds } from './area-completeness.js';
import { computeCompleteness, type SubmissionEvent } from './completeness.js';
import { rangeOf, retiredInRange, type LifetimeUnit, type PeriodFlags } from './completeness-rollup.js';
import { periodRange, timelyLimitOf, type DeadlineRule } from './periods.js';

/*
 * areaCompleteness (many areas at once, the units as counts of openings and retirements per area)
 * against the reference computeCompleteness over every unit and report under each area: random trees
 * of units opened and retired at random instants (some stored in another instant form), reports on
 * time, late, zero and from units retired before the period, areas that report themselves, and
 * instants before, inside and after the range. The inputs are built as org's spanCountsOver (or, for
 * reporters named by id, unitsUnder) and reporting's stores give them.
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
  // Org keeps instants to a quarter hour: one on a quarter hour as it is, any other as its quarter's middle.
  const kept = (t: string) => {
    const ms = new Date(t).getTime();
    const q = ms - (ms % 900_000);
    return new Date(q === ms ? q : q + 450_000).toISOString();
  };

  it.each([
    ['counted per area by org (a kind reports)', 'spans'],
    ['listed one by one (reporters named by id)', 'listed'],
  ] as const)(
    'equals computeCompleteness over every unit and report under each area, %s (300 random districts)',
    (_, mode) => {
      let checked = 0;
      for (let seed = 1; seed <= 300; seed++) {
        const { reporting, submissions, areas, rule, range } = scenario(seed);
        const bounds = spanBounds(rangeOf(rule));
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
        // The bounds are local midnights at +08:00: whole quarter hours.
        expect(bounds.bounds.every((d) => d.getUTCMinutes() % 15 === 0 && d.getUTCSeconds() === 0)).toBe(true);
        // As org's spanCountsOver gives them: per area, the reporting units strictly below it opened and
        // retired — before the range summed, inside it per kept instant; none at or after its end.
        const cells = new Map<string, { areaPath: string; at: string | null; born: number; retired: number }>();
        const count = (areaPath: string, t: string, born: number, retired: number) => {
          const k = kept(t);
          if (k >= bounds.to) return;
          const at = k < bounds.from ? null : k;
          const key = `${areaPath} ${at}`;
          const c = cells.get(key) ?? { areaPath, at, born: 0, retired: 0 };
          c.born += born;
          c.retired += retired;
          cells.set(key, c);
        };
        for (const u of reporting)
          for (const a of new Set(areas))
            if (u.path.startsWith(a) && u.path !== a) {
              count(a, u.createdAt, 1, 0);
              if (u.retiredAt) count(a, u.retiredAt, 0, 1);
            }
        const spans = mode === 'spans' ? [...cells.values()] : [];
        const listed = mode === 'spans' ? [] : reporting.filter((u) => areas.some((a) => u.path.startsWith(a)));
        const late = retiredInRange(reporting, range.start, range.end);
        const areaUnits = reporting.filter((u) => areas.includes(u.path));
        // As reporting's stores give them: the roll-up of each area (units strictly below), own and late reports.
        const periods = new Set(range.periods);
        const inRange = submissions.filter((s) => periods.has(s.period));
        const pathOf = new Map(reporting.map((u) => [u.id, u.path]));
        const rollup = new Map<
          string,
          { areaPath: string; period: string; submitted: number; onTime: number; zero: number }
        >();
        for (const s of inRange) {
          const path = pathOf.get(s.unitId)!;
          const onTime = s.submittedAt <= timelyLimitOf(s.period, DEADLINE, TZ);
          for (const a of new Set(areas))
            if (path.startsWith(a) && path !== a) {
              const k = `${a} ${s.period}`;
              let c = rollup.get(k);
              if (!c) rollup.set(k, (c = { areaPath: a, period: s.period, submitted: 0, onTime: 0, zero: 0 }));
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
          spans,
          units: listed,
          areaUnits,
          areaCounts: [...rollup.values()],
          ownReports: flagsOf(new Set(areaUnits.map((u) => u.id))),
          lateRetired: late.map((unit) => ({
            unit,
            reports: flagsOf(new Set([unit.id])).get(unit.id) ?? [],
          })),
        });
        expect(got, `seed ${seed}`).toEqual(want);
        checked++;
      }
      expect(checked).toBeGreaterThan(250);
    },
  );
});
