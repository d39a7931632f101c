import { Table } from 'antd';
import { Link } from 'react-router';
import type { CaseKpisByCategory } from '../../../../../src/contracts/cases';

type Row = CaseKpisByCategory['items'][number];
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The ledger's GB/T 30428.4 figures of the unit per 大类; the counts open the ledger filtered to the category. */
export function CategoryBreakdown({ data }: { data: CaseKpisByCategory }) {
  const list = (r: Row) =>
    `/cases?unitId=${data.unitId}&from=${data.from}&to=${data.to}&categoryCode=${r.categoryCode}`;
  return (
    <Table<Row>
      size="small"
      rowKey="categoryCode"
      dataSource={data.items}
      pagination={false}
      data-testid="insight-categories"
      locale={{ emptyText: '期间内没有问题' }}
      columns={[
        { title: '问题大类', dataIndex: 'categoryName' },
        {
          title: '受理数',
          align: 'right',
          render: (_, r) => <Link to={list(r)}>{r.counts.reported}</Link>,
        },
        { title: '立案数', align: 'right', render: (_, r) => r.counts.accepted },
        { title: '应结案数', align: 'right', render: (_, r) => r.counts.dueToClose },
        { title: '结案数', align: 'right', render: (_, r) => r.counts.closed },
        { title: '结案率', align: 'right', render: (_, r) => pct(r.closeRate) },
        { title: '按期结案率', align: 'right', render: (_, r) => pct(r.onTimeCloseRate) },
        { title: '返工率', align: 'right', render: (_, r) => pct(r.reworkRate) },
      ]}
    />
  );
}
