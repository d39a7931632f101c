import { CheckCircleOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { MEASURE_STATUS_COLORS, TASK_STATUS_LABELS } from '../plan-labels';
import type { BattleMap, MeasureView } from '../plans-api';
import { MeasureModal } from './MeasureModal';
import { PlanStarsModal } from './PlanStarsModal';
import { TickOffModal } from './TickOffModal';

/**
 * 作战图: per star the measures done (已销号), behind (逾期/滞后) and on track, and the measures as a
 * checklist with owner, deadline, progress and evidence; 对账销号 reports 100 % with evidence.
 */
export function BattleMapSection({ map }: { map: BattleMap }) {
  const [editingStars, setEditingStars] = useState(false);
  const [adding, setAdding] = useState(false);
  const [ticking, setTicking] = useState<MeasureView | null>(null);
  const keep = map.can.keep;
  const starName = new Map(map.stars.map((s) => [s.key, s.name]));
  const columns: TableColumnsType<MeasureView> = [
    {
      title: '措施',
      key: 'title',
      render: (_: unknown, m) => (
        <Space direction="vertical" size={0}>
          <Link to={`/tasks/${m.taskId}`}>{m.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {starName.get(m.starKey) ?? m.starKey}
            {m.team ? ` · ${m.team.name}` : ''}
            {m.leadUnit.id !== map.branch.id ? ` · 牵头：${m.leadUnit.name}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '责任人', dataIndex: 'ownerName', width: 90 },
    { title: '完成时限', dataIndex: 'deadline', width: 100 },
    {
      title: '进度',
      key: 'progress',
      width: 120,
      render: (_: unknown, m) => <Progress percent={Math.round(m.progress)} size="small" style={{ margin: 0 }} />,
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_: unknown, m) => (
        <StatusTag
          status={m.status}
          colors={MEASURE_STATUS_COLORS}
          names={TASK_STATUS_LABELS}
          data-testid="measure-status"
        />
      ),
    },
    { title: '佐证', dataIndex: 'evidenceCount', width: 60, align: 'right' },
    ...(keep
      ? [
          {
            title: '',
            key: 'act',
            width: 90,
            render: (_: unknown, m: MeasureView) =>
              m.status !== 'done' && m.leadUnit.id === map.branch.id ? (
                <Button
                  size="small"
                  icon={<CheckCircleOutlined />}
                  onClick={() => setTicking(m)}
                  data-testid="tick-off"
                >
                  报进度
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={`${map.year} 年作战图`}
      data-testid="battle-map"
      extra={
        keep && (
          <Space>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditingStars(true)} data-testid="edit-stars">
              争创目标
            </Button>
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              disabled={!map.plan || map.plan.stars.length === 0}
              onClick={() => setAdding(true)}
              data-testid="add-measure"
            >
              新增措施
            </Button>
          </Space>
        )
      }
    >
      {!map.plan ? (
        <Empty description={`尚未制定 ${map.year} 年作战图`} />
      ) : (
        <>
          {map.plan.note && <Typography.Paragraph type="secondary">{map.plan.note}</Typography.Paragraph>}
          <Space wrap size={8} style={{ marginBottom: 12 }} data-testid="star-progress">
            {map.stars.map((s) => (
              <Card key={s.key} size="small" style={{ width: 200 }} styles={{ body: { padding: 10 } }}>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space>
                    <Typography.Text strong>★ {s.name}</Typography.Text>
                    {!s.targeted && <Tag>未列入目标</Tag>}
                  </Space>
                  <Typography.Text style={{ fontSize: 12 }}>
                    措施 {s.total} 项：<Typography.Text type="success">销号 {s.done}</Typography.Text>，
                    <Typography.Text type={s.behind ? 'danger' : 'secondary'}>逾期/滞后 {s.behind}</Typography.Text>
                    ，正常 {s.onTrack}
                  </Typography.Text>
                  <Progress
                    percent={s.total ? Math.round((100 * s.done) / s.total) : 0}
                    success={{ percent: s.total ? Math.round((100 * s.done) / s.total) : 0 }}
                    size="small"
                    showInfo={false}
                    style={{ margin: 0 }}
                  />
                </Space>
              </Card>
            ))}
          </Space>
          <Table
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={map.measures}
            pagination={false}
            data-testid="measure-table"
          />
        </>
      )}
      <PlanStarsModal map={map} open={editingStars} onClose={() => setEditingStars(false)} />
      <MeasureModal map={map} open={adding} onClose={() => setAdding(false)} />
      <TickOffModal measure={ticking} onClose={() => setTicking(null)} />
    </Card>
  );
}
