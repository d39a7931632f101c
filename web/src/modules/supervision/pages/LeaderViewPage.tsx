import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { supervisionApi, type SupervisedProposal, type TaskStatus } from '../api';
import { NoticeList } from '../components/NoticeList';
import { TaskTable } from '../components/TaskTable';
import { STATUS_HEX, STATUS_ORDER, TASK_STATUS_LABELS } from '../labels';
import '../supervision.css';

/** 领导视图: the tasks I lead (滞后、逾期 first), the open 督办 on them, and the key proposals I supervise. */
export default function LeaderViewPage() {
  const [status, setStatus] = useState<TaskStatus | null>(null);
  const view = useApiQuery(['supervision', 'leader-view'], (signal) => supervisionApi.leaderView(signal));
  // The proposals module may not be there yet: its card shows only when the call answers.
  const supervised = useApiQuery(['supervision', 'supervised-proposals'], (signal) =>
    supervisionApi.supervisedProposals(signal),
  );
  const invalidate = useInvalidate();
  const load = () => invalidate(['supervision', 'leader-view'], ['supervision', 'supervised-proposals']);
  const data = view.data ?? null;
  const proposals: SupervisedProposal[] | null = supervised.error ? null : (supervised.data ?? null);
  const loading = view.loading;

  const tasks = data ? (status ? data.tasks.filter((t) => t.status === status) : data.tasks) : [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="leader-view-page">
      <Card
        title="我牵头的任务"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        }
      >
        <ErrorAlert error={view.error} style={{ marginBottom: 16 }} />
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {STATUS_ORDER.map((s) => (
            <Col key={s} xs={12} md={6}>
              <Card
                size="small"
                className={`cg-sv-stat${status === s ? ' is-active' : ''}`}
                onClick={() => setStatus(status === s ? null : s)}
                data-testid={`leader-count-${s}`}
              >
                <Statistic
                  title={TASK_STATUS_LABELS[s]}
                  value={data?.counts[s] ?? 0}
                  valueStyle={{ color: STATUS_HEX[s] }}
                  suffix="项"
                  loading={loading && !data}
                />
              </Card>
            </Col>
          ))}
        </Row>
        {status && (
          <Typography.Paragraph type="secondary">
            仅显示「{TASK_STATUS_LABELS[status]}」的任务，
            <a onClick={() => setStatus(null)}>显示全部</a>
          </Typography.Paragraph>
        )}
        <TaskTable items={tasks} loading={loading} emptyText="您没有牵头的任务" data-testid="leader-task-table" />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={proposals ? 12 : 24}>
          <Card title={`待答复的督办（${data?.notices.length ?? 0}）`} data-testid="leader-notices">
            <NoticeList notices={data?.notices ?? []} emptyText="没有待答复的督办" />
          </Card>
        </Col>
        {proposals && (
          <Col xs={24} lg={12}>
            <Card title="我督办的重点提案" data-testid="leader-proposals">
              {proposals.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无督办的重点提案" />
              ) : (
                <List
                  dataSource={proposals}
                  renderItem={(p) => (
                    <List.Item data-testid="leader-proposal">
                      <Space direction="vertical" size={2}>
                        <Space wrap size={6}>
                          {p.number && <Typography.Text className="cg-mono">{p.number}</Typography.Text>}
                          <Link to={`/proposals/${p.id}`}>{p.title}</Link>
                          {p.statusName && <Tag>{p.statusName}</Tag>}
                          {p.kindName && <Tag bordered={false}>{p.kindName}</Tag>}
                        </Space>
                        <Space wrap size={12}>
                          {p.mainHandlers && p.mainHandlers.length > 0 && (
                            <Typography.Text type="secondary">
                              主办：{p.mainHandlers.map((h) => h.name).join('、')}
                            </Typography.Text>
                          )}
                          {p.replyDeadline && (
                            <Typography.Text type={p.replyOverdue ? 'danger' : 'secondary'}>
                              答复期限 {p.replyDeadline}
                              {p.replyOverdue ? '（已逾期）' : ''}
                            </Typography.Text>
                          )}
                          {!!p.commitments && (
                            <Typography.Text type="secondary">
                              落实事项 {p.commitmentsDone ?? 0}/{p.commitments}
                            </Typography.Text>
                          )}
                        </Space>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  );
}
