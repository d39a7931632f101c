import { Card, DatePicker, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { useApiQuery } from '../../../lib/query';
import { campaignsApi, type Entry, type Indicator, type SumsTable } from '../api';
import { DefineIndicatorForm } from '../components/DefineIndicatorForm';
import { PeriodBar } from '../components/PeriodBar';
import { useCategories } from '../components/useCategories';
import { INDICATOR_KIND_NAMES, qty, quarterSoFar } from '../labels';

type SumsRow = SumsTable['rows'][number];

function SumsTab({ indicators }: { indicators: Indicator[] }) {
  const me = useMe();
  const [unitId, setUnitId] = useState(me.unitId);
  const [indicatorId, setIndicatorId] = useState<string>();
  const [range, setRange] = useState<[string, string]>([
    dayjs().subtract(2, 'month').format('YYYY-MM'),
    dayjs().format('YYYY-MM'),
  ]);
  const id = indicatorId ?? indicators[0]?.id;
  const sums = useApiQuery(
    ['indicators', 'sums', id, unitId, range],
    (signal) => campaignsApi.sums(id!, { unitId, from: range[0], to: range[1] }, signal),
    undefined,
    { enabled: !!id },
  );
  const t = sums.data;
  const unit = t?.indicator.measureUnit ?? '';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          style={{ width: 220 }}
          value={id}
          onChange={setIndicatorId}
          options={indicators.map((i) => ({ value: i.id, label: `${i.name}（${i.measureUnit}）` }))}
          data-testid="sums-indicator"
        />
        <UnitPicker value={unitId} onChange={(u) => u && setUnitId(u)} style={{ width: 220 }} />
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM'), v[1].format('YYYY-MM')])}
        />
      </Space>
      <ErrorAlert error={sums.error} />
      <Table<SumsRow>
        rowKey="unitId"
        size="small"
        loading={sums.loading}
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={t ? [...t.rows] : []}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 200, fixed: 'left' },
          ...(t?.months ?? []).map((m, i) => ({
            title: `${Number(m.slice(5))}月`,
            key: m,
            align: 'right' as const,
            render: (_: unknown, r: SumsRow) => qty(r.values[i]),
          })),
          { title: `合计（${unit}）`, key: 'total', align: 'right', render: (_: unknown, r) => <b>{qty(r.total)}</b> },
        ]}
        summary={() =>
          t && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <b>{t.total.unitName}（含本级录入）</b>
              </Table.Summary.Cell>
              {t.total.values.map((v, i) => (
                <Table.Summary.Cell key={i} index={i + 1} align="right">
                  {qty(v)}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={t.months.length + 1} align="right">
                <b>{qty(t.total.total)}</b>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
        data-testid="sums-table"
      />
    </Space>
  );
}

function EntriesTab({ indicators }: { indicators: Indicator[] }) {
  const me = useMe();
  const [q, setQ] = useState({ unitId: me.unitId, ...quarterSoFar() });
  const [indicatorId, setIndicatorId] = useState<string>();
  const list = useApiQuery(['indicators', 'entries', q, indicatorId], (signal) =>
    campaignsApi.entries({ ...q, ...(indicatorId ? { indicatorId } : {}) }, signal),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <PeriodBar {...q} onChange={setQ} />
        <Select
          allowClear
          placeholder="全部指标"
          style={{ width: 200 }}
          value={indicatorId}
          onChange={setIndicatorId}
          options={indicators.filter((i) => i.kind === 'entered').map((i) => ({ value: i.id, label: i.name }))}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 15, showTotal: () => `共 ${list.data?.total ?? 0} 条` }}
        columns={[
          { title: '日期', dataIndex: 'day', width: 100 },
          { title: '指标', dataIndex: 'indicatorName', width: 160 },
          {
            title: '数量',
            key: 'q',
            width: 110,
            align: 'right',
            render: (_: unknown, r) => `${qty(r.quantity)} ${r.measureUnit}`,
          },
          { title: '单位', dataIndex: 'unitName', width: 160 },
          {
            title: '集中整治',
            key: 'c',
            width: 80,
            render: (_: unknown, r) => (r.campaignId ? <Tag color="blue">活动</Tag> : '—'),
          },
          { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          { title: '录入人', dataIndex: 'recordedByName', width: 140 },
        ]}
        data-testid="entries-table"
      />
    </Space>
  );
}

function DefinitionsTab({ indicators, canDefine }: { indicators: Indicator[]; canDefine: boolean }) {
  const categories = useCategories();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canDefine && <DefineIndicatorForm />}
      <Table<Indicator>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={indicators}
        columns={[
          { title: '指标', dataIndex: 'name', width: 200 },
          { title: '计量单位', dataIndex: 'measureUnit', width: 80 },
          {
            title: '方式',
            key: 'kind',
            width: 90,
            render: (_: unknown, r) => <Tag>{INDICATOR_KIND_NAMES[r.kind]}</Tag>,
          },
          {
            title: '统计来源',
            key: 'source',
            render: (_: unknown, r) =>
              r.kind === 'computed' ? (
                <Typography.Text style={{ fontSize: 12 }}>
                  {r.sourceLabel ?? '（来源不可用）'}
                  {r.categories.length ? `；类别：${r.categories.map(categories.nameOf).join('、')}` : ''}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: '成效表述', dataIndex: 'phrase', width: 200, render: (v: string | null) => v ?? '—' },
        ]}
        data-testid="indicator-table"
      />
    </Space>
  );
}

/** 工作量指标: sums by unit × month, the entries behind them, and the district's definitions. */
export default function IndicatorsPage() {
  const me = useMe();
  const list = useApiQuery(['indicators', 'list'], (signal) => campaignsApi.indicators(signal));
  const indicators = (list.data?.items ?? []).filter((i) => i.active);
  return (
    <Card title="工作量指标">
      <ErrorAlert error={list.error} />
      <Tabs
        items={[
          { key: 'sums', label: '汇总', children: <SumsTab indicators={indicators} /> },
          { key: 'entries', label: '录入明细', children: <EntriesTab indicators={indicators} /> },
          {
            key: 'definitions',
            label: '指标设置',
            children: (
              <DefinitionsTab indicators={indicators} canDefine={me.permissions.includes('indicator.define')} />
            ),
          },
        ]}
      />
    </Card>
  );
}
