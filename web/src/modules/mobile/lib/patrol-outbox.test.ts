import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api';
import { acceptFix, BATCH_FIXES, clock, patrolBook, type Fix, type KeyValue, type PatrolOp } from './patrol-outbox';

function memory(): KeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const T0 = Date.parse('2026-12-07T01:00:00Z');
const GRID = { id: '0193a000-0000-7000-8000-0000000000aa', name: '德化社区第一网格' };
const fixAt = (i: number, accuracy = 10): Fix => ({ lat: 33.6 + i * 0.0001, lng: 114.6, at: T0 + i * 5_000, accuracy });

function book() {
  let n = 0;
  const store = memory();
  return { store, b: patrolBook(store, 'acc-1', () => `key-${++n}`) };
}

describe('the patrol on the phone', () => {
  it('keeps fixes that are accurate, later and a step away', () => {
    expect(acceptFix(null, fixAt(0))).toBe(true);
    expect(acceptFix(fixAt(0), fixAt(1))).toBe(true);
    expect(acceptFix(fixAt(0), { ...fixAt(1), lat: 33.60001 })).toBe(false); // 1 m: standing still
    expect(acceptFix(fixAt(1), fixAt(0))).toBe(false);
    expect(acceptFix(null, fixAt(0, 500))).toBe(false);
  });

  it('queues start, batches of fixes, a link and the end, in order, under their own keys', () => {
    const { b } = book();
    b.start({ id: 'p1', kind: 'grid', areas: [GRID], companions: ['小王'], now: T0 });
    expect(() => b.start({ id: 'p2', kind: 'grid', areas: [GRID], companions: [], now: T0 })).toThrow();
    for (let i = 0; i < BATCH_FIXES + 5; i++) b.addFix(fixAt(i), T0 + i * 5_000);
    expect(b.active()!.fixes).toBe(BATCH_FIXES + 5);
    expect(b.active()!.buffer).toHaveLength(5);
    expect(b.linkCase('case-1', 'C1', T0 + 600_000)).toBe(true);
    expect(b.linkCase('case-1', 'C1', T0 + 600_000)).toBe(false);
    const ended = b.end(T0 + 900_000, ' 无异常 ');
    expect(ended!.id).toBe('p1');
    expect(b.active()).toBeNull();
    const q = b.queue();
    expect(q.map((o) => o.op)).toEqual(['start', 'track', 'link', 'end']);
    expect(new Set(q.map((o) => o.key)).size).toBe(4);
    expect(q.every((o) => o.patrolId === 'p1')).toBe(true);
    const start = q[0] as Extract<PatrolOp, { op: 'start' }>;
    expect(start.body).toEqual({
      id: 'p1',
      kind: 'grid',
      gridIds: [GRID.id],
      startedAt: new Date(T0).toISOString(),
      companions: [{ name: '小王' }],
    });
    expect((q[1] as Extract<PatrolOp, { op: 'track' }>).points).toHaveLength(BATCH_FIXES);
    const end = q[3] as Extract<PatrolOp, { op: 'end' }>;
    expect(end.body.points).toHaveLength(5);
    expect(end.body.note).toBe('无异常');
    expect(end.body.endedAt).toBe(new Date(T0 + 900_000).toISOString());
  });

  it('queues a batch after three minutes even with few fixes', () => {
    const { b } = book();
    b.start({ id: 'p1', kind: 'grid', areas: [GRID], companions: [], now: T0 });
    b.addFix(fixAt(0), T0);
    b.addFix({ ...fixAt(1), at: T0 + 200_000 }, T0 + 200_000);
    expect(b.queue().map((o) => o.op)).toEqual(['start', 'track']);
    expect(b.active()!.buffer).toEqual([]);
  });

  it('a farmland patrol names its village', () => {
    const { b } = book();
    b.start({ id: 'p1', kind: 'farmland', areas: [{ id: 'v1', name: '孙嘴行政村' }], companions: [], now: T0 });
    expect((b.queue()[0] as Extract<PatrolOp, { op: 'start' }>).body).toMatchObject({
      kind: 'farmland',
      villageId: 'v1',
    });
  });

  it('sends in order; stops on a network failure and resumes with the same keys; marks a refusal and goes on', async () => {
    const { b } = book();
    b.start({ id: 'p1', kind: 'grid', areas: [GRID], companions: [], now: T0 });
    b.linkCase('case-1', 'C1', T0);
    b.end(T0 + 60_000);
    const seen: string[] = [];
    let down = true;
    const send = async (op: PatrolOp) => {
      seen.push(`${op.op}:${op.key}`);
      if (down) throw new ApiError(0, {});
      if (op.op === 'link') throw new ApiError(422, { detail: '该问题不在本次巡查的网格（行政村）内' });
    };
    expect(await b.flush(send)).toEqual({ sent: 0, pending: 3, rejected: 0 });
    down = false;
    expect(await b.flush(send)).toEqual({ sent: 2, pending: 0, rejected: 1 });
    expect(seen).toEqual(['start:key-1', 'start:key-1', 'link:key-2', 'end:key-3']);
    const left = b.queue();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ op: 'link', state: 'rejected', lastError: '该问题不在本次巡查的网格（行政村）内' });
    b.discard(left[0]!.key);
    expect(b.queue()).toEqual([]);
  });

  it('survives a reload: the state is all in the store', () => {
    const { store, b } = book();
    b.start({ id: 'p1', kind: 'grid', areas: [GRID], companions: [], now: T0 });
    b.addFix(fixAt(0), T0);
    const again = patrolBook(store, 'acc-1', () => 'k');
    expect(again.active()!.fixes).toBe(1);
    expect(again.queue()).toHaveLength(1);
    expect(patrolBook(store, 'acc-2', () => 'k').active()).toBeNull();
  });

  it('takes up a patrol the server has under way, unless this phone has one or has ended it', () => {
    const { b } = book();
    const server = { id: 'p9', kind: 'grid' as const, areas: [GRID], companions: [], startedAt: T0 };
    expect(b.adopt(server)!.id).toBe('p9');
    expect(b.queue()).toEqual([]);
    expect(b.adopt({ ...server, id: 'p8' })).toBeNull();
    b.end(T0 + 60_000);
    // Its end is still queued: the server's "under way" is old news.
    expect(b.adopt(server)).toBeNull();
  });

  it('shows a running clock', () => {
    expect(clock(3_723_000)).toBe('01:02:03');
    expect(clock(-5)).toBe('00:00:00');
  });
});
