import { EnvironmentOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { OfflineNote } from '../components/CaseBits';
import { NewDoorSheet } from '../components/NewDoorSheet';
import { useMobile } from '../context';
import { shortTime } from '../labels';
import {
  DOOR_STATE_TAG,
  doorState,
  useOpenRounds,
  useQueuedVisits,
  useRoundHouseholds,
  type DoorState,
} from '../use-door-knock';

type Filter = 'todo' | 'absent' | 'all';

const inFilter: Record<Filter, (s: DoorState) => boolean> = {
  todo: (s) => s === 'none' || s === 'rejected',
  absent: (s) => s === 'absent',
  all: () => true,
};

/** My grid's doors in a round, 未走访 first to hand: each with its state (a visit on the phone counts). */
export default function KnockHouseholdsPage() {
  const { roundId = '' } = useParams();
  const rounds = useOpenRounds();
  const round = rounds.data?.find((r) => r.id === roundId);
  const list = useRoundHouseholds(roundId);
  const queued = useQueuedVisits(roundId);
  const [filter, setFilter] = useState<Filter>('todo');
  const [adding, setAdding] = useState(false);
  const { online } = useMobile();
  const navigate = useNavigate();
  const rows = (list.data?.items ?? []).map((h) => ({ h, state: doorState(h, queued.get(h.id)) }));
  const count = (f: Filter) => rows.filter((r) => inFilter[f](r.state)).length;
  const shown = rows.filter((r) => inFilter[filter](r.state));

  return (
    <div className="cgm-page" data-testid="m-knock-households">
      <div className="cgm-summary">
        <div className="cgm-summary-name">
          <EnvironmentOutlined /> {list.data?.grid.name ?? '我的网格'}
        </div>
        <div className="cgm-muted">{round?.name ?? ''}</div>
      </div>
      <OfflineNote at={list.cachedAt} error={list.error} onRetry={() => void list.reload()} />
      <Segmented<Filter>
        block
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'todo', label: `未走访 ${count('todo')}` },
          { value: 'absent', label: `不在家 ${count('absent')}` },
          { value: 'all', label: `全部 ${rows.length}` },
        ]}
        data-testid="m-knock-filter"
      />
      {list.loading && !list.data ? (
        <Skeleton active />
      ) : shown.length === 0 ? (
        <Empty
          className="cgm-empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={filter === 'todo' ? '本网格的户都已走访' : '没有符合条件的户'}
        />
      ) : (
        shown.map(({ h, state }) => (
          <Link
            key={h.id}
            to={`/m/knock/${roundId}/${h.id}`}
            className="cgm-card cgm-knock-door"
            data-testid="m-knock-door"
            data-state={state}
          >
            <div className="cgm-case-top">
              <span className="cgm-case-cat">{h.address}</span>
              <Tag color={DOOR_STATE_TAG[state].color} className="cgm-tag">
                {DOOR_STATE_TAG[state].text}
              </Tag>
            </div>
            <div className="cgm-case-foot">
              <span className="cgm-muted">
                户主 {h.headName ?? '未登记'} · {h.members.length} 人
                {h.lastVisitedAt ? ` · ${shortTime(h.lastVisitedAt)} 走访` : ''}
              </span>
              <RightOutlined className="cgm-case-arrow" />
            </div>
          </Link>
        ))
      )}
      <Button
        block
        size="large"
        icon={<PlusOutlined />}
        className="cgm-block"
        onClick={() => setAdding(true)}
        data-testid="m-newdoor-open"
      >
        名单上没有的门户
      </Button>
      <NewDoorSheet
        open={adding}
        gridId={list.data?.grid.id}
        online={online}
        onClose={() => setAdding(false)}
        onCreated={(householdId) => {
          setAdding(false);
          // The visit page reads the door from the kept list: fetch it with the new door first.
          void list.reload().then(() => navigate(`/m/knock/${roundId}/${householdId}`));
        }}
      />
    </div>
  );
}
