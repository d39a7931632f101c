import { Button, Card, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { populationApi, type KnockedHousehold, type KnockedQuery } from '../api';
import { VISIT_RESULT_COLORS, VISIT_RESULT_NAMES, VISIT_RESULTS, type VisitResult } from '../labels';

/**
 * 期间走访户: the doors knocked in an area over days, any round — what the dashboard's 敲门入户数
 * (and, with 在家已核实, 在家已核实户数) counts, so the total here is the number clicked. The filters
 * are the page address's; 关闭 drops them.
 */
export function KnockedHouseholdsCard(props: {
  query: KnockedQuery;
  onChange: (q: Partial<KnockedQuery>) => void;
  onClose: () => void;
}) {
  const q = props.query;
  const page = useApiQuery(['population', 'knocked', q], (signal) => populationApi.knocked(q, signal));
  const total = page.data?.total;
  return (
    <Card
      size="small"
      title={
        <span>
          期间走访户
          {total !== undefined && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
              共 {total} 户
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Button size="small" onClick={props.onClose} data-testid="knocked-close">
          关闭
        </Button>
      }
      data-testid="knocked-card"
    >
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <UnitPicker
          value={q.unitId}
          onChange={(unitId) => props.onChange({ unitId })}
          placeholder="我的辖区"
          style={{ width: 200 }}
          data-testid="knocked-unit"
        />
        <DatePicker.RangePicker
          value={[dayjs(q.from), dayjs(q.to)]}
          allowClear={false}
          onChange={(r) =>
            r?.[0] && r[1] && props.onChange({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })
          }
          data-testid="knocked-period"
        />
        <Select<VisitResult | 'any'>
          style={{ width: 150 }}
          value={q.result ?? 'any'}
          onChange={(v) => props.onChange({ result: v === 'any' ? undefined : v })}
          options={[
            { value: 'any', label: '任一走访结果' },
            ...VISIT_RESULTS.map((r) => ({ value: r, label: VISIT_RESULT_NAMES[r] })),
          ]}
          data-testid="knocked-result"
        />
      </Space>
      <ErrorAlert error={page.error} style={{ marginBottom: 12 }} />
      <Table<KnockedHousehold>
        rowKey="id"
        size="small"
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        data-testid="knocked-table"
        locale={{ emptyText: '期间内没有走访记录' }}
        pagination={{
          pageSize: 10,
          showSizeChanger: false,
          showTotal: (n) =>
            total !== undefined && total > n ? `共 ${total} 户，显示最近走访的 ${n} 户` : `共 ${n} 户`,
        }}
        columns={[
          { title: '门牌地址', dataIndex: 'address', ellipsis: true },
          {
            title: '网格',
            key: 'grid',
            width: 200,
            render: (_: unknown, r) => [r.grid.communityName, r.grid.name].filter(Boolean).join(' · '),
          },
          { title: '期间走访', dataIndex: 'visits', width: 90, render: (n: number) => `${n} 次` },
          {
            title: '最近走访',
            key: 'last',
            width: 260,
            render: (_: unknown, r) => (
              <Space size={6}>
                <Tag color={VISIT_RESULT_COLORS[r.lastResult]}>{VISIT_RESULT_NAMES[r.lastResult]}</Tag>
                <span>{formatDateTime(r.lastVisitedAt)}</span>
                <Typography.Text type="secondary">{r.lastVisitorName}</Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
