import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, networkDown } from '../../../test/fetch-mock';
import { idb, openDb } from './idb';
import {
  listOutbox,
  listSent,
  onOutboxChange,
  processOutbox,
  putOutbox,
  recoverInterrupted,
  requeue,
  getOutboxItem,
  type ActionItem,
  type ReportItem,
  type StoredPhoto,
} from './outbox';

const ACCOUNT = 'acc-1';

function photo(key: string): StoredPhoto {
  return { key, name: `${key}.jpg`, type: 'image/jpeg', size: 3, data: new Uint8Array([1, 2, 3]).buffer };
}

function report(id: string, patch: Partial<ReportItem> = {}): ReportItem {
  return {
    id,
    kind: 'report',
    accountId: ACCOUNT,
    actorName: '网格员甲',
    createdAt: 1_000,
    state: 'pending',
    attempts: 0,
    categoryCode: '0101',
    categoryName: '占道经营',
    description: '  路口有流动摊贩  ',
    fixedOnSpot: false,
    photos: [],
    before: [],
    after: [],
    ...patch,
  };
}

function caseReply(id: string, number: string) {
  return {
    id,
    caseNumber: number,
    statusName: '待受理',
    gridName: '一网格',
    actions: [],
  };
}

async function clearStores() {
  await openDb();
  for (const store of ['outbox', 'sent', 'kv'] as const) {
    for (const key of await idb.keys(store)) await idb.delete(store, key);
  }
}

