import {
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  NumberOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { applyFieldErrors, errorText, type FieldError } from '../../../lib/api';
import { orgApi, type Unit, type UnitDetail, type UnitKind } from '../api';
import { childKindsOf, unitKindLabel } from '../unit-kinds';
import { BoundaryImportModal } from './BoundaryImportModal';
import { UnitPicker } from '../../../components/UnitPicker';

export type UnitChange =
  | { type: 'created'; unit: Unit }
  | { type: 'updated'; unit: Unit }
  | { type: 'moved'; unit: Unit; fromParentId: string | null }
  | { type: 'retired'; unit: Unit }
  | { type: 'boundaries'; updated: number };

interface Props {
  unit: UnitDetail;
  canWrite: boolean;
  canWriteBoundary: boolean;
  onChanged(change: UnitChange): void;
}

type Dialog = 'create' | 'rename' | 'code' | 'move' | 'boundary' | null;

interface FormValues {
  kind?: UnitKind;
  name?: string;
  code?: string;
  parentId?: string;
}

const FIELDS = ['kind', 'name', 'code', 'parentId'] as const;

export function UnitActions({ unit, canWrite, canWriteBoundary, onChanged }: Props) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const retired = unit.status === 'retired';
  const childKinds = childKindsOf[unit.kind] ?? [];

  const open = (d: Exclude<Dialog, null>) => {
    form.resetFields();
    setOtherErrors([]);
    setFormError(null);
    if (d === 'create') form.setFieldsValue({ kind: childKinds[0] });
    if (d === 'rename') form.setFieldsValue({ name: unit.name });
    if (d === 'code') form.setFieldsValue({ code: unit.code ?? '' });
    setDialog(d);
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setFormError(null);
    setOtherErrors([]);
    try {
      if (dialog === 'create') {
        const created = await orgApi.createUnit({
          parentId: unit.id,
          kind: v.kind as UnitKind,
          name: v.name!.trim(),
          code: v.code?.trim() || undefined,
        });
        message.success(`已新增下级单位「${created.name}」`);
        onChanged({ type: 'created', unit: created });
      } else if (dialog === 'rename') {
        const updated = await orgApi.updateUnit(unit.id, { name: v.name!.trim() });
        message.success('已重命名');
        onChanged({ type: 'updated', unit: updated });
      } else if (dialog === 'code') {
        const updated = await orgApi.updateUnit(unit.id, { code: v.code?.trim() || null });
        message.success('代码已修改');
        onChanged({ type: 'updated', unit: updated });
      } else if (dialog === 'move') {
        const moved = await orgApi.moveUnit(unit.id, v.parentId!);
        message.success('已移动');
        onChanged({ type: 'moved', unit: moved, fromParentId: unit.parentId });
      }
      setDialog(null);
    } catch (e) {
      const rest = applyFieldErrors(form, e, FIELDS);
      setOtherErrors(rest);
      setFormError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const retire = async () => {
    try {
      const r = await orgApi.retireUnit(unit.id);
      message.success(`已撤销「${r.name}」`);
      onChanged({ type: 'retired', unit: r });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const titles: Record<Exclude<Dialog, null | 'boundary'>, string> = {
    create: `新增下级单位 — ${unit.name}`,
    rename: `重命名 — ${unit.name}`,
    code: `修改代码 — ${unit.name}`,
    move: `移动 — ${unit.name}`,
  };

  return (
    <>
      <Space wrap data-testid="unit-actions">
        {canWrite && (
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={retired || childKinds.length === 0}
              onClick={() => open('create')}
              data-testid="unit-action-create"
            >
              新增下级
            </Button>
            <Button
              icon={<EditOutlined />}
              disabled={retired}
              onClick={() => open('rename')}
              data-testid="unit-action-rename"
            >
              重命名
            </Button>
            <Button
              icon={<NumberOutlined />}
              disabled={retired}
              onClick={() => open('code')}
              data-testid="unit-action-code"
            >
              修改代码
            </Button>
            <Button
              icon={<DragOutlined />}
              disabled={retired || !unit.parentId}
              onClick={() => open('move')}
              data-testid="unit-action-move"
            >
              移动
            </Button>
          </>
        )}
        {canWriteBoundary && (
          <Button
            icon={<UploadOutlined />}
            disabled={retired || unit.childCount === 0}
            onClick={() => setDialog('boundary')}
            data-testid="unit-action-import"
          >
            导入边界
          </Button>
        )}
        {canWrite && (
          <Popconfirm
            title={`撤销「${unit.name}」？`}
            description={
              <div style={{ maxWidth: 280 }}>
                撤销后该单位不再参与新业务，历史记录保留；有在用下级的单位需先处理下级。
              </div>
            }
            okText="撤销"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={retire}
            disabled={retired || !unit.parentId}
          >
            <Button
              danger
              icon={<DeleteOutlined />}
              disabled={retired || !unit.parentId}
              data-testid="unit-action-retire"
            >
              撤销
            </Button>
          </Popconfirm>
        )}
      </Space>

      <Modal
        open={dialog !== null && dialog !== 'boundary'}
        title={dialog && dialog !== 'boundary' ? titles[dialog] : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
        data-testid="unit-dialog"
      >
        {formError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={formError}
            description={
              otherErrors.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {otherErrors.map((e, i) => (
                    <li key={i}>
                      {e.field}：{e.message}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
          {dialog === 'create' && (
            <>
              <Form.Item label="上级单位">
                <Input value={unit.name} disabled />
              </Form.Item>
              <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
                <Select
                  options={childKinds.map((k) => ({ value: k, label: unitKindLabel[k] }))}
                  data-testid="unit-form-kind"
                />
              </Form.Item>
            </>
          )}
          {(dialog === 'create' || dialog === 'rename') && (
            <Form.Item
              name="name"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: '请输入名称' },
                { max: 100, message: '名称不超过 100 个字' },
              ]}
            >
              <Input placeholder="如：城北街道办事处" autoFocus data-testid="unit-form-name" />
            </Form.Item>
          )}
          {(dialog === 'create' || dialog === 'code') && (
            <Form.Item
              name="code"
              label="代码"
              extra="街道、社区用 12 位统计用区划代码；网格用 15 位单元网格代码（GB/T 30428.1）。可留空。"
              rules={[
                { pattern: /^[0-9A-Za-z-]*$/, message: '代码只能包含数字、字母和连字符' },
                { max: 20, message: '代码不超过 20 位' },
              ]}
            >
              <Input placeholder="如：411602001001" data-testid="unit-form-code" />
            </Form.Item>
          )}
          {dialog === 'move' && (
            <Form.Item name="parentId" label="新的上级单位" rules={[{ required: true, message: '请选择新的上级单位' }]}>
              <UnitPicker disabledId={unit.id} placeholder="选择新的上级单位" data-testid="unit-form-parent" />
            </Form.Item>
          )}
        </Form>
      </Modal>

      <BoundaryImportModal
        open={dialog === 'boundary'}
        unit={unit}
        onClose={() => setDialog(null)}
        onImported={(updated) => {
          setDialog(null);
          onChanged({ type: 'boundaries', updated });
        }}
      />
    </>
  );
}
