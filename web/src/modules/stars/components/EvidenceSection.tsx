import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { formatDate } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import type { UploadedFile } from '../../cases/api';
import { PhotoUpload } from '../../cases/components/PhotoUpload';
import { starsApi, type StarDefinition } from '../api';
import { cycleApi, type Evidence } from '../cycle-api';
import { quarterLabel, quarterOptions } from '../labels';
import { Photos } from './WeeklySection';

interface Values {
  starKey: string;
  indicatorKey?: string;
  photos?: UploadedFile[];
  note?: string;
}

function AddEvidence({
  branchId,
  quarter,
  stars,
  onClose,
}: {
  branchId: string;
  quarter: string;
  stars: StarDefinition[];
  onClose(saved: boolean): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const starKey = Form.useWatch('starKey', form);
  const star = stars.find((s) => s.key === starKey);
  const [saving, setSaving] = useState(false);
  const save = async (v: Values) => {
    setSaving(true);
    try {
      await cycleApi.addEvidence({
        branchId,
        quarter,
        starKey: v.starKey,
        indicatorKey: v.indicatorKey ?? null,
        fileId: v.photos?.[0]?.id ?? null,
        note: v.note || null,
      });
      message.success('已上传佐证');
      onClose(true);
    } catch (e) {
      const known = applyFieldErrors(form, e, ['starKey', 'indicatorKey', 'note']);
      if (!known.length) message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`上传佐证材料（${quarterLabel(quarter)}）`}
      okText="上传"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="starKey" label="星" rules={[{ required: true, message: '请选择星' }]}>
          <Select
            options={stars.map((s) => ({ value: s.key, label: s.name }))}
            onChange={() => form.setFieldValue('indicatorKey', undefined)}
            data-testid="evidence-star"
          />
        </Form.Item>
        <Form.Item name="indicatorKey" label="指标（必备佐证请选对应指标；不选则为整颗星的材料）">
          <Select
            allowClear
            options={(star?.indicators ?? []).map((i) => ({
              value: i.key,
              label: `${i.name}${i.evidence ? `（${i.evidence}）` : ''}`,
            }))}
            data-testid="evidence-indicator"
          />
        </Form.Item>
        <Form.Item name="photos" label="照片">
          <PhotoUpload max={1} data-testid="evidence-photo" />
        </Form.Item>
        <Form.Item
          name="note"
          label="说明"
          dependencies={['photos']}
          rules={[
            {
              validator: (_, v) =>
                v || (form.getFieldValue('photos') ?? []).length
                  ? Promise.resolve()
                  : Promise.reject(new Error('请上传照片或填写说明')),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 佐证材料 of a branch for a quarter, star by star; the branch's own side uploads and takes its own back. */
export function EvidenceSection({ branchId }: { branchId: string }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const [quarter, setQuarter] = useState<string>();
  const [adding, setAdding] = useState(false);
  const list = useApiQuery(['stars', 'evidence', branchId, quarter], (s) => cycleApi.evidence(branchId, quarter, s));
  const q = quarter ?? list.data?.quarter;
  const sets = useApiQuery(['stars', 'sets', q], (s) => starsApi.sets(q, s), undefined, { enabled: !!q });
  const kind = list.data?.branch.kind;
  const stars = (kind && sets.data?.[kind]?.stars) || [];
  const starName = new Map(stars.map((s) => [s.key, s.name]));
  const indicatorName = new Map(stars.flatMap((s) => s.indicators.map((i) => [`${s.key}/${i.key}`, i.name] as const)));
  const remove = async (e: Evidence) => {
    try {
      await cycleApi.deleteEvidence(e.id);
      message.success('已删除');
      void list.refetch();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Card
      size="small"
      title="佐证材料"
      data-testid="evidence-section"
      extra={
        <Space>
          <Select
            size="small"
            style={{ width: 150 }}
            value={q}
            options={quarterOptions(new Date(), 6, 0)}
            onChange={setQuarter}
          />
          {can('star.report') && (
            <Button
              size="small"
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setAdding(true)}
              disabled={!stars.length}
            >
              上传佐证
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={list.error} />
      {stars.length > 0 && (
        <Space wrap style={{ marginBottom: 8 }}>
          {stars.map((s) => {
            const n = (list.data?.items ?? []).filter((e) => e.starKey === s.key).length;
            const required = s.indicators.filter((i) => i.evidenceRequired);
            const missing = required.filter(
              (i) => !(list.data?.items ?? []).some((e) => e.starKey === s.key && e.indicatorKey === i.key),
            );
            return (
              <Tag key={s.key} color={missing.length ? 'orange' : n ? 'green' : 'default'}>
                {s.name} {n} 份{missing.length ? `（缺：${missing.map((i) => i.name).join('、')}）` : ''}
              </Tag>
            );
          })}
        </Space>
      )}
      <Table<Evidence>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="本季度还没有佐证材料" /> }}
        columns={[
          { title: '星', dataIndex: 'starKey', width: 100, render: (k: string) => starName.get(k) ?? k },
          {
            title: '指标',
            width: 150,
            render: (_, e) =>
              e.indicatorKey ? (indicatorName.get(`${e.starKey}/${e.indicatorKey}`) ?? e.indicatorKey) : '整颗星',
          },
          {
            title: '材料',
            render: (_, e) => (
              <Space>
                {e.fileId && <Photos ids={[e.fileId]} />}
                {e.note && <Typography.Text>{e.note}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '上传',
            width: 150,
            render: (_, e) => (
              <Typography.Text type="secondary">
                {e.uploadedByName}
                <br />
                {formatDate(e.uploadedAt)}
              </Typography.Text>
            ),
          },
          {
            title: '',
            width: 50,
            render: (_, e) =>
              e.canDelete && (
                <Popconfirm title="删除这份佐证？" onConfirm={() => remove(e)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除" />
                </Popconfirm>
              ),
          },
        ]}
      />
      {adding && q && (
        <AddEvidence
          branchId={branchId}
          quarter={q}
          stars={stars}
          onClose={(saved) => {
            setAdding(false);
            if (saved) void list.refetch();
          }}
        />
      )}
    </Card>
  );
}
