/**
 * A door-knocking visit (敲门走访) in the outbox: saved on the phone first, with its photos as bytes,
 * and sent like a case step — its photos uploaded one by one (each file id kept, so a retry does not
 * upload again), then POST /door-knock-rounds/:id/visits with the item's id as its Idempotency-Key,
 * so a resend after a lost answer records the visit once. `visitedAt` is when it was saved, not
 * when the network came back.
 */
import type { NewResidentAtDoor, VisitBody, VisitResult } from '../../../../../src/contracts/population';
import { VISIT_RESULT_NAMES } from '../../../../../src/contracts/population';
import { populationApi, type RoundHouseholdList, type Visit } from '../../population/api';
import { loadCached, saveCached } from './cache';
import type { OutboxBase, SentItem, StoredPhoto } from './outbox';

/** Where the phone keeps a round's household list (my grid's doors) for offline use. */
export const householdsKey = (roundId: string) => `knock:households:${roundId}`;

export interface VisitItem extends OutboxBase {
  kind: 'visit';
  roundId: string;
  roundName: string;
  householdId: string;
  address: string;
  result: VisitResult;
  presentResidentIds: string[];
  goneResidentIds: string[];
  newResidents: NewResidentAtDoor[];
  note?: string;
  photos: StoredPhoto[];
}

export type VisitFields = Pick<
  VisitItem,
  'result' | 'presentResidentIds' | 'goneResidentIds' | 'newResidents' | 'note' | 'photos'
>;

/**
 * A visit for the outbox, pending: who made it, when, at which door in which round. `id` (the outbox's
 * newId()) is also the visit's Idempotency-Key.
 */
export function newVisitItem(
  id: string,
  me: { id: string; displayName: string },
  round: { id: string; name: string },
  household: { id: string; address: string },
  visit: VisitFields,
  now = Date.now(),
): VisitItem {
  return {
    id,
    accountId: me.id,
    actorName: me.displayName,
    createdAt: now,
    state: 'pending',
    attempts: 0,
    kind: 'visit',
    roundId: round.id,
    roundName: round.name,
    householdId: household.id,
    address: household.address,
    ...visit,
  };
}

/** The visit's body, from the stored item alone, so a resend carries the same body under the same key. */
export function visitBody(item: VisitItem): VisitBody {
  // Someone marked gone is not at home, whatever the checkbox said before the mark.
  const gone = new Set(item.goneResidentIds);
  const body: VisitBody = {
    householdId: item.householdId,
    result: item.result,
    visitedAt: new Date(item.createdAt).toISOString(),
  };
  const present = item.presentResidentIds.filter((id) => !gone.has(id));
  if (present.length) body.presentResidentIds = present;
  if (gone.size) body.goneResidentIds = [...gone];
  if (item.newResidents.length) body.newResidents = item.newResidents;
  const note = item.note?.trim();
  if (note) body.note = note;
  const photoIds = item.photos.map((p) => p.fileId).filter((id): id is string => !!id);
  if (photoIds.length) body.photoIds = photoIds;
  return body;
}

/** What the queue shows for a visit. */
export function visitTitle(item: Pick<VisitItem, 'address'>): string {
  return `敲门：${item.address}`;
}

export function visitSummary(item: Pick<VisitItem, 'result' | 'newResidents' | 'goneResidentIds' | 'note'>): string {
  const parts: string[] = [VISIT_RESULT_NAMES[item.result]];
  if (item.newResidents.length) parts.push(`新增 ${item.newResidents.length} 人`);
  if (item.goneResidentIds.length) parts.push(`迁出 ${item.goneResidentIds.length} 人`);
  if (item.note?.trim()) parts.push(item.note.trim());
  return parts.join(' · ');
}

/** Uploads the photos (through the outbox's own uploader), then records the visit. */
export async function sendVisit(
  item: VisitItem,
  uploadPhotos: (label: (i: number) => string) => Promise<void>,
): Promise<SentItem> {
  await uploadPhotos((i) => `走访照片第 ${i + 1} 张`);
  const visit = await populationApi.recordVisit(item.roundId, visitBody(item), item.id);
  await markVisited(item, visit);
  return {
    id: item.id,
    accountId: item.accountId,
    kind: 'visit',
    title: visitTitle(item),
    createdAt: item.createdAt,
    sentAt: Date.now(),
    caseId: '',
    caseNumber: '',
    statusName: VISIT_RESULT_NAMES[visit.result],
    gridName: visit.grid.name,
    href: `/m/knock/${item.roundId}`,
  };
}

/**
 * The phone's copy of the round's doors learns of the visit at once, so the door does not show as
 * 未走访 again between leaving the outbox and the next refresh (or until the network is back, for a
 * copy read offline).
 */
async function markVisited(item: VisitItem, visit: Visit): Promise<void> {
  const key = householdsKey(item.roundId);
  const copy = await loadCached<RoundHouseholdList>(item.accountId, key);
  if (!copy) return;
  const items = copy.data.items.map((h) =>
    h.id === item.householdId
      ? { ...h, lastResult: visit.result, lastVisitedAt: visit.visitedAt, visits: h.visits + 1 }
      : h,
  );
  await saveCached(item.accountId, key, { ...copy.data, items });
}
