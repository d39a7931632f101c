import type { Clock } from '../../kernel/clock.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

export interface PopulationDeps {
  database: Database;
  clock: Clock;
  /** The organisation tree: grids, locating points, names (population never reads org's tables). */
  org: OrgApi;
  /** The district's time zone, for dates printed in exports (Asia/Shanghai). */
  timeZone: string;
}
