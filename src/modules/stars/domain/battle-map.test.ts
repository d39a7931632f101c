import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TASK_STATUSES, type TaskStatus } from '../../../contracts/supervision.js';
import { countMeasures, measureProblems, planProblems, progressByStar, tickOffProblems } from './battle-map.js';

const status = fc.constantFrom<TaskStatus>(...TASK_STATUSES);
const key = fc.constantFrom('zbgy', 'cyxw', 'stdy', 'pafz', 'wmxf');

describe('battle map counts', () => {
  it.each([
    ['done', { done: 1, behind: 0, onTrack: 0 }],
    ['overdue', { done: 0, behind: 1, onTrack: 0 }],
    ['lagging', { done: 0, behind: 1, onTrack: 0 }],
    ['on_track', { done: 0, behind: 0, onTrack: 1 }],
  ] as const)('puts a %s task in its bucket', (s, want) => {
    expect(countMeasures([s])).toEqual({ total: 1, ...want });
  });

  it('counts every measure once, per star and in total, whatever the statuses', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { maxLength: 5 }),
        fc.array(fc.record({ starKey: key, status }), { maxLength: 40 }),
        (stars, measures) => {
          const per = progressByStar(stars, measures);
          for (const s of per) expect(s.done + s.behind + s.onTrack).toBe(s.total);
          expect(per.reduce((n, s) => n + s.total, 0)).toBe(measures.length);
          // The plan's stars come first, in order, even without measures; other stars only when served.
          expect(per.slice(0, stars.length).map((s) => s.key)).toEqual(stars);
          for (const s of per.slice(stars.length)) expect(s.targeted || s.total > 0).toBe(true);
          const all = countMeasures(measures.map((m) => m.status));
          expect(all.done).toBe(measures.filter((m) => m.status === 'done').length);
          expect(all.behind).toBe(measures.filter((m) => m.status === 'overdue' || m.status === 'lagging').length);
        },
      ),
    );
  });
});

describe('plan and measure problems', () => {
  it('refuses a star twice, a star outside the set, and dropping a star measures serve', () => {
    expect(planProblems(['zbgy', 'zbgy'], null, new Set()).map((p) => [p.field, p.code])).toEqual([
      ['stars[1]', 'plan.star_repeated'],
    ]);
    expect(planProblems(['zbgy', 'xyz'], ['zbgy', 'cyxw'], new Set()).map((p) => [p.field, p.code])).toEqual([
      ['stars[1]', 'plan.star_unknown'],
    ]);
    expect(planProblems(['zbgy'], ['zbgy', 'cyxw'], new Set(['cyxw'])).map((p) => p.code)).toEqual([
      'plan.star_has_measures',
    ]);
    expect(planProblems(['zbgy', 'cyxw'], ['zbgy', 'cyxw'], new Set(['cyxw']))).toEqual([]);
  });

  it('keeps a measure to the plan’s stars and year', () => {
    const plan = { year: 2026, stars: ['zbgy'] };
    expect(measureProblems({ starKey: 'zbgy', start: '2026-01-01', deadline: '2026-12-31' }, plan)).toEqual([]);
    expect(
      measureProblems({ starKey: 'cyxw', start: '2025-12-01', deadline: '2027-01-05' }, plan).map((p) => p.field),
    ).toEqual(['starKey', 'deadline']);
    expect(measureProblems({ start: '2027-01-01' }, plan).map((p) => p.field)).toEqual(['start']);
  });

  it('asks evidence of a 100 % report only', () => {
    expect(tickOffProblems({ percent: 100, fileIds: [] }).map((p) => p.field)).toEqual(['fileIds']);
    expect(tickOffProblems({ percent: 100, fileIds: ['f'] })).toEqual([]);
    expect(tickOffProblems({ percent: 60, fileIds: [] })).toEqual([]);
  });
});
