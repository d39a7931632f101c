import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';
import type { EnqueueEvent } from '../webhooks/index.js';

/** What the venues module uses of the context (also what cases needs to raise a case from a failed inspection). */
export interface VenuesDeps {
  database: Database;
  clock: Clock;
  config: Config;
  org: OrgApi;
  enqueueEvent?: EnqueueEvent;
}
