import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { applyFieldErrors } from '../../../lib/api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { populationApi, type ResidentBody, type ResidentCreated } from '../api';
import { idNumberRule } from '../lib/id-number';
import {
  HOUSEHOLD_RELATION_NAMES,
  HOUSEHOLD_RELATIONS,
  OUTCOME_TEXT,
  RESIDENCE_KIND_NAMES,
  RESIDENCE_KINDS,
  type HouseholdRelation,
  type ResidenceKind,
} from '../labels';
import { useResidentTags } from '../use-population';

interface Props {
  open: boolean;
  /** Registering into a household (a drawer's 添加成员) … */
  household?: { id: string; address: string } | null;
  /** … or onto a grid, picked here (default: this unit when it is a grid). */
  defaultGridId?: string;
  onClose(): void;
  onSaved(r: ResidentCreated): void;
}

interface Values {
  name: string;
  idNumber?: string;
  phone?: string;
  gridId?: string;
  relation?: HouseholdRelation;
  residenceKind: ResidenceKind;
  tags?: string[];
  note?: string;
}

const FIELDS = ['name', 'idNumber', 'phone', 'gridId', 'relation', 'residenceKind', 'tags', 'note'];
const trimmed = (s?: string) => s?.trim() || null;

/** 登记居民: the outcome (新增 / 合并 / 合并审核) is told to the user, since a known ID number merges. */
export function ResidentFormModal({ open, household, defaultGridId, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const tags = useResidentTags();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ residenceKind: 'registered', gridId: defaultGridId, tags: [] });
  }, [open, defaultGridId, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    const body: ResidentBody = {
      name: v.name.trim(),
      idNumber: trimmed(v.idNumber)?.replace(/\s+/g, '').toUpperCase() ?? null,
      phone: trimmed(v.phone),
      residenceKind: v.residenceKind,
      relation: v.relation ?? null,
      tags: v.tags ?? [],
      note: trimmed(v.note),
      ...(household ? { householdId: household.id } : { gridId: v.gridId }),
    };
    try {
      const r = await populationApi.createResident(body);
      const text = `${r.resident.name}：${OUTCOME_TEXT[r.outcome]}`;
      if (r.outcome === 'review') message.warning(text, 6);
      else message.success(text);
      onSaved(r);
    } catch (e) {
      applyFieldErrors(form, e, FIELDS);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={household ? `添加成员 — ${household.address}` : '登记居民'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
      data-testid="resident-form-modal"
    >
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false} data-testid="resident-form">
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
              <Input maxLength={50} data-testid="resident-form-name" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="idNumber"
              label="身份证号"
              extra="已登记的身份证号会自动合并，不会重复"
              rules={[idNumberRule()]}
              validateDebounce={400}
            >
              <Input maxLength={22} className="cg-mono" data-testid="resident-form-id" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="phone"
              label="电话"
              rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: '电话号码格式不正确' }]}
            >
              <Input data-testid="resident-form-phone" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="residenceKind" label="人口类型" rules={[{ required: true, message: '请选择人口类型' }]}>
              <Select
                options={RESIDENCE_KINDS.map((k) => ({ value: k, label: RESIDENCE_KIND_NAMES[k] }))}
                data-testid="resident-form-kind"
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="relation" label="与户主关系">
              <Select
                allowClear
                options={HOUSEHOLD_RELATIONS.map((k) => ({ value: k, label: HOUSEHOLD_RELATION_NAMES[k] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {!household && (
          <Form.Item name="gridId" label="所在网格" rules={[{ required: true, message: '请选择网格' }]}>
            <UnitPicker selectableKinds={['grid_small']} placeholder="选择网格" />
          </Form.Item>
        )}
        <Form.Item name="tags" label="标签">
          <Select
            mode="multiple"
            allowClear
            placeholder="如：留守老人、低保"
            options={tags.active.map((t) => ({ value: t.code, label: t.name }))}
            data-testid="resident-form-tags"
          />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
