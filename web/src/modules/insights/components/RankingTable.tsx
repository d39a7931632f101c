import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { MeasureInfo } from '../api';
import { formatFigure, formatParts } from '../format';
import type { Movement, RankingRow } from '../rankings-api';

const MEDAL = ['#E6A700', '#9AA3AF', '#C27C3E'];

/** 名次: the first three on a medal's colour. */
export function RankBadge({ rank }: { rank: number | null }) {
  if (rank === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const medal = rank <= 3 ? MEDAL[rank - 1] : undefined;
  return (
    <span
      className="cg-rank-badge"
      style={medal ? { background: medal, color: '#fff' } : { background: '#f0f2f5', color: '#333' }}
    >
      {rank}
    </span>
  );
}

/** 名次变化: green up, red down, grey otherwise. */
export function MovementTag({ m }: { m: Movement }) {
  if (m.kind === 'up')
    return (
      <span style={{ color: '#389e0d' }}>
        <ArrowUpOutlined /> {m.by}
      </span>
    );
  if (m.kind === 'down')
    return (
      <span style={{ color: '#cf1322' }}>
        <ArrowDownOutlined /> {m.by}
      </span>
    );
  if (m.kind === 'new') return <Tag color="blue">新上榜</Tag>;
  return <Typography.Text type="secondary">{m.label}</Typography.Text>;
}

/**
 * The ranking: 名次, 单位 (a click ranks the unit's own areas), the value (a link to the list behind
 * it), a rate's two counts, 上期名次, 名次变化 and 上期值; the last three places on a red ground.
 */
export function RankingTable({
  measure,
  rows,
  bottom,
  compared,
  loading,
  onDrill,
}: {
  measure: MeasureInfo;
  rows: RankingRow[];
  bottom: Set<string>;
  compared: boolean;
  loading: boolean;
  onDrill: (unitId: string) => void;
}) {
  const rate = measure.kind === 'rate';
  const columns: ColumnsType<RankingRow> = [
    { title: '名次', key: 'rank', width: 64, align: 'center', render: (_, r) => <RankBadge rank={r.cells[0]!.rank} /> },
    {
      title: '单位',
      key: 'unit',
      render: (_, r) =>
        r.unit.kind === 'grid_small' ? (
          r.unit.name
        ) : (
          <Typography.Link onClick={() => onDrill(r.unit.id)} data-testid="ranking-drill">
            {r.unit.name}
          </Typography.Link>
        ),
    },
    {
      title: measure.label,
      key: 'value',
      align: 'right',
      width: 120,
      render: (_, r) => {
        const c = r.cells[0]!;
        const text = formatFigure(measure, c.value);
        return c.link && c.value !== null ? <Link to={c.link}>{text}</Link> : text;
      },
    },
    ...(rate
      ? [
          {
            title: '分子 / 分母',
            key: 'parts',
            align: 'right' as const,
            width: 110,
            render: (_: unknown, r: RankingRow) => formatParts(r.cells[0]!),
          },
        ]
      : []),
    ...(compared
      ? [
          {
            title: '上期名次',
            key: 'prevRank',
            align: 'center' as const,
            width: 84,
            render: (_: unknown, r: RankingRow) => r.cells[0]!.previous?.rank ?? '—',
          },
          {
            title: '名次变化',
            key: 'movement',
            align: 'center' as const,
            width: 90,
            render: (_: unknown, r: RankingRow) => <MovementTag m={r.cells[0]!.movement} />,
          },
          {
            title: '上期值',
            key: 'prevValue',
            align: 'right' as const,
            width: 110,
            render: (_: unknown, r: RankingRow) => formatFigure(measure, r.cells[0]!.previous?.value ?? null),
          },
        ]
      : []),
  ];
  return (
    <Table<RankingRow>
      size="small"
      rowKey={(r) => r.unit.id}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ y: 'calc(100vh - 360px)' }}
      rowClassName={(r) => (bottom.has(r.unit.id) ? 'cg-rank-bottom' : '')}
      locale={{ emptyText: '该单位下没有可排名的单位' }}
      data-testid="ranking-table"
    />
  );
}
