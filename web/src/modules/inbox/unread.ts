import { useEffect, useState } from 'react';
import { inboxApi } from './api';

/**
 * The unread count, shared by every badge on the page: one poll however many badges show it.
 * Pages that read or receive messages call `refreshUnread()`.
 */
const POLL_MS = 60_000;
let count = 0;
const listeners = new Set<(n: number) => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let inflight: Promise<void> | null = null;

function publish(n: number) {
  count = n;
  for (const l of listeners) l(n);
}

export function refreshUnread(): Promise<void> {
  if (inflight) return inflight;
  inflight = inboxApi
    .unreadCount()
    .then(publish)
    .catch(() => undefined)
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/** Sets the count without a request (e.g. from a list reply that carries it). */
export function setUnread(n: number) {
  publish(n);
}

function onVisible() {
  if (document.visibilityState === 'visible') void refreshUnread();
}

export function useUnreadCount(): number {
  const [n, setN] = useState(count);
  useEffect(() => {
    listeners.add(setN);
    if (listeners.size === 1) {
      void refreshUnread();
      timer = setInterval(() => {
        if (document.visibilityState === 'visible') void refreshUnread();
      }, POLL_MS);
      document.addEventListener('visibilitychange', onVisible);
    }
    return () => {
      listeners.delete(setN);
      if (listeners.size === 0) {
        if (timer) clearInterval(timer);
        timer = null;
        document.removeEventListener('visibilitychange', onVisible);
      }
    };
  }, []);
  return n;
}
