import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { runSlot } from '../../../kernel/jobs/scheduler.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService, createOrgApi } from '../../org/index.js';
import type { ProposalsDeps } from '../deps.js';
import { proposalReminderJob, remindOverdue } from './remind-overdue.js';

type Json = Record<string, any>;

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: overdue reminders of proposals and supervisor opinions`, () => {
    let h: Harness;
    let admin: string;
    let deps: ProposalsDeps;
    const ids: Record<string, string> = {};
    const accountIds: Record<string, string> = {};
    const events: { type: string; payload: Record<string, unknown> }[] = [];

    async function account(username: string, unit: string, roles: string[]): Promise<void> {
      const acc = await h.call('POST', '/api/v1/accounts', {
        cookie: admin,
        body: { username, displayName: `${username}（测试）`, unitId: ids[unit], roles },
      });
      expect(acc.statusCode, acc.body).toBe(201);
      const temp = acc.json().temporaryPassword;
      const c = await h.login(username, temp);
      await h.call('POST', '/api/v1/auth/change-password', {
        cookie: c,
        body: { currentPassword: temp, newPassword: 'Test12345' },
      });
      accountIds[username] = (
        await h.database.db
          .selectFrom('accounts')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    }
    // Sessions lapse as the clock jumps days ahead, so each call logs in afresh.
    const post = async (url: string, body: Json, username: string): Promise<Json> => {
      const r = await h.call('POST', url, { cookie: await h.login(username, 'Test12345'), body });
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json();
    };
    const register = (title: string) =>
      post(
        '/api/v1/proposals',
        { title, category: '社会建设', content: '内容', proposers: [{ name: '委员甲' }] },
        'tianwei',
      );
    /** Inbox messages about an entity, as usernames (sorted) per kind. */
    const inbox = async (entityId: string): Promise<Record<string, string[]>> => {
      const rows = await h.database.db
        .selectFrom('inbox_messages')
        .select(['account_id', 'kind'])
        .where('entity_id', '=', entityId)
        .execute();
      const byId = new Map(Object.entries(accountIds).map(([u, id]) => [id, u]));
      const out: Record<string, string[]> = {};
      for (const r of rows) (out[r.kind] ??= []).push(byId.get(r.account_id) ?? r.account_id);
      for (const k of Object.keys(out)) out[k].sort();
      return out;
    };
    /** Shanghai local time, as the district reads its deadlines. */
    const at = (local: string) => new Date(`${local}+08:00`);
    const tick = (local: string) => {
      h.clock.set(at(local).toISOString());
      return remindOverdue(deps, at(local));
    };

    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
      ids.root = h.districtId;
      const mk = async (key: string, name: string, kind = 'department', parentId = h.districtId) => {
        const r = await h.call('POST', '/api/v1/units', { cookie: admin, body: { parentId, kind, name } });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      await mk('cg', '城市管理局');
      await mk('jt', '交通运输局');
      await mk('zx', '区政协');
      await mk('sd', '城北街道', 'subdistrict');
      await mk('cm', '五一社区', 'community', ids.sd);
      await account('office', 'root', ['supervision_office']);
      await account('tianwei', 'root', ['proposal_office']);
      await account('leader', 'root', ['district_leader']);
      await account('cgh', 'cg', ['unit_handler']);
      await account('cgh2', 'cg', ['unit_handler']);
      await account('jth', 'jt', ['unit_handler']);
      await account('sdh', 'sd', ['subdistrict_staff']);
      await account('cmh', 'cm', ['subdistrict_staff']);
      await account('sup', 'zx', ['democratic_supervisor']);
      const config = loadConfig({
        CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
        CIVICGRID_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-test-')),
      });
      deps = {
        database: h.database,
        clock: h.clock,
        config,
        org: createOrgApi({ database: h.database, locator: new LocateService(h.database, h.clock) }),
        enqueueEvent: async (_ex, e) => {
          events.push({ type: e.type, payload: e.payload });
        },
      };
    });
    afterAll(async () => h?.close());

    let p1: string;
    it('reminds an unanswered reply once, the day after its deadline, to the main handler and the office only', async () => {
      p1 = (await register('关于老旧小区停车的建议')).id;
      // Today (harness clock) is 2026-11-30 in Shanghai.
      await post(
        `/api/v1/proposals/${p1}/assign`,
        { mainHandlerIds: [ids.cg], assistingHandlerIds: [ids.jt], replyDeadline: '2026-12-05' },
        'office',
      );
      expect(await tick('2026-12-05T23:59:59')).toEqual({ reminders: 0, messages: 0 });
      expect(await tick('2026-12-06T00:00:00')).toEqual({ reminders: 1, messages: 3 });
      // Not the assisting unit, not the leader (who holds proposal.handle), not admin.
      expect(await inbox(p1)).toEqual({ 'proposal.reply_overdue': ['cgh', 'cgh2', 'office'] });
      expect(events).toEqual([
        {
          type: 'proposal.overdue',
          payload: expect.objectContaining({
            proposalId: p1,
            what: 'reply',
            deadline: '2026-12-05',
            mainHandlerIds: [ids.cg],
          }),
        },
      ]);
      const audit = await h.database.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id', 'summary'])
        .where('entity_id', '=', p1)
        .where('action', '=', 'proposal.overdue_reminder')
        .execute();
      expect(audit).toEqual([
        { action: 'proposal.overdue_reminder', actor_id: null, summary: expect.stringContaining('城市管理局') },
      ]);
      const office = (await h.call('GET', '/api/v1/inbox', { cookie: await h.login('office', 'Test12345') })).json();
      expect(office.items[0]).toMatchObject({
        kind: 'proposal.reply_overdue',
        entityType: 'proposal',
        entityId: p1,
        title: expect.stringContaining('提案答复逾期'),
      });
    });

    it('does not remind again on the next ticks', async () => {
      expect(await tick('2026-12-06T00:15:00')).toEqual({ reminders: 0, messages: 0 });
      expect(await tick('2026-12-07T09:00:00')).toEqual({ reminders: 0, messages: 0 });
      expect((await inbox(p1))['proposal.reply_overdue']).toHaveLength(3);
      expect(events).toHaveLength(1);
    });

    it('reminds again when re-assignment set a new deadline that passes too', async () => {
      await post(
        `/api/v1/proposals/${p1}/assign`,
        { mainHandlerIds: [ids.cg], assistingHandlerIds: [], replyDeadline: '2026-12-10' },
        'office',
      );
      expect(await tick('2026-12-10T18:00:00')).toEqual({ reminders: 0, messages: 0 });
      expect(await tick('2026-12-11T08:00:00')).toEqual({ reminders: 1, messages: 3 });
      expect((await inbox(p1))['proposal.reply_overdue']).toEqual(['cgh', 'cgh', 'cgh2', 'cgh2', 'office', 'office']);
      const reminders = await h.database.db
        .selectFrom('proposal_reminders')
        .select(['item', 'deadline'])
        .where('subject_id', '=', p1)
        .orderBy('deadline')
        .execute();
      expect(reminders).toEqual([
        { item: 'reply#0', deadline: '2026-12-05' },
        { item: 'reply#0', deadline: '2026-12-10' },
      ]);
    });

    it('stops once replied, and reminds an undone commitment to the unit itself, not to the sub-district above it', async () => {
      await post(`/api/v1/proposals/${p1}/consultations/waive`, { reason: '提案人表示无需见面' }, 'cgh');
      await post(`/api/v1/proposals/${p1}/reply`, { summary: '已答复', replyClass: 'B' }, 'cgh');
      const p2 = (await register('关于社区养老服务的建议')).id;
      await post(
        `/api/v1/proposals/${p2}/assign`,
        { mainHandlerIds: [ids.cm], assistingHandlerIds: [], replyDeadline: '2026-12-20' },
        'office',
      );
      await post(`/api/v1/proposals/${p2}/consultations/waive`, { reason: '提案人表示无需见面' }, 'cmh');
      await post(`/api/v1/proposals/${p2}/reply`, { summary: '拟建设日间照料中心', replyClass: 'B' }, 'cmh');
      await post(`/api/v1/proposals/${p2}/commitments`, { title: '建成日间照料中心', deadline: '2026-12-15' }, 'cmh');
      expect(await tick('2026-12-16T07:00:00')).toEqual({ reminders: 1, messages: 2 });
      expect(await inbox(p2)).toEqual({ 'proposal.commitment_overdue': ['cmh', 'office'] });
      expect(events.at(-1)).toEqual({
        type: 'proposal.overdue',
        payload: expect.objectContaining({
          proposalId: p2,
          what: 'commitment',
          item: 'commitment#0',
          deadline: '2026-12-15',
        }),
      });
      expect((await inbox(p1))['proposal.reply_overdue']).toHaveLength(6);
      expect(await tick('2026-12-16T07:15:00')).toEqual({ reminders: 0, messages: 0 });
    });

    it('reminds an open tracked opinion past its deadline to the responsible unit and the office, once', async () => {
      const aid = (
        await post(
          '/api/v1/supervisor-assignments',
          { supervisorUsername: 'sup', unitId: ids.cg, termStart: '2026-01-01', termEnd: '2026-12-31' },
          'office',
        )
      ).id;
      const answered = (
        await post(
          `/api/v1/supervisor-assignments/${aid}/opinions`,
          { text: '路灯损坏', responsibleUnitId: ids.jt, deadline: '2026-12-18' },
          'sup',
        )
      ).id;
      const open = (
        await post(
          `/api/v1/supervisor-assignments/${aid}/opinions`,
          { text: '占道经营反弹，请加强巡查', responsibleUnitId: ids.jt, deadline: '2026-12-18' },
          'sup',
        )
      ).id;
      await post(`/api/v1/supervisor-opinions/${answered}/answer`, { reply: '已修复' }, 'jth');
      expect(await tick('2026-12-19T10:00:00')).toEqual({ reminders: 1, messages: 2 });
      expect(await inbox(open)).toEqual({ 'supervisor_opinion.overdue': ['jth', 'office'] });
      expect(await inbox(answered)).toEqual({});
      expect(events.at(-1)).toEqual({
        type: 'supervisor_opinion.overdue',
        payload: { opinionId: open, responsibleUnitId: ids.jt, deadline: '2026-12-18' },
      });
      expect(await tick('2026-12-20T10:00:00')).toEqual({ reminders: 0, messages: 0 });
    });

    it('sends exactly once when two runners race on one database', async () => {
      const p3 = (await register('关于公交线路优化的建议')).id;
      await post(
        `/api/v1/proposals/${p3}/assign`,
        { mainHandlerIds: [ids.jt], assistingHandlerIds: [], replyDeadline: '2026-12-22' },
        'office',
      );
      const now = at('2026-12-23T09:00:00');
      h.clock.set(now.toISOString());
      const results = await Promise.all([remindOverdue(deps, now), remindOverdue(deps, now), remindOverdue(deps, now)]);
      expect(results.reduce((n, r) => n + r.reminders, 0)).toBe(1);
      expect(await inbox(p3)).toEqual({ 'proposal.reply_overdue': ['jth', 'office'] });
      expect(events.filter((e) => e.payload.proposalId === p3)).toHaveLength(1);
      // And the scheduler's slot claim lets one of two processes run the job at all.
      const job = proposalReminderJob(deps);
      const slots = await Promise.all([runSlot(h.database.db, job, now), runSlot(h.database.db, job, now)]);
      expect(slots.filter((s) => s.ran)).toHaveLength(1);
    });
  });
}
