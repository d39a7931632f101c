import { ArrowLeftOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { ApiError, errorText } from '../../../lib/api';
import { useApiMutation, useApiQuery, useInvalidate } from '../../../lib/query';
import { supervisionApi, type MeetingDetail, type MeetingItem } from '../api';
import { TaskFormDrawer, type TaskFormPreset } from '../components/TaskFormDrawer';
import { TaskTable } from '../components/TaskTable';
import { MEETING_KIND_LABELS } from '../labels';
import '../supervision.css';

const ITEM_LABELS = { decision: '议定事项', opinion: '评审意见' } as const;

/** A meeting: who attended, its decisions and opinions, and the tasks each became (转为任务). */
export default function MeetingDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [preset, setPreset] = useState<TaskFormPreset | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ kind: 'decision' | 'opinion'; content: string }>();

  const meeting = useApiQuery(
    ['supervision', 'meeting', id],
    (signal) => supervisionApi.meeting(id, signal),
    undefined,
    {
      keepPrevious: false,
    },
  );
  const m: MeetingDetail | undefined = meeting.data;
  const error = meeting.error;
  const invalidate = useInvalidate();
  const load = () => invalidate(['supervision']);
  const addItem = useApiMutation(
    (v: { kind: 'decision' | 'opinion'; content: string }) => supervisionApi.addMeetingItem(id, v),
    {
      invalidates: [['supervision']],
      successMessage: '事项已添加',
      onSuccess: () => setAdding(false),
    },
  );

  if (!m) {
    if (error) {
      const nf = error instanceof ApiError && error.status === 404;
      return (
        <Result
          status={nf ? '404' : 'error'}
          title={nf ? '会议不存在' : '加载失败'}
          subTitle={nf ? undefined : errorText(error)}
          extra={<Button onClick={() => navigate('/supervision/meetings')}>返回会议列表</Button>}
        />
      );
    }
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }

  const manage = can('task.manage');
  const toTask = (item: MeetingItem) =>
    setPreset({
      itemId: item.id,
      parentId: item.projectId ?? undefined,
      title: item.content.length > 60 ? `${item.content.slice(0, 60)}…` : item.content,
      description: item.content,
      leadLeaderId: m.chair?.id ?? null,
      start: m.heldOn,
      context: `${m.title}（${m.heldOn}）${ITEM_LABELS[item.kind]}第 ${item.seq} 项：${item.content}`,
    });

  return (
    <Space
      direction="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="meeting-detail-page"
      data-meeting-id={m.id}
    >
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="meeting-title">
              {m.title}
            </Typography.Title>
            <Tag>{MEETING_KIND_LABELS[m.kind] ?? m.kind}</Tag>
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/supervision/meetings')}>
            会议列表
          </Button>
        }
      >
        <Descriptions column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
          <Descriptions.Item label="召开日期">{m.heldOn}</Descriptions.Item>
          <Descriptions.Item label="主持人">{m.chair?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="参会人员">{m.attendees.map((a) => a.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="参会单位">{m.attendeeUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
          {m.topic && (
            <Descriptions.Item label="协商计划议题">
              <Link to="/supervision/topics">{m.topic.title}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        {m.summary && (
          <div className="cg-sv-quote" style={{ marginTop: 8 }}>
            {m.summary}
          </div>
        )}
      </Card>
      <Card
        title={`议定事项与评审意见（${m.items.length}）`}
        data-testid="meeting-items"
        extra={
          manage && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => (form.resetFields(), setAdding(true))}
              data-testid="meeting-add-item"
            >
              添加事项
            </Button>
          )
        }
      >
        {m.items.length === 0 && <Empty description="暂无议定事项" />}
        {m.items.map((item) => (
          <div
            key={item.id}
            className="cg-sv-item"
            data-testid="meeting-item"
            data-item-id={item.id}
            data-kind={item.kind}
          >
            <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space align="start">
                <Tag color={item.kind === 'decision' ? 'blue' : 'purple'}>
                  {ITEM_LABELS[item.kind]} {item.seq}
                </Tag>
                <Typography.Text className="cg-sv-pre" data-testid="meeting-item-text">
                  {item.content}
                </Typography.Text>
                {item.projectId && (
                  <Link to={`/supervision/tasks/${item.projectId}`}>
                    <Tag color="gold">重点项目</Tag>
                  </Link>
                )}
              </Space>
              {manage && (
                <Button icon={<NodeIndexOutlined />} onClick={() => toTask(item)} data-testid="item-to-task">
                  转为任务
                </Button>
              )}
            </Space>
            {item.tasks.length > 0 ? (
              <div style={{ marginTop: 8, marginLeft: 24 }}>
                <TaskTable items={item.tasks} compact data-testid="item-task-table" />
              </div>
            ) : (
              <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0 24px' }}>
                尚未转为任务
              </Typography.Paragraph>
            )}
          </div>
        ))}
      </Card>
      <TaskFormDrawer
        open={!!preset}
        preset={preset}
        onClose={() => setPreset(null)}
        onCreated={() => {
          setPreset(null);
          void load();
        }}
      />
      <Modal
        title="添加事项"
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={addItem.isPending}
        okButtonProps={{ 'data-testid': 'meeting-item-submit' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => addItem.mutate(v)} initialValues={{ kind: 'decision' }}>
          <Form.Item name="kind" label="类型">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'decision', label: '议定事项' },
                { value: 'opinion', label: '评审意见' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="content"
            label="内容"
            rules={[{ required: true, whitespace: true, message: '请填写内容' }, { max: 2000 }]}
          >
            <Input.TextArea rows={4} data-testid="meeting-item-input" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
