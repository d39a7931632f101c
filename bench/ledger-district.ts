import { createOrgApi } from '../src/modules/org/index.js';
import { randomFillSync } from 'node:crypto';
import path from 'node:path';
import { systemClock } from '../src/kernel/clock.js';
import { loadConfig, type Config } from '../src/kernel/config.js';
import { createCalendar } from '../src/kernel/calendar/index.js';
import { createDb, migrateToLatest, type Database } from '../src/kernel/db/db.js';
import { bootstrapDistrict } from '../src/modules/org/bootstrap.js';
import { seedDemoDistrict } from '../src/modules/org/demo/seed-demo.js';
import { LocateService } from '../src/modules/org/locate-service.js';
import { ensureCategories } from '../src/modules/cases/index.js';
import type { Account, Category, Grid, World } from './ledger-lifecycles.js';
import { personName } from './ledger-words.js';
import { seeded } from './ledger-lifecycles.js';

export const ADMIN_PASSWORD = 'Admin12345';
export const DEMO_PASSWORD = 'Demo12345!';

/** The environment the bench's server runs with (and the generator's config). */
export function benchEnv(dataDir: string, databaseUrl?: string): Record<string, string> {
  return {
    CIVICGRID_DATA_DIR: dataDir,
    CIVICGRID_ADMIN_PASSWORD: ADMIN_PASSWORD,
    CIVICGRID_DEMO_PASSWORD: DEMO_PASSWORD,
    CIVICGRID_LOGIN_RATE_LIMIT: '100000',
    LOG_LEVEL: 'error',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

/** UUIDv7 for an instant, with random low bits (the app's newId is monotonic per process, which a generator walking back in time must not be). */
const pool = Buffer.alloc(16 * 4096);
let poolAt = pool.length;
export function uuidAt(ms: number): string {
  if (poolAt + 10 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const b = Buffer.allocUnsafe(16);
  b.writeUIntBE(Math.floor(ms), 0, 6);
  pool.copy(b, 6, poolAt, poolAt + 10);
  poolAt += 10;
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface PreparedDistrict {
  database: Database;
  config: Config;
  world: World;
  districtId: string;
  /** Unit ids the measurements use. */
  subdistrictName: string;
}

/**
 * A fresh district as the server makes it (migrations, bootstrap, demo seed, categories), plus an
 * account for every grid worker, community, sub-district and responsible unit so that the
 * synthetic history has real actors, and a few dozen points inside every small grid.
 */
export async function prepareDistrict(opts: {
  dataDir: string;
  databaseUrl?: string;
  pgSchema?: string;
  now: Date;
}): Promise<PreparedDistrict> {
  const config = loadConfig(benchEnv(opts.dataDir, opts.databaseUrl));
  const database = createDb({
    databaseUrl: config.databaseUrl,
    sqlitePath: path.join(config.dataDir, 'civicgrid.db'),
    pgSchema: opts.pgSchema,
  });
  await migrateToLatest(database.db, opts.pgSchema); // in its own schema only: a kept bench schema must not be mistaken for this one
  const boot = await bootstrapDistrict(database, config, systemClock);
  await seedDemoDistrict(database, config, systemClock, boot.districtId);
  await ensureCategories(
    database,
    createOrgApi({ database, locator: new LocateService(database, systemClock) }),
    config.districtCode,
    opts.now,
  );
  const db = database.db;
  const dc = config.districtCode;

  const units = await db
    .selectFrom('units')
    .select(['id', 'kind', 'name', 'path'])
    .where('district_code', '=', dc)
    .execute();
  const hash = (
    await db.selectFrom('accounts').select('password_hash').where('username', '=', 'chengbei').executeTakeFirstOrThrow()
  ).password_hash;
  const iso = opts.now.toISOString();
  const accounts: Record<string, unknown>[] = [];
  let n = 0;
  const account = (
    unit: { id: string; path: string },
    role: Account['roles'][number],
    displayName: string,
  ): Account => {
    const id = uuidAt(opts.now.getTime());
    accounts.push({
      id,
      district_code: dc,
      username: `bench_${role}_${++n}`,
      display_name: displayName,
      unit_id: unit.id,
      person_id: null,
      roles: JSON.stringify([role]),
      password_hash: hash,
      must_change_password: 0,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: null,
      created_at: iso,
      updated_at: iso,
    });
    return { accountId: id, roles: [role], unitId: unit.id, scopePath: unit.path, displayName };
  };
  const byId = new Map(units.map((u) => [u.id, u]));
  const staff = new Map<string, Account>();
  const staffOf = (unitId: string, role: Account['roles'][number], label: string) => {
    let a = staff.get(unitId);
    if (!a) {
      const u = byId.get(unitId)!;
      a = account(u, role, `${u.name}${label}`);
      staff.set(unitId, a);
    }
    return a;
  };
  const handlers = new Map<string, Account>();
  for (const u of units.filter((x) => x.kind === 'department' || x.kind === 'outside_unit'))
    handlers.set(u.id, account(u, 'unit_handler', personName(n * 31 + 7)));

  const boundaries = await db
    .selectFrom('unit_boundaries as b')
    .innerJoin('units as u', 'u.id', 'b.unit_id')
    .select(['u.id', 'b.min_lng', 'b.min_lat', 'b.max_lng', 'b.max_lat'])
    .where('u.kind', '=', 'grid_small')
    .execute();
  const locator = new LocateService(database, systemClock);
  const rnd = seeded(20261130);
  const grids: Grid[] = [];
  for (const b of boundaries) {
    const u = byId.get(b.id)!;
    const [, , subId, communityId] = u.path.split('/');
    const points: number[] = [];
    for (let tries = 0; points.length < 2 * 48 && tries < 2000; tries++) {
      const lng = b.min_lng + rnd() * (b.max_lng - b.min_lng);
      const lat = b.min_lat + rnd() * (b.max_lat - b.min_lat);
      if ((await locator.locate(lng, lat)) === u.id)
        points.push(Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6);
    }
    if (!points.length) continue;
    grids.push({
      id: u.id,
      path: u.path,
      communityId,
      subdistrictId: subId,
      points,
      worker: account(u, 'grid_worker', personName(n * 17 + 3)),
      community: staffOf(communityId, 'community_worker', '两委'),
      subdistrict: staffOf(subId, 'subdistrict_staff', '网格中心'),
    });
  }
  const district = byId.get(boot.districtId)!;
  const supervision = account(district, 'supervision_office', '区网格化服务管理中心');
  const admin = account(district, 'admin', '系统管理员（台账）');
  for (let i = 0; i < accounts.length; i += 200)
    await db
      .insertInto('accounts')
      .values(accounts.slice(i, i + 200) as never)
      .execute();

  const cg = units.find((u) => u.name === '川汇区城市管理局')!;
  const cats = await db
    .selectFrom('case_categories')
    .selectAll()
    .where('district_code', '=', dc)
    .where('level', '=', 2)
    .where('active', '=', 1)
    .execute();
  const categories: Category[] = cats.map((c) => {
    const unit = byId.get(c.default_unit_id ?? cg.id) ?? cg;
    return {
      code: c.code,
      unitId: unit.id,
      unitPath: unit.path,
      handler: handlers.get(unit.id)!,
      timeLimit: { value: c.time_limit_value ?? 1, unit: (c.time_limit_unit ?? 'days') as 'hours' | 'days' },
    };
  });
  const world: World = {
    districtCode: dc,
    districtPath: district.path,
    calendar: createCalendar({ timeZone: config.timeZone }),
    now: opts.now,
    grids,
    categories,
    supervision,
    admin,
    units: [...handlers].map(([id, handler]) => ({ id, path: byId.get(id)!.path, handler })),
  };
  return { database, config, world, districtId: boot.districtId, subdistrictName: '城北街道办事处' };
}
