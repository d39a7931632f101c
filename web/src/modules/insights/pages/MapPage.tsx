import { Alert, Breadcrumb, Card, Select, Segmented, Space, Switch, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { usePublicSettings } from '../../../app/settings';
import { casesApi } from '../../cases/api';
import { caseSourceOptions } from '../../cases/labels';
import { insightsApi } from '../api';
import { ChoroplethMap, type MapArea } from '../components/ChoroplethMap';
import { useCasePoints } from '../hooks/use-case-points';
import { periodPresetOptions, presetPeriod, type PeriodPreset } from '../periods';

const deadlineOptions = [
  { value: 'overdue', label: '超期' },
  { value: 'near_overdue', label: '临期' },
];

/** 态势地图: the scope's areas coloured by a measure, drill-down by click, open cases as clustered points. */
export default function MapPage() {
  const me = useMe();
  const settings = usePublicSettings();
  const navigate = useNavigate();
  const [trail, setTrail] = useState<MapArea[]>([]);
  const [level, setLevel] = useState<'children' | 'grids'>('children');
  const [measure, setMeasure] = useState<string>();
  const [preset, setPreset] = useState<PeriodPreset>('month');
  const [showPoints, setShowPoints] = useState(true);
  const [categoryCode, setCategoryCode] = useState<string>();
  const [deadlineStatus, setDeadlineStatus] = useState<string>();
  const [source, setSource] = useState<string>();

  const measures = useQuery({
    queryKey: ['insights', 'measures'],
    queryFn: ({ signal }) => insightsApi.measures(signal),
  });
  const categories = useQuery({ queryKey: ['case-categories'], queryFn: () => casesApi.categories() });
  const chosen =
    measure ?? measures.data?.items.find((m) => m.code === 'cases.open')?.code ?? measures.data?.items[0]?.code;
  const current = trail.at(-1);
  const period = useMemo(() => presetPeriod(preset), [preset]);
  const points = useCasePoints(showPoints, { unitId: current?.id, categoryCode, deadlineStatus, source });

  const measureOptions = useMemo(() => {
    const groups = new Map<string, { label: string; value: string }[]>();
    for (const m of measures.data?.items ?? [])
      groups.set(m.group, [...(groups.get(m.group) ?? []), { label: m.label, value: m.code }]);
    return [...groups].map(([label, options]) => ({ label, options }));
  }, [measures.data]);

  const drill = (a: MapArea) => {
    if (level === 'grids' || a.kind === 'grid_small') return;
    setTrail((t) => [...t, a]);
  };

  return (
    <Card size="small" title="态势地图" styles={{ body: { padding: 12 } }}>
      <Space wrap size={[12, 8]} style={{ marginBottom: 8 }}>
        <Select
          data-testid="map-measure"
          style={{ width: 200 }}
          value={chosen}
          options={measureOptions}
          onChange={setMeasure}
          loading={measures.isLoading}
          placeholder="选择指标"
        />
        <Segmented
          value={level}
          onChange={(v) => setLevel(v as 'children' | 'grids')}
          options={[
            { value: 'children', label: '下级单位' },
            { value: 'grids', label: '全部网格' },
          ]}
        />
        <Select style={{ width: 100 }} value={preset} options={periodPresetOptions} onChange={setPreset} />
        <Typography.Text type="secondary">
          {period.from} 至 {period.to}
        </Typography.Text>
        <Space size={4}>
          <Switch size="small" checked={showPoints} onChange={setShowPoints} data-testid="map-points-toggle" />
          在办问题点位
        </Space>
        {showPoints && (
          <>
            <Select
              allowClear
              placeholder="问题大类"
              style={{ width: 130 }}
              value={categoryCode}
              onChange={setCategoryCode}
              options={(categories.data?.items ?? [])
                .filter((c) => c.level === 1)
                .map((c) => ({ value: c.code, label: c.name }))}
            />
            <Select
              allowClear
              placeholder="时限"
              style={{ width: 90 }}
              value={deadlineStatus}
              onChange={setDeadlineStatus}
              options={deadlineOptions}
            />
            <Select
              allowClear
              placeholder="来源"
              style={{ width: 120 }}
              value={source}
              onChange={setSource}
              options={caseSourceOptions}
            />
          </>
        )}
      </Space>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ id: undefined, name: me.unitName ?? '本级' }, ...trail].map((a, i) => ({
          key: a.id ?? 'own',
          title:
            i === trail.length ? (
              a.name
            ) : (
              <a onClick={() => setTrail((t) => t.slice(0, i))} data-testid={`map-crumb-${i}`}>
                {a.name}
              </a>
            ),
        }))}
      />
      {points.data?.truncated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={`在办问题超过 ${points.data.items.length.toLocaleString('zh-CN')} 件，仅显示最新上报的部分，请下钻或筛选`}
        />
      )}
      <ChoroplethMap
        unit={current?.id}
        ownUnitId={me.unitId}
        level={level}
        measure={chosen}
        period={period}
        theme="light"
        tileUrl={settings.mapTileUrl}
        points={showPoints ? points.data?.items : undefined}
        onPointClick={(id) => navigate(`/cases/${id}`)}
        onAreaClick={drill}
        height="calc(100vh - 250px)"
      />
    </Card>
  );
}
