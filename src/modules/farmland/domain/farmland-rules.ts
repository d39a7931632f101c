import type { FieldProblem, MessageParams } from '../../../kernel/errors.js';
import { areaSquareMeters, polygonsOf, type BoundaryGeometry, type Position } from '../../../kernel/geo/geojson.js';
import { ringContainsPoint } from '../../../kernel/geo/segment-sweep.js';

/** The two kinds of parcel: 耕地 and 永久基本农田 (a protected part of the farmland, often overlapping it). */
export const PARCEL_KINDS = ['farmland', 'permanent_basic'] as const;
export type ParcelKind = (typeof PARCEL_KINDS)[number];

/** What an import file may write in properties.kind: the Chinese name (as surveys label it) or the code. */
const KIND_NAMES: Record<string, ParcelKind> = {
  耕地: 'farmland',
  永久基本农田: 'permanent_basic',
  farmland: 'farmland',
  permanent_basic: 'permanent_basic',
};

/** The ledger category of farmland cases (categories.data.ts: 52 耕地保护 → 5201 违法占用耕地). */
export const FARMLAND_CASE_CATEGORY = '5201';

/** One 亩 is 10000/15 m² (666.67 m²). */
export const M2_PER_MU = 10000 / 15;
export const muOf = (m2: number): number => m2 / M2_PER_MU;
/** Rounded for display and replies: 亩 to 2 decimals, m² to 1. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * A parcel's area: geodesic, on the spherical earth (R = 6 371 008.8 m), by Chamberlain & Duquette's
 * ring formula as in kernel/geo (shells minus holes); within ~0.5 % of the ellipsoid, far inside what
 * a survey's parcel area differs by.
 */
export function parcelArea(geometry: BoundaryGeometry): { m2: number; mu: number } {
  const m2 = areaSquareMeters(geometry);
  return { m2, mu: muOf(m2) };
}

/** -1 outside, 0 on the boundary, 1 inside a Polygon/MultiPolygon with holes. */
export function sideOfGeometry(geom: BoundaryGeometry, x: number, y: number): -1 | 0 | 1 {
  for (const rings of polygonsOf(geom)) {
    const shell = ringContainsPoint(rings[0], x, y);
    if (shell === 0) return 0;
    if (shell < 0) continue;
    let inHole = false;
    for (const hole of rings.slice(1)) {
      const h = ringContainsPoint(hole, x, y);
      if (h === 0) return 0;
      if (h > 0) inHole = true;
    }
    if (!inHole) return 1;
  }
  return -1;
}

const vertices = (g: BoundaryGeometry): Position[] => polygonsOf(g).flatMap((rings) => rings.flatMap((r) => r));

/**
 * Where a parcel lies against its village's boundary, judged at the vertices (both ways):
 * - 'inside': no parcel vertex outside the village (vertices on the boundary count as inside);
 * - 'outside': no parcel vertex inside the village and no village vertex inside the parcel — it lies
 *   elsewhere (refused: the wrong village, or the wrong coordinate system);
 * - 'partly_outside': the rest (kept and flagged: survey parcels and administrative boundaries
 *   routinely disagree by a few metres).
 * An edge crossing a concave village boundary between two inside vertices is not seen; the 3rd
 * national land survey's parcels have vertices every few metres, so this stays a rare, small miss.
 */
export function parcelPlacement(
  parcel: BoundaryGeometry,
  village: BoundaryGeometry,
): 'inside' | 'partly_outside' | 'outside' {
  let inside = 0;
  let outside = 0;
  for (const [x, y] of vertices(parcel)) {
    const s = sideOfGeometry(village, x, y);
    if (s > 0) inside++;
    else if (s < 0) outside++;
  }
  if (outside === 0) return 'inside';
  if (inside > 0) return 'partly_outside';
  const villageInParcel = vertices(village).some(([x, y]) => sideOfGeometry(parcel, x, y) > 0);
  return villageInParcel ? 'partly_outside' : 'outside';
}

/** An import feature's properties, read: the kind and the parcel's code and name, or problems. */
export function readParcelProperties(
  props: Record<string, unknown> | null | undefined,
  index: number,
): { ok: true; kind: ParcelKind; code: string; name: string | null } | { ok: false; problems: FieldProblem[] } {
  const p = props ?? {};
  const at = `features[${index}].properties`;
  const problems: FieldProblem[] = [];
  const rawKind = typeof p.kind === 'string' ? p.kind.trim() : '';
  const kind = KIND_NAMES[rawKind];
  if (!kind)
    problems.push({
      field: `${at}.kind`,
      code: rawKind ? 'farmland.kind_unknown' : 'farmland.kind_required',
      params: { kind: rawKind },
      message: `kind must be farmland or permanent basic farmland, not "${rawKind}"`,
    });
  const rawCode = typeof p.code === 'number' ? String(p.code) : typeof p.code === 'string' ? p.code.trim() : '';
  if (!rawCode)
    problems.push({ field: `${at}.code`, code: 'farmland.code_required', message: 'the parcel code is required' });
  else if (rawCode.length > 60)
    problems.push({ field: `${at}.code`, code: 'farmland.code_too_long', message: 'at most 60 characters' });
  const rawName = p.name == null ? null : String(p.name).trim() || null;
  if (rawName && rawName.length > 100)
    problems.push({ field: `${at}.name`, code: 'farmland.name_too_long', message: 'at most 100 characters' });
  if (problems.length || !kind) return { ok: false, problems };
  return { ok: true, kind, code: rawCode, name: rawName };
}

