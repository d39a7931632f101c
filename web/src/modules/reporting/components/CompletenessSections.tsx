import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Completeness, MissingReport, PeriodCompleteness, UnitCompleteness } from '../api';
import { percent, periodLabel, rateColor } from '../labels';
import { MISSING_PAGE } from '../use-completeness';

type Rates = { reportingRate: number | null; timeliness: number | null };
const byRate = (k: keyof Rates) => (a: Rates, b: Rates) => (a[k] ?? -1) - (b[k] ?? -1);

function RateText({ v, testId }: { v: number | null; testId?: string }) {
  return (
    <span style={{ color: rateColor(v), fontWeight: 500 }} data-testid={testId}>
      {percent(v)}
    </span>
  );
}

/** 应报、实报、按时报、零报告、缺报、上报率、及时率 as cards, each with how it is counted. */
export function CompletenessCards({ data, formName }: { data: Completeness | null; formName: string }) {
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

  return (
    <Row
      gutter={[12, 12]}
      data-testid="comp-cards"
      data-form={formName}
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
  );
}

/** The figures by sub-unit, the missing list (paged by the server) and by period. */
export function CompletenessTabs({
  data,
  missingPage,
  onMissingPage,
}: {
  data: Completeness;
  missingPage: number;
  onMissingPage: (page: number) => void;
}) {
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
                      onChange: onMissingPage,
                    }
                  : false
              }
              locale={{ emptyText: '全部已报送' }}
              rowClassName={(r) => `comp-missing-row comp-missing-${r.period}`}
              onRow={(r) => ({ 'data-unit': r.unitName, 'data-period': r.period }) as React.HTMLAttributes<HTMLElement>}
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
  );
}
