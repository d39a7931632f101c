import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

export interface MeasuresDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Accounts and units: the owners' roles and units, the subject's community (measures never read org's tables). */
  org: OrgApi;
}
