import type { Executor } from '../../kernel/db/db.js';
import { toWgs84, type Crs } from '../../kernel/geo/crs.js';
import type { OrgDeps } from './deps.js';
import type { Actor } from '../../kernel/auth/actor.js';
import { permissionsOf, type RoleCode } from '../../kernel/auth/roles.js';
import { accountStore } from './store/account.store.js';
import { onSpanGrain } from './domain/unit-spans.js';
import { unitSpanStore } from './store/unit-span.store.js';
import { unitStore } from './store/unit.store.js';
import { directoryCache, type CachedUnit } from './directory-cache.js';

export interface UnitRef {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  path: string;
  districtCode: string;
  status: string;
}

export interface AccountRef {
  id: string;
  name: string;
  roles: string[];
  unitId: string;
  districtCode: string;
  active: boolean;
}

export interface LocatedPoint {
  lng: number;
  lat: number;
  /** null when the point lies in no grid. */
  grid: UnitRef | null;
  /** Root first: district, sub-district, community, large grid. */
  ancestors: UnitRef[];
}

const ref = (r: CachedUnit): UnitRef => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  code: r.code,
  path: r.path,
  districtCode: r.district_code,
  status: r.status,
});

/** What other modules may ask of the organisation: they never read its tables directly. */
export function createOrgApi(deps: Pick<OrgDeps, 'database' | 'locator'>) {
  const directory = directoryCache(deps.database.db);
  const unitsByIds = async (ex: Executor, ids: readonly string[]): Promise<Map<string, UnitRef>> => {
    const rows = await directory.unitsByIds(ex, ids);
    return new Map(ids.filter((id) => rows.has(id)).map((id) => [id, ref(rows.get(id)!)]));
  };
  /** The units above a path (root first), without the unit itself. */
  const ancestors = async (ex: Executor, path: string): Promise<UnitRef[]> => {
    const ids = path.split('/').filter(Boolean).slice(0, -1);
    const units = await unitsByIds(ex, ids);
    return ids.map((id) => units.get(id)).filter((u): u is UnitRef => !!u);
  };
  return {
    async unit(ex: Executor, id: string): Promise<UnitRef | null> {
      return (await unitsByIds(ex, [id])).get(id) ?? null;
    },
    async unitByName(ex: Executor, districtCode: string, name: string): Promise<UnitRef | null> {
      const r = await unitStore.activeByName(ex, districtCode, name);
      return r ? ref(r) : null;
    },
    unitsByIds,
    async unitByCode(ex: Executor, districtCode: string, code: string = districtCode): Promise<UnitRef | null> {
      const r = await unitStore.findByCode(ex, districtCode, code);
      return r ? ref(r) : null;
    },
    ancestors,
    /** Converts to WGS-84 and finds the smallest grid. */
    async locate(ex: Executor, lng: number, lat: number, crs: Crs = 'wgs84'): Promise<LocatedPoint> {
      const [x, y] = toWgs84(lng, lat, crs);
      const gridId = await deps.locator.locate(x, y);
      const grid = gridId ? (await unitsByIds(ex, [gridId])).get(gridId) : undefined;
      if (!grid) return { lng: x, lat: y, grid: null, ancestors: [] };
      return { lng: x, lat: y, grid, ancestors: await ancestors(ex, grid.path) };
    },
    /** Units under a path (retired ones too, with their life span), by kind or by id: e.g. the units that must report. */
    async unitsUnder(ex: Executor, districtCode: string, path: string, f: { kind?: string; ids?: string[] }) {
      return (await unitStore.under(ex, districtCode, path, f)).map((r) => ({
        id: r.id,
        name: r.name,
        path: r.path,
        createdAt: r.created_at,
        retiredAt: r.retired_at,
      }));
    },
    /**
     * How many units of a kind were opened and retired under each of `areaPaths` (units strictly below
     * the area, retired ones too), as a range [from, to) sees them: per area the instants before
     * `from` summed (`at` null) and those inside the range one by one. Instants are kept to a quarter
     * hour (domain/unit-spans.ts), which orders them exactly against bounds on a quarter hour, as local
     * midnights are: null when one of `bounds` (the instants they will be compared with) is not.
     * Reporting completeness over 100,000 units reads a few rows per area, not a row per unit.
     */
    async spanCountsOver(
      ex: Executor,
      districtCode: string,
      kind: string,
      areaPaths: readonly string[],
      range: { from: string; to: string; bounds: readonly Date[] },
    ) {
      if (!onSpanGrain(range.bounds)) return null;
      return unitSpanStore.over(ex, districtCode, kind, areaPaths, range.from, range.to);
    },
    /** Units of a kind under a path retired after `from` and before `to` (ISO instants; few), with their life span. */
    async retiredUnder(
      ex: Executor,
      districtCode: string,
      path: string,
      kind: string,
      range: { from: string; to: string },
    ) {
      return (await unitStore.retiredUnder(ex, districtCode, path, kind, range.from, range.to)).map((u) => ({
        id: u.id,
        path: u.path,
        createdAt: u.created_at,
        retiredAt: u.retired_at,
      }));
    },
    /** The active children of a unit, in their order. */
    async children(ex: Executor, unitId: string): Promise<UnitRef[]> {
      return (await unitStore.children(ex, unitId)).map(ref);
    },
    /** The active departments and outside units of a district: where cases are dispatched. */
    async dispatchTargets(ex: Executor, districtCode: string): Promise<UnitRef[]> {
      return (await unitStore.dispatchTargets(ex, districtCode)).map(ref);
    },
    /** A unit's own boundary (GeoJSON geometry text), or null when it has none: e.g. a case's grid, drawn for whoever may see the case. */
    async boundary(
      ex: Executor,
      unitId: string,
    ): Promise<{ unit: UnitRef; geometry: string; updatedAt: string } | null> {
      const unit = (await unitsByIds(ex, [unitId])).get(unitId);
      const b = unit ? await unitStore.getBoundary(ex, unitId) : undefined;
      return unit && b ? { unit, geometry: b.geometry, updatedAt: b.updated_at } : null;
    },
    /** Active small grids under a path with their boundaries (GeoJSON text). */
    async gridsWithBoundaries(ex: Executor, path: string): Promise<{ id: string; geometry: string }[]> {
      return unitStore.smallGridsWithBoundaries(ex, path);
    },
    /** The acting identity of an account, for work the system does on someone's behalf (demo data, operator commands). */
    async actorFor(ex: Executor, username: string): Promise<Actor> {
      const a = await accountStore.identityByUsername(ex, username);
      const roles = JSON.parse(a.roles) as RoleCode[];
      return {
        accountId: a.id,
        username: a.username,
        displayName: a.display_name,
        districtCode: a.district_code,
        unitId: a.unit_id,
        scopePath: a.path,
        roles,
        permissions: new Set(permissionsOf(roles)),
      };
    },
    /** Accounts by id, with their names and roles (for showing who leads or chaired something). */
    async accountsByIds(ex: Executor, ids: string[]): Promise<Map<string, AccountRef>> {
      const uniq = [...new Set(ids)];
      if (uniq.length === 0) return new Map();
      const rows = await accountStore.refsByIds(ex, uniq);
      return new Map(
        rows.map((r) => [
          r.id,
          {
            id: r.id,
            name: r.display_name,
            roles: JSON.parse(r.roles) as string[],
            unitId: r.unit_id,
            districtCode: r.district_code,
            active: r.disabled === 0,
          },
        ]),
      );
    },
    /** Active accounts of a district holding a role, by name: e.g. the 区领导 who may lead tasks. */
    async accountsWithRole(ex: Executor, districtCode: string, role: RoleCode): Promise<AccountRef[]> {
      const rows = await accountStore.activeRefsInDistrict(ex, districtCode);
      return rows
        .map((r) => ({
          id: r.id,
          name: r.display_name,
          roles: JSON.parse(r.roles) as string[],
          unitId: r.unit_id,
          districtCode: r.district_code,
          active: true,
        }))
        .filter((a) => a.roles.includes(role));
    },
    /** Accounts whose data scope covers a unit and that hold one of the roles: the addressees of notices. */
    async accountsCovering(
      ex: Executor,
      unitPath: string,
      roles: string[],
    ): Promise<{ id: string; unitId: string; roles: string[] }[]> {
      const accounts = await directory.activeAccountsOf(ex, unitPath.split('/').filter(Boolean));
      return accounts.filter((a) => a.roles.some((x) => roles.includes(x)));
    },
  };
}
export type OrgApi = ReturnType<typeof createOrgApi>;
