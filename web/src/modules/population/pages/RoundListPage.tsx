import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate } from '../../../lib/format-time';
import type { Round } from '../api';
import { CoverageBar } from '../components/CoverageBar';
import { RoundFormModal } from '../components/RoundFormModal';
import { PHASE_COLORS, ROUND_PHASE_NAMES } from '../labels';
import { useRounds } from '../use-rounds';
import '../population.css';

/** 敲门行动: the rounds in my scope with their window and how far the door-knocking has got. */
export default function RoundListPage() {
  const { can } = useAuth();
  const me = useMe();
  const navigate = useNavigate();
  const rounds = useRounds();
  const [creating, setCreating] = useState(false);

  return (
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
  );
}
