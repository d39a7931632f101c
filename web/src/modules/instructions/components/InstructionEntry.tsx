import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { INSTRUCTION_OWNER_ROLE_NAMES, INSTRUCTION_REPLY_MAX, type Instruction } from '../api';
import { formatTime } from '../format';
import { useInstructionActions } from '../use-instructions';
import { TextModal } from './TextModal';

/**
 * One 领导批示 as a timeline shows it: clearly marked, the leader and the time, the instruction, and
 * each owner unit's answer (or 待答复), with 答复 for the caller's unit while it has not answered.
 */
export function InstructionEntry({ i }: { i: Instruction }) {
  const { reply } = useInstructionActions(i.targetKind, i.targetId);
  const [replying, setReplying] = useState(false);
  return (
    <div data-testid="instruction-entry" data-instruction-id={i.id}>
      <Space size={8} wrap>
        <Tag color="red" bordered={false} style={{ marginInlineEnd: 0 }}>
          领导批示
        </Tag>
        <Typography.Text strong>{i.leader.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTime(i.createdAt)}
        </Typography.Text>
      </Space>
      <Typography.Paragraph
        style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', fontWeight: 500 }}
        data-testid="instruction-content"
      >
        {i.content}
      </Typography.Paragraph>
      {i.owners.map((o) => (
        <div key={o.unitId} style={{ fontSize: 13, marginTop: 2 }} data-testid="instruction-owner">
          <Typography.Text type="secondary">
            {INSTRUCTION_OWNER_ROLE_NAMES[o.role]}·{o.unitName}：
          </Typography.Text>
          {o.reply ? (
            <>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.reply.content}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                （{o.reply.byName}，{formatTime(o.reply.at)}）
              </Typography.Text>
            </>
          ) : (
            <Tag bordered={false} color="orange">
              待答复
            </Tag>
          )}
        </div>
      ))}
      {i.canReply && (
        <Button
          size="small"
          type="link"
          style={{ padding: 0 }}
          onClick={() => {
            reply.reset();
            setReplying(true);
          }}
          data-testid="instruction-reply-button"
        >
          答复批示
        </Button>
      )}
      <TextModal
        open={replying}
        title="答复领导批示"
        label="已阅 / 落实情况"
        placeholder="写明已阅，或已采取的措施和落实情况；每个单位答复一次"
        okText="答复"
        max={INSTRUCTION_REPLY_MAX}
        context={
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {i.leader.name}批示：{i.content}
          </Typography.Paragraph>
        }
        saving={reply.isPending}
        error={reply.error}
        onSubmit={(content) => reply.mutate({ id: i.id, content }, { onSuccess: () => setReplying(false) })}
        onClose={() => setReplying(false)}
        data-testid="instruction-reply-modal"
      />
    </div>
  );
}
