import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  DeleteOutlined,
  EditOutlined,
  LoadingOutlined,
  RedoOutlined,
} from '@ant-design/icons';
import { App, Button, Empty, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMobile } from '../context';
import { shortTime, sizeText } from '../labels';
import { ACTION_NAMES, removeOutbox, requeue, type OutboxItem } from '../lib/outbox';
import { followUpSummary, followUpTitle } from '../lib/followup-outbox';
import { entrySummary, entryTitle } from '../lib/entry-outbox';
import { visitSummary, visitTitle } from '../lib/visit-outbox';

function stateTag(item: OutboxItem, sendingAll: boolean) {
  if (item.state === 'rejected') return <Tag color="red">服务器拒收</Tag>;
  if (item.state === 'sending')
    return (
      <Tag icon={<LoadingOutlined />} color="processing">
        发送中
      </Tag>
    );
  if (item.lastError) return <Tag color="orange">{sendingAll ? '等待发送' : '发送失败'}</Tag>;
  return <Tag color="blue">待发送</Tag>;
}

function photoCount(item: OutboxItem): number {
  return item.kind === 'report' ? item.photos.length + item.before.length + item.after.length : item.photos.length;
}

function bytes(item: OutboxItem): number {
  const all = item.kind === 'report' ? [...item.photos, ...item.before, ...item.after] : item.photos;
  return all.reduce((n, p) => n + p.size, 0);
}

