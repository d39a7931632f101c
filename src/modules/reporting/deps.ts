import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database, Executor } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

export interface ReportingDeps {
  database: Database;
  clock: Clock;
  config: Config;
  org: OrgApi;
  /** Webhook / group-robot events, when the webhooks module is wired. */
  enqueueEvent?: (
    ex: Executor,
    e: { districtCode: string; type: string; at: Date; payload: Record<string, unknown>; text: string },
  ) => Promise<void>;
}
