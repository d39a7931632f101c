import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate } from '../../../lib/format-time';
import type { KnockedQuery, Round } from '../api';
import { CoverageBar } from '../components/CoverageBar';
import { KnockedHouseholdsCard } from '../components/KnockedHouseholdsCard';
import { RoundFormModal } from '../components/RoundFormModal';
import { PHASE_COLORS, ROUND_PHASE_NAMES, VISIT_RESULTS, type VisitResult } from '../labels';
import { useRounds } from '../use-rounds';
import '../population.css';

/** 敲门行动: the rounds in my scope with their window and how far the door-knocking has got. */
export default function RoundListPage() {
  const { can } = useAuth();
  const me = useMe();
  const navigate = useNavigate();
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);
  // /door-knocking?unitId=&from=&to=[&result=verified]: the dashboard's 敲门入户数 of an area and
  // period opens the households knocked then, above the rounds.
  const [params, setParams] = useSearchParams();
  const knocked = knockedQueryOf(params);
  const setKnocked = (patch: Partial<KnockedQuery>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {knocked && (
        <KnockedHouseholdsCard
          query={knocked}
          onChange={setKnocked}
          onClose={() => setParams(new URLSearchParams(), { replace: true })}
        />
      )}
      <Card
        title="敲门行动"
        data-testid="rounds-page"
        extra={
          can('doorknock.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
              发起敲门行动
            </Button>
          )
        }
      >
        <ErrorAlert error={rounds.error} style={{ marginBottom: 12 }} />
        <Table<Round>
          rowKey="id"
          size="middle"
          loading={rounds.loading}
          dataSource={rounds.data?.items ?? []}
          pagination={{ defaultPageSize: 20, showTotal: (t) => `共 ${t} 轮` }}
          data-testid="round-table"
          locale={{ emptyText: '暂无敲门行动' }}
          onRow={(r) => ({ onClick: () => navigate(`/door-knocking/${r.id}`), className: 'cg-pop-clickable' })}
          columns={[
            {
              title: '名称',
              dataIndex: 'name',
              ellipsis: true,
              render: (n: string, r) => <Link to={`/door-knocking/${r.id}`}>{n}</Link>,
            },
            {
              title: '状态',
              dataIndex: 'phase',
              width: 90,
              render: (p: Round['phase']) => <Tag color={PHASE_COLORS[p]}>{ROUND_PHASE_NAMES[p]}</Tag>,
            },
            {
              title: '起止日期',
              key: 'window',
              width: 200,
              render: (_, r) => `${formatDate(r.startsOn)} 至 ${formatDate(r.endsOn)}`,
            },
            { title: '范围', key: 'scope', width: 180, ellipsis: true, render: (_, r) => r.scope.name },
            {
              title: '已走访 / 户数',
              key: 'count',
              width: 130,
              align: 'right',
              render: (_, r) => (
                <Typography.Text>
                  {r.coverage.visited} / {r.coverage.households}
                </Typography.Text>
              ),
            },
            { title: '走访率', key: 'rate', width: 200, render: (_, r) => <CoverageBar rate={r.coverage.rate} /> },
            { title: '发起人', dataIndex: 'createdByName', width: 100, ellipsis: true },
          ]}
        />
        <RoundFormModal
          open={creating}
          defaultScopeId={me.unitId}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`/door-knocking/${id}`);
          }}
        />
      </Card>
    </Space>
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period list's filters from the address, or null when the address names no period. */
function knockedQueryOf(p: URLSearchParams): KnockedQuery | null {
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  if (!DAY.test(from) || !DAY.test(to)) return null;
  const result = p.get('result') as VisitResult | null;
  return {
    from,
    to,
    unitId: p.get('unitId') || undefined,
    result: result && VISIT_RESULTS.includes(result) ? result : undefined,
  };
}
