import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../../../kernel/errors.js';
import { recordFromJson, recordToJson } from './case-json.js';
import { rollupDeltas, rollupRows, type RollupRow } from './case-kpi-rollup.js';
import { allowedActions } from './case-policy.js';
import {
  applyAction,
  CASE_ACTION_TYPES,
  CASE_STATUSES,
  replay,
  transitions,
  type ActionRecord,
  type CaseAction,
  type CaseActionType,
  type CaseActor,
  type CaseState,
} from './case-workflow.js';
import {
  actor,
  ALL_ROLES,
  calendar,
  cst,
  deepFreeze,
  OUT_OF_SCOPE,
  P,
  reportPayload,
  SYSTEM,
  validAction,
} from './case-test-fixtures.js';

const ACTORS: CaseActor[] = [
  ...ALL_ROLES.map((r) => actor(r)),
  ...ALL_ROLES.map((r) => actor(r, OUT_OF_SCOPE[r], `acc-out-${r}`)),
  actor('unit_handler', '/d/u9/', 'acc-u9'),
  { accountId: 'acc-both', roles: ['grid_worker', 'community_worker'], unitId: 'g1', scopePath: P.grid },
  { accountId: 'open311:app', roles: [], unitId: 'd', scopePath: P.district, via: 'open311' },
  SYSTEM,
];

const step = fc.record({
  who: fc.nat(),
  pick: fc.nat(),
  /** Below 8: pick among the actions actors are offered, so that runs get deep into the workflow. */
  bias: fc.integer({ min: 0, max: 9 }),
  minutes: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 30_000 })),
  limit: fc.oneof(
    fc.integer({ min: 1, max: 96 }).map((h) => ({ value: h / 2, unit: 'hours' as const })),
    fc.integer({ min: 1, max: 10 }).map((n) => ({ value: n, unit: 'days' as const })),
  ),
  // A department, another unit, or 二级派遣: the case's 街道 itself or its community.
  unit: fc.constantFrom(
    { unitId: 'u', unitPath: P.unit },
    { unitId: 'u9', unitPath: '/d/u9/' },
    { unitId: 's', unitPath: P.sub },
    { unitId: 'c', unitPath: P.community },
  ),
  invalid: fc.integer({ min: 0, max: 11 }).map((n) => n === 0),
  variant: fc.nat({ max: 2 }),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/**
 * A unit move that touches the case: its community between sub-districts s and s2 (variant 0), its
 * large grid to the other sub-district's community (1), or its assigned department in and out of
 * /d/m/ (2, or when it has no grid). A case with neither path gets a move that misses it.
 */
function relocationOf(state: CaseState | null, variant: number): Record<string, unknown> {
  const grid = state?.gridPath?.split('/').filter(Boolean);
  // A 街道 or community handling the case (二级派遣) moves with its grids, as variants 0 and 1 do.
  const unit =
    state?.assignedUnitPath && !state.gridPath?.startsWith(state.assignedUnitPath) ? state.assignedUnitPath : null;
  if (grid && (variant !== 2 || !unit)) {
    const [d, sub, com, large] = grid;
    const [toSub, toCom] = sub === 's' ? ['s2', 'c2'] : ['s', 'c'];
    return variant === 1
      ? {
          oldPath: `/${d}/${sub}/${com}/${large}/`,
          newPath: `/${d}/${toSub}/${toCom}/${large}/`,
          subdistrictId: toSub,
          communityId: toCom,
        }
      : { oldPath: `/${d}/${sub}/${com}/`, newPath: `/${d}/${toSub}/${com}/`, subdistrictId: toSub };
  }
  if (unit) {
    const rest = unit.slice(P.district.length);
    return rest.startsWith('m/')
      ? { oldPath: unit, newPath: `${P.district}${rest.slice(2)}` }
      : { oldPath: unit, newPath: `${P.district}m/${rest}` };
  }
  return { oldPath: '/d/nowhere/', newPath: '/d/s2/nowhere/' };
}

