import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

/** What the boards module uses of the context. */
export interface BoardsDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Units and locate (boards never read org's tables). */
  org: OrgApi;
}
