import { Card, Col, Empty, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { formatDateTime } from '../../../lib/format-time';
import { AreaBreakdown } from '../components/AreaBreakdown';
import { CategoryBreakdown } from '../components/CategoryBreakdown';
import { MeasureTiles } from '../components/MeasureTiles';
import { PeriodPicker } from '../components/PeriodPicker';
import { TrendChart } from '../components/TrendChart';
import { useDashboardData, useDashboardState, type Grain } from '../hooks/use-dashboard';
import '../insights.css';

const AREA_KINDS = ['district', 'subdistrict', 'township', 'community', 'village', 'grid_large', 'grid_small'] as const;
const GRAINS: { value: Grain; label: string }[] = [
  { value: 'day', label: '按日' },
  { value: 'week', label: '按周' },
  { value: 'month', label: '按月' },
];

/**
 * 综合看板: every figure the caller may read for a unit of their scope and a period, grouped by module,
 * each opening the list behind it; a measure's trend and its breakdown by child unit (drill-down by
 * name), and the ledger's figures by 大类.
 */
export default function DashboardPage() {
  const s = useDashboardState();
  const { dashboard, chosen, areas, trend, byCategory } = useDashboardData(s);
  const d = dashboard.data;
  const measures = d?.measures ?? [];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="insight-dashboard">
      <Card size="small">
        <Space wrap size={12} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap size={12}>
            <UnitTreeSelect
              placeholder="本人辖区"
              selectableKinds={[...AREA_KINDS]}
              style={{ width: 240 }}
              value={s.unitId ?? d?.unit.id}
              onChange={(v) => s.set({ unitId: v })}
              data-testid="insight-unit"
            />
            <PeriodPicker value={s} onChange={(r) => s.set({ ...r, grain: undefined })} />
          </Space>
          {d && (
            <Typography.Text type="secondary">
              {d.unit.name} · {d.from} 至 {d.to} · 截至 {formatDateTime(d.asOf)}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <ErrorAlert error={dashboard.error} />
      {!d ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : measures.length === 0 ? (
        <Empty description="您的角色暂无可查看的统计指标" />
      ) : (
        <>
          <MeasureTiles data={d} />
          <Card
            size="small"
            title={
              <Space wrap>
                <span>指标分析</span>
                <Select
                  style={{ width: 220 }}
                  value={chosen?.code}
                  onChange={(v) => s.set({ measure: v })}
                  data-testid="insight-measure"
                  options={groupsOf(measures)}
                  showSearch
                  optionFilterProp="label"
                />
              </Space>
            }
            extra={
              chosen?.timing === 'period' && (
                <Segmented<Grain> size="small" value={s.grain} options={GRAINS} onChange={(g) => s.set({ grain: g })} />
              )
            }
          >
            <Row gutter={16}>
              <Col xs={24} xl={10}>
                <Typography.Text strong>趋势</Typography.Text>
                {chosen?.timing === 'now' ? (
                  <Empty description="该指标是此刻的数量，没有趋势" image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : trend.data ? (
                  <TrendChart trend={trend.data} />
                ) : (
                  <ErrorAlert error={trend.error} />
                )}
              </Col>
              <Col xs={24} xl={14}>
                <Typography.Text strong>下级单位</Typography.Text>
                {d.unit.kind === 'grid_small' ? (
                  <Empty description="网格没有下级单位" image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : areas.data ? (
                  <AreaBreakdown data={areas.data} onDrill={(id) => s.set({ unitId: id })} />
                ) : (
                  <ErrorAlert error={areas.error} />
                )}
              </Col>
            </Row>
          </Card>
          {byCategory?.data && (
            <Card size="small" title="问题台账按大类">
              <CategoryBreakdown data={byCategory.data} />
            </Card>
          )}
        </>
      )}
    </Space>
  );
}

function groupsOf(measures: readonly { code: string; label: string; group: string }[]) {
  const out = new Map<string, { label: string; value: string }[]>();
  for (const m of measures) out.set(m.group, [...(out.get(m.group) ?? []), { label: m.label, value: m.code }]);
  return [...out].map(([label, options]) => ({ label, options }));
}
