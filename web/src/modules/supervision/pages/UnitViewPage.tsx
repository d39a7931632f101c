import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { supervisionApi, type OwedItem } from '../api';
import { TaskLink, TaskStatusTag } from '../components/TaskTags';
import { OWED_COLORS, OWED_LABELS } from '../labels';
import '../supervision.css';

type Group = 'overdue' | 'week' | 'month' | 'later';
const WHATS: OwedItem['what'][] = ['milestone', 'report', 'notice', 'deadline'];
type Filter = 'all' | 'due' | OwedItem['what'];
const GROUP_LABELS: Record<Group, string> = {
  overdue: '已逾期',
  week: '7 天内到期',
  month: '30 天内到期',
  later: '更晚',
};

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function localToday(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** 本单位待办: what my unit owes (节点、进度报告、督办答复、完成时限), by when; overdue in red. */
export default function UnitViewPage() {
  const navigate = useNavigate();
  // What is shown lives in the address: ?what=due is the 工作台's 任务节点临期或超期 (overdue, or due by
  // the next working day, notices aside), ?what=notice its 待答复督办.
  const [params, setParams] = useSearchParams();
  const what = params.get('what');
  const filter: Filter = what === 'due' || WHATS.includes(what as OwedItem['what']) ? (what as Filter) : 'all';
  const setFilter = (v: Filter) =>
    setParams(v === 'all' ? new URLSearchParams() : new URLSearchParams({ what: v }), { replace: true });
  const view = useApiQuery(['supervision', 'unit-view'], (signal) => supervisionApi.unitView(signal));
  const items = useMemo(() => view.data?.items ?? [], [view.data]);
  const today = view.data?.today ?? localToday();
  const loading = view.loading;
  const load = () => view.refetch();

  const groupOf = useCallback(
    (i: OwedItem): Group =>
      i.overdue ? 'overdue' : i.due <= addDays(today, 7) ? 'week' : i.due <= addDays(today, 30) ? 'month' : 'later',
    [today],
  );
  const until = view.data?.dueSoonUntil;
  const isDue = useCallback(
    (i: OwedItem) => i.what !== 'notice' && (i.overdue || (!!until && i.due <= until)),
    [until],
  );
  const shown = useMemo(
    () => items.filter((i) => filter === 'all' || (filter === 'due' ? isDue(i) : i.what === filter)),
    [items, filter, isDue],
  );
  const groups = useMemo(() => {
    const out: Record<Group, OwedItem[]> = { overdue: [], week: [], month: [], later: [] };
    for (const i of shown) out[groupOf(i)].push(i);
    return out;
  }, [shown, groupOf]);

  return (
    <Card
      title="本单位待办"
      data-testid="unit-view-page"
      extra={
        <Space>
          <Typography.Text type="secondary">截至 {today}</Typography.Text>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            刷新
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={view.error} style={{ marginBottom: 16 }} />
      <Segmented
        style={{ marginBottom: 16 }}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        options={[
          { value: 'all', label: `全部 ${items.length}` },
          { value: 'due', label: `临期或超期 ${items.filter(isDue).length}` },
          ...WHATS.map((w) => ({
            value: w,
            label: `${OWED_LABELS[w]} ${items.filter((i) => i.what === w).length}`,
          })),
        ]}
        data-testid="unit-view-filter"
      />
      {!loading && shown.length === 0 && <Empty description="本单位暂无待办事项" />}
      {(Object.keys(GROUP_LABELS) as Group[])
        .filter((g) => groups[g].length > 0)
        .map((g) => (
          <div key={g} style={{ marginBottom: 20 }} data-testid={`unit-view-group-${g}`}>
            <Typography.Title level={5} type={g === 'overdue' ? 'danger' : undefined}>
              {GROUP_LABELS[g]}（{groups[g].length}）
            </Typography.Title>
            <Table<OwedItem>
              className="cg-sv-table"
              size="small"
              loading={loading}
              pagination={false}
              rowKey={(i) => `${i.task.id}|${i.what}|${i.title}|${i.due}`}
              dataSource={groups[g]}
              onRow={(i) =>
                ({
                  onClick: () => navigate(`/supervision/tasks/${i.task.id}`),
                  'data-testid': 'owed-row',
                  'data-overdue': String(i.overdue),
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: '到期',
                  dataIndex: 'due',
                  width: 110,
                  render: (d: string, i) => (
                    <Typography.Text className="cg-mono" type={i.overdue ? 'danger' : undefined} strong={i.overdue}>
                      {d}
                    </Typography.Text>
                  ),
                },
                {
                  title: '事项',
                  dataIndex: 'what',
                  width: 100,
                  render: (w: OwedItem['what']) => <Tag color={OWED_COLORS[w]}>{OWED_LABELS[w]}</Tag>,
                },
                {
                  title: '内容',
                  dataIndex: 'title',
                  render: (t: string, i) => (
                    <Typography.Text type={i.overdue ? 'danger' : undefined}>{t}</Typography.Text>
                  ),
                },
                {
                  title: '任务',
                  dataIndex: ['task', 'title'],
                  render: (_: unknown, i) => <TaskLink id={i.task.id} title={i.task.title} />,
                },
                {
                  title: '任务状态',
                  width: 96,
                  render: (_: unknown, i) => <TaskStatusTag status={i.task.status} reasons={i.task.statusReasons} />,
                },
                { title: '牵头单位', width: 160, ellipsis: true, dataIndex: ['task', 'leadUnit', 'name'] },
              ]}
            />
          </div>
        ))}
    </Card>
  );
}
