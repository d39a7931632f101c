import { Button, Form, InputNumber, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format-time';
import { useApiMutation } from '../../../lib/query';
import { farmlandApi, type FarmlandCase } from '../api';
import { CASE_STATUS_NAMES, PARCEL_KIND_NAMES } from '../labels';

const FINISHED = new Set(['closed', 'rejected', 'merged']);

interface Props {
  items: FarmlandCase[];
  loading: boolean;
  canApprove: boolean;
  canWrite: boolean;
  selected?: string;
  onSelect(id: string): void;
}

/** The farmland cases: status, occupied area (editable) and the district's approval of 不予立案. */
export function FarmlandCaseTable({ items, loading, canApprove, canWrite, selected, onSelect }: Props) {
  const [area, setArea] = useState<FarmlandCase | null>(null);
  const [approving, setApproving] = useState<FarmlandCase | null>(null);
  const [areaForm] = Form.useForm<{ occupiedMu: number | null }>();
  const [approveForm] = Form.useForm<{ note: string }>();
  const setOccupied = useApiMutation((v: { id: string; mu: number | null }) => farmlandApi.setOccupied(v.id, v.mu), {
    invalidates: [['farmland']],
    successMessage: '已保存占用面积',
    onSuccess: () => setArea(null),
  });
  const approve = useApiMutation((v: { id: string; note: string }) => farmlandApi.approve(v.id, v.note), {
    invalidates: [['farmland']],
    successMessage: '已审批同意不予立案',
    onSuccess: () => setApproving(null),
  });

  const columns: TableColumnsType<FarmlandCase> = [
    {
      title: '案卷号',
      dataIndex: 'caseNumber',
      key: 'no',
      width: 150,
      render: (v: string, r) => (
        <Link to={`/cases/${r.caseId}`} className="cg-mono">
          {v}
        </Link>
      ),
    },
    { title: '村', dataIndex: 'villageName', key: 'village', width: 100, ellipsis: true },
    {
      title: '图斑',
      key: 'parcel',
      width: 130,
      render: (_: unknown, r) => (
        <>
          <Tag color={r.parcelKind === 'permanent_basic' ? 'green' : 'lime'}>{PARCEL_KIND_NAMES[r.parcelKind]}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.parcelCode}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (s: string | null) => (s ? (CASE_STATUS_NAMES[s as keyof typeof CASE_STATUS_NAMES] ?? s) : '—'),
    },
    {
      title: '占用面积',
      key: 'area',
      width: 120,
      render: (_: unknown, r) => (
        <Space size={4}>
          <span>{r.occupiedMu === null ? '未填报' : `${r.occupiedMu} 亩`}</span>
          {canWrite && (
            <Button
              type="link"
              size="small"
              onClick={(e) => {
                e.stopPropagation();
                areaForm.setFieldsValue({ occupiedMu: r.occupiedMu });
                setArea(r);
              }}
            >
              填报
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: '区级审批',
      key: 'approval',
      width: 130,
      render: (_: unknown, r) =>
        r.approval ? (
          <Typography.Text title={r.approval.note ?? ''}>
            {r.approval.byName} 已同意
            <br />
            <span style={{ fontSize: 12 }}>{formatDateTime(r.approval.at)}</span>
          </Typography.Text>
        ) : canApprove && r.status && !FINISHED.has(r.status) ? (
          <Button
            size="small"
            onClick={(e) => {
              e.stopPropagation();
              approveForm.resetFields();
              setApproving(r);
            }}
            data-testid={`farmland-approve-${r.caseNumber}`}
          >
            审批
          </Button>
        ) : (
          <Typography.Text type="secondary">未审批</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <Table
        size="small"
        rowKey="caseId"
        loading={loading}
        dataSource={items}
        columns={columns}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        scroll={{ x: 740 }}
        onRow={(r) => ({ onClick: () => onSelect(r.caseId) })}
        rowClassName={(r) => (r.caseId === selected ? 'ant-table-row-selected' : '')}
        locale={{ emptyText: '暂无耕地案卷' }}
        data-testid="farmland-cases"
      />
      <Modal
        open={!!area}
        title={`填报占用面积 — ${area?.caseNumber ?? ''}`}
        okText="保存"
        cancelText="取消"
        confirmLoading={setOccupied.isPending}
        onCancel={() => setArea(null)}
        onOk={async () => {
          const v = await areaForm.validateFields();
          if (area) setOccupied.mutate({ id: area.caseId, mu: v.occupiedMu ?? null });
        }}
        destroyOnHidden
      >
        <Form form={areaForm} layout="vertical">
          <Form.Item name="occupiedMu" label="占用面积（亩）" extra="留空表示清除已填报的面积">
            <InputNumber min={0} max={100000} step={0.1} precision={2} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!approving}
        title={`区级审批 — ${approving?.caseNumber ?? ''}`}
        okText="同意不予立案"
        cancelText="取消"
        confirmLoading={approve.isPending}
        onCancel={() => setApproving(null)}
        onOk={async () => {
          const v = await approveForm.validateFields();
          if (approving) approve.mutate({ id: approving.caseId, note: v.note });
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          耕地案卷须经区级审批后，街道方可按“不予立案”办结。请写明核实情况与审批意见。
        </Typography.Paragraph>
        <Form form={approveForm} layout="vertical">
          <Form.Item
            name="note"
            label="审批意见"
            rules={[{ required: true, whitespace: true, message: '请填写审批意见' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
