import { z } from 'zod';
import { calendarDay } from './days.js';
import { UnitKind } from './org.js';

// What leaders read (SPEC §10, issue 15): the 工作台, the dashboard of a scope, the map coloured by a
// measure, rankings (排名通报). A *measure* is a figure a module offers through its descriptor
// (`Module.insightMeasures`): a count (立案数, 在管人数) or a rate given as its two counts (按期结案数 ÷
// 应结案数). Days are the district's local dates (YYYY-MM-DD), a period is [from, to] inclusive; times
// are ISO UTC.

const day = calendarDay();

/** A measure's code, as its module names it: `<module>.<figure>`, e.g. `cases.onTimeCloseRate`. */
export const MeasureCode = z.string().regex(/^[a-z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+$/, '指标编码格式不正确');

export const MEASURE_KINDS = ['count', 'rate'] as const;
/** 'period': counted over the period; 'now': a snapshot at the instant asked (在办问题数), the period ignored. */
export const MEASURE_TIMINGS = ['period', 'now'] as const;

/** What a measure is, for pickers, legends and the formula shown beside a figure. */
export const MeasureInfo = z.object({
  code: z.string(),
  /** zh-CN, e.g. 按期结案率. */
  label: z.string(),
  /** The module's name on screen, e.g. 问题台账 — tiles are grouped by it. */
  group: z.string(),
  kind: z.enum(MEASURE_KINDS),
  /** What a count counts in (件, 人, 次); '%' is implied for a rate. */
  unit: z.string().nullable(),
  /** How it is defined, zh-CN (按期结案数 ÷ 应结案数), with its source where there is one. */
  definition: z.string(),
  better: z.enum(['higher', 'lower']),
  timing: z.enum(MEASURE_TIMINGS),
  /** Unit kinds it can be measured at. */
  levels: z.array(UnitKind),
});
export type MeasureInfo = z.infer<typeof MeasureInfo>;

export const MeasureCatalog = z.object({ items: z.array(MeasureInfo) });
export type MeasureCatalog = z.infer<typeof MeasureCatalog>;

/** A measure's value for one area: a count is its numerator; a rate is numerator ÷ denominator (null over 0). */
export const MeasureFigure = z.object({
  code: z.string(),
  numerator: z.number(),
  /** null for a count; 0 when there was nothing to measure (never read as 100 %). */
  denominator: z.number().nullable(),
  /** The count, or the rate as a fraction 0–1; null for a rate over nothing. */
  value: z.number().nullable(),
  /** The console list behind the number, filtered to the area and period; null when there is none. */
  link: z.string().nullable(),
});
export type MeasureFigure = z.infer<typeof MeasureFigure>;

const period = { from: day, to: day };
const refinePeriod = <T extends { from: string; to: string }>(v: T) => v.from <= v.to;
const periodIssue = { message: '开始日期不能晚于结束日期', path: ['from'] };

export const DashboardQuery = z
  .strictObject({ unitId: z.uuid('须为有效的单位编号').optional(), ...period })
  .refine(refinePeriod, periodIssue);
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const AreaRef = z.object({ id: z.string(), name: z.string(), kind: UnitKind });

/** Every measure the caller may read, for one unit and period, at asOf. */
export const Dashboard = z.object({
  unit: AreaRef,
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  measures: z.array(MeasureInfo),
  figures: z.array(MeasureFigure),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** Whose values: the unit's children (街道 of the district, 社区 of a 街道 …) or every small grid under it. */
export const AREA_LEVELS = ['children', 'grids'] as const;
export const AreaLevel = z.enum(AREA_LEVELS);

export const AreasQuery = z
  .strictObject({
    measure: MeasureCode,
    unitId: z.uuid('须为有效的单位编号').optional(),
    level: AreaLevel.default('children'),
    ...period,
    /** Add the previous period's values and ranks (movement, 较上期). */
    compare: z.enum(['true', 'false']).default('false'),
  })
  .refine(refinePeriod, periodIssue);
export type AreasQuery = z.infer<typeof AreasQuery>;

export const AreaFigure = MeasureFigure.omit({ code: true }).extend({
  unit: AreaRef,
  /** 1 is best; equal values share a rank (1, 1, 3); null when the value is null (not ranked). */
  rank: z.number().int().nullable(),
  previous: z.object({ value: z.number().nullable(), rank: z.number().int().nullable() }).nullable(),
});
export type AreaFigure = z.infer<typeof AreaFigure>;

/** One measure over the areas under a unit: the map's colours, the ranking's rows, the dashboard's breakdown. */
export const AreaFigures = z.object({
  measure: MeasureInfo,
  unit: AreaRef,
  level: AreaLevel,
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  /** The period compared with (the one before, of the same kind), when asked. */
  previousPeriod: z.object({ from: z.string(), to: z.string() }).nullable(),
  areas: z.array(AreaFigure),
});
export type AreaFigures = z.infer<typeof AreaFigures>;

export const TREND_GRAINS = ['day', 'week', 'month'] as const;
export const TrendQuery = z
  .strictObject({
    measure: MeasureCode,
    unitId: z.uuid('须为有效的单位编号').optional(),
    grain: z.enum(TREND_GRAINS).default('day'),
    ...period,
  })
  .refine(refinePeriod, periodIssue);
export type TrendQuery = z.infer<typeof TrendQuery>;

export const Trend = z.object({
  measure: MeasureInfo,
  unit: AreaRef,
  grain: z.enum(TREND_GRAINS),
  asOf: z.string(),
  /** One per day, ISO week (Monday first) or calendar month, clipped to the period. */
  points: z.array(MeasureFigure.omit({ code: true }).extend({ from: z.string(), to: z.string() })),
});
export type Trend = z.infer<typeof Trend>;

/** One line of "what needs me today" on the 工作台. */
export const WorkItem = z.object({
  code: z.string(),
  /** zh-CN, e.g. 待我处理的问题. */
  label: z.string(),
  group: z.string(),
  total: z.number().int(),
  /** Of total: past their deadline / due within the next working day. */
  overdue: z.number().int().nullable(),
  dueSoon: z.number().int().nullable(),
  /** The console page listing them. */
  link: z.string(),
  /** The page listing only the overdue ones, when there is one. */
  overdueLink: z.string().nullable(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const Workbench = z.object({
  asOf: z.string(),
  today: z.string(),
  unit: AreaRef,
  items: z.array(WorkItem),
  /** Headline numbers of the caller's scope: today, and this month so far. */
  headline: z.object({
    measures: z.array(MeasureInfo),
    today: z.array(MeasureFigure),
    month: z.array(MeasureFigure),
  }),
});
export type Workbench = z.infer<typeof Workbench>;
