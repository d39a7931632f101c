import { App } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from './api';
import { releasePhotos, type LocalPhoto } from './components/PhotoPicker';
import { useMobile } from './context';
import { crewSteps, expectedVersionAfter } from './lib/crew';
import {
  ACTION_NAMES,
  fileToStored,
  newActionItem,
  putOutbox,
  type ActionItem,
  type CrewActionType,
  type ExtraTime,
} from './lib/outbox';

/** Why a step cannot be saved yet (shown under its field), or null. */
export function crewStepProblems(
  type: CrewActionType,
  f: { comment: string; reason: string; photos: number; extra: ExtraTime },
): Record<string, string> {
  const e: Record<string, string> = {};
  if (type === 'feedback') {
    if (f.comment.trim().length < 2) e.comment = '请填写处置情况';
    if (f.photos < 1) e.photos = '请拍摄至少一张处置后照片';
  }
  if ((type === 'return' || type === 'request_extension') && f.reason.trim().length < 2)
    e.reason = type === 'return' ? '请填写退回原因' : '请填写延期原因';
  if (type === 'request_extension') {
    const ok = f.extra.unit === 'days' ? Number.isInteger(f.extra.value) && f.extra.value >= 1 : f.extra.value > 0;
    if (!ok) e.extra = '请填写延期时长';
  }
  return e;
}

/**
 * 处置通 on a case: 签收, 处置反馈 (with after-photos), 申请延期 and 退回, each written to the outbox
 * first and sent at once when online — so a crew without network handles the case all the same.
 */
export function useCrewSteps(c: CaseDetail | undefined, queued: ActionItem[], reload: () => Promise<void>) {
  const { me, sendNow } = useMobile();
  const { message } = App.useApp();
  const [step, setStep] = useState<CrewActionType | null>(null);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [extra, setExtra] = useState<ExtraTime>({ value: 1, unit: 'days' });
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const steps = c ? crewSteps(c, queued) : [];

  const close = () => {
    releasePhotos(photos);
    setPhotos([]);
    setStep(null);
    setErrors({});
  };

  const save = async (type: CrewActionType) => {
    if (!c) return;
    const problems = crewStepProblems(type, { comment, reason, photos: photos.length, extra });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const item = newActionItem(me, c, {
        actionType: type,
        comment: type === 'start' ? undefined : comment.trim() || undefined,
        reason: type === 'return' || type === 'request_extension' ? reason.trim() : undefined,
        extra: type === 'request_extension' ? extra : undefined,
        // Behind steps still waiting (签收 before 反馈), the case will be that many versions on.
        expectedVersion: expectedVersionAfter(c, queued),
        photos: type === 'feedback' ? await Promise.all(photos.map((p) => fileToStored(p.blob, p.name))) : [],
      });
      await putOutbox(item);
      close();
      setComment('');
      setReason('');
      if (!navigator.onLine) {
        message.info(`${ACTION_NAMES[type]}已保存到手机，联网后自动发送`);
        return;
      }
      const outcome = (await sendNow(undefined, [item.id])).get(item.id);
      if (outcome?.result === 'sent') {
        message.success(`${ACTION_NAMES[type]}成功，${outcome.sent.statusName}`);
        await reload();
      } else if (outcome?.result === 'rejected') {
        message.error(`${ACTION_NAMES[type]}未被接受：${outcome.message}`);
        await reload();
      } else {
        message.info(`网络不通，${ACTION_NAMES[type]}已保存到手机，联网后自动发送`);
      }
    } catch (e) {
      message.error(`保存失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  /** 签收 needs nothing more: saved at once; the others open their sheet. */
  const begin = (type: CrewActionType) => {
    if (type === 'start') return void save('start');
    setErrors({});
    setStep(type);
  };

  return {
    steps,
    step,
    begin,
    close,
    submit: () => (step ? save(step) : Promise.resolve()),
    comment,
    setComment,
    reason,
    setReason,
    extra,
    setExtra,
    photos,
    setPhotos,
    errors,
    busy,
  };
}

export type CrewStepsState = ReturnType<typeof useCrewSteps>;
