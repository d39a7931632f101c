import type { Actor } from '../../../kernel/auth/actor.js';
import type { Crs } from '../../../kernel/geo/crs.js';
import { toWgs84 } from '../../../kernel/geo/crs.js';
import { Invalid } from '../../../kernel/errors.js';
import { canSee, stateFromJson } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';
import { toCaseActor } from './case-context.js';

/** Equirectangular distance in metres: exact enough within a district. */
function metres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const k = Math.PI / 180;
  const x = (b.lng - a.lng) * k * Math.cos(((a.lat + b.lat) / 2) * k);
  const y = (b.lat - a.lat) * k;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

/** Up to five open cases of the same category within the category's radius, nearest first. */
export async function findDuplicates(
  deps: CasesDeps,
  actor: Actor,
  input: { categoryCode: string; lng: number; lat: number; crs?: Crs },
) {
  const db = deps.database.db;
  const cat = await caseStore.category(db, actor.districtCode, input.categoryCode);
  if (!cat)
    throw new Invalid('case.unknown_category', `category ${input.categoryCode} does not exist`, [
      { field: 'categoryCode', code: 'category.missing', message: 'no such category' },
    ]);
  const [lng, lat] = toWgs84(input.lng, input.lat, input.crs ?? 'wgs84');
  const r = cat.duplicate_radius_m;
  const dLat = r / 111_320;
  const dLng = r / (111_320 * Math.cos((lat * Math.PI) / 180));
  const near = await caseStore.openNear(db, cat.code, lng, lat, dLng, dLat);
  const actorC = toCaseActor(actor);
  const hits = near
    .filter((c) => canSee(actorC, stateFromJson(c.state)))
    .map((c) => ({ c, d: metres({ lng, lat }, { lng: c.lng!, lat: c.lat! }) }))
    .filter((x) => x.d <= r)
    .sort((a, b) => a.d - b.d)
    .slice(0, 5);
  return {
    radiusM: r,
    items: hits.map(({ c, d }) => ({
      id: c.id,
      caseNumber: c.case_number,
      description: c.description,
      distanceM: Math.round(d),
      status: c.status,
      reportedAt: c.reported_at,
    })),
  };
}
