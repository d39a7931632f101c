/**
 * A daily follow-up (今日随访) in the outbox: one tap on the phone saves it here first — the measure,
 * the day it was made on the phone (Asia/Shanghai), 正常 / 异常 / 未见到 — and it is sent like a visit:
 * POST /follow-ups with the item's id as its Idempotency-Key, so a resend after a lost answer records
 * the follow-up once. The day is the phone's day when tapped, not the day the network came back.
 */
import type { DueFollowUp, DueFollowUpList, FollowUpBody } from '../../../../../src/contracts/measures';
import { FOLLOW_UP_STATUS_NAMES } from '../../../../../src/contracts/measures';
import { measuresApi } from '../../measures/api';
import { loadCached, saveCached } from './cache';
import type { OutboxBase, SentItem, StoredPhoto } from './outbox';

/** Where the phone keeps the owner's list of the day for offline use. */
export const FOLLOW_UPS_KEY = 'followups:today';

export type RecordedStatus = FollowUpBody['status'];

export interface FollowUpItem extends OutboxBase {
  kind: 'followup';
  measureId: string;
  subjectName: string;
  /** YYYY-MM-DD in Asia/Shanghai, when tapped. */
  day: string;
  status: RecordedStatus;
  method: 'visit' | 'phone';
  note?: string;
  /** None: the outbox's photo helpers read every item's photos. */
  photos: StoredPhoto[];
}

/** The Asia/Shanghai calendar day of an instant (UTC+8 all year). */
export function shanghaiDay(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function newFollowUpItem(
  id: string,
  me: { id: string; displayName: string },
  line: Pick<DueFollowUp, 'measureId' | 'subject'>,
  status: RecordedStatus,
  method: 'visit' | 'phone',
  now = Date.now(),
): FollowUpItem {
  return {
    id,
    accountId: me.id,
    actorName: me.displayName,
    createdAt: now,
    state: 'pending',
    attempts: 0,
    kind: 'followup',
    measureId: line.measureId,
    subjectName: line.subject.name,
    day: shanghaiDay(now),
    status,
    method,
    photos: [],
  };
}

/** The follow-up's body, from the stored item alone: a resend carries the same body under the same key. */
export function followUpBody(item: FollowUpItem): FollowUpBody {
  const body: FollowUpBody = { measureId: item.measureId, day: item.day, status: item.status, method: item.method };
  const note = item.note?.trim();
  if (note) body.note = note;
  return body;
}

export function followUpTitle(item: Pick<FollowUpItem, 'subjectName'>): string {
  return `随访：${item.subjectName}`;
}

export function followUpSummary(item: Pick<FollowUpItem, 'day' | 'status'>): string {
  return `${item.day} ${FOLLOW_UP_STATUS_NAMES[item.status]}`;
}

export async function sendFollowUp(item: FollowUpItem): Promise<SentItem> {
  const f = await measuresApi.record(followUpBody(item), item.id);
  // The phone's copy of today's list learns of it at once (it may be read offline until the next refresh).
  const copy = await loadCached<DueFollowUpList>(item.accountId, FOLLOW_UPS_KEY);
  if (copy && copy.data.day === item.day)
    await saveCached(item.accountId, FOLLOW_UPS_KEY, {
      ...copy.data,
      items: copy.data.items.map((l) =>
        l.measureId === item.measureId
          ? { ...l, status: f.status, recordedBy: f.recordedBy, recordedAt: f.recordedAt, method: f.method }
          : l,
      ),
    });
  return {
    id: item.id,
    accountId: item.accountId,
    kind: 'followup',
    title: followUpTitle(item),
    createdAt: item.createdAt,
    sentAt: Date.now(),
    caseId: '',
    caseNumber: '',
    statusName: FOLLOW_UP_STATUS_NAMES[f.status],
    gridName: null,
    href: '/m/followups',
  };
}
