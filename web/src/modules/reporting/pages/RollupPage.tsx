import { ReloadOutlined } from '@ant-design/icons';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useState } from 'react';
import { useMe } from '../../../app/auth';
import { errorText } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import { reportingApi, type Aggregation, type FieldRollup, type Rollup } from '../api';
import { FormSelect } from '../components/FormSelect';
import { periodLabel, periodOf } from '../labels';
import { useReportForms } from '../use-forms';
import '../reporting.css';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { XlsxButton } from '../../../components/XlsxButton';

// Only the charts and parts drawn here, so the page's chunk stays a third of the full ECharts.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

const AGG_LABEL: Record<Aggregation, string> = { sum: '合计', avg: '平均', max: '最大', none: '不汇总' };
type Row = Rollup['rows'][number];

function num(v: FieldRollup | undefined | null): string {
  if (!v || v.value === null) return '—';
  return v.aggregation === 'avg' ? v.value.toFixed(2) : v.value.toLocaleString('zh-CN');
}

/** 数据汇总: numeric fields rolled up per sub-district and community, with trends and an .xlsx export. */
export default function RollupPage() {
  const me = useMe();
  const { forms, error: formsError } = useReportForms();
  const [formId, setFormId] = useState<string>();
  const [fields, setFields] = useState<string[]>([]);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  /** Drill-down path: the units opened so far, the caller's own scope first. */
  const [trail, setTrail] = useState<{ unitId?: string; name: string }[]>([
    { unitId: undefined, name: me.unitName ?? '本级' },
  ]);

  useEffect(() => {
    if (forms && forms.length > 0 && !forms.some((f) => f.id === formId)) setFormId(forms[0].id);
  }, [forms, formId]);
  const form = forms?.find((f) => f.id === formId);
  const numeric = useMemo(
    () => (form?.fields ?? []).filter((f) => f.type === 'integer' || f.type === 'decimal'),
    [form],
  );
  useEffect(() => setFields([]), [formId]);

  const unitId = trail[trail.length - 1].unitId;
  const from = form ? periodOf(form.periodType, range[0]) : undefined;
  const to = form ? periodOf(form.periodType, range[1]) : undefined;
  const query = useMemo(
    () => (from && to ? { unitId, from, to, fields: fields.length ? fields.join(',') : undefined } : null),
    [unitId, from, to, fields],
  );

  const rollup = useApiQuery(
    ['reporting', 'rollup', formId ?? null, query],
    (signal) => reportingApi.rollup(formId!, query!, signal),
    undefined,
    { enabled: !!formId && !!query, toastError: true },
  );
  const data: Rollup | null = rollup.error ? null : (rollup.data ?? null);
  const loading = rollup.loading;
  const error = rollup.error ? errorText(rollup.error) : null;
  const load = () => rollup.refetch();

  const columns: TableColumnsType<Row> = [
    {
      title: '单位',
      dataIndex: 'unitName',
      key: 'unitName',
      fixed: 'left' as const,
      render: (name: string, r: Row) =>
        r.hasChildren ? (
          <Typography.Link
            onClick={() => setTrail((t) => [...t, { unitId: r.unitId, name }])}
            data-testid="rollup-drill"
          >
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
    ...(data?.fields ?? []).map((f) => ({
      title: `${f.label}（${AGG_LABEL[f.aggregation]}）`,
      key: f.code,
      align: 'right' as const,
      sorter: (a: Row, b: Row) => (a.values?.[f.code]?.value ?? -1) - (b.values?.[f.code]?.value ?? -1),
      render: (_: unknown, r: Row) => num(r.values?.[f.code]),
    })),
  ];

  const trend = useMemo(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 56 },
      xAxis: {
        type: 'category',
        data: data.byPeriod.map((p) => (p.period.length === 10 ? p.period.slice(5) : p.period)),
      },
      yAxis: { type: 'value' },
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

  const bars = useMemo(() => {
    if (!data || !data.rows.length) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: data.rows.length > 8 ? 90 : 40 },
      xAxis: {
        type: 'category',
        data: data.rows.map((r) => r.unitName),
        axisLabel: { interval: 0, rotate: data.rows.length > 8 ? 35 : 0 },
      },
      yAxis: { type: 'value' },
      series: data.fields.map((f) => ({
        name: f.label,
        type: 'bar',
        data: data.rows.map((r) => r.values?.[f.code]?.value ?? null),
      })),
    };
  }, [data]);

  return (
    <Card
      title="数据汇总"
      data-testid="reporting-rollup-page"
      extra={
        formId && query ? (
          <Space>
            <XlsxButton href={reportingApi.rollupXlsxUrl(formId, query)} data-testid="rollup-export">
              导出 Excel（按单位）
            </XlsxButton>
            <XlsxButton href={reportingApi.rollupXlsxUrl(formId, { ...query, by: 'period' })}>
              导出 Excel（按报告期）
            </XlsxButton>
          </Space>
        ) : null
      }
    >
      <Space wrap align="start" style={{ marginBottom: 12 }}>
        <Form.Item label="报表" style={{ marginBottom: 0 }}>
          <FormSelect forms={forms} value={formId} onChange={setFormId} data-testid="rollup-form-select" />
        </Form.Item>
        <Form.Item label="指标" style={{ marginBottom: 0 }}>
          <Select
            mode="multiple"
            allowClear
            placeholder="全部数值指标"
            style={{ minWidth: 260, maxWidth: 520 }}
            value={fields}
            onChange={setFields}
            options={numeric.map((f) => ({ value: f.code, label: f.label }))}
            maxTagCount="responsive"
            data-testid="rollup-fields"
          />
        </Form.Item>
        <Form.Item label="报告期" style={{ marginBottom: 0 }}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            picker={form?.periodType === 'weekly' ? 'week' : form?.periodType === 'monthly' ? 'month' : 'date'}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(r) => r && r[0] && r[1] && setRange([r[0], r[1]])}
            presets={[
              { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
              { label: '近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
              { label: '本年', value: [dayjs().startOf('year'), dayjs()] },
            ]}
            data-testid="rollup-range"
          />
        </Form.Item>
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      </Space>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={trail.map((t, i) => ({
          title:
            i < trail.length - 1 ? (
              <Typography.Link onClick={() => setTrail((x) => x.slice(0, i + 1))}>{t.name}</Typography.Link>
            ) : (
              t.name
            ),
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        数值指标按字段规则汇总（合计、平均或最大）；零报告各项计为 0，选填项空白不计。点击单位名称查看其下级单位。
        {data && from && to
          ? ` 汇总范围：${data.unitName} ${periodLabel(from)}${from !== to ? ` 至 ${periodLabel(to)}` : ''}，共 ${data.reports.toLocaleString('zh-CN')} 份报告。`
          : ''}
      </Typography.Paragraph>
      {formsError ? <ErrorAlert error={formsError} style={{ marginBottom: 12 }} /> : null}
      {error && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      {forms && forms.length === 0 && <Empty description="暂无报表" />}
      <Spin spinning={loading || forms === null}>
        {data && (
          <>
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
            <Row gutter={16} style={{ marginTop: 16 }}>
              <Col xs={24} xl={12}>
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
              <Col xs={24} xl={12}>
                <Card size="small" title="各单位对比">
                  {bars ? (
                    <ReactEChartsCore echarts={echarts} option={bars} style={{ height: 320 }} notMerge />
                  ) : (
                    <Empty description="没有下级单位的数据" />
                  )}
                </Card>
              </Col>
            </Row>
          </>
        )}
      </Spin>
    </Card>
  );
}
