import { Empty, Modal, Spin, Timeline, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { populationApi, type Resident } from '../api';
import { HISTORY_KIND_NAMES } from '../labels';
import { POP } from '../use-population';

/** A resident's history: registration, moves (with the old address), merges, status changes, visits. */
export function HistoryModal({ resident, onClose }: { resident: Resident | null; onClose(): void }) {
  const id = resident?.id ?? '';
  const q = useApiQuery([POP, 'history', id], (signal) => populationApi.history(id, signal), undefined, {
    enabled: !!id,
    keepPrevious: false,
  });
  const items = q.data?.items ?? [];
  return (
    <Modal
      open={!!resident}
      title={`${resident?.name ?? ''} 的记录`}
      footer={null}
      onCancel={onClose}
      width={560}
      destroyOnHidden
      data-testid="history-modal"
    >
      <ErrorAlert error={q.error} />
      <Spin spinning={q.loading}>
        {items.length === 0 && !q.loading ? (
          <Empty description="暂无记录" />
        ) : (
          <Timeline
            style={{ marginTop: 12 }}
            items={items.map((h) => ({
              children: (
                <div>
                  <Typography.Text strong>{HISTORY_KIND_NAMES[h.kind] ?? '其他'}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {formatDateTime(h.at)}
                    {h.byName ? ` · ${h.byName}` : ''}
                  </Typography.Text>
                  {h.householdAddress && <div>住址：{h.householdAddress}</div>}
                  {h.detail && <div>{h.detail}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Spin>
    </Modal>
  );
}
