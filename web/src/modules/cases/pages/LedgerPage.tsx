import { PlusOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth';
import { useApiCursorList } from '../../../lib/query';
import { UnitPicker } from '../../../components/UnitPicker';
import { casesApi, type CaseListQuery, type CaseSortKey, type CaseStatus } from '../api';
import { CategorySelect } from '../components/CategorySelect';
import { caseSourceOptions, caseStatusLabel, caseStatusOrder, openStatuses } from '../labels';
import '../cases.css';
import { LedgerTable, type LedgerSort } from '../components/LedgerTable';
import { XlsxButton } from '../../../components/XlsxButton';

const PAGE = 50;
const FILTER_KEYS = [
  'status',
  'categoryCode',
  'unitId',
  'source',
  'from',
  'to',
  'deadlineStatus',
  'deadlineFrom',
  'deadlineTo',
  'reconciled',
  'q',
  'waiting',
] as const;

const SORT_KEYS: readonly CaseSortKey[] = ['reportedAt', 'deadline', 'status'];

/** The filters and the order live in the address, so 返回 from a case keeps them. */
function queryFrom(params: URLSearchParams): CaseListQuery {
  const q: CaseListQuery = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) (q as Record<string, string>)[k] = v;
  }
  const sort = params.get('sort') as CaseSortKey | null;
  const order = params.get('order');
  if (sort && SORT_KEYS.includes(sort) && (order === 'asc' || order === 'desc')) Object.assign(q, { sort, order });
  return q;
}

/** Newest report first unless a column says otherwise (the server's default too). */
const sortOf = (q: CaseListQuery): LedgerSort =>
  q.sort && q.order ? { key: q.sort, order: q.order } : { key: 'reportedAt', order: 'desc' };

