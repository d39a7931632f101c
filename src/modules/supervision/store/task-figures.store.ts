import type { Executor } from '../../../kernel/db/db.js';
import { TASK_STATUSES } from '../../../contracts/supervision.js';

const OPEN = TASK_STATUSES.filter((s) => s !== 'done');

export const taskFigureStore = {
  /**
   * The tasks not done (status cached by the rules, docs/supervision.md) of a district, counted per
   * lead unit path and status (a task has one lead unit: `lead_unit_path`, the 'lead' row of its
   * units). Read from the index (district_code, status, lead_unit_path) alone; summed per area by path.
   */
  async openLedCounts(ex: Executor, districtCode: string) {
    const rows = await ex
      .selectFrom('tasks')
      .select(['lead_unit_path', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('district_code', '=', districtCode)
      .where('status', 'in', OPEN)
      .groupBy(['lead_unit_path', 'status'])
      .execute();
    return rows.map((r) => ({ path: r.lead_unit_path, status: r.status, n: Number(r.n) }));
  },
};
