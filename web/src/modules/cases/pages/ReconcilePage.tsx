import { CheckOutlined, CheckSquareOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Popconfirm,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { errorText } from '../../../lib/api';
import { UnitPicker } from '../../org/components/UnitPicker';
import { casesApi, type CaseListQuery, type CaseSummary } from '../api';
import { formatTime } from '../components/CaseTags';
import '../cases.css';

type View = 'pending' | 'done';

const PAGE = 50;
/** Counting pages through the keyset stops here and shows "n+". */
const COUNT_CAP = 5000;

async function countCases(q: CaseListQuery): Promise<{ n: number; capped: boolean }> {
  let n = 0;
  let cursor: string | undefined;
  for (;;) {
    const r = await casesApi.list({ ...q, cursor, limit: 200 });
    n += r.items.length;
    if (!r.nextCursor) return { n, capped: false };
    if (n >= COUNT_CAP) return { n, capped: true };
    cursor = r.nextCursor;
  }
}

/** 对账销号: go through a unit's closed cases and check each off the ledger. */
export default function ReconcilePage() {
  const me = useMe();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<string | undefined>(me.unitId);
  const [period, setPeriod] = useState<[dayjs.Dayjs, dayjs.Dayjs] | null>(null);
  const [view, setView] = useState<View>('pending');
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [counts, setCounts] = useState<{ pending: string; done: string } | null>(null);
  const [busyIds, setBusyIds] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string[]>([]);
  const [batchBusy, setBatchBusy] = useState(false);

  const base: CaseListQuery = {
    status: 'closed',
    unitId,
    from: period?.[0].format('YYYY-MM-DD'),
    to: period?.[1].format('YYYY-MM-DD'),
  };
  const baseKey = JSON.stringify(base);

  const loadCounts = useCallback(async () => {
    const b = JSON.parse(baseKey) as CaseListQuery;
    try {
      const [p, d] = await Promise.all([
        countCases({ ...b, reconciled: 'false' }),
        countCases({ ...b, reconciled: 'true' }),
      ]);
      setCounts({ pending: `${p.n}${p.capped ? '+' : ''}`, done: `${d.n}${d.capped ? '+' : ''}` });
    } catch {
      setCounts(null);
    }
  }, [baseKey]);

  const load = useCallback(async () => {
    const b = JSON.parse(baseKey) as CaseListQuery;
    setLoading(true);
    setSelected([]);
    try {
      const r = await casesApi.list({ ...b, reconciled: view === 'pending' ? 'false' : 'true', limit: PAGE });
      setItems(r.items);
      setNextCursor(r.nextCursor);
    } catch (e) {
      message.error(errorText(e));
      setItems([]);
      setNextCursor(null);
    } finally {
      setLoading(false);
    }
  }, [baseKey, view, message]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void loadCounts();
  }, [loadCounts]);

  const more = async () => {
    if (!nextCursor) return;
    const b = JSON.parse(baseKey) as CaseListQuery;
    try {
      const r = await casesApi.list({
        ...b,
        reconciled: view === 'pending' ? 'false' : 'true',
        limit: PAGE,
        cursor: nextCursor,
      });
      setItems((prev) => [...prev, ...r.items]);
      setNextCursor(r.nextCursor);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const reconcileOne = async (c: CaseSummary): Promise<boolean> => {
    setBusyIds((s) => new Set(s).add(c.id));
    try {
      await casesApi.reconcile(c.id);
      setItems((prev) => prev.filter((x) => x.id !== c.id));
      return true;
    } catch (e) {
      message.error(`${c.caseNumber}：${errorText(e)}`);
      return false;
    } finally {
      setBusyIds((s) => {
        const n = new Set(s);
        n.delete(c.id);
        return n;
      });
    }
  };

  const reconcileSelected = async () => {
    setBatchBusy(true);
    let ok = 0;
    for (const id of selected) {
      const c = items.find((x) => x.id === id);
      if (c && (await reconcileOne(c))) ok++;
    }
    setBatchBusy(false);
    setSelected([]);
    if (ok) message.success(`已销号 ${ok} 件`);
    void loadCounts();
  };

  return (
    <Card
      title="对账销号"
      data-testid="case-reconcile-page"
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={casesApi.exportUrl({ ...base, reconciled: view === 'pending' ? 'false' : 'true' })}
          data-testid="reconcile-export"
        >
          导出 Excel
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        逐件核对已结案的问题，确认无误后销号。销号只是台账上的勾销，不改变案卷的办理状态。
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Space wrap>
            <UnitPicker
              value={unitId}
              onChange={setUnitId}
              placeholder="全部单位"
              style={{ width: 260 }}
              data-testid="reconcile-unit"
            />
            <DatePicker.RangePicker
              value={period}
              onChange={(r) => setPeriod(r && r[0] && r[1] ? [r[0], r[1]] : null)}
              placeholder={['上报开始日期', '结束日期']}
              data-testid="reconcile-period"
            />
          </Space>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Statistic
            title="待销号"
            value={counts?.pending ?? '—'}
            valueStyle={{ color: '#d46b08' }}
            suffix={counts ? '件' : undefined}
            data-testid="reconcile-count-pending"
          />
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Statistic
            title="已销号"
            value={counts?.done ?? '—'}
            valueStyle={{ color: '#389e0d' }}
            suffix={counts ? '件' : undefined}
            data-testid="reconcile-count-done"
          />
        </Col>
      </Row>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'pending', label: '待销号' },
            { value: 'done', label: '已销号' },
          ]}
          data-testid="reconcile-view"
        />
        {view === 'pending' && (
          <Popconfirm
            title={`确认将选中的 ${selected.length} 件问题销号？`}
            okText="销号"
            cancelText="取消"
            onConfirm={() => void reconcileSelected()}
            disabled={!selected.length}
          >
            <Button
              type="primary"
              icon={<CheckSquareOutlined />}
              disabled={!selected.length}
              loading={batchBusy}
              data-testid="reconcile-batch"
            >
              批量销号{selected.length ? `（${selected.length}）` : ''}
            </Button>
          </Popconfirm>
        )}
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            void load();
            void loadCounts();
          }}
        >
          刷新
        </Button>
      </Space>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="reconcile-table"
        rowSelection={
          view === 'pending' ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined
        }
        onRow={(r) => ({ 'data-testid': 'reconcile-row', 'data-case-id': r.id }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: view === 'pending' ? '没有待销号的问题' : '还没有已销号的问题' }}
        columns={[
          {
            title: '案卷号',
            dataIndex: 'caseNumber',
            width: 190,
            render: (n: string, r) => (
              <Link to={`/cases/${r.id}`} className="cg-mono">
                {n}
              </Link>
            ),
          },
          { title: '类别', dataIndex: 'categoryName', width: 120 },
          { title: '描述', dataIndex: 'description', render: (d: string) => <span className="cg-case-desc">{d}</span> },
          {
            title: '所属网格',
            dataIndex: 'gridName',
            width: 160,
            ellipsis: true,
            render: (g: string | null) => g ?? '—',
          },
          {
            title: '责任单位',
            dataIndex: 'assignedUnitName',
            width: 150,
            ellipsis: true,
            render: (u: string | null) => u ?? '—',
          },
          {
            title: '结案时间',
            dataIndex: 'closedAt',
            width: 150,
            render: (t: string | null) => <span className="cg-mono">{formatTime(t)}</span>,
          },
          ...(view === 'done'
            ? [
                {
                  title: '销号时间',
                  dataIndex: 'reconciledAt',
                  width: 150,
                  render: (t: string | null) => <span className="cg-mono">{formatTime(t)}</span>,
                },
              ]
            : [
                {
                  title: '操作',
                  key: 'op',
                  width: 100,
                  render: (_: unknown, r: CaseSummary) => (
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      icon={<CheckOutlined />}
                      loading={busyIds.has(r.id)}
                      onClick={async () => {
                        if (await reconcileOne(r)) {
                          message.success(`${r.caseNumber} 已销号`);
                          void loadCounts();
                        }
                      }}
                      data-testid="reconcile-button"
                    >
                      销号
                    </Button>
                  ),
                },
              ]),
        ]}
      />
      {nextCursor && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void more()} data-testid="reconcile-load-more">
            加载更多
          </Button>
        </div>
      )}
    </Card>
  );
}
