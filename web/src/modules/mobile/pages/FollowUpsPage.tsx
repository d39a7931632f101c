import { CheckOutlined, CloseOutlined, EyeInvisibleOutlined, PhoneOutlined, HomeOutlined } from '@ant-design/icons';
import { App, Button, Empty, Segmented, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../../app/auth';
import type { DueFollowUp, DueFollowUpList } from '../../../../../src/contracts/measures';
import { FOLLOW_UP_STATUS_NAMES, MEASURE_TYPE_NAMES, OWNER_ROLE_NAMES } from '../../../../../src/contracts/measures';
import { measuresApi } from '../../measures/api';
import { useCachedResource } from '../lib/cache';
import {
  FOLLOW_UPS_KEY,
  newFollowUpItem,
  shanghaiDay,
  type FollowUpItem,
  type RecordedStatus,
} from '../lib/followup-outbox';
import { useOnline, useOutbox } from '../lib/hooks';
import { newId, onSent, processOutbox, putOutbox } from '../lib/outbox';
import '../followups.css';

const TAP: { status: RecordedStatus; label: string; icon: React.ReactNode; className: string }[] = [
  { status: 'seen_ok', label: '正常', icon: <CheckOutlined />, className: 'is-ok' },
  { status: 'seen_not_ok', label: '异常', icon: <CloseOutlined />, className: 'is-bad' },
  { status: 'missed', label: '未见到', icon: <EyeInvisibleOutlined />, className: 'is-missed' },
];
const STATUS_COLORS: Record<string, string> = {
  not_performed: 'default',
  seen_ok: 'green',
  seen_not_ok: 'orange',
  missed: 'red',
};

/**
 * 今日随访: the owner's people under home measures, today. One tap records 正常 / 异常 / 未见到 (with
 * 上门 or 电话): it goes to the outbox first, so it works offline and is sent when the network is back,
 * under its own Idempotency-Key. Someone another owner already saw today shows who did.
 */
export default function FollowUpsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const online = useOnline();
  const outbox = useOutbox(me.id);
  const [method, setMethod] = useState<'visit' | 'phone'>('visit');
  const list = useCachedResource<DueFollowUpList>(me.id, FOLLOW_UPS_KEY, () => measuresApi.today());
  const today = shanghaiDay(Date.now());

  useEffect(
    () =>
      onSent((s) => {
        if (s.kind === 'followup') void list.reload();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const queued = new Map<string, FollowUpItem>();
  for (const i of outbox.items) if (i.kind === 'followup' && i.day === today) queued.set(i.measureId, i);

  const tap = async (line: DueFollowUp, status: RecordedStatus) => {
    const item = newFollowUpItem(newId(), me, line, status, method);
    await putOutbox(item);
    if (!navigator.onLine) {
      message.info('已保存在手机上，联网后自动发送');
      return;
    }
    const outcome = (await processOutbox(me.id, [item.id])).get(item.id);
    if (outcome?.result === 'sent') message.success(`已记录：${line.subject.name} ${FOLLOW_UP_STATUS_NAMES[status]}`);
    else if (outcome?.result === 'rejected') message.error(outcome.message);
    else message.info('已保存在手机上，联网后自动发送');
  };

  const items = list.data && list.data.day === today ? list.data.items : list.data ? [] : undefined;
  const done = (items ?? []).filter((l) => l.status !== 'not_performed' || queued.has(l.measureId)).length;

  return (
    <div className="cgm-page cgm-fu-page" data-testid="m-followups">
      <div className="cgm-fu-head">
        <div>
          <div className="cgm-fu-today">{today} 今日随访</div>
          <div className="cgm-muted" data-testid="m-fu-progress">
            共 {items?.length ?? 0} 人，已随访 {done} 人{!online && ' · 离线'}
            {list.cachedAt && ' · 离线副本'}
          </div>
        </div>
        <Segmented
          value={method}
          onChange={(v) => setMethod(v as 'visit' | 'phone')}
          options={[
            { value: 'visit', label: '上门', icon: <HomeOutlined /> },
            { value: 'phone', label: '电话', icon: <PhoneOutlined /> },
          ]}
          data-testid="m-fu-method"
        />
      </div>
      {list.error && <div className="cgm-fu-error">{list.error}</div>}
      {items === undefined ? (
        <div className="cgm-center">
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Empty className="cgm-empty" description="今天没有需要随访的人员" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        items.map((line) => {
          const q = queued.get(line.measureId);
          const status = q ? q.status : line.status;
          return (
            <div className="cgm-card cgm-fu-card" key={line.measureId} data-testid="m-fu-item" data-status={status}>
              <div className="cgm-fu-top">
                <span className="cgm-fu-name">{line.subject.name}</span>
                <Tag color={STATUS_COLORS[status]} data-testid="m-fu-status">
                  {FOLLOW_UP_STATUS_NAMES[status]}
                  {q && (q.state === 'rejected' ? '（未能发送）' : '（待发送）')}
                </Tag>
              </div>
              <div className="cgm-muted">
                {line.community.name}
                {line.householdAddress ? ` · ${line.householdAddress}` : ''}
              </div>
              <div className="cgm-muted">
                {MEASURE_TYPE_NAMES[line.type]} 第 {line.dayIndex}/{line.lengthDays} 天 · 我是
                {OWNER_ROLE_NAMES[line.myRole]}
                {line.testDay && (
                  <Tag color="blue" style={{ marginLeft: 6 }}>
                    今日核酸
                  </Tag>
                )}
              </div>
              {q?.state === 'rejected' && <div className="cgm-fu-error">{q.lastError}</div>}
              {status === 'not_performed' ? (
                <div className="cgm-fu-taps">
                  {TAP.map((t) => (
                    <Button
                      key={t.status}
                      className={`cgm-fu-tap ${t.className}`}
                      icon={t.icon}
                      onClick={() => void tap(line, t.status)}
                      data-testid={`m-fu-${t.status}`}
                    >
                      {t.label}
                    </Button>
                  ))}
                </div>
              ) : (
                line.recordedBy && (
                  <div className="cgm-muted cgm-fu-by">
                    {line.recordedBy.role ? OWNER_ROLE_NAMES[line.recordedBy.role] : ''}
                    {line.recordedBy.name} 已记录
                  </div>
                )
              )}
            </div>
          );
        })
      )}
    </div>
  );
}
