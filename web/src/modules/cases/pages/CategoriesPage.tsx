import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { applyFieldErrors, errorText } from '../../../lib/api';
import type { Unit } from '../../org/api';
import { casesApi, type CaseCategory, type TimeLimit } from '../api';
import { timeLimitText } from '../labels';
import { useCategories } from '../use-categories';
import '../cases.css';
import { useApiQuery } from '../../../lib/query';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Row extends CaseCategory {
  children?: Row[];
}

interface Values {
  name: string;
  limitValue?: number | null;
  limitUnit: TimeLimit['unit'];
  defaultUnitId?: string | null;
  duplicateRadiusM: number;
  active: boolean;
}

const sourceLabel: Record<string, string> = { gbt30428: 'GB/T 30428.2', local: '本地' };

/** 问题类别: time limits, default responsible units and duplicate radius, edited by admins. */
export default function CategoriesPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const { categories, reload } = useCategories();
  const [editing, setEditing] = useState<CaseCategory | null>(null);
  const targets = useApiQuery(['cases', 'dispatch-targets'], () => casesApi.dispatchTargets(), undefined, {
    staleTime: 5 * 60_000,
  });
  const units: Unit[] = targets.data ?? [];
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const writable = can('category.write');

  const rows = useMemo<Row[]>(() => {
    const list = categories ?? [];
    return list
      .filter((c) => c.level === 1 || !c.parentCode)
      .map((t) => ({ ...t, children: list.filter((c) => c.parentCode === t.code) }));
  }, [categories]);

  const open = (c: CaseCategory) => {
    setEditing(c);
    setError(null);
    form.setFieldsValue({
      name: c.name,
      limitValue: c.timeLimit?.value ?? null,
      limitUnit: c.timeLimit?.unit ?? 'days',
      defaultUnitId: c.defaultUnitId,
      duplicateRadiusM: c.duplicateRadiusM,
      active: c.active,
    });
  };

  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await casesApi.updateCategory(editing.code, {
        name: v.name.trim(),
        active: v.active,
        ...(editing.level === 2
          ? {
              timeLimit: v.limitValue ? { value: v.limitValue, unit: v.limitUnit ?? 'days' } : null,
              defaultUnitId: v.defaultUnitId || null,
              duplicateRadiusM: v.duplicateRadiusM,
            }
          : {}),
      });
      message.success(`已保存「${v.name}」`);
      setEditing(null);
      reload();
    } catch (e) {
      applyFieldErrors(form, e, ['name', 'defaultUnitId', 'duplicateRadiusM', 'active']);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const unitOptions = [
    {
      label: '区直部门',
      options: units.filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name })),
    },
    {
      label: '驻区单位',
      options: units.filter((u) => u.kind === 'outside_unit').map((u) => ({ value: u.id, label: u.name })),
    },
  ];

  return (
    <Card
      title="问题类别"
      data-testid="case-categories-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        类别按 GB/T 30428.2 事件大类 /
        小类编码，另有本地扩展类别。处置时限按工作日历计算；上报时在“重复判定半径”内的同类未办结问题会提示为可能重复。
      </Typography.Paragraph>
      <Table<Row>
        rowKey="code"
        size="small"
        loading={categories === null}
        dataSource={rows}
        pagination={false}
        expandable={{ defaultExpandAllRows: false }}
        data-testid="category-table"
        columns={[
          { title: '代码', dataIndex: 'code', width: 110, render: (c: string) => <span className="cg-mono">{c}</span> },
          {
            title: '名称',
            dataIndex: 'name',
            render: (n: string, r) => (r.level === 1 ? <Typography.Text strong>{n}</Typography.Text> : n),
          },
          { title: '依据', dataIndex: 'source', width: 120, render: (s: string) => sourceLabel[s] ?? s },
          {
            title: '处置时限',
            dataIndex: 'timeLimit',
            width: 130,
            render: (t: TimeLimit | null, r) => (r.level === 1 ? '' : timeLimitText(t)),
          },
          {
            title: '默认责任单位',
            dataIndex: 'defaultUnitName',
            width: 220,
            ellipsis: true,
            render: (u: string | null, r) => (r.level === 1 ? '' : (u ?? '—')),
          },
          {
            title: '重复判定半径',
            dataIndex: 'duplicateRadiusM',
            width: 120,
            render: (m: number, r) => (r.level === 1 ? '' : `${m} 米`),
          },
          {
            title: '状态',
            dataIndex: 'active',
            width: 80,
            render: (a: boolean) => (a ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>),
          },
          ...(writable
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 80,
                  render: (_: unknown, r: Row) => (
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => open(r)}
                      data-testid="category-edit"
                    >
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? `编辑类别 — ${editing.code} ${editing.name}` : ''}
        okText="保存"
        cancelText="取消"
        onOk={save}
        onCancel={() => setEditing(null)}
        confirmLoading={busy}
        forceRender
      >
        {error && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" data-testid="category-form">
          <Form.Item
            name="name"
            label="名称"
            rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 50 }]}
          >
            <Input />
          </Form.Item>
          {editing?.level === 2 && (
            <>
              <Form.Item label="处置时限" extra="留空表示无时限。">
                <Space.Compact>
                  <Form.Item name="limitValue" noStyle>
                    <InputNumber min={1} max={8760} precision={0} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name="limitUnit" noStyle>
                    <Select
                      style={{ width: 110 }}
                      options={[
                        { value: 'hours', label: '工作小时' },
                        { value: 'days', label: '工作日' },
                      ]}
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
              <Form.Item name="defaultUnitId" label="默认责任单位">
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={unitOptions}
                  placeholder="派遣时预选的单位"
                />
              </Form.Item>
              <Form.Item name="duplicateRadiusM" label="重复判定半径（米）" rules={[{ required: true }]}>
                <InputNumber min={10} max={5000} precision={0} style={{ width: 160 }} />
              </Form.Item>
            </>
          )}
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
