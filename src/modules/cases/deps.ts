import type { EnqueueEvent } from '../webhooks/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { EventBus } from '../../kernel/events/events.js';
import type { OrgApi } from '../org/index.js';

export interface CasesDeps {
  database: Database;
  clock: Clock;
  config: Config;
  org: OrgApi;
  enqueueEvent?: EnqueueEvent;
  /** The app's in-transaction domain events ('case.overdue'). */
  events?: EventBus;
}

export type { EnqueueEvent } from '../webhooks/index.js';
