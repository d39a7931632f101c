import { Empty, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { useApiQuery } from '../../../lib/query';
import { GridMap, type MapPoint } from '../../mobile/components/GridMap';
import { orgApi } from '../../org/api';
import type { HouseholdSummary } from '../api';

/**
 * The grid's boundary (the org module's GET /units/:id/boundary) with its households as points, drawn
 * by the phone's tile-less GridMap: nothing leaves the intranet. A click opens the household.
 */
export function HouseholdMap({
  gridId,
  households,
  onOpen,
  height = 400,
}: {
  gridId: string;
  households: HouseholdSummary[];
  onOpen(h: HouseholdSummary): void;
  height?: number;
}) {
  const boundary = useApiQuery(['org', 'boundary', gridId], (signal) => orgApi.boundary(gridId, signal), undefined, {
    keepPrevious: false,
    staleTime: 5 * 60_000,
  });
  const points: MapPoint[] = useMemo(
    () =>
      households
        .filter((h) => h.location)
        .map((h) => ({
          id: h.id,
          lng: h.location!.lng,
          lat: h.location!.lat,
          color: h.members > 0 ? '#1f5fbf' : '#8c8c8c',
          label: `${h.address}（${h.members} 人）`,
        })),
    [households],
  );
  const unplaced = households.length - points.length;
  return (
    <div className="cg-pop-map" data-testid="household-map">
      <Spin spinning={boundary.loading}>
        {points.length === 0 && !boundary.data ? (
          <Empty style={{ padding: 48 }} description="本网格暂无边界和已定位的户" />
        ) : (
          <GridMap
            boundary={boundary.data ?? null}
            points={points}
            height={height}
            testId="household-map-canvas"
            onPointClick={(id) => {
              const h = households.find((x) => x.id === id);
              if (h) onOpen(h);
            }}
          />
        )}
      </Spin>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        蓝点为有人居住的户，灰点为无在册人员的户；点击查看。
        {unplaced > 0 && `另有 ${unplaced} 户未标注位置，未在图上显示。`}
        {boundary.error && '本网格尚未绘制边界。'}
      </Typography.Text>
    </div>
  );
}
