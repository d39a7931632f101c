/**
 * The outbox (待发送): reports and verifications are written here first, with their photos as bytes,
 * and sent in the order they were made — at once when online, else when the `online` event fires or
 * the page next opens online.
 *
 * Sending a report: upload each photo not uploaded yet (the file id is saved after each one, so a retry
 * does not upload twice), then POST /cases. An answer the server refuses (4xx) leaves the item in the
 * outbox marked with the server's message, and the next items go on; a network failure (or 5xx, 429,
 * an expired session) keeps it pending and stops the run, to be retried later.
 *
 * A POST whose answer was lost (the network dropped after sending) may have done its work. Every item
 * is sent with its id as its Idempotency-Key, every time: the server takes one report or one step per
 * key (kept 7 days) and answers a resend with the case, so an item is simply sent again. A step sent
 * before the server knew keys for steps is also looked for among the case's actions first.
 *
 * Steps (ActionItem) are the grid worker's 核查 and the handling crew's (处置通) 签收, 处置反馈 with
 * after-photos, 申请延期 and 退回. Venue inspections (InspectionItem, 场所检查) go the same way, under
 * the same key rule (POST /venues/:id/inspections takes one inspection per key), and so do the owners'
 * daily follow-ups (FollowUpItem, 今日随访: POST /follow-ups takes one per key).
 */
import { ApiError, errorText } from '../../../lib/api';
import { mobileApi, type CaseDetail, type Point, type ReportBody } from '../api';
import { venuesApi, type CheckResult } from '../../venues/api';
import { idb } from './idb';
import { sendFollowUp, type FollowUpItem } from './followup-outbox';
import { sendEntry, type EntryItem } from './entry-outbox';
import { sendVisit, type VisitItem } from './visit-outbox';

export interface StoredPhoto {
  key: string;
  name: string;
  type: string;
  size: number;
  data: ArrayBuffer;
  /** Set once uploaded. */
  fileId?: string;
}

export type OutboxState = 'pending' | 'sending' | 'rejected';

export interface OutboxBase {
  id: string;
  accountId: string;
  /** Display name of the account, to recognise its own action in a case's timeline. */
  actorName: string;
  createdAt: number;
  state: OutboxState;
  attempts: number;
  /** The last failure: the network's (state pending) or the server's message (state rejected). */
  lastError?: string;
  lastTriedAt?: number;
  /** HTTP status of a refusal. */
  rejectedStatus?: number;
  /** Set just before a verification's POST, to find it in the case if the answer was lost (reports need not: their key). */
  postAttemptedAt?: number;
}

export interface GpsFix extends Point {
  accuracy: number;
  at: number;
}

export interface ReportItem extends OutboxBase {
  kind: 'report';
  categoryCode: string;
  categoryName: string;
  description: string;
  location?: GpsFix;
  address?: string;
  fixedOnSpot: boolean;
  photos: StoredPhoto[];
  before: StoredPhoto[];
  after: StoredPhoto[];
}

export type VerifyType = 'verify_pass' | 'verify_fail';
/** The handling crew's steps on the phone (处置通). */
export type CrewActionType = 'start' | 'feedback' | 'request_extension' | 'return';
export type PhoneActionType = VerifyType | CrewActionType;

export interface ExtraTime {
  value: number;
  unit: 'hours' | 'days';
}

export interface ActionItem extends OutboxBase {
  kind: 'action';
  caseId: string;
  caseNumber: string;
  categoryName: string;
  actionType: PhoneActionType;
  comment?: string;
  /** 核查不通过, 退回, 申请延期: why. */
  reason?: string;
  /** 申请延期: how much more time. */
  extra?: ExtraTime;
  expectedVersion?: number;
  photos: StoredPhoto[];
}

/** 场所检查: every checklist item's finding (names kept to show it offline), a note, photos. */
export interface InspectionItem extends OutboxBase {
  kind: 'inspection';
  venueId: string;
  venueName: string;
  findings: { code: string; name: string; result: CheckResult }[];
  note?: string;
  /** A failed inspection raises a ledger case. */
  raiseCase: boolean;
  photos: StoredPhoto[];
}

export type OutboxItem = ReportItem | ActionItem | InspectionItem | VisitItem | FollowUpItem | EntryItem;

