import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import type { PatrolsDeps } from '../deps.js';

/** The grids and villages the caller may patrol (their scope's active small grids and villages), for the phone's start screen. */
export async function listPatrolAreas(deps: PatrolsDeps, actor: Actor) {
  authorize(actor, 'patrol.record');
  const ex = deps.database.db;
  const own = await deps.org.unit(ex, actor.unitId);
  if (!own) return [];
  const [grids, villages] = await Promise.all([
    deps.org.unitsUnder(ex, actor.districtCode, actor.scopePath, { kind: 'grid_small' }),
    deps.org.unitsUnder(ex, actor.districtCode, actor.scopePath, { kind: 'village' }),
  ]);
  const active = [
    ...grids.filter((g) => !g.retiredAt).map((g) => ({ id: g.id, name: g.name, kind: 'grid_small', path: g.path })),
    ...villages.filter((v) => !v.retiredAt).map((v) => ({ id: v.id, name: v.name, kind: 'village', path: v.path })),
  ];
  // A grid worker whose unit is a large grid or a grid itself patrols it.
  if ((own.kind === 'grid_large' || own.kind === 'grid_small') && !active.some((a) => a.id === own.id))
    active.unshift({ id: own.id, name: own.name, kind: own.kind, path: own.path });
  return active.slice(0, 300);
}
