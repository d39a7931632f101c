import { addDays, localDateOf } from '../../../kernel/calendar/dates.js';
import { seededRandom } from '../../../kernel/demo/synthetic-names.js';
import type { BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { bbox } from '../../../kernel/geo/geojson.js';
import { endPatrol } from '../commands/end-patrol.js';
import { recordTrack } from '../commands/record-track.js';
import { startPatrol } from '../commands/start-patrol.js';
import type { PatrolsDeps } from '../deps.js';

/** 08:30 + `hour` hours of a day in Shanghai, as an instant. */
const at = (day: string, hour: number) => new Date(Date.parse(`${day}T00:30:00Z`) + hour * 3_600_000);

/** A loop walked around the middle of a grid, one fix every 15 s, a little GPS noise. */
export function demoWalk(geometry: BoundaryGeometry, start: Date, points: number, random: () => number) {
  const [w, s, e, n] = bbox(geometry);
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const rx = (e - w) * 0.3;
  const ry = (n - s) * 0.3;
  const phase = random() * Math.PI * 2;
  return Array.from({ length: points }, (_, i) => {
    const a = phase + (i / points) * Math.PI * 2;
    return {
      lng: cx + rx * Math.cos(a) + (random() - 0.5) * 0.00008,
      lat: cy + ry * Math.sin(a) + (random() - 0.5) * 0.00008,
      at: new Date(start.getTime() + i * 15_000).toISOString(),
    };
  });
}

/** How long before start-up the demo's patrol under way began. */
export const DEMO_ACTIVE_MINUTES = 6;

/**
 * The demo's patrols over the last five days: the grid workers of 德化 and 朱庄 walk their grid every
 * morning (some afternoons too), 德化社区's cadre walks two grids with a volunteer on two days, and
 * a patrol of wgy_dehua begun a few minutes before start-up is still under way (the phone's active-patrol
 * screen has one).
 */
export async function seedDemoPatrols(deps: PatrolsDeps, now: Date): Promise<Record<string, number>> {
  const db = deps.database.db;
  const random = seededRandom(20261208);
  const today = localDateOf(now);
  const counts = { patrols: 0, trackPoints: 0 };
  const plans: { who: string; grids: 'own' | 'two'; day: number; hour: number; companions: string[] }[] = [];
  for (let d = -5; d <= -1; d++) {
    plans.push({ who: 'wgy_dehua', grids: 'own', day: d, hour: 0.5, companions: [] });
    plans.push({ who: 'wgy_zhuzhuang', grids: 'own', day: d, hour: 1, companions: [] });
    if (d % 2 === 0) plans.push({ who: 'wgy_dehua', grids: 'own', day: d, hour: 6, companions: ['青年志愿者'] });
  }
  plans.push({ who: 'dehua', grids: 'two', day: -4, hour: 1.5, companions: ['青年志愿者', '楼栋长'] });
  plans.push({ who: 'dehua', grids: 'two', day: -2, hour: 1.5, companions: ['青年志愿者'] });
  for (const p of plans) {
    const actor = await deps.org.actorFor(db, p.who);
    const own = await deps.org.unit(db, actor.unitId);
    if (!own) continue;
    const grids =
      p.grids === 'own'
        ? [own]
        : (await deps.org.unitsUnder(db, actor.districtCode, actor.scopePath, { kind: 'grid_small' }))
            .filter((g) => !g.retiredAt)
            .slice(0, 2);
    const shapes = await Promise.all(grids.map((g) => deps.org.boundary(db, g.id)));
    if (grids.length === 0 || shapes.some((s) => !s)) continue;
    const day = addDays(today, p.day);
    const startedAt = at(day, p.hour);
    const track = shapes.flatMap((s, i) =>
      demoWalk(JSON.parse(s!.geometry) as BoundaryGeometry, new Date(startedAt.getTime() + i * 1_800_000), 120, random),
    );
    const endedAt = new Date(Date.parse(track.at(-1)!.at) + 60_000);
    const clocked = { ...deps, clock: { now: () => new Date(endedAt.getTime() + 60_000) } };
    const { patrol } = await startPatrol(clocked, actor, {
      kind: 'grid',
      gridIds: grids.map((g) => g.id),
      startedAt: startedAt.toISOString(),
      companions: p.companions.map((name) => ({ name })),
    });
    await endPatrol(clocked, actor, patrol.id, { endedAt: endedAt.toISOString(), points: track });
    counts.patrols++;
    counts.trackPoints += track.length;
  }
  // Under way: started a few minutes before start-up (not hours: a fresh demo should show a patrol
  // plausibly still being walked), never before the start of today; the points so far.
  const actor = await deps.org.actorFor(db, 'wgy_dehua');
  const own = await deps.org.boundary(db, actor.unitId);
  if (own) {
    const startedAt = new Date(
      Math.max(now.getTime() - DEMO_ACTIVE_MINUTES * 60_000, Date.parse(`${today}T00:00:00+08:00`)),
    );
    const { patrol } = await startPatrol(deps, actor, {
      kind: 'grid',
      gridIds: [actor.unitId],
      startedAt: startedAt.toISOString(),
      companions: [],
    });
    const walk = demoWalk(JSON.parse(own.geometry) as BoundaryGeometry, startedAt, 40, random).filter(
      (x) => Date.parse(x.at) <= now.getTime(),
    );
    if (walk.length) await recordTrack(deps, actor, patrol.id, { points: walk });
    counts.patrols++;
  }
  return counts;
}
