import type { UnitKind } from '../../contracts/org.js';
import type { Actor } from '../../kernel/auth/actor.js';
import type { Permission } from '../../kernel/auth/roles.js';
import type { Executor } from '../../kernel/db/db.js';

// The two extension points of the insights module (docs/insights.md). A module offers its figures
// through its descriptor (`Module.insightMeasures`, `Module.workItems`); the dashboard, the map, the
// rankings and the 工作台 loop over `ctx.modules` and never know a module by name.

/** One area a measure is asked for: a unit's whole subtree. */
export interface MeasureArea {
  unitId: string;
  /** The unit's tree path; a record belongs to the area when its own path starts with it. */
  unitPath: string;
  kind: UnitKind;
}

export interface MeasureQuery {
  districtCode: string;
  /** Usually siblings (the 街道 of the district, the grids of a 街道); one value is answered per area. */
  areas: readonly MeasureArea[];
  /** The period as instants: [from, to), local midnights of the district. */
  from: Date;
  to: Date;
  /** The same period as local days, inclusive (the roll-ups' keys). */
  days: { from: string; to: string };
  /** The instant measured at (open cases past their deadline are due by now). */
  asOf: Date;
}

/** A count is its numerator; a rate is numerator ÷ denominator, the denominator 0 when nothing was measured. */
export interface MeasureValue {
  numerator: number;
  denominator?: number;
}

export interface MeasureSource {
  /** `<module>.<figure>`, stable: templates, saved views and links name it. */
  code: string;
  /** zh-CN, e.g. 按期结案率. */
  label: string;
  /** The module's name on screen (问题台账, 日报告 …): tiles are grouped by it. */
  group: string;
  kind: 'count' | 'rate';
  /** What a count counts in (件, 人, 次); a rate leaves it out. */
  unit?: string;
  /** How it is defined, zh-CN, with its source where there is one (GB/T 30428.4, DHIS2 …). */
  definition: string;
  better: 'higher' | 'lower';
  /** 'period': counted over the period; 'now': a snapshot at asOf, the period ignored (在办问题数). */
  timing: 'period' | 'now';
  /** Who may read it (any one of these); the insights pages show only what the caller may read. */
  permission: Permission | readonly Permission[];
  /** Unit kinds it can be measured at (default: the district, 街道, 社区/村 and grids). */
  levels?: readonly UnitKind[];
  /** Headline on the 工作台 (today and this month), in this order; leave out for the dashboard only. */
  headline?: number;
  /**
   * The values of every area asked for, in the caller's executor, keyed by unitId. An area with
   * nothing recorded answers 0 (a count) or 0/0 (a rate); one query per call, not per area, where the
   * store allows (the map asks for all 491 grids at once).
   */
  measure(ex: Executor, q: MeasureQuery): Promise<Map<string, MeasureValue>>;
  /** The console list behind the figure, filtered to the area and period (drill-down), e.g. `/cases?unitId=…`. */
  link?(area: { unitId: string; kind: UnitKind }, days: { from: string; to: string }): string | null;
}

/** How many things wait for an account: all of them, and of those the overdue and the due-soon. */
export interface WorkItemCount {
  total: number;
  overdue?: number;
  dueSoon?: number;
}

/** One line of the 工作台's "what needs me today" (cases waiting for my step, reports not sent …). */
export interface WorkItemSource {
  code: string;
  /** zh-CN, e.g. 待我处理的问题. */
  label: string;
  /** The module's name on screen. */
  group: string;
  /** Shown only to accounts holding one of these. */
  permission: Permission | readonly Permission[];
  /** For the account, now; null when it does not apply to the account (nothing is shown). */
  count(ex: Executor, actor: Actor, now: Date): Promise<WorkItemCount | null>;
  /** The console page listing them, filtered to the account's ones. */
  link: string;
  /** The page listing only the overdue ones. */
  overdueLink?: string;
}
