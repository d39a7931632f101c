import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../kernel/auth/actor.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { zhSentence } from '../../../kernel/http/messages.zh.js';
import { addEvidence, deleteEvidence } from '../commands/evidence.js';
import type { CycleDeps } from '../cycle-deps.js';
import { ratingInputs } from '../commands/rating-context.js';
import { openCycleFixture, type CycleFixture } from '../testing/cycle-test-kit.js';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: evidence (佐证材料)`, () => {
    let f: CycleFixture;
    beforeAll(async () => {
      f = await openCycleFixture(tdb, ['zhuzhuang', 'chengbei']);
    }, 180_000);
    afterAll(async () => f?.h.close());
    const post = (who: string, body: Record<string, unknown>) =>
      f.call(who, 'POST', '/api/v1/stars/evidence', { branchId: f.branches.dehua, quarter: '2026-Q4', ...body });

    it('takes a photo and/or a note for a star or one of its indicators, and counts them for the rating', async () => {
      const photo = await f.photo('dehua');
      const a = await post('dehua', { starKey: 'branch_strong', indicatorKey: 'org_life', fileId: photo });
      expect(a.statusCode, a.body).toBe(201);
      expect(a.json()).toMatchObject({
        starKey: 'branch_strong',
        indicatorKey: 'org_life',
        fileId: photo,
        canDelete: true,
      });
      expect((await post('dehua', { starKey: 'branch_strong', note: '支部委员会会议记录 12 次' })).statusCode).toBe(
        201,
      );
      expect(
        (await post('dehua', { starKey: 'safe_lawful', indicatorKey: 'disputes', note: '调解记录' })).statusCode,
      ).toBe(201);
      expect((await post('dehua', { starKey: 'safe_lawful', quarter: '2026-Q3', note: '上季度' })).statusCode).toBe(
        201,
      );
      // What the rating reads: pieces for the star as a whole under its key, an indicator's own under
      // 'star/indicator'; the quarter before is not counted.
      const { evidence } = await ratingInputs(f.h.database.db, f.branches.dehua, '2026-Q4');
      expect(Object.fromEntries(evidence)).toEqual({
        branch_strong: 1,
        'branch_strong/org_life': 1,
        'safe_lawful/disputes': 1,
      });
      const list = await f.call(
        'chenzhou',
        'GET',
        `/api/v1/stars/evidence?branchId=${f.branches.dehua}&quarter=2026-Q4`,
      );
      expect(list.json().items).toHaveLength(3);
      expect(list.json().items.every((e: { canDelete: boolean }) => !e.canDelete)).toBe(true);
      // The photo is seen by the 街道, not by another 街道.
      expect((await f.call('chenzhou', 'GET', `/api/v1/files/${photo}/meta`)).statusCode).toBe(200);
      expect((await f.call('chengbei', 'GET', `/api/v1/files/${photo}/meta`)).statusCode).toBe(404);
    });

    it('refuses nothing to show, a quarter not begun, a bad key and another’s photo, naming the field', async () => {
      const before = await f.count('star_evidence');
      const empty = await post('dehua', { starKey: 'branch_strong' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0].field).toBe('fileId');
      const future = await post('dehua', { starKey: 'branch_strong', quarter: '2027-Q1', note: 'x' });
      expect(future.statusCode).toBe(422);
      expect(future.json().errors[0]).toMatchObject({
        field: 'quarter',
        message: zhSentence('evidence.quarter_future'),
      });
      expect((await post('dehua', { starKey: 'Bad Key', note: 'x' })).json().errors[0].field).toBe('starKey');
      // 产业兴旺 is a village's star: 德化 is an urban community, rated on the urban set in force.
      const village = await post('dehua', { starKey: 'industry', note: 'x' });
      expect(village.json().errors[0]).toMatchObject({
        field: 'starKey',
        message: zhSentence('evidence.star_unknown'),
      });
      const indicator = await post('dehua', { starKey: 'branch_strong', indicatorKey: 'collective_income', note: 'x' });
      expect(indicator.json().errors[0]).toMatchObject({
        field: 'indicatorKey',
        message: zhSentence('evidence.indicator_unknown'),
      });
      const theirs = await f.photo('chengbei');
      const borrowed = await post('dehua', { starKey: 'branch_strong', fileId: theirs });
      expect(borrowed.json().errors[0]).toMatchObject({
        field: 'fileId',
        message: zhSentence('evidence.file_unknown'),
      });
      const outside = await post('zhuzhuang', { starKey: 'branch_strong', note: 'x' });
      expect(outside.json().errors[0]).toMatchObject({
        field: 'branchId',
        message: zhSentence('star.branch_out_of_scope'),
      });
      expect(await f.count('star_evidence')).toBe(before);
    });

    it('lets only the uploader delete a piece', async () => {
      const mine = (await post('dehua', { starKey: 'branch_strong', note: '待删除' })).json().id;
      const admins = (await post('admin', { starKey: 'branch_strong', note: '管理员上传' })).json().id;
      const refused = await f.call('dehua', 'DELETE', `/api/v1/stars/evidence/${admins}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toBe(zhSentence('evidence.not_uploader'));
      expect((await f.call('zhuzhuang', 'DELETE', `/api/v1/stars/evidence/${mine}`)).statusCode).toBe(404);
      expect((await f.call('dehua', 'DELETE', `/api/v1/stars/evidence/${mine}`)).statusCode).toBe(204);
      expect((await f.call('dehua', 'DELETE', `/api/v1/stars/evidence/${mine}`)).statusCode).toBe(404);
    });

    it('freezes the quarter’s evidence once its rating is proposed: nothing added, nothing deleted', async () => {
      const actor: Actor = await f.ctx.org.actorFor(f.h.database.db, 'dehua');
      const proposed = new Set([`${f.branches.dehua}|2026-Q3`]);
      const deps: CycleDeps = {
        database: f.h.database,
        clock: f.h.clock,
        config: f.ctx.config,
        org: f.ctx.org,
        ratingProposed: async (_ex, branchId, quarter) => proposed.has(`${branchId}|${quarter}`),
      };
      const q3 = (
        await f.call('dehua', 'GET', `/api/v1/stars/evidence?branchId=${f.branches.dehua}&quarter=2026-Q3`)
      ).json().items[0].id;
      await expect(deleteEvidence(deps, actor, q3)).rejects.toMatchObject({ code: 'evidence.rating_proposed' });
      await expect(
        addEvidence(deps, actor, {
          branchId: f.branches.dehua,
          quarter: '2026-Q3',
          starKey: 'branch_strong',
          note: 'x',
        }),
      ).rejects.toMatchObject({ code: 'evidence.rating_proposed' });
      // Another quarter is still open.
      expect(
        await addEvidence(deps, actor, {
          branchId: f.branches.dehua,
          quarter: '2026-Q4',
          starKey: 'branch_strong',
          note: 'x',
        }),
      ).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('checks the keys against the set in force when one is kept', async () => {
      const actor: Actor = await f.ctx.org.actorFor(f.h.database.db, 'dehua');
      const deps: CycleDeps = {
        database: f.h.database,
        clock: f.h.clock,
        config: f.ctx.config,
        org: f.ctx.org,
        starKeys: async (_ex, _d, kind) => (kind === 'urban' ? new Map([['branch_strong', ['org_life']]]) : null),
      };
      const body = { branchId: f.branches.dehua, quarter: '2026-Q4', note: 'x' };
      await expect(addEvidence(deps, actor, { ...body, starKey: 'industry' })).rejects.toMatchObject({
        errors: [{ field: 'starKey', code: 'evidence.star_unknown' }],
      });
      await expect(
        addEvidence(deps, actor, { ...body, starKey: 'branch_strong', indicatorKey: 'nope' }),
      ).rejects.toMatchObject({ errors: [{ field: 'indicatorKey', code: 'evidence.indicator_unknown' }] });
    });
  });
}
