import type { EnqueueEvent } from '../webhooks/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { EventBus } from '../../kernel/events/events.js';
import type { OrgApi } from '../org/index.js';
import type { CaseGuard } from './case-events.js';

export interface CasesDeps {
  database: Database;
  clock: Clock;
  config: Config;
  org: OrgApi;
  enqueueEvent?: EnqueueEvent;
  /** The app's bus: a report emits 'case.reported' on it (absent in tests of the ledger alone). */
  events?: EventBus;
  /** Other modules' rules on the ledger's steps (Module.caseGuards), run before each step is written. */
  caseGuards?: readonly CaseGuard[];
}

export type { EnqueueEvent } from '../webhooks/index.js';
