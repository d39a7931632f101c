import type { Migration } from 'kysely';
import * as createOrg from './2026-11-29T0300-create-org.js';
import * as createCases from './2026-11-29T0400-create-cases.js';

/** Every migration, by its frozen name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-29T0300-create-org': createOrg,
  '2026-11-29T0400-create-cases': createCases,
};
