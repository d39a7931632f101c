import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-time';
import type { Closure, Inspection, VenueHistoryEntry } from '../api';
import { CHECK_RESULT_COLORS, CHECK_RESULT_NAMES, INSPECTION_RESULT_COLORS, INSPECTION_RESULT_NAMES } from '../labels';
import { PhotoThumbs } from './PhotoThumbs';

function InspectionLine({ i }: { i: Inspection }) {
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap size={8}>
        <Typography.Text strong>检查</Typography.Text>
        <StatusTag status={i.result} colors={INSPECTION_RESULT_COLORS} names={INSPECTION_RESULT_NAMES} />
        <Typography.Text type="secondary">
          {formatDateTime(i.at)} · {i.inspector.name}
        </Typography.Text>
        {i.case && (
          <span>
            已上报问题 <Link to={`/cases/${i.case.id}`}>{i.case.number}</Link>
          </span>
        )}
      </Space>
      <Space wrap size={4}>
        {i.items.map((it) => (
          <Tag key={it.code} color={CHECK_RESULT_COLORS[it.result]}>
            {it.name}：{CHECK_RESULT_NAMES[it.result]}
          </Tag>
        ))}
      </Space>
      {i.note && <Typography.Text>{i.note}</Typography.Text>}
      <PhotoThumbs ids={i.photoIds} />
    </Space>
  );
}

function ClosureLine({ c, lifted }: { c: Closure; lifted: boolean }) {
  if (lifted && c.lifted)
    return (
      <Space direction="vertical" size={2}>
        <Space size={8}>
          <Typography.Text strong>解除停业整顿</Typography.Text>
          <Typography.Text type="secondary">
            {formatDateTime(c.lifted.at)} · {c.lifted.by.name}
          </Typography.Text>
        </Space>
        <Typography.Text>复查合格后解除{c.lifted.note ? `：${c.lifted.note}` : ''}</Typography.Text>
      </Space>
    );
  return (
    <Space direction="vertical" size={2}>
      <Space size={8}>
        <Typography.Text strong>责令停业整顿</Typography.Text>
        <Typography.Text type="secondary">
          {formatDateTime(c.issuedAt)} · {c.issuedBy.name}
        </Typography.Text>
        {!c.lifted && c.overdue && <Tag color="orange">已到期未解除</Tag>}
      </Space>
      <Typography.Text>
        {c.startDate} 至 {c.untilDate}（{c.days} 天）：{c.reason}
      </Typography.Text>
    </Space>
  );
}

const COLOR: Record<VenueHistoryEntry['kind'], string> = {
  inspection: 'blue',
  closure_issued: 'red',
  closure_lifted: 'green',
};

/** The venue's history on one page: inspections and orders, newest first. */
export function VenueHistory({ history }: { history: VenueHistoryEntry[] }) {
  if (!history.length) return <Empty description="尚无检查记录" />;
  const entries = [...history].reverse();
  return (
    <Timeline
      data-testid="venue-history"
      items={entries.map((e, n) => ({
        key: `${e.kind}-${n}`,
        color: e.kind === 'inspection' ? (e.inspection.result === 'fail' ? 'red' : 'green') : COLOR[e.kind],
        children:
          e.kind === 'inspection' ? (
            <InspectionLine i={e.inspection} />
          ) : (
            <ClosureLine c={e.closure} lifted={e.kind === 'closure_lifted'} />
          ),
      }))}
    />
  );
}
