import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openStarsKit, type StarsKit, type User } from '../test-kit.js';

/**
 * Role × endpoint × in/out of scope over every rating endpoint, against tables written out here apart
 * from roles.ts and the commands. Each allowed request is refused by a rule after the checks (a quarter
 * to come, a step the rating's state does not allow) or only reads: 403 auth.permission_denied = no
 * permission; 403 naming the branch or unit (or 404 for a rating by id) = outside the scope; the
 * expected status = let through. Nothing is written by any of them.
 */
const PLACES = ['dehua', 'sunzui', 'beiguan', 'liufangping'] as const;
type Place = (typeof PLACES)[number];
type Need = 'read' | 'report' | 'review' | 'rate';

const PERMITS: Record<User, Need[]> = {
  admin: ['read', 'report', 'review', 'rate'],
  leader: ['read', 'rate'],
  duchashi: ['read', 'rate'],
  chenzhou: ['read', 'review'],
  chengbei: ['read', 'review'],
  dehua: ['read', 'report'],
  liufangping: ['read', 'report'],
  wgy: [],
  handler: [],
  volunteer: [],
};

const SEES: Record<User, Place[]> = {
  admin: [...PLACES],
  leader: [...PLACES],
  duchashi: [...PLACES],
  chenzhou: ['dehua', 'sunzui'],
  chengbei: ['beiguan', 'liufangping'],
  dehua: ['dehua'],
  liufangping: ['liufangping'],
  wgy: [],
  handler: [],
  volunteer: [],
};

interface Action {
  name: string;
  needs: Need;
  allowed: number;
  /** Out of scope: the unit named (403 rating.unit_out_of_scope), the branch named (403 rating.branch_out_of_scope) or the rating by id (404). */
  outside: 'unit' | 'branch' | 'id';
  send(k: StarsKit, who: User, p: Place, ratingId: string): ReturnType<StarsKit['call']>;
}

const FUTURE = '2027-Q2';
const ACTIONS: Action[] = [
  {
    name: 'list ratings',
    needs: 'read',
    allowed: 200,
    outside: 'unit',
    send: (k, who, p) => k.call(who, 'GET', `/api/v1/stars/ratings?quarter=2026-Q3&unitId=${k.ids[p]}`),
  },
  {
    name: 'a branch’s rating',
    needs: 'read',
    allowed: 200,
    outside: 'branch',
    send: (k, who, p) => k.call(who, 'GET', `/api/v1/stars/ratings/branch?quarter=2026-Q3&branchId=${k.ids[`${p}B`]}`),
  },
  {
    name: 'a rating by id',
    needs: 'read',
    allowed: 200,
    outside: 'id',
    send: (k, who, _p, id) => k.call(who, 'GET', `/api/v1/stars/ratings/${id}`),
  },
  {
    name: 'self-assess',
    needs: 'report',
    allowed: 422,
    outside: 'branch',
    send: (k, who, p) =>
      k.call(who, 'POST', '/api/v1/stars/ratings/self-assess', {
        branchId: k.ids[`${p}B`],
        quarter: FUTURE,
        text: 'x',
      }),
  },
  {
    name: 'propose',
    needs: 'review',
    allowed: 422,
    outside: 'branch',
    send: (k, who, p) =>
      k.call(who, 'POST', '/api/v1/stars/ratings/propose', {
        branchId: k.ids[`${p}B`],
        quarter: FUTURE,
        scores: {},
        stars: [],
      }),
  },
  {
    name: 'return',
    needs: 'rate',
    allowed: 409,
    outside: 'id',
    send: (k, who, _p, id) => k.call(who, 'POST', `/api/v1/stars/ratings/${id}/return`, { reason: '退回' }),
  },
  {
    name: 'confirm',
    needs: 'rate',
    allowed: 409,
    outside: 'id',
    send: (k, who, _p, id) => k.call(who, 'POST', `/api/v1/stars/ratings/${id}/confirm`, {}),
  },
  {
    name: 'ranking',
    needs: 'read',
    allowed: 200,
    outside: 'unit',
    send: (k, who, p) => k.call(who, 'GET', `/api/v1/stars/rankings?quarter=2026-Q3&unitId=${k.ids[p]}`),
  },
  {
    name: 'ranking export',
    needs: 'read',
    allowed: 200,
    outside: 'unit',
    send: (k, who, p) => k.call(who, 'GET', `/api/v1/stars/rankings/export.xlsx?quarter=2026-Q3&unitId=${k.ids[p]}`),
  },
  {
    name: 'stars held',
    needs: 'read',
    allowed: 200,
    outside: 'unit',
    send: (k, who, p) => k.call(who, 'GET', `/api/v1/stars/held?unitId=${k.ids[p]}`),
  },
  {
    name: 'star history',
    needs: 'read',
    allowed: 200,
    outside: 'branch',
    send: (k, who, p) => k.call(who, 'GET', `/api/v1/stars/branches/${k.ids[`${p}B`]}/stars`),
  },
];

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: rating authorization matrix`, () => {
    let k: StarsKit;
    const ratings = {} as Record<Place, string>;
    const written = async () => {
      const rows = await k.h.database.db.selectFrom('star_ratings').select(['id', 'row_version']).execute();
      return [rows.map((r) => `${r.id}:${r.row_version}`).sort(), await k.count('star_awards')];
    };
    beforeAll(async () => {
      k = await openStarsKit(tdb);
      for (const p of PLACES) {
        const r = await k.call('admin', 'POST', '/api/v1/stars/ratings/self-assess', {
          branchId: k.ids[`${p}B`],
          quarter: '2026-Q3',
          text: '自评',
        });
        if (r.statusCode !== 200) throw new Error(r.body);
        ratings[p] = r.json().id;
      }
    }, 120_000);
    afterAll(async () => k?.h.close());

    for (const a of ACTIONS)
      it(`${a.name}: role × scope`, async () => {
        const before = await written();
        const got: string[] = [];
        const want: string[] = [];
        for (const who of Object.keys(PERMITS) as User[])
          for (const p of PLACES) {
            const r = await a.send(k, who, p, ratings[p]);
            got.push(`${who} ${p} ${r.statusCode} ${r.statusCode === 403 ? r.json().code : ''}`);
            const expected = !PERMITS[who].includes(a.needs)
              ? '403 auth.permission_denied'
              : !SEES[who].includes(p)
                ? { unit: '403 rating.unit_out_of_scope', branch: '403 rating.branch_out_of_scope', id: '404 ' }[
                    a.outside
                  ]
                : `${a.allowed} `;
            want.push(`${who} ${p} ${expected}`);
          }
        expect(got).toEqual(want);
        expect(await written()).toEqual(before);
      });
  });
}
