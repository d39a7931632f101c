import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openBoardKit, POINTS, type BoardKit, type User } from '../test-kit.js';

/**
 * Role × endpoint × board in/out of scope over every board endpoint, against tables written out here
 * apart from roles.ts and the commands. One board per community, both 完好; an allowed edit and an
 * allowed change of state are refused by a rule (a point in no grid; 完好 again without a photo), so
 * nothing changes: 403 = no permission, 404 = outside the scope, anything else = let through.
 */
const BOARDS = ['dehua', 'beiguan'] as const;
type Where = (typeof BOARDS)[number];

const PERMITS: Record<User, ('read' | 'write')[]> = {
  admin: ['read', 'write'],
  leader: ['read'],
  duchashi: ['read'],
  chenzhou: ['read', 'write'],
  chengbei: ['read', 'write'],
  dehua: ['read', 'write'],
  wgy: [],
  handler: [],
  volunteer: [],
};

const SEES: Record<User, Where[]> = {
  admin: ['dehua', 'beiguan'],
  leader: ['dehua', 'beiguan'],
  duchashi: ['dehua', 'beiguan'],
  chenzhou: ['dehua'],
  chengbei: ['beiguan'],
  dehua: ['dehua'],
  wgy: [],
  handler: [],
  volunteer: [],
};

interface Action {
  name: string;
  needs: 'read' | 'write';
  allowed: number;
  /** What a caller who may act but not there gets (default 404: the thing is not there for them). */
  outside?: number;
  send(k: BoardKit, who: User, id: string, w: Where): ReturnType<BoardKit['call']>;
}

const ACTIONS: Action[] = [
  { name: 'read', needs: 'read', allowed: 200, send: (k, who, id) => k.call(who, 'GET', `/api/v1/boards/${id}`) },
  {
    name: 'list of the unit',
    needs: 'read',
    allowed: 200,
    // A unit named in a list's filter outside the scope is refused as such (403 naming unitId).
    outside: 403,
    send: (k, who, _id, w) => k.call(who, 'GET', `/api/v1/boards?unitId=${k.ids[w]}`),
  },
  {
    name: 'replacements of the unit',
    needs: 'read',
    allowed: 200,
    outside: 403,
    send: (k, who, _id, w) =>
      k.call(who, 'GET', `/api/v1/board-replacements?unitId=${k.ids[w]}&from=2026-11-30&to=2026-11-30`),
  },
  {
    name: 'edit',
    needs: 'write',
    allowed: 422,
    send: (k, who, id) =>
      k.call(who, 'PUT', `/api/v1/boards/${id}`, { kind: 'board', name: '越权修改', location: POINTS.nowhere }),
  },
  {
    name: 'change state',
    needs: 'write',
    allowed: 422,
    send: (k, who, id) => k.call(who, 'POST', `/api/v1/boards/${id}/state`, { state: 'good' }),
  },
];

const USERS = Object.keys(PERMITS) as User[];

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: board authorization matrix`, () => {
    let k: BoardKit;
    const ids = {} as Record<Where, string>;
    beforeAll(async () => {
      k = await openBoardKit(tdb);
      for (const w of BOARDS) ids[w] = await k.board('admin', { name: `${w}宣传栏`, location: POINTS[w] });
    }, 120_000);
    afterAll(async () => k?.h.close());

    for (const action of ACTIONS)
      it(`${action.name}: 403 without the permission, ${action.outside ?? 404} outside the scope, through otherwise`, async () => {
        const got: string[] = [];
        const want: string[] = [];
        for (const who of USERS)
          for (const w of BOARDS) {
            const res = await action.send(k, who, ids[w], w);
            const expected = !PERMITS[who].includes(action.needs)
              ? 403
              : !SEES[who].includes(w)
                ? (action.outside ?? 404)
                : action.allowed;
            want.push(`${who} ${w}: ${expected}`);
            got.push(`${who} ${w}: ${res.statusCode}`);
          }
        expect(got).toEqual(want);
      });

    it('create: 403 without board.write; a point outside the scope is refused naming the location', async () => {
      for (const who of USERS)
        for (const w of BOARDS) {
          const res = await k.call(who, 'POST', '/api/v1/boards', {
            kind: 'board',
            name: '新宣传栏',
            location: POINTS[w],
          });
          if (!PERMITS[who].includes('write')) expect(res.statusCode, who).toBe(403);
          else if (!SEES[who].includes(w)) {
            expect(res.statusCode, `${who} ${w}`).toBe(422);
            expect(res.json().errors[0].field).toBe('location');
          } else expect(res.statusCode, `${who} ${w}`).toBe(201);
        }
    });

    it('list: each sees only the boards in scope', async () => {
      for (const who of USERS) {
        const res = await k.call(who, 'GET', '/api/v1/boards');
        if (!PERMITS[who].includes('read')) expect(res.statusCode).toBe(403);
        else {
          const units = new Set((res.json().items as { unitId: string }[]).map((b) => b.unitId));
          expect([...units].sort(), who).toEqual(SEES[who].map((w) => k.ids[`${w}1`]).sort());
        }
      }
    });
  });
}
