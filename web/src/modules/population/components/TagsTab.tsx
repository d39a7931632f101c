import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../lib/api';
import { useApiMutation } from '../../../lib/query';
import { populationApi, type ResidentTag } from '../api';
import { POP, useResidentTags } from '../use-population';

/** 标签设置 (resident.configure): the district's resident tags; codes stay, names change, retired ones stay on records. */
export function TagsTab() {
  const tags = useResidentTags();
  const [editing, setEditing] = useState<ResidentTag | null | undefined>(undefined);
  const [form] = Form.useForm<{ name: string }>();
  const save = useApiMutation(
    (v: { code?: string; name: string; active?: boolean }) =>
      v.code
        ? populationApi.updateTag(v.code, { name: v.name, active: v.active })
        : populationApi.createTag({ name: v.name }),
    {
      invalidates: [[POP, 'tags']],
      toastError: false,
      successMessage: '标签已保存',
      onSuccess: () => setEditing(undefined),
    },
  );
  const toggle = useApiMutation(
    (t: ResidentTag) => populationApi.updateTag(t.code, { name: t.name, active: !t.active }),
    { invalidates: [[POP, 'tags']] },
  );
  const open = (t: ResidentTag | null) => {
    form.resetFields();
    form.setFieldsValue({ name: t?.name ?? '' });
    save.reset();
    setEditing(t);
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v)
      save.mutate(
        { code: editing?.code, name: v.name.trim(), active: editing?.active },
        { onError: (e) => applyFieldErrors(form, e, ['name']) },
      );
  };

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">停用的标签不再出现在登记表单中，已打上的居民保留。</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} data-testid="tag-create">
          新增标签
        </Button>
      </Space>
      <ErrorAlert error={tags.error} style={{ marginBottom: 12 }} />
      <Table<ResidentTag>
        rowKey="code"
        size="middle"
        loading={tags.loading}
        dataSource={tags.all}
        pagination={false}
        data-testid="tag-table"
        style={{ maxWidth: 640 }}
        columns={[
          { title: '标签', dataIndex: 'name' },
          {
            title: '启用',
            dataIndex: 'active',
            width: 90,
            render: (a: boolean, t) => (
              <Switch
                checked={a}
                loading={toggle.isPending && toggle.variables?.code === t.code}
                onChange={() => toggle.mutate(t)}
              />
            ),
          },
          {
            title: '操作',
            key: 'edit',
            width: 90,
            render: (_, t) => (
              <Button type="link" size="small" onClick={() => open(t)}>
                改名
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing ? `修改标签 — ${editing.name}` : '新增标签'}
        okText="保存"
        cancelText="取消"
        onOk={submit}
        onCancel={() => setEditing(undefined)}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input maxLength={20} placeholder="如：留守老人" data-testid="tag-form-name" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
