import { App } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Category } from './api';
import { photoFromStored, releasePhotos, type LocalPhoto } from './components/PhotoPicker';
import { useMobile } from './context';
import { useGps } from './lib/hooks';
import type { ReportDone } from './components/ReportResult';
import { validateReportDraft } from './lib/report-validation';
import { placeText } from './lib/address';
import {
  fileToStored,
  getOutboxItem,
  newId,
  putOutbox,
  type GpsFix,
  type ReportItem,
  type StoredPhoto,
} from './lib/outbox';

interface Draft {
  accountId: string;
  categoryCode: string | null;
  description: string;
  address: string;
  fixedOnSpot: boolean;
  photos: LocalPhoto[];
  before: LocalPhoto[];
  after: LocalPhoto[];
}

/** The form survives switching tabs (kept in memory, not stored). */
let keptDraft: Draft | null = null;

const emptyDraft = (accountId: string): Draft => ({
  accountId,
  categoryCode: null,
  description: '',
  address: '',
  fixedOnSpot: false,
  photos: [],
  before: [],
  after: [],
});

type Done = ReportDone;

const recentKey = (accountId: string) => `cgm-recent-categories:${accountId}`;

function recentCodes(accountId: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(recentKey(accountId)) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function rememberCode(accountId: string, code: string) {
  try {
    localStorage.setItem(
      recentKey(accountId),
      JSON.stringify([code, ...recentCodes(accountId).filter((c) => c !== code)].slice(0, 6)),
    );
  } catch {
    // private mode
  }
}

async function toStored(list: LocalPhoto[]): Promise<StoredPhoto[]> {
  return Promise.all(
    list.map((p) =>
      p.stored ? Promise.resolve(p.stored) : fileToStored(p.blob, p.name).then((s) => ({ ...s, key: p.key })),
    ),
  );
}

/** The phone's 上报 form: the draft (kept across tabs), editing a refused report, checking and queueing it. */
export function useReportDraft() {
  const { me, online, categories, sendNow, outbox } = useMobile();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const editId = params.get('edit');
  const [editing, setEditing] = useState<ReportItem | null>(null);
  const [draft, setDraft] = useState<Draft>(() =>
    keptDraft && keptDraft.accountId === me.id ? keptDraft : emptyDraft(me.id),
  );
  const [sheet, setSheet] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  /** The position a refused report was made at, kept when it is edited (unless replaced). */
  const [editLoc, setEditLoc] = useState<GpsFix | null>(null);
  const gps = useGps(true);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  // 地址/标志物 starts as where the position lies (its grid), for the reporter to add the landmark to;
  // offline, a grid worker's own grid. Without a position there is nothing to say, and the field is
  // left to the reporter. Text the reporter typed is never replaced.
  const [place, setPlace] = useState<{ gridName: string; communityName: string | null } | null>(null);
  const hasFix = !!(editLoc ?? gps.fix);
  const prefill = !hasFix
    ? ''
    : place
      ? placeText(place.gridName, place.communityName)
      : !online && me.roles.includes('grid_worker')
        ? me.unitName
        : '';
  const lastPrefill = useRef('');
  useEffect(() => {
    const before = lastPrefill.current;
    lastPrefill.current = prefill;
    setDraft((d) => (d.address === before || d.address === '' ? { ...d, address: prefill } : d));
  }, [prefill]);

  useEffect(
    () => () => {
      keptDraft = draftRef.current;
    },
    [],
  );

  // 修改 of a refused report: its content back on the form.
  useEffect(() => {
    if (!editId) return;
    let alive = true;
    void getOutboxItem(editId).then((item) => {
      if (!alive || !item || item.kind !== 'report' || item.accountId !== me.id) return;
      setEditing(item);
      setDone(null);
      setDraft({
        accountId: me.id,
        categoryCode: item.categoryCode,
        description: item.description,
        address: item.address ?? '',
        fixedOnSpot: item.fixedOnSpot,
        photos: item.photos.map(photoFromStored),
        before: item.before.map(photoFromStored),
        after: item.after.map(photoFromStored),
      });
      gps.clear();
      setEditLoc(item.location ?? null);
    });
    return () => {
      alive = false;
    };
  }, [editId, me.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const all = categories.data ?? [];
  const category = all.find((c) => c.code === draft.categoryCode && c.level === 2) ?? null;
  const groupName = category ? all.find((c) => c.code === category.parentCode)?.name : undefined;
  const recent = useMemo(
    () =>
      recentCodes(me.id)
        .map((code) => all.find((c) => c.code === code && c.level === 2 && c.active))
        .filter((c): c is Category => !!c)
        .slice(0, 4),
    [all, me.id, done], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors((e) => ({ ...e, [k]: '' }));
  };

  const validate = (): boolean => {
    const fix = editLoc ?? gps.fix;
    const e = validateReportDraft({
      categoryCode: category?.code ?? draft.categoryCode,
      knownCategory: !!category,
      description: draft.description,
      address: draft.address,
      location: fix ? { lng: fix.lng, lat: fix.lat } : null,
      fixedOnSpot: draft.fixedOnSpot,
      // Photos that 立行整改 does not send do not count.
      photoCount: draft.fixedOnSpot ? 0 : draft.photos.length,
      beforeCount: draft.fixedOnSpot ? draft.before.length : 0,
      afterCount: draft.fixedOnSpot ? draft.after.length : 0,
    });
    setErrors(e);
    return Object.keys(e).length === 0;
  };

  const reset = () => {
    releasePhotos([...draft.photos, ...draft.before, ...draft.after]);
    keptDraft = null;
    setDraft({ ...emptyDraft(me.id), address: lastPrefill.current });
    setErrors({});
    setEditing(null);
    setEditLoc(null);
    if (editId) setParams({}, { replace: true });
  };

  const submit = async () => {
    if (!validate()) {
      message.error('请补全标红的内容');
      window.setTimeout(
        () => document.querySelector('.cgm-field-error')?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
        50,
      );
      return;
    }
    setBusy(true);
    try {
      const location: GpsFix | undefined = editLoc ?? gps.fix ?? undefined;
      const photos = draft.fixedOnSpot ? [] : await toStored(draft.photos);
      const item: ReportItem = {
        id: editing?.id ?? newId(),
        accountId: me.id,
        actorName: me.displayName,
        createdAt: editing?.createdAt ?? Date.now(),
        state: 'pending',
        attempts: editing?.attempts ?? 0,
        kind: 'report',
        categoryCode: category!.code,
        categoryName: category!.name,
        description: draft.description.trim(),
        location,
        address: draft.address.trim() || undefined,
        fixedOnSpot: draft.fixedOnSpot,
        photos,
        before: draft.fixedOnSpot ? await toStored(draft.before) : [],
        after: draft.fixedOnSpot ? await toStored(draft.after) : [],
      };
      // Stored on the phone first: nothing is lost if the network or the page goes away now.
      await putOutbox(item);
      rememberCode(me.id, item.categoryCode);
      reset();
      if (!navigator.onLine) {
        setDone({ kind: 'queued', message: null });
        return;
      }
      const outcomes = await sendNow(undefined, [item.id]);
      const outcome = outcomes.get(item.id);
      if (!outcome) {
        // An earlier item could not be sent (network): this one waits behind it, in order.
        const blocked = [...outcomes.values()].find((o) => o.result === 'pending');
        setDone({
          kind: 'queued',
          message: blocked && blocked.result === 'pending' ? blocked.message : '排在前面的内容尚未发出',
        });
      } else if (outcome.result === 'sent') setDone({ kind: 'sent', sent: outcome.sent });
      else if (outcome.result === 'rejected') setDone({ kind: 'rejected', message: outcome.message, id: item.id });
      else setDone({ kind: 'queued', message: outcome.message });
    } catch (e) {
      message.error(`保存失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return {
    me,
    online,
    categories,
    outbox,
    params,
    setParams,
    editing,
    draft,
    set,
    sheet,
    setSheet,
    errors,
    busy,
    done,
    setDone,
    gps,
    editLoc,
    setEditLoc,
    all,
    category,
    groupName,
    recent,
    reset,
    submit,
    setPlace,
  };
}
