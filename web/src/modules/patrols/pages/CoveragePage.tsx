import {
  Card,
  Checkbox,
  Col,
  DatePicker,
  Progress,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiQuery } from '../../../lib/query';
import { patrolsApi, type CoverageReport, type PatrolKind } from '../api';
import { percent } from '../labels';
import './patrols.css';

type GridRow = CoverageReport['grids'][number];
type PersonRow = CoverageReport['people'][number];

/** 最近巡查: 今天 / 昨天 / the day; 无记录 when never patrolled. */
function lastPatrolled(day: string | null): string {
  if (!day) return '无记录';
  const today = dayjs().format('YYYY-MM-DD');
  if (day === today) return '今天';
  if (day === dayjs().subtract(1, 'day').format('YYYY-MM-DD')) return '昨天';
  return day;
}

/** 巡查覆盖: per small grid (or village) the days patrolled ÷ the days of the period so far, grids not walked in it, per person. */
export default function CoveragePage() {
  // A link from the dashboard may name the unit and the period (?unitId=&from=&to=).
  const [params] = useSearchParams();
  const [unitId, setUnitId] = useState<string | undefined>(params.get('unitId') ?? undefined);
  const [range, setRange] = useState<[string, string]>([
    params.get('from') ?? dayjs().startOf('month').format('YYYY-MM-DD'),
    params.get('to') ?? dayjs().format('YYYY-MM-DD'),
  ]);
  const [kind, setKind] = useState<PatrolKind>('grid');
  const [onlyNever, setOnlyNever] = useState(false);
  const q = useApiQuery(['patrols', 'coverage', unitId, range, kind], (signal) =>
    patrolsApi.coverage({ unitId, from: range[0], to: range[1], kind }, signal),
  );
  const c = q.data;
  const area = kind === 'grid' ? '网格' : '行政村';
  const grids = (c?.grids ?? []).filter((g) => !onlyNever || g.patrolledDays === 0);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card title="巡查覆盖" size="small">
        <Space wrap size={12}>
          <UnitPicker placeholder="本人辖区" allowClear style={{ width: 220 }} value={unitId} onChange={setUnitId} />
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="coverage-range"
          />
          <Segmented
            value={kind}
            onChange={(v) => setKind(v as PatrolKind)}
            options={[
              { label: '网格巡查', value: 'grid' },
              { label: '耕地巡查', value: 'farmland' },
            ]}
          />
        </Space>
        <ErrorAlert error={q.error} style={{ marginTop: 12 }} />
        {c && (
          <Row gutter={16} style={{ marginTop: 12 }}>
            <Col span={6}>
              <Statistic title={`${c.unit.name} 巡查覆盖率`} value={percent(c.ratio)} />
            </Col>
            <Col span={6}>
              <Statistic
                title={c.through < c.to ? `期间天数（截至${c.through}）` : '期间天数'}
                value={c.days}
                suffix="天"
              />
            </Col>
            <Col span={6}>
              <Statistic title={`${area}数`} value={c.grids.length} suffix="个" />
            </Col>
            <Col span={6}>
              <Statistic
                title={`期间未巡查的${area}`}
                value={c.neverWalked}
                suffix="个"
                valueStyle={c.neverWalked ? { color: '#cf1322' } : undefined}
              />
            </Col>
          </Row>
        )}
      </Card>
      <Row gutter={12}>
        <Col span={15}>
          <Card
            size="small"
            title={`各${area}巡查覆盖`}
            extra={
              <Checkbox
                checked={onlyNever}
                onChange={(e) => setOnlyNever(e.target.checked)}
                data-testid="coverage-never"
              >
                只看期间未巡查的
              </Checkbox>
            }
          >
            <Table<GridRow>
              rowKey="id"
              size="small"
              loading={q.loading}
              dataSource={grids}
              data-testid="coverage-table"
              rowClassName={(r) => (r.patrolledDays === 0 ? 'cg-never-walked' : '')}
              pagination={{ pageSize: 12, showSizeChanger: false, showTotal: (n) => `共 ${n} 个${area}` }}
              columns={[
                { title: '社区（村）', key: 'community', width: 120, render: (_: unknown, r) => r.community ?? '—' },
                {
                  title: area,
                  key: 'name',
                  render: (_: unknown, r) => (
                    <>
                      {r.name}
                      {r.patrolledDays === 0 && (
                        <Tag color="red" style={{ marginLeft: 6 }}>
                          期间未巡查
                        </Tag>
                      )}
                    </>
                  ),
                },
                {
                  title: '巡查天数',
                  key: 'days',
                  width: 100,
                  sorter: (a, b) => a.patrolledDays - b.patrolledDays,
                  render: (_: unknown, r) => `${r.patrolledDays} / ${c?.days ?? 0}`,
                },
                { title: '巡查次数', key: 'patrols', width: 80, render: (_: unknown, r) => r.patrols },
                {
                  title: '最近巡查',
                  key: 'last',
                  width: 110,
                  sorter: (a, b) => (a.lastPatrolledDay ?? '').localeCompare(b.lastPatrolledDay ?? ''),
                  render: (_: unknown, r) => lastPatrolled(r.lastPatrolledDay),
                },
                {
                  title: '覆盖率',
                  key: 'ratio',
                  width: 150,
                  sorter: (a, b) => a.ratio - b.ratio,
                  render: (_: unknown, r) => (
                    <Progress
                      percent={Math.round(r.ratio * 100)}
                      size="small"
                      status={r.ratio === 0 ? 'exception' : 'normal'}
                      format={() => percent(r.ratio)}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={9}>
          <Card size="small" title="人员巡查情况">
            <Table<PersonRow>
              rowKey={(r) => r.accountId ?? `name:${r.name}`}
              size="small"
              loading={q.loading}
              dataSource={c?.people ?? []}
              data-testid="coverage-people"
              pagination={{ pageSize: 12, showSizeChanger: false }}
              locale={{ emptyText: '期间没有巡查' }}
              columns={[
                {
                  title: '人员',
                  key: 'name',
                  render: (_: unknown, r) => (
                    <>
                      {r.name}
                      {!r.accountId && <Typography.Text type="secondary">（志愿者）</Typography.Text>}
                    </>
                  ),
                },
                { title: '巡查天数', key: 'days', width: 80, render: (_: unknown, r) => r.patrolledDays },
                { title: '次数', key: 'patrols', width: 60, render: (_: unknown, r) => r.patrols },
                { title: area, key: 'grids', width: 60, render: (_: unknown, r) => r.grids },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