beforeEach(async () => {
  await clearStores();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('outbox storage', () => {
  it("lists an account's own items, oldest first", async () => {
    await putOutbox(report('b', { createdAt: 2_000 }));
    await putOutbox(report('a', { createdAt: 1_000 }));
    await putOutbox(report('other', { accountId: 'acc-2' }));
    expect((await listOutbox(ACCOUNT)).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('tells listeners about every change', async () => {
    const seen = vi.fn();
    const off = onOutboxChange(seen);
    await putOutbox(report('a'));
    off();
    await putOutbox(report('b'));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('keeps photo bytes as they were stored', async () => {
    await putOutbox(report('a', { photos: [photo('p1')] }));
    const item = (await getOutboxItem('a')) as ReportItem;
    expect(new Uint8Array(item.photos[0].data)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('puts items a closed page left half-sent back in line', async () => {
    await putOutbox(report('a', { state: 'sending' }));
    await recoverInterrupted(ACCOUNT);
    expect((await getOutboxItem('a'))?.state).toBe('pending');
  });

  it('requeues a refused item without its error', async () => {
    await putOutbox(report('a', { state: 'rejected', lastError: '类别无效', rejectedStatus: 422 }));
    await requeue('a');
    const item = await getOutboxItem('a');
    expect(item).toMatchObject({ state: 'pending', lastError: undefined, rejectedStatus: undefined });
  });
});

describe('sending the outbox', () => {
  it('uploads the photos, posts the report under its own key and moves it to the sent list', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/files': [
        () => json(201, { id: 'f1', gps: null, takenAt: null, url: '', thumbnailUrl: '' }),
        () => json(201, { id: 'f2', gps: null, takenAt: null, url: '', thumbnailUrl: '' }),
      ],
      'POST /api/v1/cases': () => json(201, caseReply('c1', 'AJ-0001')),
    });
    await putOutbox(
      report('r1', {
        photos: [photo('p1'), photo('p2')],
        location: { lng: 120.1, lat: 30.2, accuracy: 8, at: 1 },
        address: ' 解放路 1 号 ',
      }),
    );

    const outcomes = await processOutbox(ACCOUNT);

    expect(outcomes.get('r1')).toMatchObject({ result: 'sent', sent: { caseNumber: 'AJ-0001' } });
    const post = calls.find((c) => c.path === '/api/v1/cases')!;
    expect(post.headers.get('Idempotency-Key')).toBe('r1');
    expect(post.body).toEqual({
      categoryCode: '0101',
      description: '路口有流动摊贩',
      location: { lng: 120.1, lat: 30.2, crs: 'wgs84' },
      address: '解放路 1 号',
      photoIds: ['f1', 'f2'],
    });
    expect(calls.filter((c) => c.path === '/api/v1/files')).toHaveLength(2);
    expect(await listOutbox(ACCOUNT)).toEqual([]);
    expect((await listSent(ACCOUNT)).map((s) => s.caseId)).toEqual(['c1']);
  });

  it('sends the before and after photos of a problem fixed on the spot', async () => {
    let n = 0;
    const { calls } = mockFetch({
      'POST /api/v1/files': () => json(201, { id: `f${++n}` }),
      'POST /api/v1/cases': () => json(201, caseReply('c1', 'AJ-0001')),
    });
    await putOutbox(report('r1', { fixedOnSpot: true, before: [photo('b')], after: [photo('a')] }));
    await processOutbox(ACCOUNT);
    expect(calls.find((c) => c.path === '/api/v1/cases')!.body).toMatchObject({
      fixedOnSpot: true,
      beforePhotoIds: ['f1'],
      afterPhotoIds: ['f2'],
    });
  });

  it('keeps the item pending and stops the run when the network is down', async () => {
    const { calls } = mockFetch({ 'POST /api/v1/cases': () => networkDown() });
    await putOutbox(report('r1', { createdAt: 1 }));
    await putOutbox(report('r2', { createdAt: 2 }));

    const outcomes = await processOutbox(ACCOUNT);

    expect(outcomes.get('r1')).toEqual({ result: 'pending', message: '网络不通，联网后自动发送' });
    expect(outcomes.has('r2')).toBe(false);
    expect(calls).toHaveLength(1);
    const items = await listOutbox(ACCOUNT);
    expect(items.map((i) => [i.id, i.state])).toEqual([
      ['r1', 'pending'],
      ['r2', 'pending'],
    ]);
    expect(items[0]).toMatchObject({ attempts: 1, lastError: '网络不通，联网后自动发送' });
  });

  it("marks a report the server refuses with the server's message and goes on with the next", async () => {
    mockFetch({
      'POST /api/v1/cases': [
        () =>
          json(422, {
            title: 'Unprocessable Content',
            detail: '提交的数据有误',
            errors: [{ field: 'categoryCode', message: '问题类别不存在或已停用' }],
          }),
        () => json(201, caseReply('c2', 'AJ-0002')),
      ],
    });
    await putOutbox(report('r1', { createdAt: 1 }));
    await putOutbox(report('r2', { createdAt: 2 }));

    const outcomes = await processOutbox(ACCOUNT);

    expect(outcomes.get('r1')).toEqual({ result: 'rejected', message: '提交的数据有误（问题类别不存在或已停用）' });
    expect(outcomes.get('r2')?.result).toBe('sent');
    expect(await getOutboxItem('r1')).toMatchObject({ state: 'rejected', rejectedStatus: 422 });
    // A refused item waits for the user: the next run leaves it alone.
    expect((await processOutbox(ACCOUNT)).size).toBe(0);
  });

  it('retries a 409 on a report later, since the server may still be settling the same key', async () => {
    mockFetch({ 'POST /api/v1/cases': () => json(409, { title: 'Conflict', detail: '请求正在处理' }) });
    await putOutbox(report('r1'));
    const outcomes = await processOutbox(ACCOUNT);
    expect(outcomes.get('r1')?.result).toBe('pending');
  });

  it('does not upload a photo twice when a run breaks off halfway', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/files': [() => json(201, { id: 'f1' }), () => networkDown(), () => json(201, { id: 'f2' })],
      'POST /api/v1/cases': () => json(201, caseReply('c1', 'AJ-0001')),
    });
    await putOutbox(report('r1', { photos: [photo('p1'), photo('p2')] }));

    expect((await processOutbox(ACCOUNT)).get('r1')?.result).toBe('pending');
    const stored = (await getOutboxItem('r1')) as ReportItem;
    expect(stored.photos.map((p) => p.fileId)).toEqual(['f1', undefined]);

    expect((await processOutbox(ACCOUNT)).get('r1')?.result).toBe('sent');
    expect(calls.filter((c) => c.path === '/api/v1/files')).toHaveLength(3);
    expect(calls.find((c) => c.path === '/api/v1/cases')!.body).toMatchObject({ photoIds: ['f1', 'f2'] });
  });

  it('names the photo the server refused', async () => {
    mockFetch({
      'POST /api/v1/files': () => json(415, { title: 'Unsupported Media Type', detail: '不支持的文件类型' }),
    });
    await putOutbox(report('r1', { photos: [photo('p1')] }));
    expect((await processOutbox(ACCOUNT)).get('r1')).toEqual({
      result: 'rejected',
      message: '现场照片第 1 张：不支持的文件类型',
    });
  });

  it('sends only the items asked for when retrying refused ones', async () => {
    const { calls } = mockFetch({ 'POST /api/v1/cases': () => json(201, caseReply('c1', 'AJ-0001')) });
    await putOutbox(report('r1', { state: 'rejected', createdAt: 1 }));
    await putOutbox(report('r2', { createdAt: 2 }));
    const outcomes = await processOutbox(ACCOUNT, ['r1']);
    expect([...outcomes.keys()]).toEqual(['r1']);
    expect(calls).toHaveLength(1);
  });

  it('does not post a verification again when the lost answer had gone through', async () => {
    const verify: ActionItem = {
      id: 'v1',
      kind: 'action',
      accountId: ACCOUNT,
      actorName: '网格员甲',
      createdAt: 1,
      state: 'pending',
      attempts: 1,
      caseId: 'c9',
      caseNumber: 'AJ-0009',
      categoryName: '占道经营',
      actionType: 'verify_pass',
      photos: [],
      postAttemptedAt: Date.now() - 60_000,
    };
    const { calls } = mockFetch({
      'GET /api/v1/cases/c9': () =>
        json(200, {
          ...caseReply('c9', 'AJ-0009'),
          statusName: '已结案',
          actions: [{ type: 'verify_pass', actorName: '网格员甲', at: new Date().toISOString() }],
        }),
    });
    await putOutbox(verify);

    const outcomes = await processOutbox(ACCOUNT);

    expect(outcomes.get('v1')).toMatchObject({ result: 'sent', sent: { statusName: '已结案', title: '核查通过' } });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/v1/cases/c9']);
  });

  it('posts a verification with its evidence and expected version', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/files': () => json(201, { id: 'f1' }),
      'POST /api/v1/cases/c9/actions': () => json(200, caseReply('c9', 'AJ-0009')),
    });
    await putOutbox({
      id: 'v1',
      kind: 'action',
      accountId: ACCOUNT,
      actorName: '网格员甲',
      createdAt: 1,
      state: 'pending',
      attempts: 0,
      caseId: 'c9',
      caseNumber: 'AJ-0009',
      categoryName: '占道经营',
      actionType: 'verify_fail',
      reason: ' 仍有摊贩 ',
      expectedVersion: 4,
      photos: [photo('p1')],
    });
    await processOutbox(ACCOUNT);
    expect(calls.at(-1)!.body).toEqual({
      type: 'verify_fail',
      attachments: [{ fileId: 'f1', role: 'evidence' }],
      payload: { reason: '仍有摊贩' },
      expectedVersion: 4,
    });
  });

  it("sends the crew's steps in order, each under its item's Idempotency-Key, a feedback's photos as after-photos", async () => {
    const { calls } = mockFetch({
      'POST /api/v1/files': () => json(201, { id: 'f2' }),
      'POST /api/v1/cases/c7/actions': [
        () => json(200, { ...caseReply('c7', 'AJ-0007'), statusName: '处置中' }),
        () => json(200, { ...caseReply('c7', 'AJ-0007'), statusName: '处置中' }),
        () => json(200, { ...caseReply('c7', 'AJ-0007'), statusName: '待核查' }),
      ],
    });
    const step = (id: string, createdAt: number, patch: Partial<ActionItem>): ActionItem => ({
      id,
      kind: 'action',
      accountId: ACCOUNT,
      actorName: '城管经办人',
      createdAt,
      state: 'pending',
      attempts: 0,
      caseId: 'c7',
      caseNumber: 'AJ-0007',
      categoryName: '暴露垃圾',
      actionType: 'start',
      photos: [],
      ...patch,
    });
    await putOutbox(step('s1', 1, { expectedVersion: 3 }));
    await putOutbox(
      step('s2', 2, {
        actionType: 'request_extension',
        reason: ' 需协调产权单位 ',
        extra: { value: 2, unit: 'days' },
        expectedVersion: 4,
      }),
    );
    await putOutbox(
      step('s3', 3, { actionType: 'feedback', comment: ' 已清运 ', expectedVersion: 5, photos: [photo('p2')] }),
    );

    const outcomes = await processOutbox(ACCOUNT);

    expect([...outcomes.values()].map((o) => o.result)).toEqual(['sent', 'sent', 'sent']);
    const posts = calls.filter((c) => c.path === '/api/v1/cases/c7/actions');
    expect(posts.map((c) => c.headers.get('Idempotency-Key'))).toEqual(['s1', 's2', 's3']);
    expect(posts.map((c) => c.body)).toEqual([
      { type: 'start', expectedVersion: 3 },
      {
        type: 'request_extension',
        payload: { extra: { value: 2, unit: 'days' }, reason: '需协调产权单位' },
        expectedVersion: 4,
      },
      { type: 'feedback', comment: '已清运', attachments: [{ fileId: 'f2', role: 'after' }], expectedVersion: 5 },
    ]);
    expect((await listSent(ACCOUNT)).map((s) => s.title).sort()).toEqual(['处置反馈', '申请延期', '签收']);
  });
});
