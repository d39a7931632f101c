import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { idb, openDb } from './idb';
import { processOutbox, putOutbox, type ReportItem } from './outbox';
import { patrolTracker, uuid } from './patrol-tracker';

const ACCOUNT = 'acc-patrol';
const GRID = { id: '0193a000-0000-7000-8000-0000000000aa', name: '德化社区第1网格-1' };

function report(id: string, createdAt: number): ReportItem {
  return {
    id,
    kind: 'report',
    accountId: ACCOUNT,
    actorName: '网格员甲',
    createdAt,
    state: 'pending',
    attempts: 0,
    categoryCode: '0102',
    categoryName: '暴露垃圾',
    description: '巡查发现暴露垃圾',
    fixedOnSpot: false,
    photos: [],
    before: [],
    after: [],
  };
}

beforeEach(async () => {
  await openDb();
  for (const store of ['outbox', 'sent', 'kv'] as const)
    for (const key of await idb.keys(store)) await idb.delete(store, key);
  window.localStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('the patrol tracker', () => {
  it('makes UUIDs the server takes as a patrol id', () => {
    expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('links a case reported during the patrol once the case outbox has sent it, and sends the link', async () => {
    const patrolId = uuid();
    const f = mockFetch({
      'POST /api/v1/patrols': () => json(201, { id: patrolId }),
      'POST /api/v1/cases': [0, 1].map(
        (n) => () =>
          json(201, {
            id: `case-${n}`,
            caseNumber: `411602-20261207-000${n}`,
            statusName: '待受理',
            gridName: GRID.name,
            actions: [],
          }),
      ),
      [`POST /api/v1/patrols/${patrolId}/cases`]: () => json(200, { id: patrolId }),
      [`POST /api/v1/patrols/${patrolId}/end`]: () => json(200, { id: patrolId }),
    });
    vi.stubGlobal('fetch', f.fn);
    const book = patrolTracker.use(ACCOUNT);
    const started = Date.now() - 60_000;
    patrolTracker.start({ id: patrolId, kind: 'grid', areas: [GRID], companions: [], now: started });
    await patrolTracker.flush();
    // One report from before the patrol (not linked), one made during it.
    await putOutbox(report('r-before', started - 3_600_000));
    await putOutbox(report('r-during', started + 1_000));
    await processOutbox(ACCOUNT);
    await patrolTracker.flush();
    const links = f.calls.filter((c) => c.path === `/api/v1/patrols/${patrolId}/cases`);
    expect(links.map((c) => c.body)).toEqual([{ caseId: 'case-1', outcome: 'found' }]);
    expect(links[0]!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(book.active()!.linked).toEqual(['case-1']);
    patrolTracker.end();
    await patrolTracker.flush();
    expect(f.calls.filter((c) => c.path.endsWith('/end'))).toHaveLength(1);
    expect(book.queue()).toEqual([]);
  });
});