/** 待发送: what is stored on the phone and waits for the network, each with its state; and what was sent. */
export default function QueuePage() {
  const { online, outbox, sendNow } = useMobile();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);

  const sendAll = async () => {
    setBusy('all');
    try {
      const out = await sendNow();
      const sent = [...out.values()].filter((o) => o.result === 'sent').length;
      if (sent) message.success(`已发送 ${sent} 条`);
      for (const o of out.values()) {
        if (o.result !== 'sent') {
          message.warning(o.message);
          break;
        }
      }
    } finally {
      setBusy(null);
    }
  };

  const retry = async (item: OutboxItem) => {
    setBusy(item.id);
    try {
      await requeue(item.id);
      const o = (await sendNow([item.id])).get(item.id);
      if (o?.result === 'sent') message.success(o.sent.caseNumber ? `已发送，案卷号 ${o.sent.caseNumber}` : '已发送');
      else if (o) message.error(o.message);
    } finally {
      setBusy(null);
    }
  };

  const remove = (item: OutboxItem) =>
    modal.confirm({
      title: '删除这条待发送的内容？',
      content: '删除后无法恢复，照片也会从本机删除。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => removeOutbox(item.id),
    });

  const waiting = outbox.items.filter((i) => i.state !== 'rejected').length;

  return (
    <div className="cgm-page" data-testid="m-queue-page">
      <div className="cgm-queue-head">
        <div>
          <div className="cgm-queue-title">
            待发送 <b data-testid="m-queue-total">{outbox.items.length}</b> 条
          </div>
          <div className="cgm-muted">{online ? '联网时自动按顺序发送' : '当前离线，联网后自动按顺序发送'}</div>
        </div>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={!online || !waiting}
          loading={busy === 'all' || outbox.sending}
          onClick={sendAll}
          data-testid="m-queue-send"
        >
          立即发送
        </Button>
      </div>

      {outbox.items.length === 0 ? (
        <Empty className="cgm-empty" description="没有待发送的内容" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        outbox.items.map((item, n) => (
          <div
            key={item.id}
            className={`cgm-card cgm-queue-item is-${item.state}`}
            data-testid="m-queue-item"
            data-state={item.state}
            data-kind={item.kind}
          >
            <div className="cgm-case-top">
              <span className="cgm-case-cat">
                {n + 1}.{' '}
                {item.kind === 'report'
                  ? `上报：${item.categoryName}`
                  : item.kind === 'action'
                    ? `${ACTION_NAMES[item.actionType]}：${item.caseNumber}`
                    : item.kind === 'visit'
                      ? visitTitle(item)
                      : item.kind === 'followup'
                        ? followUpTitle(item)
                        : item.kind === 'entry'
                          ? entryTitle(item)
                          : `场所检查：${item.venueName}`}
              </span>
              <span data-testid="m-queue-item-state">{stateTag(item, outbox.sending)}</span>
            </div>
            <div className="cgm-case-desc">
              {item.kind === 'report'
                ? item.description
                : item.kind === 'action'
                  ? item.reason || item.comment || item.categoryName
                  : item.kind === 'visit'
                    ? visitSummary(item)
                    : item.kind === 'followup'
                      ? followUpSummary(item)
                      : item.kind === 'entry'
                        ? entrySummary(item)
                        : item.note || (item.findings.some((f) => f.result === 'fail') ? '不合格' : '合格')}
            </div>
            <div className="cgm-muted">
              保存于 {shortTime(item.createdAt)}
              {photoCount(item) > 0 && ` · ${photoCount(item)} 张照片（${sizeText(bytes(item))}）`}
              {item.kind === 'report' && item.location && ` · 定位 ±${item.location.accuracy} 米`}
              {item.attempts > 0 && ` · 已尝试 ${item.attempts} 次`}
            </div>
            {item.lastError && (
              <div
                className={item.state === 'rejected' ? 'cgm-queue-error' : 'cgm-queue-warn'}
                data-testid="m-queue-item-error"
              >
                {item.state === 'rejected' ? '服务器：' : ''}
                {item.lastError}
              </div>
            )}
            {item.state !== 'sending' && (
              <div className="cgm-queue-actions">
                {item.state === 'rejected' && item.kind === 'report' && (
                  <Button
                    icon={<EditOutlined />}
                    onClick={() => navigate(`/m/report?edit=${item.id}`)}
                    data-testid="m-queue-edit"
                  >
                    修改
                  </Button>
                )}
                {item.state === 'rejected' && item.kind === 'action' && (
                  <Button onClick={() => navigate(`/m/cases/${item.caseId}`)}>打开案卷</Button>
                )}
                {item.state === 'rejected' && item.kind === 'inspection' && (
                  <Button onClick={() => navigate(`/m/venues/${item.venueId}`)}>打开场所</Button>
                )}
                {item.state === 'rejected' && item.kind === 'visit' && (
                  <Button onClick={() => navigate(`/m/knock/${item.roundId}`)}>打开敲门行动</Button>
                )}
                <Button
                  icon={<RedoOutlined />}
                  disabled={!online}
                  loading={busy === item.id}
                  onClick={() => retry(item)}
                  data-testid="m-queue-retry"
                >
                  {item.state === 'rejected' ? '重新发送' : '发送'}
                </Button>
                <Button
                  danger
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(item)}
                  data-testid="m-queue-delete"
                >
                  删除
                </Button>
              </div>
            )}
          </div>
        ))
      )}

      {outbox.sent.length > 0 && (
        <>
          <div className="cgm-section-title">最近已发送</div>
          {outbox.sent.slice(0, 20).map((s) => (
            <Link
              key={s.id}
              to={s.href ?? `/m/cases/${s.caseId}`}
              className="cgm-card cgm-sent"
              data-testid="m-sent-item"
              data-case-number={s.caseNumber}
            >
              <CheckCircleOutlined className="cgm-sent-icon" />
              <div className="cgm-sent-body">
                <div>
                  {s.kind === 'report' ? `上报：${s.title}` : s.title}
                  {s.caseNumber && <span className="cgm-mono cgm-sent-no">{s.caseNumber}</span>}
                </div>
                <div className="cgm-muted">
                  {shortTime(s.sentAt)} 发送 · {s.statusName}
                  {s.gridName ? ` · ${s.gridName}` : ''}
                </div>
              </div>
            </Link>
          ))}
        </>
      )}
    </div>
  );
}
