import { HomeOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Progress, Skeleton } from 'antd';
import { Link, Route, Routes } from 'react-router';
import { percent } from '../../population/labels';
import { OfflineNote } from '../components/CaseBits';
import { useMobile } from '../context';
import { useOpenRounds } from '../use-door-knock';
import '../door-knock.css';
import KnockHouseholdsPage from './KnockHouseholdsPage';
import KnockVisitPage from './KnockVisitPage';

/** 敲门 on the phone: /m/knock (open rounds) → /m/knock/:roundId (my grid's doors) → …/:householdId (a visit). */
export default function DoorKnockPage() {
  return (
    <Routes>
      <Route index element={<RoundsList />} />
      <Route path=":roundId" element={<KnockHouseholdsPage />} />
      <Route path=":roundId/:householdId" element={<KnockVisitPage />} />
    </Routes>
  );
}

function RoundsList() {
  const { me } = useMobile();
  const rounds = useOpenRounds();
  const items = rounds.data ?? [];
  return (
    <div className="cgm-page" data-testid="m-knock-rounds">
      <div className="cgm-summary">
        <div className="cgm-summary-name">
          <HomeOutlined /> {me.unitName} · 进行中的敲门行动
        </div>
      </div>
      <OfflineNote at={rounds.cachedAt} error={rounds.error} onRetry={() => void rounds.reload()} />
      {rounds.loading && !rounds.data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty
          className="cgm-empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="当前没有进行中的敲门行动"
          children={
            <Button icon={<ReloadOutlined />} onClick={() => void rounds.reload()}>
              刷新
            </Button>
          }
        />
      ) : (
        items.map((r) => (
          <Link key={r.id} to={`/m/knock/${r.id}`} className="cgm-card cgm-knock-round" data-testid="m-knock-round">
            <div className="cgm-case-top">
              <span className="cgm-case-cat">{r.name}</span>
              <RightOutlined className="cgm-case-arrow" />
            </div>
            <div className="cgm-muted">
              {r.startsOn} 至 {r.endsOn} · {r.scope.name}
            </div>
            <div className="cgm-knock-progress">
              <Progress
                percent={r.coverage.rate === null ? 0 : Math.round(r.coverage.rate * 100)}
                showInfo={false}
                size="small"
              />
              <span>
                已走访 {r.coverage.visited}/{r.coverage.households} 户 · {percent(r.coverage.rate)}
              </span>
            </div>
          </Link>
        ))
      )}
    </div>
  );
}
