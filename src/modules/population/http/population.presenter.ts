import { localDateOf } from '../../../kernel/calendar/dates.js';
import { maskIdNumber, maskPhone } from '../../../kernel/privacy/mask.js';
import type {
  Building,
  CoverageReport,
  GridRef,
  HouseholdRelation,
  HouseholdSummary,
  MergeReview,
  ResidenceKind,
  Resident,
  ResidentStatus,
  Round,
  Sex,
  Visit,
  VisitResult,
} from '../../../contracts/population.js';
import type { RoundView } from '../commands/list-rounds.js';
import { coverageRate, type CoverageCounts } from '../domain/coverage.js';
import { ageOn } from '../domain/id-number.js';
import { roundPhase } from '../domain/round-rules.js';
import type { BuildingRow, HouseholdListed } from '../store/place.store.js';
import type { MergeReviewRow, ResidentRow } from '../store/resident.store.js';
import type { RoundRow, VisitRow } from '../store/round.store.js';

// Presenters list their fields one by one: paths, creators' ids and unmasked personal data never
// leave by accident. They read nothing; the commands hand them what they show.

const point = (lng: number | null, lat: number | null) => (lng !== null && lat !== null ? { lng, lat } : null);
const noGrid = (id: string): GridRef => ({ id, name: '', communityName: null });

export function presentBuilding(r: BuildingRow & { households: number }, grids: Map<string, GridRef>): Building {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    grid: grids.get(r.grid_path) ?? noGrid(r.grid_id),
    location: point(r.lng, r.lat),
    households: r.households,
    updatedAt: r.updated_at,
  };
}

export function presentHousehold(r: HouseholdListed, grids: Map<string, GridRef>): HouseholdSummary {
  return {
    id: r.id,
    address: r.address,
    building: r.building_id ? { id: r.building_id, name: r.building_name ?? '' } : null,
    grid: grids.get(r.grid_path) ?? noGrid(r.grid_id),
    location: point(r.lng, r.lat),
    headName: r.head_name,
    members: r.members,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

export interface ResidentView {
  row: ResidentRow;
  grid: GridRef;
  householdAddress: string | null;
  pendingReview: boolean;
  /** Full ID number and phone: only from the reveal command, which audits it. */
  revealed: boolean;
  today: string;
}

export function presentResident(v: ResidentView): Resident {
  const r = v.row;
  return {
    id: r.id,
    name: r.name,
    idNumber: v.revealed ? r.id_number : maskIdNumber(r.id_number),
    phone: v.revealed ? r.phone : maskPhone(r.phone),
    masked: !v.revealed && (r.id_number !== null || r.phone !== null),
    sex: r.sex as Sex | null,
    birthDate: r.birth_date,
    age: r.birth_date ? ageOn(r.birth_date, v.today) : null,
    household: r.household_id && v.householdAddress ? { id: r.household_id, address: v.householdAddress } : null,
    relation: r.relation as HouseholdRelation | null,
    grid: v.grid,
    residenceKind: r.residence_kind as ResidenceKind,
    tags: JSON.parse(r.tags) as string[],
    status: r.status as ResidentStatus,
    note: r.note,
    pendingReview: v.pendingReview,
    updatedAt: r.updated_at,
  };
}

export function presentReview(
  r: MergeReviewRow,
  resident: { name: string; idNumber: string | null },
  grid: GridRef,
): MergeReview {
  return {
    id: r.id,
    residentId: r.resident_id,
    existingName: resident.name,
    proposedName: r.proposed_name,
    idNumber: maskIdNumber(resident.idNumber) ?? '',
    grid,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    status: r.status as 'pending' | 'decided',
    keptName: r.kept as 'existing' | 'proposed' | null,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
  };
}

export function presentVisit(r: VisitRow, householdAddress: string, grid: GridRef): Visit {
  return {
    id: r.id,
    roundId: r.round_id,
    household: { id: r.household_id, address: householdAddress },
    grid,
    result: r.result as VisitResult,
    visitedAt: r.visited_at,
    visitorName: r.visitor_name,
    presentCount: (JSON.parse(r.present) as string[]).length,
    addedNames: JSON.parse(r.added) as string[],
    goneNames: JSON.parse(r.gone) as string[],
    note: r.note,
    photoIds: JSON.parse(r.photo_ids) as string[],
  };
}

export function presentTag(t: { code: string; name: string; active: number }) {
  return { code: t.code, name: t.name, active: t.active === 1 };
}

const withRate = (c: CoverageCounts) => ({ ...c, rate: coverageRate(c) });

export function presentRound(v: RoundView, now: Date): Round {
  const r = v.row;
  return {
    id: r.id,
    name: r.name,
    scope: v.scope,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    phase: roundPhase({ startsOn: r.starts_on, endsOn: r.ends_on }, localDateOf(now)),
    note: r.note,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    coverage: withRate(v.coverage),
  };
}

export function presentCoverage(c: {
  round: RoundRow;
  unit: { id: string; name: string; kind: string };
  total: CoverageCounts;
  rows: { id: string; name: string; kind: string; counts: CoverageCounts }[];
}): CoverageReport {
  return {
    round: { id: c.round.id, name: c.round.name, startsOn: c.round.starts_on, endsOn: c.round.ends_on },
    unit: { id: c.unit.id, name: c.unit.name, kind: c.unit.kind },
    total: withRate(c.total),
    rows: c.rows.map((r) => ({ unitId: r.id, unitName: r.name, unitKind: r.kind, ...withRate(r.counts) })),
  };
}
