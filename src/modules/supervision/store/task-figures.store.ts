import type { Executor } from '../../../kernel/db/db.js';
import { sql } from 'kysely';
import { startsWith } from '../../../kernel/db/dialect.js';

export const taskFigureStore = {
  /**
   * The tasks not done (status cached by the rules, docs/supervision.md) led by a unit under `prefix`,
   * counted in the database: per lead unit path and status, those with one lead unit
   * (`counts`), and listed one by one those with several (`shared`: counted once per area by id).
   */
  async openLedCounts(ex: Executor, districtCode: string, prefix: string) {
    const base = () =>
      ex
        .selectFrom('tasks')
        .innerJoin('task_units as tu', 'tu.task_id', 'tasks.id')
        .where('tasks.district_code', '=', districtCode)
        .where('tasks.status', '!=', 'done')
        .where('tu.role', '=', 'lead')
        .where(startsWith('tu.unit_path', prefix));
    const otherLead = sql<boolean>`EXISTS (SELECT 1 FROM task_units o WHERE o.task_id = tu.task_id AND o.role = 'lead' AND o.unit_id <> tu.unit_id)`;
    const [counts, shared] = await Promise.all([
      base()
        .select(['tu.unit_path', 'tasks.status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where(sql<boolean>`NOT ${otherLead}`)
        .groupBy(['tu.unit_path', 'tasks.status'])
        .execute(),
      base().select(['tasks.id', 'tasks.status', 'tu.unit_path']).where(otherLead).execute(),
    ]);
    return { counts: counts.map((r) => ({ path: r.unit_path, status: r.status, n: Number(r.n) })), shared };
  },
};
