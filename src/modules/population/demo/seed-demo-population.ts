import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import { createPeopleGenerator, seededRandom } from '../../../kernel/demo/synthetic-names.js';
import type { HouseholdRelation, ResidenceKind, VisitResult } from '../../../contracts/population.js';
import { createHousehold } from '../commands/create-household.js';
import { createBuilding } from '../commands/create-building.js';
import { createResident } from '../commands/create-resident.js';
import { createRound } from '../commands/create-round.js';
import { recordVisit } from '../commands/record-visit.js';
import type { PopulationDeps } from '../deps.js';
import { idCheckChar } from '../domain/id-number.js';

/** The communities the demo fills (where the demo grid workers work), with a street name each. */
const DEMO_COMMUNITIES = [
  { name: '德化社区', street: '德化街', account: 'dehua', worker: 'wgy_dehua' },
  { name: '朱庄社区', street: '朱庄路', account: 'zhuzhuang', worker: 'wgy_zhuzhuang' },
];
const GRIDS_PER_COMMUNITY = 3;
const BUILDINGS_PER_GRID = 2;
const DOORS_PER_BUILDING = 6;
/** 川汇区's GB/T 2260 code: demo ID numbers are of people registered here. */
const REGION = '411602';

/** A point inside a grid: drawn in its bounding box until the locator puts it in that grid. */
async function pointIn(
  deps: PopulationDeps,
  ex: Executor,
  grid: { id: string; geometry: string },
  rnd: () => number,
): Promise<{ lng: number; lat: number } | null> {
  const coords: number[][] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v) && typeof v[0] === 'number') coords.push(v as number[]);
    else if (Array.isArray(v)) v.forEach(walk);
  };
  walk((JSON.parse(grid.geometry) as { coordinates: unknown }).coordinates);
  const xs = coords.map((c) => c[0]!);
  const ys = coords.map((c) => c[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let i = 0; i < 60; i++) {
    const lng = x0 + rnd() * (x1 - x0);
    const lat = y0 + rnd() * (y1 - y0);
    if ((await deps.org.locate(ex, lng, lat)).grid?.id === grid.id) return { lng, lat };
  }
  return null;
}

function idNumber(rnd: () => number, birth: Date, male: boolean): string {
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const seq = Math.floor(rnd() * 50) * 2 + (male ? 1 : 0);
  const body = `${REGION}${ymd}${String(Math.floor(rnd() * 9) + 1)}${String(seq).padStart(2, '0')}`;
  return body + idCheckChar(body);
}

/**
 * The demo's people and places: buildings and households on the first grids of 德化社区 and 朱庄社区
 * (points inside each grid), 2–4 synthetic residents a household with valid ID numbers, a 敲门行动
 * over 德化社区 that is half done, and one merge review waiting (the same ID number, another name).
 */
