import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, networkDown } from '../../../test/fetch-mock';
import { idb, openDb } from './idb';
import {
  getOutboxItem,
  listOutbox,
  listSent,
  processOutbox,
  putOutbox,
  type InspectionItem,
  type StoredPhoto,
} from './outbox';

const ACCOUNT = 'acc-1';
const VENUE = '01900000-0000-7000-8000-0000000000aa';

const photo = (key: string): StoredPhoto => ({
  key,
  name: `${key}.jpg`,
  type: 'image/jpeg',
  size: 3,
  data: new Uint8Array([1, 2, 3]).buffer,
});

function inspection(id: string, patch: Partial<InspectionItem> = {}): InspectionItem {
  return {
    id,
    kind: 'inspection',
    accountId: ACCOUNT,
    actorName: '网格员',
    createdAt: 1_000,
    state: 'pending',
    attempts: 0,
    venueId: VENUE,
    venueName: '德化街便民超市',
    findings: [
      { code: 'scan', name: '扫码登记', result: 'fail' },
      { code: 'mask', name: '佩戴口罩', result: 'pass' },
    ],
    note: '  未张贴场所码 ',
    raiseCase: true,
    photos: [photo('p1')],
    ...patch,
  };
}

const reply = (caseRef: { id: string; number: string } | null) => ({
  id: 'i1',
  venueId: VENUE,
  at: '2026-12-07T01:00:00.000Z',
  inspector: { id: 'a', name: '网格员' },
  result: 'fail',
  items: [],
  note: null,
  photoIds: ['f1'],
  case: caseRef,
});

beforeEach(async () => {
  await openDb();
  for (const store of ['outbox', 'sent', 'kv'] as const)
    for (const key of await idb.keys(store)) await idb.delete(store, key);
});
afterEach(() => vi.unstubAllGlobals());

describe('a venue inspection in the outbox', () => {
  it('uploads its photos, posts under its own key with the stored body, and links the sent item to the venue', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/files': () => json(201, { id: 'f1', gps: null, takenAt: null, url: '', thumbnailUrl: '' }),
      [`POST /api/v1/venues/${VENUE}/inspections`]: () =>
        json(201, reply({ id: 'c1', number: '411602-20261207-0001' })),
    });
    await putOutbox(inspection('k1'));
    const outcomes = await processOutbox(ACCOUNT);
    expect(outcomes.get('k1')).toMatchObject({ result: 'sent', sent: { statusName: '不合格' } });
    const post = calls.find((c) => c.path.endsWith('/inspections'))!;
    expect(post.headers.get('Idempotency-Key')).toBe('k1');
    expect(post.body).toEqual({
      items: [
        { code: 'scan', result: 'fail' },
        { code: 'mask', result: 'pass' },
      ],
      note: '未张贴场所码',
      photoIds: ['f1'],
      raiseCase: true,
    });
    expect(await listOutbox(ACCOUNT)).toEqual([]);
    expect(await listSent(ACCOUNT)).toEqual([
      expect.objectContaining({
        kind: 'inspection',
        title: '场所检查：德化街便民超市',
        caseNumber: '411602-20261207-0001',
        href: `/m/venues/${VENUE}`,
      }),
    ]);
  });

  it('keeps it pending when the network is down, its uploaded photo remembered, and sends it once later', async () => {
    mockFetch({
      'POST /api/v1/files': () => json(201, { id: 'f1' }),
      [`POST /api/v1/venues/${VENUE}/inspections`]: () => networkDown(),
    });
    await putOutbox(inspection('k1'));
    expect((await processOutbox(ACCOUNT)).get('k1')).toMatchObject({ result: 'pending' });
    expect(((await getOutboxItem('k1')) as InspectionItem).photos[0].fileId).toBe('f1');
    const { calls } = mockFetch({
      [`POST /api/v1/venues/${VENUE}/inspections`]: () => json(201, reply(null)),
    });
    expect((await processOutbox(ACCOUNT)).get('k1')).toMatchObject({ result: 'sent' });
    expect(calls.map((c) => c.path)).toEqual([`/api/v1/venues/${VENUE}/inspections`]);
    expect(calls[0].headers.get('Idempotency-Key')).toBe('k1');
  });

  it('marks it refused with the server’s sentence when the checklist changed meanwhile', async () => {
    mockFetch({
      'POST /api/v1/files': () => json(201, { id: 'f1' }),
      [`POST /api/v1/venues/${VENUE}/inspections`]: () =>
        json(422, {
          detail: '请填写检查项「测温」的检查结果',
          errors: [{ field: 'items', message: '请填写检查项「测温」的检查结果' }],
        }),
    });
    await putOutbox(inspection('k1'));
    expect((await processOutbox(ACCOUNT)).get('k1')).toEqual({
      result: 'rejected',
      message: '请填写检查项「测温」的检查结果',
    });
    expect((await getOutboxItem('k1'))?.state).toBe('rejected');
  });
});
