import { App, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { accountsApi, type Account } from '../../accounts/api';
import type { UploadedFile } from '../../cases/api';
import { proposalsApi, type ProposalCommand, type ProposalDetail } from '../api';
import { COMMAND_NAMES } from '../labels';
import { CommandFields } from './CommandFields';

/** What the modal is asked to do: a command, plus the commitment or report it concerns. */
export interface PendingAction {
  command: ProposalCommand;
  index?: number;
  seq?: number;
}

const PATHS: Record<ProposalCommand, (a: PendingAction) => string> = {
  assign: () => '/assign',
  mark_key: () => '/key',
  consult: () => '/consultations',
  waive_consultation: () => '/consultations/waive',
  reply: () => '/reply',
  add_commitment: () => '/commitments',
  complete_commitment: (a) => `/commitments/${a.index}/complete`,
  complete: () => '/complete',
  rate: () => '/ratings',
  report_progress: () => '/progress',
  hear_progress: (a) => `/progress/${a.seq}/heard`,
};

type Values = Record<string, unknown> & {
  replyDeadline?: Dayjs;
  deadline?: Dayjs;
  on?: Dayjs;
  files?: UploadedFile[];
};

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
    if (action.command === 'consult') form.setFieldsValue({ on: dayjs() });
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
    const { files, replyDeadline, deadline, on, ...rest } = v;
    const body: Record<string, unknown> = { ...rest, expectedVersion: proposal.version };
    if (replyDeadline) body.replyDeadline = replyDeadline.format('YYYY-MM-DD');
    if (deadline) body.deadline = deadline.format('YYYY-MM-DD');
    if (on) body.on = on.format('YYYY-MM-DD');
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
        'replyClass',
        'on',
        'participants',
        'outcome',
        'reason',
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
        <CommandFields command={command} proposal={proposal} index={action?.index} leaders={leaders} />
      </Form>
    </Modal>
  );
}
