import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { UnitPicker } from '../../../components/UnitPicker';
import { casesApi, type CaseKpis } from '../api';
import { percent } from '../labels';
import { BASIS_NOTES, COUNT_NAMES, KPIS, rateColor } from '../kpi-defs';
import {
  KPI_BASES,
  KPI_BASIS_NAMES,
  KPI_VIEWS,
  KPI_VIEW_NAMES,
  type KpiBasis,
  type KpiView,
} from '../../../../../src/contracts/cases';
import '../cases.css';
import { formatDateTime } from '../../../lib/format-time';

export default function KpisPage() {
  const me = useMe();
  const [unitId, setUnitId] = useState<string | undefined>(me.unitId);
  const [period, setPeriod] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [basis, setBasis] = useState<KpiBasis>('standard');
  /** undefined: the server's default for the unit (处置单位 for departments, 辖区 otherwise). */
  const [view, setView] = useState<KpiView | undefined>(undefined);

  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');

  const query = useApiQuery(
    ['cases', 'kpis', unitId ?? null, from, to, basis, view ?? null],
    (signal) => casesApi.kpis({ unitId, from, to, basis, view }, signal),
    undefined,
    { toastError: true },
  );
  const kpis: CaseKpis | null = query.error ? null : (query.data ?? null);
  const loading = query.loading;
  const load = () => query.refetch();

  const counts = kpis?.counts ?? null;
  const acceptedCount = counts?.accepted;
  const dueCount = counts?.dueToClose;

  return (
    <Card title="统计分析" data-testid="case-kpis-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <UnitPicker
          value={unitId}
          onChange={(u) => {
            setUnitId(u);
            setView(undefined);
          }}
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
        <Select
          value={basis}
          onChange={setBasis}
          style={{ width: 210 }}
          options={KPI_BASES.map((b) => ({ value: b, label: KPI_BASIS_NAMES[b] }))}
          data-testid="kpi-basis"
        />
        <Select
          value={view ?? kpis?.view}
          onChange={setView}
          placeholder="统计对象"
          style={{ width: 190 }}
          options={KPI_VIEWS.map((v) => ({ value: v, label: KPI_VIEW_NAMES[v] }))}
          data-testid="kpi-view"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="kpi-basis-note">
        {BASIS_NOTES[basis]}不予立案和合并的案卷不计入分母。
        {kpis?.view === 'handler' ? '统计对象：派遣给本单位及其下属单位处置的案卷。' : ''}
        {kpis?.asOf ? `统计截至 ${formatDateTime(kpis.asOf)}。` : ''}
      </Typography.Paragraph>
      <ErrorAlert error={query.error} style={{ marginBottom: 16 }} />
      <Spin spinning={loading}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={8} xl={6}>
            <Card size="small" className="cg-kpi-card" data-testid="kpi-acceptedCount">
              <Statistic
                title="立案数"
                value={acceptedCount ?? '—'}
                suffix={acceptedCount !== undefined ? '件' : undefined}
              />
              <div className="cg-kpi-formula">
                {basis === 'standard' ? '统计期内立案的案卷（不含问题清单中未研判的）' : '统计期内上报并已立案的案卷'}
              </div>
            </Card>
          </Col>
          <Col xs={12} md={8} xl={6}>
            <Card size="small" className="cg-kpi-card" data-testid="kpi-dueCount">
              <Statistic title="应结案数" value={dueCount ?? '—'} suffix={dueCount !== undefined ? '件' : undefined} />
              <div className="cg-kpi-formula">
                {basis === 'standard' ? '处置时限在统计期内到期，或统计期内提前结案' : '统计期内上报，已结案或时限已到'}
              </div>
            </Card>
          </Col>
          {KPIS.map((d) => {
            const v = kpis ? kpis[d.key] : undefined;
            if (kpis && v === undefined) return null;
            return (
              <Col xs={12} md={8} xl={6} key={d.key}>
                <Card size="small" className="cg-kpi-card" data-testid={`kpi-${d.key}`}>
                  <Statistic
                    title={
                      <>
                        {d.title}
                        <Tooltip title={d.formula[basis]}>
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
                  <div className="cg-kpi-formula">{d.formula[basis].split('。')[0]}</div>
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
