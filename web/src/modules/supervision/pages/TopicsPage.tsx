import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { errorText } from '../../../lib/api';
import { useApiMutation, useApiQuery, useInvalidate } from '../../../lib/query';
import { UnitPicker } from '../../../components/UnitPicker';
import { supervisionApi, type ConsultationTopic, type Topic } from '../api';
import { TaskFormDrawer, type TaskFormPreset } from '../components/TaskFormDrawer';
import { TaskTable } from '../components/TaskTable';
import { applyServerErrors } from '../form-errors';
import { TOPIC_FORMS } from '../labels';
import { yearOptions } from './MeetingListPage';
import '../supervision.css';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Values {
  title: string;
  form: Topic['form'];
  month: Dayjs;
  leadUnitIds: string[];
}

/** 年度协商计划: topics with their form, month and lead units, the meetings that held them and their tasks. */
export default function TopicsPage() {
  const { can } = useAuth();
  const [year, setYear] = useState(new Date().getFullYear());
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [preset, setPreset] = useState<TaskFormPreset | null>(null);
  const [form] = Form.useForm<Values>();
  const manage = can('task.manage');
  // The plan's topics: the 督查室 or the 政协提案委; turning one into a task stays with the 督查室.
  const addTopics = manage || can('proposal.register');

  const topics = useApiQuery(
    ['supervision', 'topics', year],
    (signal) => supervisionApi.topics(year, signal),
    undefined,
    {
      toastError: true,
    },
  );
  const items: ConsultationTopic[] = topics.error ? [] : (topics.data?.items ?? []);
  const loading = topics.loading;
  const invalidate = useInvalidate();
  const load = () => invalidate(['supervision']);

  const createTopic = useApiMutation(
    (v: Values) =>
      supervisionApi.createTopic({
        year,
        title: v.title,
        form: v.form,
        plannedMonth: v.month.format('YYYY-MM'),
        leadUnitIds: v.leadUnitIds ?? [],
      }),
    {
      invalidates: [['supervision']],
      successMessage: '议题已加入协商计划',
      // The failure shows in the dialog, next to the fields it names.
      toastError: false,
      onSuccess: () => setCreating(false),
    },
  );
  const create = (v: Values) => {
    setFailure(null);
    createTopic.mutate(v, {
      onError: (e) => {
        applyServerErrors(form, e, ['title', 'form', 'leadUnitIds', 'month'], (p) =>
          p[0] === 'plannedMonth' ? ['month'] : p[0] === 'leadUnitIds' ? ['leadUnitIds'] : p,
        );
        setFailure(errorText(e));
      },
    });
  };

  return (
    <Card
      title="年度协商计划"
      data-testid="topics-page"
      extra={
        <Space>
          <Select
            value={year}
            onChange={setYear}
            options={yearOptions()}
            style={{ width: 110 }}
            data-testid="topics-year"
          />
          {addTopics && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({
                  form: '专题协商',
                  month: dayjs().year() === year ? dayjs() : dayjs(`${year}-01-01`),
                });
                setFailure(null);
                setCreating(true);
              }}
              data-testid="topic-new-button"
            >
              新增议题
            </Button>
          )}
        </Space>
      }
    >
      <Table<ConsultationTopic>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="topics-table"
        locale={{ emptyText: `${year} 年协商计划暂无议题` }}
        expandable={{
          rowExpandable: (t) => t.tasks.length > 0,
          expandedRowRender: (t) => <TaskTable items={t.tasks} compact />,
        }}
        onRow={(t) => ({ 'data-testid': 'topic-row', 'data-topic-id': t.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '计划时间',
            dataIndex: 'plannedMonth',
            width: 100,
            render: (m: string) => <span className="cg-mono">{m}</span>,
          },
          { title: '协商议题', dataIndex: 'title' },
          { title: '协商形式', dataIndex: 'form', width: 120, render: (f: string) => <Tag color="geekblue">{f}</Tag> },
          {
            title: '牵头单位',
            dataIndex: 'leadUnits',
            width: 200,
            render: (us: ConsultationTopic['leadUnits']) => us.map((u) => u.name).join('、'),
          },
          {
            title: '协商会议',
            dataIndex: 'meetings',
            width: 240,
            render: (ms: ConsultationTopic['meetings']) =>
              ms.length ? (
                <Space direction="vertical" size={0}>
                  {ms.map((m) => (
                    <Link key={m.id} to={`/supervision/meetings/${m.id}`}>
                      {m.heldOn} {m.title}
                    </Link>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">尚未召开</Typography.Text>
              ),
          },
          {
            title: '形成任务',
            width: 160,
            render: (_: unknown, t) => (
              <Space>
                <span>{t.tasks.length} 项</span>
                {manage && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      setPreset({
                        topicId: t.id,
                        title: t.title,
                        leadUnitId: t.leadUnits[0]?.id,
                        context: `协商计划议题：${t.title}`,
                      })
                    }
                    data-testid="topic-to-task"
                  >
                    交办任务
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={`新增 ${year} 年协商议题`}
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={createTopic.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'topic-submit' }}
      >
        {failure && <ErrorAlert error={failure} style={{ marginBottom: 12 }} />}
        <Form<Values> form={form} layout="vertical" onFinish={create}>
          <Form.Item
            name="title"
            label="协商议题"
            rules={[{ required: true, whitespace: true, message: '请填写议题' }, { max: 200 }]}
          >
            <Input data-testid="topic-title" />
          </Form.Item>
          <Space>
            <Form.Item name="form" label="协商形式" rules={[{ required: true }]}>
              <Select
                style={{ width: 160 }}
                options={TOPIC_FORMS.map((f) => ({ value: f, label: f }))}
                data-testid="topic-form"
              />
            </Form.Item>
            <Form.Item name="month" label="计划月份" rules={[{ required: true, message: '请选择月份' }]}>
              <DatePicker picker="month" disabledDate={(d) => d.year() !== year} data-testid="topic-month" />
            </Form.Item>
          </Space>
          <Form.Item name="leadUnitIds" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
            <UnitPicker byName multiple placeholder="可多选" style={{ width: '100%' }} data-testid="topic-units" />
          </Form.Item>
        </Form>
      </Modal>
      <TaskFormDrawer
        open={!!preset}
        preset={preset}
        onClose={() => setPreset(null)}
        onCreated={() => {
          setPreset(null);
          void load();
        }}
      />
    </Card>
  );
}
