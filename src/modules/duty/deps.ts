import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

/** What the duty module uses of the context. */
export interface DutyDeps {
  database: Database;
  clock: Clock;
  config: Config;
  org: OrgApi;
}
