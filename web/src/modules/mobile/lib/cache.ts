/**
 * The last data seen online, per account, in IndexedDB: the phone page shows it when the network is
 * down (with the time it was fetched) instead of an error.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorText } from '../../../lib/api';
import { idb } from './idb';

interface KvRow<T> {
  key: string;
  accountId: string;
  savedAt: number;
  data: T;
}

export interface Cached<T> {
  data: T;
  savedAt: number;
}

const fullKey = (accountId: string, key: string) => `${accountId}:${key}`;

export async function loadCached<T>(accountId: string, key: string): Promise<Cached<T> | undefined> {
  try {
    const row = await idb.get<KvRow<T>>('kv', fullKey(accountId, key));
    return row ? { data: row.data, savedAt: row.savedAt } : undefined;
  } catch {
    return undefined;
  }
}

export async function saveCached<T>(accountId: string, key: string, data: T): Promise<void> {
  try {
    await idb.put<KvRow<T>>('kv', { key: fullKey(accountId, key), accountId, savedAt: Date.now(), data });
  } catch {
    // A full or unavailable store only costs the offline copy.
  }
}

/** Forgets an account's cached data (on sign-out; its outbox is kept). */
export async function clearCached(accountId: string): Promise<void> {
  try {
    const keys = await idb.keys('kv');
    for (const k of keys) if (typeof k === 'string' && k.startsWith(`${accountId}:`)) await idb.delete('kv', k);
  } catch {
    // nothing to clear
  }
}

/** A network failure (as opposed to the server saying no). */
export function isNetworkError(e: unknown): boolean {
  return e instanceof ApiError && e.status === 0;
}

export interface CachedResource<T> {
  data: T | undefined;
  /** When the shown data was fetched, if it came from the offline copy. */
  cachedAt: number | null;
  loading: boolean;
  error: string | null;
  /** The server answered 404/403: the cached copy (if any) is stale. */
  gone: boolean;
  reload(): Promise<void>;
}

/**
 * Shows the offline copy at once, then asks the server (unless offline); keeps the copy when the
 * network fails. `key` null means "nothing to load".
 */
export function useCachedResource<T>(
  accountId: string,
  key: string | null,
  fetcher: () => Promise<T>,
): CachedResource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [cachedAt, setCachedAt] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const seq = useRef(0);

  const load = useCallback(async () => {
    if (!key) {
      setLoading(false);
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    const copy = await loadCached<T>(accountId, key);
    if (mine !== seq.current) return;
    if (copy) {
      setData((cur) => (cur === undefined ? copy.data : cur));
      setCachedAt((cur) => (cur === null ? copy.savedAt : cur));
    }
    try {
      const fresh = await fetcherRef.current();
      if (mine !== seq.current) return;
      setData(fresh);
      setCachedAt(null);
      setGone(false);
      void saveCached(accountId, key, fresh);
    } catch (e) {
      if (mine !== seq.current) return;
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) setGone(true);
      if (copy) setCachedAt(copy.savedAt);
      setError(isNetworkError(e) ? (copy ? null : '当前离线，且手机上没有此数据的离线副本') : errorText(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [accountId, key]);

  useEffect(() => {
    setData(undefined);
    setCachedAt(null);
    setGone(false);
    void load();
  }, [load]);

  return { data, cachedAt, loading, error, gone, reload: load };
}
