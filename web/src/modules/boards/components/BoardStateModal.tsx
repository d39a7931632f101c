import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { useInvalidate } from '../../../lib/query';
import { boardsApi, type Board, type BoardState } from '../api';
import { BOARD_STATE_NAMES, BOARD_STATES } from '../labels';
import { PhotoField } from './PhotoField';

interface Values {
  state: BoardState;
  photoId?: string | null;
  note?: string;
}

/** 状态变更: 破损 / 待更换 / 已拆除, or 完好 — with a new photo, recorded as a replacement (更换). */
export function BoardStateModal({ board, onClose }: { board: Board | null; onClose(): void }) {
  const invalidate = useInvalidate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const state = Form.useWatch('state', form);
  const photoId = Form.useWatch('photoId', form);

  const submit = async () => {
    if (!board) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await boardsApi.changeState(board.id, { state: v.state, photoId: v.photoId ?? null, note: v.note ?? null });
      await invalidate(['boards']);
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['state', 'photoId', 'note']);
      setError(rest.length ? rest.map((r) => r.message).join('；') : null);
      if (!rest.length && !(e as { errors?: unknown[] }).errors?.length) setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!board}
      title={`状态变更 — ${board?.name ?? ''}`}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ ...{ 'data-testid': 'board-state-submit' } }}
    >
      <Form form={form} layout="vertical" initialValues={{ state: board?.state === 'good' ? 'damaged' : 'good' }}>
        <Form.Item name="state" label="新状态" rules={[{ required: true }]}>
          <Select
            options={BOARD_STATES.map((s) => ({ value: s, label: BOARD_STATE_NAMES[s] }))}
            data-testid="board-state-select"
          />
        </Form.Item>
        <Form.Item name="photoId" label="现场照片">
          <PhotoField />
        </Form.Item>
        {state === 'good' && (
          <Typography.Paragraph type="secondary">
            {photoId && photoId !== board?.photoId
              ? '改为“完好”并附新照片，将记为一次更换（计入“更换宣传牌数”）。'
              : '改为“完好”但未附新照片，记为修复，不计为更换。'}
          </Typography.Paragraph>
        )}
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
