import { ArrowLeftOutlined, StarFilled } from '@ant-design/icons';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Space,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
  type TimelineItemProps,
} from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { StatusTag } from '../../../components/StatusTag';
import { PROPOSAL_STATUSES, SATISFACTION_NAMES } from '../../../../../src/contracts/proposals';
import type { ProposalCommand, ProposalDetail, ReplyClass, Satisfaction } from '../api';
import { COMMAND_NAMES, formatAt, REPLY_CLASS_NAMES, SATISFACTION_COLORS, STATUS_COLORS } from '../labels';
import { FileThumbs } from './FileThumbs';
import type { PendingAction } from './ProposalActionModal';

/** Commands offered as buttons at the top; the per-row ones sit next to their commitment or report. */
const TOP_COMMANDS: ProposalCommand[] = [
  'assign',
  'mark_key',
  'consult',
  'waive_consultation',
  'reply',
  'add_commitment',
  'report_progress',
  'complete',
  'rate',
];

interface SectionProps {
  p: ProposalDetail;
  may(c: ProposalCommand): boolean;
  onAction(a: PendingAction): void;
}

/** Number, title, tags, the command buttons, the steps and the proposal's particulars. */
export function ProposalHeaderCard({ p, may, onAction }: SectionProps) {
  return (
    <Card
      title={
        <Space wrap>
          <Link to="/proposals">
            <ArrowLeftOutlined />
          </Link>
          <span>{p.number}</span>
          <span>{p.title}</span>
          {p.isKey && (
            <Tag color="red" icon={<StarFilled />}>
              重点提案
            </Tag>
          )}
          <StatusTag status={p.status} name={p.statusName} colors={STATUS_COLORS} />
          {p.status !== 'registered' && p.status !== 'assigned' && (
            <Tag color={p.kind === 'implementation' ? 'purple' : 'blue'}>{p.kindName}</Tag>
          )}
          {p.rehandleCount > 0 && <Tag color="orange">重新办理 {p.rehandleCount} 次</Tag>}
        </Space>
      }
      extra={
        <Space wrap data-testid="proposal-actions" className="cg-proposal-actions">
          {TOP_COMMANDS.filter(may).map((c) => (
            <Button
              key={c}
              type={c === 'reply' || c === 'assign' || c === 'rate' ? 'primary' : 'default'}
              onClick={() => onAction({ command: c })}
              data-testid={`proposal-action-${c}`}
            >
              {c === 'mark_key' && p.isKey ? '更换牵头督办领导' : COMMAND_NAMES[c]}
            </Button>
          ))}
        </Space>
      }
    >
      <Steps
        size="small"
        current={PROPOSAL_STATUSES.indexOf(p.status)}
        status={p.replyOverdue ? 'error' : undefined}
        style={{ marginBottom: 16 }}
        items={[{ title: '登记' }, { title: '交办' }, { title: '答复' }, { title: '落实' }, { title: '办结' }]}
      />
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" bordered>
        <Descriptions.Item label="提案人">{p.proposers.map((x) => x.name).join('、')}</Descriptions.Item>
        <Descriptions.Item label="类别">{p.category}</Descriptions.Item>
        <Descriptions.Item label="提交日期">{p.submittedOn}</Descriptions.Item>
        <Descriptions.Item label="主办单位">
          {p.mainHandlers.map((u) => u.name).join('、') || '未交办'}
        </Descriptions.Item>
        <Descriptions.Item label="协办单位">
          {p.assistingHandlers.map((u) => u.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="答复期限">
          {p.replyDeadline ? (
            <Typography.Text type={p.replyOverdue ? 'danger' : undefined}>
              {p.replyDeadline}
              {p.replyOverdue ? '（已逾期）' : ''}
            </Typography.Text>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {p.isKey && <Descriptions.Item label="牵头督办领导">{p.leader?.name}</Descriptions.Item>}
        <Descriptions.Item label="内容" span={3}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.content}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 落实事项, each with its evidence and 报送落实情况 while open. */
export function CommitmentsCard({ p, may, onAction }: SectionProps) {
  return (
    <Card title="落实事项" size="small">
      <Table
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={p.commitmentList}
        locale={{ emptyText: '没有落实事项（答复型）' }}
        data-testid="proposal-commitments"
        columns={[
          { title: '事项', dataIndex: 'title', key: 'title' },
          {
            title: '期限',
            dataIndex: 'deadline',
            key: 'deadline',
            width: 110,
            render: (v: string, c) => <Typography.Text type={c.overdue ? 'danger' : undefined}>{v}</Typography.Text>,
          },
          {
            title: '状态',
            key: 'state',
            width: 120,
            render: (_: unknown, c) =>
              c.doneOn ? (
                <Tag color="success">{c.doneOn} 完成</Tag>
              ) : c.overdue ? (
                <Tag color="error">逾期</Tag>
              ) : (
                <Tag color="processing">落实中</Tag>
              ),
          },
          {
            title: '佐证材料',
            key: 'evidence',
            render: (_: unknown, c) => <FileThumbs files={c.evidence} size={48} />,
          },
          {
            title: '',
            key: 'op',
            width: 110,
            render: (_: unknown, c) =>
              !c.doneOn &&
              may('complete_commitment') && (
                <Button size="small" onClick={() => onAction({ command: 'complete_commitment', index: c.index })}>
                  报送落实情况
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** A key proposal's progress reports to its lead leader (重点提案督办). */
export function ProgressCard({ p, may, onAction }: SectionProps) {
  return (
    <Card title={`重点提案督办 · 牵头督办领导：${p.leader?.name ?? ''}`} size="small" data-testid="proposal-progress">
      {p.progress.length ? (
        <List
          dataSource={p.progress}
          renderItem={(r) => (
            <List.Item
              actions={
                !r.heard && may('hear_progress')
                  ? [
                      <Button
                        key="hear"
                        size="small"
                        type="primary"
                        onClick={() => onAction({ command: 'hear_progress', seq: r.seq })}
                      >
                        听取汇报
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {r.by}
                    <Typography.Text type="secondary">{formatAt(r.at)}</Typography.Text>
                    {r.heard ? <Tag color="success">已听取</Tag> : <Tag>待听取</Tag>}
                  </Space>
                }
                description={
                  <>
                    <div>{r.text}</div>
                    {r.heard && (
                      <div style={{ marginTop: 4 }}>
                        <Typography.Text type="secondary">{r.heard.by} 批示：</Typography.Text>
                        {r.heard.comment ?? '已听取'}
                      </div>
                    )}
                    <FileThumbs files={r.files} size={48} />
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description="尚无进展汇报" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

export function RatingsCard({ p }: { p: ProposalDetail }) {
  return (
    <Card title="提案人评价" size="small">
      {p.ratings.length ? (
        <List
          size="small"
          dataSource={p.ratings}
          renderItem={(r) => (
            <List.Item>
              <Space>
                <StatusTag status={r.satisfaction} name={r.satisfactionName} colors={SATISFACTION_COLORS} />
                {r.byName ?? ''}
                <Typography.Text type="secondary">{r.on}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">尚未评价</Typography.Text>
      )}
    </Card>
  );
}

function recordLine(t: ProposalDetail['timeline'][number]): string | null {
  const r = t.record;
  const s = (k: string) => (typeof r[k] === 'string' && r[k] ? (r[k] as string) : null);
  switch (t.type) {
    case 'register':
      return `提案号 ${s('number')}`;
    case 'assign':
      return `主办：${(r.mainHandlers as string[]).join('、')}${(r.assistingHandlers as string[]).length ? `；协办：${(r.assistingHandlers as string[]).join('、')}` : ''}；答复期限 ${s('replyDeadline')}`;
    case 'mark_key':
      return `牵头督办领导：${s('leaderName')}`;
    case 'consult':
      return `${s('on')}；参加：${s('participants')}；结果：${s('outcome')}`;
    case 'waive_consultation':
      return `原因：${s('reason')}`;
    case 'reply':
      return `${s('replyClass') ? `${s('replyClass')} 类（${REPLY_CLASS_NAMES[r.replyClass as ReplyClass]}）：` : ''}${s('summary')}`;
    case 'add_commitment':
      return `${s('title')}（${s('deadline')} 前）`;
    case 'complete_commitment':
      return `${s('title')}${s('note') ? `：${s('note')}` : ''}`;
    case 'rate':
      return `${SATISFACTION_NAMES[r.satisfaction as Satisfaction] ?? ''}${s('comment') ? `：${s('comment')}` : ''}`;
    case 'report_progress':
      return s('text');
    case 'hear_progress':
      return s('comment') ?? '已听取';
    default:
      return s('comment');
  }
}

/** 办理过程: every step, latest first. */
/** 办理过程, newest first; `extra` items (领导批示) fall in by their time; `action` sits in the card's head (批示). */
export function ProposalTimelineCard({
  p,
  extra = [],
  action,
}: {
  p: ProposalDetail;
  extra?: { at: string; item: TimelineItemProps }[];
  action?: ReactNode;
}) {
  const own = [...p.timeline].reverse().map((t) => ({ at: t.at, item: timelineItem(t) }));
  const items = [...own, ...extra].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).map((x) => x.item);
  return (
    <Card title="办理过程" size="small" extra={action}>
      <Timeline data-testid="proposal-timeline" items={items} />
    </Card>
  );
}

function timelineItem(t: ProposalDetail['timeline'][number]): TimelineItemProps {
  return {
    key: `step-${t.seq}`,
    color:
      t.type === 'rate' && t.record.satisfaction === 'unsatisfied' ? 'red' : t.type === 'complete' ? 'green' : 'blue',
    children: (
      <>
        <Space size={6}>
          <Typography.Text strong>{t.typeName}</Typography.Text>
          <Typography.Text type="secondary">
            {t.actorName} · {formatAt(t.at)}
          </Typography.Text>
        </Space>
        {recordLine(t) && <div>{recordLine(t)}</div>}
      </>
    ),
  };
}
