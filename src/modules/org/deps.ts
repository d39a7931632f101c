import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';
import type { LocateService } from './locate-service.js';
import type { UnitMoves } from './unit-moves.js';

export interface OrgDeps {
  database: Database;
  clock: Clock;
  config: Config;
  locator: LocateService;
  /** Other modules' listeners, told of a unit move inside its transaction. */
  unitMoves: UnitMoves;
}
