import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { prepareDistrict, uuidAt } from './ledger-district.js';
import { generate } from './ledger.js';
import { sqliteLoader } from './ledger-db.js';
import { round } from './ledger-http.js';

/*
 * The floor under bench/ledger's report ratio: what SQLite alone needs to store a report, with no
 * HTTP, no validation, no domain rules and no Kysely. A district of LEDGER_FLOOR_CASES generated
 * cases (default 20,000; the figure hardly moves up to 1,000,000), then LEDGER_FLOOR_REPORTS reports
 * replayed straight into better-sqlite3 with the app's pragmas: per report the rows the app writes
 * (the case, which the FTS5 trigger indexes; its action; an audit line; an inbox message; the KPI
 * roll-up upsert; the case-number counter), reports committed in batches of LEDGER_FLOOR_BATCH
 * (default 4, what 8 clients give in bench/ledger). Reports: µs a report executing the statements
 * and at COMMIT (checkpoints included), the WAL frames a report writes, and which B-trees they are.
 */

const log = (msg: string): void => void process.stderr.write(`[ledger-floor] ${msg}\n`);

export async function run(): Promise<Record<string, unknown>> {
  const total = Number(process.env.LEDGER_FLOOR_CASES ?? 20_000);
  const reports = Number(process.env.LEDGER_FLOOR_REPORTS ?? 4_000);
  const batch = Number(process.env.LEDGER_FLOOR_BATCH ?? 4);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-floor-'));
  try {
    const district = await prepareDistrict({ dataDir, now: new Date() });
    await district.database.close();
    const file = path.join(dataDir, 'civicgrid.db');
    const gen = await generate(sqliteLoader(file), district.world, total, 'sqlite');
    log(`generated ${gen.cases.toLocaleString('en')} cases`);
    const timed = replay(file, reports, batch, 10_000);
    // Again without checkpoints, to count the frames each report adds to the WAL.
    const counted = replay(file, reports, batch, 0);
    log(
      `${round(timed.workUs)} µs executing + ${round(timed.commitUs)} µs at COMMIT = ${round(timed.workUs + timed.commitUs)} µs a report; ${round(counted.framesPerReport)} WAL frames a report`,
    );
    log(`frames a report by B-tree: ${counted.byTree.map(([k, v]) => `${k} ${v}`).join(', ')}`);
    return {
      cases: gen.cases,
      reports,
      batch,
      workUs: round(timed.workUs),
      commitUs: round(timed.commitUs),
      totalUs: round(timed.workUs + timed.commitUs),
      commitUsWithoutCheckpoints: round(counted.commitUs),
      walFramesPerReport: round(counted.framesPerReport),
      framesByTree: Object.fromEntries(counted.byTree),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

type Row = Record<string, unknown>;

function replay(file: string, reports: number, batch: number, autocheckpoint: number) {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
  // Newly reported cases and what goes with them, as templates.
  const cases = db
    .prepare(`SELECT * FROM cases WHERE status = 'reported' ORDER BY rowid DESC LIMIT 500`)
    .all() as Row[];
  if (!cases.length) throw new Error('no reported case to copy');
  const action = db
    .prepare(`SELECT * FROM case_actions WHERE case_id = ? ORDER BY seq LIMIT 1`)
    .get(cases[0].id) as Row;
  const insert = (table: string, row: Row) =>
    db.prepare(
      `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map(() => '?')
        .join(', ')})`,
    );
  const audit: Row = {
    id: '',
    district_code: cases[0].district_code,
    at: '',
    actor_id: null,
    actor_name: '网格员',
    action: 'case.report',
    entity_type: 'case',
    entity_id: '',
    summary: '上报问题',
    before: null,
    after: null,
    request_id: null,
  };
  const inbox: Row = {
    id: '',
    district_code: cases[0].district_code,
    account_id: (db.prepare(`SELECT id FROM accounts WHERE username = 'chengbei'`).get() as { id: string }).id,
    kind: 'case.reported',
    title: '新上报问题',
    body: '辖区内有新上报的问题，请研判',
    entity_type: 'case',
    entity_id: '',
    created_at: '',
    read_at: null,
  };
  const insertCase = insert('cases', cases[0]);
  const insertAction = insert('case_actions', action);
  const insertAudit = insert('audit_events', audit);
  const insertInbox = insert('inbox_messages', inbox);
  const counter = db.prepare(`INSERT INTO case_number_counters (district_code, day, last) VALUES (?, ?, 1)
    ON CONFLICT (district_code, day) DO UPDATE SET last = case_number_counters.last + 1 RETURNING last`);
  // A report adds one to 受理数 in both bases' rows of its grid and day.
  const rollup = db.prepare(`INSERT INTO case_kpi_days (district_code, basis, kpi_view, unit_path, day, reported)
    VALUES (?, ?, 'area', ?, ?, 1) ON CONFLICT (district_code, basis, kpi_view, unit_path, day)
    DO UPDATE SET reported = case_kpi_days.reported + excluded.reported`);
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const run = `F${Date.now().toString(36)}`;
  let work = 0;
  let commitMs = 0;
  let n = 0;
  while (n < reports) {
    const t0 = performance.now();
    begin.run();
    for (let k = 0; k < batch && n < reports; k++, n++) {
      const now = Date.now();
      const at = new Date(now).toISOString();
      const t = cases[n % cases.length];
      const id = uuidAt(now);
      const seq = counter.get(t.district_code, run) as { last: number };
      insertCase.run(
        ...Object.values({
          ...t,
          id,
          case_number: `${t.district_code}-${run}-${seq.last}`,
          reported_at: at,
          updated_at: at,
        }),
      );
      insertAction.run(...Object.values({ ...action, id: uuidAt(now), case_id: id, at }));
      insertAudit.run(...Object.values({ ...audit, id: uuidAt(now), at, entity_id: id }));
      insertInbox.run(...Object.values({ ...inbox, id: uuidAt(now), entity_id: id, created_at: at }));
      for (const basis of ['standard', 'reported']) rollup.run(t.district_code, basis, t.grid_path ?? '/', run);
    }
    const t1 = performance.now();
    commit.run();
    work += t1 - t0;
    commitMs += performance.now() - t1;
  }
  // The WAL was emptied at the start (TRUNCATE); without checkpoints it now holds every frame written.
  const frames = fs.statSync(`${file}-wal`).size / (4096 + 24);
  let byTree: [string, number][] = [];
  if (autocheckpoint === 0) {
    // Which B-tree each frame of the WAL belongs to (frame header: page number first).
    const wal = fs.readFileSync(`${file}-wal`);
    const pages = new Map<number, number>();
    for (let off = 32; off + 4120 <= wal.length; off += 4120)
      pages.set(wal.readUInt32BE(off), (pages.get(wal.readUInt32BE(off)) ?? 0) + 1);
    const names = new Map(
      (db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]).map((r) => [
        r.pageno,
        r.name,
      ]),
    );
    const counts = new Map<string, number>();
    for (const [page, c] of pages) {
      const name = names.get(page) ?? 'other';
      counts.set(name, (counts.get(name) ?? 0) + c);
    }
    byTree = [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round(v / reports, 2)]);
  }
  db.close();
  return {
    workUs: (work * 1000) / reports,
    commitUs: (commitMs * 1000) / reports,
    framesPerReport: frames / reports,
    byTree,
  };
}
