import { z } from 'zod';
import { calendarDay } from './days.js';
import { AreaFigure, AreaLevel, MeasureCode, MeasureInfo } from './insights.js';
import { UnitKind } from './org.js';

// 排名通报 (SPEC §10, issue 15 item 4; docs/insights-rankings.md): the areas under a unit ranked by one
// measure — or by the first of several, the others as further columns — for a period, with each
// area's movement (名次变化) since the period before; on screen, printed and as .xlsx.

const day = calendarDay();
const periodIssue = { message: '开始日期不能晚于结束日期', path: ['from'] };

/** At most this many measures side by side in one table (a 通报 fits them on an A4 sheet). */
export const MAX_RANKING_MEASURES = 6;

/** measures=a,b,c: the table is ordered by the first; duplicates are dropped. */
const measureList = z
  .string()
  .transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(MeasureCode)
      .min(1, '请至少选择一个指标')
      .max(MAX_RANKING_MEASURES, `最多同时排名 ${MAX_RANKING_MEASURES} 个指标`),
  );

export const RankingQuery = z
  .strictObject({
    measures: measureList,
    unitId: z.uuid('须为有效的单位编号').optional(),
    level: AreaLevel.default('children'),
    from: day,
    to: day,
  })
  .refine((v) => v.from <= v.to, periodIssue);
export type RankingQuery = z.infer<typeof RankingQuery>;

/** The .xlsx of one measure's ranking (the 通报 offices send). */
export const RankingExportQuery = z
  .strictObject({
    measure: MeasureCode,
    unitId: z.uuid('须为有效的单位编号').optional(),
    level: AreaLevel.default('children'),
    from: day,
    to: day,
  })
  .refine((v) => v.from <= v.to, periodIssue);
export type RankingExportQuery = z.infer<typeof RankingExportQuery>;

export const MOVEMENT_KINDS = ['up', 'down', 'same', 'new', 'none'] as const;

/** 名次变化 since the previous period: ↑2, ↓1, 持平, 新上榜 (no previous rank), — (not ranked now). */
export const Movement = z.object({
  kind: z.enum(MOVEMENT_KINDS),
  by: z.number().int(),
  label: z.string(),
});
export type Movement = z.infer<typeof Movement>;

/** One measure's figure of one area: value, parts, link, rank and the previous period's. */
export const RankingCell = AreaFigure.omit({ unit: true }).extend({ movement: Movement });
export type RankingCell = z.infer<typeof RankingCell>;

export const RankingRow = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: UnitKind }),
  /** One per measure asked, in that order; the first orders the table. */
  cells: z.array(RankingCell),
});
export type RankingRow = z.infer<typeof RankingRow>;

export const RankingTable = z.object({
  measures: z.array(MeasureInfo),
  unit: z.object({ id: z.string(), name: z.string(), kind: UnitKind }),
  level: AreaLevel,
  from: z.string(),
  to: z.string(),
  /** The instant the figures were taken at (统计时间). */
  asOf: z.string(),
  /** The period compared with (上期); null when the first measure is a snapshot (在办问题数). */
  previousPeriod: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** Best first by the first measure; the unranked (a rate over nothing) last, in the tree's order. */
  rows: z.array(RankingRow),
});
export type RankingTable = z.infer<typeof RankingTable>;
