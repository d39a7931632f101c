/**
 * The patrol's live side on the phone, outside React so that it keeps going while the user is on
 * another page (上报问题): the GPS watch (navigator.geolocation.watchPosition) feeding the patrol book,
 * the queue sent when online (at each batch, every 30 s, and when the network comes back), and the
 * cases reported during the patrol linked to it once the case outbox has sent them.
 */
import { patrolsApi } from '../../patrols/api';
import { onSent } from './outbox';
import { patrolBook, type PatrolBook, type PatrolOp } from './patrol-outbox';

const FLUSH_MS = 30_000;

/** A UUID (v4) from getRandomValues, which an intranet http:// page has too (randomUUID needs https). */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export async function sendPatrolOp(op: PatrolOp): Promise<void> {
  if (op.op === 'start') await patrolsApi.start(op.body, op.key);
  else if (op.op === 'track') await patrolsApi.track(op.patrolId, { points: op.points }, op.key);
  else if (op.op === 'end') await patrolsApi.end(op.patrolId, op.body, op.key);
  else await patrolsApi.link(op.patrolId, { caseId: op.caseId, outcome: 'found' }, op.key);
}

export interface GpsState {
  /** 'off' before a patrol, 'waiting' for a first fix, 'ok', or the browser's refusal. */
  status: 'off' | 'waiting' | 'ok' | 'denied' | 'unavailable';
  accuracy: number | null;
}

type Listener = () => void;

class Tracker {
  private book: PatrolBook | null = null;
  private accountId = '';
  private watch: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private flushing: Promise<unknown> | null = null;
  private listeners = new Set<Listener>();
  gps: GpsState = { status: 'off', accuracy: null };

  constructor() {
    if (typeof window !== 'undefined') window.addEventListener('online', () => void this.flush());
    onSent((s) => {
      // A case reported during the patrol (sent now, or later from the outbox) is linked to it.
      if (s.kind !== 'report' || !s.caseId || s.accountId !== this.accountId || !this.book) return;
      const a = this.book.active();
      if (a && s.createdAt >= a.startedAt) {
        this.book.linkCase(s.caseId, s.caseNumber, Date.now());
        this.changed();
        void this.flush();
      }
    });
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed() {
    for (const fn of this.listeners) fn();
  }

  /** The account's book; resumes the GPS watch of a patrol under way (after a reload). */
  use(accountId: string): PatrolBook {
    if (this.accountId !== accountId || !this.book) {
      this.stopWatch();
      this.accountId = accountId;
      this.book = patrolBook(window.localStorage, accountId, uuid);
    }
    if (this.book.active()) this.startWatch();
    return this.book;
  }

  start(p: Parameters<PatrolBook['start']>[0]) {
    this.book!.start(p);
    this.startWatch();
    this.changed();
    void this.flush();
  }

  end(note?: string) {
    this.book!.end(Date.now(), note);
    this.stopWatch();
    this.changed();
    void this.flush();
  }

  /** Asks the server for a patrol under way this phone does not know, and takes it up. */
  async resume(): Promise<void> {
    if (!this.book || this.book.active()) return;
    const r = await patrolsApi.active().catch(() => null);
    const p = r?.patrol;
    if (!p || this.book.active()) return;
    const a = this.book.adopt({
      id: p.id,
      kind: p.kind,
      areas: p.units.map((u) => ({ id: u.id, name: u.name })),
      companions: p.people.filter((x) => x.role === 'companion').map((x) => x.name),
      startedAt: Date.parse(p.startedAt),
    });
    if (a) {
      this.startWatch();
      this.changed();
    }
  }

  flush(): Promise<unknown> {
    if (!this.book) return Promise.resolve();
    this.flushing ??= this.book
      .flush(sendPatrolOp)
      .catch(() => undefined)
      .finally(() => {
        this.flushing = null;
        this.changed();
      });
    return this.flushing;
  }

  private startWatch() {
    if (this.watch !== null || typeof navigator === 'undefined') return;
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    if (!navigator.geolocation) {
      this.gps = { status: 'unavailable', accuracy: null };
      this.changed();
      return;
    }
    this.gps = { status: 'waiting', accuracy: null };
    this.watch = navigator.geolocation.watchPosition(
      (pos) => {
        const queued = this.book!.queue().length;
        this.book!.addFix(
          {
            lat: pos.coords.latitude,
            lng: pos.coords.longitude,
            at: pos.timestamp || Date.now(),
            accuracy: pos.coords.accuracy,
          },
          Date.now(),
        );
        this.gps = { status: 'ok', accuracy: Math.round(pos.coords.accuracy) };
        if (this.book!.queue().length > queued) void this.flush();
        this.changed();
      },
      (err) => {
        this.gps = { status: err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable', accuracy: null };
        this.changed();
      },
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 60_000 },
    );
  }

  private stopWatch() {
    if (this.watch !== null) navigator.geolocation?.clearWatch(this.watch);
    if (this.timer) clearInterval(this.timer);
    this.watch = null;
    this.timer = null;
    this.gps = { status: 'off', accuracy: null };
  }
}

export const patrolTracker = new Tracker();
