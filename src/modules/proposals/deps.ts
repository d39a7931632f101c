import type { EnqueueEvent } from '../webhooks/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { FileStore } from '../../kernel/files/file-store.js';
import type { OrgApi } from '../org/index.js';

export interface ProposalsDeps {
  database: Database;
  clock: Clock;
  config: Config;
  org: OrgApi;
  /** Where uploaded evidence lives; evidence is served through the proposal it proves, to whoever may see that. */
  files?: FileStore;
  /** Webhook / group-robot events ('proposal.overdue', 'supervisor_opinion.overdue'), when the webhooks module is wired. */
  enqueueEvent?: EnqueueEvent;
}
