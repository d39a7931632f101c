import type { EnqueueEvent } from '../webhooks/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';
import type { ReportFigureSource } from './figures.js';

export interface ReportingDeps {
  database: Database;
  clock: Clock;
  config: Config;
  org: OrgApi;
  /** Webhook / group-robot events, when the webhooks module is wired. */
  enqueueEvent?: EnqueueEvent;
  /** The figures other modules offer to pre-fill form fields (none when no module offers any). */
  figures?: readonly ReportFigureSource[];
}
