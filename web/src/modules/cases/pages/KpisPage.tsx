import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Descriptions, Row, Space, Spin, Statistic, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { UnitPicker } from '../../../components/UnitPicker';
import { casesApi, type CaseKpis } from '../api';
import { percent } from '../labels';
import '../cases.css';

type Rate = 'closeRate' | 'onTimeCloseRate' | 'handleRate' | 'onTimeHandleRate' | 'reworkRate' | 'extensionRate';

interface KpiDef {
  key: Rate | 'avgHandlingHours' | 'avgClosingHours';
  title: string;
  formula: string;
  kind: 'rate' | 'hours';
  /** Higher is better (green) or worse (red). */
  good: 'high' | 'low';
}

/** GB/T 30428.4 indicators; the formulas as the server computes them (see docs/kpis.md). */
const KPIS: KpiDef[] = [
  {
    key: 'closeRate',
    title: '结案率',
    formula: '结案数 ÷ 应结案数。应结案数：期末已结案，或处置时限已到的案卷',
    kind: 'rate',
    good: 'high',
  },
  {
    key: 'onTimeCloseRate',
    title: '按期结案率',
    formula: '按期结案数 ÷ 应结案数。按期结案：在当时有效的处置时限内结案（立行整改的案卷计入）',
    kind: 'rate',
    good: 'high',
  },
  {
    key: 'handleRate',
    title: '处置率',
    formula: '处置数 ÷ 应处置数。处置数：已派遣且有处置反馈的案卷；应处置数：已反馈或时限已到的派遣案卷',
    kind: 'rate',
    good: 'high',
  },
  {
    key: 'onTimeHandleRate',
    title: '按期处置率',
    formula: '按期处置数 ÷ 应处置数。按期处置：首次反馈在当时有效的处置时限内',
    kind: 'rate',
    good: 'high',
  },
  {
    key: 'reworkRate',
    title: '返工率',
    formula: '返工案件数 ÷ 处置数。返工案件：至少一次核查不通过的已处置案卷',
    kind: 'rate',
    good: 'low',
  },
  {
    key: 'extensionRate',
    title: '延期率',
    formula: '延期案件数 ÷ 派遣数。延期案件：至少一次批准延期的派遣案卷',
    kind: 'rate',
    good: 'low',
  },
  {
    key: 'avgHandlingHours',
    title: '平均处置时长',
    formula: 'Σ（派遣 → 首次反馈）÷ 处置数，按工作时间计（工作小时）',
    kind: 'hours',
    good: 'low',
  },
  {
    key: 'avgClosingHours',
    title: '平均结案时长',
    formula: 'Σ（派遣 → 结案）÷ 已派遣的结案数，按工作时间计（工作小时）',
    kind: 'hours',
    good: 'low',
  },
];

const COUNT_NAMES: Partial<Record<keyof CaseKpis['counts'], string>> = {
  cases: '案卷数（不含不予立案、合并）',
  rejected: '不予立案',
  merged: '合并',
  dispatched: '派遣数',
  dueToClose: '应结案数',
  closed: '结案数',
  closedOnTime: '按期结案数',
  dueToHandle: '应处置数',
  handled: '处置数',
  handledOnTime: '按期处置数',
  reworked: '返工案件数',
  extended: '延期案件数',
  overdueOpen: '超期未处置数',
};

function pick(k: CaseKpis, def: KpiDef): number | null {
  return k[def.key];
}

function rateColor(v: number | null | undefined, good: 'high' | 'low'): string | undefined {
  if (v === null || v === undefined) return undefined;
  const score = good === 'high' ? v : 1 - v;
  return score >= 0.9 ? '#389e0d' : score >= 0.7 ? '#d48806' : '#cf1322';
}

