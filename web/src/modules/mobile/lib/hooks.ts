import { useCallback, useEffect, useRef, useState } from 'react';
import { isSending, listOutbox, listSent, onOutboxChange, type GpsFix, type OutboxItem, type SentItem } from './outbox';

/** navigator.onLine, kept current by the online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export interface OutboxView {
  items: OutboxItem[];
  sent: SentItem[];
  sending: boolean;
  loaded: boolean;
  /** Items the server refused (shown in red, need the user). */
  rejected: number;
}

/** The account's outbox and recently sent items, live. */
export function useOutbox(accountId: string): OutboxView {
  const [view, setView] = useState<OutboxView>({ items: [], sent: [], sending: false, loaded: false, rejected: 0 });
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      try {
        const [items, sent] = await Promise.all([listOutbox(accountId), listSent(accountId)]);
        if (alive)
          setView({
            items,
            sent,
            sending: isSending(),
            loaded: true,
            rejected: items.filter((i) => i.state === 'rejected').length,
          });
      } catch {
        if (alive) setView((v) => ({ ...v, loaded: true }));
      }
    };
    void refresh();
    const off = onOutboxChange(() => void refresh());
    return () => {
      alive = false;
      off();
    };
  }, [accountId]);
  return view;
}

export type GpsState = 'idle' | 'locating' | 'ok' | 'error';

export interface Gps {
  state: GpsState;
  fix: GpsFix | null;
  error: string | null;
  locate(): void;
  clear(): void;
}

/** Good enough to stop refining. */
const GOOD_ACCURACY_M = 20;
const REFINE_MS = 15_000;

function gpsErrorText(e: GeolocationPositionError): string {
  if (e.code === e.PERMISSION_DENIED) return '定位权限被拒绝，请在手机设置中允许浏览器使用位置信息';
  if (e.code === e.POSITION_UNAVAILABLE) return '暂时无法获取位置，请到开阔处或打开手机 GPS 后重试';
  if (e.code === e.TIMEOUT) return '定位超时，请到开阔处后重试';
  return e.message || '定位失败';
}

/**
 * The phone's position (WGS-84 from navigator.geolocation), refined for up to 15 s until it is
 * within 20 m; the best fix so far is shown while it refines.
 */
export function useGps(auto: boolean): Gps {
  const [state, setState] = useState<GpsState>('idle');
  const [fix, setFix] = useState<GpsFix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const watch = useRef<number | null>(null);
  const timer = useRef<number | null>(null);

  const stop = useCallback(() => {
    if (watch.current !== null) navigator.geolocation.clearWatch(watch.current);
    if (timer.current !== null) window.clearTimeout(timer.current);
    watch.current = null;
    timer.current = null;
  }, []);

  const locate = useCallback(() => {
    stop();
    setError(null);
    if (!('geolocation' in navigator)) {
      setState('error');
      setError('此浏览器不支持定位');
      return;
    }
    if (!window.isSecureContext) {
      setState('error');
      setError('定位需要通过 HTTPS 访问本系统');
      return;
    }
    setState('locating');
    let best: GpsFix | null = null;
    watch.current = navigator.geolocation.watchPosition(
      (pos) => {
        const f: GpsFix = {
          lng: Number(pos.coords.longitude.toFixed(7)),
          lat: Number(pos.coords.latitude.toFixed(7)),
          accuracy: Math.round(pos.coords.accuracy),
          at: pos.timestamp || Date.now(),
        };
        if (!best || f.accuracy <= best.accuracy) {
          best = f;
          setFix(f);
        }
        if (f.accuracy <= GOOD_ACCURACY_M) {
          stop();
          setState('ok');
        }
      },
      (e) => {
        if (best) {
          stop();
          setState('ok');
          return;
        }
        stop();
        setState('error');
        setError(gpsErrorText(e));
      },
      { enableHighAccuracy: true, timeout: REFINE_MS, maximumAge: 10_000 },
    );
    timer.current = window.setTimeout(() => {
      stop();
      if (best) setState('ok');
      else {
        setState('error');
        setError('定位超时，请到开阔处后重试');
      }
    }, REFINE_MS + 1000);
  }, [stop]);

  const clear = useCallback(() => {
    stop();
    setFix(null);
    setError(null);
    setState('idle');
  }, [stop]);

  useEffect(() => {
    if (auto) locate();
    return stop;
  }, [auto, locate, stop]);

  return { state, fix, error, locate, clear };
}
