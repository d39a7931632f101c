/**
 * What several e2e step files need alike: a JSON GET that fails loudly, a point the server itself
 * places in a grid, and a JPEG "photo" (with the GPS position in its EXIF when asked, as a phone
 * camera writes it).
 */
import type { APIRequestContext, Page } from 'playwright-core';
import sharp from 'sharp';

export async function getJson<T>(req: APIRequestContext, url: string): Promise<T> {
  const res = await req.get(url);
  if (!res.ok()) throw new Error(`GET ${url} → HTTP ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** A point the server itself places in the grid (tries the bounding box's centre and a 4×4 lattice). */
export async function pointInGrid(req: APIRequestContext, gridId: string): Promise<{ lng: number; lat: number }> {
  const feature = await getJson<{ geometry: { type: string; coordinates: unknown } }>(
    req,
    `/api/v1/units/${gridId}/boundary`,
  );
  const ring =
    feature.geometry.type === 'Polygon'
      ? (feature.geometry.coordinates as number[][][])[0]
      : (feature.geometry.coordinates as number[][][][])[0][0];
  const xs = ring.map((c) => c[0]);
  const ys = ring.map((c) => c[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const candidates = [{ lng: (minX + maxX) / 2, lat: (minY + maxY) / 2 }];
  for (let i = 1; i < 5; i++)
    for (let j = 1; j < 5; j++)
      candidates.push({ lng: minX + ((maxX - minX) * i) / 5, lat: minY + ((maxY - minY) * j) / 5 });
  for (const c of candidates) {
    const p = { lng: Number(c.lng.toFixed(6)), lat: Number(c.lat.toFixed(6)) };
    const r = await getJson<{ found: boolean; grid: { id: string } | null }>(
      req,
      `/api/v1/grids/locate?lng=${p.lng}&lat=${p.lat}&crs=wgs84`,
    );
    if (r.found && r.grid?.id === gridId) return p;
  }
  throw new Error(`no point of grid ${gridId} is located in it`);
}

/** Degrees → EXIF rational "d/1 m/1 s/10000". */
function dms(v: number): string {
  const d = Math.floor(v);
  const m = Math.floor((v - d) * 60);
  const s = Math.round(((v - d) * 60 - m) * 60 * 10000);
  return `${d}/1 ${m}/1 ${s}/10000`;
}

/** A JPEG "photo" (a drawn rubbish heap under `label`); with `gps`, the position is in its EXIF. */
export async function photo(label: string, gps: { lng: number; lat: number } | null = null): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="#b8c4a8"/><rect y="380" width="800" height="220" fill="#8d8d86"/>
    <ellipse cx="400" cy="420" rx="190" ry="70" fill="#5b4a33"/><rect x="330" y="330" width="80" height="70" fill="#2f6db5"/>
    <rect x="430" y="350" width="60" height="50" fill="#d04a2f"/>
    <text x="400" y="120" font-size="54" font-family="sans-serif" text-anchor="middle" fill="#1f2d3d">${label}</text></svg>`;
  let img = sharp(Buffer.from(svg)).jpeg({ quality: 80 });
  if (gps) {
    img = img.withExif({
      IFD0: { Make: 'CivicGrid', Model: 'e2e camera' },
      IFD3: {
        GPSLatitudeRef: gps.lat >= 0 ? 'N' : 'S',
        GPSLatitude: dms(Math.abs(gps.lat)),
        GPSLongitudeRef: gps.lng >= 0 ? 'E' : 'W',
        GPSLongitude: dms(Math.abs(gps.lng)),
      },
    });
  }
  return img.toBuffer();
}

/**
 * Waits until the service worker controls the phone page and keeps index.html, the account and every
 * built file the page has loaded (then an offline reload works). Polled from Node: Playwright's
 * `waitForFunction` takes a returned Promise as truthy at once, so an async check there never waits
 * (that let an offline reload race the worker's install on a busy machine).
 */
export async function waitForOfflineShell(p: Page) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await p.evaluate(async () => {
      if (!navigator.serviceWorker?.controller) return false;
      const loaded = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'))
        .map((u) => u.pathname);
      const names = await caches.keys();
      const shell = names.find((n) => n.startsWith('cg-shell-'));
      if (!shell) return false;
      const have = new Set((await (await caches.open(shell)).keys()).map((r) => new URL(r.url).pathname));
      const api = names.find((n) => n.startsWith('cg-api-'));
      const meKept = api ? !!(await (await caches.open(api)).match('/api/v1/auth/me')) : false;
      return meKept && have.has('/index.html') && loaded.length > 0 && loaded.every((n) => have.has(n));
    });
    if (ready) return;
    if (Date.now() >= deadline)
      throw new Error('the service worker did not take the page and keep its shell within 30 s');
    await p.waitForTimeout(500);
  }
}
