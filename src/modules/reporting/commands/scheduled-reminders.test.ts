import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { loadConfig } from '../../../kernel/config.js';
import { LocateService, createOrgApi } from '../../org/index.js';
import type { ReportingDeps } from '../deps.js';
import { sendScheduledReminders } from './scheduled-reminders.js';

const FORM = {
  code: 'daily',
  name: '创文工作日报',
  periodType: 'daily',
  allowZero: true,
  deadline: { time: '16:00', dayOffset: 0, graceDays: 0 },
  reporters: { kind: 'level', unitKind: 'community' },
  fields: [{ code: 'issuesFixed', label: '整改问题数', type: 'integer', required: true, min: 0 }],
  rules: [],
};

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: scheduled 催报 before the deadline`, () => {
    let h: Harness;
    let deps: ReportingDeps;
    let admin: string;
    let worker: string;
    let formId: string;
    const ids: Record<string, string> = {};
    const events: string[] = [];
    const local = (hhmm: string) => new Date(`2026-11-30T${hhmm}:00+08:00`);

    beforeAll(async () => {
      h = await openHarness(tdb);
      h.clock.set('2026-11-01T02:00:00.000Z');
      admin = await h.login('admin');
      const mk = async (parentId: string, kind: string, name: string) =>
        (await h.call('POST', '/api/v1/units', { cookie: admin, body: { parentId, kind, name } })).json().id as string;
      ids.sub = await mk(h.districtId, 'subdistrict', '城北街道');
      ids.a = await mk(ids.sub, 'community', '北关社区');
      ids.b = await mk(ids.sub, 'community', '建设社区');
      h.clock.set(local('09:00').toISOString());
      admin = await h.login('admin');
      const acc = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username: 'beiguan', displayName: '北关社区', unitId: ids.a, roles: ['community_worker'] },
      });
      const temp = acc.json().temporaryPassword;
      worker = await h.login('beiguan', temp);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie: worker,
        body: { currentPassword: temp, newPassword: 'Beiguan2026' },
      });
      formId = (await h.call('POST', '/api/v1/report-forms', { cookie: admin, body: FORM })).json().id;
      // 建设社区 has reported today; 北关社区 has not.
      expect(
        (
          await h.call('POST', `/api/v1/report-forms/${formId}/submissions`, {
            cookie: admin,
            body: { unitId: ids.b, period: '2026-11-30', zero: true },
          })
        ).statusCode,
      ).toBe(201);
      deps = {
        database: h.database,
        clock: h.clock,
        config: loadConfig({}),
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
        enqueueEvent: async (_ex, e) => {
          events.push(e.text);
        },
      };
    });
    afterAll(async () => h?.close());

    const reminders = async () =>
      (await h.call('GET', '/api/v1/inbox', { cookie: worker }))
        .json()
        .items.filter((m: { kind: string }) => m.kind === 'report.missing');

    it('sends nothing earlier than an hour before the deadline', async () => {
      expect((await sendScheduledReminders(deps, local('14:55'))).reminded).toEqual([]);
      expect(await reminders()).toHaveLength(0);
    });

    it('reminds the units still missing within the hour before the deadline, once however often it runs', async () => {
      const first = await sendScheduledReminders(deps, local('15:00'));
      expect(first.reminded).toEqual([{ formId, period: '2026-11-30', missingUnits: 1 }]);
      expect((await sendScheduledReminders(deps, local('15:05'))).reminded).toEqual([]);
      expect((await sendScheduledReminders(deps, local('15:55'))).reminded).toEqual([]);
      const inbox = await reminders();
      expect(inbox).toHaveLength(1);
      expect(inbox[0].title).toContain('2026-11-30');
      expect(events).toEqual([expect.stringContaining('北关社区')]);
    });

    it('records when the claimed reminder finished by the injected clock', async () => {
      const run = await h.database.db
        .selectFrom('job_runs')
        .select(['finished_at'])
        .where('job', '=', `remind:${formId}`)
        .where('slot', '=', '2026-11-30')
        .executeTakeFirstOrThrow();
      expect(run.finished_at).toBe(h.clock.now().toISOString());
    });

    it('sends nothing once the deadline has passed', async () => {
      expect((await sendScheduledReminders(deps, local('16:00'))).reminded).toEqual([]);
      expect(await reminders()).toHaveLength(1);
    });
  });
}
