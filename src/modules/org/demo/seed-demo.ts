import { orgChanged } from '../directory-cache.js';
import path from 'node:path';
import type { Clock } from '../../../kernel/clock.js';
import type { Config } from '../../../kernel/config.js';
import type { Database, Executor } from '../../../kernel/db/db.js';
import { generatePassword, hashPassword } from '../../../kernel/auth/password.js';
import type { RoleCode } from '../../../kernel/auth/roles.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { bbox, type BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { newId } from '../../../kernel/ids.js';
import type { PersonTable, UnitTable } from '../../../kernel/db/schema.js';
import { DEMO_ACCOUNTS, type DemoAccountSpec } from './demo-accounts.js';
import { loadDemoSource, type DemoUnit } from './demo-source.js';
import { unitSpanStore } from '../store/unit-span.store.js';

export interface DemoSummary {
  summary: Record<string, number>;
  /** Set when CIVICGRID_DEMO_PASSWORD was not given: print once. */
  generatedPassword: string | null;
}

interface Inserted {
  id: string;
  path: string;
  depth: number;
  kind: string;
  name: string;
  code: string | null;
}

const CHUNK = 200;
/** The demo's units existed before the platform came: their reports are expected for past periods too. */
const ESTABLISHED = '2024-01-01T00:00:00.000Z';

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Fills an empty district with the demo: the seed's sub-districts and communities, synthetic grids
 * that tile the real outline, departments and outside units, synthetic people (one grid worker per
 * small grid, two cadres per community) and accounts for every role.
 */
