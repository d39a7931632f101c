import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi, orgChanged, seedDemoDistrict } from '../../org/index.js';
import { escalateOverdueNotices } from '../commands/escalate-overdue-notices.js';
import { refreshStaleStatuses } from '../commands/refresh-stale-statuses.js';
import { assessment } from '../commands/get-assessment.js';
import { assessmentSheet } from '../commands/get-assessment-sheet.js';
import { Assessment } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';

// The harness clock: 2026-11-30T02:00Z = 2026-11-30 10:00 in Shanghai, a Monday.
const TODAY = '2026-11-30';

for (const tdb of testDatabases()) {
  describe(`supervision API (${tdb.name})`, () => {
    let h: Harness;
    let deps: SupervisionDeps;
    const cookies: Record<string, string> = {};
    const units: Record<string, string> = {};
    const accounts: Record<string, string> = {};
    let meetingId = '';
    let decisionId = '';
    let taskId = '';

    const call = (who: string, method: string, url: string, body?: unknown) =>
      h.call(method, url, { cookie: cookies[who], body });
    const count = async (table: 'tasks' | 'task_milestones' | 'task_reports' | 'task_notices' | 'meetings') =>
      Number(
        (await h.database.db.selectFrom(table).select(h.database.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
      );

    beforeAll(async () => {
      h = await openHarness(tdb);
      const config = loadConfig({ CIVICGRID_DEMO_PASSWORD: 'Demo12345', CIVICGRID_DATA_DIR: '/nonexistent' });
      await seedDemoDistrict(h.database, config, h.clock, h.districtId);
      deps = {
        database: h.database,
        clock: h.clock,
        config,
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
      };
      for (const u of ['duchashi', 'leader', 'chengguan', 'chenzhou', 'zhuzhuang', 'dianxin', 'chengbei', 'tianwei'])
        cookies[u] = await h.login(u, 'Demo12345');
      for (const name of ['川汇区城市管理局', '周口电信川汇分公司', '陈州街道办事处', '朱庄社区', '城北街道办事处']) {
        units[name] = (await deps.org.unitByName(h.database.db, config.districtCode, name))!.id;
      }
      for (const u of ['leader', 'duchashi']) accounts[u] = (await deps.org.actorFor(h.database.db, u)).accountId;
    }, 180_000);
    afterAll(async () => h?.close());

    it('records a meeting with its decisions; only the supervision office may', async () => {
      const body = {
        kind: 'standing_committee',
        title: '区委常委（扩大）会议',
        heldOn: '2026-11-20',
        chairId: accounts.leader,
        attendeeIds: [accounts.leader],
        items: [
          { kind: 'decision', content: '集中整治空中线缆“蜘蛛网”' },
          { kind: 'decision', content: '严格耕地保护' },
        ],
      };
      expect((await call('chengguan', 'POST', '/api/v1/meetings', body)).statusCode).toBe(403);
      const res = await call('duchashi', 'POST', '/api/v1/meetings', body);
      expect(res.statusCode, res.body).toBe(201);
      meetingId = res.json().id;
      const detail = (await call('leader', 'GET', `/api/v1/meetings/${meetingId}`)).json();
      expect(detail.items.map((i: { seq: number; kind: string }) => [i.seq, i.kind])).toEqual([
        [1, 'decision'],
        [2, 'decision'],
      ]);
      expect(detail.chair.name).toBe('区领导（演示）');
      decisionId = detail.items[0].id;
    });

    it('turns a decision into a task with two milestones; a missed milestone shows as 滞后 in the leader’s view', async () => {
      const res = await call('duchashi', 'POST', '/api/v1/tasks', {
        title: '背街小巷空中线缆集中整治',
        itemId: decisionId,
        leadLeaderId: accounts.leader,
        leadUnitId: units['川汇区城市管理局'],
        cooperatingUnitIds: [units['周口电信川汇分公司']],
        start: '2026-11-01',
        deadline: '2026-12-31',
        milestones: [
          { title: '制定整治方案', due: '2026-11-25' },
          { title: '完成主干道整治', due: '2026-12-20' },
        ],
        cadence: { kind: 'weekly', firstDue: '2026-11-07' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const t = res.json();
      taskId = t.id;
      expect(t).toMatchObject({
        source: 'decision',
        status: 'lagging',
        leadUnit: { name: '川汇区城市管理局' },
        meeting: { id: meetingId },
      });
      expect(t.statusReasons).toEqual(expect.arrayContaining(['milestone_missed', 'report_missing']));
      expect(t.milestones.map((m: { missed: boolean }) => m.missed)).toEqual([true, false]);
      expect(t.missingReportPeriods[0]).toEqual({ from: '2026-11-01', due: '2026-11-07' });

      const view = (await call('leader', 'GET', '/api/v1/supervision/leader-view')).json();
      expect(view.counts.lagging).toBe(1);
      expect(view.tasks[0]).toMatchObject({ id: taskId, status: 'lagging' });
      const meeting = (await call('leader', 'GET', `/api/v1/meetings/${meetingId}`)).json();
      expect(meeting.items[0].tasks.map((x: { id: string }) => x.id)).toEqual([taskId]);
      // The lead unit and the leader were told.
      const inbox = (await call('chengguan', 'GET', '/api/v1/inbox')).json();
      expect(inbox.items.some((m: { title: string }) => m.title.includes('交办任务'))).toBe(true);
    });

    it('refuses bad tasks naming the field and saves nothing', async () => {
      const before = await Promise.all([count('tasks'), count('task_milestones')]);
      const base = {
        title: '测试',
        leadUnitId: units['川汇区城市管理局'],
        start: '2026-12-01',
        deadline: '2026-12-31',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, deadline: '2026-11-30' }, 'deadline'],
        [{ ...base, milestones: [{ title: '节点', due: '2027-01-05' }] }, 'milestones[0].due'],
        [{ ...base, leadLeaderId: accounts.duchashi }, 'leadLeaderId'],
        [{ ...base, parentId: taskId, deadline: '2027-02-01' }, 'deadline'],
        [{ ...base, cooperatingUnitIds: [units['川汇区城市管理局']] }, 'cooperatingUnitIds[0]'],
        [{ ...base, itemId: '01900000-0000-7000-8000-000000000000' }, 'itemId'],
      ];
      for (const [body, field] of cases) {
        const r = await call('duchashi', 'POST', '/api/v1/tasks', body);
        expect(r.statusCode, JSON.stringify(body)).toBe(422);
        expect(r.headers['content-type']).toContain('application/problem+json');
        expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      // A retired unit cannot lead.
      const retiredId = units['朱庄社区'];
      // Behind the org module's back, so tell its cache as the org's own writes do.
      await h.database.db.updateTable('units').set({ status: 'retired' }).where('id', '=', retiredId).execute();
      orgChanged();
      const r = await call('duchashi', 'POST', '/api/v1/tasks', { ...base, leadUnitId: retiredId });
      await h.database.db.updateTable('units').set({ status: 'active' }).where('id', '=', retiredId).execute();
      orgChanged();
      expect(r.json().errors[0]).toMatchObject({ field: 'leadUnitId' });
      expect(await Promise.all([count('tasks'), count('task_milestones')])).toEqual(before);
    });

    it('keeps tasks within scope: other units do not see them, handlers cannot file or urge', async () => {
      expect((await call('chenzhou', 'GET', `/api/v1/tasks/${taskId}`)).statusCode).toBe(404);
      expect((await call('chenzhou', 'GET', '/api/v1/tasks')).json().items).toEqual([]);
      expect((await call('dianxin', 'GET', `/api/v1/tasks/${taskId}`)).json().can).toMatchObject({
        report: false,
        notice: false,
      });
      const mine = (await call('chengguan', 'GET', `/api/v1/tasks/${taskId}`)).json();
      expect(mine.can).toMatchObject({ report: true, decompose: true, notice: false, mark: false });
      // A unit sees the meetings whose decisions it owes, not every meeting of the district.
      expect(
        (await call('chengguan', 'GET', '/api/v1/meetings')).json().items.map((m: { id: string }) => m.id),
      ).toEqual([meetingId]);
      expect((await call('chenzhou', 'GET', '/api/v1/meetings')).json().items).toEqual([]);
      expect((await call('chenzhou', 'GET', `/api/v1/meetings/${meetingId}`)).statusCode).toBe(404);
      expect(
        (
          await call('chengguan', 'POST', '/api/v1/tasks', {
            title: 'x',
            leadUnitId: units['川汇区城市管理局'],
            start: TODAY,
            deadline: TODAY,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await call('chengguan', 'POST', `/api/v1/tasks/${taskId}/notices`, { kind: 'supervise', content: '请加快' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call('dianxin', 'POST', `/api/v1/tasks/${taskId}/reports`, { percent: 10, content: '协助' })).statusCode,
      ).toBe(403);
    });

    it('says what is wrong in the Chinese the API has always used (kernel/http/messages.zh.ts)', async () => {
      const base = { title: '测试', leadUnitId: units['城北街道办事处'], start: '2026-12-01', deadline: '2026-12-31' };
      const parent = (await call('leader', 'GET', `/api/v1/tasks/${taskId}`)).json();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...base, deadline: '2026-11-30' }, 'deadline', '完成时限不能早于开始日期'],
        [
          { ...base, milestones: [{ title: '节点', due: '2027-01-05' }] },
          'milestones[0].due',
          '时间节点须在任务起止日期之内（2026-12-01..2026-12-31）',
        ],
        [{ ...base, leadLeaderId: accounts.duchashi }, 'leadLeaderId', '牵头领导须为本区在用的区领导账号'],
        [
          { ...base, parentId: taskId, start: parent.start, deadline: '2099-02-01' },
          'deadline',
          `子任务完成时限不能晚于上级任务（${parent.deadline}）`,
        ],
        [{ ...base, cooperatingUnitIds: [base.leadUnitId] }, 'cooperatingUnitIds[0]', '配合单位不能是牵头单位'],
        [{ ...base, itemId: '01900000-0000-7000-8000-000000000000' }, 'itemId', '会议议定事项不存在'],
      ];
      for (const [body, field, message] of cases) {
        const p = (await call('duchashi', 'POST', '/api/v1/tasks', body)).json();
        expect(p, JSON.stringify(body)).toMatchObject({ code: 'supervision.invalid_task', detail: message });
        expect(p.errors).toContainEqual({ field, message });
      }
      expect(
        (await call('dianxin', 'POST', `/api/v1/tasks/${taskId}/reports`, { percent: 10, content: '协助' })).json(),
      ).toMatchObject({ status: 403, code: 'supervision.report_forbidden', detail: '只有牵头单位可以报送进度' });
      expect((await call('leader', 'GET', '/api/v1/tasks?cursor=x')).json()).toMatchObject({
        code: 'supervision.bad_cursor',
        detail: 'cursor 无效',
        errors: [{ field: 'cursor', message: 'cursor 无效' }],
      });
      expect((await call('leader', 'GET', '/api/v1/tasks/01900000-0000-7000-8000-000000000000')).json()).toMatchObject({
        code: 'task.not_found',
        detail: 'task 01900000-0000-7000-8000-000000000000 does not exist or is outside your data scope',
      });
    });

    it('the lead unit reports progress, completes a milestone and decomposes; the parent rolls up its sub-tasks', async () => {
      const ms = (await call('chengguan', 'GET', `/api/v1/tasks/${taskId}`)).json().milestones;
      const bad = await call('chengguan', 'POST', `/api/v1/tasks/${taskId}/reports`, {
        percent: 30,
        content: 'x',
        milestoneIds: ['01900000-0000-7000-8000-000000000000'],
      });
      expect(bad.json().errors[0].field).toBe('milestoneIds[0]');
      const jpeg = await sharp({
        create: { width: 320, height: 240, channels: 3, background: { r: 90, g: 120, b: 150 } },
      })
        .jpeg()
        .toBuffer();
      const boundary = '----cg' + Date.now();
      const up = await h.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: {
          cookie: cookies.chengguan,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'sec-fetch-site': 'same-origin',
        },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="整治.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
          ),
          jpeg,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
      expect(up.statusCode, up.body).toBe(201);
      const fileId = up.json().id;
      expect((await call('leader', 'GET', `/api/v1/files/${fileId}`)).statusCode).toBe(404);
      const r = await call('chengguan', 'POST', `/api/v1/tasks/${taskId}/reports`, {
        percent: 30,
        content: '方案已印发，主干道整治过半。',
        milestoneIds: [ms[0].id],
        fileIds: [fileId],
      });
      expect(r.statusCode, r.body).toBe(201);
      // Evidence is seen by whoever sees the task, and by no one else.
      expect((await call('leader', 'GET', `/api/v1/files/${fileId}`)).statusCode).toBe(200);
      expect((await call('chenzhou', 'GET', `/api/v1/files/${fileId}`)).statusCode).toBe(404);
      const t = r.json();
      expect(t.milestones[0].doneOn).toBe(TODAY);
      expect(t.progress).toBe(30);
      expect(t.reports[0]).toMatchObject({ reportedOn: TODAY, percent: 30 });
      const sub = await call('chengguan', 'POST', '/api/v1/tasks', {
        title: '城北街道线缆整治',
        parentId: taskId,
        leadUnitId: units['城北街道办事处'],
        start: '2026-11-15',
        deadline: '2026-12-20',
        weight: 1,
      });
      expect(sub.statusCode, sub.body).toBe(201);
      expect(sub.json()).toMatchObject({ depth: 1, parentId: taskId, leadLeader: { id: accounts.leader } });
      const subId = sub.json().id;
      // The sub-district sees its sub-task but not the parent (it is not owed by it).
      expect((await call('chengbei', 'GET', `/api/v1/tasks/${subId}`)).statusCode).toBe(200);
      expect((await call('chengbei', 'GET', `/api/v1/tasks/${taskId}`)).statusCode).toBe(404);
      await call('chengbei', 'POST', `/api/v1/tasks/${subId}/reports`, { percent: 80, content: '完成 8 条背街小巷。' });
      const parent = (await call('leader', 'GET', `/api/v1/tasks/${taskId}`)).json();
      expect(parent.progress).toBe(80);
      expect(parent.subTasks.map((s: { id: string }) => s.id)).toEqual([subId]);
    });

    it('dates a key project completed by roll-up on the day its last sub-task was done', async () => {
      const project = await call('duchashi', 'POST', '/api/v1/tasks', {
        title: '老城区雨污分流改造',
        kind: 'key_project',
        leadLeaderId: accounts.leader,
        leadUnitId: units['川汇区城市管理局'],
        start: '2026-11-02',
        deadline: '2026-12-31',
      });
      expect(project.statusCode, project.body).toBe(201);
      const sub = await call('chengguan', 'POST', '/api/v1/tasks', {
        title: '一期管网',
        parentId: project.json().id,
        leadUnitId: units['川汇区城市管理局'],
        start: '2026-11-02',
        deadline: '2026-12-20',
      });
      expect(sub.statusCode, sub.body).toBe(201);
      const r = await call('chengguan', 'POST', `/api/v1/tasks/${sub.json().id}/reports`, {
        percent: 100,
        content: '一期管网完工。',
      });
      expect(r.statusCode, r.body).toBe(201);
      const done = (await call('leader', 'GET', `/api/v1/tasks/${project.json().id}`)).json();
      expect(done).toMatchObject({ status: 'done', progress: 100, completedOn: TODAY });
      const listed = (await call('leader', 'GET', '/api/v1/tasks?view=all&kind=key_project')).json();
      expect(listed.items.find((t: { id: string }) => t.id === project.json().id)).toMatchObject({
        completedOn: TODAY,
      });
    });

    it('sends a 督办 to the lead unit, which answers once; an unanswered one escalates to the lead leader', async () => {
      const sent = await call('duchashi', 'POST', `/api/v1/tasks/${taskId}/notices`, {
        kind: 'supervise',
        content: '请说明老旧小区线缆入管进度。',
        replyWithinWorkdays: 2,
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const noticeId = sent.json().id;
      expect(
        (await call('chengguan', 'GET', '/api/v1/task-notices?view=received&open=true'))
          .json()
          .items.map((n: { id: string }) => n.id),
      ).toEqual([noticeId]);
      expect(
        (await call('duchashi', 'POST', `/api/v1/task-notices/${noticeId}/reply`, { reply: '自答' })).statusCode,
      ).toBe(403);
      expect(
        (await call('chenzhou', 'POST', `/api/v1/task-notices/${noticeId}/reply`, { reply: 'x' })).statusCode,
      ).toBe(404);
      const ok = await call('chengguan', 'POST', `/api/v1/task-notices/${noticeId}/reply`, {
        reply: '已增派施工队，12 月 15 日前完成。',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(
        (await call('chengguan', 'POST', `/api/v1/task-notices/${noticeId}/reply`, { reply: '再答' })).statusCode,
      ).toBe(409);
      const detail = (await call('leader', 'GET', `/api/v1/tasks/${taskId}`)).json();
      expect(detail.notices[0]).toMatchObject({
        id: noticeId,
        kind: 'supervise',
        reply: '已增派施工队，12 月 15 日前完成。',
        overdue: false,
      });

      const open = (
        await call('duchashi', 'POST', `/api/v1/tasks/${taskId}/notices`, {
          kind: 'urge',
          content: '请报送本周进度。',
          replyWithinWorkdays: 1,
        })
      ).json();
      expect(await escalateOverdueNotices(deps, new Date('2026-12-01T02:00:00Z'))).toBe(0);
      expect(await escalateOverdueNotices(deps, new Date('2026-12-02T02:00:00Z'))).toBe(1);
      expect(await escalateOverdueNotices(deps, new Date('2026-12-02T03:00:00Z'))).toBe(0);
      const inbox = (await call('leader', 'GET', '/api/v1/inbox')).json();
      expect(
        inbox.items.some(
          (m: { title: string; entityId: string }) => m.title.includes('催办逾期未复') && m.entityId === taskId,
        ),
      ).toBe(true);
      expect(
        (await call('leader', 'GET', '/api/v1/supervision/leader-view'))
          .json()
          .notices.map((n: { id: string }) => n.id),
      ).toContain(open.id);
    });

    it('the daily refresh moves statuses with the date and escalates a newly missed milestone once', async () => {
      const ms = (await call('leader', 'GET', `/api/v1/tasks/${taskId}`)).json().milestones;
      expect(ms[1].missed).toBe(false);
      const leaderNotices = async () =>
        (await call('leader', 'GET', '/api/v1/inbox'))
          .json()
          .items.filter((m: { title: string; body: string }) => m.body.includes('完成主干道整治')).length;
      expect(await leaderNotices()).toBe(0);
      h.clock.set('2026-12-22T02:00:00.000Z');
      expect(await refreshStaleStatuses(deps, h.clock.now())).toBeGreaterThan(0);
      expect(await refreshStaleStatuses(deps, h.clock.now())).toBe(0);
      cookies.leader = await h.login('leader', 'Demo12345');
      const t = (await call('leader', 'GET', `/api/v1/tasks/${taskId}`)).json();
      expect(t.status).toBe('lagging');
      expect(t.statusReasons).toContain('milestone_missed');
      expect(await leaderNotices()).toBe(1);
      h.clock.set('2026-11-30T02:00:00.000Z');
      for (const u of Object.keys(cookies)) cookies[u] = await h.login(u, 'Demo12345');
    });

    it('lists what a unit owes by when', async () => {
      const owed = (await call('chengguan', 'GET', '/api/v1/supervision/unit-view')).json();
      const whats = owed.items
        .filter((i: { task: { id: string } }) => i.task.id === taskId)
        .map((i: { what: string }) => i.what);
      expect(whats).toEqual(expect.arrayContaining(['milestone', 'report', 'deadline']));
      const dues = owed.items.map((i: { due: string }) => i.due);
      expect([...dues].sort()).toEqual(dues);
    });

    it('scores and ranks units for a quarter and exports the ranking', async () => {
      expect(
        (
          await call('duchashi', 'POST', '/api/v1/assessment/marks', {
            unitId: units['川汇区城市管理局'],
            score: 90,
            taskId,
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (await call('chengguan', 'POST', '/api/v1/assessment/marks', { unitId: units['川汇区城市管理局'], score: 100 }))
          .statusCode,
      ).toBe(403);
      const a = (await call('leader', 'GET', '/api/v1/assessment?period=2026-Q4')).json();
      expect(a.period).toEqual({ from: '2026-10-01', to: '2026-12-31' });
      const cg = a.units.find((u: { unitName: string }) => u.unitName === '川汇区城市管理局');
      expect(cg.facts).toMatchObject({ milestonesDue: 1, milestonesOnTime: 0, qualityMarks: [90] });
      expect(cg.rank).toBeGreaterThanOrEqual(1);
      const bad = await call('leader', 'GET', '/api/v1/assessment?period=2026-Q5');
      expect(bad.statusCode).toBe(400);
      const rules = await call('duchashi', 'PUT', '/api/v1/assessment/rules', {
        rules: [{ kind: 'on_time_milestone_rate', weight: -1 }],
      });
      expect(rules.statusCode).toBe(422);
      expect(rules.json().errors[0].field).toBe('rules[0].weight');
      const x = await call('leader', 'GET', '/api/v1/assessment.xlsx?period=2026-Q4');
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.getRow(3).getCell(2).value).toBe('单位');
      expect(ws.getRow(4).getCell(1).value).toBe(1);
    });

    it('imports a 工作要点 sheet all or nothing, naming the row of each problem', async () => {
      const sheet = async (rows: string[][]) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('工作要点');
        ws.addRow(['2026 年工作要点']);
        ws.addRow([
          '序号',
          '任务名称',
          '牵头领导',
          '牵头单位',
          '配合单位',
          '开始日期',
          '完成时限',
          '时间节点',
          '报送周期',
          '上级序号',
        ]);
        for (const r of rows) ws.addRow(r);
        return Buffer.from(await wb.xlsx.writeBuffer());
      };
      const upload = async (buf: Buffer) => {
        const boundary = '----cg' + Date.now();
        const payload = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="工作要点.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
          buf,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        return h.app.inject({
          method: 'POST',
          url: '/api/v1/tasks/import',
          headers: {
            cookie: cookies.duchashi,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'sec-fetch-site': 'same-origin',
          },
          payload,
        });
      };
      const before = await count('tasks');
      const bad = await upload(
        await sheet([
          [
            '1',
            '党建引领基层治理',
            '区领导（演示）',
            '城北街道办事处',
            '',
            '2026-12-01',
            '2027-03-31',
            '2027-01-31 完成方案',
            '每月',
            '',
          ],
          ['2', '网格员队伍建设', '', '没有这个单位', '', '2026-12-01', '2027-03-31', '', '', '1'],
        ]),
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0]).toMatchObject({ field: 'rows[4].牵头单位' });
      expect(bad.json()).toMatchObject({
        detail: '第 4 行：找不到单位“没有这个单位”',
        errors: [{ message: '第 4 行：找不到单位“没有这个单位”' }],
      });
      expect(await count('tasks')).toBe(before);
      const ok = await upload(
        await sheet([
          [
            '1',
            '党建引领基层治理',
            '区领导（演示）',
            '城北街道办事处',
            '陈州街道办事处',
            '2026-12-01',
            '2027-03-31',
            '2027-01-31 完成方案；2027-03-15 总结验收',
            '每月',
            '',
          ],
          ['2', '网格员队伍建设', '', '朱庄社区', '', '2026-12-01', '2027-03-31', '', '', '1'],
        ]),
      );
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().created).toBe(2);
      const [first, second] = ok.json().items;
      const child = (await call('duchashi', 'GET', `/api/v1/tasks/${second.id}`)).json();
      expect(child).toMatchObject({ parentId: first.id, source: 'manual', leadUnit: { name: '朱庄社区' } });
      const parent = (await call('duchashi', 'GET', `/api/v1/tasks/${first.id}`)).json();
      expect(parent.milestones.map((m: { due: string }) => m.due)).toEqual(['2027-01-31', '2027-03-15']);
      expect(parent.cadence).toEqual({ kind: 'monthly', firstDue: '2026-12-31' });
      expect(parent.leadLeader.name).toBe('区领导（演示）');
      expect((await call('chengguan', 'GET', '/api/v1/tasks/import-template.xlsx')).statusCode).toBe(403);
      expect((await call('duchashi', 'GET', '/api/v1/tasks/import-template.xlsx')).statusCode).toBe(200);
    });

    it('ranks from the unit × day sums exactly as folding every task would, at several dates', async () => {
      const office = await deps.org.actorFor(h.database.db, 'duchashi');
      // Two reports on one tree at once must not both add their difference to the sums.
      const t = (
        await call('duchashi', 'POST', '/api/v1/tasks', {
          title: '并发报送',
          leadUnitId: units['川汇区城市管理局'],
          start: '2026-11-02',
          deadline: '2026-12-31',
          cadence: { kind: 'weekly', firstDue: '2026-11-08' },
        })
      ).json();
      const both = await Promise.all([
        call('chengguan', 'POST', `/api/v1/tasks/${t.id}/reports`, { percent: 10, content: '甲' }),
        call('chengguan', 'POST', `/api/v1/tasks/${t.id}/reports`, { percent: 20, content: '乙' }),
      ]);
      expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
      for (const at of ['2026-11-30T02:00:00.000Z', '2026-12-21T02:00:00.000Z', '2027-04-02T02:00:00.000Z']) {
        h.clock.set(at);
        await refreshStaleStatuses(deps, h.clock.now());
        for (const period of ['2026-Q4', '2026-11', '2026-12', '2027-Q1', '2026', '2027']) {
          const days = await assessment(deps, office, period, 'days');
          const fold = await assessment(deps, office, period, 'fold');
          expect(days, `${period} at ${at}`).toEqual(fold);
        }
      }
      const q4 = await assessment(deps, office, '2026-Q4', 'days');
      expect(q4.units.length).toBeGreaterThanOrEqual(2);
      h.clock.set('2026-11-30T02:00:00.000Z');
      for (const u of Object.keys(cookies)) cookies[u] = await h.login(u, 'Demo12345');
    });

    it('lists a unit with nothing to judge apart as 无考核数据, unranked, in the reply and the sheet', async () => {
      // 城北街道 leads one task in May 2027 with no milestone and no reporting cadence, not finished.
      const t = await call('duchashi', 'POST', '/api/v1/tasks', {
        title: '背街小巷整治',
        leadUnitId: units['城北街道办事处'],
        start: '2027-05-04',
        deadline: '2027-05-20',
      });
      expect(t.statusCode, t.body).toBe(201);
      // Another unit in the same month with a report period to judge, so there is a ranking.
      const judged = await call('duchashi', 'POST', '/api/v1/tasks', {
        title: '占道经营整治',
        leadUnitId: units['川汇区城市管理局'],
        start: '2027-05-04',
        deadline: '2027-05-28',
        milestones: [{ title: '摸排', due: '2027-05-10' }],
      });
      expect(judged.statusCode, judged.body).toBe(201);
      h.clock.set('2027-06-02T02:00:00.000Z');
      await refreshStaleStatuses(deps, h.clock.now());
      const office = await deps.org.actorFor(h.database.db, 'duchashi');
      const a = Assessment.parse(await assessment(deps, office, '2027-05', 'days'));
      expect(a.units.map((u) => u.unitName)).not.toContain('城北街道办事处');
      expect(a.units.map((u) => u.unitName)).toContain('川汇区城市管理局');
      expect(a.noData.map((u) => [u.unitName, u.facts.overdueTasks])).toEqual([['城北街道办事处', 1]]);
      expect(await assessment(deps, office, '2027-05', 'fold')).toEqual(a);
      const sheet = await assessmentSheet(deps, office, '2027-05');
      const rows = [];
      for await (const r of sheet.rows) rows.push(r);
      expect(rows.at(-1)).toMatchObject({ rank: '—', unit: '城北街道办事处', total: '无考核数据', overdue: 1 });
      h.clock.set('2026-11-30T02:00:00.000Z');
      for (const u of Object.keys(cookies)) cookies[u] = await h.login(u, 'Demo12345');
    });

    it('keeps a consultation plan with its meetings and tasks', async () => {
      const bad = await call('duchashi', 'POST', '/api/v1/consultation-topics', {
        year: 2026,
        title: '西寨片区规划',
        form: '专题协商',
        plannedMonth: '2027-01',
        leadUnitIds: [units['城北街道办事处']],
      });
      expect(bad.json().errors[0].field).toBe('plannedMonth');
      const topic = (
        await call('duchashi', 'POST', '/api/v1/consultation-topics', {
          year: 2026,
          title: '西寨片区规划',
          form: '专题协商',
          plannedMonth: '2026-12',
          leadUnitIds: [units['城北街道办事处']],
        })
      ).json();
      const m = (
        await call('duchashi', 'POST', '/api/v1/meetings', {
          kind: 'consultation',
          title: '西寨片区规划专题协商会',
          heldOn: '2026-11-28',
          topicId: topic.id,
          items: [{ kind: 'decision', content: '优化水域布局' }],
        })
      ).json();
      const item = (await call('duchashi', 'GET', `/api/v1/meetings/${m.id}`)).json().items[0];
      const t = (
        await call('duchashi', 'POST', '/api/v1/tasks', {
          title: '优化水域布局',
          itemId: item.id,
          leadUnitId: units['城北街道办事处'],
          start: TODAY,
          deadline: '2026-12-31',
        })
      ).json();
      const list = (await call('leader', 'GET', '/api/v1/consultation-topics?year=2026')).json().items;
      const mine = list.find((x: { id: string }) => x.id === topic.id);
      expect(mine.meetings.map((x: { id: string }) => x.id)).toEqual([m.id]);
      expect(mine.tasks.map((x: { id: string }) => x.id)).toEqual([t.id]);
    });

    it('lets the 政协提案委 keep the consultation plan beside the 督查室, and nobody else', async () => {
      const topic = {
        year: 2026,
        title: '老旧小区加装电梯',
        form: '提案办理协商',
        plannedMonth: '2026-12',
        leadUnitIds: [units['城北街道办事处']],
      };
      const r = await call('tianwei', 'POST', '/api/v1/consultation-topics', topic);
      expect(r.statusCode, r.body).toBe(201);
      const list = await call('tianwei', 'GET', '/api/v1/consultation-topics?year=2026');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((x: { id: string }) => x.id)).toContain(r.json().id);
      for (const who of ['chengguan', 'chengbei', 'leader'])
        expect((await call(who, 'POST', '/api/v1/consultation-topics', topic)).statusCode).toBe(403);
      // Turning a topic into a task stays with the 督查室.
      expect(
        (
          await call('tianwei', 'POST', '/api/v1/tasks', {
            title: '加装电梯',
            leadUnitId: units['城北街道办事处'],
            start: TODAY,
            deadline: '2026-12-31',
          })
        ).statusCode,
      ).toBe(403);
    });
  });
}
