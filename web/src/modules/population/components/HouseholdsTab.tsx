import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format-time';
import type { HouseholdSummary } from '../api';
import { useHouseholds } from '../use-population';
import { HouseholdDrawer } from './HouseholdDrawer';
import { HouseholdFormModal } from './HouseholdFormModal';
import { HouseholdMap } from './HouseholdMap';
import { ImportModal } from './ImportModal';
import { LoadMore } from './LoadMore';

/** 户: a unit's households, searched; a small grid's also on its map. */
export function HouseholdsTab({ unitId, gridId }: { unitId?: string; gridId?: string }) {
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [view, setView] = useState<'list' | 'map'>('list');
  const [open, setOpen] = useState<HouseholdSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useHouseholds({ unitId, q: q.trim() || undefined });
  const showMap = view === 'map' && !!gridId;

  return (
    <>
      <Space wrap size={12} style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size={12}>
          <Input.Search
            placeholder="门牌、楼栋或居民姓名"
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 260 }}
            data-testid="household-search"
          />
          <Tooltip title={gridId ? undefined : '选择一个网格后可在地图上查看'}>
            <Segmented
              value={showMap ? 'map' : 'list'}
              onChange={(v) => setView(v as 'list' | 'map')}
              options={[
                { value: 'list', label: '列表' },
                { value: 'map', label: '地图', disabled: !gridId },
              ]}
              data-testid="household-view"
            />
          </Tooltip>
        </Space>
        {can('resident.write') && (
          <Space>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="household-import">
              从 Excel 导入
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="household-create"
            >
              新增户
            </Button>
          </Space>
        )}
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      {showMap ? (
        <HouseholdMap gridId={gridId} households={list.items} onOpen={setOpen} />
      ) : (
        <Table<HouseholdSummary>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          scroll={{ y: 'calc(100vh - 390px)' }}
          data-testid="household-table"
          onRow={(h) => ({ onClick: () => setOpen(h), style: { cursor: 'pointer' } })}
          locale={{ emptyText: '暂无户' }}
          columns={[
            {
              title: '门牌',
              dataIndex: 'address',
              ellipsis: true,
              render: (a: string) => <Typography.Link>{a}</Typography.Link>,
            },
            { title: '楼栋', key: 'building', width: 200, ellipsis: true, render: (_, h) => h.building?.name ?? '—' },
            { title: '户主', dataIndex: 'headName', width: 100, render: (n: string | null) => n ?? '未登记' },
            { title: '人数', dataIndex: 'members', width: 70, align: 'right' },
            {
              title: '网格',
              key: 'grid',
              width: 200,
              ellipsis: true,
              render: (_, h) => `${h.grid.communityName ? `${h.grid.communityName} · ` : ''}${h.grid.name}`,
            },
            { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (t: string) => formatDateTime(t) },
          ]}
        />
      )}
      <LoadMore shown={list.items.length} next={list.nextCursor} loading={list.loadingMore} onMore={list.loadMore} />
      <HouseholdDrawer household={open} onClose={() => setOpen(null)} />
      <HouseholdFormModal open={creating} unitId={unitId} defaultGridId={gridId} onClose={() => setCreating(false)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
