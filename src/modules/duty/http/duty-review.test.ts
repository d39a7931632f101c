import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDutyKit, type DutyKit } from '../test-kit.js';

const R = '/api/v1/duty/responsibilities';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: duty responsibilities under race and odd holders`, () => {
    let k: DutyKit;
    beforeAll(async () => {
      k = await openDutyKit(tdb);
    }, 60_000);
    afterAll(() => k?.h.close());

    it('two 主责 leaders of one community added at once: one is written, the other refused (409 naming from)', async () => {
      const add = (who: 'leader' | 'duchashi' | 'chenzhou') =>
        k.call('chenzhou', 'POST', R, {
          kind: 'lead',
          targetUnitId: k.ids.zhuzhuang,
          holder: { type: 'account', id: k.accounts[who] },
          from: '2026-12-01',
        });
      const results = await Promise.all([add('leader'), add('duchashi'), add('chenzhou')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409))
        expect(r.json()).toMatchObject({ code: 'duty.lead_overlap', errors: [{ field: 'from' }] });
      const leads = await k.h.database.db
        .selectFrom('duty_responsibilities')
        .select('id')
        .where('target_id', '=', k.ids.zhuzhuang)
        .where('kind', '=', 'lead')
        .execute();
      expect(leads).toHaveLength(1);
    });

    it('refuses a holder account that is not a cadre (a volunteer, a department’s handler), naming holder.id', async () => {
      const before = await k.count('duty_responsibilities');
      for (const who of ['volunteer', 'handler'] as const) {
        const r = await k.call('chenzhou', 'POST', R, {
          kind: 'embed',
          targetUnitId: k.ids.dehua,
          holder: { type: 'account', id: k.accounts[who] },
          from: '2026-12-01',
        });
        expect(r.statusCode, r.body).toBe(422);
        expect(r.json().errors).toMatchObject([{ field: 'holder.id' }]);
        expect(r.json().errors[0].detail ?? r.json().detail).toBeTruthy();
        expect(JSON.stringify(r.json())).toContain('duty.holder_not_cadre');
      }
      expect(await k.count('duty_responsibilities')).toBe(before);
    });

    it('a duty cadre who no longer may lead (disabled) leads no day, planned or copied forward: the day shows 缺岗', async () => {
      const put = await k.call('dehua', 'PUT', '/api/v1/duty/rosters/days', {
        unitId: k.ids.dehua,
        day: '2026-12-14',
        cadreAccountId: k.accounts.chenzhou,
        volunteers: ['青年志愿者小李'],
        gridIds: [k.ids.dehua1, k.ids.dehua2],
      });
      expect(put.statusCode, put.body).toBe(200);
      const off = await k.call('admin', 'PATCH', `/api/v1/accounts/${k.accounts.chenzhou}`, { disabled: true });
      expect(off.statusCode, off.body).toBe(200);
      // The day already planned shows the gap too (and the reminder would tell it).
      const planned = (
        await k.call('dehua', 'GET', `/api/v1/duty/rosters?unitId=${k.ids.dehua}&from=2026-12-14&days=1`)
      ).json().days[0];
      expect(planned).toMatchObject({ cadre: null, gaps: { noCadre: true } });
      const copy = await k.call('dehua', 'POST', '/api/v1/duty/rosters/copy-forward', {
        unitId: k.ids.dehua,
        weekStart: '2026-12-21',
      });
      expect(copy.json()).toEqual({ copied: 1, replaced: 0 });
      const day = (
        await k.call('dehua', 'GET', `/api/v1/duty/rosters?unitId=${k.ids.dehua}&from=2026-12-21&days=1`)
      ).json().days[0];
      expect(day).toMatchObject({ cadre: null, volunteers: ['青年志愿者小李'], gaps: { noCadre: true } });
    });
  });
}
