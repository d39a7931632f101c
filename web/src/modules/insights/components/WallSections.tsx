import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { CaseFlows } from '../../../../../src/contracts/cases';
import type { AreaFigures, Dashboard } from '../api';
import { formatFigure } from '../format';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const HEADLINE = ['cases.reported', 'cases.accepted', 'cases.closed', 'cases.open', 'cases.overdueOpen'];

/** Today's headline numbers: each links to the list behind it. */
export function WallHeadline({ d }: { d: Dashboard | undefined }) {
  const tiles = HEADLINE.map((code) => ({
    m: d?.measures.find((x) => x.code === code),
    f: d?.figures.find((x) => x.code === code),
  })).filter((t) => t.m && t.f);
  return (
    <div className="cg-wall-headline">
      {tiles.map(({ m, f }) => (
        <a
          key={m!.code}
          className="cg-wall-tile"
          data-testid={`wall-tile-${m!.code}`}
          href={f!.link ?? undefined}
          target="_blank"
          rel="noreferrer"
        >
          <div className="cg-wall-tile-label">{m!.timing === 'now' ? m!.label : `今日${m!.label}`}</div>
          <div className="cg-wall-tile-value" data-testid="wall-tile-value">
            {formatFigure(m!, f!.value, false)}
          </div>
        </a>
      ))}
    </div>
  );
}

/** Today's flows by hour: cases reported and closed. */
export function WallFlows({ flows }: { flows: CaseFlows | undefined }) {
  const option = useMemo(
    () => ({
      textStyle: { color: '#a8c1e6' },
      tooltip: { trigger: 'axis' },
      legend: { data: ['上报', '结案'], textStyle: { color: '#d6e4ff' }, top: 0 },
      grid: { left: 36, right: 12, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: (flows?.hours ?? []).map((h) => `${h.hour}时`) },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#1d3557' } } },
      series: [
        {
          name: '上报',
          type: 'bar',
          data: (flows?.hours ?? []).map((h) => h.reported),
          itemStyle: { color: '#5b8ff9' },
        },
        {
          name: '结案',
          type: 'line',
          data: (flows?.hours ?? []).map((h) => h.closed),
          itemStyle: { color: '#5ad8a6' },
        },
      ],
    }),
    [flows],
  );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 300 }} notMerge />;
}

/** The 街道 ranked by the chosen measure. */
export function WallRanking({ a }: { a: AreaFigures | undefined }) {
  if (!a) return null;
  const rows = [...a.areas].sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9));
  return (
    <table className="cg-wall-ranking">
      <tbody>
        {rows.map((r) => (
          <tr key={r.unit.id}>
            <td className="rank">{r.rank ?? '—'}</td>
            <td>{r.unit.name.replace(/办事处$/, '')}</td>
            <td className="value">
              {r.link ? (
                <a href={r.link} target="_blank" rel="noreferrer">
                  {formatFigure(a.measure, r.value)}
                </a>
              ) : (
                formatFigure(a.measure, r.value)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
