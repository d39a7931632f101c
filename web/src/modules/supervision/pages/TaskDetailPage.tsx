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
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Image,
  Popconfirm,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { ApiError, errorText } from '../../../lib/api';
import { type TaskDetail } from '../api';
import { MarkModal } from '../components/MarkModal';
import { NoticeList } from '../components/NoticeList';
import { NoticeModal } from '../components/NoticeModal';
import { ReportModal } from '../components/ReportModal';
import { TaskFormDrawer, type TaskFormPreset } from '../components/TaskFormDrawer';
import { useTaskDetail } from '../use-task-detail';
import { TaskTable } from '../components/TaskTable';
import { StatusReasons, TaskStatusTag } from '../components/TaskTags';
import { cadenceText, formatTime, STATUS_HEX, TASK_KIND_LABELS, TASK_SOURCE_LABELS } from '../labels';
import '../supervision.css';

/** 任务详情: status and why, milestones, reports, 督办, sub-tasks — and only the actions `can` allows. */
export default function TaskDetailPage() {
  const { id = '' } = useParams();
  const { can: hasPermission } = useAuth();
  const navigate = useNavigate();
  const {
    t,
    error,
    loading,
    reload: load,
    replace: setT,
    completeMilestone: complete,
    completing,
    reporting,
    setReporting,
    noticing,
    setNoticing,
    marking,
    setMarking,
    subForm,
    setSubForm,
  } = useTaskDetail(id);

  if (!t) {
    if (error) {
      const nf = error instanceof ApiError && (error.status === 404 || error.status === 403);
      return (
        <Result
          status={nf ? '404' : 'error'}
          title={nf ? '任务不存在或不在您的数据权限内' : '加载失败'}
          subTitle={nf ? undefined : errorText(error)}
          extra={<Button onClick={() => navigate('/supervision/tasks')}>返回任务看板</Button>}
        />
      );
    }
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const completeMilestone = (milestoneId: string) => complete(t.id, milestoneId);

  const units = [t.leadUnit, ...t.cooperatingUnits.filter((u) => u.id !== t.leadUnit.id)];
  const canManage = hasPermission('task.manage');

  return (
    <Space
      direction="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="task-detail-page"
      data-task-id={t.id}
      data-status={t.status}
    >
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
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              返回
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading} aria-label="刷新" />
            {t.can.report && (
              <Button
                type="primary"
                icon={<FormOutlined />}
                onClick={() => setReporting(true)}
                data-testid="task-report-button"
              >
                报送进度
              </Button>
            )}
            {t.can.notice && (
              <Button danger icon={<BellOutlined />} onClick={() => setNoticing(true)} data-testid="task-notice-button">
                督办 / 催办
              </Button>
            )}
            {t.can.decompose && (
              <Button
                icon={<ForkOutlined />}
                onClick={() => setSubForm(subPreset(t))}
                data-testid="task-decompose-button"
              >
                任务分解
              </Button>
            )}
            {t.can.mark && (
              <Button icon={<StarOutlined />} onClick={() => setMarking(true)} data-testid="task-mark-button">
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
              <Typography.Text type="secondary">
                {t.subTaskCount > 0 ? '子任务加权汇总进度' : '完成进度'}
              </Typography.Text>
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
                  {t.start} 至{' '}
                  <span className={t.status === 'overdue' ? 'cg-sv-overdue' : undefined}>{t.deadline}</span>
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

      {t.missingReportPeriods.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="task-missing-reports"
          message={`有 ${t.missingReportPeriods.length} 期进度未按期报送`}
          description={t.missingReportPeriods
            .slice(0, 6)
            .map((p) => `${p.from} 至 ${p.due}`)
            .join('；')
            .concat(t.missingReportPeriods.length > 6 ? ' …' : '')}
        />
      )}

      <Row gutter={16}>
        <Col xs={24} lg={10}>
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
                          onConfirm={() => completeMilestone(m.id)}
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
          <Card
            title={`督办 / 催办（${t.notices.length}）`}
            size="small"
            data-testid="task-notices"
            style={{ marginBottom: 16 }}
          >
            <NoticeList
              notices={t.notices}
              canReply={t.can.reply}
              onReplied={() => void load()}
              emptyText="暂无催办、督办"
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
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
          <Card
            title={`任务分解（${t.subTasks.length}）`}
            size="small"
            data-testid="task-subtasks"
            style={{ marginBottom: 16 }}
            extra={
              t.can.decompose && (
                <Button size="small" type="link" onClick={() => setSubForm(subPreset(t))}>
                  新建子任务
                </Button>
              )
            }
          >
            <TaskTable items={t.subTasks} compact emptyText="未分解子任务" data-testid="subtask-table" />
          </Card>
          {t.kind === 'key_project' && (
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
                                setSubForm({
                                  ...subPreset(t),
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
          )}
        </Col>
      </Row>

      <ReportModal
        task={t}
        open={reporting}
        onClose={() => setReporting(false)}
        onDone={(d) => {
          setReporting(false);
          setT(d);
        }}
      />
      <NoticeModal
        task={t}
        open={noticing}
        onClose={() => setNoticing(false)}
        onDone={() => {
          setNoticing(false);
          void load();
        }}
      />
      <MarkModal
        open={marking}
        task={{ id: t.id, title: t.title, units }}
        onClose={() => setMarking(false)}
        onDone={() => setMarking(false)}
      />
      <TaskFormDrawer
        open={!!subForm}
        preset={subForm}
        onClose={() => setSubForm(null)}
        onCreated={() => {
          setSubForm(null);
          void load();
        }}
      />
    </Space>
  );
}

function subPreset(t: TaskDetail): TaskFormPreset {
  return {
    parentId: t.id,
    leadLeaderId: t.leadLeader?.id ?? null,
    start: t.start,
    deadline: t.deadline,
    context: `上级任务：${t.title}（完成时限 ${t.deadline}）`,
  };
}