export async function seedDemoDistrict(
  database: Database,
  config: Config,
  clock: Clock,
  districtId: string,
): Promise<DemoSummary> {
  const now = clock.now();
  const iso = now.toISOString();
  const source = loadDemoSource(path.resolve('assets/geo/chuanhui-411602.geojson'));
  const password = config.demoPassword ?? generatePassword();
  const hash = await hashPassword(password);
  const dc = config.districtCode;

  const units: UnitTable[] = [];
  const boundaries: {
    unit_id: string;
    district_code: string;
    geometry: string;
    min_lng: number;
    min_lat: number;
    max_lng: number;
    max_lat: number;
    updated_at: string;
  }[] = [];
  const all: Inserted[] = [];
  const district = {
    id: districtId,
    path: `/${districtId}/`,
    depth: 0,
    kind: 'district',
    name: source.district.name,
    code: dc,
  };
  all.push(district);
  {
    const [minLng, minLat, maxLng, maxLat] = bbox(source.district.geometry);
    boundaries.push({
      unit_id: districtId,
      district_code: dc,
      geometry: JSON.stringify(source.district.geometry),
      min_lng: minLng,
      min_lat: minLat,
      max_lng: maxLng,
      max_lat: maxLat,
      updated_at: iso,
    });
  }

  const addUnit = (
    parent: Inserted,
    kind: string,
    name: string,
    code: string | null,
    sort: number,
    geometry?: BoundaryGeometry,
  ): Inserted => {
    const id = newId(now.getTime());
    const u = { id, path: `${parent.path}${id}/`, depth: parent.depth + 1, kind, name, code };
    units.push({
      id,
      district_code: dc,
      parent_id: parent.id,
      kind,
      code,
      name,
      status: 'active',
      path: u.path,
      depth: u.depth,
      sort_order: sort,
      created_at: ESTABLISHED,
      updated_at: iso,
      retired_at: null,
    });
    if (geometry) {
      const [minLng, minLat, maxLng, maxLat] = bbox(geometry);
      boundaries.push({
        unit_id: id,
        district_code: dc,
        geometry: JSON.stringify(geometry),
        min_lng: minLng,
        min_lat: minLat,
        max_lng: maxLng,
        max_lat: maxLat,
        updated_at: iso,
      });
    }
    all.push(u);
    return u;
  };
  const walk = (parent: Inserted, children: DemoUnit[]) => {
    children.forEach((c, i) => {
      const u = addUnit(parent, c.kind, c.name, c.code, i + 1, c.geometry);
      walk(u, c.children);
    });
  };
  walk(district, source.district.children);
  let sort = 100;
  for (const d of source.departments) addUnit(district, 'department', d.name, null, sort++);
  for (const d of source.outsideUnits) addUnit(district, 'outside_unit', d.name, null, sort++);
  for (const b of source.partyBranches) {
    const community = all.find((u) => u.code === b.parentCode);
    if (community) addUnit(community, 'party_branch', b.name, null, 1000);
  }

  // People: a grid worker for every small grid, two cadres per community or village, volunteers.
  const people: PersonTable[] = [];
  const assignments: { person_id: string; grid_id: string; district_code: string }[] = [];
  const names = source.people();
  const addPerson = (unit: Inserted, kind: 'staff' | 'grid_worker' | 'volunteer') => {
    const id = newId(now.getTime());
    const { name, mobile: phone } = names.next();
    people.push({
      id,
      district_code: dc,
      name,
      kind,
      unit_id: unit.id,
      phone,
      status: 'active',
      created_at: iso,
      updated_at: iso,
    });
    return id;
  };
  for (const u of all) {
    if (u.kind === 'grid_small')
      assignments.push({ person_id: addPerson(u, 'grid_worker'), grid_id: u.id, district_code: dc });
    if (u.kind === 'community' || u.kind === 'village') {
      addPerson(u, 'staff');
      addPerson(u, 'staff');
      addPerson(u, 'volunteer');
    }
  }

  // Demo accounts: each names its unit; a grid worker's account belongs to the worker of the first small grid of a community.
  const accounts = DEMO_ACCOUNTS.map((spec: DemoAccountSpec) => {
    let unit: Inserted | undefined;
    let personId: string | null = null;
    if ('district' in spec.unit) unit = district;
    else if ('name' in spec.unit) unit = all.find((u) => u.name === (spec.unit as { name: string }).name);
    else {
      const community = all.find((u) => u.name === (spec.unit as { firstSmallGridOf: string }).firstSmallGridOf);
      unit = community && all.find((u) => u.kind === 'grid_small' && u.path.startsWith(community.path));
      personId = unit ? assignments.find((a) => a.grid_id === unit!.id)!.person_id : null;
    }
    if (!unit) throw new Error(`demo account ${spec.username}: its unit is missing from the demo tree`);
    const displayName = personId ? people.find((p) => p.id === personId)!.name : spec.displayName;
    return { spec, unit, personId, displayName };
  });

  await database.db.transaction().execute(async (trx: Executor) => {
    await insertChunked(units, (c) => trx.insertInto('units').values(c).execute());
    await unitSpanStore.rebuild(trx, dc);
    await insertChunked(boundaries, (c) => trx.insertInto('unit_boundaries').values(c).execute());
    await insertChunked(people, (c) => trx.insertInto('people').values(c).execute());
    await insertChunked(assignments, (c) => trx.insertInto('grid_assignments').values(c).execute());
    for (const a of accounts) {
      await trx
        .insertInto('accounts')
        .values({
          id: newId(now.getTime()),
          district_code: dc,
          username: a.spec.username,
          display_name: a.displayName,
          unit_id: a.unit.id,
          person_id: a.personId,
          roles: JSON.stringify(a.spec.roles satisfies RoleCode[]),
          password_hash: hash,
          must_change_password: 0,
          disabled: 0,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          password_changed_at: null,
          created_at: iso,
          updated_at: iso,
        })
        .execute();
    }
    orgChanged();
    await trx
      .insertInto('meta')
      .values({ key: 'boundary_version', value: `${iso}:demo` })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: `${iso}:demo` }))
      .execute();
    await recordAudit(trx, {
      actor: null,
      districtCode: dc,
      action: 'system.demo_seed',
      entityType: 'unit',
      entityId: districtId,
      at: now,
      summary: `创建演示数据：${units.length} 个单位、${people.length} 名人员、${DEMO_ACCOUNTS.length} 个账号`,
    });
  });

  const count = (k: string) => units.filter((u) => u.kind === k).length;
  return {
    summary: {
      subdistricts: count('subdistrict'),
      communities: count('community') + count('village'),
      largeGrids: count('grid_large'),
      smallGrids: count('grid_small'),
      departments: count('department'),
      outsideUnits: count('outside_unit'),
      people: people.length,
      accounts: DEMO_ACCOUNTS.length,
    },
    generatedPassword: config.demoPassword ? null : password,
  };
}
