import { App, Button, Empty, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiMutation } from '../../../lib/query';
import { supervisionApi, type TaskNotice } from '../api';
import { formatTime, NOTICE_KIND_LABELS } from '../labels';
import { TaskLink } from './TaskTags';

/** A 督办 / 催办 from a task's detail (no task) or from a list (with its task). */
export type NoticeView = Omit<TaskNotice, 'task'> & { task?: TaskNotice['task'] };

interface Props {
  notices: NoticeView[];
  /** The caller may answer the open ones. */
  canReply?: boolean;
  onReplied?: () => void;
  emptyText?: string;
}

/** 催办 / 督办 notices with their replies; open ones get a reply box for the unit. */
export function NoticeList({ notices, canReply, onReplied, emptyText = '暂无督办' }: Props) {
  if (notices.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <div data-testid="notice-list">
      {notices.map((n) => (
        <NoticeEntry key={n.id} n={n} canReply={canReply} onReplied={onReplied} />
      ))}
    </div>
  );
}

function NoticeEntry({ n, canReply, onReplied }: { n: NoticeView; canReply?: boolean; onReplied?: () => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const reply = useApiMutation((answer: string) => supervisionApi.replyNotice(n.id, answer), {
    successMessage: '已答复',
    onSuccess: () => {
      setText('');
      onReplied?.();
    },
  });
  const send = () => {
    if (!text.trim()) {
      message.warning('请填写答复内容');
      return;
    }
    reply.mutate(text.trim());
  };
  return (
    <div
      className="cg-sv-item"
      data-testid="notice-item"
      data-notice-id={n.id}
      data-replied={n.repliedAt ? 'true' : 'false'}
    >
      <Space size={6} wrap style={{ marginBottom: 6 }}>
        <Tag color={n.kind === 'supervise' ? 'red' : 'orange'}>{NOTICE_KIND_LABELS[n.kind]}</Tag>
        {n.task && <TaskLink id={n.task.id} title={n.task.title} />}
        <Typography.Text>致 {n.toUnit.name}</Typography.Text>
        <Typography.Text type="secondary">
          {n.sentBy} 发于 {formatTime(n.sentAt)}
        </Typography.Text>
        {n.repliedAt ? (
          <Tag color={n.overdue ? 'orange' : 'green'} bordered={false}>
            {n.overdue ? '逾期答复' : '已答复'}
          </Tag>
        ) : (
          <Tag color={n.overdue ? 'red' : 'default'} bordered={false} data-testid="notice-due">
            {n.overdue ? '答复已逾期' : '待答复'}：{formatTime(n.replyDueAt)} 前
          </Tag>
        )}
        {n.escalatedAt && (
          <Tag color="volcano" bordered={false}>
            已提级至牵头领导
          </Tag>
        )}
      </Space>
      <div className="cg-sv-quote">{n.content}</div>
      {n.reply && (
        <div className="cg-sv-reply" style={{ marginTop: 6 }} data-testid="notice-reply">
          <Typography.Text type="secondary">
            {n.repliedBy ?? ''} 答复于 {formatTime(n.repliedAt)}：
          </Typography.Text>
          <div>{n.reply}</div>
        </div>
      )}
      {!n.repliedAt && canReply && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={4000}
            placeholder="答复督办：说明落实情况和整改措施"
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="notice-reply-input"
          />
          <Button type="primary" loading={reply.isPending} onClick={send} data-testid="notice-reply-submit">
            答复
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
