import { App } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { NewResidentAtDoor } from '../../../../src/contracts/population';
import type { Round, RoundHousehold } from '../population/api';
import { VISIT_RESULT_NAMES, type VisitResult } from '../population/labels';
import { releasePhotos, type LocalPhoto } from './components/PhotoPicker';
import { useMobile } from './context';
import { fileToStored, newId, putOutbox } from './lib/outbox';
import { toggleGone, visitProblems } from './lib/visit-form';
import { newVisitItem } from './lib/visit-outbox';

/**
 * 敲门 at one door: who is home, the result, people found who are not on record, people gone, a
 * note and photos — saved to the outbox first and sent at once when online, so it works offline.
 */
export function useKnockVisit(round: Pick<Round, 'id' | 'name'> | undefined, household: RoundHousehold | undefined) {
  const { me, sendNow } = useMobile();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [result, setResult] = useState<VisitResult | null>(null);
  const [marks, setMarks] = useState<{ present: string[]; gone: string[] }>({ present: [], gone: [] });
  const [newcomers, setNewcomers] = useState<NewResidentAtDoor[]>([]);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const togglePresent = (id: string) =>
    setMarks((m) =>
      m.present.includes(id)
        ? { ...m, present: m.present.filter((p) => p !== id) }
        : { ...m, present: [...m.present, id] },
    );

  const save = async () => {
    if (!round || !household) return;
    const problems = visitProblems({ result, present: marks.present, newcomers: newcomers.length });
    setErrors(problems);
    if (Object.keys(problems).length || !result) return;
    setBusy(true);
    try {
      const item = newVisitItem(newId(), me, round, household, {
        result,
        presentResidentIds: marks.present,
        goneResidentIds: marks.gone,
        newResidents: newcomers,
        note: note.trim() || undefined,
        photos: await Promise.all(photos.map((p) => fileToStored(p.blob, p.name))),
      });
      await putOutbox(item);
      releasePhotos(photos);
      setPhotos([]);
      navigate(`/m/knock/${round.id}`, { replace: true });
      const what = `${household.address}：${VISIT_RESULT_NAMES[result]}`;
      if (!navigator.onLine) return void message.info(`${what}，已保存到手机，联网后自动发送`);
      const outcome = (await sendNow(undefined, [item.id])).get(item.id);
      if (outcome?.result === 'sent') message.success(`${what}，已提交`);
      else if (outcome?.result === 'rejected') message.error(`走访未被接受：${outcome.message}`);
      else message.info(`网络不通，${what}已保存到手机，联网后自动发送`);
    } catch (e) {
      message.error(`保存失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return {
    result,
    setResult,
    present: marks.present,
    gone: marks.gone,
    togglePresent,
    toggleGone: (id: string) => setMarks((m) => toggleGone(m, id)),
    newcomers,
    addNewcomer: (n: NewResidentAtDoor) => setNewcomers((l) => [...l, n]),
    removeNewcomer: (i: number) => setNewcomers((l) => l.filter((_, k) => k !== i)),
    note,
    setNote,
    photos,
    setPhotos,
    errors,
    busy,
    save,
  };
}
export type KnockVisitState = ReturnType<typeof useKnockVisit>;
