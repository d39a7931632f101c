import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';
import type { RateFigureSource } from '../reporting/index.js';

/** What the "五星"支部 module uses of the context. */
export interface StarsDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Branches, their communities and the actors' units (stars never read org's tables). */
  org: OrgApi;
  /** The rates other modules offer (Module.rateFigures), read from the module list. */
  rateSources: readonly RateFigureSource[];
}