export default function LedgerPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFrom(params), [params]);
  const [qText, setQText] = useState(query.q ?? '');
  const list = useApiCursorList(
    ['cases', 'list', query],
    (cursor, signal) => casesApi.list({ ...query, limit: PAGE, cursor }, signal),
    { toastError: true },
  );
  const { items, nextCursor, loading, loadingMore } = list;
  const load = () => void list.refetch();

  useEffect(() => setQText(query.q ?? ''), [query.q]);

  const setFilter = (patch: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const setSort = (s: LedgerSort | null) => {
    const next = new URLSearchParams(params);
    next.delete('sort');
    next.delete('order');
    if (s && !(s.key === 'reportedAt' && s.order === 'desc')) {
      next.set('sort', s.key);
      next.set('order', s.order);
    }
    setParams(next, { replace: true });
  };

  const statuses = (query.status?.split(',').filter(Boolean) ?? []) as CaseStatus[];
  const period: [dayjs.Dayjs, dayjs.Dayjs] | null =
    query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null;
  const filtered = FILTER_KEYS.some((k) => query[k]);

  return (
    <Card
      title="问题台账"
      data-testid="case-ledger-page"
      extra={
        <Space>
          <Tooltip title="按当前筛选条件导出全部案卷">
            <XlsxButton href={casesApi.exportUrl(query)} data-testid="case-export">
              导出 Excel
            </XlsxButton>
          </Tooltip>
          <Tooltip title="按当前筛选条件打印台账（A4 横向）">
            <Button
              icon={<PrinterOutlined />}
              onClick={() => navigate(`/cases/print?${params.toString()}`)}
              data-testid="case-print-ledger"
            >
              打印
            </Button>
          </Tooltip>
          {can('case.report') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/cases/report')}
              data-testid="case-report-button"
            >
              上报问题
            </Button>
          )}
        </Space>
      }
    >
      <div className="cg-case-filters" data-testid="case-filters">
        <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
          <Select<CaseStatus[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="全部状态"
            style={{ width: 260 }}
            value={statuses}
            onChange={(v) => setFilter({ status: v.join(',') || undefined })}
            options={caseStatusOrder.map((s) => ({ value: s, label: caseStatusLabel[s] }))}
            data-testid="case-filter-status"
            popupRender={(menu) => (
              <>
                <Space style={{ padding: '4px 8px' }} size={4}>
                  <Button size="small" type="link" onClick={() => setFilter({ status: openStatuses.join(',') })}>
                    未办结
                  </Button>
                  <Button size="small" type="link" onClick={() => setFilter({ status: 'closed' })}>
                    已结案
                  </Button>
                </Space>
                {menu}
              </>
            )}
          />
          <CategorySelect
            value={query.categoryCode}
            onChange={(v) => setFilter({ categoryCode: v })}
            placeholder="全部类别"
            style={{ width: 200 }}
            data-testid="case-filter-category"
          />
          <UnitPicker
            value={query.unitId}
            onChange={(v) => setFilter({ unitId: v })}
            placeholder="全部单位"
            style={{ width: 220 }}
            data-testid="case-filter-unit"
          />
          <DatePicker.RangePicker
            value={period}
            onChange={(r) =>
              setFilter({
                from: r?.[0]?.format('YYYY-MM-DD') ?? undefined,
                to: r?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
            placeholder={['上报开始日期', '结束日期']}
            presets={[
              { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
              {
                label: '上月',
                value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
              },
              { label: '今年', value: [dayjs().startOf('year'), dayjs()] },
            ]}
            data-testid="case-filter-period"
          />
          <Select
            allowClear
            placeholder="全部来源"
            style={{ width: 140 }}
            value={query.source}
            onChange={(v?: string) => setFilter({ source: v })}
            options={caseSourceOptions}
            data-testid="case-filter-source"
          />
          <Select
            allowClear
            placeholder="预警 / 超期"
            style={{ width: 140 }}
            value={query.deadlineStatus}
            onChange={(v?: string) => setFilter({ deadlineStatus: v })}
            options={[
              { value: 'near_overdue,overdue', label: '预警或超期' },
              { value: 'near_overdue', label: '预警' },
              { value: 'overdue', label: '超期' },
              { value: 'on_time', label: '时限内' },
            ]}
            data-testid="case-filter-deadline"
          />
          {(query.deadlineFrom || query.deadlineTo) && (
            // The dashboard's 超期未处置数 of a period: the cases whose 处置时限 fell in it.
            <Tag
              closable
              onClose={() => setFilter({ deadlineFrom: undefined, deadlineTo: undefined })}
              style={{ lineHeight: '30px', marginInlineEnd: 0 }}
              data-testid="case-filter-deadline-days"
            >
              处置时限 {query.deadlineFrom ?? '…'} 至 {query.deadlineTo ?? '…'}
            </Tag>
          )}
          <Select
            allowClear
            placeholder="待我处理"
            style={{ width: 150 }}
            value={query.waiting}
            onChange={(v?: string) => setFilter({ waiting: v })}
            options={[
              { value: 'me', label: '待我处理' },
              { value: 'overdue', label: '待我处理 · 超期' },
              { value: 'due_soon', label: '待我处理 · 临期' },
            ]}
            data-testid="case-filter-waiting"
          />
          <Select
            allowClear
            placeholder="对账状态"
            style={{ width: 120 }}
            value={query.reconciled}
            onChange={(v?: string) => setFilter({ reconciled: v })}
            options={[
              { value: 'true', label: '已销号' },
              { value: 'false', label: '未销号' },
            ]}
            data-testid="case-filter-reconciled"
          />
          <Input.Search
            placeholder="搜索描述、案卷号"
            allowClear
            value={qText}
            onChange={(e) => setQText(e.target.value)}
            onSearch={(v) => setFilter({ q: v.trim() || undefined })}
            style={{ width: 240 }}
            data-testid="case-filter-q"
          />
          <Button icon={<ReloadOutlined />} onClick={() => void load()} data-testid="case-refresh">
            刷新
          </Button>
          {filtered && (
            <Button
              type="link"
              onClick={() => {
                // The order stays; only the filters go.
                const next = new URLSearchParams();
                for (const k of ['sort', 'order']) if (params.get(k)) next.set(k, params.get(k)!);
                setParams(next, { replace: true });
              }}
              data-testid="case-filter-clear"
            >
              清除筛选
            </Button>
          )}
        </Space>
      </div>
      <LedgerTable items={items} loading={loading} filtered={filtered} sort={sortOf(query)} onSort={setSort} />
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        <Space>
          <Typography.Text type="secondary" data-testid="case-loaded-count">
            已显示 {items.length} 条{nextCursor ? '' : items.length ? '，已全部加载' : ''}
          </Typography.Text>
          {nextCursor && (
            <Button onClick={list.loadMore} loading={loadingMore} data-testid="case-load-more">
              加载更多
            </Button>
          )}
        </Space>
      </div>
    </Card>
  );
}