function actionFor(type: CaseActionType, s: Step, state: CaseState | null): CaseAction {
  if (s.invalid) return { type, payload: {} as never, comment: type === 'comment' ? null : undefined };
  switch (type) {
    case 'report': {
      if (s.variant === 1) {
        return {
          type,
          payload: { ...reportPayload, fixedOnSpot: true },
          attachments: [
            { fileId: 'b', role: 'before' },
            { fileId: 'a', role: 'after' },
          ],
        };
      }
      if (s.variant === 2)
        return validAction(type, { gridId: null, gridPath: null, communityId: null, subdistrictId: null });
      return validAction(type);
    }
    case 'dispatch':
      return validAction(type, { ...s.unit, timeLimit: s.limit });
    case 'request_extension':
      return validAction(type, { extra: s.limit });
    case 'relocate':
      return { type, payload: relocationOf(state, s.variant) as never };
    default:
      return validAction(type);
  }
}

const WEIGHT: Partial<Record<CaseActionType, number>> = {
  escalate: 3,
  accept: 3,
  dispatch: 4,
  start: 4,
  request_extension: 2,
  approve_extension: 2,
  deny_extension: 2,
  feedback: 4,
  verify_pass: 3,
  verify_fail: 3,
  reopen: 2,
};

const NEEDS_PAYLOAD = new Set<CaseActionType>([
  'report',
  'reject',
  'merge',
  'absorb',
  'dispatch',
  'return',
  'request_extension',
  'deny_extension',
  'verify_fail',
  'reopen',
  'comment',
  'relocate',
]);

function checkInvariants(s: CaseState, applied: number): void {
  expect(CASE_STATUSES).toContain(s.status);
  expect(s.version).toBe(applied);
  if (s.status === 'closed') {
    expect(s.closedAt).not.toBeNull();
    expect(s.pendingExtension).toBeNull();
  } else {
    expect(s.closedAt).toBeNull();
  }
  if (s.status === 'dispatched' || s.status === 'handling') {
    expect(s.assignedUnitId).not.toBeNull();
    expect(s.assignedUnitPath).not.toBeNull();
    expect(s.deadline).not.toBeNull();
    expect(s.timeLimit).not.toBeNull();
  } else {
    expect(s.pendingExtension).toBeNull();
  }
  if (s.status === 'merged') expect(s.mergedInto).not.toBeNull();
  if (s.status === 'rejected') expect(s.rejectionReason).not.toBeNull();
  expect(new Set(s.reporters).size).toBe(s.reporters.length);
  expect(s.reporters[0]).toBe(s.reportedBy);
  // Relocations keep the paths well-formed, the grid within the district, and the ids with the grid.
  if (s.gridPath !== null) {
    expect(s.gridPath.startsWith(s.districtPath)).toBe(true);
    const [, sub, com] = s.gridPath.split('/').filter(Boolean);
    expect([s.subdistrictId, s.communityId]).toEqual([sub, com]);
  }
  if (s.assignedUnitPath !== null) expect(s.assignedUnitPath).toMatch(/^\/d\/(?:m\/)?(?:u9?|s2?|s2?\/c2?)\/$/);
  // One 处置 sample per first feedback: the dispatch it answered is kept, and came before it.
  if (s.firstFeedbackAt !== null) {
    expect(s.handlingDispatchedAt).not.toBeNull();
    expect(s.handlingDispatchedAt!.getTime()).toBeLessThanOrEqual(s.firstFeedbackAt.getTime());
  } else expect(s.handlingDispatchedAt).toBeNull();
}

