import { Alert, Button, Card, Form, Input, Modal, Radio, Space, Table, Tag, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { DayKind, SpecialDay } from '../api';
import type { DayValues } from '../use-calendar';

export const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

/** The year's holidays and 调休 workdays, each with where it comes from. */
export function SpecialDaysTable({
  year,
  days,
  onEdit,
}: {
  year: number;
  days: SpecialDay[];
  /** Given to those who may adjust the calendar. */
  onEdit?: (date: string) => void;
}) {
  const canWrite = !!onEdit;
  return (
    <Card title={`${year} 年特殊日期`} size="small">
      <Table<SpecialDay>
        rowKey="date"
        size="small"
        dataSource={days}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        locale={{ emptyText: '本年没有节假日或调休记录' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 130 },
          {
            title: '星期',
            dataIndex: 'date',
            key: 'wd',
            width: 80,
            render: (d: string) => `周${WEEK[dayjs(d).day()]}`,
          },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 120,
            render: (k: DayKind) =>
              k === 'holiday' ? <Tag color="red">节假日</Tag> : <Tag color="orange">调休上班</Tag>,
          },
          { title: '名称', dataIndex: 'name', render: (n?: string) => n || '—' },
          {
            title: '来源',
            dataIndex: 'origin',
            width: 120,
            render: (o: string) => (o === 'admin' ? <Tag color="purple">管理员设置</Tag> : <Tag>官方安排</Tag>),
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 90,
                  render: (_: unknown, d: SpecialDay) => (
                    <Button type="link" size="small" onClick={() => onEdit?.(d.date)}>
                      调整
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Sets one day to a holiday or a workday, or takes an admin's setting back. */
export function DayEditModal({
  editing,
  editingDay,
  form,
  saving,
  onSave,
  onClear,
  onClose,
}: {
  editing: string | null;
  editingDay: SpecialDay | undefined;
  form: FormInstance<DayValues>;
  saving: boolean;
  onSave(): void;
  onClear(): void;
  onClose(): void;
}) {
  return (
    <Modal
      open={!!editing}
      title={editing ? `调整日期 — ${editing}（周${WEEK[dayjs(editing).day()]}）` : ''}
      onCancel={onClose}
      footer={
        <Space>
          {editingDay?.origin === 'admin' && (
            <Button danger onClick={onClear} loading={saving} data-testid="calendar-day-clear">
              恢复默认
            </Button>
          )}
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" onClick={onSave} loading={saving} data-testid="calendar-day-save">
            保存
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      {editingDay && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`当前：${editingDay.kind === 'holiday' ? '节假日' : '调休上班'}${editingDay.name ? `（${editingDay.name}）` : ''}，${
            editingDay.origin === 'admin' ? '管理员设置' : '官方安排'
          }`}
        />
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="kind" label="设为" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'holiday', label: '节假日（放假）' },
              { value: 'workday', label: '工作日（上班）' },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ max: 30 }]}>
          <Input placeholder="如：春节、国庆节调休" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
