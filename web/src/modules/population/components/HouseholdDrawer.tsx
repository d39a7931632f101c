import { UserAddOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format-time';
import { useInvalidate } from '../../../lib/query';
import type { HouseholdSummary, Resident } from '../api';
import { POP, useResidents, useResidentTags, useReveal } from '../use-population';
import { HistoryModal } from './HistoryModal';
import { MoveModal } from './MoveModal';
import { ResidentFormModal } from './ResidentFormModal';
import { residentColumns } from './ResidentColumns';
import { RevealModals } from './RevealModal';

/** One household: its place, its members (add, move, history, reveal). */
export function HouseholdDrawer({ household, onClose }: { household: HouseholdSummary | null; onClose(): void }) {
  const { can } = useAuth();
  const tags = useResidentTags();
  const reveal = useReveal();
  const invalidate = useInvalidate();
  const [adding, setAdding] = useState(false);
  const [moving, setMoving] = useState<Resident | null>(null);
  const [history, setHistory] = useState<Resident | null>(null);
  const members = useResidents({ householdId: household?.id }, !!household);

  return (
    <Drawer
      open={!!household}
      onClose={onClose}
      width={960}
      title={household?.address}
      destroyOnHidden
      data-testid="household-drawer"
      extra={
        can('resident.write') && (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setAdding(true)}
            data-testid="household-add-member"
          >
            添加成员
          </Button>
        )
      }
    >
      {household && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="门牌" span={2}>
              {household.address}
            </Descriptions.Item>
            <Descriptions.Item label="楼栋">{household.building?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="网格">
              {household.grid.communityName ? `${household.grid.communityName} · ` : ''}
              {household.grid.name}
            </Descriptions.Item>
            <Descriptions.Item label="户主">{household.headName ?? '未登记'}</Descriptions.Item>
            <Descriptions.Item label="现住人数">{household.members} 人</Descriptions.Item>
            <Descriptions.Item label="备注" span={2}>
              {household.note ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="更新时间">{formatDateTime(household.updatedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            成员
          </Typography.Title>
          <ErrorAlert error={members.error} />
          <Table<Resident>
            rowKey="id"
            size="small"
            loading={members.loading}
            dataSource={members.items}
            pagination={false}
            scroll={{ x: 1000 }}
            data-testid="household-members"
            locale={{ emptyText: '尚未登记成员' }}
            columns={residentColumns({
              nameOfTag: tags.nameOf,
              canReveal: can('resident.reveal'),
              canWrite: can('resident.write'),
              onReveal: reveal.ask,
              onMove: setMoving,
              onHistory: setHistory,
              withAddress: false,
            })}
          />
        </Space>
      )}
      <ResidentFormModal
        open={adding}
        household={household}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void invalidate([POP]);
        }}
      />
      <MoveModal resident={moving} onClose={() => setMoving(null)} />
      <HistoryModal resident={history} onClose={() => setHistory(null)} />
      <RevealModals state={reveal} />
    </Drawer>
  );
}
