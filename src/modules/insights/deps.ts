import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { OrgApi } from '../org/index.js';
import type { MeasureSource, WorkItemSource } from './sources.js';

export interface InsightsDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** Units in scope, their children and grids: the areas a measure is asked for. */
  org: OrgApi;
  /** Every module's measures (`Module.insightMeasures`), gathered once. */
  measures: readonly MeasureSource[];
  /** Every module's work items (`Module.workItems`). */
  workItems: readonly WorkItemSource[];
}
