import { RightOutlined } from '@ant-design/icons';
import { Empty, Input, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { venuesApi, type VenuePage } from '../../venues/api';
import { INSPECTION_RESULT_NAMES, VENUE_STATUS_NAMES } from '../../venues/labels';
import { OfflineNote } from '../components/CaseBits';
import { useMobile } from '../context';
import { useCachedResource } from '../lib/cache';
import { formatDateTime } from '../../../lib/format-time';

/** 场所检查: the venues of my grid (offline copy when the network is down), those under an order first. */
export default function VenueListPage() {
  const { me, outbox } = useMobile();
  const [q, setQ] = useState('');
  const res = useCachedResource<VenuePage>(me.id, 'venues:mine', () => venuesApi.list({ limit: 200 }));
  const queued = new Set(outbox.items.flatMap((i) => (i.kind === 'inspection' ? [i.venueId] : [])));
  const items = (res.data?.items ?? [])
    .filter((v) => !q.trim() || v.name.includes(q.trim()) || v.address.includes(q.trim()))
    .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, 'zh') : a.status === 'closed' ? -1 : 1));
  return (
    <div className="cgm-page" data-testid="m-venues-page">
      <OfflineNote at={res.cachedAt} error={res.error} onRetry={() => void res.reload()} />
      <Input.Search
        allowClear
        placeholder="搜索场所名称或地址"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="m-venue-search"
      />
      {res.loading && !res.data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty className="cgm-empty" description="网格内没有登记的场所" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        items.map((v) => (
          <Link key={v.id} to={`/m/venues/${v.id}`} className="cgm-card cgm-case" data-testid="m-venue-card">
            <div className="cgm-case-top">
              <span className="cgm-case-cat">{v.name}</span>
              <span className="cgm-case-tags">
                {queued.has(v.id) && (
                  <Tag color="orange" className="cgm-tag">
                    待发送
                  </Tag>
                )}
                <Tag color={v.status === 'closed' ? 'red' : 'green'} className="cgm-tag">
                  {VENUE_STATUS_NAMES[v.status]}
                </Tag>
              </span>
            </div>
            <div className="cgm-case-desc">
              {v.typeName} · {v.address}
            </div>
            <div className="cgm-case-foot">
              <span>
                {v.lastInspection
                  ? `上次检查 ${formatDateTime(v.lastInspection.at)} · ${INSPECTION_RESULT_NAMES[v.lastInspection.result]}`
                  : '尚未检查'}
              </span>
              <RightOutlined />
            </div>
          </Link>
        ))
      )}
    </div>
  );
}
