import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openBoardKit, type BoardKit } from '../test-kit.js';

// The harness's clock: 2026-11-30 10:00 in Shanghai.
for (const tdb of testDatabases()) {
  describe(`更换宣传牌数 pre-fills a report form (${tdb.name})`, () => {
    let k: BoardKit;
    let formId = '';
    beforeAll(async () => {
      k = await openBoardKit(tdb);
      const form = await k.call('admin', 'POST', '/api/v1/report-forms', {
        code: 'wenming_daily',
        name: '创文工作日报',
        periodType: 'daily',
        deadline: { time: '18:00', dayOffset: 0 },
        allowZero: true,
        reporters: { kind: 'level', unitKind: 'community' },
        fields: [{ code: 'signs', label: '更换宣传牌（处）', type: 'integer', min: 0, source: 'boards.replaced' }],
        rules: [],
      });
      expect(form.statusCode, form.body).toBe(201);
      formId = form.json().id;
    }, 120_000);
    afterAll(async () => k?.h.close());

    it('counts the day’s replacements under the unit, not repairs or other changes', async () => {
      const prefill = async (who: 'dehua' | 'chenzhou' | 'chengbei', unit: string) =>
        (
          await k.call(who, 'GET', `/api/v1/report-forms/${formId}/prefill?unitId=${k.ids[unit]}&period=2026-11-30`)
        ).json().values;
      expect(await prefill('dehua', 'dehua')).toEqual({ signs: 0 });
      const a = await k.board('dehua');
      const b = await k.board('dehua');
      const step = async (id: string, body: Record<string, unknown>) =>
        expect((await k.call('dehua', 'POST', `/api/v1/boards/${id}/state`, body)).statusCode).toBe(200);
      await step(a, { state: 'damaged' });
      await step(a, { state: 'good', photoId: await k.photo('dehua') }); // replaced
      await step(b, { state: 'damaged' });
      await step(b, { state: 'good' }); // repaired: not counted
      await step(b, { state: 'good', photoId: await k.photo('dehua') }); // a worn sign swapped: counted
      expect(await prefill('dehua', 'dehua')).toEqual({ signs: 2 });
      expect(await prefill('chenzhou', 'chenzhou')).toEqual({ signs: 2 });
      expect(await prefill('chengbei', 'beiguan')).toEqual({ signs: 0 });
    });
  });
}
