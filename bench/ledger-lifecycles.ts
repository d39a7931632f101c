import type { WorkCalendar } from '../src/kernel/calendar/index.js';
import {
  applyAction,
  type ActionRecord,
  type CaseAction,
  type CaseActor,
  type CaseSource,
  type CaseState,
  type TimeLimit,
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

/** Relative weights of the planned life-cycles; recent cases are cut short at `now`, so they are the open ones. */
export const KINDS = {
  closed_on_time: 52,
  closed_late: 10,
  reworked: 5,
  extended: 4,
  returned: 3,
  rejected: 8,
  merged: 5,
  stuck_reported: 0.5,
  stuck_accepted: 0.7,
  stuck_dispatched: 1.2,
  stuck_handling: 1.2,
  stuck_pending: 0.4,
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
  /** When a duplicate is merged (and its target absorbs it). */
  mergeAt?: number;
  /** Absorb steps that other cases' merges add to this one's life-cycle. */
  injections: { at: number; action: CaseAction; actor: Account; applied: () => void }[];
  /** Set on a duplicate when its target absorbed it. */
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

  constructor(
    private readonly world: World,
    private readonly rnd: () => number,
  ) {
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
    const c = new Walk(w, plan);
    let t = plan.reportedAt;
    const next = (lo: number, hi: number) => (t += this.between(lo, hi));
    const g = plan.grid;
    const triage = g ? g.subdistrict : w.supervision;
    const verifier = g ? g.worker : w.admin;
    const cat = plan.category;
    const handler = cat.handler;
    const reason = (xs: string[]) => ({ reason: this.pick(xs) });
    const k = plan.kind;

    c.take(
      {
        type: 'report',
        attachments: [],
        comment: null,
        payload: {
          districtCode: w.districtCode,
          districtPath: w.districtPath,
          categoryCode: cat.code,
          description: plan.description,
          source: plan.source,
          location: plan.location,
          address: plan.address,
          gridId: g?.id ?? null,
          gridPath: g?.path ?? null,
          communityId: g?.communityId ?? null,
          subdistrictId: g?.subdistrictId ?? null,
          fixedOnSpot: false,
        },
      },
      plan.reporter,
      t,
    );
    if (k === 'merged' && plan.target) {
      // Taken by the sub-district at the time the target's absorb was planned for.
      if (plan.absorbed) c.take({ type: 'merge', payload: { targetCaseId: plan.target.id } }, triage, plan.mergeAt!);
      else c.take({ type: 'reject', payload: { reason: '重复上报' } }, triage, plan.mergeAt!);
      return c.finish();
    }
    if (k === 'stuck_reported') return c.finish();
    if (g) c.take({ type: 'escalate' }, g.community, next(10 * MIN, 3 * HOUR));
    if (k === 'rejected') {
      c.take({ type: 'reject', payload: reason(REASONS.reject) }, triage, next(20 * MIN, 6 * HOUR));
      return c.finish();
    }
    c.take({ type: 'accept' }, triage, next(10 * MIN, 4 * HOUR));
    if (k === 'stuck_accepted') return c.finish();

    const dispatch = (unit: { id: string; path: string }) =>
      c.take(
        { type: 'dispatch', payload: { unitId: unit.id, unitPath: unit.path, timeLimit: { ...cat.timeLimit } } },
        triage,
        next(5 * MIN, 2 * HOUR),
      );
    if (k === 'returned') {
      const wrong = this.pick(w.units.filter((u) => u.id !== cat.unitId));
      dispatch(wrong);
      c.take({ type: 'return', payload: reason(REASONS.return) }, wrong.handler, next(30 * MIN, 20 * HOUR));
    }
    dispatch({ id: cat.unitId, path: cat.unitPath });
    if (k === 'stuck_dispatched') return c.finish();
    const deadline = () => c.state?.deadline?.getTime() ?? t + DAY;
    const span = () => Math.max(10 * MIN, deadline() - t);
    c.take({ type: 'start' }, handler, next(2 * MIN, Math.max(3 * MIN, Math.min(2 * HOUR, span() * 0.2))));
    if (k === 'stuck_handling') return c.finish();
    if (k === 'extended') {
      c.take(
        {
          type: 'request_extension',
          payload: { extra: { value: 2, unit: 'days' }, reason: this.pick(REASONS.extension) },
        },
        handler,
        next(MIN, span() * 0.4),
      );
      c.take({ type: 'approve_extension' }, triage, next(20 * MIN, 3 * HOUR));
    }
    const onTimeFeedback = () =>
      c.take({ type: 'feedback', comment: '已处置完毕' }, handler, next(span() * 0.1, span() * 0.6));
    if (k === 'closed_late') {
      t = Math.max(t, deadline()) + this.between(30 * MIN, 2 * HOUR);
      if (this.rnd() < 0.6) c.take({ type: 'urge' }, triage, t);
      if (this.rnd() < 0.3) c.take({ type: 'supervise' }, w.supervision, next(2 * HOUR, 30 * HOUR));
      c.take({ type: 'feedback', comment: '已处置完毕' }, handler, next(1 * HOUR, 72 * HOUR));
    } else {
      onTimeFeedback();
    }
    if (k === 'stuck_pending') return c.finish();
    if (k === 'reworked') {
      c.take({ type: 'verify_fail', payload: reason(REASONS.verifyFail) }, verifier, next(20 * MIN, 8 * HOUR));
      onTimeFeedback();
    }
    // On time: closed within the deadline in force; late ones whenever.
    const left = deadline() - t;
    c.take(
      { type: 'verify_pass' },
      verifier,
      k === 'closed_late' || left <= MIN ? next(10 * MIN, 24 * HOUR) : next(left * 0.05, left * 0.9),
    );
    const built = c.finish();
    // 对账销号: most cases closed a fortnight ago are checked off by the community.
    const closedAt = built.state.closedAt?.getTime();
    if (closedAt && g && this.rnd() < 0.6) {
      const at = closedAt + this.between(DAY, 10 * DAY);
      if (at <= w.now.getTime() - 14 * DAY) {
        built.reconciledAt = at;
        built.reconciledBy = g.community.accountId;
      }
    }
    return built;
  }
}

/** One case being walked through its life: steps after `now` are not taken, merges land in time order. */
class Walk {
  state: CaseState | null = null;
  readonly records: BuiltCase['records'] = [];
  private stopped = false;
  private readonly now: number;
  private readonly injections: Plan['injections'];

  constructor(
    private readonly world: World,
    private readonly plan: Plan,
  ) {
    this.now = world.now.getTime();
    this.injections = [...plan.injections].sort((a, b) => a.at - b.at);
  }

  take(action: CaseAction, actor: Account, at: number): boolean {
    if (this.stopped || at > this.now) {
      this.stopped = true;
      return false;
    }
    this.inject(at);
    this.run(action, actor, at);
    return true;
  }

  private inject(upTo: number): void {
    while (this.injections.length && this.injections[0].at <= upTo) {
      const inj = this.injections.shift()!;
      try {
        this.run(inj.action, inj.actor, inj.at);
        inj.applied();
      } catch {
        // The target was closed or rejected before the duplicate came up: the duplicate is rejected instead.
      }
    }
  }

  private run(action: CaseAction, actor: Account, at: number): void {
    const r = applyAction(this.state, action, { actor, now: new Date(at), calendar: this.world.calendar });
    this.state = r.state;
    this.records.push({ record: r.record, actorName: actor.displayName });
  }

  finish(): BuiltCase {
    this.inject(this.now);
    return { plan: this.plan, state: this.state!, records: this.records, reconciledAt: null, reconciledBy: null };
  }
}
