import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { UnitPicker } from '../../../components/UnitPicker';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { useInvalidate } from '../../../lib/query';
import { screeningApi, SCR, type FieldDef } from '../api';

interface Values {
  name: string;
  scopeUnitId: string;
  window: [Dayjs, Dayjs];
  fields: { label: string; type: FieldDef['type']; required: boolean; choices?: string }[];
}

const DEFAULT_FIELDS: Values['fields'] = [
  { label: '来源地', type: 'text', required: true },
  { label: '到达日期', type: 'date', required: true },
  { label: '交通方式', type: 'choice', required: false, choices: '火车、飞机、自驾、客车' },
];

/** 开启排查: name, the unit it covers, its window and its own fields (来源地, 到达日期, 交通方式 …). */
export function CampaignModal({ open, onClose }: { open: boolean; onClose(id?: string): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const c = await screeningApi.open({
        name: v.name,
        scopeUnitId: v.scopeUnitId,
        startsOn: v.window[0].format('YYYY-MM-DD'),
        endsOn: v.window[1].format('YYYY-MM-DD'),
        fields: v.fields.map((f, i) => ({
          key: `f${i + 1}`,
          label: f.label,
          type: f.type,
          required: !!f.required,
          ...(f.type === 'choice'
            ? {
                choices: (f.choices ?? '')
                  .split(/[、,，\s]+/)
                  .map((x) => x.trim())
                  .filter(Boolean),
              }
            : {}),
        })),
      });
      message.success('已开启排查');
      await invalidate([SCR]);
      form.resetFields();
      onClose(c.id);
    } catch (e) {
      applyFieldErrors(form, e, ['name', 'scopeUnitId']);
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="开启排查名单"
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText="开启"
      confirmLoading={busy}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ fields: DEFAULT_FIELDS }}>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input placeholder="如：返乡人员排查" maxLength={100} data-testid="scr-campaign-name" />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item
            name="scopeUnitId"
            label="范围"
            rules={[{ required: true, message: '请选择范围' }]}
            style={{ width: 300 }}
          >
            <UnitPicker
              selectableKinds={['district', 'subdistrict', 'township', 'community', 'village']}
              placeholder="选择区、街道或社区"
            />
          </Form.Item>
          <Form.Item name="window" label="排查时段" rules={[{ required: true, message: '请选择时段' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Space>
        <Form.List name="fields">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写字段名称' }]}>
                    <Input placeholder="字段名称" style={{ width: 140 }} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'type']}>
                    <Select
                      style={{ width: 90 }}
                      options={[
                        { value: 'text', label: '文本' },
                        { value: 'date', label: '日期' },
                        { value: 'choice', label: '选项' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'choices']}>
                    <Input placeholder="选项，用顿号分隔" style={{ width: 240 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'required']} valuePropName="checked">
                    <Checkbox>必填</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ type: 'text', required: false })} icon={<PlusOutlined />}>
                添加字段
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
