import { Card, DatePicker, Progress, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { measuresApi, type CompletenessReport } from '../api';
import { rateText } from '../labels';

type Row = CompletenessReport['rows'][number];

/** A period of days, both inclusive; none: every follow-up to date. */
export interface CompletenessPeriod {
  from: string;
  to: string;
}

/**
 * Follow-up completeness (已见到 ÷ 应随访) per community under a unit, with the total: of the follow-ups
 * on a period's days when one is chosen (the dashboard's 随访完成率 opens here with its period), else
 * of every follow-up to date. The period is the page address's; clearing it returns to 截至今日.
 */
export function CompletenessCard({
  unitId,
  period,
  onPeriodChange,
}: {
  unitId?: string;
  period?: CompletenessPeriod;
  onPeriodChange: (p: CompletenessPeriod | undefined) => void;
}) {
  const report = useApiQuery(
    ['measures', 'completeness', unitId ?? '', period?.from ?? '', period?.to ?? ''],
    (signal) => measuresApi.completeness({ unitId, from: period?.from, to: period?.to }, signal),
  );
  const t = report.data?.total;
  const d = report.data;
  return (
    <Card
      size="small"
      title={
        <Space size={8} wrap>
          <span>
            随访完成率
            {d ? `（${d.unit.name}，${d.from && d.to ? `${d.from} 至 ${d.to} 的随访` : `截至 ${d.asOf}`}）` : ''}
          </span>
          <DatePicker.RangePicker
            size="small"
            placeholder={['全部随访', '截至今日']}
            value={period ? [dayjs(period.from), dayjs(period.to)] : null}
            onChange={(r) =>
              onPeriodChange(
                r?.[0] && r[1] ? { from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') } : undefined,
              )
            }
            data-testid="measure-completeness-period"
          />
        </Space>
      }
      data-testid="measure-completeness"
      extra={
        t && (
          <Typography.Text>
            在管 <b>{t.open}</b> 人 · 应随访 {t.due} 次 · 已见到 {t.seen} 次 · 未见到 {t.missed} 次 · 完成率{' '}
            <b data-testid="measure-completeness-rate">{rateText(t.seen, t.due)}</b>
          </Typography.Text>
        )
      }
    >
      <ErrorAlert error={report.error} />
      <Table<Row>
        rowKey="unitId"
        size="small"
        loading={report.loading}
        dataSource={(report.data?.rows ?? []).filter((r) => r.measures > 0)}
        pagination={false}
        scroll={{ y: 150 }}
        locale={{ emptyText: '暂无居家措施' }}
        columns={[
          { title: '社区', dataIndex: 'unitName', key: 'name', width: 140 },
          { title: '在管人数', dataIndex: 'open', key: 'open', width: 90 },
          { title: '措施总数', dataIndex: 'measures', key: 'measures', width: 90 },
          { title: '应随访', dataIndex: 'due', key: 'due', width: 80 },
          { title: '已见到', dataIndex: 'seen', key: 'seen', width: 80 },
          { title: '未见到', dataIndex: 'missed', key: 'missed', width: 80 },
          {
            title: '完成率',
            key: 'rate',
            render: (_: unknown, r) =>
              r.due ? (
                <Progress
                  percent={Math.round((r.seen / r.due) * 1000) / 10}
                  size="small"
                  status={r.seen < r.due ? 'exception' : 'success'}
                  format={() => rateText(r.seen, r.due)}
                  style={{ width: 200 }}
                />
              ) : (
                <Typography.Text type="secondary">尚无应随访</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
