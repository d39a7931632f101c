import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiMutation, useApiQuery } from '../../../lib/query';
import { campaignsApi, type CampaignDetail } from '../api';
import { LinkCaseSelect } from '../components/LinkCaseSelect';
import { useCategories } from '../components/useCategories';
import { CAMPAIGN_KIND_NAMES, CAMPAIGN_UNIT_ROLE_NAMES, CASE_STATUS_NAMES, qty } from '../labels';

type CaseRow = CampaignDetail['cases'][number];
type QuantityRow = CampaignDetail['quantities'][number];

export default function CampaignDetailPage() {
  const { id = '' } = useParams();
  const detail = useApiQuery(['campaigns', 'detail', id], (signal) => campaignsApi.get(id, signal));
  const categories = useCategories();
  const link = useApiMutation((caseId: string) => campaignsApi.linkCase(id, caseId), {
    successMessage: '已关联',
    invalidates: [['campaigns']],
  });
  const c = detail.data;
  if (!c) return <Card loading={detail.loading}>{<ErrorAlert error={detail.error} />}</Card>;
  const byRole = (role: 'participant' | 'paired') =>
    c.units.filter((u) => u.role === role).map((u) => <Tag key={u.unitId}>{u.unitName}</Tag>);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card title={<span data-testid="campaign-title">{c.title}</span>} extra={<Link to="/campaigns">返回列表</Link>}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="类型">{CAMPAIGN_KIND_NAMES[c.kind]}</Descriptions.Item>
          <Descriptions.Item label="范围">{c.scopeUnitName}</Descriptions.Item>
          <Descriptions.Item label="期间">
            {c.startDay === c.endDay ? c.startDay : `${c.startDay} 至 ${c.endDay}`}
          </Descriptions.Item>
          <Descriptions.Item label={CAMPAIGN_UNIT_ROLE_NAMES.paired}>
            {byRole('paired').length ? byRole('paired') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={CAMPAIGN_UNIT_ROLE_NAMES.participant}>
            {byRole('participant').length ? byRole('participant') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="志愿者">
            {c.volunteerCount} 人{c.volunteerNames.length ? `（${c.volunteerNames.join('、')}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="问题类别">
            {c.categories.map(categories.nameOf).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="说明" span={2}>
            {c.note ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="工作量" size="small">
        <Table<QuantityRow>
          rowKey="indicatorId"
          size="small"
          pagination={false}
          dataSource={c.quantities}
          locale={{ emptyText: '暂无录入（在“录入工作量”中选择本活动录入）' }}
          columns={[
            { title: '指标', dataIndex: 'name' },
            {
              title: '数量',
              key: 'total',
              align: 'right',
              render: (_: unknown, r) => `${qty(r.total)} ${r.measureUnit}`,
            },
            { title: '录入条数', dataIndex: 'entries', align: 'right', width: 100 },
          ]}
          data-testid="campaign-quantities"
        />
      </Card>
      <Card
        title={`关联问题（${c.cases.length}）`}
        size="small"
        extra={
          c.canManage && (
            <LinkCaseSelect
              scopeUnitId={c.scopeUnitId}
              busy={link.isPending}
              onLink={(caseId) => link.mutate(caseId)}
            />
          )
        }
      >
        <ErrorAlert error={link.error} style={{ marginBottom: 8 }} />
        <Table<CaseRow>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10 }}
          dataSource={c.cases}
          columns={[
            {
              title: '编号',
              key: 'no',
              width: 190,
              // One line: a case number (411602-20261207-0007) is read whole.
              render: (_: unknown, r) => (
                <Link to={`/cases/${r.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {r.caseNumber}
                </Link>
              ),
            },
            { title: '类别', key: 'cat', width: 120, render: (_: unknown, r) => categories.nameOf(r.categoryCode) },
            { title: '描述', dataIndex: 'description' },
            {
              title: '状态',
              key: 'status',
              width: 110,
              render: (_: unknown, r) => (
                <Typography.Text type={r.closed ? 'success' : undefined}>
                  {CASE_STATUS_NAMES[r.status as keyof typeof CASE_STATUS_NAMES] ?? '—'}
                </Typography.Text>
              ),
            },
          ]}
          data-testid="campaign-cases"
        />
      </Card>
    </Space>
  );
}
