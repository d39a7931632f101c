import { Button, Checkbox, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { OPINION_ACTION_NAMES, OPINION_STATUS_NAMES, OPINION_STATUSES } from '../../../../../src/contracts/proposals';
import { StatusTag } from '../../../components/StatusTag';
import type { Opinion, OpinionStatus } from '../api';
import { formatAt, OPINION_COLORS } from '../labels';
import type { OpinionFilter, SupervisionDialog } from '../use-supervision';
import { DIALOG_TITLES } from './SupervisionDialogModal';

/** The opinions to follow up, filtered by status and overdue, each with its history and next steps. */
export function OpinionsTable({
  opinions,
  filter,
  onFilter,
  onDialog,
}: {
  opinions: Opinion[];
  filter: OpinionFilter;
  onFilter(f: OpinionFilter): void;
  onDialog(d: SupervisionDialog): void;
}) {
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select<OpinionStatus | 'all'>
          style={{ width: 140 }}
          value={filter.status ?? 'all'}
          onChange={(v) => onFilter({ ...filter, status: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: '全部状态' },
            ...OPINION_STATUSES.map((s) => ({ value: s, label: OPINION_STATUS_NAMES[s] })),
          ]}
        />
        <Checkbox
          checked={!!filter.overdue}
          onChange={(e) => onFilter({ ...filter, overdue: e.target.checked || undefined })}
        >
          只看逾期
        </Checkbox>
      </Space>
      <Table<Opinion>
        rowKey="id"
        size="middle"
        pagination={{ pageSize: 20 }}
        dataSource={opinions}
        data-testid="supervisor-opinions"
        expandable={{
          expandedRowRender: (o) => (
            <Timeline
              items={o.history.map((h) => ({
                children: (
                  <Space>
                    <Typography.Text strong>{OPINION_ACTION_NAMES[h.type]}</Typography.Text>
                    {h.by}
                    <Typography.Text type="secondary">{formatAt(h.at)}</Typography.Text>
                    {h.text}
                  </Space>
                ),
              }))}
            />
          ),
        }}
        columns={[
          { title: '意见', dataIndex: 'text', key: 'text' },
          { title: '监督单位', dataIndex: 'unitName', key: 'unit', width: 150 },
          {
            title: '提出',
            key: 'by',
            width: 150,
            render: (_: unknown, o) => `${o.supervisorName} ${o.recordedOn}`,
          },
          {
            title: '责任单位',
            key: 'resp',
            width: 150,
            render: (_: unknown, o) => o.responsibleUnit?.name ?? '—',
          },
          {
            title: '期限',
            dataIndex: 'deadline',
            key: 'deadline',
            width: 110,
            render: (v: string | null, o) =>
              v ? <Typography.Text type={o.overdue ? 'danger' : undefined}>{v}</Typography.Text> : '—',
          },
          {
            title: '状态',
            key: 'status',
            width: 120,
            render: (_: unknown, o) => (
              <Space size={4}>
                <StatusTag status={o.status} name={o.statusName} colors={OPINION_COLORS} />
                {o.overdue && <Tag color="error">逾期</Tag>}
              </Space>
            ),
          },
          { title: '答复', dataIndex: 'reply', key: 'reply', render: (v: string | null) => v ?? '—' },
          {
            title: '',
            key: 'op',
            width: 170,
            render: (_: unknown, o) => (
              <Space wrap>
                {o.allowedActions.map((c) => (
                  <Button key={c} size="small" onClick={() => onDialog({ kind: c, o })}>
                    {DIALOG_TITLES[c]}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
