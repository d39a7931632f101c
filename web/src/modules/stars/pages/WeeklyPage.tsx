import { Card, DatePicker, Drawer, Empty, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAuth, useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitPicker } from '../../../components/UnitPicker';
import { XlsxButton } from '../../../components/XlsxButton';
import { formatDateTime } from '../../../lib/format-time';
import { useApiQuery } from '../../../lib/query';
import { EvidenceSection } from '../components/EvidenceSection';
import { Photos, WeeklySection } from '../components/WeeklySection';
import {
  cycleApi,
  mondayOf,
  WEEK_STATUS_COLORS,
  WEEK_STATUS_LABELS,
  type WeekCell,
  type WeeklyGrid,
} from '../cycle-api';

type Row = WeeklyGrid['rows'][number];

function ReportDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const r = useApiQuery(['stars', 'weekly', id], (s) => cycleApi.report(id, s));
  const d = r.data;
  return (
    <Drawer open width={520} title={d ? `${d.branchName} · ${d.week} 周` : '周推进'} onClose={onClose}>
      <ErrorAlert error={r.error} />
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Tag color={WEEK_STATUS_COLORS[d.status]}>{WEEK_STATUS_LABELS[d.status]}</Tag>
            <Typography.Text type="secondary">{d.dueDay} 截止</Typography.Text>
          </Space>
          {[...(d.history ?? [])].reverse().map((v) => (
            <Card
              key={v.revision}
              size="small"
              title={`第 ${v.revision} 版 · ${v.submittedByName}`}
              extra={formatDateTime(v.submittedAt)}
            >
              <div style={{ whiteSpace: 'pre-wrap' }}>{v.text}</div>
              <Photos ids={v.fileIds} />
            </Card>
          ))}
        </Space>
      )}
    </Drawer>
  );
}

/** The 街道's (and the district's) view: branches × weeks, reported / late / missing, with .xlsx. */
function Grid() {
  const me = useMe();
  const [unitId, setUnitId] = useState(me.unitId);
  const [range, setRange] = useState<[string, string]>([
    dayjs(mondayOf(new Date())).subtract(7, 'week').format('YYYY-MM-DD'),
    dayjs().format('YYYY-MM-DD'),
  ]);
  const [open, setOpen] = useState<string | null>(null);
  const q = { unitId, from: range[0], to: range[1] };
  const grid = useApiQuery(['stars', 'weekly-grid', q], (s) => cycleApi.grid(q, s));
  const g = grid.data;
  const cell = (c: WeekCell) => {
    const tag = (
      <Tag color={WEEK_STATUS_COLORS[c.status]} style={{ cursor: c.reportId ? 'pointer' : undefined }}>
        {WEEK_STATUS_LABELS[c.status]}
        {c.remindedAt && c.status === 'missing' ? '·已提醒' : ''}
      </Tag>
    );
    return c.reportId ? (
      <a onClick={() => setOpen(c.reportId)} data-testid="grid-report">
        {tag}
      </a>
    ) : (
      tag
    );
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <UnitPicker value={unitId} onChange={(u) => u && setUnitId(u)} style={{ width: 220 }} />
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(range[0]), dayjs(range[1])]}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
          />
        </Space>
        <XlsxButton href={cycleApi.gridXlsxUrl(q)}>导出 Excel</XlsxButton>
      </Space>
      <ErrorAlert error={grid.error} />
      <Table<Row>
        size="small"
        bordered
        rowKey="branchId"
        loading={grid.loading}
        dataSource={g?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content', y: 'calc(100vh - 330px)' }}
        locale={{ emptyText: <Empty description="该单位下没有党支部" /> }}
        data-testid="weekly-grid"
        columns={[
          { title: '社区/村', dataIndex: 'parentName', width: 110, fixed: 'left' },
          { title: '党支部', dataIndex: 'branchName', width: 150, fixed: 'left' },
          ...(g?.weeks ?? []).map((w, i) => ({
            key: w.week,
            width: 104,
            align: 'center' as const,
            title: (
              <Tooltip title={w.dueDay ? `${w.dueDay} 截止（本周最后一个工作日）` : '本周无工作日，无需报送'}>
                <div style={{ lineHeight: 1.3 }}>
                  {w.week.slice(5)} 周
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {g!.totals[i]!.counts.reported + g!.totals[i]!.counts.late}/
                    {g!.rows.length - g!.totals[i]!.counts.none - g!.totals[i]!.counts.exempt} 已报
                  </Typography.Text>
                </div>
              </Tooltip>
            ),
            render: (_: unknown, r: Row) => cell(r.cells[i]!),
          })),
        ]}
      />
      {open && <ReportDrawer id={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}

/** A community's own branches: each with its weeks and its evidence. */
function OwnBranches() {
  const me = useMe();
  const grid = useApiQuery(['stars', 'weekly-grid', 'own'], (s) => cycleApi.grid({ unitId: me.unitId }, s));
  const rows = grid.data?.rows ?? [];
  if (!grid.loading && !rows.length) return <Empty description="本单位下没有党支部" />;
  return (
    <>
      <ErrorAlert error={grid.error} />
      <Tabs
        items={rows.map((r) => ({
          key: r.branchId,
          label: r.branchName,
          children: (
            <Space direction="vertical" style={{ width: '100%' }} size={16}>
              <WeeklySection branchId={r.branchId} />
              <EvidenceSection branchId={r.branchId} />
            </Space>
          ),
        }))}
      />
    </>
  );
}

/** 每周推进: the grid for the 街道 and the district; a branch's own list for the branch's side. */
export default function WeeklyPage() {
  const { can } = useAuth();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        支部每周推进
      </Typography.Title>
      {can('star.report') && !can('star.review') && !can('star.rate') ? <OwnBranches /> : <Grid />}
    </Space>
  );
}
