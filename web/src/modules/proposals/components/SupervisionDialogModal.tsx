import { App, Checkbox, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { useApiMutation, useApiQuery } from '../../../lib/query';
import { accountsApi } from '../../accounts/api';
import { UnitPicker } from '../../../components/UnitPicker';
import { proposalsApi } from '../api';
import type { SupervisionDialog } from '../use-supervision';

export const DIALOG_TITLES: Record<SupervisionDialog['kind'], string> = {
  assign: '选派民主监督员',
  visit: '记录走访',
  opinion: '提出意见',
  track: '转为跟踪事项',
  answer: '答复',
  close: '办结',
  reopen: '重新办理',
};

const FIELDS = [
  'supervisorUsername',
  'unitId',
  'visitedOn',
  'notes',
  'text',
  'visitId',
  'responsibleUnitId',
  'deadline',
  'reply',
  'comment',
];

interface Values {
  supervisorUsername: string;
  unitId: string;
  term: [Dayjs, Dayjs];
  visitedOn: Dayjs;
  notes: string;
  text: string;
  visitId?: string;
  track?: boolean;
  responsibleUnitId: string;
  deadline: Dayjs;
  reply: string;
  comment?: string;
}

const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Sends what the dialog asks for. */
function send(dialog: SupervisionDialog, v: Values): Promise<unknown> {
  switch (dialog.kind) {
    case 'assign':
      return proposalsApi.assignSupervisor({
        supervisorUsername: v.supervisorUsername,
        unitId: v.unitId,
        termStart: ymd(v.term[0]),
        termEnd: ymd(v.term[1]),
      });
    case 'visit':
      return proposalsApi.visit(dialog.a.id, { visitedOn: ymd(v.visitedOn), notes: v.notes });
    case 'opinion':
      return proposalsApi.opinion(dialog.a.id, {
        text: v.text,
        visitId: v.visitId,
        ...(v.track ? { responsibleUnitId: v.responsibleUnitId, deadline: ymd(v.deadline) } : {}),
      });
    case 'track':
      return proposalsApi.opinionCommand(dialog.o.id, 'track', {
        expectedVersion: dialog.o.version,
        responsibleUnitId: v.responsibleUnitId,
        deadline: ymd(v.deadline),
      });
    case 'answer':
      return proposalsApi.opinionCommand(dialog.o.id, 'answer', { expectedVersion: dialog.o.version, reply: v.reply });
    case 'close':
      return proposalsApi.opinionCommand(dialog.o.id, 'close', {
        expectedVersion: dialog.o.version,
        comment: v.comment || undefined,
      });
    case 'reopen':
      return proposalsApi.opinionCommand(dialog.o.id, 'reopen', {
        expectedVersion: dialog.o.version,
        comment: v.comment ?? '',
      });
  }
}

/** The 民主监督 page's one dialog: it shows only the fields its kind takes. */
export function SupervisionDialogModal({
  dialog,
  onClose,
  onDone,
}: {
  dialog: SupervisionDialog | null;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const accounts = useApiQuery(['accounts', 'list', {}], (signal) => accountsApi.list({}, signal), undefined, {
    enabled: dialog?.kind === 'assign',
  });
  const supervisors = (accounts.data?.items ?? []).filter((a) => a.roles.includes('democratic_supervisor'));
  const mutation = useApiMutation((v: Values) => send(dialog!, v), {
    successMessage: () => `已${DIALOG_TITLES[dialog!.kind]}`,
    // Field problems go next to their fields; the rest in one message.
    toastError: false,
    onSuccess: onDone,
  });
  useEffect(() => {
    form.resetFields();
  }, [dialog, form]);
  if (!dialog) return null;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    mutation.mutate(v, {
      onError: (e) => {
        const rest = applyFieldErrors(form, e, FIELDS);
        message.error(rest.length ? `${errorText(e)}：${rest.map((x) => x.message).join('；')}` : errorText(e));
      },
    });
  };
  const trackFields = (
    <>
      <Form.Item name="responsibleUnitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
        <UnitPicker placeholder="选择责任单位" />
      </Form.Item>
      <Form.Item name="deadline" label="办理期限" rules={[{ required: true, message: '请选择办理期限' }]}>
        <DatePicker />
      </Form.Item>
    </>
  );
  return (
    <Modal
      open
      title={DIALOG_TITLES[dialog.kind]}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={mutation.isPending}
      okText="提交"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {dialog.kind === 'assign' && (
          <>
            <Form.Item
              name="supervisorUsername"
              label="民主监督员"
              rules={[{ required: true, message: '请选择民主监督员' }]}
            >
              <Select
                options={supervisors.map((a) => ({ value: a.username, label: `${a.displayName}（${a.username}）` }))}
              />
            </Form.Item>
            <Form.Item name="unitId" label="监督单位" rules={[{ required: true, message: '请选择单位' }]}>
              <UnitPicker placeholder="选择单位" />
            </Form.Item>
            <Form.Item name="term" label="任期" rules={[{ required: true, message: '请选择任期' }]}>
              <DatePicker.RangePicker />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'visit' && (
          <>
            <Form.Item label="单位">{dialog.a.unit.name}</Form.Item>
            <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="notes" label="走访情况" rules={[{ required: true, message: '请填写走访情况' }]}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'opinion' && (
          <>
            <Form.Item label="单位">{dialog.a.unit.name}</Form.Item>
            <Form.Item name="visitId" label="对应走访（可选）">
              <Select
                allowClear
                options={dialog.a.visits.map((x) => ({ value: x.id, label: `${x.visitedOn} ${x.notes.slice(0, 20)}` }))}
              />
            </Form.Item>
            <Form.Item name="text" label="意见建议" rules={[{ required: true, message: '请填写意见' }]}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item name="track" valuePropName="checked">
              <Checkbox>转为跟踪事项</Checkbox>
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.track !== b.track}>
              {() => (form.getFieldValue('track') ? trackFields : null)}
            </Form.Item>
          </>
        )}
        {'o' in dialog && <Typography.Paragraph type="secondary">{dialog.o.text}</Typography.Paragraph>}
        {dialog.kind === 'track' && trackFields}
        {dialog.kind === 'answer' && (
          <Form.Item name="reply" label="答复" rules={[{ required: true, message: '请填写答复' }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
        )}
        {(dialog.kind === 'close' || dialog.kind === 'reopen') && (
          <Form.Item
            name="comment"
            label={dialog.kind === 'close' ? '办结说明' : '重新办理的理由'}
            rules={dialog.kind === 'reopen' ? [{ required: true, message: '请说明理由' }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
