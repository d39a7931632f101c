import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, networkDown } from '../../../test/fetch-mock';
import { loadCached, saveCached } from './cache';
import { idb, openDb } from './idb';
import { getOutboxItem, listOutbox, listSent, processOutbox, putOutbox, type StoredPhoto } from './outbox';
import { householdsKey, newVisitItem, visitBody, visitSummary, type VisitFields } from './visit-outbox';
import type { RoundHouseholdList } from '../../population/api';

const ME = { id: 'acc-1', displayName: '王网格' };
const ROUND = { id: '7b0d8a8e-4d55-4f5e-9a57-0c7c8d9e1f01', name: '12月入户走访' };
const HOME = { id: '0f8a3c52-1b2e-4a8f-9d6e-2b5c7e9a1d02', address: '德化街3号院2号楼301' };
const MEMBER_A = '11111111-1111-4111-8111-111111111111';
const MEMBER_B = '22222222-2222-4222-8222-222222222222';
const SAVED_AT = Date.parse('2026-12-07T02:30:00Z');

function photo(key: string, fileId?: string): StoredPhoto {
  return { key, name: `${key}.jpg`, type: 'image/jpeg', size: 3, data: new Uint8Array([1, 2, 3]).buffer, fileId };
}

function fields(patch: Partial<VisitFields> = {}): VisitFields {
  return {
    result: 'verified',
    presentResidentIds: [MEMBER_A],
    goneResidentIds: [],
    newResidents: [],
    note: undefined,
    photos: [],
    ...patch,
  };
}

function visitReply() {
  return {
    id: 'v1',
    roundId: ROUND.id,
    household: HOME,
    grid: { id: 'g1', name: '德化三网格', communityName: '德化社区' },
    result: 'verified',
    visitedAt: '2026-12-07T02:30:00.000Z',
    visitorName: ME.displayName,
    presentCount: 1,
    addedNames: ['李新'],
    goneNames: [],
    note: null,
    photoIds: ['f1'],
  };
}

