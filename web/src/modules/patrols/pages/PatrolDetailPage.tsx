import { Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import type { FeatureCollection } from 'geojson';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { CASE_STATUS_NAMES, type CaseStatus } from '../../../../../src/contracts/cases';
import { usePublicSettings } from '../../../app/settings';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StatusTag } from '../../../components/StatusTag';
import { useApiQuery } from '../../../lib/query';
import { orgApi } from '../../org/api';
import { UnitMap } from '../../org/components/UnitMap';
import { patrolsApi, type PatrolDetail } from '../api';
import {
  distanceText,
  durationText,
  PATROL_CASE_OUTCOME_NAMES,
  PATROL_KIND_NAMES,
  PATROL_STATUS_COLORS,
  PATROL_STATUS_NAMES,
  shortTime,
} from '../labels';

type CaseLink = PatrolDetail['caseLinks'][number];

/** One patrol: who, when, where, its track on the map (far points in red) and the cases found on the way. */
export default function PatrolDetailPage() {
  const { id = '' } = useParams();
  const settings = usePublicSettings();
  const q = useApiQuery(['patrols', 'detail', id], (signal) => patrolsApi.get(id, signal));
  const p = q.data;
  const firstUnit = p?.units[0]?.id;
  const focus = useApiQuery(['org', 'boundary', firstUnit ?? ''], (signal) =>
    firstUnit ? orgApi.boundary(firstUnit, signal).catch(() => null) : Promise.resolve(null),
  );
  const lines = useMemo<FeatureCollection | null>(
    () =>
      p && p.track.length
        ? {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: {
                  label: `${p.recorder.name} ${shortTime(p.startedAt)}`,
                  far: p.track.filter((t) => t[3]).map((t) => [t[0], t[1]]),
                },
                geometry: {
                  type: 'LineString',
                  coordinates:
                    p.track.length === 1
                      ? [p.track[0], p.track[0]].map((t) => [t[0], t[1]])
                      : p.track.map((t) => [t[0], t[1]]),
                },
              },
            ],
          }
        : null,
    [p],
  );
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!p) return <Card loading />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title={`${PATROL_KIND_NAMES[p.kind]}：${p.units.map((u) => u.name).join('、')}`}
        extra={<Link to="/patrols">返回巡查记录</Link>}
      >
        <Descriptions size="small" column={3} data-testid="patrol-detail">
          <Descriptions.Item label="巡查人">{p.recorder.name}</Descriptions.Item>
          <Descriptions.Item label="开始">{shortTime(p.startedAt)}</Descriptions.Item>
          <Descriptions.Item label="结束">{shortTime(p.endedAt)}</Descriptions.Item>
          <Descriptions.Item label="同行人员">
            {p.people
              .filter((x) => x.role === 'companion')
              .map((x) => x.name)
              .join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="时长">{durationText(p.durationMinutes)}</Descriptions.Item>
          <Descriptions.Item label="里程">{distanceText(p.distanceM)}</Descriptions.Item>
          <Descriptions.Item label="轨迹点">
            {p.points}
            {p.farPoints > 0 && (
              <Tag color="red" style={{ marginLeft: 6 }}>
                偏离巡查区域 {p.farPoints} 个
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <StatusTag status={p.status} colors={PATROL_STATUS_COLORS} names={PATROL_STATUS_NAMES} />
          </Descriptions.Item>
          <Descriptions.Item label="备注">{p.note || '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="巡查轨迹" size="small" data-testid="patrol-track">
        {p.track.length === 0 ? (
          <Empty description="没有轨迹点" />
        ) : (
          <UnitMap
            tileUrl={settings.mapTileUrl}
            focus={focus.data ?? null}
            childBoundaries={null}
            highlight={null}
            marker={null}
            picking={false}
            onChildClick={() => undefined}
            onPick={() => undefined}
            lines={lines}
            height={380}
          />
        )}
      </Card>
      <Card title={`发现和处置的问题（${p.caseLinks.length}）`} size="small">
        <Table<CaseLink>
          rowKey="caseId"
          size="small"
          pagination={false}
          dataSource={p.caseLinks}
          data-testid="patrol-cases"
          locale={{ emptyText: '本次巡查没有关联问题' }}
          columns={[
            {
              title: '案卷编号',
              key: 'no',
              width: 180,
              render: (_: unknown, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>,
            },
            { title: '问题描述', key: 'desc', ellipsis: true, render: (_: unknown, r) => r.description || '—' },
            {
              title: '状态',
              key: 'status',
              width: 90,
              render: (_: unknown, r) => CASE_STATUS_NAMES[r.status as CaseStatus] ?? '—',
            },
            {
              title: '方式',
              key: 'outcome',
              width: 100,
              render: (_: unknown, r) => PATROL_CASE_OUTCOME_NAMES[r.outcome],
            },
            {
              title: '关联时间',
              key: 'at',
              width: 120,
              render: (_: unknown, r) => <Typography.Text type="secondary">{shortTime(r.linkedAt)}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
