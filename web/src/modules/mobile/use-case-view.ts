import { App } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { mobileApi, type CaseDetail } from './api';
import { releasePhotos, type LocalPhoto } from './components/PhotoPicker';
import { useMobile } from './context';
import { useCachedResource } from './lib/cache';
import { useCrewSteps } from './use-crew-steps';
import { fileToStored, newActionItem, putOutbox, removeOutbox, type ActionItem, type VerifyType } from './lib/outbox';

/** A case on the phone: its detail (offline copy when the network is down), and 核查 kept in the outbox. */
export function useCaseView(id: string) {
  const { me, online, outbox, sendNow } = useMobile();
  const { message } = App.useApp();
  const res = useCachedResource<CaseDetail>(me.id, `case:${id}`, () => mobileApi.getCase(id));
  const c = res.data;
  // Through the case: a handling unit outside the grid's scope may not read the grid, but may see where its case is.
  const boundary = useCachedResource(me.id, c?.gridId ? `boundary:${c.gridId}` : null, () =>
    mobileApi.caseBoundary(c!.id),
  );
  const [verify, setVerify] = useState<VerifyType | null>(null);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const queued = outbox.items.filter((i): i is ActionItem => i.kind === 'action' && i.caseId === id);
  const crew = useCrewSteps(c, queued, res.reload);
  const waiting = queued.filter((q) => q.state !== 'rejected');
  const rejectedKey = queued
    .filter((q) => q.state === 'rejected')
    .map((q) => q.id)
    .join();
  // A verification the server refused (someone acted first …): show the case as it is now.
  useEffect(() => {
    if (rejectedKey && online) void res.reload();
  }, [rejectedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  // Steps of this case sent in the background (back online): show the case as the server has it now.
  const waitingCount = useRef(waiting.length);
  useEffect(() => {
    const before = waitingCount.current;
    waitingCount.current = waiting.length;
    if (waiting.length < before && online) void res.reload();
  }, [waiting.length]); // eslint-disable-line react-hooks/exhaustive-deps
  const points = useMemo(
    () => (c?.location ? [{ id: c.id, lng: c.location.lng, lat: c.location.lat, color: '#cf1322' }] : []),
    [c],
  );
  const reportPhotos = c?.actions.find((a) => a.type === 'report')?.attachments ?? [];

  const canPass = !!c?.allowedActions.includes('verify_pass');
  const canFail = !!c?.allowedActions.includes('verify_fail');

  const openSheet = (t: VerifyType) => {
    setVerify(t);
    setComment('');
    setReason('');
    setRefused(null);
  };
  const closeSheet = () => {
    releasePhotos(photos);
    setPhotos([]);
    setVerify(null);
  };

  const submit = async () => {
    if (!c || !verify) return;
    if (verify === 'verify_fail' && reason.trim().length < 2) {
      message.error('请填写核查不通过的原因');
      return;
    }
    setBusy(true);
    try {
      const item = newActionItem(me, c, {
        actionType: verify,
        comment: comment.trim() || undefined,
        reason: verify === 'verify_fail' ? reason.trim() : undefined,
        expectedVersion: c.version,
        photos: await Promise.all(photos.map((p) => fileToStored(p.blob, p.name))),
      });
      await putOutbox(item);
      // A new verification replaces the ones the server refused for this case.
      for (const q of queued) if (q.state === 'rejected') await removeOutbox(q.id);
      closeSheet();
      if (!navigator.onLine) {
        message.info('已保存到手机，联网后自动发送');
        return;
      }
      const outcome = (await sendNow(undefined, [item.id])).get(item.id);
      if (outcome?.result === 'sent') {
        message.success(verify === 'verify_pass' ? `核查通过，${outcome.sent.statusName}` : `核查不通过，已返工`);
        await res.reload();
      } else if (outcome?.result === 'rejected') {
        setRefused(outcome.message);
        await res.reload();
      } else {
        message.info('网络不通，已保存到手机，联网后自动发送');
      }
    } catch (e) {
      message.error(`保存失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return {
    online,
    res,
    c,
    boundary,
    verify,
    comment,
    setComment,
    reason,
    setReason,
    photos,
    setPhotos,
    busy,
    refused,
    queued,
    waiting,
    points,
    reportPhotos,
    canPass,
    canFail,
    openSheet,
    closeSheet,
    submit,
    crew,
  };
}
