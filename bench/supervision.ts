/**
 * bench/supervision: the leader's view and the district assessment for a quarter over 200,000 tasks
 * in trees up to 6 levels deep with 2,000,000 progress reports, on SQLite, each beside a baseline
 * measured in the same run.
 *
 *   npm run bench -- supervision            (SUPERVISION_TASKS=200000, SUPERVISION_REPORTS=2000000)
 *
 * - Data: the demo district (its ~700 units lead tasks), 20 district leaders; tasks, milestones,
 *   task_units and reports written straight into SQLite, then every task's cached status, progress
 *   and assessment facts computed by the product's own refresh (the daily job's code path).
 * - Leader view: leaderView() as the API answers it (cached status, indexed per leader), against the
 *   baseline a plain implementation would do: load the leader's tasks with their milestones and
 *   reports and compute each status with the pure rules.
 * - Assessment: assessment() from the unit × day sums, against folding every task running in the
 *   quarter with the pure rules (the reference the tests compare it with), and a plain SQL GROUP BY
 *   counting the same milestone facts; the two rankings must be equal.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { fixedClock, systemClock } from '../src/kernel/clock.js';
import { loadConfig } from '../src/kernel/config.js';
import { createDb, migrateToLatest } from '../src/kernel/db/db.js';
import { permissionsOf } from '../src/kernel/auth/roles.js';
import type { Actor } from '../src/kernel/auth/actor.js';
import { bootstrapDistrict } from '../src/modules/org/bootstrap.js';
import { seedDemoDistrict } from '../src/modules/org/demo/seed-demo.js';
import { createOrgApi } from '../src/modules/org/index.js';
import { LocateService } from '../src/modules/org/locate-service.js';
import { assessment } from '../src/modules/supervision/commands/get-assessment.js';
import { refreshStaleStatuses } from '../src/modules/supervision/commands/refresh-stale-statuses.js';
import { calendarFor } from '../src/modules/supervision/commands/refresh.js';
import { leaderView } from '../src/modules/supervision/commands/get-leader-view.js';
import type { SupervisionDeps } from '../src/modules/supervision/deps.js';
import { statusFacts, statusFromFacts } from '../src/modules/supervision/domain/index.js';
import { taskStore, toDomainTask } from '../src/modules/supervision/store/task.store.js';
import { addDays } from '../src/kernel/calendar/index.js';
import { uuidAt } from './ledger-district.js';

const TASKS = Number(process.env.SUPERVISION_TASKS ?? 200_000);
const REPORTS = Number(process.env.SUPERVISION_REPORTS ?? 2_000_000);
const LEADERS = 20;
const NOW = '2026-11-30T02:00:00.000Z';
const TODAY = '2026-11-30';
const QUARTER = '2026-Q4';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function time<T>(fn: () => Promise<T>, runs = 7): Promise<{ result: T; p50: number; min: number }> {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { result, p50: ms[Math.floor(ms.length / 2)], min: ms[0] };
}

const log = (m: string) => process.stderr.write(`[supervision] ${m}\n`);
const r1 = (x: number) => Math.round(x * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-bench-sv-'));
  const file = path.join(dataDir, 'civicgrid.db');
  const config = loadConfig({
    CIVICGRID_DATA_DIR: dataDir,
    CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
    CIVICGRID_DEMO_PASSWORD: 'Demo12345',
    LOG_LEVEL: 'error',
  });
  const database = createDb({ databaseUrl: null, sqlitePath: file });
  const t0 = performance.now();
  await migrateToLatest(database.db);
  const boot = await bootstrapDistrict(database, config, systemClock);
  await seedDemoDistrict(database, config, systemClock, boot.districtId);
  const dc = config.districtCode;
  const db = database.db;
  const units = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where('district_code', '=', dc)
    .where('status', '=', 'active')
    .where('kind', '!=', 'grid_small')
    .execute();
  const leaderAcc = await db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', 'leader')
    .executeTakeFirstOrThrow();
  const root = units.find((u) => u.id === boot.districtId)!;
  // 20 leaders: the demo 区领导 and 19 more of the same kind.
  const leaders = [leaderAcc.id];
  const extra = [];
  for (let i = 1; i < LEADERS; i++) {
    const id = uuidAt(Date.parse(NOW));
    leaders.push(id);
    extra.push({ ...leaderAcc, id, username: `bench_leader_${i}`, display_name: `区领导${i}` });
  }
  await db.insertInto('accounts').values(extra).execute();
  log(`district ready in ${r1((performance.now() - t0) / 1000)} s: ${units.length} units`);

  // ---- generate tasks, milestones and reports straight into SQLite ----
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  const insTask =
    raw.prepare(`INSERT INTO tasks (id, district_code, kind, source, parent_id, root_id, tree_path, depth, item_id, topic_id, title, description, lead_leader_id, lead_unit_id, lead_unit_path,
    cooperating_unit_ids, start_on, deadline_on, cadence, weight, status, status_reasons, progress, status_on, completed_on, missing_notified_due, assessment_days, version, created_by, created_at, updated_at)
    VALUES (?, ?, 'task', 'work_plan', ?, ?, ?, ?, NULL, NULL, ?, NULL, ?, ?, ?, '[]', ?, ?, ?, NULL, 'on_track', '[]', 0, '0000-00-00', NULL, NULL, NULL, 1, ?, ?, ?)`);
  const insUnit = raw.prepare(`INSERT INTO task_units (task_id, unit_id, unit_path, role) VALUES (?, ?, ?, 'lead')`);
  const insMs = raw.prepare(
    `INSERT INTO task_milestones (id, district_code, task_id, seq, title, due_on, done_on, done_by, weight, missed_notified_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)`,
  );
  const insRep = raw.prepare(
    `INSERT INTO task_reports (id, district_code, task_id, reported_on, percent, content, file_ids, account_id, author_name, unit_id, created_at) VALUES (?, ?, ?, ?, ?, '本周按计划推进。', '[]', ?, '经办人', ?, ?)`,
  );
  const rand = rng(20261130);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const iso = NOW;
  // Reports per ended period, tuned so the total lands near REPORTS.
  const reportShare = Math.min(1, REPORTS / TASKS / 9.8);
  let tasks = 0,
    reports = 0,
    milestones = 0,
    maxDepth = 0;
  const tg = performance.now();
  const write = raw.transaction((count: number) => {
    for (let made = 0; made < count && tasks < TASKS;) {
      // One tree: a root and up to 5 levels below it.
      const rootId = uuidAt(Date.parse(NOW));
      const queue: {
        id: string;
        parent: string | null;
        path: string;
        depth: number;
        start: string;
        deadline: string;
        leader: string;
      }[] = [];
      const startDay = Math.floor(rand() * 220);
      const span = 60 + Math.floor(rand() * 300);
      queue.push({
        id: rootId,
        parent: null,
        path: `/${rootId}/`,
        depth: 0,
        start: addDays('2026-01-01', startDay),
        deadline: addDays('2026-01-01', startDay + span),
        leader: pick(leaders),
      });
      while (queue.length && tasks < TASKS) {
        const n = queue.shift()!;
        const unit = pick(units);
        const spanDays = Math.max(0, (Date.parse(n.deadline) - Date.parse(n.start)) / 86_400_000);
        const kind = rand();
        const cadence =
          kind < 0.55
            ? { kind: 'weekly', firstDue: addDays(n.start, 6) }
            : kind < 0.8
              ? { kind: 'monthly', firstDue: addDays(n.start, 29) }
              : null;
        const cad = cadence && cadence.firstDue <= n.deadline ? cadence : null;
        insTask.run(
          n.id,
          dc,
          n.parent,
          rootId,
          n.path,
          n.depth,
          `工作任务 ${tasks + 1}`,
          n.leader,
          unit.id,
          unit.path,
          n.start,
          n.deadline,
          cad ? JSON.stringify(cad) : null,
          leaderAcc.id,
          iso,
          iso,
        );
        insUnit.run(n.id, unit.id, unit.path);
        tasks++;
        made++;
        maxDepth = Math.max(maxDepth, n.depth);
        const nm = Math.floor(rand() * 4);
        for (let k = 0; k < nm; k++) {
          const due = addDays(n.start, Math.floor((spanDays * (k + 1)) / (nm + 1)));
          const done = due <= TODAY && rand() < 0.8 ? addDays(due, Math.floor(rand() * 10) - 6) : null;
          insMs.run(
            uuidAt(Date.parse(NOW)),
            dc,
            n.id,
            k + 1,
            `时间节点 ${k + 1}`,
            due,
            done && done <= TODAY ? done : null,
            due < TODAY ? iso : null,
          );
          milestones++;
        }
        // Reports: one in most ended weekly or monthly periods; a few ad hoc ones otherwise.
        const step = cad ? (cad.kind === 'weekly' ? 7 : 30) : 10;
        let pct = 0;
        for (let d = n.start; d <= n.deadline && d <= TODAY; d = addDays(d, step)) {
          if (rand() < reportShare) {
            const on = addDays(d, Math.floor(rand() * Math.min(step, 6)));
            if (on > TODAY || on > n.deadline) continue;
            pct = Math.min(100, pct + Math.floor(rand() * 12));
            insRep.run(
              uuidAt(Date.parse(`${on}T02:00:00Z`)),
              dc,
              n.id,
              on,
              pct,
              leaderAcc.id,
              unit.id,
              `${on}T02:00:00.000Z`,
            );
            reports++;
          }
        }
        if (n.depth < 5) {
          const kids = n.depth === 0 ? 2 + Math.floor(rand() * 4) : Math.floor(rand() * 3);
          for (let c = 0; c < kids; c++) {
            const id = uuidAt(Date.parse(NOW));
            const s = addDays(n.start, Math.floor((rand() * spanDays) / 4));
            const e = addDays(n.deadline, -Math.floor((rand() * spanDays) / 4));
            queue.push({
              id,
              parent: n.id,
              path: `${n.path}${id}/`,
              depth: n.depth + 1,
              start: s,
              deadline: e < s ? s : e,
              leader: n.leader,
            });
          }
        }
      }
    }
  });
  while (tasks < TASKS) write(5_000);
  raw.close();
  log(
    `generated ${tasks} tasks (depth ≤ ${maxDepth}), ${milestones} milestones, ${reports} reports in ${r1((performance.now() - tg) / 1000)} s`,
  );

  const deps: SupervisionDeps = {
    database,
    clock: fixedClock(NOW),
    config,
    org: createOrgApi({ database, locator: new LocateService(database, systemClock) }),
  };
  const tr = performance.now();
  const refreshed = await refreshStaleStatuses(deps, new Date(NOW), 2_000);
  const refreshS = (performance.now() - tr) / 1000;
  log(
    `statuses, progress and assessment facts of ${refreshed} tasks computed by the product's refresh in ${r1(refreshS)} s`,
  );
  await sql`ANALYZE`.execute(db);

  const actor = (accountId: string): Actor => ({
    accountId,
    username: 'leader',
    displayName: '区领导',
    districtCode: dc,
    unitId: root.id,
    scopePath: root.path,
    roles: ['district_leader'],
    permissions: new Set(permissionsOf(['district_leader'])),
  });
  const me = actor(leaderAcc.id);
  const cal = await calendarFor(deps, db, dc);

  // ---- leader view ----
  const view = await time(() => leaderView(deps, me));
  const baselineView = await time(async () => {
    const rows = await db.selectFrom('tasks').selectAll().where('lead_leader_id', '=', me.accountId).execute();
    const loaded = await taskStore.load(db, rows);
    const counts: Record<string, number> = { on_track: 0, lagging: 0, done: 0, overdue: 0 };
    const withStatus = loaded.map((t) => ({ t, s: statusFromFacts(statusFacts(toDomainTask(t), TODAY, cal)).status }));
    for (const x of withStatus) counts[x.s]++;
    return { counts, n: rows.length };
  }, 3);
  const ledTasks = Object.values(view.result.counts).reduce((a, b) => a + b, 0);
  log(
    `leader view: ${r1(view.p50)} ms (p50 of 7) over ${ledTasks} led tasks; baseline computing statuses on the fly ${r1(baselineView.p50)} ms`,
  );

  // ---- assessment for a quarter ----
  const fast = await time(() => assessment(deps, me, QUARTER, 'days'));
  const fold = await time(() => assessment(deps, me, QUARTER, 'fold'), 3);
  const same = JSON.stringify(fast.result) === JSON.stringify(fold.result);
  const sqlite = new SQLite(file, { readonly: true });
  const groupBy = await time(async () =>
    sqlite
      .prepare(
        `SELECT t.lead_unit_id, count(*) AS due, sum(CASE WHEN m.done_on IS NOT NULL AND m.done_on <= m.due_on THEN 1 ELSE 0 END) AS on_time
      FROM task_milestones m JOIN tasks t ON t.id = m.task_id WHERE t.district_code = ? AND m.due_on BETWEEN ? AND ? GROUP BY t.lead_unit_id`,
      )
      .all(dc, '2026-10-01', TODAY),
  );
  sqlite.close();
  log(
    `assessment ${QUARTER}: ${r1(fast.p50)} ms from unit × day sums, ${fast.result.units.length} units; fold of every task ${r1(fold.p50)} ms; plain GROUP BY (milestones only) ${r1(groupBy.p50)} ms; equal rankings: ${same}`,
  );
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    tasks,
    milestones,
    reports,
    maxDepth,
    refreshSeconds: r1(refreshS),
    leaderView: {
      ms: r1(view.p50),
      ledTasks,
      baselineMs: r1(baselineView.p50),
      speedup: r1(baselineView.p50 / view.p50),
      targetMs: 300,
      met: view.p50 < 300,
    },
    assessment: {
      ms: r1(fast.p50),
      units: fast.result.units.length,
      foldMs: r1(fold.p50),
      groupByMs: r1(groupBy.p50),
      speedupOverFold: r1(fold.p50 / fast.p50),
      equalToFold: same,
      targetMs: 300,
      met: fast.p50 < 300,
    },
  };
}
