import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { zhSentence } from '../../../kernel/http/messages.zh.js';
import { closeFollowUpDays } from '../commands/day-end.js';
import { openMeasuresFixture, ownersFor, type MeasuresFixture } from './test-kit.js';

// The harness's clock: 2026-11-30 10:00 in Shanghai.
const TODAY = '2026-11-30';
/** A field problem as the API answers it: the field and the Chinese sentence of the code. */
const problem = (field: string, code: string, params: Record<string, string | number> = {}) => ({
  field,
  message: zhSentence(code, params),
});
const USERS = ['admin', 'chenzhou', 'chengbei', 'dehua', 'zhuzhuang', 'minjing', 'yisheng', 'leader'] as const;

for (const tdb of testDatabases()) {
  describe(`home measures and follow-ups (${tdb.name})`, () => {
    let f: MeasuresFixture;
    let measureId = '';
    const start = (who: string, body: Record<string, unknown>) => f.call(who, 'POST', '/api/v1/measures', body);
    const base = () => ({
      residentId: f.residents.dehua1,
      type: 'home_isolation',
      startDay: TODAY,
      lengthDays: 7,
      testDays: ['2026-12-01', '2026-12-03'],
      owners: ownersFor(f, 'dehua'),
    });

    beforeAll(async () => {
      f = await openMeasuresFixture(tdb, USERS);
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('refuses a measure without all four owners, naming the missing one, and writes nothing', async () => {
      const { police: _omit, ...three } = ownersFor(f, 'dehua');
      const res = await start('dehua', { ...base(), owners: three });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('owners.police');
      expect((await f.call('dehua', 'GET', '/api/v1/measures')).json().items).toEqual([]);
    });

    it('refuses owners of the wrong role or unit, each named with its own sentence', async () => {
      const res = await start('dehua', {
        ...base(),
        owners: {
          subdistrict: f.ids.chengbei, // 城北's cadre for a 陈州 resident
          community: f.ids.zhuzhuang, // another community's cadre
          police: f.ids.yisheng, // a doctor as the police officer
          doctor: f.ids.yisheng,
        },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        { field: 'owners.subdistrict', message: '街道干部须是该居民所在街道的干部' },
        { field: 'owners.community', message: '社区干部须是该居民所在社区的干部' },
        { field: 'owners.police', message: '所选账号不是民警' },
      ]);
    });

    it('starts a measure with one follow-up per day of its window, each not performed', async () => {
      const res = await start('dehua', base());
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json();
      measureId = m.id;
      expect(m).toMatchObject({
        subject: { name: '孟凡青' },
        community: { name: '德化社区' },
        startDay: TODAY,
        endDay: '2026-12-06',
        status: 'open',
        today: 'not_performed',
        seen: 0,
        due: 0,
      });
      expect(m.owners.map((o: { role: string }) => o.role)).toEqual(['subdistrict', 'community', 'police', 'doctor']);
      expect(m.followUps.map((x: { day: string }) => x.day)).toEqual([
        '2026-11-30',
        '2026-12-01',
        '2026-12-02',
        '2026-12-03',
        '2026-12-04',
        '2026-12-05',
        '2026-12-06',
      ]);
      expect(m.followUps.every((x: { status: string }) => x.status === 'not_performed')).toBe(true);
      expect(m.followUps.filter((x: { testDay: boolean }) => x.testDay).map((x: { day: string }) => x.day)).toEqual([
        '2026-12-01',
        '2026-12-03',
      ]);
      // Each owner is told.
      const inbox = (await f.call('yisheng', 'GET', '/api/v1/inbox')).json();
      expect(JSON.stringify(inbox)).toContain('居家措施包保：孟凡青');
    });

    it('refuses a second measure overlapping the open one (startDay), and one starting in the past', async () => {
      const overlap = await start('chenzhou', { ...base(), startDay: '2026-12-06', testDays: [] });
      expect(overlap.statusCode).toBe(422);
      expect(overlap.json().errors[0]).toEqual(
        problem('startDay', 'measure.overlap', { start: TODAY, end: '2026-12-06' }),
      );
      const past = await start('dehua', {
        ...base(),
        residentId: f.residents.dehua2,
        startDay: '2026-11-29',
        testDays: [],
      });
      expect(past.json().errors[0]).toEqual(problem('startDay', 'measure.start_in_past', { today: TODAY }));
      const outside = await start('dehua', { ...base(), residentId: f.residents.dehua2, testDays: ['2026-12-07'] });
      expect(outside.json().errors[0]).toEqual(
        problem('testDays[0]', 'measure.test_day_outside', { start: TODAY, end: '2026-12-06' }),
      );
    });

    it('lists today’s follow-up for each owner, and only for them', async () => {
      for (const u of ['yisheng', 'minjing', 'dehua', 'chenzhou']) {
        const list = (await f.call(u, 'GET', '/api/v1/follow-ups')).json();
        expect(list.day).toBe(TODAY);
        expect(list.items).toHaveLength(1);
        expect(list.items[0]).toMatchObject({ measureId, dayIndex: 1, lengthDays: 7, status: 'not_performed' });
      }
      expect((await f.call('yisheng', 'GET', '/api/v1/follow-ups')).json().items[0].myRole).toBe('doctor');
      expect((await f.call('minjing2', 'GET', '/api/v1/follow-ups')).json().items).toEqual([]);
      expect((await f.call('zhuzhuang', 'GET', '/api/v1/follow-ups')).json().items).toEqual([]);
    });

    it('records the doctor’s visit once; a resend with the same Idempotency-Key answers the first', async () => {
      const body = { measureId, day: TODAY, status: 'seen_ok', method: 'visit', temperature: 36.6 };
      const key = { 'idempotency-key': 'fu-0001' };
      const first = await f.call('yisheng', 'POST', '/api/v1/follow-ups', body, key);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ status: 'seen_ok', recordedBy: { role: 'doctor' }, markedBySystem: false });
      const again = await f.call('yisheng', 'POST', '/api/v1/follow-ups', body, key);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      // Another owner, the same day: already recorded.
      const second = await f.call('minjing', 'POST', '/api/v1/follow-ups', { ...body, status: 'missed' });
      expect(second.statusCode).toBe(422);
      expect(second.json().errors[0]).toEqual(problem('day', 'followup.already_recorded', { day: TODAY }));
      const m = (await f.call('dehua', 'GET', `/api/v1/measures/${measureId}`)).json();
      expect(m).toMatchObject({ today: 'seen_ok', seen: 1, due: 1 });
      expect(m.events.map((e: { kind: string }) => e.kind)).toEqual(['start', 'follow_up']);
    });

    it('refuses a follow-up outside the window, in the future, or by someone who is not an owner', async () => {
      const body = { measureId, status: 'seen_ok' };
      const before = await f.call('yisheng', 'POST', '/api/v1/follow-ups', { ...body, day: '2026-11-29' });
      expect(before.json().errors[0]).toEqual(
        problem('day', 'followup.outside_window', { start: TODAY, end: '2026-12-06' }),
      );
      const future = await f.call('yisheng', 'POST', '/api/v1/follow-ups', { ...body, day: '2026-12-01' });
      expect(future.json().errors[0]).toEqual(problem('day', 'followup.future_day', { today: TODAY }));
      // 城北's cadre and the other police officer cannot see it; 陈州's leader-level reader cannot record.
      const stranger = await f.call('minjing2', 'POST', '/api/v1/follow-ups', body);
      expect(stranger.statusCode).toBe(422);
      expect(stranger.json().errors[0]).toEqual(problem('measureId', 'followup.measure_unknown'));
      // 朱庄's cadre holds followup.record but the measure is not theirs to see; admin sees it but owns nothing.
      const admin = await f.call('admin', 'POST', '/api/v1/follow-ups', body);
      expect(admin.statusCode).toBe(403);
      expect(admin.json().errors[0]).toEqual(problem('measureId', 'followup.not_owner'));
    });

    it('marks the unrecorded day missed after its end, tells the owners and the community, once', async () => {
      // The next morning in Shanghai: 12-01 00:20.
      f.h.clock.set('2026-11-30T16:20:00Z');
      // 12-01 passes without a visit.
      f.h.clock.set('2026-12-01T16:20:00Z');
      await f.relogin();
      const r1 = await closeFollowUpDays(f.deps, f.h.clock.now());
      expect(r1).toMatchObject({ missed: 1, completed: 0, today: '2026-12-02' });
      const r2 = await closeFollowUpDays(f.deps, f.h.clock.now());
      expect(r2).toMatchObject({ missed: 0, completed: 0 });
      const m = (await f.call('dehua', 'GET', `/api/v1/measures/${measureId}`)).json();
      const day2 = m.followUps.find((x: { day: string }) => x.day === '2026-12-01');
      expect(day2).toMatchObject({ status: 'missed', markedBySystem: true, recordedBy: null });
      expect(m).toMatchObject({ seen: 1, due: 2 });
      for (const u of ['minjing', 'chenzhou', 'dehua']) {
        const inbox = JSON.stringify((await f.call(u, 'GET', '/api/v1/inbox')).json());
        expect(inbox.split('漏随访：孟凡青').length - 1).toBe(1);
      }
      // The phone that visited on 12-01 but synced late may still record that day.
      const late = await f.call('minjing', 'POST', '/api/v1/follow-ups', {
        measureId,
        day: '2026-12-01',
        status: 'seen_ok',
        method: 'phone',
      });
      expect(late.statusCode, late.body).toBe(201);
    });

    it('shows follow-up completeness per community to the 街道 and the community', async () => {
      const street = (await f.call('chenzhou', 'GET', '/api/v1/measures/completeness')).json();
      expect(street.asOf).toBe('2026-12-02');
      expect(street.total).toMatchObject({ measures: 1, open: 1, due: 2, seen: 2, missed: 0, rate: 1 });
      expect(street.rows.find((r: { unitName: string }) => r.unitName === '德化社区')).toMatchObject({
        due: 2,
        seen: 2,
      });
      const community = (await f.call('dehua', 'GET', '/api/v1/measures/completeness')).json();
      expect(community.rows).toHaveLength(1);
      expect((await f.call('minjing', 'GET', '/api/v1/measures/completeness')).statusCode).toBe(422);
    });

    it('ends a measure early (转院送医) with history; later days leave the list', async () => {
      const refused = await f.call('minjing', 'POST', `/api/v1/measures/${measureId}/end`, {
        outcome: 'hospital',
        reason: '发热送医',
      });
      expect(refused.statusCode).toBe(403);
      const res = await f.call('dehua', 'POST', `/api/v1/measures/${measureId}/end`, {
        outcome: 'hospital',
        reason: '发热，120 送市中心医院',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'hospital', endedOn: '2026-12-02' });
      expect(
        res
          .json()
          .followUps.map((x: { day: string }) => x.day)
          .at(-1),
      ).toBe('2026-12-02');
      expect(res.json().events.at(-1).detail).toContain('转院送医');
      expect((await f.call('yisheng', 'GET', '/api/v1/follow-ups')).json().items).toEqual([]);
      const again = await f.call('dehua', 'POST', `/api/v1/measures/${measureId}/end`, {
        outcome: 'lost',
        reason: 'x',
      });
      expect(again.statusCode).toBe(409);
    });

    it('completes a measure whose window is over, after its last day’s follow-up is settled', async () => {
      const m = (
        await start('zhuzhuang', {
          residentId: f.residents.zhuzhuang,
          type: 'home_monitoring',
          startDay: '2026-12-02',
          lengthDays: 2,
          owners: ownersFor(f, 'zhuzhuang'),
        })
      ).json();
      f.h.clock.set('2026-12-03T17:00:00Z'); // 12-04 01:00
      await f.relogin();
      const r = await closeFollowUpDays(f.deps, f.h.clock.now());
      expect(r).toMatchObject({ missed: 2, completed: 1 });
      const after = (await f.call('zhuzhuang', 'GET', `/api/v1/measures/${m.id}`)).json();
      expect(after).toMatchObject({ status: 'completed', endedOn: '2026-12-03', seen: 0, due: 2 });
      expect(after.events.map((e: { kind: string }) => e.kind)).toEqual(['start', 'missed', 'end']);
    });

    it('pages the list by cursor without repeats or gaps, and refuses a cursor it did not give', async () => {
      const all = (await f.call('admin', 'GET', '/api/v1/measures')).json();
      expect(all.nextCursor).toBeNull();
      expect(all.items.length).toBeGreaterThanOrEqual(2);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/measures?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: { id: string }[]; nextCursor: string | null } = (await f.call('admin', 'GET', url)).json();
        expect(page.items.length).toBe(1);
        seen.push(page.items[0].id);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((m: { id: string }) => m.id));
      // A unit asked for narrows the pages too.
      const street = (await f.call('chenzhou', 'GET', `/api/v1/measures?unitId=${f.units.zhuzhuang}&limit=1`)).json();
      expect(street.items.map((m: { community: { name: string } }) => m.community.name)).toEqual(['朱庄社区']);
      const bad = await f.call('admin', 'GET', '/api/v1/measures?cursor=not-a-cursor');
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors).toEqual([problem('cursor', 'cursor.invalid')]);
    });
  });
}
