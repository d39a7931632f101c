import type { MeasureInfo } from '../../../contracts/insights.js';
import type { RankingExportQuery, RankingTable } from '../../../contracts/insights-rankings.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { XlsxColumn, XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import type { InsightsDeps } from '../deps.js';
import { getRanking } from './get-ranking.js';

/** What the areas of a level are called in a title: 各街道, 各社区, 各网格. */
const AREA_NOUN: Record<string, string> = {
  district: '区',
  subdistrict: '街道',
  township: '乡镇',
  community: '社区',
  village: '村',
  grid_large: '网格',
  grid_small: '网格',
};

/** A unit's name as a 通报 says it: 城北街道办事处 → 城北街道. */
export const shortUnitName = (name: string) => name.replace(/办事处$/, '');

/** 城北街道各社区按期结案率排名（2026-11-01 至 2026-11-30）: the title of the sheet and of the printed page. */
export function rankingTitle(t: Pick<RankingTable, 'unit' | 'rows' | 'from' | 'to' | 'measures'>): string {
  const nouns = [...new Set(t.rows.map((r) => AREA_NOUN[r.unit.kind] ?? '单位'))];
  return `${shortUnitName(t.unit.name)}各${nouns.length ? nouns.join('、') : '单位'}${t.measures[0]!.label}排名（${t.from} 至 ${t.to}）`;
}

/** A value as the sheet prints it: a rate as 87.5%, a count as is, nothing as blank. */
export function cellValue(m: Pick<MeasureInfo, 'kind'>, v: number | null): string | number {
  if (v === null) return '';
  return m.kind === 'rate' ? `${(v * 100).toFixed(1)}%` : v;
}

/**
 * One measure's ranking as the .xlsx a 通报 is sent with: title, the rows best first (排名, 单位, 指标值,
 * 分子 and 分母 for a rate, 上期排名, 名次变化, 上期值), and under them the measure's definition and the
 * instant the figures were taken. The rows are the ranking endpoint's, in its order.
 */
export async function exportRanking(
  deps: InsightsDeps,
  actor: Actor,
  q: RankingExportQuery,
): Promise<{ sheet: XlsxSheet; fileName: string; table: RankingTable }> {
  const { measure, ...rest } = q;
  const t = await getRanking(deps, actor, { ...rest, measures: [measure] });
  const m = t.measures[0]!;
  const rate = m.kind === 'rate';
  const columns: XlsxColumn[] = [
    { header: '排名', key: 'rank', width: 8 },
    { header: '单位', key: 'unit', width: 24 },
    { header: rate ? '指标值' : `指标值${m.unit ? `（${m.unit}）` : ''}`, key: 'value', width: 12 },
    ...(rate
      ? [
          { header: '分子', key: 'numerator', width: 10 },
          { header: '分母', key: 'denominator', width: 10 },
        ]
      : []),
    { header: '上期排名', key: 'previousRank', width: 10 },
    { header: '名次变化', key: 'movement', width: 10 },
    { header: '上期值', key: 'previousValue', width: 12 },
  ];
  async function* rows() {
    for (const r of t.rows) {
      const c = r.cells[0]!;
      yield {
        rank: c.rank ?? '—',
        unit: r.unit.name,
        value: cellValue(m, c.value),
        numerator: c.numerator,
        denominator: c.denominator ?? '',
        previousRank: c.previous?.rank ?? '—',
        movement: c.movement.label,
        previousValue: c.previous ? cellValue(m, c.previous.value) : '',
      };
    }
  }
  const tz = deps.config.timeZone;
  const title = rankingTitle(t);
  const taken = formatLocalDateTime(new Date(t.asOf), tz);
  const footer = [
    `指标定义：${m.label} — ${m.definition}；${m.better === 'higher' ? '数值越高' : '数值越低'}排名越前，数值相同名次并列，无可统计数据的单位不参与排名。`,
    t.previousPeriod
      ? `上期：${t.previousPeriod.from} 至 ${t.previousPeriod.to}；名次变化以上期排名为基准，“新上榜”为上期未参与排名。`
      : '该指标为统计时点的数量，不与上期比较。',
    `统计时间：${taken}（数据截至该时刻）`,
  ];
  const sheet: XlsxSheet = {
    sheetName: '排名',
    title,
    subtitle: `统计时间：${taken}  导出人：${actor.displayName}`,
    columns,
    rows: rows(),
    footer,
  };
  return { sheet, fileName: `${title}.xlsx`, table: t };
}
