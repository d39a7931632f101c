import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openVenueKit, POINTS, type User, type VenueKit } from '../test-kit.js';

/**
 * Role × action × in/out of scope over every venue endpoint, against tables written out here apart
 * from roles.ts and the commands. Four venues, one per small grid, all under an open closure order,
 * so that every action that gets past permission and scope is refused by a rule instead of writing
 * (an inspection without findings, an edit to an unknown type, a second order, a lift without
 * re-check): 403 = no permission, 404 = outside the scope, anything else = let through.
 */
const VENUES = ['dehua1', 'dehua2', 'zhuzhuang', 'beiguan'] as const;
type Venue = (typeof VENUES)[number];

const PERMITS: Record<User, ('read' | 'write' | 'inspect')[]> = {
  admin: ['read', 'write', 'inspect'],
  leader: ['read'],
  duchashi: ['read'],
  chenzhou: ['read', 'write', 'inspect'],
  chengbei: ['read', 'write', 'inspect'],
  dehua: ['read', 'write', 'inspect'],
  zhuzhuang: ['read', 'write', 'inspect'],
  wgy: ['read', 'inspect'],
  handler: [],
  volunteer: [],
};

const SEES: Record<User, Venue[]> = {
  admin: [...VENUES],
  leader: [...VENUES],
  duchashi: [...VENUES],
  chenzhou: ['dehua1', 'dehua2', 'zhuzhuang'],
  chengbei: ['beiguan'],
  dehua: ['dehua1', 'dehua2'],
  zhuzhuang: ['zhuzhuang'],
  wgy: ['dehua1'],
  handler: [],
  volunteer: [],
};

interface Action {
  name: string;
  /** The permission the route asks first. */
  needs: 'read' | 'write' | 'inspect';
  /** Checked after the scope (the reveal needs venue.write on a venue one sees). */
  alsoNeeds?: 'write';
  /** What an allowed request answers: status and code. */
  allowed: [number, string?];
  /** What a caller who may act but not there gets (default 404: the venue is not there for them). */
  outside?: '403';
  send(k: VenueKit, who: User, id: string, v: Venue): ReturnType<VenueKit['call']>;
}

const ACTIONS: Action[] = [
  { name: 'read', needs: 'read', allowed: [200], send: (k, who, id) => k.call(who, 'GET', `/api/v1/venues/${id}`) },
  {
    name: 'reveal',
    needs: 'read',
    alsoNeeds: 'write',
    allowed: [200],
    send: (k, who, id) => k.call(who, 'GET', `/api/v1/venues/${id}?reveal=true&reason=${encodeURIComponent('核实')}`),
  },
  {
    name: 'inspections of the grid',
    needs: 'read',
    allowed: [200],
    // A unit named in a list's filter outside the scope is refused as such (403 naming unitId).
    outside: '403',
    send: (k, who, _id, v) =>
      k.call(who, 'GET', `/api/v1/venue-inspections?unitId=${k.ids[v]}&from=2026-11-30&to=2026-11-30`),
  },
  {
    name: 'edit',
    needs: 'write',
    allowed: [422, 'venue.type_unknown'],
    // At the venue's own place, so that only the type is wrong.
    send: (k, who, id, v) =>
      k.call(who, 'PUT', `/api/v1/venues/${id}`, {
        name: '越权修改',
        typeCode: 'no_such_type',
        address: '某街1号',
        ownerName: '张三',
        ownerPhone: '13800000000',
        location: POINTS[v],
      }),
  },
  {
    name: 'inspect',
    needs: 'inspect',
    allowed: [422, 'venue.inspection_invalid'],
    send: (k, who, id) =>
      k.call(who, 'POST', `/api/v1/venues/${id}/inspections`, { items: [{ code: 'scan', result: 'pass' }] }),
  },
  {
    name: 'close',
    needs: 'write',
    allowed: [409, 'venue.already_closed'],
    send: (k, who, id) => k.call(who, 'POST', `/api/v1/venues/${id}/closures`, { reason: '越权', days: 3 }),
  },
  {
    name: 'lift',
    needs: 'write',
    allowed: [409, 'venue.recheck_required'],
    send: (k, who, id) => k.call(who, 'POST', `/api/v1/venues/${id}/closures/lift`, {}),
  },
];

