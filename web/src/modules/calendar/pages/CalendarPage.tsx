import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useAuth } from '../../../app/auth';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { useApiQuery, useInvalidate } from '../../../lib/query';
import { calendarApi, type CalendarYear, type DayKind, type SpecialDay } from '../api';
import { MonthGrid } from '../components/MonthGrid';

const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

export default function CalendarPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<string | null>(null);
  const [form] = Form.useForm<{ kind: DayKind; name?: string }>();
  const [saving, setSaving] = useState(false);
  const canWrite = can('calendar.write');
  const today = dayjs().format('YYYY-MM-DD');

  const calendar = useApiQuery(['calendar', year], (signal) => calendarApi.year(year, signal), undefined, {
    toastError: true,
  });
  const data: CalendarYear | null = calendar.error ? null : (calendar.data ?? null);
  const loading = calendar.loading;
  const invalidate = useInvalidate();
  const load = () => invalidate(['calendar']);

  const special = useMemo(() => new Map((data?.days ?? []).map((d) => [d.date, d])), [data]);
  const editingDay = editing ? special.get(editing) : undefined;

  const openDay = (date: string) => {
    const s = special.get(date);
    const weekend = [0, 6].includes(dayjs(date).day());
    form.setFieldsValue({ kind: s?.kind ?? (weekend ? 'workday' : 'holiday'), name: s?.name ?? '' });
    setEditing(date);
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!editing) return;
    setSaving(true);
    try {
      await calendarApi.setDay(editing, { kind: v.kind, name: v.name?.trim() || undefined });
      message.success(`${editing} 已设置为${v.kind === 'holiday' ? '节假日' : '工作日'}`);
      setEditing(null);
      void load();
    } catch (e) {
      applyFieldErrors(form, e, ['kind', 'name']);
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const clear = async () => {
    if (!editing) return;
    setSaving(true);
    try {
      await calendarApi.clearDay(editing);
      message.success(`${editing} 已恢复默认`);
      setEditing(null);
      void load();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const years = [];
  for (let y = thisYear + 2; y >= 2004; y--) years.push({ value: y, label: `${y} 年` });
  const holidays = (data?.days ?? []).filter((d) => d.kind === 'holiday').length;
  const workdays = (data?.days ?? []).filter((d) => d.kind === 'workday').length;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="calendar-page">
      <Card
        title="工作日历"
        extra={
          <Space>
            <Button icon={<LeftOutlined />} onClick={() => setYear((y) => y - 1)} disabled={year <= 2004} />
            <Select
              value={year}
              onChange={setYear}
              options={years}
              style={{ width: 110 }}
              data-testid="calendar-year"
            />
            <Button icon={<RightOutlined />} onClick={() => setYear((y) => y + 1)} />
            <Button onClick={() => setYear(thisYear)} disabled={year === thisYear}>
              今年
            </Button>
          </Space>
        }
        loading={loading && !data}
      >
        {data && !data.covered && (
          <Alert
            type="warning"
            showIcon
            data-testid="calendar-not-covered"
            style={{ marginBottom: 16 }}
            message={`${year} 年的法定节假日安排尚未收录`}
            description="在收录前，系统按周一至周五为工作日计算处置时限和报送期限。国务院办公厅公布该年放假安排后，请管理员及时补录节假日和调休上班日。"
          />
        )}
        <Space wrap size={24} style={{ marginBottom: 16 }}>
          <Space size={6}>
            <span className="cg-legend cg-day-holiday">休</span>节假日（{holidays} 天）
          </Space>
          <Space size={6}>
            <span className="cg-legend cg-day-workday">班</span>调休上班（{workdays} 天）
          </Space>
          <Space size={6}>
            <span className="cg-legend cg-day-weekend">六</span>周末
          </Space>
          <Space size={6}>
            <span className="cg-legend-dot" />
            管理员调整
          </Space>
          {data?.source && (
            <Typography.Text type="secondary" data-testid="calendar-source">
              数据来源：{data.source}
            </Typography.Text>
          )}
          {canWrite && <Typography.Text type="secondary">点击日期可调整</Typography.Text>}
        </Space>
        <Row gutter={[16, 16]}>
          {Array.from({ length: 12 }, (_, m) => (
            <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
              <MonthGrid
                year={year}
                month={m}
                special={special}
                today={today}
                onDayClick={canWrite ? openDay : undefined}
              />
            </Col>
          ))}
        </Row>
      </Card>

      <Card title={`${year} 年特殊日期`} size="small">
        <Table<SpecialDay>
          rowKey="date"
          size="small"
          dataSource={data?.days ?? []}
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
                      <Button type="link" size="small" onClick={() => openDay(d.date)}>
                        调整
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Modal
        open={!!editing}
        title={editing ? `调整日期 — ${editing}（周${WEEK[dayjs(editing).day()]}）` : ''}
        onCancel={() => setEditing(null)}
        footer={
          <Space>
            {editingDay?.origin === 'admin' && (
              <Button danger onClick={clear} loading={saving} data-testid="calendar-day-clear">
                恢复默认
              </Button>
            )}
            <Button onClick={() => setEditing(null)}>取消</Button>
            <Button type="primary" onClick={save} loading={saving} data-testid="calendar-day-save">
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
    </Space>
  );
}
