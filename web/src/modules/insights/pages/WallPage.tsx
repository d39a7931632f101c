import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CaseFlows } from '../../../../../src/contracts/cases';
import { useMe } from '../../../app/auth';
import { usePublicSettings } from '../../../app/settings';
import { api } from '../../../lib/api';
import { insightsApi } from '../api';
import { ChoroplethMap } from '../components/ChoroplethMap';
import { WallFlows, WallHeadline, WallRanking } from '../components/WallSections';
import { useRefetchOn } from '../hooks/use-refetch-on';
import { useWallStream } from '../hooks/use-wall-stream';
import { presetPeriod } from '../periods';

/** 指挥大屏: a full-screen dark page (1920×1080) that refetches when the server pushes a change. */
export default function WallPage() {
  const me = useMe();
  const settings = usePublicSettings();
  const { refreshKey, connected } = useWallStream();
  const [measure, setMeasure] = useState('cases.open');
  const [clock, setClock] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setClock(new Date()), 30_000);
    return () => clearInterval(t);
  }, []);
  const today = presetPeriod('today', clock);
  const month = useMemo(() => presetPeriod('month'), []);
  const measures = useQuery({
    queryKey: ['insights', 'measures'],
    queryFn: ({ signal }) => insightsApi.measures(signal),
  });
  const dashboard = useQuery({
    queryKey: ['wall', 'dashboard', today.from],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => insightsApi.dashboard(today, signal),
  });
  const flows = useQuery({
    queryKey: ['wall', 'flows', today.from],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<CaseFlows>('/cases/flows', undefined, { signal }),
  });
  const chosen = measures.data?.items.find((m) => m.code === measure);
  // 在办 and the other snapshots are counted now, whatever the period: their titles say 当前, not 本月.
  const snapshot = chosen?.timing === 'now';
  const ranking = useQuery({
    queryKey: ['wall', 'ranking', measure, month.from, month.to],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => insightsApi.areas({ measure, ...month }, signal),
  });
  useRefetchOn(refreshKey, dashboard, flows, ranking);

  return (
    <div className="cg-wall" data-testid="wall">
      <header>
        <h1>{settings.districtName || me.unitName}网格化管理指挥大屏</h1>
        <span className={connected ? 'live' : 'offline'}>{connected ? '● 实时' : '○ 重新连接中'}</span>
        <span>
          {clock.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' })}
        </span>
      </header>
      <section className="left">
        <h2>今日概况</h2>
        <WallHeadline d={dashboard.data} />
        <h2>今日流量（按小时）</h2>
        <WallFlows flows={flows.data} />
      </section>
      <section className="centre">
        <div className="cg-wall-measure">
          <Select
            size="small"
            value={measure}
            onChange={setMeasure}
            style={{ width: 180 }}
            options={(measures.data?.items ?? []).map((m) => ({ value: m.code, label: m.label }))}
          />
          <span data-testid="wall-map-period">{snapshot ? '当前' : `本月 ${month.from} 至 ${month.to}`}</span>
        </div>
        <ChoroplethMap
          unit={undefined}
          ownUnitId={me.unitId}
          level="children"
          measure={measure}
          period={month}
          theme="dark"
          tileUrl={null}
          height="100%"
          refreshKey={refreshKey}
        />
      </section>
      <section className="right">
        <h2 data-testid="wall-ranking-title">
          {ranking.data
            ? `${ranking.data.measure.label}排名（${ranking.data.measure.timing === 'now' ? '当前' : '本月'}）`
            : '排名'}
        </h2>
        <WallRanking a={ranking.data} />
      </section>
    </div>
  );
}
