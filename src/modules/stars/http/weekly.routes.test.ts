import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { zhSentence } from '../../../kernel/http/messages.zh.js';
import { starsModule } from '../index.js';
import { openCycleFixture, type CycleFixture } from '../testing/cycle-test-kit.js';

const WEEK = '2026-11-23'; // due Fri 11-27
const text = '召开支部委员会，对照作战图逐项对账。';

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: weekly progress (每周推进)`, () => {
    let f: CycleFixture;
    const put = (who: string, branch: string, week: string, body: unknown) =>
      f.call(who, 'PUT', `/api/v1/stars/branches/${branch}/weekly/${week}`, body);
    beforeAll(async () => {
      f = await openCycleFixture(tdb, ['zhuzhuang', 'chengbei', 'wgy_dehua']);
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('takes a report on the due day as on time, and a second as an amendment keeping both versions', async () => {
      f.h.clock.set('2026-11-27T08:00:00.000Z'); // Fri 16:00 in Shanghai
      const photo = await f.photo('dehua');
      const first = await put('dehua', f.branches.dehua, WEEK, { text, fileIds: [photo] });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ week: WEEK, dueDay: '2026-11-27', revision: 1, status: 'reported' });

      f.h.clock.set('2026-11-30T02:00:00.000Z'); // the Monday after: an amendment stays on time
      const second = await put('dehua', f.branches.dehua, WEEK, { text: `${text}补充照片。`, fileIds: [photo] });
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json()).toMatchObject({ id: first.json().id, revision: 2, status: 'reported' });
      expect(second.json().history.map((v: { text: string }) => v.text)).toEqual([text, `${text}补充照片。`]);
      expect(await f.count('star_weekly_reports')).toBe(1);

      // Its photo is seen by the 街道 (star.read in scope), not by another 街道.
      expect((await f.call('chenzhou', 'GET', `/api/v1/files/${photo}/meta`)).statusCode).toBe(200);
      expect((await f.call('chengbei', 'GET', `/api/v1/files/${photo}/meta`)).statusCode).toBe(404);
    });

    it('judges a first report after the due day late', async () => {
      const r = await put('zhuzhuang', f.branches.zhuzhuang, WEEK, { text });
      expect(r.json()).toMatchObject({ revision: 1, status: 'late' });
    });

    it('refuses a week not named by its Monday, a week not begun, and another’s photo, writing nothing', async () => {
      const before = await f.count('star_weekly_revisions');
      const notMonday = await put('dehua', f.branches.dehua, '2026-11-24', { text });
      expect(notMonday.statusCode).toBe(422);
      expect(notMonday.json().errors[0]).toMatchObject({
        field: 'week',
        message: zhSentence('weekly.week_not_monday'),
      });
      const future = await put('dehua', f.branches.dehua, '2026-12-07', { text });
      expect(future.json().errors[0]).toMatchObject({ field: 'week', message: zhSentence('weekly.week_future') });
      const theirs = await f.photo('chengbei');
      const borrowed = await put('dehua', f.branches.dehua, '2026-11-30', { text, fileIds: [theirs] });
      expect(borrowed.statusCode).toBe(422);
      expect(borrowed.json().errors[0]).toMatchObject({
        field: 'fileIds[0]',
        message: zhSentence('weekly.file_unknown'),
      });
      // A blank text fails the request's schema (400, naming the field, like every body of this API).
      const empty = await put('dehua', f.branches.dehua, '2026-11-30', { text: '  ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0].field).toBe('text');
      expect(await f.count('star_weekly_revisions')).toBe(before);
    });

    it('shows the 街道 a week × branch grid: reported, late, missing, pending', async () => {
      const bad = await f.call('chenzhou', 'GET', `/api/v1/stars/weekly/grid?from=2026-02-30&to=2026-11-30`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0]).toMatchObject({ field: 'from', message: '不是有效的日期' });
      const r = await f.call('chenzhou', 'GET', `/api/v1/stars/weekly/grid?from=2026-11-16&to=2026-11-30`);
      expect(r.statusCode, r.body).toBe(200);
      const g = r.json();
      expect(g.weeks).toEqual([
        { week: '2026-11-16', dueDay: '2026-11-20' },
        { week: '2026-11-23', dueDay: '2026-11-27' },
        { week: '2026-11-30', dueDay: '2026-12-04' },
      ]);
      expect(g.rows).toHaveLength(6);
      const row = (id: string) => g.rows.find((x: { branchId: string }) => x.branchId === id);
      expect(row(f.branches.dehua).cells.map((c: { status: string }) => c.status)).toEqual([
        'missing',
        'reported',
        'pending',
      ]);
      expect(row(f.branches.zhuzhuang).cells[1].status).toBe('late');
      expect(row(f.branches.gucheng).cells[1]).toMatchObject({ status: 'missing', reportId: null });
      expect(g.totals[1].counts).toMatchObject({ reported: 1, late: 1, missing: 4 });
      // The totals are a fold over the cells.
      for (const [i, t] of g.totals.entries())
        for (const [status, n] of Object.entries(t.counts))
          expect(g.rows.filter((x: { cells: { status: string }[] }) => x.cells[i].status === status).length).toBe(n);
    });

    it('exports the grid as .xlsx', async () => {
      const r = await f.h.app.inject({
        method: 'GET',
        url: `/api/v1/stars/weekly/grid.xlsx?from=2026-11-16&to=2026-11-30`,
        headers: { cookie: await f.h.login('chenzhou', 'Demo12345') },
      });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      const dehua = rows.find((x) => x[1] === '德化社区党支部');
      expect(dehua).toEqual(['德化社区', '德化社区党支部', '未报送', '按时报送', '待报送']);
      expect(rows.at(-1)![0]).toBe('合计');
    });

    it('lists a branch’s own weeks, newest first, and a report’s history', async () => {
      const r = await f.call('dehua', 'GET', `/api/v1/stars/branches/${f.branches.dehua}/weekly?from=2026-11-16`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().weeks.map((w: { week: string; cell: { status: string } }) => [w.week, w.cell.status])).toEqual([
        ['2026-11-30', 'pending'],
        ['2026-11-23', 'reported'],
        ['2026-11-16', 'missing'],
      ]);
      const id = r.json().weeks[1].report.id;
      expect((await f.call('chenzhou', 'GET', `/api/v1/stars/weekly/${id}`)).json().history).toHaveLength(2);
      expect((await f.call('chengbei', 'GET', `/api/v1/stars/weekly/${id}`)).statusCode).toBe(404);
    });

    it('moves the due day to a make-up Saturday set on the calendar', async () => {
      const set = await f.call('admin', 'PUT', '/api/v1/calendar/days/2026-12-05', { kind: 'workday', name: '调休' });
      expect(set.statusCode, set.body).toBe(204);
      const g = (await f.call('chenzhou', 'GET', `/api/v1/stars/weekly/grid?from=2026-11-30&to=2026-11-30`)).json();
      expect(g.weeks).toEqual([{ week: '2026-11-30', dueDay: '2026-12-05' }]);
      await f.call('admin', 'DELETE', '/api/v1/calendar/days/2026-12-05');
    });

    it('reminds a silent branch’s community workers once, from the working day after the due day', async () => {
      const job = starsModule.jobs!(f.ctx).find((j) => j.name === 'stars.weekly_reminders')!;
      const reminders = async (who: string) => {
        await f.relogin(who);
        return ((await f.call(who, 'GET', '/api/v1/inbox')).json().items as { kind: string; title: string }[]).filter(
          (m) => m.kind === 'star.weekly_missing',
        );
      };
      // Friday 11-27 17:00: the week of 11-16 (due 11-20, reminded from Mon 11-23) is caught up, once.
      f.h.clock.set('2026-11-27T09:00:00.000Z');
      const friday = await job.run(f.h.clock.now());
      expect(friday).toMatchObject({ weeks: ['2026-11-16'], reminded: 2 });
      // Monday before 08:00: nothing yet; at 09:00 the week of 11-23, which 德化 and 朱庄 reported.
      f.h.clock.set('2026-11-29T23:30:00.000Z');
      expect((await job.run(f.h.clock.now())).weeks).toEqual([]);
      f.h.clock.set('2026-11-30T01:00:00.000Z');
      expect(await job.run(f.h.clock.now())).toMatchObject({ weeks: ['2026-11-23'], reminded: 0 });
      expect((await job.run(f.h.clock.now())).reminded).toBe(0);
      const told = await reminders('dehua');
      expect(told).toHaveLength(1);
      expect(told[0]!.title).toContain('德化社区党支部 2026-11-16');
      expect(await reminders('zhuzhuang')).toHaveLength(1);
      // The 街道 is not a community worker: it reads the grid instead.
      expect(await reminders('chenzhou')).toEqual([]);
      const cell = (
        await f.call('dehua', 'GET', `/api/v1/stars/branches/${f.branches.dehua}/weekly?from=2026-11-16&to=2026-11-16`)
      ).json().weeks[0].cell;
      expect(cell).toMatchObject({ status: 'missing', remindedAt: '2026-11-27T09:00:00.000Z' });
    });

    it('reminds after the week’s due day only: not while the week is still open', async () => {
      f.h.clock.set('2026-12-04T03:00:00.000Z'); // Fri 12-04 11:00, the due day of 11-30's week
      const job = starsModule.jobs!(f.ctx).find((j) => j.name === 'stars.weekly_reminders')!;
      // Only last week's catch-up (all reported or reminded already), not the week still open.
      expect(await job.run(f.h.clock.now())).toMatchObject({ weeks: ['2026-11-23'], reminded: 0 });
      f.h.clock.set('2026-12-07T01:00:00.000Z'); // Mon 12-07 09:00
      expect(await job.run(f.h.clock.now())).toMatchObject({ weeks: ['2026-11-30'], reminded: 2 });
      f.h.clock.set('2026-11-30T02:00:00.000Z');
    });
  });
}
