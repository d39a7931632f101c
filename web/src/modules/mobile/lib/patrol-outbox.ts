/**
 * The patrol on the phone (开始巡查 … 结束巡查), kept on the device so it survives a dead network, a
 * closed tab and a restarted phone: the patrol under way (its grids, its start, the fixes not yet
 * queued) and a queue of its requests, sent in order when online — start, track batches, case links,
 * end — each with its own Idempotency-Key, so a resend after a lost answer does its work once. The
 * phone chooses the patrol's id, so the track and the end can be queued before the start is answered.
 *
 * The state is small (a patrol's points wait here only until the next batch), so it lives in
 * localStorage per account rather than beside the case outbox's photos in IndexedDB.
 */
import type { EndPatrolBody, StartPatrolBody } from '../../../../../src/contracts/patrols';
import { ApiError, errorText } from '../../../lib/api';

export interface Fix {
  lat: number;
  lng: number;
  /** ms since 1970, the phone's clock. */
  at: number;
  accuracy: number;
}

export interface ActivePatrol {
  id: string;
  kind: 'grid' | 'farmland';
  areaIds: string[];
  areaNames: string[];
  startedAt: number;
  companions: string[];
  /** Fixes taken but not yet queued as a batch. */
  buffer: Fix[];
  /** Fixes taken in all. */
  fixes: number;
  last: Fix | null;
  /** Cases queued for linking (ids). */
  linked: string[];
}

export type PatrolOp = {
  key: string;
  patrolId: string;
  createdAt: number;
  state: 'pending' | 'rejected';
  attempts: number;
  lastError?: string;
} & (
  | { op: 'start'; body: StartPatrolBody }
  | { op: 'track'; points: { lat: number; lng: number; at: string; accuracy?: number }[] }
  | { op: 'end'; body: EndPatrolBody }
  | { op: 'link'; caseId: string; caseNumber: string }
);

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A batch goes to the queue after this many fixes … */
export const BATCH_FIXES = 30;
/** … or this long after its first fix. */
export const BATCH_MS = 3 * 60_000;
/** Fixes vaguer than this are dropped (a phone indoors reports kilometres). */
export const MAX_ACCURACY_M = 100;
/** A fix closer than this to the last one kept adds nothing (standing still). */
export const MIN_STEP_M = 5;

export const OP_NAMES: Record<PatrolOp['op'], string> = {
  start: '开始巡查',
  track: '巡查轨迹',
  end: '结束巡查',
  link: '关联问题',
};

/** Metres between two fixes (equirectangular; plenty for steps of a few metres). */
export function stepM(a: Pick<Fix, 'lat' | 'lng'>, b: Pick<Fix, 'lat' | 'lng'>): number {
  const rad = Math.PI / 180;
  const x = (b.lng - a.lng) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * 6_371_008.8;
}

/** Whether a new fix is worth keeping: accurate enough, later than the last, and a step away from it. */
export function acceptFix(last: Fix | null, fix: Fix): boolean {
  if (!(fix.accuracy <= MAX_ACCURACY_M)) return false;
  if (Math.abs(fix.lat) > 90 || Math.abs(fix.lng) > 180) return false;
  if (!last) return true;
  return fix.at > last.at && stepM(last, fix) >= MIN_STEP_M;
}

const toPoint = (f: Fix) => ({
  lat: f.lat,
  lng: f.lng,
  at: new Date(f.at).toISOString(),
  accuracy: Math.round(f.accuracy),
});