export async function seedDemoPopulation(deps: PopulationDeps, now: Date): Promise<Record<string, number>> {
  const db = deps.database.db;
  const rnd = seededRandom(7_411_602);
  const people = createPeopleGenerator(20_261_207);
  const districtCode = (await deps.org.actorFor(db, 'admin')).districtCode;
  const counts = { buildings: 0, households: 0, residents: 0, visits: 0, reviews: 0 };
  const clock = { now: () => now };
  const d = { ...deps, clock };
  const firstHouseholds: { id: string; gridId: string; members: string[] }[] = [];
  let reviewSource: { idNumber: string; name: string; householdId: string } | null = null;

  for (const c of DEMO_COMMUNITIES) {
    const community = await deps.org.unitByName(db, districtCode, c.name);
    if (!community) continue;
    const actor = await deps.org.actorFor(db, c.account);
    const grids = (await deps.org.gridsWithBoundaries(db, community.path)).slice(0, GRIDS_PER_COMMUNITY);
    let courtyard = 1;
    for (const [gi, grid] of grids.entries()) {
      for (let b = 1; b <= BUILDINGS_PER_GRID; b++) {
        const at = await pointIn(deps, db, grid, rnd);
        const bname = `${c.street}${courtyard}号院${b}号楼`;
        const building = await createBuilding(d, actor, { name: bname, gridId: grid.id, location: at });
        counts.buildings++;
        for (let door = 0; door < DOORS_PER_BUILDING; door++) {
          const unitNo = Math.floor(door / 3) + 1;
          const room = `${(door % 3) + 1}0${unitNo}`;
          const h = await createHousehold(d, actor, {
            address: `${bname}${unitNo}单元${room}`,
            buildingId: building.row.id,
            gridId: grid.id,
            location: at ? { lng: at.lng + (rnd() - 0.5) * 0.0002, lat: at.lat + (rnd() - 0.5) * 0.0002 } : null,
          }).catch(() =>
            // A jittered point that left the grid: the household keeps to its grid without a point.
            createHousehold(d, actor, {
              address: `${bname}${unitNo}单元${room}`,
              buildingId: building.row.id,
              gridId: grid.id,
            }),
          );
          counts.households++;
          const size = 1 + Math.floor(rnd() * 4);
          const members: string[] = [];
          for (let m = 0; m < size; m++) {
            const person = people.next();
            const relation: HouseholdRelation =
              m === 0 ? 'head' : m === 1 ? 'spouse' : rnd() < 0.7 ? 'child' : 'parent';
            const age = relation === 'child' ? 3 + Math.floor(rnd() * 30) : 30 + Math.floor(rnd() * 55);
            const birth = new Date(now.getTime() - (age * 365.25 + rnd() * 300) * 86_400_000);
            const id = idNumber(rnd, birth, rnd() < 0.5);
            const tags =
              age >= 70 && rnd() < 0.5
                ? ['left_behind_elderly']
                : rnd() < 0.06
                  ? ['subsistence']
                  : rnd() < 0.04
                    ? ['disabled']
                    : [];
            const kind: ResidenceKind = rnd() < 0.75 ? 'registered' : rnd() < 0.6 ? 'resident' : 'floating';
            const r = await createResident(d, actor, {
              name: person.name,
              idNumber: id,
              phone: m < 2 ? person.mobile : null,
              householdId: h.row.id,
              relation,
              residenceKind: kind,
              tags,
            });
            members.push(r.residentId);
            counts.residents++;
            if (!reviewSource && gi === 1 && c.name === '德化社区')
              reviewSource = { idNumber: id, name: person.name, householdId: h.row.id };
          }
          if (c.name === '德化社区') firstHouseholds.push({ id: h.row.id, gridId: grid.id, members });
        }
        courtyard++;
      }
    }
  }

  // 敲门行动 over 德化社区: opened three days ago, about half the doors knocked on so far.
  const dehua = await deps.org.unitByName(db, districtCode, '德化社区');
  if (dehua && firstHouseholds.length) {
    const manager = await deps.org.actorFor(db, 'dehua');
    const worker = await deps.org.actorFor(db, 'wgy_dehua');
    const today = localDateOf(now);
    const day = (k: number) => localDateOf(new Date(now.getTime() + k * 86_400_000));
    const round = await createRound(d, manager, {
      name: '冬季入户走访（敲门行动）',
      scopeUnitId: dehua.id,
      startsOn: day(-3),
      endsOn: day(4),
      note: '不漏一户、不落一人：核实常住人口和留守老人情况',
    });
    const results: VisitResult[] = ['verified', 'verified', 'verified', 'absent', 'vacant', 'verified'];
    for (const [i, h] of firstHouseholds.entries()) {
      if (rnd() > 0.55) continue;
      const result = results[i % results.length]!;
      const visitedAt = new Date(now.getTime() - (1 + rnd() * 60) * 60 * 60_000);
      if (localDateOf(visitedAt) < round.starts_on || localDateOf(visitedAt) > today) continue;
      // The grid worker knocks in their own grid; the community's staff in the others.
      await recordVisit(d, h.gridId === worker.unitId ? worker : manager, round.id, {
        householdId: h.id,
        result,
        presentResidentIds: result === 'verified' ? h.members.slice(0, 1) : [],
        visitedAt: visitedAt.toISOString(),
      });
      counts.visits++;
    }
  }

  // The same person entered again by another hand with a mistyped name: a review waits.
  if (reviewSource) {
    const src = reviewSource as { idNumber: string; name: string; householdId: string };
    const actor = await deps.org.actorFor(db, 'dehua');
    const typo = src.name.slice(0, -1) + (src.name.endsWith('华') ? '化' : '华');
    const r = await createResident(d, actor, {
      name: typo,
      idNumber: src.idNumber,
      householdId: src.householdId,
      residenceKind: 'registered',
      tags: [],
    }).catch(() => null);
    if (r?.outcome === 'review') counts.reviews++;
  }
  return counts;
}
