import { CloudUploadOutlined, EnvironmentOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CaseSummary } from '../api';
import { CaseCard, OfflineNote } from '../components/CaseBits';
import { GridMap, type MapPoint } from '../components/GridMap';
import { useMobile } from '../context';
import { ACTION_NAMES, type ActionItem } from '../lib/outbox';

type Filter = 'all' | 'dispatched' | 'handling' | 'late';

const pointColor: Record<string, string> = { overdue: '#cf1322', near_overdue: '#fa8c16' };

/** Where the crew goes: community, grid and the address the reporter gave. */
function placeOf(c: CaseSummary): string {
  return [c.communityName, c.gridName, c.address].filter(Boolean).join(' · ') || '未标注位置';
}

function QueuedNote({ items }: { items: ActionItem[] }) {
  if (!items.length) return null;
  const rejected = items.find((i) => i.state === 'rejected');
  return (
    <div className={`cgm-list-note${rejected ? ' is-rejected' : ''}`} data-testid="m-crew-queued">
      <CloudUploadOutlined />{' '}
      {rejected
        ? `${ACTION_NAMES[rejected.actionType]}未被接受：${rejected.lastError ?? ''}`
        : `${items.map((i) => ACTION_NAMES[i.actionType]).join('、')}待发送`}
    </div>
  );
}

/** 处置通: the cases dispatched to my unit (待处置) or fed back and waiting for verification (已反馈). */
export default function CrewListPage({ mode }: { mode: 'todo' | 'done' }) {
  const { me, online, crewTodo, crewDone, outbox } = useMobile();
  const navigate = useNavigate();
  const res = mode === 'todo' ? crewTodo : crewDone;
  const [filter, setFilter] = useState<Filter>('all');
  const [showMap, setShowMap] = useState(false);

  const items = useMemo(() => res.data?.items ?? [], [res.data]);
  const late = items.filter((c) => c.deadlineStatus === 'overdue' || c.deadlineStatus === 'near_overdue');
  const overdue = items.filter((c) => c.deadlineStatus === 'overdue').length;
  const count = (s: CaseSummary['status']) => items.filter((c) => c.status === s).length;
  const shown =
    filter === 'late' ? late : filter === 'all' || mode === 'done' ? items : items.filter((c) => c.status === filter);
  const queuedBy = new Map<string, ActionItem[]>();
  for (const i of outbox.items) if (i.kind === 'action') queuedBy.set(i.caseId, [...(queuedBy.get(i.caseId) ?? []), i]);

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

  return (
    <div className="cgm-page" data-testid={mode === 'todo' ? 'm-crew-page' : 'm-crew-done-page'}>
      {mode === 'todo' ? (
        <div className="cgm-summary">
          <div className="cgm-summary-name" data-testid="m-crew-unit">
            {me.unitName}
          </div>
          <div className="cgm-summary-stats">
            <div>
              <b data-testid="m-crew-count-dispatched">{count('dispatched')}</b>
              <span>待签收</span>
            </div>
            <div>
              <b>{count('handling')}</b>
              <span>处置中</span>
            </div>
            <div className="is-warn">
              <b>{late.length - overdue}</b>
              <span>预警</span>
            </div>
            <div className="is-danger">
              <b>{overdue}</b>
              <span>超期</span>
            </div>
          </div>
        </div>
      ) : (
        <div className="cgm-hint">本单位已反馈、等待网格员或社区现场核查的问题。核查不通过会退回本单位返工。</div>
      )}

      {mode === 'todo' && (
        <Segmented
          block
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          options={[
            { value: 'all', label: '全部' },
            { value: 'dispatched', label: '待签收' },
            { value: 'handling', label: '处置中' },
            { value: 'late', label: '预警/超期' },
          ]}
          data-testid="m-crew-filter"
        />
      )}
      <div className="cgm-toolbar">
        <span className="cgm-muted">共 {shown.length} 件</span>
        <span className="cgm-toolbar-right">
          <Button
            type={showMap ? 'primary' : 'default'}
            icon={<EnvironmentOutlined />}
            onClick={() => setShowMap((v) => !v)}
            aria-label="地图"
            data-testid="m-crew-map-toggle"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void res.reload()}
            loading={res.loading && !!res.data}
            disabled={!online}
            aria-label="刷新"
            data-testid="m-refresh"
          />
        </span>
      </div>

      {showMap && (
        <div className="cgm-card cgm-map-card">
          <GridMap boundary={null} points={points} onPointClick={(id) => navigate(`/m/cases/${id}`)} />
        </div>
      )}

      <OfflineNote at={res.cachedAt} error={res.error} onRetry={() => void res.reload()} />

      {res.loading && !res.data ? (
        <div className="cgm-card">
          <Skeleton active paragraph={{ rows: 3 }} />
        </div>
      ) : shown.length === 0 ? (
        <Empty
          className="cgm-empty"
          description={
            mode === 'done' ? '暂无待核查的反馈' : filter === 'all' ? '暂无派遣给本单位的问题' : '没有符合条件的问题'
          }
        />
      ) : (
        <div className="cgm-list" data-testid="m-case-list">
          {shown.map((c) => (
            <div key={c.id} className="cgm-list-item">
              <CaseCard c={c} />
              <div className="cgm-list-note cgm-muted" data-testid="m-crew-place">
                <EnvironmentOutlined /> {placeOf(c)}
              </div>
              <QueuedNote items={queuedBy.get(c.id) ?? []} />
            </div>
          ))}
        </div>
      )}
      {mode === 'todo' && overdue > 0 && filter === 'all' && (
        <div className="cgm-muted cgm-center">
          <WarningOutlined /> 有 {overdue} 件已超期，请尽快处置或申请延期
        </div>
      )}
    </div>
  );
}
