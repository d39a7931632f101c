import type { WorkCalendar } from '../src/kernel/calendar/index.js';
import {
  applyAction, type ActionRecord, type CaseAction, type CaseActor, type CaseSource, type CaseState, type TimeLimit,
} from '../src/modules/cases/domain/index.js';
import { COMPOUNDS, DETAILS, PROBLEMS, REASONS, SPOTS, STREETS } from './ledger-words.js';

/**
 * Life-cycles of synthetic cases, each step taken through the pure domain (applyAction), so that
 * states, records and deadlines are exactly what the commands would have produced. A step that
 * would lie after `now` is not taken: recent cases stay open, old ones are mostly closed.
 */

export interface Account extends CaseActor {
  displayName: string;
}

export interface Grid {
  id: string;
  path: string;
  communityId: string;
  subdistrictId: string;
  /** Points inside the grid, [lng, lat, lng, lat, …]. */
  points: number[];
  worker: Account;
  community: Account;
  subdistrict: Account;
}

export interface Category {
  code: string;
  timeLimit: TimeLimit;
  unitId: string;
  unitPath: string;
  handler: Account;
}

export interface World {
  districtCode: string;
  districtPath: string;
  calendar: WorkCalendar;
  now: Date;
  grids: Grid[];
  categories: Category[];
  /** Every dispatchable unit, for wrong dispatches that get returned. */
  units: { id: string; path: string; handler: Account }[];
  supervision: Account;
  admin: Account;
}

export const KINDS = {
  closed_on_time: 52, closed_late: 10, reworked: 5, extended: 4, returned: 3, rejected: 8, merged: 5,
  stuck_reported: 0.5, stuck_accepted: 0.7, stuck_dispatched: 1.2, stuck_handling: 1.2, stuck_pending: 0.4,
} as const;
export type Kind = keyof typeof KINDS;

export interface Plan {
  id: string;
  caseNumber: string;
  reportedAt: number;
  grid: Grid | null;
  category: Category;
  kind: Kind;
  description: string;
  address: string | null;
  location: { lng: number; lat: number } | null;
  reporter: Account;
  source?: CaseSource;
  /** Set on a duplicate: the case it is merged into (planned earlier the same day). */
  target?: Plan;
  /** Absorb steps other cases' merges add to this one's life-cycle. */
  injections: { at: number; action: CaseAction; actor: Account }[];
  /** Set when this duplicate's merge landed on its target. */
  absorbed?: boolean;
}

export interface BuiltCase {
  plan: Plan;
  state: CaseState;
  records: { record: ActionRecord; actorName: string }[];
  reconciledAt: number | null;
  reconciledBy: string | null;
}