beforeEach(async () => {
  await openDb();
  for (const store of ['outbox', 'sent', 'kv'] as const) {
    for (const key of await idb.keys(store)) await idb.delete(store, key);
  }
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a door-knocking visit in the outbox', () => {
  it('is pending, for my account, keyed by its own id', () => {
    const item = newVisitItem('k-1', ME, ROUND, HOME, fields(), SAVED_AT);
    expect(item).toMatchObject({
      id: 'k-1',
      kind: 'visit',
      accountId: 'acc-1',
      actorName: '王网格',
      state: 'pending',
      attempts: 0,
      createdAt: SAVED_AT,
      roundId: ROUND.id,
      householdId: HOME.id,
      address: HOME.address,
    });
  });

  it('sends when it was made, not when the network came back, and only what was filled in', () => {
    const item = newVisitItem('k-1', ME, ROUND, HOME, fields({ presentResidentIds: [], note: '  ' }), SAVED_AT);
    expect(visitBody(item)).toEqual({
      householdId: HOME.id,
      result: 'verified',
      visitedAt: '2026-12-07T02:30:00.000Z',
    });
  });

  it('does not count someone marked 迁出 as at home', () => {
    const item = newVisitItem(
      'k-1',
      ME,
      ROUND,
      HOME,
      fields({ presentResidentIds: [MEMBER_A, MEMBER_B], goneResidentIds: [MEMBER_B], note: ' 女儿已外出务工 ' }),
      SAVED_AT,
    );
    const body = visitBody(item);
    expect(body.presentResidentIds).toEqual([MEMBER_A]);
    expect(body.goneResidentIds).toEqual([MEMBER_B]);
    expect(body.note).toBe('女儿已外出务工');
    expect(visitSummary(item)).toBe('在家已核实 · 迁出 1 人 · 女儿已外出务工');
  });

  it('names only uploaded photos', () => {
    const item = newVisitItem('k-1', ME, ROUND, HOME, fields({ photos: [photo('p1', 'f1'), photo('p2')] }), SAVED_AT);
    expect(visitBody(item).photoIds).toEqual(['f1']);
  });

  it('uploads its photo, then posts the visit under its own key, and lands in the sent list', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/files': () => json(201, { id: 'f1' }),
      [`POST /api/v1/door-knock-rounds/${ROUND.id}/visits`]: () => json(201, visitReply()),
    });
    const newcomer = { name: '李新', idNumber: '411602199003150017', residenceKind: 'floating' as const };
    await putOutbox(
      newVisitItem('k-1', ME, ROUND, HOME, fields({ photos: [photo('p1')], newResidents: [newcomer] }), SAVED_AT),
    );

    const outcomes = await processOutbox(ME.id);

    expect(outcomes.get('k-1')).toMatchObject({ result: 'sent', sent: { kind: 'visit', statusName: '在家已核实' } });
    const post = calls.find((c) => c.path.endsWith('/visits'))!;
    expect(post.headers.get('Idempotency-Key')).toBe('k-1');
    expect(post.body).toEqual({
      householdId: HOME.id,
      result: 'verified',
      visitedAt: '2026-12-07T02:30:00.000Z',
      presentResidentIds: [MEMBER_A],
      newResidents: [newcomer],
      photoIds: ['f1'],
    });
    expect(await listOutbox(ME.id)).toEqual([]);
    expect(await listSent(ME.id)).toMatchObject([
      { id: 'k-1', title: `敲门：${HOME.address}`, gridName: '德化三网格', href: `/m/knock/${ROUND.id}` },
    ]);
  });

  it('stays pending when the network drops after the upload, and the resend carries the same key without uploading again', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/files': () => json(201, { id: 'f1' }),
      [`POST /api/v1/door-knock-rounds/${ROUND.id}/visits`]: [() => networkDown(), () => json(201, visitReply())],
    });
    await putOutbox(newVisitItem('k-1', ME, ROUND, HOME, fields({ photos: [photo('p1')] }), SAVED_AT));

    expect((await processOutbox(ME.id)).get('k-1')).toMatchObject({ result: 'pending' });
    expect(await getOutboxItem('k-1')).toMatchObject({ state: 'pending', lastError: '网络不通，联网后自动发送' });

    expect((await processOutbox(ME.id)).get('k-1')).toMatchObject({ result: 'sent' });
    const posts = calls.filter((c) => c.path.endsWith('/visits'));
    expect(posts.map((c) => c.headers.get('Idempotency-Key'))).toEqual(['k-1', 'k-1']);
    expect(posts[0].body).toEqual(posts[1].body);
    expect(calls.filter((c) => c.path === '/api/v1/files')).toHaveLength(1);
  });

  it('is kept, marked with the server’s reason, when the server refuses it', async () => {
    mockFetch({
      [`POST /api/v1/door-knock-rounds/${ROUND.id}/visits`]: () =>
        json(422, {
          title: '提交的数据有误',
          detail: '敲门行动已结束',
          errors: [{ field: 'visitedAt', message: '不在敲门行动的起止日期内' }],
        }),
    });
    await putOutbox(newVisitItem('k-1', ME, ROUND, HOME, fields(), SAVED_AT));

    expect((await processOutbox(ME.id)).get('k-1')).toMatchObject({ result: 'rejected' });
    expect(await getOutboxItem('k-1')).toMatchObject({
      state: 'rejected',
      rejectedStatus: 422,
      lastError: '敲门行动已结束（不在敲门行动的起止日期内）',
    });
  });

  it('marks the door visited on the phone’s copy of the round, leaving the other doors as they were', async () => {
    const door = (id: string, address: string) => ({
      id,
      address,
      buildingName: null,
      headName: null,
      members: [],
      lastResult: null,
      lastVisitedAt: null,
      visits: 0,
    });
    await saveCached<RoundHouseholdList>(ME.id, householdsKey(ROUND.id), {
      grid: { id: 'g1', name: '德化三网格', communityName: '德化社区' },
      items: [door(HOME.id, HOME.address), door('other', '德化街3号院2号楼302')],
      nextCursor: null,
    });
    mockFetch({ [`POST /api/v1/door-knock-rounds/${ROUND.id}/visits`]: () => json(201, visitReply()) });
    await putOutbox(newVisitItem('k-1', ME, ROUND, HOME, fields(), SAVED_AT));

    await processOutbox(ME.id);

    const copy = await loadCached<RoundHouseholdList>(ME.id, householdsKey(ROUND.id));
    expect(copy!.data.items.map((h) => [h.id, h.lastResult, h.lastVisitedAt, h.visits])).toEqual([
      [HOME.id, 'verified', '2026-12-07T02:30:00.000Z', 1],
      ['other', null, null, 0],
    ]);
  });
});
