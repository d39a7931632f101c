import { useEffect, useState } from 'react';

/**
 * One EventSource on /insights/wall/stream for the page's life: each `changed` push bumps the key the
 * wall's queries depend on. EventSource reconnects by itself after a server restart (the stream sets
 * `retry: 3000`); a reconnect also bumps the key, since changes may have been missed meanwhile.
 */
export function useWallStream(): { refreshKey: number; connected: boolean } {
  const [refreshKey, setKey] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const es = new EventSource('/api/v1/insights/wall/stream', { withCredentials: true });
    let opened = false;
    const bump = () => setKey((k) => k + 1);
    es.onopen = () => {
      setConnected(true);
      if (opened) bump();
      opened = true;
    };
    es.onerror = () => setConnected(false);
    es.addEventListener('changed', bump);
    return () => {
      es.removeEventListener('changed', bump);
      es.close();
    };
  }, []);
  return { refreshKey, connected };
}
