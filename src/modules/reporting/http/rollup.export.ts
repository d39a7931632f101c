import type { Actor } from '../../../kernel/auth/actor.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { XlsxColumn, XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import type { ReportingDeps } from '../deps.js';
import type { rollupReport } from '../commands/rollup-report.js';

type Rollup = Awaited<ReturnType<typeof rollupReport>>;

const AGGREGATION = { sum: '合计', avg: '平均', max: '最大', none: '' } as const;

/** A roll-up as a printable sheet: a row per child unit (or per period), then the total. */
export function rollupXlsx(
  deps: ReportingDeps,
  actor: Actor,
  r: Rollup,
  by: 'unit' | 'period',
): { sheet: XlsxSheet; fileName: string } {
  const tz = deps.config.timeZone;
  const columns: XlsxColumn[] = [
    { header: by === 'unit' ? '单位' : '报告期', key: 'name', width: 24 },
    { header: '报告份数', key: 'reports', width: 10 },
    ...r.fields.map((f) => ({ header: `${f.label}（${AGGREGATION[f.aggregation]}）`, key: `f_${f.code}`, width: 16 })),
  ];
  const cells = (values: Record<string, { value: number | null }> | null) =>
    Object.fromEntries(
      r.fields.map((f) => {
        const v = values?.[f.code]?.value ?? null;
        return [`f_${f.code}`, v === null ? '' : Math.round(v * 100) / 100];
      }),
    );
  const lines =
    by === 'unit'
      ? r.rows.map((x) => ({ name: x.unitName, reports: x.reports, ...cells(x.values) }))
      : r.byPeriod.map((x) => ({ name: x.period, reports: '', ...cells(x.values) }));
  async function* rows() {
    for (const l of lines) yield l;
    yield { name: '合计', reports: r.reports, ...cells(r.total) };
  }
  const form = r.formName;
  const sheet: XlsxSheet = {
    sheetName: by === 'unit' ? '按单位汇总' : '按报告期汇总',
    title: `${r.unitName}${form}汇总表`,
    subtitle: `报告期：${r.from} 至 ${r.to}  导出时间：${formatLocalDateTime(deps.clock.now(), tz)}  导出人：${actor.displayName}`,
    columns,
    rows: rows(),
  };
  return { sheet, fileName: `${form}汇总-${r.unitName}-${r.from}至${r.to}.xlsx` };
}
