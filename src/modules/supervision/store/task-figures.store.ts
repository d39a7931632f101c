import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';

export const taskFigureStore = {
  /**
   * The tasks not done (status cached by the rules, docs/supervision.md) led by a unit under `prefix`:
   * each with its lead unit's path and status, one query for every area under the prefix.
   */
  async openLed(ex: Executor, districtCode: string, prefix: string) {
    return ex
      .selectFrom('tasks')
      .innerJoin('task_units as tu', 'tu.task_id', 'tasks.id')
      .select(['tasks.id', 'tasks.status', 'tu.unit_path'])
      .where('tasks.district_code', '=', districtCode)
      .where('tasks.status', '!=', 'done')
      .where('tu.role', '=', 'lead')
      .where(startsWith('tu.unit_path', prefix))
      .execute();
  },
};