const USERS = Object.keys(PERMITS) as User[];

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: venue authorization matrix`, () => {
    let k: VenueKit;
    const ids = {} as Record<Venue, string>;
    beforeAll(async () => {
      k = await openVenueKit(tdb);
      for (const v of VENUES) {
        ids[v] = await k.venue('admin', { name: `${v}场所`, location: POINTS[v] });
        const closed = await k.call('admin', 'POST', `/api/v1/venues/${ids[v]}/closures`, { reason: '整顿', days: 5 });
        expect(closed.statusCode).toBe(201);
      }
    }, 120_000);
    afterAll(async () => k?.h.close());

    for (const action of ACTIONS)
      it(`${action.name}: 403 without the permission, 404 outside the scope, through otherwise`, async () => {
        const got: string[] = [];
        const want: string[] = [];
        for (const who of USERS)
          for (const v of VENUES) {
            const res = await action.send(k, who, ids[v], v);
            const permits = PERMITS[who];
            const expected = !permits.includes(action.needs)
              ? '403'
              : !SEES[who].includes(v)
                ? (action.outside ?? '404')
                : action.alsoNeeds && !permits.includes(action.alsoNeeds)
                  ? '403'
                  : action.allowed.join(' ');
            want.push(`${who} ${v}: ${expected}`);
            const code = res.json().code as string | undefined;
            got.push(
              `${who} ${v}: ${res.statusCode === 403 || res.statusCode === 404 ? res.statusCode : [res.statusCode, code].filter(Boolean).join(' ')}`,
            );
          }
        expect(got).toEqual(want);
      });

    it('lists each account exactly the venues of its scope, and nothing without venue.read', async () => {
      for (const who of USERS) {
        const res = await k.call(who, 'GET', '/api/v1/venues?limit=200');
        if (!PERMITS[who].includes('read')) {
          expect(res.statusCode, who).toBe(403);
          continue;
        }
        const listed = (res.json().items as { id: string }[]).map((v) => v.id).sort();
        expect(listed, who).toEqual(SEES[who].map((v) => ids[v]).sort());
        expect(res.json().canWrite, who).toBe(PERMITS[who].includes('write'));
      }
    });

    it('tells each account what the venue page may offer it', async () => {
      for (const who of USERS) {
        if (!SEES[who].length) continue;
        const d = (await k.call(who, 'GET', `/api/v1/venues/${ids[SEES[who][0]]}`)).json();
        const p = PERMITS[who];
        expect(d.can, who).toEqual({
          edit: p.includes('write'),
          inspect: p.includes('inspect'),
          close: false,
          lift: p.includes('write'),
          reveal: p.includes('write'),
        });
      }
    });

    it('gives an inspection photo only to those who see its venue', async () => {
      const photo = await k.photo('wgy');
      const r = await k.call('wgy', 'POST', `/api/v1/venues/${ids.dehua1}/inspections`, {
        items: k.findings(),
        photoIds: [photo],
      });
      expect(r.statusCode).toBe(201);
      for (const who of USERS) {
        const res = await k.call(who, 'GET', `/api/v1/files/${photo}`);
        const may = who === 'wgy' || (PERMITS[who].includes('read') && SEES[who].includes('dehua1'));
        expect(res.statusCode, who).toBe(may ? 200 : 404);
      }
    });

    it('leaves the venue settings to the admin', async () => {
      for (const who of USERS) {
        const res = await k.call(who, 'POST', '/api/v1/venue-settings/check-items', { name: `查验${who}` });
        expect(res.statusCode, who).toBe(who === 'admin' ? 201 : 403);
        const r2 = await k.call(who, 'PATCH', '/api/v1/venue-settings/check-items/scan', { name: '扫码' });
        expect(r2.statusCode, who).toBe(who === 'admin' ? 200 : 403);
      }
    });
  });
}