export default function KpisPage() {
  const me = useMe();
  const [unitId, setUnitId] = useState<string | undefined>(me.unitId);
  const [period, setPeriod] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([dayjs().startOf('month'), dayjs()]);

  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');

  const query = useApiQuery(
    ['cases', 'kpis', unitId ?? null, from, to],
    (signal) => casesApi.kpis({ unitId, from, to }, signal),
    undefined,
    { toastError: true },
  );
  const kpis: CaseKpis | null = query.error ? null : (query.data ?? null);
  const loading = query.loading;
  const load = () => query.refetch();

  const counts = kpis?.counts ?? null;
  const caseCount = counts?.cases;
  const closedCount = counts?.closed;

  return (
    <Card title="统计分析" data-testid="case-kpis-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <UnitPicker
          value={unitId}
          onChange={setUnitId}
          placeholder="本人数据范围"
          style={{ width: 280 }}
          data-testid="kpi-unit"
        />
        <DatePicker.RangePicker
          value={period}
          allowClear={false}
          onChange={(r) => r && r[0] && r[1] && setPeriod([r[0], r[1]])}
          presets={[
            { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
            {
              label: '上月',
              value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')],
            },
            {
              label: '本季度',
              value: [
                dayjs()
                  .startOf('month')
                  .subtract(dayjs().month() % 3, 'month'),
                dayjs(),
              ],
            },
            { label: '今年', value: [dayjs().startOf('year'), dayjs()] },
          ]}
          data-testid="kpi-period"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        统计期内上报的案卷（按 GB/T 30428.4 城市市政综合监管信息系统 绩效评价），不予立案和合并的案卷不计入分母。
        {kpis?.asOf ? `统计截至 ${dayjs(kpis.asOf).format('YYYY-MM-DD HH:mm')}。` : ''}
      </Typography.Paragraph>
      <ErrorAlert error={query.error} style={{ marginBottom: 16 }} />
      <Spin spinning={loading}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={8} xl={6}>
            <Card size="small" className="cg-kpi-card" data-testid="kpi-caseCount">
              <Statistic title="案卷数" value={caseCount ?? '—'} suffix={caseCount !== undefined ? '件' : undefined} />
              <div className="cg-kpi-formula">统计期内上报，不含不予立案、合并</div>
            </Card>
          </Col>
          <Col xs={12} md={8} xl={6}>
            <Card size="small" className="cg-kpi-card" data-testid="kpi-closedCount">
              <Statistic
                title="结案数"
                value={closedCount ?? '—'}
                suffix={closedCount !== undefined ? '件' : undefined}
              />
              <div className="cg-kpi-formula">统计期内上报、期末已结案的案卷</div>
            </Card>
          </Col>
          {KPIS.map((d) => {
            const v = kpis ? pick(kpis, d) : undefined;
            if (kpis && v === undefined) return null;
            return (
              <Col xs={12} md={8} xl={6} key={d.key}>
                <Card size="small" className="cg-kpi-card" data-testid={`kpi-${d.key}`}>
                  <Statistic
                    title={
                      <>
                        {d.title}
                        <Tooltip title={d.formula}>
                          <QuestionCircleOutlined
                            style={{ color: 'rgba(0,0,0,0.35)' }}
                            data-testid={`kpi-${d.key}-formula`}
                          />
                        </Tooltip>
                      </>
                    }
                    value={d.kind === 'rate' ? percent(v) : v === null || v === undefined ? '—' : v.toFixed(1)}
                    suffix={d.kind === 'hours' && typeof v === 'number' ? '小时' : undefined}
                    valueStyle={{ color: d.kind === 'rate' ? rateColor(v, d.good) : undefined }}
                  />
                  <div className="cg-kpi-formula">{d.formula.split('。')[0]}</div>
                </Card>
              </Col>
            );
          })}
        </Row>
        {counts && (
          <Card size="small" title="计数明细" style={{ marginTop: 16 }} data-testid="kpi-counts">
            <Descriptions size="small" column={{ xs: 2, md: 3, xl: 4 }}>
              {(Object.entries(COUNT_NAMES) as [keyof CaseKpis['counts'], string][]).map(([k, label]) => (
                <Descriptions.Item key={k} label={label}>
                  {counts[k]}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        )}
      </Spin>
    </Card>
  );
}
