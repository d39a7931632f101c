import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Empty } from 'antd';
import type { Trend } from '../api';
import { formatFigure } from '../format';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const GRAIN_LABEL = {
  day: (p: { from: string }) => p.from.slice(5),
  week: (p: { from: string }) => `${p.from.slice(5)}起`,
  month: (p: { from: string }) => p.from.slice(0, 7),
};

/** A measure of the unit by day, week or month: a rate as a line of percentages, a count as bars. */
export function TrendChart({ trend }: { trend: Trend }) {
  if (trend.points.length === 0) return <Empty description="期间内没有数据" />;
  const m = trend.measure;
  const rate = m.kind === 'rate';
  const option = {
    grid: { left: 48, right: 16, top: 16, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { dataIndex: number }[]) => {
        const p = trend.points[ps[0]!.dataIndex]!;
        const span = p.from === p.to ? p.from : `${p.from} 至 ${p.to}`;
        const parts = rate ? `（${p.numerator} / ${p.denominator ?? 0}）` : '';
        return `${span}<br/>${m.label}：${formatFigure(m, p.value)}${parts}`;
      },
    },
    xAxis: { type: 'category', data: trend.points.map(GRAIN_LABEL[trend.grain]) },
    yAxis: {
      type: 'value',
      minInterval: rate ? undefined : 1,
      max: rate ? 100 : undefined,
      axisLabel: { formatter: rate ? '{value}%' : '{value}' },
    },
    series: [
      {
        type: rate ? 'line' : 'bar',
        name: m.label,
        data: trend.points.map((p) => (p.value === null ? null : rate ? +(p.value * 100).toFixed(1) : p.value)),
        connectNulls: false,
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 240 }} />;
}
