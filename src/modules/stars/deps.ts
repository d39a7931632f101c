import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';
import type { RateFigureSource } from '../reporting/index.js';

export interface StarsDeps {
  database: Database;
  clock: Clock;
  config: Config;
  org: OrgApi;
  /** The rates other modules offer (Module.rateFigures), read from the module list. */
  rateSources: readonly RateFigureSource[];
}