/** A case step for the outbox, pending: who takes it, when, on which case, and the step's own fields. */
export function newActionItem(
  me: { id: string; displayName: string },
  c: { id: string; caseNumber: string; categoryName: string },
  step: Pick<ActionItem, 'actionType' | 'comment' | 'reason' | 'extra' | 'expectedVersion' | 'photos'>,
): ActionItem {
  return {
    id: newId(),
    accountId: me.id,
    actorName: me.displayName,
    createdAt: Date.now(),
    state: 'pending',
    attempts: 0,
    kind: 'action',
    caseId: c.id,
    caseNumber: c.caseNumber,
    categoryName: c.categoryName,
    ...step,
  };
}

export interface SentItem {
  id: string;
  accountId: string;
  kind: OutboxItem['kind'];
  actionType?: PhoneActionType;
  title: string;
  createdAt: number;
  sentAt: number;
  /** '' for an item that is not a case's (a door-knocking visit). */
  caseId: string;
  caseNumber: string;
  statusName: string;
  gridName: string | null;
  /** Where the sent item is seen, when not on its case's page (a visit, an inspection without a case). */
  href?: string;
}

export type Outcome =
  { result: 'sent'; sent: SentItem } | { result: 'pending'; message: string } | { result: 'rejected'; message: string };

export const ACTION_NAMES: Record<PhoneActionType, string> = {
  verify_pass: '核查通过',
  verify_fail: '核查不通过',
  start: '签收',
  feedback: '处置反馈',
  request_extension: '申请延期',
  return: '退回',
};

/** The photos of a step: a feedback's show the handled site (处置后), the others are evidence. */
const PHOTO_ROLE: Record<PhoneActionType, 'after' | 'evidence'> = {
  verify_pass: 'evidence',
  verify_fail: 'evidence',
  start: 'evidence',
  feedback: 'after',
  request_extension: 'evidence',
  return: 'evidence',
};

/** The step's payload, built from the stored item alone so a resend carries the same body. */
function actionPayload(item: ActionItem): Record<string, unknown> | undefined {
  const reason = item.reason?.trim() ?? '';
  switch (item.actionType) {
    case 'verify_fail':
    case 'return':
      return { reason };
    case 'request_extension':
      return { extra: item.extra, reason };
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- change notification

const events = new EventTarget();
const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('civicgrid-outbox') : null;
if (channel) channel.onmessage = () => events.dispatchEvent(new Event('change'));

function changed() {
  events.dispatchEvent(new Event('change'));
  channel?.postMessage('change');
}

/** Called on every change of the outbox or the sent list (in this tab or another). */
export function onOutboxChange(fn: () => void): () => void {
  events.addEventListener('change', fn);
  return () => events.removeEventListener('change', fn);
}

/** Called after each item that was sent, with what the server made of it. */
export function onSent(fn: (s: SentItem) => void): () => void {
  const h = (e: Event) => fn((e as CustomEvent<SentItem>).detail);
  events.addEventListener('sent', h);
  return () => events.removeEventListener('sent', h);
}

let running = 0;
export function isSending(): boolean {
  return running > 0;
}

// ---------------------------------------------------------------- storage

export function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; an intranet http:// deployment still gets unique ids.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export async function listOutbox(accountId: string): Promise<OutboxItem[]> {
  const all = await idb.getAll<OutboxItem>('outbox');
  return all.filter((i) => i.accountId === accountId).sort((a, b) => a.createdAt - b.createdAt);
}

export async function getOutboxItem(id: string): Promise<OutboxItem | undefined> {
  return idb.get<OutboxItem>('outbox', id);
}

export async function listSent(accountId: string): Promise<SentItem[]> {
  const all = await idb.getAll<SentItem>('sent');
  return all.filter((i) => i.accountId === accountId).sort((a, b) => b.sentAt - a.sentAt);
}

/** Writes an item (new, or edited after a refusal) to the outbox. Resolves once it is stored. */
export async function putOutbox(item: OutboxItem): Promise<void> {
  await idb.put('outbox', item);
  changed();
}

export async function removeOutbox(id: string): Promise<void> {
  await idb.delete('outbox', id);
  changed();
}

/** Puts a refused item back in line, to be sent as it is on the next run. */
export async function requeue(id: string): Promise<void> {
  const item = await getOutboxItem(id);
  if (!item) return;
  await putOutbox({ ...item, state: 'pending', lastError: undefined, rejectedStatus: undefined });
}

const SENT_KEPT = 50;

async function recordSent(sent: SentItem) {
  await idb.put('sent', sent);
  const all = await listSent(sent.accountId);
  for (const old of all.slice(SENT_KEPT)) await idb.delete('sent', old.id);
}

export async function fileToStored(file: Blob, name: string): Promise<StoredPhoto> {
  return { key: newId(), name, type: file.type || 'image/jpeg', size: file.size, data: await file.arrayBuffer() };
}

export function storedToBlob(p: StoredPhoto): Blob {
  return new Blob([p.data], { type: p.type });
}

// ---------------------------------------------------------------- sending

/** Errors worth retrying as they are: the item itself is fine. */
function isTransient(e: unknown, item?: OutboxItem): boolean {
  if (!(e instanceof ApiError)) return true;
  // A report's, visit's or inspection's 409: the server has not settled an earlier try with the same key yet.
  if (
    (item?.kind === 'report' ||
      item?.kind === 'inspection' ||
      item?.kind === 'visit' ||
      item?.kind === 'followup' ||
      item?.kind === 'entry') &&
    e.status === 409
  )
    return true;
  return e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;
}

function refusalText(e: unknown): string {
  if (!(e instanceof ApiError)) return errorText(e);
  const base = errorText(e);
  const fields = e.errors.map((f) => f.message).filter((m) => m && !base.includes(m));
  const text = fields.length ? `${base}（${fields.join('；')}）` : base;
  if (e.status === 409 && !/处理|更新|冲突/.test(text)) return `${text}（案卷已被他人处理，请查看最新状态后重新核查）`;
  return text;
}

function transientText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return '网络不通，联网后自动发送';
    if (e.status === 401) return '登录已过期，重新登录后自动发送';
    return `${errorText(e)}，稍后自动重试`;
  }
  return `${errorText(e)}，稍后自动重试`;
}

