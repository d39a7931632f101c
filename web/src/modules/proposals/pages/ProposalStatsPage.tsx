import { Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { UnitPicker } from '../../../components/UnitPicker';
import { errorText } from '../../../lib/api';
import { proposalsApi, type ProposalStats, type YearStats } from '../api';
import { percent, rateColor } from '../labels';
import { useApiQuery } from '../../../lib/query';
import { ErrorAlert } from '../../../components/ErrorAlert';

const thisYear = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

function Rate({ v }: { v: number | null }) {
  return <span style={{ color: rateColor(v), fontWeight: 500 }}>{percent(v)}</span>;
}

export default function ProposalStatsPage() {
  // Year, 截至 day and area live in the address: the dashboard's proposal rates of an area and period
  // open here as /proposals/stats?year=…&asOf=…&unitId=… (the year the period ends in, as of its end).
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const asOf = params.get('asOf') || undefined;
  const unitId = params.get('unitId') || undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const list = useApiQuery(['proposals', 'list', { year: thisYear }], (signal) =>
    proposalsApi.list({ year: thisYear }, signal),
  );
  const years = [...new Set([thisYear, ...(list.data?.years ?? [])])].sort((a, b) => b - a);
  const stats = useApiQuery(['proposals', 'stats', year, asOf, unitId], (signal) =>
    proposalsApi.stats({ year, asOf, unitId }, signal),
  );
  const data: ProposalStats | null = stats.data ?? null;
  const error = stats.error ? errorText(stats.error) : null;

  const cards = data
    ? [
        {
          key: 'proposals',
          title: '提案总数',
          value: data.proposals,
          suffix: '件',
          note: `其中落实型 ${data.implementationProposals} 件`,
        },
        {
          key: 'onTime',
          title: '按时答复率',
          value: percent(data.onTimeReplyRate),
          color: rateColor(data.onTimeReplyRate),
          note: `按时答复 ${data.repliedOnTime} ÷ 应答复 ${data.repliesDue}`,
        },
        {
          key: 'impl',
          title: '落实率',
          value: percent(data.implementationRate),
          color: rateColor(data.implementationRate),
          note: `已完成 ${data.commitmentsDone} ÷ 落实事项 ${data.commitments}`,
        },
        {
          key: 'sat',
          title: '满意率',
          value: percent(data.satisfactionRate),
          color: rateColor(data.satisfactionRate),
          note: `满意和基本满意 ${data.satisfiedOrBasically} ÷ 已评价 ${data.rated}`,
        },
      ]
    : [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="提案办理年度统计"
        extra={
          <Space wrap>
            <UnitPicker
              value={unitId}
              onChange={(v) => set({ unitId: v })}
              placeholder="全部承办单位"
              style={{ width: 200 }}
              data-testid="proposal-stats-unit"
            />
            <DatePicker
              value={asOf ? dayjs(asOf) : null}
              onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
              placeholder="截至今日"
              format="截至 YYYY-MM-DD"
              style={{ width: 170 }}
              data-testid="proposal-stats-as-of"
            />
            <Select
              style={{ width: 110 }}
              value={year}
              onChange={(y) => set({ year: String(y) })}
              options={years.map((y) => ({ value: y, label: `${y} 年` }))}
            />
          </Space>
        }
      >
        {error && <ErrorAlert error={error} />}
        <Row gutter={[16, 16]} data-testid="proposal-stats">
          {cards.map((c) => (
            <Col key={c.key} xs={12} lg={6}>
              <Card size="small">
                <Statistic title={c.title} value={c.value} suffix={c.suffix} valueStyle={{ color: c.color }} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.note}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
        {data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            截至 {data.asOf}。按时答复以首次交办的答复期限为准；满意率按每件提案的最近一次评价计算。
            答复类别（按最近一次答复）：A 类（解决或采纳）{data.byReplyClass.A} 件，B 类（列入计划拟解决）
            {data.byReplyClass.B} 件，C 类（留作参考）{data.byReplyClass.C} 件。
          </Typography.Paragraph>
        )}
      </Card>
      <Card title="按主办单位">
        <Table<YearStats & { unitId: string; name: string }>
          rowKey="unitId"
          size="middle"
          pagination={false}
          dataSource={data?.byMainHandler ?? []}
          columns={[
            { title: '主办单位', dataIndex: 'name', key: 'name' },
            { title: '提案数', dataIndex: 'proposals', key: 'proposals', align: 'right' as const },
            { title: '应答复', dataIndex: 'repliesDue', key: 'due', align: 'right' as const },
            { title: '按时答复', dataIndex: 'repliedOnTime', key: 'ontime', align: 'right' as const },
            {
              title: '按时答复率',
              dataIndex: 'onTimeReplyRate',
              key: 'r1',
              align: 'right' as const,
              render: (v: number | null) => <Rate v={v} />,
            },
            {
              title: '落实事项',
              key: 'c',
              align: 'right' as const,
              render: (_: unknown, r) => `${r.commitmentsDone}/${r.commitments}`,
            },
            {
              title: '落实率',
              dataIndex: 'implementationRate',
              key: 'r2',
              align: 'right' as const,
              render: (v: number | null) => <Rate v={v} />,
            },
            {
              title: '满意率',
              dataIndex: 'satisfactionRate',
              key: 'r3',
              align: 'right' as const,
              render: (v: number | null) => <Rate v={v} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
