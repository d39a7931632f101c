import { Drawer, Table, Tabs, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format-time';
import type { RoundHousehold, Visit } from '../api';
import type { DrillUnit } from '../lib/drill';
import { HOUSEHOLD_RELATION_NAMES, VISIT_RESULT_COLORS, VISIT_RESULT_NAMES, type VisitResult } from '../labels';
import { useGaps, useVisits } from '../use-rounds';

const resultTag = (r: VisitResult | null) =>
  r ? <Tag color={VISIT_RESULT_COLORS[r]}>{VISIT_RESULT_NAMES[r]}</Tag> : <Tag>未走访</Tag>;

/** A grid in a round: the households not visited yet (走访缺口) and the visits made. */
export function GridRoundDrawer({
  roundId,
  grid,
  onClose,
}: {
  roundId: string;
  grid: DrillUnit | null;
  onClose(): void;
}) {
  const gaps = useGaps(roundId, grid?.id);
  const visits = useVisits(roundId, grid?.id);
  return (
    <Drawer
      open={!!grid}
      onClose={onClose}
      width={860}
      title={grid?.name}
      destroyOnHidden
      data-testid="grid-round-drawer"
    >
      <Tabs
        items={[
          {
            key: 'gaps',
            label: `走访缺口${gaps.data ? `（${gaps.data.items.length}）` : ''}`,
            children: (
              <>
                <ErrorAlert error={gaps.error} style={{ marginBottom: 12 }} />
                <Table<RoundHousehold>
                  rowKey="id"
                  size="small"
                  loading={gaps.loading}
                  dataSource={gaps.data?.items ?? []}
                  pagination={{ defaultPageSize: 20, size: 'small', showTotal: (t) => `共 ${t} 户` }}
                  data-testid="gap-table"
                  locale={{ emptyText: '本网格的户均已走访' }}
                  columns={[
                    { title: '门牌', dataIndex: 'address', ellipsis: true },
                    { title: '楼栋', dataIndex: 'buildingName', width: 160, ellipsis: true, render: (b) => b ?? '—' },
                    { title: '户主', dataIndex: 'headName', width: 90, render: (n) => n ?? '未登记' },
                    {
                      title: '成员',
                      dataIndex: 'members',
                      width: 200,
                      ellipsis: true,
                      render: (ms: RoundHousehold['members']) =>
                        ms
                          .map((m) => `${m.name}${m.relation ? `（${HOUSEHOLD_RELATION_NAMES[m.relation]}）` : ''}`)
                          .join('、') || '—',
                    },
                    { title: '状态', dataIndex: 'lastResult', width: 110, render: resultTag },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'visits',
            label: `走访记录${visits.data ? `（${visits.data.items.length}）` : ''}`,
            children: <VisitTable loading={visits.loading} error={visits.error} items={visits.data?.items ?? []} />,
          },
        ]}
      />
    </Drawer>
  );
}

function VisitTable({ items, loading, error }: { items: Visit[]; loading: boolean; error: unknown }) {
  return (
    <>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Table<Visit>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={{ defaultPageSize: 20, size: 'small', showTotal: (t) => `共 ${t} 次` }}
        data-testid="visit-table"
        locale={{ emptyText: '暂无走访记录' }}
        columns={[
          { title: '时间', dataIndex: 'visitedAt', width: 130, render: (t: string) => formatDateTime(t) },
          { title: '门牌', key: 'addr', ellipsis: true, render: (_, v) => v.household.address },
          { title: '结果', dataIndex: 'result', width: 100, render: (r: VisitResult) => resultTag(r) },
          { title: '在家', dataIndex: 'presentCount', width: 56, align: 'right' },
          {
            title: '变化',
            key: 'changes',
            width: 130,
            render: (_, v) => (
              <Typography.Text style={{ fontSize: 12 }}>
                {v.addedNames.length > 0 && <div>新增：{v.addedNames.join('、')}</div>}
                {v.goneNames.length > 0 && <div>迁出：{v.goneNames.join('、')}</div>}
                {!v.addedNames.length && !v.goneNames.length && '—'}
              </Typography.Text>
            ),
          },
          { title: '走访人', dataIndex: 'visitorName', width: 80, ellipsis: true },
          {
            title: '备注',
            dataIndex: 'note',
            ellipsis: true,
            width: 120,
            render: (n: string | null, v) =>
              `${n ?? ''}${v.photoIds.length ? `（照片 ${v.photoIds.length} 张）` : ''}` || '—',
          },
        ]}
      />
    </>
  );
}
