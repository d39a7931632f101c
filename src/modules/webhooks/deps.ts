import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Database } from '../../kernel/db/db.js';

export interface WebhookDeps {
  database: Database;
  clock: Clock;
  /** The district zone, for the times shown in robot messages. */
  config: Pick<Config, 'timeZone'>;
  /** The global fetch unless a test injects another. */
  fetch?: typeof fetch;
  /** Per attempt; 10 s unless a test shortens it. */
  timeoutMs?: number;
}
