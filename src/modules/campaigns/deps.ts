import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';
import type { ReportFigureSource } from '../reporting/index.js';

export interface CampaignsDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Units and their paths (campaigns never read org's tables). */
  org: OrgApi;
  /** Every module's figure sources (reportFigures): what a computed indicator counts with. */
  figures(): readonly ReportFigureSource[];
}
