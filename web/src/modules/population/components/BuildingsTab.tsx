import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { applyFieldErrors } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format-time';
import { useApiMutation } from '../../../lib/query';
import { populationApi, type Building } from '../api';
import { POP, useBuildings } from '../use-population';

interface Values {
  name: string;
  address?: string;
  gridId: string;
}

/** 楼栋: a unit's buildings with how many households each holds; 新增楼栋. */
export function BuildingsTab({ unitId, gridId }: { unitId?: string; gridId?: string }) {
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useBuildings(unitId, q);
  const [form] = Form.useForm<Values>();
  const create = useApiMutation(
    (v: Values) =>
      populationApi.createBuilding({ name: v.name.trim(), address: v.address?.trim() || null, gridId: v.gridId }),
    {
      invalidates: [[POP]],
      toastError: false,
      successMessage: (b) => `已新增楼栋：${b.name}`,
      onSuccess: () => setCreating(false),
    },
  );
  const open = () => {
    form.resetFields();
    form.setFieldsValue({ gridId });
    create.reset();
    setCreating(true);
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) create.mutate(v, { onError: (e) => applyFieldErrors(form, e, ['name', 'address', 'gridId']) });
  };

  return (
    <>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Input.Search
          placeholder="楼栋名称"
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 240 }}
          data-testid="building-search"
        />
        {can('resident.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={open} data-testid="building-create">
            新增楼栋
          </Button>
        )}
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<Building>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ defaultPageSize: 20, showTotal: (t) => `共 ${t} 栋` }}
        data-testid="building-table"
        locale={{ emptyText: '暂无楼栋' }}
        columns={[
          { title: '楼栋', dataIndex: 'name', ellipsis: true },
          { title: '地址', dataIndex: 'address', ellipsis: true, render: (a: string | null) => a ?? '—' },
          {
            title: '网格',
            key: 'grid',
            width: 220,
            ellipsis: true,
            render: (_, b) => `${b.grid.communityName ? `${b.grid.communityName} · ` : ''}${b.grid.name}`,
          },
          { title: '户数', dataIndex: 'households', width: 80, align: 'right' },
          { title: '定位', key: 'loc', width: 80, render: (_, b) => (b.location ? '已定位' : '未定位') },
          { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (t: string) => formatDateTime(t) },
        ]}
      />
      <Modal
        open={creating}
        title="新增楼栋"
        okText="保存"
        cancelText="取消"
        onOk={submit}
        onCancel={() => setCreating(false)}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label="楼栋名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input maxLength={100} placeholder="如：金海路12号院3号楼" data-testid="building-form-name" />
          </Form.Item>
          <Form.Item name="address" label="地址">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="gridId" label="所在网格" rules={[{ required: true, message: '请选择网格' }]}>
            <UnitPicker selectableKinds={['grid_small']} placeholder="选择网格" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
