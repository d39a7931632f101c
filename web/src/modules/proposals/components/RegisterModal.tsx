import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { useApiQuery } from '../../../lib/query';
import { proposalsApi, type ProposalDetail } from '../api';

interface Values {
  number?: string;
  title: string;
  category: string;
  content: string;
  submittedOn?: Dayjs;
  proposers: { name: string; username?: string }[];
}

/** 登记提案 (立案): the 提案委 types in a proposal as filed, its category from the list; proposers are names, optionally linked to a login. */
export function RegisterModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose(): void;
  onDone(p: ProposalDetail): void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  // Only the categories the 提案委 keeps active are offered.
  const categories = useApiQuery(['proposals', 'categories', 'active'], (signal) =>
    proposalsApi.categories(true, signal),
  );
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      const p = await proposalsApi.register({
        ...v,
        number: v.number || undefined,
        submittedOn: v.submittedOn?.format('YYYY-MM-DD'),
        proposers: v.proposers.map((x) => ({ name: x.name, ...(x.username ? { username: x.username } : {}) })),
      });
      message.success(`已登记提案 ${p.number}`);
      form.resetFields();
      onDone(p);
    } catch (e) {
      const rest = applyFieldErrors(form, e, ['number', 'title', 'category', 'content', 'submittedOn', 'proposers']);
      if (rest.length || !(e as { errors?: unknown[] }).errors?.length) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="登记提案"
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText="登记"
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ proposers: [{ name: '' }] }}>
        <Form.Item name="title" label="案由（标题）" rules={[{ required: true, message: '请填写案由' }]}>
          <Input maxLength={200} data-testid="proposal-title" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select
              style={{ minWidth: 160 }}
              placeholder="选择类别"
              loading={categories.loading}
              options={(categories.data?.items ?? []).map((c) => ({ value: c.name, label: c.name }))}
              data-testid="proposal-category"
            />
          </Form.Item>
          <Form.Item name="number" label="提案号" tooltip="留空则按年度顺序自动编号，如 2026-013">
            <Input maxLength={20} placeholder="自动编号" />
          </Form.Item>
          <Form.Item name="submittedOn" label="提交日期" tooltip="留空为今天">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="content" label="内容" rules={[{ required: true, message: '请填写内容' }]}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
        <Form.List name="proposers">
          {(fields, { add, remove }) => (
            <Form.Item label="提案人" required>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '姓名' }]}>
                    <Input placeholder="姓名" maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'username']}>
                    <Input placeholder="登录账号（可选，用于评价）" maxLength={50} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                添加提案人
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
