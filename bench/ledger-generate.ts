import {
  addToKpiCounts,
  caseEscalationLevel,
  deadlineStatus,
  emptyKpiCounts,
  recordToJson,
  stateToJson,
  type CaseStatus,
  type KpiCounts,
} from '../src/modules/cases/domain/index.js';
import { uuidAt } from './ledger-district.js';
import { Lifecycles, seeded, type BuiltCase, type Plan, type World } from './ledger-lifecycles.js';

/**
 * Plans a year of cases day by day (weekdays busier than weekends and holidays, reports mostly in
 * the daytime, duplicates merged into a case reported earlier that day) and turns each into the
 * rows report-case.ts and take-action.ts would have written: `cases` with its derived columns and
 * cached state, and `case_actions` with one record per step.
 */

/** The columns of `cases` in the order the generator fills them. */
export const CASE_COLUMNS = [
  'id',
  'district_code',
  'case_number',
  'category_code',
  'description',
  'lng',
  'lat',
  'address',
  'source',
  'grid_id',
  'grid_path',
  'community_id',
  'subdistrict_id',
  'out_of_grid',
  'status',
  'assigned_unit_id',
  'assigned_unit_path',
  'deadline',
  'deadline_status',
  'escalation_level',
  'state',
  'version',
  'reporter_id',
  'reported_at',
  'dispatched_at',
  'closed_at',
  'first_feedback_at',
  'rework_count',
  'extension_count',
  'reconciled_at',
  'reconciled_by',
  'updated_at',
] as const;
export const ACTION_COLUMNS = [
  'id',
  'case_id',
  'district_code',
  'seq',
  'type',
  'at',
  'actor_id',
  'actor_name',
  'record',
] as const;

export interface DayBatch {
  /** Local date YYYYMMDD and the last case number of the day (case_number_counters). */
  day: string;
  last: number;
  cases: unknown[][];
  actions: unknown[][];
  built: BuiltCase[];
}

const DAY = 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Categories people report most get four times the weight. */
const COMMON = new Set(['0102', '0502', '0504', '0201', '0104', '0505', '0506', '5102', '0404', '0406', '0503']);

export function* generateDays(world: World, total: number, seed = 7): Generator<DayBatch> {
  const rnd = seeded(seed);
  const life = new Lifecycles(world, rnd);
  const cal = world.calendar;
  const now = world.now.getTime();
  const today = cal.localDate(world.now);
  const todayStart = cal.startOfDay(today).getTime();
  // 365 local days ending today; today counts for the part already past.
  const days: { date: string; start: number; weight: number }[] = [];
  for (let i = 364; i >= 0; i--) {
    const date = cal.localDate(new Date(todayStart - i * DAY + 12 * 3_600_000));
    const start = cal.startOfDay(date).getTime();
    const kind = cal.dayKind(date);
    let weight = kind === 'holiday' ? 0.45 : kind === 'weekend' ? 0.55 : 1;
    if (i === 0) weight *= (now - start) / DAY;
    days.push({ date, start, weight });
  }
  const sum = days.reduce((s, d) => s + d.weight, 0);
  const exact = days.map((d) => (d.weight / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0])
    .forEach(([, i]) => {
      if (left-- > 0) counts[i]++;
    });

  const catWeights = world.categories.map((c) => (COMMON.has(c.code) ? 4 : 1));
  const catTotal = catWeights.reduce((s, w) => s + w, 0);
  const category = () => {
    let x = rnd() * catTotal;
    for (let i = 0; i < catWeights.length; i++) if ((x -= catWeights[i]) < 0) return world.categories[i];
    return world.categories[0];
  };

  for (let d = 0; d < days.length; d++) {
    const { date, start } = days[d];
    const n = counts[d];
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      if (d === days.length - 1) times.push(start + rnd() * (now - start - 60_000));
      else {
        const minute = rnd() < 0.8 ? 450 + rnd() * 660 : 360 + rnd() * 960; // 07:30–18:30, else 06:00–22:00
        times.push(start + minute * 60_000);
      }
    }
    times.sort((a, b) => a - b);
    const ymd = date.replaceAll('-', '');
    const plans: Plan[] = [];
    for (let i = 0; i < n; i++) {
      const at = Math.round(times[i]);
      let kind = life.kind();
      const caseNumber = `${world.districtCode}-${ymd}-${String(i + 1).padStart(4, '0')}`;
      // A duplicate: an earlier case of the day in a grid, reported again nearby.
      const target = kind === 'merged' && i > 0 ? plans[Math.max(0, i - 1 - Math.floor(rnd() * 30))] : undefined;
      if (kind === 'merged' && (!target || !target.grid || target.kind === 'merged')) kind = 'closed_on_time';
      const outOfGrid = kind !== 'merged' && rnd() < 0.01;
      const grid = kind === 'merged' ? target!.grid : outOfGrid ? null : life.pick(world.grids);
      const cat = kind === 'merged' ? target!.category : category();
      const text = life.text(cat.code);
      const p = grid ? Math.floor(rnd() * (grid.points.length / 2)) * 2 : 0;
      const plan: Plan = {
        id: uuidAt(at),
        caseNumber,
        reportedAt: at,
        grid,
        category: cat,
        kind,
        description: text.description,
        address: grid && rnd() < 0.5 ? null : text.address,
        location: kind === 'merged' ? target!.location : grid ? { lng: grid.points[p], lat: grid.points[p + 1] } : null,
        reporter: kind === 'merged' ? grid!.community : grid ? grid.worker : world.supervision,
        source: grid ? undefined : 'hotline',
        injections: [],
      };
      if (kind === 'merged') {
        plan.target = target;
        plan.mergeAt = at + life.between(20 * 60_000, 90 * 60_000);
        target!.injections.push({
          at: plan.mergeAt,
          actor: grid!.subdistrict,
          applied: () => {
            plan.absorbed = true;
          },
          action: {
            type: 'absorb',
            comment: `并入 ${caseNumber}`,
            attachments: [],
            payload: { sourceCaseId: plan.id, reporters: [plan.reporter.accountId] },
          },
        });
      }
      plans.push(plan);
    }
    const built = plans.map((p) => life.build(p));
    yield { day: ymd, last: n, ...rowsOf(world, built), built };
  }
}

