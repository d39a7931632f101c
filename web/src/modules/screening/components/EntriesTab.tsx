import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { useAuth } from '../../../app/auth';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { screeningApi, SCR, type Campaign, type Entry } from '../api';
import { ENTRY_SOURCE_NAMES } from '../labels';

/** 排查对象: the people on the list, masked; 查看 with a reason shows the full ID number and phone. */
export function EntriesTab({ campaign }: { campaign: Campaign }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [revealed, setRevealed] = useState<Record<string, Entry>>({});
  const [revealing, setRevealing] = useState<Entry | null>(null);
  const [adding, setAdding] = useState(false);
  const query = { q: q || undefined, offset, limit: 10 };
  const page = useApiQuery([SCR, 'entries', campaign.id, query], (s) => screeningApi.entries(campaign.id, query, s));
  const [reason, setReason] = useState('');
  const reveal = async () => {
    if (!revealing) return;
    try {
      const e = await screeningApi.reveal(revealing.id, reason);
      setRevealed((r) => ({ ...r, [e.id]: e }));
      setRevealing(null);
      setReason('');
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const show = (e: Entry) => revealed[e.id] ?? e;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Input.Search
          placeholder="姓名或完整身份证号"
          allowClear
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v.trim());
            setOffset(0);
          }}
        />
        {can('screening.write') && campaign.status === 'open' && (
          <Button onClick={() => setAdding(true)} data-testid="scr-add-entry">
            登记排查对象
          </Button>
        )}
      </Space>
      <ErrorAlert error={page.error} />
      <Table<Entry>
        size="small"
        rowKey="id"
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        data-testid="scr-entries"
        pagination={{
          current: offset / 10 + 1,
          pageSize: 10,
          total: page.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 人`,
          onChange: (p) => setOffset((p - 1) * 10),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 80 },
          { title: '身份证号', width: 170, render: (_, e) => show(e).idNumber },
          { title: '电话', width: 110, render: (_, e) => show(e).phone ?? '—' },
          { title: '网格', width: 140, render: (_, e) => e.grid.name },
          ...campaign.fields.map((f) => ({
            title: f.label,
            width: 110,
            render: (_: unknown, e: Entry) => e.values[f.key] ?? '—',
          })),
          { title: '来源', width: 80, render: (_, e) => ENTRY_SOURCE_NAMES[e.source] },
          {
            title: '上报单位',
            render: (_, e) => (
              <Space size={2} wrap>
                {e.units.map((u) => (
                  <Tag key={u.id}>{u.name}</Tag>
                ))}
              </Space>
            ),
          },
          { title: '登记时间', width: 130, render: (_, e) => formatDateTime(e.createdAt) },
          ...(can('screening.write')
            ? [
                {
                  title: '操作',
                  width: 60,
                  render: (_: unknown, e: Entry) =>
                    revealed[e.id] ? (
                      <Typography.Text type="secondary">已查看</Typography.Text>
                    ) : (
                      <Button type="link" size="small" onClick={() => setRevealing(e)}>
                        查看
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!revealing}
        title={`查看 ${revealing?.name ?? ''} 的完整身份证号和电话`}
        okText="查看"
        okButtonProps={{ disabled: !reason.trim() }}
        onOk={reveal}
        onCancel={() => setRevealing(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">查看完整个人信息将记入审计日志，请填写事由。</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          placeholder="如：电话回访核实"
        />
      </Modal>
      <EntryModal campaign={campaign} open={adding} onClose={() => setAdding(false)} />
    </Space>
  );
}

interface EntryValues {
  name: string;
  idNumber: string;
  phone?: string;
  address?: string;
  gridId?: string;
  source: 'grid' | 'door';
  values?: Record<string, string>;
}

/** 登记排查对象: one person; the same ID number already on the list adds this unit to it. */
function EntryModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const [form] = Form.useForm<EntryValues>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: EntryValues) => {
    setBusy(true);
    try {
      const r = await screeningApi.addEntry(campaign.id, {
        name: v.name,
        idNumber: v.idNumber,
        phone: v.phone || null,
        address: v.address || null,
        gridId: v.gridId ?? null,
        source: v.source,
        values: Object.fromEntries(Object.entries(v.values ?? {}).filter(([, x]) => x)),
      });
      message.success(r.attached ? '名单中已有此人，已追加本单位为上报单位' : '已登记');
      await invalidate([SCR]);
      form.resetFields();
      onClose();
    } catch (e) {
      const fields = [
        'name',
        'idNumber',
        'phone',
        'address',
        'gridId',
        ...campaign.fields.map((f) => `values.${f.key}`),
      ];
      applyFieldErrors(form, e, fields);
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="登记排查对象"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: 'grid' }}>
        <Space size={12} style={{ display: 'flex' }}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={50} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, message: '请填写身份证号' }]}>
            <Input maxLength={18} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="phone" label="电话">
            <Input maxLength={20} style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Space size={12} style={{ display: 'flex' }}>
          <Form.Item name="gridId" label="网格（不选则按其住户所在网格）" style={{ width: 280 }}>
            <UnitPicker selectableKinds={['grid_small']} placeholder="选择网格" allowClear />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'grid', label: '网格排查' },
                { value: 'door', label: '敲门发现' },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item name="address" label="住址">
          <Input maxLength={200} />
        </Form.Item>
        <Space size={12} wrap style={{ display: 'flex' }}>
          {campaign.fields.map((f) => (
            <Form.Item
              key={f.key}
              name={['values', f.key]}
              label={f.label}
              rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}
            >
              {f.type === 'choice' ? (
                <Select
                  style={{ width: 160 }}
                  allowClear
                  options={(f.choices ?? []).map((c) => ({ value: c, label: c }))}
                />
              ) : (
                <Input style={{ width: 160 }} placeholder={f.type === 'date' ? 'YYYY-MM-DD' : ''} />
              )}
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
