import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { LocateService } from './locate-service.js';
import type { EventBus } from '../../kernel/events/events.js';

export interface OrgDeps {
  database: Database;
  clock: Clock;
  config: Config;
  locator: LocateService;
  /** The app's in-transaction events: a unit move is told to other modules' listeners ('org.unit_moved'). */
  events: EventBus;
}
