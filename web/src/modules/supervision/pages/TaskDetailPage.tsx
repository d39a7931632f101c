import { Alert, Button, Card, Col, Result, Row, Skeleton, Space } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { ApiError, errorText } from '../../../lib/api';
import { InstructionButton, InstructionPanel } from '../../instructions';
import { type TaskDetail } from '../api';
import { MarkModal } from '../components/MarkModal';
import { NoticeList } from '../components/NoticeList';
import { NoticeModal } from '../components/NoticeModal';
import { ReportModal } from '../components/ReportModal';
import { TaskFormDrawer, type TaskFormPreset } from '../components/TaskFormDrawer';
import { useTaskDetail } from '../use-task-detail';
import { MilestonesCard, OpinionsCard, ReportsCard, TaskHeaderCard } from '../components/TaskDetailSections';
import { TaskTable } from '../components/TaskTable';
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
      <TaskHeaderCard
        t={t}
        loading={loading}
        onReload={() => void load()}
        onBack={() => navigate(-1)}
        onReport={() => setReporting(true)}
        onNotice={() => setNoticing(true)}
        onMark={() => setMarking(true)}
        onDecompose={() => setSubForm(subPreset(t))}
        extraActions={<InstructionButton kind="task" id={t.id} />}
      />

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
          <MilestonesCard t={t} completing={completing} onComplete={(m) => void completeMilestone(m)} />
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
          <InstructionPanel kind="task" id={t.id} style={{ marginBottom: 16 }} writeButton={false} />
          <ReportsCard t={t} />
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
            <OpinionsCard
              t={t}
              canManage={canManage}
              onToTask={(preset) => setSubForm({ ...subPreset(t), ...preset })}
            />
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

export function subPreset(t: TaskDetail): TaskFormPreset {
  return {
    parentId: t.id,
    leadLeaderId: t.leadLeader?.id ?? null,
    start: t.start,
    deadline: t.deadline,
    context: `上级任务：${t.title}（完成时限 ${t.deadline}）`,
  };
}
