import type { Clock } from '../../kernel/clock.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';

export interface ScreeningDeps {
  database: Database;
  clock: Clock;
  /** The organisation tree: units, grids, locating points, the accounts told of late 协查. */
  org: OrgApi;
  /** The district's time zone (Asia/Shanghai): local days and times in notices. */
  timeZone: string;
  /** Where the server secret that signs purge records lives (kernel/privacy/server-secret.ts). */
  serverSecretFile: string;
}
