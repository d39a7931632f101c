import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { useApiQuery } from '../../../lib/query';
import { MEASURE_STATUS_COLORS, TASK_STATUS_LABELS, TEAM_MEMBER_KIND_LABELS, TEAM_ROLE_LABELS } from '../plan-labels';
import { plansApi, type TeamDetail, type TeamSummary } from '../plans-api';
import { TeamModal } from './TeamModal';

/** 聚力团 of a branch (or all in scope): members by role, grids covered, measures taken on. */
export function TeamSection({ branchId, canKeep }: { branchId?: string; canKeep: boolean }) {
  const list = useApiQuery(['stars', 'teams', branchId ?? null], (signal) => plansApi.teams(branchId, signal));
  const [editing, setEditing] = useState<TeamDetail | 'new' | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Card
      size="small"
      title="聚力团"
      data-testid="team-section"
      extra={
        canKeep && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-team">
            组建聚力团
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Empty description="尚无聚力团" />
      ) : (
        <Collapse
          size="small"
          items={items.map((t) => ({
            key: t.id,
            label: <TeamLabel t={t} />,
            children: <TeamBodyView id={t.id} onEdit={setEditing} />,
          }))}
        />
      )}
      {editing && (
        <TeamModal
          team={editing === 'new' ? null : editing}
          branchIds={branchId ? [branchId] : []}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function TeamLabel({ t }: { t: TeamSummary }) {
  return (
    <Space wrap size={6}>
      <Typography.Text strong>{t.name}</Typography.Text>
      <Typography.Text type="secondary">团长 {t.leaderName}</Typography.Text>
      <Tag>成员 {t.memberCount} 人</Tag>
      {Object.entries(t.roleCounts).map(([role, n]) => (
        <Tag key={role} color="red">
          {TEAM_ROLE_LABELS[role as keyof typeof TEAM_ROLE_LABELS] ?? role} {n}
        </Tag>
      ))}
      <Tag>网格 {t.gridCount}</Tag>
      <Tag>
        承担措施 {t.measureCount}（销号 {t.measuresDone}）
      </Tag>
      {t.branches.length > 1 && <Tag color="blue">跨支部：{t.branches.map((b) => b.name).join('、')}</Tag>}
    </Space>
  );
}

function TeamBodyView({ id, onEdit }: { id: string; onEdit: (t: TeamDetail) => void }) {
  const team = useApiQuery(['stars', 'team', id], (signal) => plansApi.team(id, signal));
  const t = team.data;
  if (!t) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      {t.can.keep && (
        <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(t)} data-testid="edit-team">
          修改
        </Button>
      )}
      {t.grids.length > 0 && (
        <Typography.Text style={{ fontSize: 12 }}>覆盖网格：{t.grids.map((g) => g.name).join('、')}</Typography.Text>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={t.members}
        columns={[
          { title: '成员', dataIndex: 'name', width: 120 },
          { title: '身份', key: 'role', width: 100, render: (_: unknown, m) => TEAM_ROLE_LABELS[m.role] },
          { title: '类别', key: 'kind', width: 90, render: (_: unknown, m) => TEAM_MEMBER_KIND_LABELS[m.kind] },
          { title: '联系电话', key: 'phone', width: 120, render: (_: unknown, m) => m.phone ?? '—' },
          { title: '负责网格', key: 'grid', width: 210, render: (_: unknown, m) => m.grid?.name ?? '—' },
        ]}
        data-testid="team-members"
      />
      {t.measures.length > 0 && (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={t.measures}
          columns={[
            {
              title: '承担的作战图措施',
              key: 't',
              render: (_: unknown, m) => <Link to={`/tasks/${m.taskId}`}>{m.title}</Link>,
            },
            { title: '党支部', key: 'b', width: 150, render: (_: unknown, m) => m.branch.name },
            { title: '责任人', dataIndex: 'ownerName', width: 90 },
            { title: '完成时限', dataIndex: 'deadline', width: 100 },
            {
              title: '状态',
              key: 's',
              width: 90,
              render: (_: unknown, m) => (
                <StatusTag status={m.status} colors={MEASURE_STATUS_COLORS} names={TASK_STATUS_LABELS} />
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
