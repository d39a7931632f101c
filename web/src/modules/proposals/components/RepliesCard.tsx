import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { ProposalDetail } from '../api';
import { REPLY_CLASS_COLORS, REPLY_CLASS_NAMES } from '../labels';
import { FileThumbs } from './FileThumbs';

/** 见面协商: each meeting with the proposer (or why none was needed), per handling round. */
export function ConsultationsCard({ p }: { p: ProposalDetail }) {
  if (p.status === 'registered') return null;
  return (
    <Card title="见面协商" size="small" data-testid="proposal-consultations">
      {p.consultations.length ? (
        <List
          dataSource={p.consultations}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{c.waivedReason === null ? `见面协商 · ${c.on}` : `无需见面协商 · ${c.on}`}</span>
                    {c.round > 0 && <Tag color="orange">第 {c.round + 1} 轮办理</Tag>}
                    <Typography.Text type="secondary">{c.by}</Typography.Text>
                  </Space>
                }
                description={
                  c.waivedReason === null ? (
                    <>
                      <div>参加人员：{c.participants}</div>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        协商结果：{c.outcome}
                      </Typography.Paragraph>
                    </>
                  ) : (
                    <>原因：{c.waivedReason}</>
                  )
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty
          description="尚未与提案人见面协商；答复前须先协商，或注明无需见面协商的原因"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
        />
      )}
    </Card>
  );
}

/** 答复: every reply with its class (A 解决或采纳 / B 列入计划拟解决 / C 留作参考) and attachments. */
export function RepliesCard({ p }: { p: ProposalDetail }) {
  return (
    <Card title="答复" size="small">
      {p.replies.length ? (
        <List
          dataSource={p.replies}
          renderItem={(r, i) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{`${i === 0 ? '答复' : `第 ${i + 1} 次答复`} · ${r.on}`}</span>
                    {r.replyClass && (
                      <Tag color={REPLY_CLASS_COLORS[r.replyClass]} data-testid="reply-class">
                        {r.replyClass} 类 · {REPLY_CLASS_NAMES[r.replyClass]}
                      </Tag>
                    )}
                  </Space>
                }
                description={
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.summary}</Typography.Paragraph>
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
  );
}
