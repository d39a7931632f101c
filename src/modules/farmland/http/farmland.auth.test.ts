import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { feature, openFarmlandKit, square, VILLAGES, type FarmlandKit, type User } from '../test-kit.js';

/**
 * Role × endpoint × village in/out of scope over every farmland endpoint, against tables written out
 * here apart from roles.ts and the commands. Each village has a parcel and one farmland case, already
 * closed as 不予立案, so an allowed approval is refused by a rule (409) rather than written, and an
 * allowed import sends a bad file (422): 403 = no permission, 404 = outside the scope, else let through.
 */
const VILLAGE_KEYS = ['sunzui', 'houwan'] as const;
type Village = (typeof VILLAGE_KEYS)[number];
type Need = 'read' | 'write' | 'approve';

const PERMITS: Record<User, Need[]> = {
  admin: ['read', 'write', 'approve'],
  leader: ['read', 'approve'],
  duchashi: ['read'],
  chenzhou: ['read', 'write'],
  chengbei: ['read', 'write'],
  sunzui: ['read'],
  wgy: [],
  handler: [],
  volunteer: [],
};

const SEES: Record<User, Village[]> = {
  admin: ['sunzui', 'houwan'],
  leader: ['sunzui', 'houwan'],
  duchashi: ['sunzui', 'houwan'],
  chenzhou: ['sunzui'],
  chengbei: ['houwan'],
  sunzui: ['sunzui'],
  wgy: [],
  handler: [],
  volunteer: [],
};

const centre = (v: Village) => {
  const [x0, y0, x1, y1] = VILLAGES[v];
  return { lng: (x0 + x1) / 2, lat: (y0 + y1) / 2 };
};

interface Action {
  name: string;
  needs: Need;
  allowed: [number, string?];
  send(k: FarmlandKit, who: User, v: Village, caseId: string): ReturnType<FarmlandKit['call']>;
}

const ACTIONS: Action[] = [
  {
    name: 'table',
    needs: 'read',
    allowed: [200],
    send: (k, who, v) => k.call(who, 'GET', `/api/v1/farmland/villages?unitId=${k.ids[v]}`),
  },
  {
    name: 'parcels',
    needs: 'read',
    allowed: [200],
    send: (k, who, v) => k.call(who, 'GET', `/api/v1/farmland/parcels?unitId=${k.ids[v]}`),
  },
  {
    name: 'cases',
    needs: 'read',
    allowed: [200],
    send: (k, who, v) => k.call(who, 'GET', `/api/v1/farmland/cases?unitId=${k.ids[v]}`),
  },
  {
    name: 'import',
    needs: 'write',
    allowed: [422, 'farmland.invalid_file'],
    send: (k, who, v) => k.importParcels(who, v, [feature('林地', 'X', square(0, 0, 1, 1))]),
  },
  {
    name: 'occupied area',
    needs: 'write',
    allowed: [200],
    send: (k, who, _v, id) => k.call(who, 'PUT', `/api/v1/farmland/cases/${id}/occupied-area`, { occupiedMu: 0.5 }),
  },
  {
    name: 'approval',
    needs: 'approve',
    allowed: [409, 'farmland.case_finished'],
    send: (k, who, _v, id) => k.call(who, 'POST', `/api/v1/farmland/cases/${id}/approval`, { note: '同意' }),
  },
];

const USERS = Object.keys(PERMITS) as User[];

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: farmland authorization matrix`, () => {
    let k: FarmlandKit;
    const cases = {} as Record<Village, string>;
    beforeAll(async () => {
      k = await openFarmlandKit(tdb);
      for (const v of VILLAGE_KEYS) {
        const [x0, y0, x1, y1] = VILLAGES[v];
        const r = await k.importParcels('admin', v, [feature('耕地', `${v}-1`, square(x0, y0, x1, y1))]);
        expect(r.statusCode, r.body).toBe(200);
        cases[v] = await k.report('admin', centre(v).lng, centre(v).lat);
        const rejected = await k.call('admin', 'POST', `/api/v1/cases/${cases[v]}/actions`, {
          type: 'reject',
          payload: { reason: '重复' },
        });
        expect(rejected.statusCode, rejected.body).toBe(200);
      }
      expect(await k.count('farmland_cases')).toBe(2);
    }, 120_000);
    afterAll(async () => k?.h.close());

    for (const action of ACTIONS)
      it(`${action.name}: 403 without the permission, 404 outside the scope, through otherwise`, async () => {
        const got: string[] = [];
        const want: string[] = [];
        for (const who of USERS)
          for (const v of VILLAGE_KEYS) {
            const res = await action.send(k, who, v, cases[v]);
            const expected = !PERMITS[who].includes(action.needs)
              ? '403'
              : !SEES[who].includes(v)
                ? '404'
                : action.allowed.join(' ');
            want.push(`${who} ${v}: ${expected}`);
            const code = res.statusCode >= 400 ? res.json().code : undefined;
            got.push(
              `${who} ${v}: ${res.statusCode}${action.allowed[1] && res.statusCode === action.allowed[0] ? ` ${code}` : ''}`,
            );
          }
        expect(got).toEqual(want);
      });

    it('parcel-at: answers only parcels in scope, and only with farmland.read', async () => {
      for (const who of USERS)
        for (const v of VILLAGE_KEYS) {
          const res = await k.call(who, 'GET', `/api/v1/farmland/parcel-at?lng=${centre(v).lng}&lat=${centre(v).lat}`);
          if (!PERMITS[who].includes('read')) expect(res.statusCode, who).toBe(403);
          else expect(res.json().found, `${who} ${v}`).toBe(SEES[who].includes(v));
        }
    });

    it('writes nothing on a refused import', async () => {
      expect(await k.count('farmland_parcels')).toBe(2);
      expect(await k.count('farmland_imports')).toBe(2);
    });
  });
}
