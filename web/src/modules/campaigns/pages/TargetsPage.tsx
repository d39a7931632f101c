import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StatusTag } from '../../../components/StatusTag';
import { UnitPicker } from '../../../components/UnitPicker';
import { applyFieldErrors } from '../../../lib/api';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { campaignsApi, type Target, type TargetBody } from '../api';
import { qty, TARGET_STATUS_COLORS, TARGET_STATUS_NAMES } from '../labels';

function SetTargetModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const me = useMe();
  const [form] = Form.useForm<TargetBody & { ref1?: number; ref2?: number }>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<unknown>(null);
  const invalidate = useInvalidate();
  const indicators = useApiQuery(['indicators', 'list'], (signal) => campaignsApi.indicators(signal));
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await campaignsApi.setTarget({
        indicatorId: v.indicatorId,
        unitId: v.unitId,
        period: v.period,
        kind: v.kind,
        value: v.kind === 'at_least' ? v.value : null,
        references:
          v.kind === 'above_references'
            ? [
                ...(v.ref1 !== undefined && v.ref1 !== null ? [{ label: '全省', value: v.ref1 }] : []),
                ...(v.ref2 !== undefined && v.ref2 !== null ? [{ label: '全市', value: v.ref2 }] : []),
              ]
            : [],
        actual: v.actual ?? null,
      });
      await invalidate(['indicators', 'targets']);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e, ['indicatorId', 'unitId', 'period', 'value', 'actual']);
      setError(e);
    }
  };
  return (
    <Modal
      open={open}
      title="设定目标"
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ kind: 'at_least', unitId: me.unitId }}>
        <Form.Item name="indicatorId" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select
            options={(indicators.data?.items ?? []).map((i) => ({
              value: i.id,
              label: `${i.name}（${i.measureUnit}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item
          name="period"
          label="期间"
          rules={[{ required: true, message: '请填写期间' }]}
          extra="年：2026；季度：2026-Q4；月：2026-12"
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="目标方式">
          <Select
            options={[
              { value: 'at_least', label: '达到数量（按时间进度）' },
              { value: 'above_references', label: '高于参照值（如“两个高于”）' },
            ]}
          />
        </Form.Item>
        {kind === 'above_references' ? (
          <Space>
            <Form.Item name="ref1" label="全省">
              <InputNumber />
            </Form.Item>
            <Form.Item name="ref2" label="全市">
              <InputNumber />
            </Form.Item>
            <Form.Item name="actual" label="实际值">
              <InputNumber />
            </Form.Item>
          </Space>
        ) : (
          <Space>
            <Form.Item name="value" label="目标值">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="actual" label="实际值（不填则按指标统计）">
              <InputNumber />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}

/** 指标目标: each target with its actual, the pro-rata expectation and met / on track / behind. */
export default function TargetsPage() {
  const me = useMe();
  const [unitId, setUnitId] = useState(me.unitId);
  const [setting, setSetting] = useState(false);
  const list = useApiQuery(['indicators', 'targets', unitId], (signal) => campaignsApi.targets({ unitId }, signal));
  return (
    <Card
      title="指标目标"
      extra={
        <Space>
          <UnitPicker value={unitId} onChange={(u) => u && setUnitId(u)} style={{ width: 220 }} />
          {me.permissions.includes('indicator.define') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSetting(true)}>
              设定目标
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={list.error} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        数量目标按时间进度衡量：应完成 = 目标值 × 已过天数 ÷
        期间天数；实际达到目标值为“已完成”，不低于应完成为“进度正常”，否则“进度滞后”。
        “两个高于”类目标须高于每个参照值。
      </Typography.Paragraph>
      <Table<Target>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: '指标', dataIndex: 'indicatorName', width: 200 },
          { title: '单位', dataIndex: 'unitName', width: 150 },
          { title: '期间', dataIndex: 'period', width: 90 },
          {
            title: '目标',
            key: 'goal',
            width: 170,
            render: (_: unknown, r) =>
              r.kind === 'at_least'
                ? `${qty(r.value)} ${r.measureUnit}`
                : `高于 ${r.references.map((x) => `${x.label}${x.value}${r.measureUnit}`).join('、')}`,
          },
          {
            title: '实际',
            key: 'actual',
            width: 120,
            align: 'right',
            render: (_: unknown, r) =>
              `${qty(r.actual)} ${r.actual === null ? '' : r.measureUnit}${r.actualEntered ? '（填报）' : ''}`,
          },
          {
            title: '时间进度',
            key: 'elapsed',
            width: 150,
            render: (_: unknown, r) =>
              r.kind === 'at_least' ? (
                <Progress percent={Math.round(r.elapsed * 100)} size="small" format={(p) => `${p}%`} />
              ) : (
                '—'
              ),
          },
          { title: '应完成', key: 'expected', width: 90, align: 'right', render: (_: unknown, r) => qty(r.expected) },
          {
            title: '状态',
            key: 'status',
            width: 100,
            render: (_: unknown, r) => (
              <StatusTag status={r.status} colors={TARGET_STATUS_COLORS} names={TARGET_STATUS_NAMES} />
            ),
          },
        ]}
        data-testid="targets-table"
      />
      <SetTargetModal open={setting} onClose={() => setSetting(false)} />
    </Card>
  );
}
