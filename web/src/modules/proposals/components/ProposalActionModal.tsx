import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { accountsApi, type Account } from '../../accounts/api';
import type { UploadedFile } from '../../cases/api';
import { PhotoUpload } from '../../cases/components/PhotoUpload';
import { UnitPicker } from '../../../components/UnitPicker';
import { proposalsApi, type ProposalCommand, type ProposalDetail } from '../api';
import { COMMAND_NAMES } from '../labels';

/** What the modal is asked to do: a command, plus the commitment or report it concerns. */
export interface PendingAction {
  command: ProposalCommand;
  index?: number;
  seq?: number;
}

const PATHS: Record<ProposalCommand, (a: PendingAction) => string> = {
  assign: () => '/assign',
  mark_key: () => '/key',
  reply: () => '/reply',
  add_commitment: () => '/commitments',
  complete_commitment: (a) => `/commitments/${a.index}/complete`,
  complete: () => '/complete',
  rate: () => '/ratings',
  report_progress: () => '/progress',
  hear_progress: (a) => `/progress/${a.seq}/heard`,
};

type Values = Record<string, unknown> & { replyDeadline?: Dayjs; deadline?: Dayjs; files?: UploadedFile[] };

/** One modal for every proposal command; it shows only the fields that command takes. */
export function ProposalActionModal({
  proposal,
  action,
  onClose,
  onDone,
}: {
  proposal: ProposalDetail;
  action: PendingAction | null;
  onClose(): void;
  onDone(p: ProposalDetail): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [leaders, setLeaders] = useState<Account[]>([]);
  const { message } = App.useApp();
  const command = action?.command;

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    if (action.command === 'assign') {
      form.setFieldsValue({
        mainHandlerIds: proposal.mainHandlers.map((u) => u.unitId),
        assistingHandlerIds: proposal.assistingHandlers.map((u) => u.unitId),
      });
    }
    if (action.command === 'mark_key') {
      accountsApi
        .list({})
        .then((r) => setLeaders(r.items.filter((a) => a.roles.includes('district_leader') && !a.disabled)))
        .catch(() => setLeaders([]));
    }
  }, [action, form, proposal]);

  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    const { files, replyDeadline, deadline, ...rest } = v;
    const body: Record<string, unknown> = { ...rest, expectedVersion: proposal.version };
    if (replyDeadline) body.replyDeadline = replyDeadline.format('YYYY-MM-DD');
    if (deadline) body.deadline = deadline.format('YYYY-MM-DD');
    if (files) body.fileIds = files.map((f) => f.id);
    for (const k of Object.keys(body)) if (body[k] === undefined || body[k] === '') delete body[k];
    setBusy(true);
    try {
      const p = await proposalsApi.command(proposal.id, PATHS[action.command](action), body);
      message.success(`已${COMMAND_NAMES[action.command]}`);
      onDone(p);
    } catch (e) {
      const rest2 = applyFieldErrors(form, e, [
        'mainHandlerIds',
        'assistingHandlerIds',
        'replyDeadline',
        'leaderUsername',
        'summary',
        'title',
        'deadline',
        'fileIds',
        'note',
        'comment',
        'satisfaction',
        'text',
      ]);
      message.error(rest2.length ? `${errorText(e)}：${rest2.map((x) => x.message).join('；')}` : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const title = command ? `${COMMAND_NAMES[command]} · ${proposal.number}` : '';
  return (
    <Modal
      title={title}
      open={!!action}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText="提交"
      width={600}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid={`proposal-form-${command ?? ''}`}>
        {command === 'assign' && (
          <>
            <Form.Item
              name="mainHandlerIds"
              label="主办单位"
              rules={[{ required: true, message: '至少指定一个主办单位' }]}
            >
              <UnitPicker multiple placeholder="选择主办单位" />
            </Form.Item>
            <Form.Item name="assistingHandlerIds" label="协办单位">
              <UnitPicker multiple placeholder="选择协办单位（可选）" />
            </Form.Item>
            <Form.Item name="replyDeadline" label="答复期限" rules={[{ required: true, message: '请选择答复期限' }]}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {command === 'mark_key' && (
          <Form.Item name="leaderUsername" label="牵头督办领导" rules={[{ required: true, message: '请选择区领导' }]}>
            <Select
              placeholder="选择区领导"
              options={leaders.map((a) => ({ value: a.username, label: `${a.displayName}（${a.username}）` }))}
            />
          </Form.Item>
        )}
        {command === 'reply' && (
          <>
            <Form.Item name="summary" label="答复内容" rules={[{ required: true, message: '请填写答复内容' }]}>
              <Input.TextArea rows={5} maxLength={20000} />
            </Form.Item>
            <Form.Item name="files" label="附件（可选）">
              <PhotoUpload label="上传答复函" />
            </Form.Item>
          </>
        )}
        {command === 'add_commitment' && (
          <>
            <Form.Item name="title" label="落实事项" rules={[{ required: true, message: '请填写落实事项' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="deadline" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {command === 'complete_commitment' && (
          <>
            <Form.Item label="落实事项">{proposal.commitmentList[action?.index ?? 0]?.title}</Form.Item>
            <Form.Item
              name="files"
              label="佐证材料"
              rules={[{ required: true, type: 'array', min: 1, message: '至少上传一份佐证材料' }]}
            >
              <PhotoUpload label="上传佐证" />
            </Form.Item>
            <Form.Item name="note" label="落实情况说明">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {(command === 'complete' || command === 'hear_progress') && (
          <Form.Item name="comment" label={command === 'complete' ? '办结说明' : '领导批示'}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {command === 'rate' && (
          <>
            <Form.Item name="satisfaction" label="对办理结果的评价" rules={[{ required: true, message: '请选择评价' }]}>
              <Radio.Group
                options={[
                  { value: 'satisfied', label: '满意' },
                  { value: 'basically_satisfied', label: '基本满意' },
                  { value: 'unsatisfied', label: '不满意' },
                ]}
              />
            </Form.Item>
            <Form.Item name="comment" label="意见（不满意时将重新办理）">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {command === 'report_progress' && (
          <>
            <Form.Item name="text" label="办理进展" rules={[{ required: true, message: '请填写办理进展' }]}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item name="files" label="附件（可选）">
              <PhotoUpload label="上传照片" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
