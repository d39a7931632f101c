import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { AreaFigure, AreaFigures } from '../api';
import { formatFigure, formatParts } from '../format';

/** 较上期: up or down, green when it moved the better way; a dash when unchanged or not comparable. */
function Movement({ f, better }: { f: AreaFigure; better: 'higher' | 'lower' }) {
  const prev = f.previous?.value ?? null;
  if (f.value === null || prev === null || f.value === prev) return <MinusOutlined style={{ color: '#bfbfbf' }} />;
  const up = f.value > prev;
  const good = up === (better === 'higher');
  const Icon = up ? ArrowUpOutlined : ArrowDownOutlined;
  return (
    <span style={{ color: good ? '#389e0d' : '#cf1322' }} title={`上期 ${prev}`}>
      <Icon /> {f.previous?.rank ? `上期第 ${f.previous.rank} 名` : ''}
    </span>
  );
}

/** The chosen measure over the unit's children, ranked: names drill down, numbers open the list behind them. */
export function AreaBreakdown({ data, onDrill }: { data: AreaFigures; onDrill: (unitId: string) => void }) {
  const m = data.measure;
  return (
    <Table<AreaFigure>
      size="small"
      rowKey={(r) => r.unit.id}
      dataSource={[...data.areas].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))}
      pagination={data.areas.length > 12 ? { pageSize: 12, size: 'small' } : false}
      data-testid="insight-areas"
      columns={[
        { title: '排名', dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
        {
          title: '单位',
          render: (_, r) =>
            r.unit.kind === 'grid_small' ? (
              r.unit.name
            ) : (
              <Typography.Link onClick={() => onDrill(r.unit.id)} data-testid="insight-drill">
                {r.unit.name}
              </Typography.Link>
            ),
        },
        {
          title: m.label,
          align: 'right',
          render: (_, r) => {
            const text = formatFigure(m, r.value);
            return r.link ? <Link to={r.link}>{text}</Link> : text;
          },
        },
        ...(m.kind === 'rate'
          ? [{ title: '分子 / 分母', align: 'right' as const, render: (_: unknown, r: AreaFigure) => formatParts(r) }]
          : []),
        ...(data.previousPeriod
          ? [
              {
                title: `较上期（${data.previousPeriod.from} 至 ${data.previousPeriod.to}）`,
                render: (_: unknown, r: AreaFigure) => <Movement f={r} better={m.better} />,
              },
            ]
          : []),
      ]}
    />
  );
}
