import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VENUE_STATUSES } from '../../../contracts/venues.js';
import { daysBetween } from '../../../kernel/calendar/index.js';
import { type DomainError } from '../../../kernel/errors.js';
import {
  applyVenueAction,
  closureOverdue,
  closureUntil,
  recheckPassed,
  VENUE_TRANSITIONS,
  type VenueAction,
} from './closure-rules.js';

const ISSUED = '2026-12-01T02:00:00.000Z';
const passed = [{ at: '2026-12-03T01:00:00.000Z', result: 'pass' as const }];

// Written out by hand, apart from the table: every status × action and what it gives ('refused' or the new status).
const EXPECTED: [string, VenueAction, string][] = [
  ['open', 'inspect', 'open'],
  ['open', 'close', 'closed'],
  ['open', 'lift', 'venue.not_closed'],
  ['closed', 'inspect', 'closed'],
  ['closed', 'close', 'venue.already_closed'],
  ['closed', 'lift', 'open'],
];

function outcome(status: 'open' | 'closed', action: VenueAction): string {
  try {
    return applyVenueAction(status, action, { openOrderIssuedAt: ISSUED, inspections: passed });
  } catch (e) {
    return (e as DomainError).code;
  }
}

describe('venue status transitions', () => {
  it.each(EXPECTED)('%s + %s → %s', (status, action, expected) => {
    expect(outcome(status as 'open' | 'closed', action)).toBe(expected);
  });

  it('covers every status and action in the table and the expectations', () => {
    const actions: VenueAction[] = ['inspect', 'close', 'lift'];
    expect(EXPECTED).toHaveLength(VENUE_STATUSES.length * actions.length);
    for (const s of VENUE_STATUSES)
      for (const a of actions) {
        const inTable = VENUE_TRANSITIONS[s][a];
        const row = EXPECTED.find(([es, ea]) => es === s && ea === a)!;
        expect(inTable ?? 'refused', `${s}/${a}`).toBe(row[2].startsWith('venue.') ? 'refused' : row[2]);
      }
  });

  it('refuses a lift without any inspection since the order', () => {
    expect(() =>
      applyVenueAction('closed', 'lift', {
        openOrderIssuedAt: ISSUED,
        inspections: [{ at: '2026-11-30T09:00:00.000Z', result: 'pass' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'venue.recheck_required', kind: 'conflict' }));
  });

  it('refuses a lift when the latest re-check failed, even after an earlier pass', () => {
    const inspections = [
      { at: '2026-12-02T01:00:00.000Z', result: 'pass' as const },
      { at: '2026-12-04T01:00:00.000Z', result: 'fail' as const },
    ];
    expect(recheckPassed(ISSUED, inspections)).toBe(false);
    expect(recheckPassed(ISSUED, inspections.slice(0, 1))).toBe(true);
    // A fail then a pass: the pass is the latest.
    expect(recheckPassed(ISSUED, [...inspections, { at: '2026-12-05T01:00:00.000Z', result: 'pass' }])).toBe(true);
  });

  it('does not count an inspection made at the very instant of the order', () => {
    expect(recheckPassed(ISSUED, [{ at: ISSUED, result: 'pass' }])).toBe(false);
  });

  it('judges a re-check by time, whatever order the inspections come in', () => {
    const instant = fc.integer({ min: Date.parse('2026-11-01'), max: Date.parse('2027-01-01') });
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: instant, pass: fc.boolean() }), { maxLength: 12 }),
        instant,
        (list, issued) => {
          const facts = list.map((x) => ({
            at: new Date(x.t).toISOString(),
            result: x.pass ? ('pass' as const) : ('fail' as const),
          }));
          const issuedAt = new Date(issued).toISOString();
          const after = list.filter((x) => x.t > issued).sort((a, b) => a.t - b.t);
          // Ties in time: only meaningful when the latest instant is not shared by a pass and a fail.
          const latest = after.at(-1);
          fc.pre(!latest || after.filter((x) => x.t === latest.t).every((x) => x.pass === latest.pass));
          const expected = latest !== undefined && latest.pass;
          expect(recheckPassed(issuedAt, facts)).toBe(expected);
          expect(recheckPassed(issuedAt, [...facts].reverse())).toBe(expected);
        },
      ),
    );
  });
});

describe('closure dates', () => {
  it('counts the first day: 7 days from 12-07 end on 12-13; 1 day ends the same day', () => {
    expect(closureUntil('2026-12-07', 7)).toBe('2026-12-13');
    expect(closureUntil('2026-12-07', 1)).toBe('2026-12-07');
    expect(closureUntil('2026-12-28', 10)).toBe('2027-01-06');
    expect(closureUntil('2028-02-27', 3)).toBe('2028-02-29');
    expect(closureUntil('2026-01-01', 365)).toBe('2026-12-31');
  });

  it('refuses 0, negative, fractional and over 365 days, and a bad start date, naming the field', () => {
    for (const days of [0, -3, 1.5, 366])
      expect(() => closureUntil('2026-12-07', days)).toThrow(
        expect.objectContaining({ errors: [expect.objectContaining({ field: 'days' })] }),
      );
    expect(() => closureUntil('2026-02-30', 3)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'startDate' })] }),
    );
  });

  it('ends days − 1 calendar days after it starts, for any start and period', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 365 }),
        (d, days) => {
          const start = d.toISOString().slice(0, 10);
          const until = closureUntil(start, days);
          expect(daysBetween(start, until)).toBe(days - 1);
          expect(until >= start).toBe(true);
        },
      ),
    );
  });

  it('is overdue only after its last day and while not lifted', () => {
    expect(closureOverdue('2026-12-13', '2026-12-13', false)).toBe(false);
    expect(closureOverdue('2026-12-13', '2026-12-14', false)).toBe(true);
    expect(closureOverdue('2026-12-13', '2026-12-14', true)).toBe(false);
  });
});