/** Runs random steps; returns every applied record and the state folded by applyAction. */
function run(steps: Step[]): { state: CaseState | null; records: ActionRecord[] } {
  let state: CaseState | null = null;
  const records: ActionRecord[] = [];
  let t = cst('2025-09-20T08:00').getTime();
  for (const s of steps) {
    t += s.minutes * 60_000;
    let who = ACTORS[s.who % ACTORS.length];
    let type = CASE_ACTION_TYPES[s.pick % CASE_ACTION_TYPES.length];
    if (s.bias < 8) {
      // Pick an action someone is offered, weighted towards progress, then one of the actors offered it.
      const offers = ACTORS.map((a) => allowedActions(a, state));
      const weighted = [...new Set(offers.flat())].flatMap((t) => Array<CaseActionType>(WEIGHT[t] ?? 1).fill(t));
      type = weighted[s.pick % weighted.length];
      const offered = ACTORS.filter((_, i) => offers[i].includes(type));
      who = offered[s.who % offered.length];
    }
    const before = state === null ? null : structuredClone(deepFreeze(state));
    try {
      const r = applyAction(state, actionFor(type, s, state), { actor: who, now: new Date(t), calendar });
      const target = state === null ? null : (transitions[state.status] as Record<string, unknown>)[type];
      if (typeof target === 'string') expect(r.state.status).toBe(target);
      else if (target) expect(Object.values(target as object)).toContain(r.state.status);
      state = r.state;
      records.push(r.record);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      expect(state).toEqual(before);
      // An offered action with a good payload is taken (a report also needs the right district).
      // A relocation misses a case in no grid and with no unit: nothing of it lies under the moved unit.
      const missed = type === 'relocate' && !state?.gridPath && !state?.assignedUnitPath;
      if (s.bias < 8 && !(s.invalid && NEEDS_PAYLOAD.has(type)) && type !== 'report' && !missed) throw e;
    }
    if (state !== null) checkInvariants(state, records.length);
  }
  return { state, records };
}

const steps = fc.array(step, { minLength: 1, maxLength: 60 });

describe('workflow properties', () => {
  it('never leaves the table or breaks an invariant, whatever random actors try', () => {
    fc.assert(
      fc.property(steps, (xs) => {
        run(xs);
      }),
      { numRuns: 300 },
    );
  });

  it('derives the same state by replaying the records as by applying the actions', () => {
    fc.assert(
      fc.property(steps, (xs) => {
        const { state, records } = run(xs);
        if (state === null) return;
        expect(replay(records)).toEqual(state);
        expect(replay(records.map((r) => recordFromJson(recordToJson(r))))).toEqual(state);
        const half = Math.floor(records.length / 2);
        if (half > 0) expect(replay(records.slice(half), replay(records.slice(0, half)))).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the KPI roll-up by deltas equal to the rows of the final state (incremental = recomputed)', () => {
    const rowsOf = (st: CaseState | null): RollupRow[] =>
      st
        ? rollupRows(st, { areaPath: st.gridPath ?? st.districtPath, handlerPath: st.assignedUnitPath }, calendar)
        : [];
    const key = (r: RollupRow) => `${r.basis}|${r.view}|${r.path}|${r.day}`;
    fc.assert(
      fc.property(steps, (xs) => {
        const { records } = run(xs);
        if (records.length === 0) return;
        const table = new Map<string, RollupRow>();
        let prev: CaseState | null = null;
        for (let i = 1; i <= records.length; i++) {
          const next = replay(records.slice(0, i));
          for (const d of rollupDeltas(rowsOf(prev), rowsOf(next))) {
            const cur = table.get(key(d));
            if (!cur) table.set(key(d), structuredClone(d));
            else for (const [f, v] of Object.entries(d.counts)) cur.counts[f as keyof RollupRow['counts']] += v;
          }
          prev = next;
        }
        const kept = [...table.values()].filter((r) => Object.values(r.counts).some((v) => v !== 0));
        const want = rowsOf(prev).filter((r) => Object.values(r.counts).some((v) => v !== 0));
        const sort = (rs: RollupRow[]) => [...rs].sort((a, b) => (key(a) < key(b) ? -1 : 1));
        expect(sort(kept)).toEqual(sort(want));
      }),
      { numRuns: 100 },
    );
  });

  it('never sets a deadline before the action that set it', () => {
    fc.assert(
      fc.property(steps, (xs) => {
        const { records } = run(xs);
        for (const r of records) {
          const deadline = (r.payload as { deadline?: string | null }).deadline;
          if (typeof deadline === 'string') expect(new Date(deadline).getTime()).toBeGreaterThanOrEqual(r.at.getTime());
        }
      }),
      { numRuns: 200 },
    );
  });
});
