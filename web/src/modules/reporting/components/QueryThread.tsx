import { Button, Input, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useApiMutation } from '../../../lib/query';
import { reportingApi, type DataQuery } from '../api';
import { formatDateTime } from '../../../lib/format-time';

/** The thread of a query and, for the questioned unit, the answer box. */
export function QueryThread({ q, onAnswered }: { q: DataQuery; onAnswered(): void }) {
  const [answer, setAnswer] = useState('');
  const send = useApiMutation((text: string) => reportingApi.answerQuery(q.id, text), {
    successMessage: '已答复',
    onSuccess: () => {
      setAnswer('');
      onAnswered();
    },
  });
  return (
    <div style={{ maxWidth: 760 }} data-testid="query-thread">
      <Timeline
        items={q.thread.map((m) => ({
          color: m.kind === 'question' ? 'blue' : 'green',
          children: (
            <>
              <Typography.Text strong>
                {m.kind === 'question' ? '核查' : '答复'} · {m.author}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {formatDateTime(m.at)}
              </Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>
            </>
          ),
        }))}
      />
      {q.canAnswer && (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder="填写核实情况"
            data-testid="query-answer-input"
          />
          <Button
            type="primary"
            loading={send.isPending}
            disabled={!answer.trim()}
            onClick={() => send.mutate(answer.trim())}
            data-testid="query-answer-send"
          >
            答复
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
