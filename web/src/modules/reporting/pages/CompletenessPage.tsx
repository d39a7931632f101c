import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useMe } from '../../../app/auth';
import { errorText } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import { UnitPicker } from '../../org/components/UnitPicker';
import type { TableColumnsType } from 'antd';
import {
  reportingApi,
  type Completeness,
  type MissingReport,
  type PeriodCompleteness,
  type UnitCompleteness,
} from '../api';
import { FormSelect } from '../components/FormSelect';
import { percent, periodLabel, periodOf, rateColor } from '../labels';
import { useReportForms } from '../use-forms';
import '../reporting.css';

/** The missing list is paged by the server (a district may miss thousands of reports a day). */
const MISSING_PAGE = 20;

type Rates = { reportingRate: number | null; timeliness: number | null };
const byRate = (k: keyof Rates) => (a: Rates, b: Rates) => (a[k] ?? -1) - (b[k] ?? -1);

function RateText({ v, testId }: { v: number | null; testId?: string }) {
  return (
    <span style={{ color: rateColor(v), fontWeight: 500 }} data-testid={testId}>
      {percent(v)}
    </span>
  );
}

export default function CompletenessPage() {
  const me = useMe();
  const { message } = App.useApp();
  const { forms, error: formsError } = useReportForms();
  const [formId, setFormId] = useState<string>();
  const [unitId, setUnitId] = useState<string | undefined>(me.unitId);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(6, 'day'), dayjs()]);

  useEffect(() => {
    if (forms && forms.length > 0 && !forms.some((f) => f.id === formId)) setFormId(forms[0].id);
  }, [forms, formId]);

  const form = forms?.find((f) => f.id === formId);
  const from = form ? periodOf(form.periodType, range[0]) : undefined;
  const to = form ? periodOf(form.periodType, range[1]) : undefined;

  const query = useApiQuery(
    ['reporting', 'completeness', formId ?? null, unitId ?? null, from ?? null, to ?? null],
    (signal) => reportingApi.completeness(formId!, { unitId, from, to, missingLimit: MISSING_PAGE }, signal),
    undefined,
    { enabled: !!formId && !!from && !!to, toastError: true },
  );
  const loading = query.loading;
  const error = query.error ? errorText(query.error) : null;
  const load = () => query.refetch();
  // Another page of the missing list belongs to the figures it was read with; new figures start at page 1.
  const [missingAt, setMissingAt] = useState<{ base: unknown; page: number; missing: Completeness['missing'] } | null>(
    null,
  );
  const base = query.error ? undefined : query.data;
  const turned = missingAt && missingAt.base === base ? missingAt : null;
  const data: Completeness | null = base ? (turned ? { ...base, missing: turned.missing } : base) : null;
  const missingPage = turned?.page ?? 1;

  const turnMissingPage = async (page: number) => {
    if (!formId || !from || !to) return;
    try {
      const next = await reportingApi.completeness(formId, {
        unitId,
        from,
        to,
        missingOffset: (page - 1) * MISSING_PAGE,
        missingLimit: MISSING_PAGE,
      });
      setMissingAt({ base, page, missing: next.missing });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const missingCount = data ? Math.max(0, data.expected - data.submitted) : null;
  const cards: { key: string; title: string; value: number | string; note: string; color?: string; suffix?: string }[] =
    data
      ? [
          { key: 'expected', title: '应报', value: data.expected, suffix: '份', note: '报送范围内单位 × 报告期' },
          { key: 'submitted', title: '实报', value: data.submitted, suffix: '份', note: '含迟报和零报告' },
          { key: 'onTime', title: '按时报', value: data.onTime, suffix: '份', note: '截止时间（含宽限）前报送' },
          { key: 'zero', title: '零报告', value: data.zero, suffix: '份', note: '“今日无新增”，计为已报' },
          {
            key: 'missing',
            title: '缺报',
            value: missingCount ?? 0,
            suffix: '份',
            note: '应报 − 实报',
            color: missingCount ? '#cf1322' : undefined,
          },
          {
            key: 'reportingRate',
            title: '上报率',
            value: percent(data.reportingRate),
            note: '实报 ÷ 应报',
            color: rateColor(data.reportingRate),
          },
          {
            key: 'timeliness',
            title: '及时率',
            value: percent(data.timeliness),
            note: '按时报 ÷ 应报',
            color: rateColor(data.timeliness),
          },
        ]
      : [];

  const unitColumns: TableColumnsType<UnitCompleteness> = [
    { title: '单位', dataIndex: 'unitName', key: 'unitName', fixed: 'left' as const },
    {
      title: '应报',
      dataIndex: 'expected',
      key: 'expected',
      align: 'right' as const,
      sorter: (a: UnitCompleteness, b: UnitCompleteness) => a.expected - b.expected,
    },
    { title: '实报', dataIndex: 'submitted', key: 'submitted', align: 'right' as const },
    { title: '按时报', dataIndex: 'onTime', key: 'onTime', align: 'right' as const },
    {
      title: '迟报',
      dataIndex: 'late',
      key: 'late',
      align: 'right' as const,
      render: (v: number) => (v ? <Typography.Text type="warning">{v}</Typography.Text> : v),
    },
    { title: '零报告', dataIndex: 'zero', key: 'zero', align: 'right' as const },
    {
      title: '缺报',
      dataIndex: 'missing',
      key: 'missing',
      align: 'right' as const,
      sorter: (a: UnitCompleteness, b: UnitCompleteness) => a.missing - b.missing,
      render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      title: '上报率',
      dataIndex: 'reportingRate',
      key: 'reportingRate',
      align: 'right' as const,
      sorter: byRate('reportingRate'),
      render: (v: number | null) => <RateText v={v} />,
    },
    {
      title: '及时率',
      dataIndex: 'timeliness',
      key: 'timeliness',
      align: 'right' as const,
      sorter: byRate('timeliness'),
      render: (v: number | null) => <RateText v={v} />,
    },
  ];

  const periodColumns: TableColumnsType<PeriodCompleteness> = [
    { title: '报告期', dataIndex: 'period', key: 'period', render: (p: string) => periodLabel(p) },
    { title: '应报', dataIndex: 'expected', key: 'expected', align: 'right' as const },
    { title: '实报', dataIndex: 'submitted', key: 'submitted', align: 'right' as const },
    { title: '按时报', dataIndex: 'onTime', key: 'onTime', align: 'right' as const },
    { title: '迟报', dataIndex: 'late', key: 'late', align: 'right' as const },
    { title: '零报告', dataIndex: 'zero', key: 'zero', align: 'right' as const },
    { title: '缺报', dataIndex: 'missing', key: 'missing', align: 'right' as const },
    {
      title: '上报率',
      dataIndex: 'reportingRate',
      key: 'reportingRate',
      align: 'right' as const,
      sorter: byRate('reportingRate'),
      render: (v: number | null) => <RateText v={v} />,
    },
    {
      title: '及时率',
      dataIndex: 'timeliness',
      key: 'timeliness',
      align: 'right' as const,
      sorter: byRate('timeliness'),
      render: (v: number | null) => <RateText v={v} />,
    },
  ];

  const missingColumns: TableColumnsType<MissingReport> = [
    { title: '单位', dataIndex: 'unitName', key: 'unitName' },
    {
      title: '报告期',
      dataIndex: 'period',
      key: 'period',
      render: (p: string) => periodLabel(p),
    },
    {
      title: '截止时间',
      dataIndex: 'deadline',
      key: 'deadline',
      render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: '状态',
      dataIndex: 'overdue',
      key: 'overdue',
      filters: [
        { text: '逾期', value: true },
        { text: '未到截止时间', value: false },
      ],
      onFilter: (v, r) => r.overdue === v,
      render: (o: boolean) => (o ? <Tag color="red">逾期</Tag> : <Tag color="blue">未到截止时间</Tag>),
    },
  ];

  return (
    <Card title="完成情况" data-testid="reporting-completeness-page">
      <Space wrap align="start" style={{ marginBottom: 12 }}>
        <Form.Item label="报表" style={{ marginBottom: 0 }}>
          <FormSelect forms={forms} value={formId} onChange={setFormId} data-testid="comp-form-select" />
        </Form.Item>
        <Form.Item label="单位" style={{ marginBottom: 0 }}>
          <UnitPicker
            value={unitId}
            onChange={setUnitId}
            placeholder="本人数据范围"
            style={{ width: 260 }}
            data-testid="comp-unit"
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
              { label: '今天', value: [dayjs(), dayjs()] },
              { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
              { label: '近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
            ]}
            data-testid="comp-range"
          />
        </Form.Item>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} data-testid="comp-refresh">
          刷新
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        上报率 = 实报 ÷ 应报，及时率 = 按时报 ÷ 应报（同 DHIS2 的 Reporting rate /
        Timeliness）；零报告计为已报；单位在报告期内新设或撤销的，只计其存续期间的应报数。
        {data && from && to
          ? ` 统计范围：${data.unitName ?? ''} ${periodLabel(from)}${from !== to ? ` 至 ${periodLabel(to)}` : ''}。`
          : ''}
      </Typography.Paragraph>
      {formsError ? <Alert type="error" showIcon message={errorText(formsError)} style={{ marginBottom: 12 }} /> : null}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="comp-error" />}
      {forms && forms.length === 0 && <Empty description="暂无报表" />}
      <Spin spinning={loading || forms === null}>
        <Row
          gutter={[12, 12]}
          data-testid="comp-cards"
          data-form={forms?.find((f) => f.id === data?.formId)?.name ?? ''}
          data-range={data ? `${data.from ?? ''}|${data.to ?? ''}` : ''}
        >
          {cards.map((c) => (
            <Col key={c.key} flex="1 1 150px">
              <Card size="small" className="cg-rep-card" data-testid={`comp-${c.key}`}>
                <Statistic
                  title={
                    <>
                      {c.title}{' '}
                      <Tooltip title={c.note}>
                        <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
                      </Tooltip>
                    </>
                  }
                  value={c.value}
                  suffix={typeof c.value === 'number' ? c.suffix : undefined}
                  valueStyle={{ color: c.color }}
                  valueRender={(node) => <span data-testid={`comp-${c.key}-value`}>{node}</span>}
                />
                <div className="cg-rep-card-note">{c.note}</div>
              </Card>
            </Col>
          ))}
        </Row>
        {data && (
          <Tabs
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'units',
                label: `按下级单位（${data.units.length}）`,
                children: (
                  <Table<UnitCompleteness>
                    size="small"
                    rowKey="unitId"
                    dataSource={data.units}
                    columns={unitColumns}
                    pagination={data.units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                    scroll={{ x: 'max-content' }}
                    locale={{ emptyText: '范围内没有需要报送的单位' }}
                    data-testid="comp-units-table"
                  />
                ),
              },
              {
                key: 'missing',
                label: <span data-testid="comp-missing-tab">缺报名单（{data.missingTotal}）</span>,
                children: (
                  <Table<MissingReport>
                    size="small"
                    rowKey={(r) => `${r.unitId}|${r.period}`}
                    dataSource={data.missing}
                    columns={missingColumns}
                    pagination={
                      data.missingTotal > MISSING_PAGE
                        ? {
                            current: missingPage,
                            pageSize: MISSING_PAGE,
                            total: data.missingTotal,
                            showSizeChanger: false,
                            onChange: (p) => void turnMissingPage(p),
                          }
                        : false
                    }
                    locale={{ emptyText: '全部已报送' }}
                    rowClassName={(r) => `comp-missing-row comp-missing-${r.period}`}
                    onRow={(r) =>
                      ({ 'data-unit': r.unitName, 'data-period': r.period }) as React.HTMLAttributes<HTMLElement>
                    }
                    data-testid="comp-missing-table"
                  />
                ),
              },
              {
                key: 'periods',
                label: `按报告期（${data.byPeriod.length}）`,
                children: (
                  <Table<PeriodCompleteness>
                    size="small"
                    rowKey="period"
                    dataSource={data.byPeriod}
                    columns={periodColumns}
                    pagination={false}
                    data-testid="comp-periods-table"
                  />
                ),
              },
            ]}
          />
        )}
      </Spin>
    </Card>
  );
}
