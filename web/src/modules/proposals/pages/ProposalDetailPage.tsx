import { ArrowLeftOutlined, StarFilled } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorText } from '../../../lib/api';
import { proposalsApi, type ProposalCommand, type ProposalDetail } from '../api';
import { FileThumbs } from '../components/FileThumbs';
import { ProposalActionModal, type PendingAction } from '../components/ProposalActionModal';
import { COMMAND_NAMES, formatAt, SATISFACTION_COLORS, STATUS_COLORS } from '../labels';
import { apiQueryKey, useApiQuery, useInvalidate } from '../../../lib/query';
import { ErrorAlert } from '../../../components/ErrorAlert';

const STEP_ORDER = ['registered', 'assigned', 'replied', 'implementing', 'completed'] as const;
/** Commands offered as buttons at the top; the per-row ones sit next to their commitment or report. */
const TOP_COMMANDS: ProposalCommand[] = [
  'assign',
  'mark_key',
  'reply',
  'add_commitment',
  'report_progress',
  'complete',
  'rate',
];

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
    case 'reply':
      return s('summary');
    case 'add_commitment':
      return `${s('title')}（${s('deadline')} 前）`;
    case 'complete_commitment':
      return `${s('title')}${s('note') ? `：${s('note')}` : ''}`;
    case 'rate':
      return `${{ satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' }[r.satisfaction as string]}${s('comment') ? `：${s('comment')}` : ''}`;
    case 'report_progress':
      return s('text');
    case 'hear_progress':
      return s('comment') ?? '已听取';
    default:
      return s('comment');
  }
}

export default function ProposalDetailPage() {
  const { id = '' } = useParams();
  const [action, setAction] = useState<PendingAction | null>(null);
  const client = useQueryClient();
  const fetcher = (signal: AbortSignal) => proposalsApi.get(id, signal);
  const key = ['proposals', 'detail', id];
  const query = useApiQuery(key, fetcher, undefined, { keepPrevious: false });
  const p: ProposalDetail | null = query.data ?? null;
  const error = query.error ? errorText(query.error) : null;
  const invalidate = useInvalidate();
  /** The server answered the changed proposal: show it, and let the lists catch up. */
  const setP = (next: ProposalDetail) => {
    client.setQueryData(apiQueryKey(key, fetcher), next);
    void invalidate(['proposals', 'list'], ['proposals', 'stats'], ['proposals', 'supervision']);
  };

  if (error) return <ErrorAlert error={error} action={<Link to="/proposals">返回列表</Link>} />;
  if (!p) return <Spin style={{ display: 'block', margin: 48 }} />;
  const may = (c: ProposalCommand) => p.allowedActions.includes(c);
  const stepIndex = STEP_ORDER.indexOf(p.status);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="proposal-detail">
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
            <Tag color={STATUS_COLORS[p.status]}>{p.statusName}</Tag>
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
                onClick={() => setAction({ command: c })}
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
          current={stepIndex}
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

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title="答复" size="small">
              {p.replies.length ? (
                <List
                  dataSource={p.replies}
                  renderItem={(r, i) => (
                    <List.Item>
                      <List.Item.Meta
                        title={`${i === 0 ? '答复' : `第 ${i + 1} 次答复`} · ${r.on}`}
                        description={
                          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                            {r.summary}
                          </Typography.Paragraph>
                        }
                      />
                      <FileThumbs files={r.files} size={56} />
                    </List.Item>
                  )}
                />
              ) : (
                <Empty description="尚未答复" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
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
                    render: (v: string, c) => (
                      <Typography.Text type={c.overdue ? 'danger' : undefined}>{v}</Typography.Text>
                    ),
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
                        <Button
                          size="small"
                          onClick={() => setAction({ command: 'complete_commitment', index: c.index })}
                        >
                          报送落实情况
                        </Button>
                      ),
                  },
                ]}
              />
            </Card>
            {p.isKey && (
              <Card
                title={`重点提案督办 · 牵头督办领导：${p.leader?.name ?? ''}`}
                size="small"
                data-testid="proposal-progress"
              >
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
                                  onClick={() => setAction({ command: 'hear_progress', seq: r.seq })}
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
            )}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title="提案人评价" size="small">
              {p.ratings.length ? (
                <List
                  size="small"
                  dataSource={p.ratings}
                  renderItem={(r) => (
                    <List.Item>
                      <Space>
                        <Tag color={SATISFACTION_COLORS[r.satisfaction]}>{r.satisfactionName}</Tag>
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
            <Card title="办理过程" size="small">
              <Timeline
                data-testid="proposal-timeline"
                items={[...p.timeline].reverse().map((t) => ({
                  color:
                    t.type === 'rate' && t.record.satisfaction === 'unsatisfied'
                      ? 'red'
                      : t.type === 'complete'
                        ? 'green'
                        : 'blue',
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
                }))}
              />
            </Card>
          </Space>
        </Col>
      </Row>
      <ProposalActionModal
        proposal={p}
        action={action}
        onClose={() => setAction(null)}
        onDone={(next) => {
          setAction(null);
          setP(next);
        }}
      />
      {!p.allowedActions.length && p.status !== 'completed' && (
        <Typography.Text type="secondary">当前没有需要您办理的操作。</Typography.Text>
      )}
    </Space>
  );
}
