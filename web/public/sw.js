/*
 * CivicGrid service worker: lets the console (above all the grid worker's phone page /m) open without
 * a network after one online visit.
 *
 * - Pages (navigations outside /api/): network first; offline, the cached index.html (the SPA shell).
 * - /assets/* (content-hashed by Vite): cache first, cached as they are fetched; on install, the
 *   entry files named in index.html, and whatever the page reports it has loaded already.
 * - GET /api/: network first. The account (/auth/me) and the public settings are kept so the shell
 *   knows who is signed in offline; photos (immutable by id) are kept for cases viewed before. The
 *   rest of the offline data is the page's own business (IndexedDB).
 * - Sign-in and sign-out clear the kept API answers; so does a 401.
 * Nothing else (POST, other origins, /open311/) is touched.
 */
const VERSION = 'v1';
const SHELL = `cg-shell-${VERSION}`;
const API = `cg-api-${VERSION}`;
const ASSET_LIMIT = 300;
const FILE_LIMIT = 400;

const KEEP_API = [/^\/api\/v1\/auth\/me$/, /^\/api\/v1\/settings\/public$/];
const FILES = /^\/api\/v1\/files\/[0-9a-f-]{36}(\/thumbnail)?$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      try {
        await cacheShell();
      } catch {
        // Offline install (should not happen): the next navigation caches the shell.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith('cg-') && n !== SHELL && n !== API).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

/** index.html and the scripts and styles it names. */
async function cacheShell() {
  const res = await fetch('/', { cache: 'no-store', credentials: 'same-origin' });
  if (!res.ok || !(res.headers.get('content-type') || '').includes('text/html')) return;
  const html = await res.clone().text();
  const cache = await caches.open(SHELL);
  await cache.put('/index.html', res);
  const urls = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
  await cacheAssets(urls);
}

async function cacheAssets(urls) {
  const cache = await caches.open(SHELL);
  for (const url of urls) {
    if (!url.startsWith('/assets/')) continue;
    if (await cache.match(url)) continue;
    try {
      const res = await fetch(url, { credentials: 'same-origin' });
      if (res.ok) await cache.put(url, res);
    } catch {
      // try again when it is next fetched
    }
  }
  await trim(SHELL, ASSET_LIMIT, (req) => new URL(req.url).pathname.startsWith('/assets/'));
}

/** Drops the oldest entries over `limit` (Cache keys keep insertion order). */
async function trim(name, limit, filter) {
  const cache = await caches.open(name);
  const keys = (await cache.keys()).filter(filter);
  for (const req of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(req);
}

async function clearApi() {
  await caches.delete(API);
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'cache-assets' && Array.isArray(data.urls)) {
    event.waitUntil(
      cacheAssets(
        data.urls
          .map((u) => new URL(u, self.location.origin))
          .filter((u) => u.origin === self.location.origin)
          .map((u) => u.pathname),
      ),
    );
  } else if (data.type === 'clear-api') {
    event.waitUntil(clearApi());
  }
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;

  if (req.method !== 'GET') {
    if (path === '/api/v1/auth/login' || path === '/api/v1/auth/logout') {
      event.respondWith(
        fetch(req).then(async (res) => {
          await clearApi();
          return res;
        }),
      );
    }
    return;
  }

  if (path.startsWith('/api/')) {
    if (FILES.test(path)) event.respondWith(cacheFirst(API, req, FILE_LIMIT));
    else if (KEEP_API.some((re) => re.test(path))) event.respondWith(networkFirstApi(req));
    return;
  }
  if (path.startsWith('/open311/') || path === '/healthz' || path === '/readyz') return;

  if (req.mode === 'navigate') {
    event.respondWith(navigation(req));
    return;
  }
  if (path.startsWith('/assets/')) {
    event.respondWith(cacheFirst(SHELL, req, ASSET_LIMIT));
  }
});

async function navigation(req) {
  try {
    const res = await fetch(req);
    if (res.ok && (res.headers.get('content-type') || '').includes('text/html')) {
      const copy = res.clone();
      caches
        .open(SHELL)
        .then((c) => c.put('/index.html', copy))
        .catch(() => undefined);
    }
    return res;
  } catch (err) {
    const cached = await caches.match('/index.html', { cacheName: SHELL });
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(name, req, limit) {
  const cache = await caches.open(name);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && res.type === 'basic') {
    await cache.put(req, res.clone());
    const kind = new URL(req.url).pathname.startsWith('/assets/')
      ? (p) => p.startsWith('/assets/')
      : (p) => FILES.test(p);
    trim(name, limit, (r) => kind(new URL(r.url).pathname)).catch(() => undefined);
  }
  return res;
}

async function networkFirstApi(req) {
  const cache = await caches.open(API);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    else if (res.status === 401) await clearApi();
    return res;
  } catch (err) {
    const cached = await cache.match(req);
    if (cached) return cached;
    throw err;
  }
}
