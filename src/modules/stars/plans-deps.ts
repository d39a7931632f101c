import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database, Executor } from '../../kernel/db/db.js';
import type { BranchKind } from '../../contracts/stars.js';
import type { OrgApi } from '../org/index.js';
import type { EnqueueEvent } from '../webhooks/index.js';

/** What the battle maps and action teams need (a subset of the module context, plus the star sets). */
export interface PlansDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Units, accounts and paths (never org's tables). */
  org: OrgApi;
  /** Supervision's task notices may go to webhooks. */
  enqueueEvent?: EnqueueEvent;
  /**
   * The stars of the set in force for a kind of branch and year (key and name), or null while the
   * district keeps no set: then star keys are checked by their shape only.
   */
  starOptions(ex: Executor, districtCode: string, year: number, kind: BranchKind): Promise<StarOption[] | null>;
}

export interface StarOption {
  key: string;
  name: string;
}
