import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openMeasuresFixture, ownersFor, type MeasuresFixture } from './test-kit.js';

/**
 * Who may do what to a home measure on a resident of 德化社区 (陈州街道) owned by chenzhou, dehua,
 * minjing and yisheng, written out by hand from SPEC §1 and §6 rather than read from the role table:
 * no permission → 403; outside the caller's view → 404 (or 422 naming the field it gave); the 民警 and
 * the 医生 see only what they own; only the four owners record follow-ups.
 */
const USERS = [
  'admin',
  'leader',
  'duchashi',
  'chenzhou',
  'chengbei',
  'dehua',
  'zhuzhuang',
  'wgy_dehua',
  'dianxin',
  'zhiyuanzhe',
  'minjing',
  'yisheng',
  'minjing2',
  'yisheng2',
] as const;
type User = (typeof USERS)[number];

const READ: User[] = [
  'admin',
  'leader',
  'duchashi',
  'chenzhou',
  'chengbei',
  'dehua',
  'zhuzhuang',
  'minjing',
  'yisheng',
  'minjing2',
  'yisheng2',
];
/** Whose view holds the measure: its scope holds 德化社区, or it is an owner. */
const SEES: User[] = ['admin', 'leader', 'duchashi', 'chenzhou', 'dehua', 'minjing', 'yisheng'];
const RECORD: User[] = [
  'admin',
  'chenzhou',
  'chengbei',
  'dehua',
  'zhuzhuang',
  'minjing',
  'yisheng',
  'minjing2',
  'yisheng2',
];
const OWNERS: User[] = ['chenzhou', 'dehua', 'minjing', 'yisheng'];
const MANAGE: User[] = ['admin', 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang'];
const MANAGES_DEHUA: User[] = ['admin', 'chenzhou', 'dehua'];
const OWNER_ONLY: User[] = ['minjing', 'yisheng', 'minjing2', 'yisheng2'];

for (const tdb of testDatabases()) {
  describe(`home measures: who may do what (${tdb.name})`, () => {
    let f: MeasuresFixture;
    let measureId = '';
    const started = new Map<User, string>();

    beforeAll(async () => {
      f = await openMeasuresFixture(tdb, USERS);
      const res = await f.call('dehua', 'POST', '/api/v1/measures', {
        residentId: f.residents.dehua1,
        type: 'home_isolation',
        startDay: '2026-11-30',
        lengthDays: 7,
        owners: ownersFor(f, 'dehua'),
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      measureId = res.json().id;
    }, 180_000);
    afterAll(async () => f?.h.close());

    it.each(USERS)('%s: the list of measures and one measure', async (u) => {
      const list = await f.call(u, 'GET', '/api/v1/measures');
      const one = await f.call(u, 'GET', `/api/v1/measures/${measureId}`);
      if (!READ.includes(u)) {
        expect([list.statusCode, one.statusCode]).toEqual([403, 403]);
        return;
      }
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((m: { id: string }) => m.id)).toEqual(SEES.includes(u) ? [measureId] : []);
      expect(one.statusCode).toBe(SEES.includes(u) ? 200 : 404);
    });

    it.each(USERS)('%s: today’s follow-up list holds only what it owns', async (u) => {
      const res = await f.call(u, 'GET', '/api/v1/follow-ups');
      if (!READ.includes(u)) return expect(res.statusCode).toBe(403);
      expect(res.json().items.map((x: { measureId: string }) => x.measureId)).toEqual(
        OWNERS.includes(u) ? [measureId] : [],
      );
    });

    it.each(USERS)('%s: recording today’s follow-up', async (u) => {
      const res = await f.call(u, 'POST', '/api/v1/follow-ups', { measureId, status: 'seen_ok' });
      if (!RECORD.includes(u)) return expect(res.statusCode).toBe(403);
      if (!SEES.includes(u)) {
        expect(res.statusCode).toBe(422);
        return expect(res.json().errors[0].field).toBe('measureId');
      }
      if (!OWNERS.includes(u)) {
        expect(res.statusCode).toBe(403);
        return expect(res.json().errors[0].field).toBe('measureId');
      }
      // An owner passes: the first records it, the next ones find the day recorded.
      expect([201, 422]).toContain(res.statusCode);
      if (res.statusCode === 422) expect(res.json().errors[0].field).toBe('day');
    });

    it.each(USERS)('%s: starting a measure on a 德化 resident', async (u) => {
      const i = USERS.indexOf(u);
      const res = await f.call(u, 'POST', '/api/v1/measures', {
        residentId: f.residents.dehua2,
        type: 'home_monitoring',
        // A window of its own for each caller: successes do not overlap one another.
        startDay: `2027-0${1 + Math.floor(i / 4)}-${String(1 + (i % 4) * 7).padStart(2, '0')}`,
        lengthDays: 3,
        owners: ownersFor(f, 'dehua'),
      });
      if (!MANAGE.includes(u)) return expect(res.statusCode).toBe(403);
      if (!MANAGES_DEHUA.includes(u)) {
        expect(res.statusCode).toBe(422);
        return expect(res.json().errors[0].field).toBe('residentId');
      }
      expect(res.statusCode, res.body).toBe(201);
      started.set(u, res.json().id);
    });

    it.each(USERS)('%s: ending a measure early', async (u) => {
      const id = started.get(u) ?? measureId;
      const res = await f.call(u, 'POST', `/api/v1/measures/${id}/end`, { outcome: 'lost', reason: '联系不上' });
      if (!MANAGE.includes(u)) return expect(res.statusCode).toBe(403);
      expect(res.statusCode).toBe(MANAGES_DEHUA.includes(u) ? 200 : 404);
    });

    it.each(USERS)('%s: follow-up completeness', async (u) => {
      const res = await f.call(u, 'GET', '/api/v1/measures/completeness');
      if (!READ.includes(u)) return expect(res.statusCode).toBe(403);
      // The 民警 and the 医生 have no unit of people to roll up.
      if (OWNER_ONLY.includes(u)) return expect(res.statusCode).toBe(422);
      expect(res.statusCode).toBe(200);
      // 德化's first measure, and the measures the 德化-holding managers started (ended since, still counted).
      const mine = [...started.keys()].length;
      expect(res.json().total.measures).toBe(SEES.includes(u) ? 1 + mine : 0);
    });

    it('gives the 民警 and the 医生 nothing else of the district’s people', async () => {
      for (const u of OWNER_ONLY) {
        for (const url of ['/api/v1/residents', '/api/v1/households', '/api/v1/venues', '/api/v1/measures/subjects'])
          expect((await f.call(u, 'GET', url)).statusCode, `${u} ${url}`).toBe(403);
      }
    });
  });
}