function rowsOf(world: World, built: BuiltCase[]): { cases: unknown[][]; actions: unknown[][] } {
  const cases: unknown[][] = [];
  const actions: unknown[][] = [];
  const { calendar, now, districtCode } = world;
  for (const b of built) {
    const s = b.state;
    const p = b.plan;
    cases.push([
      p.id,
      districtCode,
      p.caseNumber,
      s.categoryCode,
      s.description,
      s.location?.lng ?? null,
      s.location?.lat ?? null,
      s.address,
      s.source,
      s.gridId,
      s.gridPath,
      s.communityId,
      s.subdistrictId,
      s.location && !s.gridId ? 1 : 0,
      s.status,
      s.assignedUnitId,
      s.assignedUnitPath,
      iso(s.deadline),
      deadlineStatus(s, now, calendar),
      caseEscalationLevel(s, now, calendar),
      stateToJson(s),
      s.version,
      p.reporter.accountId,
      new Date(p.reportedAt).toISOString(),
      iso(s.dispatchedAt),
      iso(s.closedAt),
      iso(s.firstFeedbackAt),
      s.reworkCount,
      s.extensionCount,
      b.reconciledAt ? new Date(b.reconciledAt).toISOString() : null,
      b.reconciledBy,
      iso(s.updatedAt),
    ]);
    b.records.forEach(({ record, actorName }, i) => {
      actions.push([
        uuidAt(record.at.getTime()),
        p.id,
        districtCode,
        i + 1,
        record.type,
        record.at.toISOString(),
        record.actorId,
        actorName,
        recordToJson(record),
      ]);
    });
  }
  return { cases, actions };
}

const STATUS_CODES: CaseStatus[] = [
  'reported',
  'escalated',
  'escalated_district',
  'accepted',
  'dispatched',
  'handling',
  'returned',
  'pending_verification',
  'closed',
  'rejected',
  'merged',
];

/**
 * What computeKpis needs of every generated case, kept in typed arrays (a million cases in ~80 MB),
 * so the KPI endpoint's answer can be checked against the domain's own fold at the server's asOf.
 */
export class KpiReference {
  private n = 0;
  /** One column per CaseSummary date (NaN for null), so a million cases stay a few hundred MB. */
  private readonly dates: Record<(typeof DATE_FIELDS)[number], Float64Array>;
  private readonly status: Uint8Array;
  private readonly onTime: Int8Array;
  private readonly rework: Uint16Array;
  private readonly extension: Uint16Array;

  constructor(capacity: number) {
    this.dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, new Float64Array(capacity)])) as KpiReference['dates'];
    this.status = new Uint8Array(capacity);
    this.onTime = new Int8Array(capacity);
    this.rework = new Uint16Array(capacity);
    this.extension = new Uint16Array(capacity);
  }

  add(s: BuiltCase['state']): void {
    const i = this.n++;
    for (const f of DATE_FIELDS) this.dates[f][i] = s[f] ? s[f].getTime() : NaN;
    this.status[i] = STATUS_CODES.indexOf(s.status);
    this.onTime[i] = s.firstFeedbackOnTime === null ? -1 : s.firstFeedbackOnTime ? 1 : 0;
    this.rework[i] = s.reworkCount;
    this.extension[i] = s.extensionCount;
  }

  /** The domain's fold (standard basis, the server's default) over every case, for the period [from, to), at asOf. */
  counts(
    from: number,
    to: number,
    asOf: Date,
    calendar: World['calendar'],
    extra: BuiltCase['state'][] = [],
  ): KpiCounts {
    const c = emptyKpiCounts();
    const options = { basis: 'standard' as const, period: { from: new Date(from), to: new Date(to) }, asOf, calendar };
    const d = (x: number) => (Number.isNaN(x) ? null : new Date(x));
    for (let i = 0; i < this.n; i++) {
      const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, d(this.dates[f][i])])) as Record<
        (typeof DATE_FIELDS)[number],
        Date | null
      >;
      addToKpiCounts(
        c,
        {
          ...dates,
          reportedAt: dates.reportedAt!,
          status: STATUS_CODES[this.status[i]],
          firstFeedbackOnTime: this.onTime[i] < 0 ? null : this.onTime[i] === 1,
          reworkCount: this.rework[i],
          extensionCount: this.extension[i],
        },
        options,
      );
    }
    for (const s of extra) addToKpiCounts(c, s, options);
    return c;
  }
}

const DATE_FIELDS = [
  'reportedAt',
  'acceptedAt',
  'rejectedAt',
  'mergedAt',
  'dispatchedAt',
  'deadline',
  'closedAt',
  'firstFeedbackAt',
  'handlingDispatchedAt',
  'handlingDeadline',
] as const;
