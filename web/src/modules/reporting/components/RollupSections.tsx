import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { Aggregation, FieldRollup, Rollup } from '../api';

// Only the charts and parts drawn here, so the page's chunk stays a third of the full ECharts.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

const AGG_LABEL: Record<Aggregation, string> = { sum: '合计', avg: '平均', max: '最大', none: '不汇总' };
type Row = Rollup['rows'][number];

function num(v: FieldRollup | undefined | null): string {
  if (!v || v.value === null) return '—';
  return v.aggregation === 'avg' ? v.value.toFixed(2) : v.value.toLocaleString('zh-CN');
}

/** One row per child unit (a link when it has units below), the totals last. */
export function RollupTable({ data, onDrill }: { data: Rollup; onDrill(unitId: string, name: string): void }) {
  const columns: TableColumnsType<Row> = [
    {
      title: '单位',
      dataIndex: 'unitName',
      key: 'unitName',
      fixed: 'left' as const,
      render: (name: string, r: Row) =>
        r.hasChildren ? (
          <Typography.Link onClick={() => onDrill(r.unitId, name)} data-testid="rollup-drill">
            {name}
          </Typography.Link>
        ) : (
          name
        ),
    },
    {
      title: '报告份数',
      dataIndex: 'reports',
      key: 'reports',
      align: 'right' as const,
      sorter: (a: Row, b: Row) => a.reports - b.reports,
    },
    ...data.fields.map((f) => ({
      title: `${f.label}（${AGG_LABEL[f.aggregation]}）`,
      key: f.code,
      align: 'right' as const,
      sorter: (a: Row, b: Row) => (a.values?.[f.code]?.value ?? -1) - (b.values?.[f.code]?.value ?? -1),
      render: (_: unknown, r: Row) => num(r.values?.[f.code]),
    })),
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="unitId"
      dataSource={data.rows}
      columns={columns}
      pagination={data.rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '没有下级单位的数据' }}
      data-testid="rollup-table"
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {data.reports.toLocaleString('zh-CN')}
            </Table.Summary.Cell>
            {data.fields.map((f, i) => (
              <Table.Summary.Cell key={f.code} index={i + 2} align="right">
                {num(data.total[f.code])}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

/** The trend by period and the comparison of units. */
export function RollupCharts({ data }: { data: Rollup }) {
  const trend = useMemo(() => {
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: data.byPeriod.length > 45 ? 48 : 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.byPeriod.map((p) => (p.period.length === 10 ? p.period.slice(5) : p.period)),
        axisLabel: { fontSize: 12, hideOverlap: true },
      },
      yAxis: { type: 'value', axisLabel: { fontSize: 12 } },
      dataZoom: data.byPeriod.length > 45 ? [{ type: 'slider', bottom: 8 }] : [],
      series: data.fields.map((f) => ({
        name: f.label,
        type: 'line',
        smooth: true,
        showSymbol: data.byPeriod.length <= 45,
        data: data.byPeriod.map((p) => p.values?.[f.code]?.value ?? null),
      })),
    };
  }, [data]);

  // Units down the side, bars across: every name is written out in full and level, however many units.
  const bars = useMemo(() => {
    if (!data.rows.length) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 32, top: 36, bottom: 8, containLabel: true },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.rows.map((r) => r.unitName),
        axisLabel: { interval: 0, fontSize: 12, width: 160, overflow: 'truncate' },
      },
      xAxis: { type: 'value', axisLabel: { fontSize: 12 } },
      series: data.fields.map((f) => ({
        name: f.label,
        type: 'bar',
        barMaxWidth: 18,
        data: data.rows.map((r) => r.values?.[f.code]?.value ?? null),
      })),
    };
  }, [data]);
  const barsHeight = Math.max(320, 60 + data.rows.length * Math.max(1, data.fields.length) * 12 + data.rows.length * 8);
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xxl={12}>
        <Card size="small" title="趋势（按报告期）">
          {trend && (
            <ReactEChartsCore
              echarts={echarts}
              option={trend}
              style={{ height: 320 }}
              notMerge
              data-testid="rollup-trend"
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card size="small" title="各单位对比">
          {bars ? (
            <ReactEChartsCore
              echarts={echarts}
              option={bars}
              style={{ height: barsHeight }}
              notMerge
              data-testid="rollup-bars"
            />
          ) : (
            <Empty description="没有下级单位的数据" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