async function uploadAll(
  item: OutboxItem,
  groups: StoredPhoto[][],
  label: (g: number, i: number) => string,
): Promise<void> {
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    for (let i = 0; i < group.length; i++) {
      const p = group[i];
      if (p.fileId) continue;
      try {
        const up = await mobileApi.upload(storedToBlob(p), p.name);
        p.fileId = up.id;
      } catch (e) {
        if (e instanceof ApiError && !isTransient(e)) {
          throw new ApiError(e.status, { title: e.title, detail: `${label(g, i)}：${errorText(e)}`, errors: e.errors });
        }
        throw e;
      }
      // Remember the upload before the next one, so a retry does not upload it again.
      await idb.put('outbox', item);
    }
  }
}

const ids = (ps: StoredPhoto[]) => ps.map((p) => p.fileId!).filter(Boolean);

async function sendReport(item: ReportItem): Promise<SentItem> {
  const group = ['现场照片', '整改前照片', '整改后照片'];
  await uploadAll(item, [item.photos, item.before, item.after], (g, i) => `${group[g]}第 ${i + 1} 张`);
  // Built from the stored item alone, so a resend carries the same body under the same key.
  const body: ReportBody = { categoryCode: item.categoryCode, description: item.description.trim() };
  if (item.location) body.location = { lng: item.location.lng, lat: item.location.lat, crs: 'wgs84' };
  if (item.address?.trim()) body.address = item.address.trim();
  if (item.photos.length) body.photoIds = ids(item.photos);
  if (item.fixedOnSpot) {
    body.fixedOnSpot = true;
    body.beforePhotoIds = ids(item.before);
    body.afterPhotoIds = ids(item.after);
  }
  // A refused report left no key on the server, so an edited item may keep its id (and key).
  const created = await mobileApi.report(body, item.id);
  return {
    id: item.id,
    accountId: item.accountId,
    kind: 'report',
    title: item.categoryName,
    createdAt: item.createdAt,
    sentAt: Date.now(),
    caseId: created.id,
    caseNumber: created.caseNumber,
    statusName: created.statusName,
    gridName: created.gridName,
  };
}

async function sendAction(item: ActionItem): Promise<SentItem> {
  await uploadAll(item, [item.photos], (_g, i) => `${ACTION_NAMES[item.actionType]}照片第 ${i + 1} 张`);
  let result: CaseDetail | null = null;
  if (item.postAttemptedAt) {
    // A lost answer: did our verification go through?
    const c = await mobileApi.getCase(item.caseId).catch((e) => {
      if (isTransient(e)) throw e;
      return null;
    });
    const ours = c?.actions.find(
      (a) =>
        a.type === item.actionType &&
        a.actorName === item.actorName &&
        Date.parse(a.at) >= item.postAttemptedAt! - 5 * 60_000,
    );
    if (c && ours) result = c;
  }
  if (!result) {
    item.postAttemptedAt = Date.now();
    await idb.put('outbox', item);
    const attachments = item.photos.length
      ? ids(item.photos).map((fileId) => ({ fileId, role: PHOTO_ROLE[item.actionType] }))
      : undefined;
    result = await mobileApi.act(
      item.caseId,
      {
        type: item.actionType,
        comment: item.comment?.trim() || undefined,
        attachments,
        payload: actionPayload(item),
        expectedVersion: item.expectedVersion,
      },
      item.id,
    );
  }
  return {
    id: item.id,
    accountId: item.accountId,
    kind: 'action',
    actionType: item.actionType,
    title: ACTION_NAMES[item.actionType],
    createdAt: item.createdAt,
    sentAt: Date.now(),
    caseId: result.id,
    caseNumber: result.caseNumber,
    statusName: result.statusName,
    gridName: result.gridName,
  };
}

