import { Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import type { Completeness, MissingReport, PeriodCompleteness, RemindersSent, UnitCompleteness } from '../api';
import { percent, periodLabel, rateColor } from '../labels';
import { MISSING_PAGE } from '../use-completeness';
import { NotDueTable } from './NotDueTable';
import { RemindAllButton } from './RemindAllButton';
import { formatDateTime } from '../../../lib/format-time';

type Rates = { reportingRate: number | null; timeliness: number | null };
const byRate = (k: keyof Rates) => (a: Rates, b: Rates) => (a[k] ?? -1) - (b[k] ?? -1);

function RateText({ v, testId }: { v: number | null; testId?: string }) {
  return (
    <span style={{ color: rateColor(v), fontWeight: 500 }} data-testid={testId}>
      {percent(v)}
    </span>
  );
}

/** The figures by sub-unit, the missing list (paged by the server) and by period. */
export function CompletenessTabs({
  data,
  missingPage,
  onMissingPage,
  remind,
}: {
  data: Completeness;
  missingPage: number;
  onMissingPage: (page: number) => void;
  /** 一键催报, for those who may send it. */
  remind: { sending: boolean; result: RemindersSent | null; onSend(): void; rangeText: string } | null;
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
    { title: '未到期', dataIndex: 'notDue', key: 'notDue', align: 'right' as const },
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
    { title: '未到期', dataIndex: 'notDue', key: 'notDue', align: 'right' as const },
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
      render: (d: string) => formatDateTime(d),
    },
    { title: '状态', key: 'state', render: () => <Tag color="red">缺报</Tag> },
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
            <>
              {remind && (
                <RemindAllButton
                  missing={data.missingTotal}
                  notDue={data.notDue}
                  rangeText={remind.rangeText}
                  sending={remind.sending}
                  result={remind.result}
                  onSend={remind.onSend}
                />
              )}
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
                onRow={(r) =>
                  ({ 'data-unit': r.unitName, 'data-period': r.period }) as React.HTMLAttributes<HTMLElement>
                }
                data-testid="comp-missing-table"
              />
            </>
          ),
        },
        {
          key: 'notDue',
          label: <span data-testid="comp-notdue-tab">未到期（{data.notDue}）</span>,
          children: (
            <NotDueTable formId={data.formId} unitId={data.unitId} from={data.from} to={data.to} total={data.notDue} />
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
