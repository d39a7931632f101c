import { DatePicker, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { usePublicSettings } from '../../../app/settings';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiQuery } from '../../../lib/query';
import { orgApi } from '../../org/api';
import { UnitMap } from '../../org/components/UnitMap';
import { patrolsApi } from '../api';
import { PATROL_KIND_NAMES, shortTime } from '../labels';

/** The patrol tracks of one day under a unit, on the org map (its grids drawn under the lines). */
export function DayTracks() {
  const me = useMe();
  const settings = usePublicSettings();
  const [day, setDay] = useState(dayjs().format('YYYY-MM-DD'));
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const unit = unitId ?? me.unitId;
  const tracks = useApiQuery(['patrols', 'tracks', day, unit], (signal) =>
    patrolsApi.tracks({ day, unitId: unit }, signal),
  );
  const focus = useApiQuery(['org', 'boundary', unit], (signal) => orgApi.boundary(unit, signal).catch(() => null));
  const children = useApiQuery(['org', 'boundaries', unit], (signal) =>
    orgApi.childBoundaries(unit, signal).catch(() => null),
  );
  const lines = useMemo<FeatureCollection | null>(
    () =>
      tracks.data
        ? {
            type: 'FeatureCollection',
            features: tracks.data.features.map((f) => ({
              ...f,
              properties: {
                ...f.properties,
                label: `${f.properties.recorder} · ${f.properties.units} · ${shortTime(f.properties.startedAt)}`,
              },
            })),
          }
        : null,
    [tracks.data],
  );
  const features = tracks.data?.features ?? [];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={12}>
        <UnitPicker placeholder="本人辖区" allowClear style={{ width: 220 }} value={unitId} onChange={setUnitId} />
        <DatePicker
          allowClear={false}
          value={dayjs(day)}
          onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid="patrol-day"
        />
        <Typography.Text type="secondary">
          {tracks.loading ? <Spin size="small" /> : `共 ${features.length} 条轨迹`}
        </Typography.Text>
      </Space>
      <ErrorAlert error={tracks.error} />
      <div style={{ display: 'flex', gap: 12 }}>
        <div style={{ flex: 1, minWidth: 0 }} data-testid="patrol-day-map">
          <UnitMap
            tileUrl={settings.mapTileUrl}
            focus={focus.data ?? null}
            childBoundaries={children.data ?? null}
            highlight={null}
            marker={null}
            picking={false}
            onChildClick={() => undefined}
            onPick={() => undefined}
            lines={lines}
            height={460}
          />
        </div>
        <div style={{ width: 260, maxHeight: 460, overflow: 'auto' }}>
          {features.length === 0 ? (
            <Empty description="当天没有巡查轨迹" />
          ) : (
            <List
              size="small"
              dataSource={features}
              renderItem={(f) => (
                <List.Item>
                  <div>
                    <Link to={`/patrols/${f.properties.patrolId}`}>{f.properties.recorder}</Link>{' '}
                    <Typography.Text type="secondary">{shortTime(f.properties.startedAt)}</Typography.Text>
                    <div style={{ fontSize: 12 }}>
                      {PATROL_KIND_NAMES[f.properties.kind]}：{f.properties.units}
                      {f.properties.far.length > 0 && (
                        <Tag color="red" style={{ marginLeft: 6 }}>
                          偏离 {f.properties.far.length}
                        </Tag>
                      )}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </div>
      </div>
    </Space>
  );
}
