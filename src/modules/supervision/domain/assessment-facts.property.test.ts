import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unitFacts } from './assessment.js';
import {
  dayFactsFromJson,
  dayFactsToJson,
  diffDayFacts,
  factsFromDays,
  taskDayFacts,
  type DayFacts,
  DAY_FACT_KEYS,
} from './assessment-facts.js';
import { addDays } from '../../../kernel/calendar/index.js';
import type { Task } from './task-types.js';

// Dates as offsets from 2026-01-01, so the generator stays within a year and a half.
const BASE = '2026-01-01';
const day = (n: number) => addDays(BASE, n);

const taskArb: fc.Arbitrary<Task> = fc
  .record({
    start: fc.integer({ min: 0, max: 300 }),
    span: fc.integer({ min: 0, max: 200 }),
    milestones: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        done: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
      }),
      { maxLength: 4 },
    ),
    cadence: fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('weekly' as const), first: fc.integer({ min: 0, max: 10 }) }),
        fc.record({ kind: fc.constant('monthly' as const), first: fc.integer({ min: 0, max: 28 }) }),
        fc.record({
          kind: fc.constant('every_n_days' as const),
          first: fc.integer({ min: 0, max: 10 }),
          days: fc.integer({ min: 1, max: 20 }),
        }),
      ),
      { nil: null },
    ),
    reports: fc.array(fc.record({ at: fc.integer({ min: 0, max: 260 }), percent: fc.integer({ min: 0, max: 100 }) }), {
      maxLength: 12,
    }),
  })
  .map((g) => {
    const start = day(g.start);
    const deadline = day(g.start + g.span);
    return {
      id: 't',
      start,
      deadline,
      milestones: g.milestones.map((m, i) => {
        const due = day(g.start + Math.floor(m.at * g.span));
        return { title: `m${i}`, due, doneOn: m.done === null ? null : addDays(due, m.done) };
      }),
      cadence:
        g.cadence === null
          ? null
          : g.cadence.kind === 'every_n_days'
            ? {
                kind: 'every_n_days' as const,
                days: g.cadence.days,
                firstDue: day(Math.min(g.start + g.cadence.first, g.start + g.span)),
              }
            : { kind: g.cadence.kind, firstDue: day(Math.min(g.start + g.cadence.first, g.start + g.span)) },
      reports: g.reports.map((r) => ({ date: day(g.start + r.at), percent: r.percent, evidenceCount: 0 })),
    } satisfies Task;
  });

function sumDays(maps: Map<string, DayFacts>[]): Map<string, DayFacts> {
  const out = new Map<string, DayFacts>();
  for (const m of maps)
    for (const [d, f] of m) {
      const t = out.get(d) ?? {
        milestonesDue: 0,
        milestonesOnTime: 0,
        reportPeriodsDue: 0,
        reportPeriodsReported: 0,
        tasksDue: 0,
        tasksLate: 0,
      };
      for (const k of DAY_FACT_KEYS) t[k] += f[k];
      out.set(d, t);
    }
  return out;
}

describe('assessment facts kept per day', () => {
  it('sum to exactly what unitFacts counts, for any tasks, period and asOf after every dated fact', () => {
    fc.assert(
      fc.property(
        fc.array(taskArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 200 }),
        (tasks, from, len, asOfAfter) => {
          // Nothing may be dated after asOf (reports and completions never are in the real store).
          const latest =
            tasks
              .flatMap((t) => [
                ...t.reports.map((r) => r.date),
                ...t.milestones.map((m) => m.doneOn).filter((d): d is string => d !== null),
              ])
              .sort()
              .at(-1) ?? BASE;
          const asOf = addDays(latest, asOfAfter % 60);
          const period = { from: day(from), to: day(from + len) };
          const days = sumDays(tasks.map((t) => taskDayFacts(t, asOf)));
          expect(factsFromDays('u', days, period, asOf)).toEqual(unitFacts('u', tasks, period, asOf));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('apply as differences: old + diff(old, new) = new, and survive JSON', () => {
    fc.assert(
      fc.property(taskArb, taskArb, (a, b) => {
        const before = taskDayFacts(a, '2027-12-31');
        const after = taskDayFacts(b, '2027-12-31');
        const applied = sumDays([before, diffDayFacts(before, after)]);
        for (const [d, f] of applied) {
          const want = after.get(d);
          if (want) expect(f).toEqual(want);
          else expect(DAY_FACT_KEYS.every((k) => f[k] === 0)).toBe(true);
        }
        expect(dayFactsFromJson(dayFactsToJson(after))).toEqual(after);
      }),
    );
  });
});
