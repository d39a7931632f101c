import SQLite from 'better-sqlite3';
import { addDays } from '../src/kernel/calendar/index.js';
import { uuidAt } from './ledger-district.js';

/*
 * The supervision benches' generator (bench/supervision.ts, bench/insights-units.ts): task trees up
 * to 6 levels deep led by the given units and leaders, with milestones (some done, some late) and
 * progress reports, written straight into the SQLite file. The statuses, progress and assessment facts
 * are left to the product's own refresh (refreshStaleStatuses), which the caller runs.
 */

export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `firstDay`: the trees start within 220 days of it and run 60–360 days; `today` is 333 days after it in bench/supervision. */
export function generateTasks(
  file: string,
  o: {
    districtCode: string;
    units: readonly { id: string; path: string }[];
    leaders: readonly string[];
    createdBy: string;
    tasks: number;
    reports: number;
    now: string;
    today: string;
    firstDay: string;
    log: (m: string) => void;
  },
) {
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
  const iso = o.now;
  // Reports per ended period, tuned so the total lands near o.reports.
  const reportShare = Math.min(1, o.reports / o.tasks / 9.8);
  let tasks = 0,
    reports = 0,
    milestones = 0,
    maxDepth = 0;
  const tg = performance.now();
  const write = raw.transaction((count: number) => {
    for (let made = 0; made < count && tasks < o.tasks;) {
      // One tree: a root and up to 5 levels below it.
      const rootId = uuidAt(Date.parse(o.now));
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
        start: addDays(o.firstDay, startDay),
        deadline: addDays(o.firstDay, startDay + span),
        leader: pick(o.leaders),
      });
      while (queue.length && tasks < o.tasks) {
        const n = queue.shift()!;
        const unit = pick(o.units);
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
          o.districtCode,
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
          o.createdBy,
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
          const done = due <= o.today && rand() < 0.8 ? addDays(due, Math.floor(rand() * 10) - 6) : null;
          insMs.run(
            uuidAt(Date.parse(o.now)),
            o.districtCode,
            n.id,
            k + 1,
            `时间节点 ${k + 1}`,
            due,
            done && done <= o.today ? done : null,
            due < o.today ? iso : null,
          );
          milestones++;
        }
        // Reports: one in most ended weekly or monthly periods; a few ad hoc ones otherwise.
        const step = cad ? (cad.kind === 'weekly' ? 7 : 30) : 10;
        let pct = 0;
        for (let d = n.start; d <= n.deadline && d <= o.today; d = addDays(d, step)) {
          if (rand() < reportShare) {
            const on = addDays(d, Math.floor(rand() * Math.min(step, 6)));
            if (on > o.today || on > n.deadline) continue;
            pct = Math.min(100, pct + Math.floor(rand() * 12));
            insRep.run(
              uuidAt(Date.parse(`${on}T02:00:00Z`)),
              o.districtCode,
              n.id,
              on,
              pct,
              o.createdBy,
              unit.id,
              `${on}T02:00:00.000Z`,
            );
            reports++;
          }
        }
        if (n.depth < 5) {
          const kids = n.depth === 0 ? 2 + Math.floor(rand() * 4) : Math.floor(rand() * 3);
          for (let c = 0; c < kids; c++) {
            const id = uuidAt(Date.parse(o.now));
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
  while (tasks < o.tasks) write(5_000);
  raw.close();
  o.log(
    `generated ${tasks} tasks (depth ≤ ${maxDepth}), ${milestones} milestones, ${reports} reports in ${Math.round((performance.now() - tg) / 100) / 10} s`,
  );

  return { tasks, milestones, reports, maxDepth };
}
