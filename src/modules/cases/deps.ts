import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database, Executor } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

/** Outgoing events (webhooks, group robots); wired by the app when the webhooks module is present. */
export type EnqueueEvent = (
  ex: Executor,
  e: { districtCode: string; type: string; at: Date; payload: Record<string, unknown>; text: string },
) => Promise<void>;

export interface CasesDeps {
  database: Database;
  clock: Clock;
  config: Config;
  org: OrgApi;
  enqueueEvent?: EnqueueEvent;
}
