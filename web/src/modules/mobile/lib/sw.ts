/// <reference types="vite/client" />
/**
 * Registers /sw.js (web/public/sw.js, root scope) from the phone page, and tells it which built
 * files this page has loaded, so the next visit opens offline.
 */

let registered = false;

/** The /assets/ files loaded so far (entry, lazy chunks, styles). */
function loadedAssets(): string[] {
  if (typeof performance === 'undefined' || !performance.getEntriesByType) return [];
  const urls = new Set<string>();
  for (const e of performance.getEntriesByType('resource')) {
    try {
      const u = new URL(e.name);
      if (u.origin === location.origin && u.pathname.startsWith('/assets/')) urls.add(u.pathname);
    } catch {
      // not a URL
    }
  }
  for (const el of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[href]')) {
    const raw = el instanceof HTMLScriptElement ? el.src : el.href;
    try {
      const u = new URL(raw, location.href);
      if (u.origin === location.origin && u.pathname.startsWith('/assets/')) urls.add(u.pathname);
    } catch {
      // ignore
    }
  }
  return [...urls];
}

/** Asks the active worker to keep what the page has loaded (call after lazy parts have loaded). */
export function reportLoadedAssets(): void {
  if (!('serviceWorker' in navigator)) return;
  const ctl = navigator.serviceWorker.controller;
  if (ctl) ctl.postMessage({ type: 'cache-assets', urls: loadedAssets() });
}

/** Fetched through the worker, so it keeps a copy of who is signed in for an offline start. */
function warm() {
  reportLoadedAssets();
  void fetch('/api/v1/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(
    () => undefined,
  );
  void fetch('/api/v1/settings/public', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(
    () => undefined,
  );
}

export function registerServiceWorker(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  navigator.serviceWorker.addEventListener('controllerchange', warm);
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => {
      if (navigator.serviceWorker.controller) warm();
    })
    .catch(() => undefined);
}

/** Sign-out: the worker drops the kept account and photos (it also does so on the logout request). */
export function clearServiceWorkerApiCache(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: 'clear-api' });
}
