import { CheckCircleFilled, CloudUploadOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import type { SentItem } from '../lib/outbox';

export type ReportDone =
  | { kind: 'sent'; sent: SentItem }
  | { kind: 'queued'; message: string | null }
  | { kind: 'rejected'; message: string; id: string };

/** What became of a report just made: sent (with its case number), waiting in the outbox, or refused. */
export function ReportResult({
  done,
  waiting,
  onAgain,
  onEdit,
}: {
  done: ReportDone;
  /** Items in the outbox now. */
  waiting: number;
  onAgain: () => void;
  onEdit: (id: string) => void;
}) {
  const navigate = useNavigate();
  if (done.kind === 'sent') {
    return (
      <Result
        className="cgm-result"
        status="success"
        icon={<CheckCircleFilled />}
        title="上报成功"
        subTitle={
          <div data-testid="m-report-result" data-result="sent">
            <div>
              案卷号{' '}
              <b className="cgm-mono" data-testid="m-report-case-number">
                {done.sent.caseNumber}
              </b>
            </div>
            <div>
              {done.sent.statusName}
              {done.sent.gridName ? ` · ${done.sent.gridName}` : ' · 不在任何网格内'}
            </div>
            {!done.sent.gridName && (
              <div className="cgm-warn-text" data-testid="m-report-no-grid">
                未定位到网格，将由上级研判；此案卷不会列在“我的网格”中，可在“待发送 › 最近已发送”查看。
              </div>
            )}
          </div>
        }
        extra={[
          <Button
            key="view"
            type="primary"
            block
            onClick={() => navigate(`/m/cases/${done.sent.caseId}`)}
            data-testid="m-report-view"
          >
            查看案卷
          </Button>,
          <Button key="again" block onClick={onAgain} data-testid="m-report-again">
            继续上报
          </Button>,
        ]}
      />
    );
  }
  if (done.kind === 'queued') {
    return (
      <Result
        className="cgm-result"
        status="info"
        icon={<CloudUploadOutlined />}
        title="已保存到手机，待发送"
        subTitle={
          <div data-testid="m-report-result" data-result="queued">
            {done.message
              ? `${done.message}（共 ${waiting} 条待发送）`
              : `当前离线。联网后自动按顺序发送，共 ${waiting} 条待发送。`}
          </div>
        }
        extra={[
          <Button key="queue" type="primary" block onClick={() => navigate('/m/queue')} data-testid="m-report-queue">
            查看待发送
          </Button>,
          <Button key="again" block onClick={onAgain} data-testid="m-report-again">
            继续上报
          </Button>,
        ]}
      />
    );
  }
  return (
    <Result
      className="cgm-result"
      status="error"
      icon={<ExclamationCircleFilled />}
      title="服务器未接受此上报"
      subTitle={
        <div data-testid="m-report-result" data-result="rejected">
          {done.message}
          <div className="cgm-muted">内容已保留在“待发送”中，可修改后重新发送。</div>
        </div>
      }
      extra={[
        <Button key="edit" type="primary" block onClick={() => onEdit(done.id)}>
          修改后重发
        </Button>,
        <Button key="queue" block onClick={() => navigate('/m/queue')}>
          查看待发送
        </Button>,
      ]}
    />
  );
}