async function sendInspection(item: InspectionItem): Promise<SentItem> {
  await uploadAll(item, [item.photos], (_g, i) => `检查照片第 ${i + 1} 张`);
  // Built from the stored item alone, so a resend carries the same body under the same key.
  const done = await venuesApi.inspect(
    item.venueId,
    {
      items: item.findings.map((f) => ({ code: f.code, result: f.result })),
      note: item.note?.trim() || null,
      photoIds: ids(item.photos),
      raiseCase: item.raiseCase,
    },
    item.id,
  );
  return {
    id: item.id,
    accountId: item.accountId,
    kind: 'inspection',
    title: `场所检查：${item.venueName}`,
    createdAt: item.createdAt,
    sentAt: Date.now(),
    caseId: done.case?.id ?? '',
    caseNumber: done.case?.number ?? '',
    statusName: done.result === 'fail' ? '不合格' : '合格',
    gridName: null,
    href: `/m/venues/${item.venueId}`,
  };
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  // One tab sends at a time; a second tab waits and then finds the items already gone.
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return fn();
  return locks.request('civicgrid-outbox', () => fn()) as Promise<T>;
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Sends the account's pending items in order. Resolves with what became of each item tried.
 * `only` sends just those items (a 重试 of refused ones); without it refused items are skipped.
 * Runs are queued one after another, so an item is never sent twice at once.
 */
export function processOutbox(accountId: string, only?: string[]): Promise<Map<string, Outcome>> {
  const run = chain.then(() => runOnce(accountId, only));
  chain = run.catch(() => undefined);
  return run;
}

async function runOnce(accountId: string, only?: string[]): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  running++;
  changed();
  try {
    await withLock(async () => {
      const tried = new Set<string>();
      for (;;) {
        const items = (await listOutbox(accountId)).filter(
          (i) => !tried.has(i.id) && (only ? only.includes(i.id) : i.state !== 'rejected'),
        );
        const item = items[0];
        if (!item) break;
        tried.add(item.id);
        item.state = 'sending';
        item.attempts = (item.attempts ?? 0) + 1;
        item.lastTriedAt = Date.now();
        await putOutbox(item);
        try {
          const sent =
            item.kind === 'report'
              ? await sendReport(item)
              : item.kind === 'action'
                ? await sendAction(item)
                : item.kind === 'visit'
                  ? await sendVisit(item, (label) => uploadAll(item, [item.photos], (_g, i) => label(i)))
                  : item.kind === 'followup'
                    ? await sendFollowUp(item)
                    : item.kind === 'entry'
                      ? await sendEntry(item)
                      : await sendInspection(item);
          await recordSent(sent);
          await idb.delete('outbox', item.id);
          outcomes.set(item.id, { result: 'sent', sent });
          events.dispatchEvent(new CustomEvent('sent', { detail: sent }));
          changed();
        } catch (e) {
          if (isTransient(e, item)) {
            const message = transientText(e);
            await putOutbox({ ...item, state: 'pending', lastError: message });
            outcomes.set(item.id, { result: 'pending', message });
            // The network or the session is down: the rest waits too, in order.
            break;
          }
          const message = refusalText(e);
          await putOutbox({
            ...item,
            state: 'rejected',
            lastError: message,
            rejectedStatus: e instanceof ApiError ? e.status : undefined,
            // The server refused it, so no case was made: a resend after editing is a new POST.
            postAttemptedAt: undefined,
          });
          outcomes.set(item.id, { result: 'rejected', message });
        }
      }
    });
  } finally {
    running--;
    changed();
  }
  return outcomes;
}

/** Items a closed page left half-sent are pending again. Call once when the page opens. */
export async function recoverInterrupted(accountId: string): Promise<void> {
  if (running) return;
  for (const item of await listOutbox(accountId)) {
    if (item.state === 'sending') await idb.put('outbox', { ...item, state: 'pending' });
  }
  changed();
}
