import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database, Executor } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

/** What the weekly, monthly and evidence parts of the module use (a subset of the module's deps). */
export interface CycleDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Units and their paths, accounts for notices (stars never reads org's tables). */
  org: OrgApi;
  /**
   * Has the 街道 proposed (or the district confirmed) the branch's rating for the quarter? Evidence is
   * then frozen: nothing added, nothing deleted. The quarterly rating answers it; without a rating
   * module nothing can have been proposed.
   */
  ratingProposed?(ex: Executor, branchId: string, quarter: string): Promise<boolean>;
  /**
   * The star keys (and each star's indicator keys) of the set in force for the branch's kind in the
   * quarter; null when no set is kept. The star-set part answers it.
   */
  starKeys?(
    ex: Executor,
    districtCode: string,
    branchKind: 'village' | 'urban',
    quarter: string,
  ): Promise<Map<string, string[]> | null>;
}