/**
 * The kernel's geometry check answers an English reason; the import names the problem by a stable
 * code (its Chinese sentence is in messages.zh.ts) with the point where the kernel saw it.
 */
export function geometryProblem(reason: string): { code: string; params: MessageParams } {
  const at = /\(([-\d.]+), ([-\d.]+)\)/.exec(reason);
  const point: MessageParams = at ? { at: `${at[1]}, ${at[2]}` } : {};
  const rules: [RegExp, string][] = [
    [/^geometry must be a GeoJSON object/, 'farmland.geometry_missing'],
    [/^unsupported geometry type/, 'farmland.geometry_type'],
    [/out of range/, 'farmland.geometry_out_of_range'],
    [/is not \[lng, lat\]/, 'farmland.geometry_position'],
    [/fewer than 4 positions/, 'farmland.geometry_too_few'],
    [/is not closed/, 'farmland.geometry_not_closed'],
    [/self-intersects/, 'farmland.geometry_self_intersects'],
    [/ crosses /, 'farmland.geometry_rings_cross'],
    [/^hole /, 'farmland.geometry_hole'],
    [/overlaps polygon/, 'farmland.geometry_parts_overlap'],
  ];
  for (const [re, code] of rules) if (re.test(reason)) return { code, params: point };
  return { code: 'farmland.geometry_malformed', params: {} };
}

/** One village's row of the farmland table, folded from its parcels and farmland cases. */
export interface VillageFigures {
  farmlandM2: number;
  permanentBasicM2: number;
  parcels: number;
  outsideParcels: number;
  cases: number;
  openCases: number;
  closedCases: number;
  rejectedCases: number;
  occupiedM2: number;
  /** Cases with an occupied area reported. */
  casesWithArea: number;
}

export const EMPTY_FIGURES: VillageFigures = {
  farmlandM2: 0,
  permanentBasicM2: 0,
  parcels: 0,
  outsideParcels: 0,
  cases: 0,
  openCases: 0,
  closedCases: 0,
  rejectedCases: 0,
  occupiedM2: 0,
  casesWithArea: 0,
};

/**
 * The farmland table's figures per village: areas per kind (each kind summed on its own, since
 * 永久基本农田 lies within 耕地), cases by status (结案 closed, 不予立案 and 并案 rejected, the rest open).
 */
export function villageFigures(
  parcels: readonly { villageId: string; kind: string; areaM2: number; outsideVillage: boolean }[],
  cases: readonly { villageId: string; status: string | undefined; occupiedM2: number | null }[],
): Map<string, VillageFigures> {
  const out = new Map<string, VillageFigures>();
  const row = (id: string) => {
    let r = out.get(id);
    if (!r) out.set(id, (r = { ...EMPTY_FIGURES }));
    return r;
  };
  for (const p of parcels) {
    const r = row(p.villageId);
    r.parcels++;
    if (p.outsideVillage) r.outsideParcels++;
    if (p.kind === 'permanent_basic') r.permanentBasicM2 += p.areaM2;
    else r.farmlandM2 += p.areaM2;
  }
  for (const c of cases) {
    const r = row(c.villageId);
    r.cases++;
    if (c.status === 'closed') r.closedCases++;
    else if (c.status === 'rejected' || c.status === 'merged') r.rejectedCases++;
    else r.openCases++;
    if (c.occupiedM2 !== null) {
      r.occupiedM2 += c.occupiedM2;
      r.casesWithArea++;
    }
  }
  return out;
}

/**
 * District level (区级): an account holding farmland.approve whose scope is the whole district (its
 * scope path is the district root's). Only such an account approves, or itself closes, a farmland case
 * as 不予立案.
 */
export function isDistrictLevel(actor: { scopePath: string; permissions: ReadonlySet<string> }): boolean {
  return actor.permissions.has('farmland.approve') && actor.scopePath.split('/').filter(Boolean).length === 1;
}

/**
 * The steps that end a farmland case without handling it: 不予立案 (reject) and 并案 (merge into another
 * case) — the village table counts both as 不予立案, so both need the district.
 */
export const UNHANDLED_CLOSES = ['reject', 'merge'] as const;

/**
 * The rule on a farmland case's steps: closing it as 不予立案 (reject) or merging it (并案) needs the
 * district — either the actor is district level or a district approval is on record. Every other step
 * passes.
 */
export function rejectAllowed(
  step: { type: string },
  actor: { scopePath: string; permissions: ReadonlySet<string> },
  approved: boolean,
): boolean {
  return !(UNHANDLED_CLOSES as readonly string[]).includes(step.type) || approved || isDistrictLevel(actor);
}
