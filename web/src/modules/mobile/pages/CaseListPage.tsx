import { CloudUploadOutlined, EnvironmentOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Skeleton, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { mobileApi, OPEN_STATUSES, type CaseSummary } from '../api';
import { CaseCard, OfflineNote } from '../components/CaseBits';
import { GridMap, type MapPoint } from '../components/GridMap';
import { PatrolTile } from '../components/PatrolTile';
import { StarsTile } from '../components/StarsTile';
import { useMobile, type CaseList } from '../context';
import { useCachedResource } from '../lib/cache';
import { ACTION_NAMES, type ActionItem, type ReportItem } from '../lib/outbox';
import { shortTime } from '../labels';

const pointColor: Record<string, string> = {
  overdue: '#cf1322',
  near_overdue: '#fa8c16',
  on_time: '#1f5fbf',
  none: '#1f5fbf',
};

function QueuedCard({ item }: { item: ReportItem | ActionItem }) {
  const rejected = item.state === 'rejected';
  return (
    <Link
      to="/m/queue"
      className={`cgm-card cgm-case is-queued${rejected ? ' is-rejected' : ''}`}
      data-testid="m-queued-card"
      data-state={item.state}
    >
      <div className="cgm-case-top">
        <span className="cgm-case-cat">
          {item.kind === 'report' ? item.categoryName : `${ACTION_NAMES[item.actionType]} · ${item.caseNumber}`}
        </span>
        <Tag color={rejected ? 'red' : item.state === 'sending' ? 'processing' : 'orange'} className="cgm-tag">
          {rejected ? '服务器拒收' : item.state === 'sending' ? '发送中' : '待发送'}
        </Tag>
      </div>
      <div className="cgm-case-desc">
        {item.kind === 'report' ? item.description : item.reason || item.comment || '核查结果'}
      </div>
      <div className="cgm-case-foot">
        <span className="cgm-muted">
          <CloudUploadOutlined /> {rejected ? item.lastError : `保存于 ${shortTime(item.createdAt)}，联网后自动发送`}
        </span>
      </div>
    </Link>
  );
}

/** 我的网格 (my grid's open cases, with a map) and 待核查 (cases waiting for my verification). */
export default function CaseListPage({ mode }: { mode: 'grid' | 'verify' }) {
  const { me, online, open, toVerify, outbox } = useMobile();
  const navigate = useNavigate();
  const res = mode === 'grid' ? open : toVerify;
  const [filter, setFilter] = useState<'all' | 'late'>('all');
  const [showMap, setShowMap] = useState(false);
  const [more, setMore] = useState<CaseList | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const boundary = useCachedResource(me.id, showMap ? `boundary:${me.unitId}` : null, () =>
    mobileApi.boundary(me.unitId),
  );

  const items: CaseSummary[] = useMemo(() => [...(res.data?.items ?? []), ...(more?.items ?? [])], [res.data, more]);
  const nextCursor = more ? more.nextCursor : (res.data?.nextCursor ?? null);
  const late = items.filter((c) => c.deadlineStatus === 'overdue' || c.deadlineStatus === 'near_overdue');
  const overdue = items.filter((c) => c.deadlineStatus === 'overdue').length;
  const shown = filter === 'late' ? late : items;
  const queuedActions = new Set(
    outbox.items.flatMap((i) => (i.kind === 'action' && i.state !== 'rejected' ? [i.caseId] : [])),
  );
  const queued =
    mode === 'grid'
      ? outbox.items.filter((i): i is ReportItem => i.kind === 'report')
      : outbox.items.filter((i): i is ActionItem => i.kind === 'action');

  const points: MapPoint[] = useMemo(
    () =>
      shown
        .filter((c) => c.location)
        .map((c) => ({
          id: c.id,
          lng: c.location!.lng,
          lat: c.location!.lat,
          color: pointColor[c.deadlineStatus] ?? '#1f5fbf',
          label: c.categoryName,
        })),
    [shown],
  );

  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const statuses = mode === 'grid' ? OPEN_STATUSES : (['pending_verification'] as const);
      const page = await mobileApi.listCases([...statuses], 100, nextCursor);
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } finally {
      setLoadingMore(false);
    }
  };

  const refresh = () => {
    setMore(null);
    void res.reload();
  };

  return (
    <div className="cgm-page" data-testid={mode === 'grid' ? 'm-grid-page' : 'm-verify-page'}>
      {mode === 'grid' && <PatrolTile />}
      {mode === 'grid' && <StarsTile />}
      {mode === 'grid' ? (
        <div className="cgm-summary">
          <div className="cgm-summary-name" data-testid="m-grid-name">
            <EnvironmentOutlined /> {me.unitName}
          </div>
          <div className="cgm-summary-stats">
            <div>
              <b>{items.length}</b>
              <span>在办</span>
            </div>
            <div className="is-warn">
              <b>{late.length - overdue}</b>
              <span>预警</span>
            </div>
            <div className="is-danger">
              <b>{overdue}</b>
              <span>超期</span>
            </div>
            <div>
              <b>{toVerify.data?.items.length ?? 0}</b>
              <span>待核查</span>
            </div>
          </div>
        </div>
      ) : (
        <div className="cgm-hint">处置单位已反馈、等待您到现场核查的问题。核查通过即结案，不通过则返工。</div>
      )}

      <div className="cgm-toolbar">
        {mode === 'grid' ? (
          <Segmented
            size="large"
            value={filter}
            onChange={(v) => setFilter(v as 'all' | 'late')}
            options={[
              { value: 'all', label: `全部 ${items.length}` },
              { value: 'late', label: `预警/超期 ${late.length}` },
            ]}
            data-testid="m-filter"
          />
        ) : (
          <span className="cgm-muted">共 {items.length} 件</span>
        )}
        <span className="cgm-toolbar-right">
          {mode === 'grid' && (
            <Button
              type={showMap ? 'primary' : 'default'}
              icon={<EnvironmentOutlined />}
              onClick={() => setShowMap((v) => !v)}
              data-testid="m-map-toggle"
            >
              地图
            </Button>
          )}
          <Button
            icon={<ReloadOutlined />}
            onClick={refresh}
            loading={res.loading && !!res.data}
            disabled={!online}
            aria-label="刷新"
            data-testid="m-refresh"
          />
        </span>
      </div>

      {showMap && mode === 'grid' && (
        <div className="cgm-card cgm-map-card">
          <GridMap boundary={boundary.data} points={points} onPointClick={(id) => navigate(`/m/cases/${id}`)} />
          {!boundary.data && !boundary.loading && (
            <div className="cgm-muted cgm-center">网格边界未加载（需联网一次）</div>
          )}
        </div>
      )}

      <OfflineNote at={res.cachedAt} error={res.error} onRetry={refresh} />

      {queued.map((i) => (
        <QueuedCard key={i.id} item={i} />
      ))}

      {res.loading && !res.data ? (
        <div className="cgm-card">
          <Skeleton active paragraph={{ rows: 3 }} />
        </div>
      ) : shown.length === 0 ? (
        <Empty
          className="cgm-empty"
          description={
            mode === 'verify' ? '暂无待核查的问题' : filter === 'late' ? '没有预警或超期的问题' : '本网格暂无在办问题'
          }
        />
      ) : (
        <div className="cgm-list" data-testid="m-case-list">
          {shown.map((c) => (
            <div key={c.id} className="cgm-list-item">
              <CaseCard c={c} />
              {queuedActions.has(c.id) && (
                <div className="cgm-list-note">
                  <CloudUploadOutlined /> 核查结果待发送
                </div>
              )}
            </div>
          ))}
        </div>
      )}
      {nextCursor && filter === 'all' && (
        <Button block onClick={loadMore} loading={loadingMore} disabled={!online} className="cgm-block">
          加载更多
        </Button>
      )}
      {mode === 'grid' && overdue > 0 && filter === 'all' && (
        <div className="cgm-muted cgm-center">
          <WarningOutlined /> 有 {overdue} 件已超期，请督促处置
        </div>
      )}
    </div>
  );
}