/** mulberry32: small, fast, seeded. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export class Lifecycles {
  private readonly kindTable: [Kind, number][];
  private readonly kindTotal: number;

  constructor(private readonly world: World, private readonly rnd: () => number) {
    this.kindTable = Object.entries(KINDS) as [Kind, number][];
    this.kindTotal = this.kindTable.reduce((s, [, w]) => s + w, 0);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }

  between(a: number, b: number): number {
    return a + this.rnd() * (b - a);
  }

  kind(): Kind {
    let x = this.rnd() * this.kindTotal;
    for (const [k, w] of this.kindTable) if ((x -= w) < 0) return k;
    return 'closed_on_time';
  }

  /** What a grid worker writes: where, what, and a remark; and the address field. */
  text(code: string): { description: string; address: string } {
    const street = this.pick(STREETS);
    const n = 1 + Math.floor(this.rnd() * 180);
    const inCompound = this.rnd() < 0.3;
    const compound = this.pick(COMPOUNDS);
    const where = inCompound ? `${compound}${1 + (n % 24)}号楼` : `${street}${this.pick(SPOTS)}`;
    const description = `${where}${this.pick(PROBLEMS[code] ?? ['发现问题'])}${this.pick(DETAILS)}`;
    return { description, address: inCompound ? `${street}${compound}${1 + (n % 24)}号楼` : `${street}${n}号` };
  }

  /** The case's whole life up to `now`, with every step through applyAction. */
  build(plan: Plan): BuiltCase {
    const w = this.world;
    const now = w.now.getTime();
    const records: BuiltCase['records'] = [];
    let state: CaseState | null = null;
    let stopped = false;
    const injections = plan.injections.sort((a, b) => a.at - b.at);
    const take = (action: CaseAction, actor: Account, at: number): boolean => {
      if (stopped || at > now) { stopped = true; return false; }
      while (injections.length && injections[0].at <= at) {
        const inj = injections.shift()!;
        run(inj.action, inj.actor, inj.at);
      }
      run(action, actor, at);
      return true;
    };
    const run = (action: CaseAction, actor: Account, at: number) => {
      const r = applyAction(state, action, { actor, now: new Date(at), calendar: w.calendar });
      state = r.state;
      records.push({ record: r.record, actorName: actor.displayName });
    };
    let t = plan.reportedAt;
    const next = (lo: number, hi: number) => (t += this.between(lo, hi));

    const g = plan.grid;
    const triage = g ? g.subdistrict : w.supervision;
    const verifier = g ? g.worker : w.admin;
    const cat = plan.category;
    const handler = cat.handler;
    const report: CaseAction = {
      type: 'report', attachments: [], comment: null,
      payload: {
        districtCode: w.districtCode, districtPath: w.districtPath, categoryCode: cat.code, description: plan.description,
        source: plan.source, location: plan.location, address: plan.address,
        gridId: g?.id ?? null, gridPath: g?.path ?? null, communityId: g?.communityId ?? null, subdistrictId: g?.subdistrictId ?? null,
        fixedOnSpot: false,
      },
    };
    take(report, plan.reporter, t);
    const k = plan.kind;
    const reason = (xs: string[]) => ({ reason: this.pick(xs) });

    if (k === 'merged' && plan.target) {
      const at = next(20 * MIN, 90 * MIN);
      if (plan.absorbed) take({ type: 'merge', payload: { targetCaseId: plan.target.id } }, triage, at);
      else take({ type: 'reject', payload: { reason: '重复上报' } }, triage, at);
      return this.finish(plan, state, records, injections, run, now);
    }
    if (k === 'stuck_reported') return this.finish(plan, state, records, injections, run, now);
    if (g) take({ type: 'escalate' }, g.community, next(10 * MIN, 3 * HOUR));
    if (k === 'rejected') {
      take({ type: 'reject', payload: reason(REASONS.reject) }, triage, next(20 * MIN, 6 * HOUR));
      return this.finish(plan, state, records, injections, run, now);
    }
    take({ type: 'accept' }, triage, next(10 * MIN, 4 * HOUR));
    if (k === 'stuck_accepted') return this.finish(plan, state, records, injections, run, now);

    const dispatch = (unit: { id: string; path: string }) =>
      take({ type: 'dispatch', payload: { unitId: unit.id, unitPath: unit.path, timeLimit: { ...cat.timeLimit } } }, triage, next(5 * MIN, 2 * HOUR));
    if (k === 'returned') {
      const wrong = this.pick(w.units.filter((u) => u.id !== cat.unitId));
      dispatch(wrong);
      take({ type: 'return', payload: reason(REASONS.return) }, wrong.handler, next(30 * MIN, 20 * HOUR));
    }
    if (!dispatch(cat)) return this.finish(plan, state, records, injections, run, now);
    if (k === 'stuck_dispatched') return this.finish(plan, state, records, injections, run, now);
    const deadlineNow = () => (state as CaseState | null)?.deadline?.getTime() ?? t + DAY;
    const span = () => Math.max(10 * MIN, deadlineNow() - t);
    take({ type: 'start' }, handler, next(2 * MIN, Math.min(2 * HOUR, span() * 0.2)));
    if (k === 'stuck_handling') return this.finish(plan, state, records, injections, run, now);
    if (k === 'extended') {
      take({ type: 'request_extension', payload: { extra: { value: 2, unit: 'days' }, reason: this.pick(REASONS.extension) } }, handler, next(0, span() * 0.4));
      take({ type: 'approve_extension' }, triage, next(20 * MIN, 3 * HOUR));
    }
    const onTimeFeedback = () => {
      take({ type: 'feedback', comment: '已处置完毕' }, handler, next(span() * 0.1, span() * 0.6));
    };
    if (k === 'closed_late') {
      t = Math.max(t, deadlineNow()) + this.between(30 * MIN, 2 * HOUR);
      if (this.rnd() < 0.6) take({ type: 'urge' }, triage, t);
      if (this.rnd() < 0.3) take({ type: 'supervise' }, w.supervision, next(2 * HOUR, 30 * HOUR));
      take({ type: 'feedback', comment: '已处置完毕' }, handler, next(1 * HOUR, 72 * HOUR));
    } else {
      onTimeFeedback();
    }
    if (k === 'stuck_pending') return this.finish(plan, state, records, injections, run, now);
    if (k === 'reworked') {
      take({ type: 'verify_fail', payload: reason(REASONS.verifyFail) }, verifier, next(20 * MIN, 8 * HOUR));
      onTimeFeedback();
    }
    // Closed within the deadline in force when on time; whenever for the late ones.
    const left = deadlineNow() - t;
    take({ type: 'verify_pass' }, verifier, k === 'closed_late' || left <= 0 ? next(10 * MIN, 24 * HOUR) : next(left * 0.05, left * 0.9));
    return this.finish(plan, state, records, injections, run, now);
  }

  private finish(
    plan: Plan, state: CaseState | null, records: BuiltCase['records'], injections: Plan['injections'],
    run: (a: CaseAction, actor: Account, at: number) => void, now: number,
  ): BuiltCase {
    // Merges into this case that happened after its last own step (and before now) still land.
    for (const inj of injections) if (inj.at <= now) run(inj.action, inj.actor, inj.at);
    // run() rebinds `state` inside build(); the last record's state is what we need.
    const s = records.length ? this.lastState : state;
    return { plan, state: s!, records, reconciledAt: null, reconciledBy: null };
  }

  private lastState: CaseState | null = null;
}
