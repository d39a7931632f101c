import {
  ArrowLeftOutlined,
  BellOutlined,
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  ForkOutlined,
  FormOutlined,
  ReloadOutlined,
  StarOutlined,
} from '@ant-design/icons';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Image,
  Popconfirm,
  Progress,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TaskDetail } from '../api';
import { cadenceText, formatTime, STATUS_HEX, TASK_KIND_LABELS, TASK_SOURCE_LABELS } from '../labels';
import type { TaskFormPreset } from './TaskFormDrawer';
import { StatusReasons, TaskStatusTag } from './TaskTags';

/** The task's title, status and why, its facts, and the actions the account may take on it. */
export function TaskHeaderCard({
  t,
  loading,
  onReload,
  onBack,
  onReport,
  onNotice,
  onMark,
  onDecompose,
  extraActions,
}: {
  t: TaskDetail;
  loading: boolean;
  onReload: () => void;
  onBack: () => void;
  onReport: () => void;
  onNotice: () => void;
  onMark: () => void;
  onDecompose: () => void;
  /** Actions of other modules on the task (批示). */
  extraActions?: ReactNode;
}) {
  return (
    <Card
      title={
        <Space direction="vertical" size={2} style={{ whiteSpace: 'normal' }}>
          <Breadcrumb
            items={[
              { title: <Link to="/supervision/tasks">任务看板</Link> },
              ...t.ancestors.map((a) => ({ title: <Link to={`/supervision/tasks/${a.id}`}>{a.title}</Link> })),
            ]}
          />
          <Space size={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="task-title">
              {t.title}
            </Typography.Title>
            <TaskStatusTag status={t.status} />
            {t.kind === 'key_project' && <Tag color="gold">{TASK_KIND_LABELS.key_project}</Tag>}
          </Space>
          <StatusReasons status={t.status} reasons={t.statusReasons} />
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            返回
          </Button>
          <Button icon={<ReloadOutlined />} onClick={onReload} loading={loading} aria-label="刷新" />
          {extraActions}
          {t.can.report && (
            <Button type="primary" icon={<FormOutlined />} onClick={onReport} data-testid="task-report-button">
              报送进度
            </Button>
          )}
          {t.can.notice && (
            <Button danger icon={<BellOutlined />} onClick={onNotice} data-testid="task-notice-button">
              督办 / 催办
            </Button>
          )}
          {t.can.decompose && (
            <Button icon={<ForkOutlined />} onClick={onDecompose} data-testid="task-decompose-button">
              任务分解
            </Button>
          )}
          {t.can.mark && (
            <Button icon={<StarOutlined />} onClick={onMark} data-testid="task-mark-button">
              质量评价
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={24}>
        <Col xs={24} md={6} style={{ textAlign: 'center' }}>
          <Progress
            type="dashboard"
            percent={Math.round(t.progress)}
            strokeColor={STATUS_HEX[t.status]}
            status={t.status === 'done' ? 'success' : 'normal'}
            data-testid="task-detail-progress"
          />
          <div>
            <Typography.Text type="secondary">{t.subTaskCount > 0 ? '子任务加权汇总进度' : '完成进度'}</Typography.Text>
          </div>
        </Col>
        <Col xs={24} md={18}>
          <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
            <Descriptions.Item label="来源" span={2}>
              {TASK_SOURCE_LABELS[t.source] ?? t.source}
              {t.meeting && (
                <>
                  ：
                  <Link to={`/supervision/meetings/${t.meeting.id}`} data-testid="task-meeting-link">
                    {t.meeting.title}（{t.meeting.heldOn}）
                  </Link>
                </>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="牵头领导">{t.leadLeader?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="牵头单位">{t.leadUnit.name}</Descriptions.Item>
            <Descriptions.Item label="配合单位">
              {t.cooperatingUnits.map((u) => u.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="起止日期">
              <span className="cg-mono">
                {t.start} 至 <span className={t.status === 'overdue' ? 'cg-sv-overdue' : undefined}>{t.deadline}</span>
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="报送要求">{cadenceText(t.cadence)}</Descriptions.Item>
            {t.completedOn && <Descriptions.Item label="完成日期">{t.completedOn}</Descriptions.Item>}
            {t.weight != null && <Descriptions.Item label="权重">{t.weight}</Descriptions.Item>}
          </Descriptions>
          {t.description && (
            <div className="cg-sv-quote" style={{ marginTop: 8 }}>
              {t.description}
            </div>
          )}
        </Col>
      </Row>
    </Card>
  );
}

/** 时间节点: each milestone with its due date, and 标记完成 for the units that owe it. */
export function MilestonesCard({
  t,
  completing,
  onComplete,
}: {
  t: TaskDetail;
  /** The milestone being marked done. */
  completing: string | null;
  onComplete: (milestoneId: string) => void;
}) {
  return (
    <Card title="时间节点" size="small" data-testid="task-milestones" style={{ marginBottom: 16 }}>
      {t.milestones.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未设时间节点" />
      ) : (
        <Timeline
          style={{ marginTop: 12 }}
          items={t.milestones.map((m) => ({
            color: m.missed ? 'red' : m.doneOn ? 'green' : 'blue',
            dot:
              m.doneOn && !m.missed ? (
                <CheckCircleFilled />
              ) : m.missed ? (
                <CloseCircleFilled />
              ) : (
                <ClockCircleOutlined />
              ),
            children: (
              <div
                data-testid="milestone-item"
                data-milestone-id={m.id}
                data-missed={m.missed ? 'true' : 'false'}
                data-done={m.doneOn ? 'true' : 'false'}
              >
                <Space size={6} wrap>
                  <Typography.Text strong type={m.missed ? 'danger' : undefined}>
                    {m.title}
                  </Typography.Text>
                  {m.weight != null && <Typography.Text type="secondary">权重 {m.weight}</Typography.Text>}
                </Space>
                <div>
                  <Typography.Text type={m.missed ? 'danger' : 'secondary'} className="cg-mono">
                    计划 {m.due}
                    {m.doneOn ? `，${m.doneOn} 完成` : ''}
                  </Typography.Text>
                  {m.missed && (
                    <Tag color="red" bordered={false} style={{ marginLeft: 6 }}>
                      {m.doneOn ? '逾期完成' : '未按期完成'}
                    </Tag>
                  )}
                </div>
                {!m.doneOn && t.can.report && (
                  <Popconfirm
                    title={`确认「${m.title}」已完成？`}
                    okText="确认"
                    cancelText="取消"
                    onConfirm={() => onComplete(m.id)}
                  >
                    <Button
                      size="small"
                      type="link"
                      style={{ padding: 0 }}
                      loading={completing === m.id}
                      data-testid="milestone-done-button"
                    >
                      标记完成
                    </Button>
                  </Popconfirm>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** 进度报告: the progress reports, newest first, with their photos. */
export function ReportsCard({ t }: { t: TaskDetail }) {
  return (
    <Card
      title={`进度报告（${t.reports.length}）`}
      size="small"
      data-testid="task-reports"
      style={{ marginBottom: 16 }}
    >
      {t.reports.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未报送进度" />
      ) : (
        t.reports.map((r) => (
          <div key={r.id} className="cg-sv-item" data-testid="report-item">
            <Space size={8} wrap>
              <Typography.Text strong className="cg-mono">
                {r.reportedOn}
              </Typography.Text>
              <Tag color="blue" bordered={false}>
                进度 {r.percent}%
              </Tag>
              <Typography.Text type="secondary">
                {r.author} · {formatTime(r.createdAt)}
              </Typography.Text>
            </Space>
            <div className="cg-sv-pre" style={{ marginTop: 4 }}>
              {r.content}
            </div>
            {r.fileIds.length > 0 && (
              <Image.PreviewGroup>
                <Space size={6} wrap style={{ marginTop: 6 }}>
                  {r.fileIds.map((f) => (
                    <Image
                      key={f}
                      width={72}
                      height={72}
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                      src={`/api/v1/files/${f}/thumbnail`}
                      preview={{ src: `/api/v1/files/${f}` }}
                      alt="佐证材料"
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </div>
        ))
      )}
    </Card>
  );
}

/** 评审意见 of a key project, each with the task it became or 转为任务. */
export function OpinionsCard({
  t,
  canManage,
  onToTask,
}: {
  t: TaskDetail;
  canManage: boolean;
  onToTask: (preset: Partial<TaskFormPreset>) => void;
}) {
  return (
    <Card
      title={`评审意见（${t.opinions.length}）`}
      size="small"
      data-testid="task-opinions"
      style={{ marginBottom: 16 }}
    >
      {t.opinions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无评审意见" />
      ) : (
        t.opinions.map((o) => (
          <div key={o.id} className="cg-sv-item" data-testid="opinion-item">
            <Typography.Text type="secondary">
              {o.meetingTitle}（{o.heldOn}）
            </Typography.Text>
            <div className="cg-sv-pre">{o.content}</div>
            <Space style={{ marginTop: 4 }}>
              {o.taskId && o.taskStatus ? (
                <>
                  <TaskStatusTag status={o.taskStatus} />
                  <Link to={`/supervision/tasks/${o.taskId}`}>查看跟踪任务</Link>
                </>
              ) : (
                <>
                  <Tag bordered={false}>未转为任务</Tag>
                  {canManage && (
                    <Button
                      size="small"
                      onClick={() =>
                        onToTask({
                          itemId: o.id,
                          title: o.content.slice(0, 60),
                          description: o.content,
                          context: `评审意见：${o.content}`,
                        })
                      }
                      data-testid="opinion-to-task"
                    >
                      转为任务
                    </Button>
                  )}
                </>
              )}
            </Space>
          </div>
        ))
      )}
    </Card>
  );
}
