import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorText, type FieldError } from '../../../lib/api';
import { UnitPicker } from '../../../components/UnitPicker';
import { supervisionApi, type ConsultationTopic, type MeetingBody, type MeetingKind } from '../api';
import { applyServerErrors } from '../form-errors';
import { MEETING_KIND_LABELS, MEETING_KINDS } from '../labels';
import { AccountSelect } from './AccountSelect';
import { LeaderSelect } from './LeaderSelect';

interface Values {
  kind: MeetingKind;
  title: string;
  heldOn: Dayjs;
  chairId?: string;
  attendeeIds?: string[];
  attendeeUnitIds?: string[];
  summary?: string;
  topicId?: string;
  items?: { kind: 'decision' | 'opinion'; content?: string }[];
}

const KNOWN = ['kind', 'title', 'heldOn', 'chairId', 'attendeeIds', 'attendeeUnitIds', 'summary', 'topicId', 'items'];

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** 新建会议: kind, date, chair, attendees (accounts and units), summary and its decisions / opinions. */
export function MeetingFormDrawer({ open, onClose, onCreated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ text: string; other: FieldError[] } | null>(null);
  const [topics, setTopics] = useState<ConsultationTopic[]>([]);
  const heldOn = Form.useWatch('heldOn', form);
  const year = heldOn ? heldOn.year() : dayjs().year();

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ kind: 'standing_committee', heldOn: dayjs(), items: [{ kind: 'decision', content: '' }] });
  }, [open, form]);

  useEffect(() => {
    if (!open) return;
    supervisionApi.topics(year).then(
      (r) => setTopics(r.items),
      () => setTopics([]),
    );
  }, [open, year]);

  const submit = async (v: Values) => {
    setFailure(null);
    const body: MeetingBody = {
      kind: v.kind,
      title: v.title,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      chairId: v.chairId ?? null,
      attendeeIds: v.attendeeIds ?? [],
      attendeeUnitIds: v.attendeeUnitIds ?? [],
      summary: v.summary?.trim() || null,
      topicId: v.topicId ?? null,
      items: (v.items ?? [])
        .filter((i) => i.content?.trim())
        .map((i) => ({ kind: i.kind, content: i.content!.trim() })),
    };
    setSaving(true);
    try {
      const r = await supervisionApi.createMeeting(body);
      message.success('会议已记录');
      onCreated(r.id);
    } catch (e) {
      const other = applyServerErrors(form, e, KNOWN);
      setFailure({ text: errorText(e), other });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title="新建会议"
      open={open}
      onClose={onClose}
      width={680}
      destroyOnHidden
      data-testid="meeting-form-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="meeting-form-submit">
            保存
          </Button>
        </Space>
      }
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={failure.text}
          description={
            failure.other.length
              ? failure.other.map((e) => (
                  <div key={e.field + e.message}>
                    {e.field}：{e.message}
                  </div>
                ))
              : undefined
          }
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional" data-testid="meeting-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label="会议类型" rules={[{ required: true }]}>
              <Select
                options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
                data-testid="meeting-form-kind"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="heldOn" label="召开日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} data-testid="meeting-form-date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="chairId" label="主持人">
              <LeaderSelect style={{ width: '100%' }} data-testid="meeting-form-chair" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label="会议名称"
          rules={[{ required: true, whitespace: true, message: '请填写会议名称' }, { max: 200 }]}
        >
          <Input placeholder="如：区政协十一届常委会第五次会议" data-testid="meeting-form-title" />
        </Form.Item>
        <Form.Item name="attendeeIds" label="参会人员">
          <AccountSelect data-testid="meeting-form-attendees" />
        </Form.Item>
        <Form.Item name="attendeeUnitIds" label="参会单位">
          <UnitPicker byName multiple placeholder="可多选" style={{ width: '100%' }} data-testid="meeting-form-units" />
        </Form.Item>
        <Form.Item name="topicId" label="协商计划议题" extra="本次会议承办的年度协商计划议题（可不选）">
          <Select
            allowClear
            placeholder={`${year} 年协商计划`}
            options={topics.map((t) => ({ value: t.id, label: `${t.plannedMonth} ${t.title}` }))}
            data-testid="meeting-form-topic"
          />
        </Form.Item>
        <Form.Item name="summary" label="会议纪要">
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="meeting-form-summary" />
        </Form.Item>
        <Form.Item label="议定事项 / 评审意见">
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <div data-testid="meeting-form-items">
                {fields.map((f, i) => (
                  <Space
                    key={f.key}
                    align="start"
                    style={{ display: 'flex', marginBottom: 4 }}
                    data-testid="meeting-form-item"
                  >
                    <Typography.Text
                      type="secondary"
                      style={{ display: 'inline-block', minWidth: 24, whiteSpace: 'nowrap', paddingTop: 5 }}
                    >
                      {i + 1}.
                    </Typography.Text>
                    <Form.Item name={[f.name, 'kind']} initialValue="decision">
                      <Select
                        style={{ width: 110 }}
                        options={[
                          { value: 'decision', label: '议定事项' },
                          { value: 'opinion', label: '评审意见' },
                        ]}
                        data-testid="meeting-item-kind"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'content']} rules={[{ max: 2000 }]}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 5 }}
                        style={{ width: 420 }}
                        placeholder="事项内容"
                        data-testid="meeting-item-content"
                      />
                    </Form.Item>
                    <MinusCircleOutlined
                      style={{ marginTop: 9 }}
                      onClick={() => remove(f.name)}
                      aria-label="删除事项"
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'decision', content: '' })}
                  data-testid="meeting-form-add-item"
                >
                  添加事项
                </Button>
              </div>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