/** The patrol and its queue for one account, in a key-value store (localStorage on the phone). */
export function patrolBook(store: KeyValue, accountId: string, newKey: () => string) {
  const activeKey = `cg-patrol:${accountId}:active`;
  const queueKey = `cg-patrol:${accountId}:queue`;
  const read = <T>(k: string, empty: T): T => {
    try {
      const raw = store.getItem(k);
      return raw ? (JSON.parse(raw) as T) : empty;
    } catch {
      return empty;
    }
  };
  const active = () => read<ActivePatrol | null>(activeKey, null);
  const queue = () => read<PatrolOp[]>(queueKey, []);
  const saveActive = (a: ActivePatrol | null) =>
    a ? store.setItem(activeKey, JSON.stringify(a)) : store.removeItem(activeKey);
  const saveQueue = (q: PatrolOp[]) => store.setItem(queueKey, JSON.stringify(q));
  const push = (op: PatrolOp) => saveQueue([...queue(), op]);
  const base = (patrolId: string, now: number) => ({
    key: newKey(),
    patrolId,
    createdAt: now,
    state: 'pending' as const,
    attempts: 0,
  });

  /** Moves the buffered fixes into a queued batch. */
  const flushBuffer = (a: ActivePatrol, now: number): ActivePatrol => {
    if (a.buffer.length === 0) return a;
    push({ ...base(a.id, now), op: 'track', points: a.buffer.map(toPoint) });
    return { ...a, buffer: [] };
  };

  return {
    active,
    queue,
    start(p: {
      id: string;
      kind: 'grid' | 'farmland';
      areas: { id: string; name: string }[];
      companions: string[];
      now: number;
    }) {
      if (active()) throw new Error('a patrol is under way');
      const a: ActivePatrol = {
        id: p.id,
        kind: p.kind,
        areaIds: p.areas.map((x) => x.id),
        areaNames: p.areas.map((x) => x.name),
        startedAt: p.now,
        companions: p.companions,
        buffer: [],
        fixes: 0,
        last: null,
        linked: [],
      };
      push({
        ...base(p.id, p.now),
        op: 'start',
        body: {
          id: p.id,
          kind: p.kind,
          ...(p.kind === 'grid' ? { gridIds: a.areaIds } : { villageId: a.areaIds[0] }),
          startedAt: new Date(p.now).toISOString(),
          companions: p.companions.map((name) => ({ name })),
        },
      });
      saveActive(a);
      return a;
    },
    /**
     * Takes up a patrol the server has under way that this phone does not know (started on another
     * device, or before the phone's storage was cleared): nothing is queued for its start.
     */
    adopt(p: {
      id: string;
      kind: 'grid' | 'farmland';
      areas: { id: string; name: string }[];
      companions: string[];
      startedAt: number;
    }) {
      if (active() || queue().some((o) => o.op === 'end' && o.patrolId === p.id)) return null;
      const a: ActivePatrol = {
        id: p.id,
        kind: p.kind,
        areaIds: p.areas.map((x) => x.id),
        areaNames: p.areas.map((x) => x.name),
        startedAt: p.startedAt,
        companions: p.companions,
        buffer: [],
        fixes: 0,
        last: null,
        linked: [],
      };
      saveActive(a);
      return a;
    },
    /** Takes a fix from watchPosition; returns whether it was kept. */
    addFix(fix: Fix, now: number): boolean {
      let a = active();
      if (!a || fix.at < a.startedAt - 60_000 || !acceptFix(a.last, fix)) return false;
      a = { ...a, buffer: [...a.buffer, fix], fixes: a.fixes + 1, last: fix };
      if (a.buffer.length >= BATCH_FIXES || now - a.buffer[0]!.at >= BATCH_MS) a = flushBuffer(a, now);
      saveActive(a);
      return true;
    },
    /** Links a case reported during the patrol (once per case). */
    linkCase(caseId: string, caseNumber: string, now: number): boolean {
      const a = active();
      if (!a || a.linked.includes(caseId)) return false;
      push({ ...base(a.id, now), op: 'link', caseId, caseNumber });
      saveActive({ ...a, linked: [...a.linked, caseId] });
      return true;
    },
    /** Ends the patrol with the fixes still buffered; the patrol is then off the phone but its queue. */
    end(now: number, note?: string) {
      const a = active();
      if (!a) return null;
      push({
        ...base(a.id, now),
        op: 'end',
        body: {
          endedAt: new Date(Math.max(now, a.last?.at ?? 0, a.startedAt)).toISOString(),
          ...(a.buffer.length ? { points: a.buffer.map(toPoint) } : {}),
          ...(note?.trim() ? { note: note.trim() } : {}),
        },
      });
      saveActive(null);
      return a;
    },
    /** Drops a refused request (the user has read why). */
    discard(key: string) {
      saveQueue(queue().filter((o) => o.key !== key));
    },
    /**
     * Sends the queue in order. A network failure (or 5xx, 429, 401, a key still in progress) stops the
     * run and keeps the request; a refusal marks it (with the server's words) and the next goes on.
     */
    async flush(send: (op: PatrolOp) => Promise<void>): Promise<{ sent: number; pending: number; rejected: number }> {
      let sent = 0;
      for (const op of queue().filter((o) => o.state === 'pending')) {
        try {
          await send(op);
          saveQueue(queue().filter((o) => o.key !== op.key));
          sent++;
        } catch (e) {
          const transient = isTransient(e);
          saveQueue(
            queue().map((o) =>
              o.key === op.key
                ? { ...o, attempts: o.attempts + 1, state: transient ? 'pending' : 'rejected', lastError: errorText(e) }
                : o,
            ),
          );
          if (transient) break;
        }
      }
      const left = queue();
      return {
        sent,
        pending: left.filter((o) => o.state === 'pending').length,
        rejected: left.filter((o) => o.state === 'rejected').length,
      };
    },
  };
}

export type PatrolBook = ReturnType<typeof patrolBook>;

export function isTransient(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  if (e.status === 409 && e.type.endsWith('idempotency.in_progress')) return true;
  return e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;
}

/** "01:02:03" from milliseconds. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
