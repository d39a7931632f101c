import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

export interface PatrolsDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Units, boundaries and accounts: the patrol's grids or village, their shapes, the people along. */
  org: OrgApi;
}
