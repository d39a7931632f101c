import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { UnitPicker } from '../../../components/UnitPicker';
import { errorText } from '../../../lib/api';
import { useApiCursorList } from '../../../lib/query';
import {
  supervisionApi,
  type StatusCounts,
  type TaskKind,
  type TaskListQuery,
  type TaskStatus,
  type TaskSummary,
} from '../api';
import { TaskFormDrawer } from '../components/TaskFormDrawer';
import { TaskTable, type TaskRow } from '../components/TaskTable';
import { STATUS_ORDER, TASK_KIND_LABELS, TASK_STATUS_LABELS } from '../labels';
import '../supervision.css';

const PAGE = 50;

/** 任务看板: every task in scope by view, status, kind and title; flat or as a tree of 任务分解. */
export default function TaskBoardPage() {
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as TaskListQuery['view']) || 'all';
  const status = (params.get('status') as TaskStatus | null) || undefined;
  const kind = (params.get('kind') as TaskKind | null) || undefined;
  const q = params.get('q') || undefined;
  const tree = params.get('tree') === '1';
  // The dashboard's 在办任务数 / 逾期任务数 of an area open here with its unit (by lead unit) and 在办.
  const unitId = params.get('unitId') || undefined;
  const open = !status && params.get('open') === 'true';
  const query = useMemo<TaskListQuery>(
    () => ({ view, status, kind, q, unitId, open: open ? 'true' : undefined, roots: tree ? 'true' : undefined }),
    [view, status, kind, q, unitId, open, tree],
  );

  const list = useApiCursorList(
    ['supervision', 'tasks', query],
    (cursor, signal) => supervisionApi.tasks({ ...query, limit: PAGE, cursor }, signal),
    { toastError: true },
  );
  const { items, nextCursor, loading, loadingMore } = list;
  const counts: StatusCounts | null = list.firstPage?.counts ?? null;
  const [qText, setQText] = useState(q ?? '');
  const [creating, setCreating] = useState(false);
  // Tree view: sub-tasks by parent id, loaded from TaskDetail.subTasks on expand.
  const [children, setChildren] = useState<Record<string, TaskSummary[]>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const load = () => void list.refetch();

  // A new list starts the tree collapsed, as the sub-tasks may have changed.
  useEffect(() => {
    setChildren({});
    setExpanded([]);
  }, [list.firstPage]);
  useEffect(() => setQText(q ?? ''), [q]);

  const setFilter = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const onExpand = async (open: boolean, row: TaskRow) => {
    if (!open) {
      setExpanded((e) => e.filter((k) => k !== row.id));
      return;
    }
    if (!children[row.id]) {
      try {
        const d = await supervisionApi.task(row.id);
        setChildren((c) => ({ ...c, [row.id]: d.subTasks }));
      } catch (e) {
        message.error(errorText(e));
        return;
      }
    }
    setExpanded((e) => [...e, row.id]);
  };

  const rows = useMemo<TaskRow[]>(() => {
    if (!tree) return items;
    const build = (t: TaskSummary, seen: Set<string>): TaskRow => {
      if (t.subTaskCount === 0 || seen.has(t.id)) return t;
      const kids = children[t.id];
      const next = new Set(seen).add(t.id);
      // An empty array still shows the expand icon; the children load when it is clicked.
      return { ...t, children: kids ? kids.map((k) => build(k, next)) : [] };
    };
    return items.map((t) => build(t, new Set()));
  }, [tree, items, children]);

  const total = counts ? STATUS_ORDER.reduce((n, s) => n + counts[s], 0) : null;
  const filtered = !!(status || open || kind || q || unitId || view !== 'all');

  return (
    <Card
      title="任务看板"
      data-testid="task-board-page"
      extra={
        can('task.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="task-new-button"
          >
            新建任务
          </Button>
        )
      }
    >
      <Space wrap size={[12, 12]} className="cg-sv-filters" data-testid="task-filters">
        <Radio.Group
          optionType="button"
          value={view}
          onChange={(e) => setFilter({ view: e.target.value === 'all' ? undefined : e.target.value })}
          options={[
            { value: 'all', label: '全部任务' },
            // 牵头领导 are 区领导 accounts; for anyone else the view is always empty.
            ...(me?.roles.includes('district_leader') || view === 'led' ? [{ value: 'led', label: '我牵头的' }] : []),
            { value: 'owed', label: '本单位承办' },
          ]}
          data-testid="task-filter-view"
        />
        <UnitPicker
          value={unitId}
          onChange={(v) => setFilter({ unitId: v })}
          placeholder="全部牵头单位"
          style={{ width: 200 }}
          data-testid="task-filter-unit"
        />
        <Radio.Group
          value={status ?? (open ? 'open' : '')}
          onChange={(e) =>
            setFilter(
              e.target.value === 'open'
                ? { open: 'true', status: undefined }
                : { status: e.target.value || undefined, open: undefined },
            )
          }
          data-testid="task-filter-status"
        >
          <Radio.Button value="">全部{total !== null ? ` ${total}` : ''}</Radio.Button>
          <Radio.Button value="open" data-testid="task-filter-status-open">
            在办{counts && total !== null ? ` ${total - counts.done}` : ''}
          </Radio.Button>
          {STATUS_ORDER.map((s) => (
            <Radio.Button key={s} value={s} data-testid={`task-filter-status-${s}`}>
              {TASK_STATUS_LABELS[s]}
              {counts ? ` ${counts[s]}` : ''}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Select
          allowClear
          placeholder="全部类型"
          style={{ width: 120 }}
          value={kind}
          onChange={(v?: string) => setFilter({ kind: v })}
          options={(['task', 'key_project'] as const).map((k) => ({ value: k, label: TASK_KIND_LABELS[k] }))}
          data-testid="task-filter-kind"
        />
        <Input.Search
          placeholder="搜索任务名称"
          allowClear
          value={qText}
          onChange={(e) => setQText(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
          style={{ width: 220 }}
          data-testid="task-filter-q"
        />
        <Space size={6}>
          <Switch
            checked={tree}
            onChange={(v) => setFilter({ tree: v ? '1' : undefined })}
            data-testid="task-tree-toggle"
          />
          <Typography.Text>树形显示分解任务</Typography.Text>
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} data-testid="task-refresh">
          刷新
        </Button>
        {filtered && (
          <Button
            type="link"
            onClick={() =>
              setParams(tree ? new URLSearchParams({ tree: '1' }) : new URLSearchParams(), { replace: true })
            }
          >
            清除筛选
          </Button>
        )}
      </Space>
      <TaskTable
        items={rows}
        loading={loading}
        tree={tree ? { expandedRowKeys: expanded, onExpand: (o, r) => void onExpand(o, r) } : undefined}
        emptyText={filtered ? '没有符合条件的任务' : '暂无任务'}
      />
      <div style={{ marginTop: 12, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text type="secondary">
          已显示 {items.length} 项{tree ? '顶层任务' : '任务'}
          {status && counts ? `（${TASK_STATUS_LABELS[status]}共 ${counts[status]} 项）` : ''}
          {open && counts && total !== null ? `（在办共 ${total - counts.done} 项）` : ''}
        </Typography.Text>
        {nextCursor && (
          <Button onClick={list.loadMore} loading={loadingMore} data-testid="task-load-more">
            加载更多
          </Button>
        )}
      </div>
      <TaskFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(t) => {
          setCreating(false);
          navigate(`/supervision/tasks/${t.id}`);
        }}
      />
    </Card>
  );
}
