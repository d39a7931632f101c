import { App } from 'antd';
import { useState } from 'react';
import { venuesApi, type CheckResult, type VenueDetail } from '../venues/api';
import { findingsOf } from '../venues/components/ChecklistFields';
import { releasePhotos, type LocalPhoto } from './components/PhotoPicker';
import { useMobile } from './context';
import { useCachedResource } from './lib/cache';
import { fileToStored, newId, putOutbox, type InspectionItem } from './lib/outbox';

/**
 * 场所检查 on the phone: the venue (offline copy when the network is down) and its checklist ticked
 * item by item; the inspection goes through the outbox with its id as Idempotency-Key, like a 核查.
 */
export function useVenueInspection(id: string) {
  const { me, outbox, sendNow } = useMobile();
  const { message } = App.useApp();
  const res = useCachedResource<VenueDetail>(me.id, `venue:${id}`, () => venuesApi.get(id));
  const v = res.data;
  const [value, setValue] = useState<Record<string, CheckResult | undefined>>({});
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [raiseCase, setRaiseCase] = useState(true);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const findings = v ? findingsOf(v.checklist, value) : null;
  const failed = !!findings?.some((f) => f.result === 'fail');
  const queued = outbox.items.filter((i): i is InspectionItem => i.kind === 'inspection' && i.venueId === id);

  const reset = () => {
    releasePhotos(photos);
    setPhotos([]);
    setValue({});
    setNote('');
  };

  const submit = async () => {
    if (!v || !findings) {
      message.error('请逐项选择检查结果');
      return;
    }
    setBusy(true);
    setRefused(null);
    try {
      const names = new Map(v.checklist.map((c) => [c.code, c.name]));
      const item: InspectionItem = {
        id: newId(),
        accountId: me.id,
        actorName: me.displayName,
        createdAt: Date.now(),
        state: 'pending',
        attempts: 0,
        kind: 'inspection',
        venueId: v.id,
        venueName: v.name,
        findings: findings.map((f) => ({ ...f, name: names.get(f.code) ?? f.code })),
        note: note.trim() || undefined,
        raiseCase: failed && raiseCase,
        photos: await Promise.all(photos.map((p) => fileToStored(p.blob, p.name))),
      };
      await putOutbox(item);
      reset();
      if (!navigator.onLine) {
        message.info('已保存到手机，联网后自动发送');
        return;
      }
      const outcome = (await sendNow(undefined, [item.id])).get(item.id);
      if (outcome?.result === 'sent') {
        message.success(
          outcome.sent.caseNumber
            ? `检查已提交（${outcome.sent.statusName}），已上报问题 ${outcome.sent.caseNumber}`
            : `检查已提交（${outcome.sent.statusName}）`,
        );
        await res.reload();
        window.scrollTo({ top: 0, behavior: 'smooth' });
      } else if (outcome?.result === 'rejected') {
        setRefused(outcome.message);
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
    res,
    v,
    value,
    setValue,
    note,
    setNote,
    photos,
    setPhotos,
    raiseCase,
    setRaiseCase,
    failed,
    complete: !!findings,
    busy,
    refused,
    queued,
    submit,
  };
}
