import { Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiQuery } from '../../../lib/query';
import { campaignsApi, type FigureRecord, type PeriodQuery } from '../api';
import { qty } from '../labels';

const KIND_NAMES: Record<FigureRecord['kind'], string> = {
  entry: '录入',
  case: '问题',
  campaign: '活动',
  record: '记录',
};

/** The records behind one figure: entries, or the cases / campaigns a computed indicator counted. */
export function RecordsDrawer({
  indicator,
  query,
  onClose,
}: {
  indicator: { id: string; name: string; measureUnit: string } | null;
  query: PeriodQuery;
  onClose(): void;
}) {
  const records = useApiQuery(
    ['indicators', 'records', indicator?.id, query],
    (signal) => campaignsApi.records(indicator!.id, query, signal),
    undefined,
    { enabled: !!indicator },
  );
  const link = (r: FigureRecord) =>
    r.kind === 'case' ? (
      <Link to={`/cases/${r.id}`}>{r.label}</Link>
    ) : r.kind === 'campaign' ? (
      <Link to={`/campaigns/${r.id}`}>{r.label}</Link>
    ) : (
      r.label
    );
  return (
    <Drawer open={!!indicator} onClose={onClose} width={640} title={indicator ? `${indicator.name}：原始记录` : ''}>
      <ErrorAlert error={records.error} />
      {records.data?.truncated && (
        <Typography.Text type="warning">
          仅列出前 {records.data.items.length} 条，共 {records.data.total} 条
        </Typography.Text>
      )}
      <Table<FigureRecord>
        rowKey="id"
        size="small"
        loading={records.loading}
        dataSource={records.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '日期', dataIndex: 'day', width: 100 },
          { title: '类型', key: 'kind', width: 60, render: (_: unknown, r) => KIND_NAMES[r.kind] },
          { title: '内容', key: 'label', render: (_: unknown, r) => link(r) },
          {
            title: '数量',
            key: 'q',
            width: 90,
            align: 'right',
            render: (_: unknown, r) => `${qty(r.quantity)} ${indicator?.measureUnit ?? ''}`,
          },
        ]}
        data-testid="records-table"
      />
    </Drawer>
  );
}
