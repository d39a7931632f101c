import { GIVEN_CHARACTERS, isBlockedName, SURNAMES } from '../src/kernel/demo/synthetic-names.js';
import type { HouseholdRelation, ResidenceKind, VisitResult } from '../src/contracts/population.js';
import {
  applyVisit,
  foldCoverage,
  type CoverageCounts,
  type HouseholdRoundState,
} from '../src/modules/population/domain/coverage.js';
import { checkIdNumber, idCheckChar } from '../src/modules/population/domain/id-number.js';
import { uuidAt } from './ledger-district.js';
import { seeded } from './ledger-lifecycles.js';
import { STREETS } from './ledger-words.js';

/*
 * The people bench's synthetic district: buildings (楼栋), households (户) and residents (人) on every
 * small grid, and one door-knocking round's visits with each visited household's state in the round,
 * as recordVisit writes them (the state folded with the domain's applyVisit). Streamed grid by grid;
 * each batch carries the coverage the domain's foldCoverage gives for the grid, the answer the
 * commands are checked against.
 */

export const BUILDING_COLUMNS = [
  'id',
  'district_code',
  'grid_id',
  'grid_path',
  'name',
  'address',
  'lng',
  'lat',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export const HOUSEHOLD_COLUMNS = [
  'id',
  'district_code',
  'grid_id',
  'grid_path',
  'building_id',
  'address',
  'note',
  'lng',
  'lat',
  'status',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export const RESIDENT_COLUMNS = [
  'id',
  'district_code',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'phone',
  'household_id',
  'relation',
  'grid_id',
  'grid_path',
  'residence_kind',
  'tags',
  'status',
  'note',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export const VISIT_COLUMNS = [
  'id',
  'round_id',
  'household_id',
  'grid_id',
  'grid_path',
  'result',
  'visited_at',
  'visitor_id',
  'visitor_name',
  'present',
  'added',
  'gone',
  'photo_ids',
  'note',
  'created_at',
] as const;
export const STATE_COLUMNS = [
  'round_id',
  'household_id',
  'grid_id',
  'visits',
  'verified',
  'absent_only',
  'last_result',
  'last_visited_at',
] as const;

export const PEOPLE_TABLES = {
  pop_buildings: BUILDING_COLUMNS,
  pop_households: HOUSEHOLD_COLUMNS,
  pop_residents: RESIDENT_COLUMNS,
  pop_visits: VISIT_COLUMNS,
  pop_round_households: STATE_COLUMNS,
} as const;
export type PeopleTable = keyof typeof PEOPLE_TABLES;

export interface PeopleGrid {
  id: string;
  path: string;
  subdistrictId: string;
  communityId: string;
  /** Points inside the grid, [lng, lat, lng, lat, …]. */
  points: number[];
  worker: { accountId: string; displayName: string };
}

export interface GridBatch {
  grid: PeopleGrid;
  rows: Record<PeopleTable, unknown[][]>;
  /** The grid's coverage in the round, folded by the domain over its active households. */
  truth: CoverageCounts;
  /** A few residents' names, for the searches. */
  names: string[];
}

const DAY = 86_400_000;
/** A household's size is 1 + extras; never more than this. */
const MAX_MEMBERS = 7;
/** Share of households in a building (the rest are 平房 with a street number). */
const IN_BUILDINGS = 0.75;
const RETIRED = 0.005;
/** Registered here (411602) mostly; 流动人口 from elsewhere in 河南. */
const REGIONS = ['411602', '411602', '411602', '411621', '411623', '411625', '411628', '410102', '410305', '411702'];

export function* generateGrids(opts: {
  grids: readonly PeopleGrid[];
  households: number;
  residents: number;
  districtCode: string;
  roundId: string;
  /** Visits fall between these instants. */
  visitsFrom: number;
  visitsTo: number;
  visitedShare: number;
  now: Date;
  seed?: number;
}): Generator<GridBatch> {
  const rnd = seeded(opts.seed ?? 20261207);
  const pick = <T>(xs: ArrayLike<T>): T => xs[Math.floor(rnd() * xs.length)]!;
  const nowMs = opts.now.getTime();
  const today = opts.now.toISOString().slice(0, 10);
  const idNumbers = new Set<string>();

  // Households per grid: uneven (weights 0.6–1.4), summing exactly to the total; residents in proportion.
  const weights = opts.grids.map(() => 0.6 + 0.8 * rnd());
  const wSum = weights.reduce((s, w) => s + w, 0);
  let wAcc = 0;
  const cumH: number[] = [0];
  for (const w of weights) cumH.push(Math.round(((wAcc += w) / wSum) * opts.households));
  const cumR = cumH.map((h) => Math.round((h / opts.households) * opts.residents));

  const name = (): string => {
    for (;;) {
      const n = pick(SURNAMES) + pick(GIVEN_CHARACTERS) + (rnd() < 0.2 ? '' : pick(GIVEN_CHARACTERS));
      if (!isBlockedName(n)) return n;
    }
  };
  const idNumber = (region: string, birth: string, male: boolean): string => {
    for (;;) {
      const seq = Math.floor(rnd() * 50) * 2 + (male ? 1 : 0);
      const body = `${region}${birth.replaceAll('-', '')}${Math.floor(rnd() * 9) + 1}${String(seq).padStart(2, '0')}`;
      const id = body + idCheckChar(body);
      if (idNumbers.has(id)) continue;
      idNumbers.add(id);
      const check = checkIdNumber(id, today);
      if (!check.ok || check.birthDate !== birth || check.sex !== (male ? 'male' : 'female'))
        throw new Error(`bench/people: generated an ID number the domain refuses: ${id}`);
      return id;
    }
  };
  const birthOf = (age: number): string =>
    new Date(nowMs - (age * 365.25 + rnd() * 360) * DAY).toISOString().slice(0, 10);

  for (const [gi, grid] of opts.grids.entries()) {
    const rows: Record<PeopleTable, unknown[][]> = {
      pop_buildings: [],
      pop_households: [],
      pop_residents: [],
      pop_visits: [],
      pop_round_households: [],
    };
    const street = STREETS[gi % STREETS.length]!;
    const nH = cumH[gi + 1]! - cumH[gi]!;
    const nR = cumR[gi + 1]! - cumR[gi]!;
    const point = () => {
      const k = Math.floor(rnd() * (grid.points.length / 2));
      return [grid.points[2 * k]!, grid.points[2 * k + 1]!];
    };
    const createdMs = nowMs - (200 + rnd() * 150) * DAY;
    const iso = new Date(createdMs).toISOString();
    const by = grid.worker.accountId;

    // Buildings of 2 units × 5–7 floors × 2 doors, then 平房 along the street.
    const households: { id: string; active: boolean; members: string[] }[] = [];
    const courtyard0 = 1 + Math.floor(rnd() * 20);
    let msAt = createdMs;
    for (let b = 0; households.length < Math.round(nH * IN_BUILDINGS); b++) {
      const bId = uuidAt(msAt++);
      const courtyard = courtyard0 + Math.floor(b / 3);
      const bName = `${street}${courtyard}号院${(b % 3) + 1}号楼`;
      const [lng, lat] = point();
      rows.pop_buildings.push([
        bId,
        opts.districtCode,
        grid.id,
        grid.path,
        bName,
        `${street}${courtyard}号`,
        lng,
        lat,
        by,
        iso,
        iso,
      ]);
      const floors = 5 + Math.floor(rnd() * 3);
      for (let u = 1; u <= 2; u++)
        for (let f = 1; f <= floors; f++)
          for (let d = 1; d <= 2; d++) {
            if (households.length >= Math.round(nH * IN_BUILDINGS)) continue;
            const hId = uuidAt(msAt++);
            const active = rnd() >= RETIRED;
            households.push({ id: hId, active, members: [] });
            rows.pop_households.push([
              hId,
              opts.districtCode,
              grid.id,
              grid.path,
              bId,
              `${bName}${u}单元${f}0${d}`,
              null,
              lng,
              lat,
              active ? 'active' : 'retired',
              by,
              iso,
              iso,
            ]);
          }
    }
    for (let door = 1; households.length < nH; door++) {
      const hId = uuidAt(msAt++);
      const active = rnd() >= RETIRED;
      const [lng, lat] = point();
      households.push({ id: hId, active, members: [] });
      rows.pop_households.push([
        hId,
        opts.districtCode,
        grid.id,
        grid.path,
        null,
        `${street}${200 + courtyard0 + door}号`,
        null,
        lng,
        lat,
        active ? 'active' : 'retired',
        by,
        iso,
        iso,
      ]);
    }

    // Residents: one per household, the rest spread at random (sizes about 1–6).
    const sizes = households.map(() => 1);
    for (let extra = nR - nH; extra > 0;) {
      const k = Math.floor(rnd() * nH);
      if (sizes[k]! < MAX_MEMBERS) {
        sizes[k]!++;
        extra--;
      }
    }
    const names: string[] = [];
    for (const [hi, h] of households.entries()) {
      const floating = rnd() < 0.12;
      for (let m = 0; m < sizes[hi]!; m++) {
        const relation: HouseholdRelation =
          m === 0 ? 'head' : m === 1 ? 'spouse' : pick(['child', 'child', 'child', 'parent', 'grandchild', 'other']);
        const age =
          relation === 'child'
            ? 1 + Math.floor(rnd() * 35)
            : relation === 'grandchild'
              ? Math.floor(rnd() * 15)
              : relation === 'parent'
                ? 55 + Math.floor(rnd() * 35)
                : 22 + Math.floor(rnd() * 65);
        const male = m === 0 ? rnd() < 0.7 : m === 1 ? false : rnd() < 0.5;
        const birth = birthOf(age);
        const kind: ResidenceKind = floating ? 'floating' : rnd() < 0.8 ? 'registered' : 'resident';
        const region = kind === 'floating' ? pick(REGIONS.slice(3)) : pick(REGIONS.slice(0, 5));
        const idNo = rnd() < 0.01 ? null : idNumber(region, birth, male);
        const tags =
          age >= 70 && rnd() < 0.4
            ? ['left_behind_elderly']
            : rnd() < 0.05
              ? ['subsistence']
              : rnd() < 0.03
                ? ['disabled']
                : [];
        const r = rnd();
        const status = r < 0.02 ? 'left' : r < 0.03 ? 'deceased' : 'active';
        const n = name();
        const rId = uuidAt(msAt++);
        if (status === 'active') h.members.push(rId);
        if (names.length < 5 && rnd() < 0.01) names.push(n);
        rows.pop_residents.push([
          rId,
          opts.districtCode,
          idNo,
          n,
          male ? 'male' : 'female',
          birth,
          m < 2 && rnd() < 0.8
            ? `1${pick(['39', '38', '37', '50', '58', '87', '88', '33', '89'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`
            : null,
          h.id,
          relation,
          grid.id,
          grid.path,
          kind,
          JSON.stringify(tags),
          status,
          null,
          by,
          iso,
          iso,
        ]);
      }
    }

    // The round: ~visitedShare of the households knocked on, a quarter of those twice (nobody in first).
    const states = new Map<string, HouseholdRoundState>();
    for (const h of households) {
      if (rnd() >= opts.visitedShare) continue;
      const twice = rnd() < 0.25;
      const r = rnd();
      const single: VisitResult =
        r < 0.78 ? 'verified' : r < 0.9 ? 'absent' : r < 0.95 ? 'vacant' : r < 0.98 ? 'refused' : 'other';
      const results: VisitResult[] = twice ? ['absent', rnd() < 0.7 ? 'verified' : 'absent'] : [single];
      const times = results
        .map(() => opts.visitsFrom + Math.floor(rnd() * (opts.visitsTo - opts.visitsFrom)))
        .sort((a, b) => a - b);
      let state: HouseholdRoundState | null = null;
      for (const [i, result] of results.entries()) {
        const at = new Date(times[i]!).toISOString();
        const present = result === 'verified' ? h.members.slice(0, 1 + Math.floor(rnd() * h.members.length)) : [];
        rows.pop_visits.push([
          uuidAt(times[i]!),
          opts.roundId,
          h.id,
          grid.id,
          grid.path,
          result,
          at,
          grid.worker.accountId,
          grid.worker.displayName,
          JSON.stringify(present),
          '[]',
          '[]',
          '[]',
          null,
          at,
        ]);
        state = applyVisit(state, { result, visitedAt: at });
      }
      states.set(h.id, state!);
      rows.pop_round_households.push([
        opts.roundId,
        h.id,
        grid.id,
        state!.visits,
        state!.verified ? 1 : 0,
        state!.absentOnly ? 1 : 0,
        state!.lastResult,
        state!.lastVisitedAt,
      ]);
    }
    const truth = foldCoverage(
      households.filter((h) => h.active).map((h) => h.id),
      states,
    );
    yield { grid, rows, truth, names };
  }
}
