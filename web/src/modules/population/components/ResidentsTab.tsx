import { UserAddOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useInvalidate } from '../../../lib/query';
import type { Resident, ResidentFilter } from '../api';
import {
  RESIDENCE_KIND_NAMES,
  RESIDENCE_KINDS,
  RESIDENT_STATUS_NAMES,
  RESIDENT_STATUSES,
  type ResidenceKind,
  type ResidentStatus,
} from '../labels';
import { POP, useResidents, useResidentTags, useReveal } from '../use-population';
import { ResidentExportButtons } from './ExportButtons';
import { HistoryModal } from './HistoryModal';
import { LoadMore } from './LoadMore';
import { MoveModal } from './MoveModal';
import { residentColumns } from './ResidentColumns';
import { ResidentFormModal } from './ResidentFormModal';
import { RevealModals } from './RevealModal';

/** 居民: a unit's residents by tag, 人口类型 and status; masked, with 查看 for those who may. */
export function ResidentsTab({ unitId, gridId }: { unitId?: string; gridId?: string }) {
  const { can } = useAuth();
  const tags = useResidentTags();
  const reveal = useReveal();
  const invalidate = useInvalidate();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState<string>();
  const [kind, setKind] = useState<ResidenceKind>();
  const [status, setStatus] = useState<ResidentStatus | undefined>('active');
  const [registering, setRegistering] = useState(false);
  const [moving, setMoving] = useState<Resident | null>(null);
  const [history, setHistory] = useState<Resident | null>(null);
  const filter: ResidentFilter = { unitId, q: q.trim() || undefined, tag, residenceKind: kind, status };
  const list = useResidents(filter);

  return (
    <>
      <Space wrap size={12} style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size={12}>
          <Input.Search
            placeholder="姓名或身份证号后几位"
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 220 }}
            data-testid="resident-search"
          />
          <Select
            allowClear
            placeholder="全部标签"
            value={tag}
            onChange={setTag}
            style={{ width: 140 }}
            options={tags.all.map((t) => ({ value: t.code, label: t.name }))}
            data-testid="resident-filter-tag"
          />
          <Select
            allowClear
            placeholder="全部人口类型"
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            options={RESIDENCE_KINDS.map((k) => ({ value: k, label: RESIDENCE_KIND_NAMES[k] }))}
            data-testid="resident-filter-kind"
          />
          <Select
            allowClear
            placeholder="全部状态"
            value={status}
            onChange={setStatus}
            style={{ width: 120 }}
            options={RESIDENT_STATUSES.map((s) => ({ value: s, label: RESIDENT_STATUS_NAMES[s] }))}
            data-testid="resident-filter-status"
          />
        </Space>
        <Space>
          <ResidentExportButtons filter={filter} canReveal={can('resident.reveal')} />
          {can('resident.write') && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="resident-register"
            >
              登记居民
            </Button>
          )}
        </Space>
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      <Table<Resident>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1150, y: 'calc(100vh - 390px)' }}
        data-testid="resident-table"
        locale={{ emptyText: '暂无居民' }}
        columns={residentColumns({
          nameOfTag: tags.nameOf,
          canReveal: can('resident.reveal'),
          canWrite: can('resident.write'),
          onReveal: reveal.ask,
          onMove: setMoving,
          onHistory: setHistory,
          withAddress: true,
        })}
      />
      <LoadMore shown={list.items.length} next={list.nextCursor} loading={list.loadingMore} onMore={list.loadMore} />
      <ResidentFormModal
        open={registering}
        defaultGridId={gridId}
        onClose={() => setRegistering(false)}
        onSaved={() => {
          setRegistering(false);
          void invalidate([POP]);
        }}
      />
      <MoveModal resident={moving} onClose={() => setMoving(null)} />
      <HistoryModal resident={history} onClose={() => setHistory(null)} />
      <RevealModals state={reveal} />
    </>
  );
}
