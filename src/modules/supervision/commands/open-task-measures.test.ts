import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../kernel/db/db.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import type { MeasureQuery } from '../../insights/index.js';
import type { SupervisionDeps } from '../deps.js';
import { supervisionInsightMeasures } from './insight-measures.js';

/*
 * 在办任务数 and 逾期任务数 are counted per lead unit path and status in the database and summed per
 * area: a task counts in each area its lead unit lies in, a cooperating unit's area not, a done task
 * never, another district's never.
 */

const D = '/d/';
const A = '/d/a/';
const B = '/d/b/';
/** id, status, lead unit path, district. */
const TASKS: [string, string, string, string][] = [
  ['t1', 'on_track', '/d/a/u1/', '411602'],
  ['t2', 'overdue', '/d/a/u1/', '411602'],
  ['t3', 'done', '/d/a/u3/', '411602'],
  ['t4', 'lagging', '/d/a/u2/', '411602'],
  ['t5', 'overdue', '/d/b/u4/', '411602'],
  ['t6', 'overdue', '/d/b/u4/', '411602'],
  ['t7', 'overdue', '/d/b/', '411602'],
  ['t8', 'overdue', '/d/a/u1/', '411603'],
];

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: 在办 and 逾期任务数 by area`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await tdb.open();
      const at = '2026-11-30T02:00:00.000Z';
      for (const [id, status, lead, district] of TASKS) {
        await sql`INSERT INTO tasks (id, district_code, kind, source, parent_id, root_id, tree_path, depth, item_id, topic_id, title, description, lead_leader_id, lead_unit_id, lead_unit_path,
          cooperating_unit_ids, start_on, deadline_on, cadence, weight, status, status_reasons, progress, status_on, completed_on, missing_notified_due, assessment_days, version, created_by, created_at, updated_at)
          VALUES (${id}, ${district}, 'task', 'work_plan', NULL, ${id}, ${`/${id}/`}, 0, NULL, NULL, ${id}, NULL, 'leader', ${lead.slice(-3, -1)}, ${lead},
          '[]', '2026-11-01', '2026-12-31', NULL, NULL, ${status}, '[]', 0, '2026-11-30', NULL, NULL, NULL, 1, 'leader', ${at}, ${at})`.execute(
          database.db,
        );
        await database.db
          .insertInto('task_units')
          .values({ task_id: id, unit_id: lead.slice(-3, -1), unit_path: lead, role: 'lead' })
          .execute();
      }
      // A cooperating unit is not a lead: t1 does not count under b.
      await database.db
        .insertInto('task_units')
        .values({ task_id: 't1', unit_id: 'u5', unit_path: '/d/b/u5/', role: 'coop' })
        .execute();
    });
    afterAll(async () => database?.close());

    it('counts each open task in the areas its lead unit lies in', async () => {
      const measures = supervisionInsightMeasures({} as SupervisionDeps);
      const q: MeasureQuery = {
        districtCode: '411602',
        areas: [
          { unitId: 'd', unitPath: D, kind: 'district' },
          { unitId: 'a', unitPath: A, kind: 'subdistrict' },
          { unitId: 'b', unitPath: B, kind: 'subdistrict' },
          { unitId: 'u1', unitPath: '/d/a/u1/', kind: 'community' },
          { unitId: 'u4', unitPath: '/d/b/u4/', kind: 'community' },
        ],
        from: new Date('2026-10-31T16:00:00.000Z'),
        to: new Date('2026-11-30T16:00:00.000Z'),
        days: { from: '2026-11-01', to: '2026-11-30' },
        asOf: new Date('2026-11-30T02:00:00.000Z'),
      };
      const value = async (code: string) =>
        Object.fromEntries(
          [...(await measures.find((m) => m.code === code)!.measure(database.db, q))].map(([k, v]) => [k, v.numerator]),
        );
      // Folded by hand: d holds t1 t2 t4 t5 t6 t7; a: t1 t2 t4; b: t5 t6 t7; u1: t1 t2; u4: t5 t6.
      expect(await value('supervision.openTasks')).toEqual({ d: 6, a: 3, b: 3, u1: 2, u4: 2 });
      expect(await value('supervision.overdueTasks')).toEqual({ d: 4, a: 1, b: 3, u1: 1, u4: 2 });
    });
  });
}
