/**
 * 录入工作量 in the outbox: the entry is saved on the phone first — the indicator, quantity, unit of
 * measure, optional campaign and the phone's day when entered (Asia/Shanghai) — and sent like a
 * follow-up: POST /indicator-entries with the item's id as its Idempotency-Key, so a resend after a
 * lost answer records the entry once.
 */
import type { EntryBody } from '../../../../../src/contracts/campaigns';
import { campaignsApi } from '../../campaigns/api';
import { shanghaiDay } from './followup-outbox';
import type { OutboxBase, SentItem, StoredPhoto } from './outbox';

export interface EntryItem extends OutboxBase {
  kind: 'entry';
  indicatorId: string;
  indicatorName: string;
  measureUnit: string;
  quantity: number;
  campaignId?: string;
  campaignTitle?: string;
  /** YYYY-MM-DD in Asia/Shanghai, when entered. */
  day: string;
  note?: string;
  /** None: the outbox's photo helpers read every item's photos. */
  photos: StoredPhoto[];
}

export function newEntryItem(
  id: string,
  me: { id: string; displayName: string },
  e: Pick<
    EntryItem,
    'indicatorId' | 'indicatorName' | 'measureUnit' | 'quantity' | 'campaignId' | 'campaignTitle' | 'note'
  >,
  now = Date.now(),
): EntryItem {
  return {
    id,
    accountId: me.id,
    actorName: me.displayName,
    createdAt: now,
    state: 'pending',
    attempts: 0,
    kind: 'entry',
    ...e,
    day: shanghaiDay(now),
    photos: [],
  };
}

/** The entry's body, from the stored item alone: a resend carries the same body under the same key. */
export function entryBody(item: EntryItem): EntryBody {
  const body: EntryBody = {
    indicatorId: item.indicatorId,
    quantity: item.quantity,
    measureUnit: item.measureUnit,
    day: item.day,
  };
  if (item.campaignId) body.campaignId = item.campaignId;
  const note = item.note?.trim();
  if (note) body.note = note;
  return body;
}

export const entryTitle = (item: Pick<EntryItem, 'indicatorName'>) => `录入工作量：${item.indicatorName}`;

export const entrySummary = (item: Pick<EntryItem, 'day' | 'quantity' | 'measureUnit' | 'campaignTitle'>) =>
  `${item.day} ${item.quantity}${item.measureUnit}${item.campaignTitle ? `（${item.campaignTitle}）` : ''}`;

export async function sendEntry(item: EntryItem): Promise<SentItem> {
  await campaignsApi.enter(entryBody(item), item.id);
  return {
    id: item.id,
    accountId: item.accountId,
    kind: 'entry',
    title: entryTitle(item),
    createdAt: item.createdAt,
    sentAt: Date.now(),
    caseId: '',
    caseNumber: '',
    statusName: '已录入',
    gridName: null,
    href: '/m/entry',
  };
}
