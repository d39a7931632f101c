import { Table, Typography } from 'antd';
import type { CoverageRow } from '../api';
import { isGrid } from '../lib/drill';
import { unitKindLabel } from '../../org/unit-kinds';
import type { UnitKind } from '../../org/api';
import { CoverageBar } from './CoverageBar';

/** One row per child unit: 户数 / 已走访 / 已核实 / 仅不在家 / 走访率; a click goes down (or opens a grid). */
export function CoverageTable({
  rows,
  loading,
  onOpen,
}: {
  rows: CoverageRow[];
  loading: boolean;
  onOpen(row: CoverageRow): void;
}) {
  return (
    <Table<CoverageRow>
      rowKey="unitId"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ y: 'calc(100vh - 430px)' }}
      data-testid="coverage-table"
      locale={{ emptyText: '没有下级单位' }}
      onRow={(r) =>
        ({ onClick: () => onOpen(r), className: 'cg-pop-clickable', 'data-testid': 'coverage-row' }) as object
      }
      columns={[
        {
          title: '单位',
          dataIndex: 'unitName',
          ellipsis: true,
          render: (n: string, r) => (
            <span>
              <Typography.Link>{n}</Typography.Link>
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {unitKindLabel[r.unitKind as UnitKind] ?? ''}
                {isGrid(r.unitKind) ? ' · 查看缺口' : ''}
              </Typography.Text>
            </span>
          ),
        },
        { title: '户数', dataIndex: 'households', width: 90, align: 'right' },
        { title: '已走访', dataIndex: 'visited', width: 90, align: 'right' },
        { title: '已核实', dataIndex: 'verified', width: 90, align: 'right' },
        {
          title: '仅不在家',
          dataIndex: 'absentOnly',
          width: 100,
          align: 'right',
          render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
        },
        { title: '走访率', dataIndex: 'rate', width: 220, render: (r: number | null) => <CoverageBar rate={r} /> },
      ]}
    />
  );
}
