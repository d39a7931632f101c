import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { Conflict } from '../../../kernel/errors.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { createOrgApi, LocateService } from '../../org/index.js';
import type { CaseStep } from '../case-events.js';
import type { CasesDeps } from '../deps.js';
import { reportCase } from './report-case.js';
import { takeAction } from './take-action.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: other modules' guards on the ledger's steps`, () => {
    let h: Harness;
    let deps: CasesDeps;
    const seen: CaseStep[] = [];
    let refuse = false;
    beforeAll(async () => {
      h = await openHarness(tdb);
      deps = {
        database: h.database,
        clock: h.clock,
        config: loadConfig({ CIVICGRID_DATA_DIR: '/nonexistent' }),
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
        caseGuards: [
          async (_trx, step) => {
            seen.push(step);
            if (refuse) throw new Conflict('test.refused', 'refused by a guard', [{ field: 'type', message: 'no' }]);
          },
        ],
      };
    }, 60_000);
    afterAll(async () => h?.close());

    it('shows each guard the step about to be written, and writes nothing when one refuses', async () => {
      const admin = await deps.org.actorFor(h.database.db, 'admin');
      const id = await reportCase(deps, admin, { categoryCode: '5201', description: '某处', address: '城郊' });
      refuse = true;
      await expect(
        takeAction(deps, admin, id, { type: 'reject', payload: { reason: '不属实' } }),
      ).rejects.toMatchObject({
        code: 'test.refused',
      });
      expect(seen.at(-1)).toMatchObject({ caseId: id, type: 'reject', from: 'reported', to: 'rejected' });
      const row = await h.database.db
        .selectFrom('cases')
        .select(['status', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'reported', version: 1 });
      refuse = false;
      const { view } = await takeAction(deps, admin, id, { type: 'reject', payload: { reason: '不属实' } });
      expect(view.row.status).toBe('rejected');
    });
  });
}
