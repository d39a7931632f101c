import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openDutyKit, type DutyKit, type User } from '../test-kit.js';

/**
 * Role × endpoint × in/out of scope over every duty endpoint, against tables written out here apart
 * from roles.ts and the commands. Each allowed request is refused by a rule after the checks (a wrong
 * kind of target, a grid of another community, an end before the start) or writes nothing (a copy from
 * an empty week, reads): 403 auth.permission_denied = no permission; 403 duty.unit_out_of_scope (or
 * 404 for a record by id) = outside the scope; the expected status = let through.
 */
const UNITS = ['dehua', 'zhuzhuang', 'beiguan'] as const;
type Unit = (typeof UNITS)[number];
type Need = 'read' | 'write' | 'assign';

const PERMITS: Record<User, Need[]> = {
  admin: ['read', 'write', 'assign'],
  leader: ['read'],
  duchashi: ['read'],
  chenzhou: ['read', 'write', 'assign'],
  chengbei: ['read', 'write', 'assign'],
  dehua: ['read', 'write'],
  zhuzhuang: ['read', 'write'],
  wgy: [],
  handler: [],
  volunteer: [],
};

const SEES: Record<User, Unit[]> = {
  admin: [...UNITS],
  leader: [...UNITS],
  duchashi: [...UNITS],
  chenzhou: ['dehua', 'zhuzhuang'],
  chengbei: ['beiguan'],
  dehua: ['dehua'],
  zhuzhuang: ['zhuzhuang'],
  wgy: [],
  handler: [],
  volunteer: [],
};

interface Action {
  name: string;
  needs: Need;
  allowed: number;
  /** Out of scope: by unit (403 naming the field) or by record id (404). */
  outside: 'unit' | 'id';
  send(k: DutyKit, who: User, u: Unit, leadId: string): ReturnType<DutyKit['call']>;
}

const ACTIONS: Action[] = [
  {
    name: 'list responsibilities',
    needs: 'read',
    allowed: 200,
    outside: 'unit',
    send: (k, who, u) => k.call(who, 'GET', `/api/v1/duty/responsibilities?unitId=${k.ids[u]}`),
  },
  {
    name: 'add a responsibility',
    needs: 'assign',
    allowed: 422,
    outside: 'unit',
    send: (k, who, u) =>
      k.call(who, 'POST', '/api/v1/duty/responsibilities', {
        kind: 'branch_lead',
        targetUnitId: k.ids[u],
        holder: { type: 'account', id: k.accounts.leader },
        from: '2026-12-01',
      }),
  },
  {
    name: 'end a responsibility',
    needs: 'assign',
    allowed: 422,
    outside: 'id',
    send: (k, who, _u, leadId) =>
      k.call(who, 'POST', `/api/v1/duty/responsibilities/${leadId}/end`, { to: '2026-01-01' }),
  },
  {
    name: 'read a roster',
    needs: 'read',
    allowed: 200,
    outside: 'unit',
    send: (k, who, u) => k.call(who, 'GET', `/api/v1/duty/rosters?unitId=${k.ids[u]}&from=2026-11-30`),
  },
  {
    name: 'write a roster day',
    needs: 'write',
    allowed: 422,
    outside: 'unit',
    // A grid of 北关 fits no other community; for 北关 itself, one of 德化's.
    send: (k, who, u) =>
      k.call(who, 'PUT', '/api/v1/duty/rosters/days', {
        unitId: k.ids[u],
        day: '2026-12-01',
        cadreAccountId: null,
        gridIds: [u === 'beiguan' ? k.ids.dehua1 : k.ids.beiguan1],
      }),
  },
  {
    name: 'copy a roster forward',
    needs: 'write',
    allowed: 200,
    outside: 'unit',
    send: (k, who, u) =>
      k.call(who, 'POST', '/api/v1/duty/rosters/copy-forward', { unitId: k.ids[u], weekStart: '2027-03-01' }),
  },
  {
    name: 'export a roster',
    needs: 'read',
    allowed: 200,
    outside: 'unit',
    send: (k, who, u) => k.call(who, 'GET', `/api/v1/duty/rosters/export.xlsx?unitId=${k.ids[u]}&from=2026-11-30`),
  },
];

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: duty authorization matrix`, () => {
    let k: DutyKit;
    const leads = {} as Record<Unit, string>;
    beforeAll(async () => {
      k = await openDutyKit(tdb);
      for (const u of UNITS) {
        const r = await k.call('admin', 'POST', '/api/v1/duty/responsibilities', {
          kind: 'lead',
          targetUnitId: k.ids[u],
          holder: { type: 'account', id: k.accounts.leader },
          from: '2026-11-01',
        });
        if (r.statusCode !== 201) throw new Error(r.body);
        leads[u] = r.json().id;
      }
    }, 60_000);
    afterAll(() => k?.h.close());

    it('holder options: responsibility writers only', async () => {
      for (const who of Object.keys(PERMITS) as User[]) {
        const r = await k.call(who, 'GET', '/api/v1/duty/holder-options');
        expect(r.statusCode, who).toBe(PERMITS[who].includes('assign') ? 200 : 403);
      }
      const o = (await k.call('chenzhou', 'GET', '/api/v1/duty/holder-options')).json();
      expect(o.units.map((u: { name: string }) => u.name)).toContain('周口电信川汇分公司');
      expect(o.accounts.map((a: { id: string }) => a.id)).toContain(k.accounts.leader);
      expect(o.accounts.map((a: { id: string }) => a.id)).not.toContain(k.accounts.volunteer);
    });

    for (const a of ACTIONS)
      it(`${a.name}: role × scope`, async () => {
        const before = [await k.count('duty_responsibilities'), await k.count('duty_roster_days')];
        const got: string[] = [];
        const want: string[] = [];
        for (const who of Object.keys(PERMITS) as User[])
          for (const u of UNITS) {
            const r = await a.send(k, who, u, leads[u]);
            got.push(`${who} ${u} ${r.statusCode} ${r.statusCode === 403 ? r.json().code : ''}`);
            const expected = !PERMITS[who].includes(a.needs)
              ? '403 auth.permission_denied'
              : !SEES[who].includes(u)
                ? a.outside === 'unit'
                  ? '403 duty.unit_out_of_scope'
                  : '404 '
                : `${a.allowed} `;
            want.push(`${who} ${u} ${expected}`);
          }
        expect(got).toEqual(want);
        expect([await k.count('duty_responsibilities'), await k.count('duty_roster_days')]).toEqual(before);
      });
  });
}
