import { Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { screeningApi, SCR, type Campaign, type Entry, type ListedQuery } from '../api';
import { ENTRY_SOURCE_NAMES } from '../labels';

/**
 * 期间新列入排查的人员: the people put on any list on an area's grids over days — what the dashboard's
 * 排查人数 counts (by ID number), so the number here is the one clicked. The filters are the page
 * address's; 关闭 drops them.
 */
export function ListedEntriesCard(props: {
  query: ListedQuery;
  campaigns: Campaign[];
  onChange: (q: Partial<ListedQuery>) => void;
  onClose: () => void;
}) {
  const q = props.query;
  const page = useApiQuery([SCR, 'listed', q], (signal) => screeningApi.listed(q, signal));
  const names = new Map(props.campaigns.map((c) => [c.id, c.name]));
  const d = page.data;
  return (
    <Card
      size="small"
      title={
        <span>
          期间新列入排查的人员
          {d && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
              共 {d.people} 人{d.total !== d.people ? `（登记 ${d.total} 条，同一身份证号计 1 人）` : ''}
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Button size="small" onClick={props.onClose} data-testid="scr-listed-close">
          关闭
        </Button>
      }
      data-testid="scr-listed-card"
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          value={q.unitId}
          onChange={(unitId) => props.onChange({ unitId })}
          placeholder="我的辖区"
          style={{ width: 200 }}
          data-testid="scr-listed-unit"
        />
        <DatePicker.RangePicker
          value={[dayjs(q.from), dayjs(q.to)]}
          allowClear={false}
          onChange={(r) =>
            r?.[0] && r[1] && props.onChange({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })
          }
          data-testid="scr-listed-period"
        />
      </Space>
      <ErrorAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={page.loading}
        dataSource={d?.items ?? []}
        data-testid="scr-listed-table"
        locale={{ emptyText: '期间内没有新列入排查的人员' }}
        pagination={{
          pageSize: 10,
          showSizeChanger: false,
          showTotal: (n) => (d && d.total > n ? `共 ${d.total} 条，显示最近的 ${n} 条` : `共 ${n} 条`),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份证号', dataIndex: 'idNumber', width: 180 },
          { title: '排查名单', key: 'campaign', ellipsis: true, render: (_, e) => names.get(e.campaignId) ?? '—' },
          { title: '网格', key: 'grid', width: 160, render: (_, e) => e.grid.name },
          { title: '来源', key: 'source', width: 90, render: (_, e) => ENTRY_SOURCE_NAMES[e.source] },
          { title: '登记时间', key: 'at', width: 150, render: (_, e) => formatDateTime(e.createdAt) },
        ]}
      />
    </Card>
  );
}
