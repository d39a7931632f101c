import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

/** What the farmland module uses of the context. */
export interface FarmlandDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Villages, their boundaries and paths (farmland never reads org's tables). */
  org: OrgApi;
}
