import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../kernel/config.js';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { prepareModules } from '../../../kernel/modules/descriptor.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';
import { LocateService } from '../../org/index.js';
import { createModuleContext, MODULES } from '../../registry.js';

const PASSWORD = 'Demo12345';
const USERS = [
  'admin',
  'leader',
  'duchashi',
  'chengguan',
  'chenzhou',
  'chengbei',
  'zhuzhuang',
  'dianxin',
  'jiandu',
  'wgy_zhuzhuang',
  'zhiyuanzhe',
] as const;
type User = (typeof USERS)[number];

interface Listed {
  items: {
    id: string;
    content: string;
    leader: { name: string };
    targetTitle: string;
    createdAt: string;
    canReply: boolean;
    owners: { unitId: string; unitName: string; role: string; reply: { content: string; byName: string } | null }[];
  }[];
  canWrite: boolean;
}

// The whole demo district, seeded by every module as at a server's first start: the instructions
// module's own demo writes through the real command on the lagging task and the overdue case.
for (const tdb of testDatabases()) {
  describe(`instructions API (${tdb.name})`, () => {
    let h: Harness;
    const cookies = {} as Record<User, string>;
    const ids = { task: '', case: '', proposal: '' };
    let seeded: Record<string, unknown> = {};

    const call = (who: User, method: string, url: string, body?: unknown) =>
      h.call(method, url, { cookie: cookies[who], body });
    const list = async (who: User, kind: string, id: string) =>
      call(who, 'GET', `/api/v1/instructions?targetKind=${kind}&targetId=${id}`);
    const inbox = async (who: User, kind: string) =>
      (await call(who, 'GET', '/api/v1/inbox?limit=200'))
        .json()
        .items.filter((m: { kind: string }) => m.kind === kind) as {
        title: string;
        body: string;
        entityType: string;
        entityId: string;
      }[];

    beforeAll(async () => {
      const env = { CIVICGRID_DEMO_PASSWORD: PASSWORD };
      h = await openHarness(tdb, env);
      const config = loadConfig({
        ...env,
        CIVICGRID_ADMIN_PASSWORD: 'Admin12345',
        CIVICGRID_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'civicgrid-instr-')),
      });
      const ctx = createModuleContext({
        database: h.database,
        clock: h.clock,
        config,
        locator: new LocateService(h.database, h.clock),
      });
      seeded = (await prepareModules(MODULES, ctx, { districtId: h.districtId, now: h.clock.now() })).demo;
      for (const u of USERS) cookies[u] = await h.login(u, u === 'admin' ? undefined : PASSWORD);
      const demo = (await h.database.db.selectFrom('instructions').select(['target_kind', 'target_id']).execute()) as {
        target_kind: 'task' | 'case';
        target_id: string;
      }[];
      for (const d of demo) ids[d.target_kind] = d.target_id;
      ids.proposal = (await call('leader', 'GET', '/api/v1/proposals?limit=5')).json().items[0].id;
    }, 300_000);
    afterAll(async () => h?.close());

    it('seeds the leader’s instructions on a lagging task and on an overdue case', async () => {
      expect(seeded.instructions).toEqual({ instructions: 2 });
      expect(ids.task && ids.case).toBeTruthy();
      const task = (await call('leader', 'GET', `/api/v1/tasks/${ids.task}`)).json();
      expect(task.status).toBe('lagging');
      const c = (await call('leader', 'GET', `/api/v1/cases/${ids.case}`)).json();
      expect(['dispatched', 'handling']).toContain(c.status);
      expect(c.deadline < h.clock.now().toISOString()).toBe(true);
    });

    it('sends a case’s instruction to its handling unit and the 街道 that triaged it, and to no one else', async () => {
      const l = (await list('leader', 'case', ids.case)).json() as Listed;
      expect(l.canWrite).toBe(true);
      expect(l.items).toHaveLength(1);
      expect(l.items[0].leader.name).toBe('区领导（演示）');
      expect(l.items[0].owners.map((o) => [o.unitName, o.role])).toEqual([
        ['川汇区城市管理局', 'handling'],
        ['陈州街道办事处', 'triage'],
      ]);
      for (const who of ['chengguan', 'chenzhou'] as const) {
        const got = await inbox(who, 'instruction.created');
        expect(got.filter((m) => m.entityId === ids.case)).toHaveLength(1);
        expect(got.find((m) => m.entityId === ids.case)).toMatchObject({ entityType: 'case' });
        expect(got.find((m) => m.entityId === ids.case)!.title).toMatch(/^【领导批示】/);
      }
      for (const who of ['dianxin', 'chengbei', 'zhuzhuang', 'duchashi'] as const)
        expect((await inbox(who, 'instruction.created')).filter((m) => m.entityId === ids.case)).toEqual([]);
    });

    it('shows the instructions to whoever sees the record, and answers 404 outside the scope', async () => {
      for (const who of ['chengguan', 'chenzhou', 'zhuzhuang', 'wgy_zhuzhuang', 'duchashi', 'admin'] as const) {
        const res = await list(who, 'case', ids.case);
        expect(res.statusCode, who).toBe(200);
        expect((res.json() as Listed).items).toHaveLength(1);
        expect((res.json() as Listed).canWrite, who).toBe(who === 'admin');
      }
      for (const who of ['chengbei', 'dianxin', 'jiandu'] as const) {
        const res = await list(who, 'case', ids.case);
        expect(res.statusCode, who).toBe(404);
        expect(res.json().code).toBe('case.not_found');
      }
      // The record's own read permission: a volunteer reads cases but not tasks.
      const noRead = await list('zhiyuanzhe', 'task', ids.task);
      expect(noRead.statusCode).toBe(403);
      expect(noRead.json().code).toBe('auth.permission_denied');
      expect((await list('leader', 'case', '01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
      const bad = await call('leader', 'GET', `/api/v1/instructions?targetKind=briefing&targetId=${ids.case}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('targetKind');
    });

    it('lets a leader or an admin write, and no one else', async () => {
      const body = (content: string) => ({ targetKind: 'case', targetId: ids.case, content });
      for (const who of ['duchashi', 'chengguan', 'chenzhou', 'zhuzhuang', 'wgy_zhuzhuang', 'jiandu'] as const) {
        const res = await call(who, 'POST', '/api/v1/instructions', body('越权批示'));
        expect(res.statusCode, who).toBe(403);
        expect(res.json().code).toBe('auth.permission_denied');
      }
      const empty = await call('leader', 'POST', '/api/v1/instructions', body('   '));
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0]).toMatchObject({ field: 'content', message: '不能为空' });
      h.clock.advance(60_000);
      const byAdmin = await call('admin', 'POST', '/api/v1/instructions', body('请城管局加派人手。'));
      expect(byAdmin.statusCode).toBe(201);
      const l = (await list('chengguan', 'case', ids.case)).json() as Listed;
      // Oldest first, as the timeline reads.
      expect(l.items.map((i) => i.content)).toEqual([expect.stringContaining('超过处置时限'), '请城管局加派人手。']);
      expect(l.items[0].createdAt < l.items[1].createdAt).toBe(true);
      const audit = await h.database.db
        .selectFrom('audit_events')
        .select(['action', 'entity_id', 'summary'])
        .where('action', '=', 'instruction.create')
        .execute();
      expect(audit).toHaveLength(3);
      expect(audit.map((a) => a.entity_id)).toContain(byAdmin.json().id);
    });

    it('takes one answer from each owner unit, tells the leader, and refuses everyone else', async () => {
      const [first] = ((await list('chengguan', 'case', ids.case)).json() as Listed).items;
      expect(first.canReply).toBe(true);
      const reply = (who: User, content = '已阅，已安排执法中队现场处置。') =>
        call(who, 'POST', `/api/v1/instructions/${first.id}/replies`, { content });
      const ok = await reply('chengguan');
      expect(ok.statusCode).toBe(201);
      expect(ok.json().canReply).toBe(false);
      expect(ok.json().owners[0]).toMatchObject({
        unitName: '川汇区城市管理局',
        reply: { content: '已阅，已安排执法中队现场处置。', byName: '城管局经办人（演示）' },
      });
      expect(ok.json().owners[1].reply).toBeNull();
      const again = await reply('chengguan', '再答一次');
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('instruction.already_replied');
      expect((await reply('chenzhou', '已阅，街道城管办跟进督促。')).statusCode).toBe(201);
      // Sees the case, but the instruction was not sent to its unit.
      const notOwner = await reply('zhuzhuang');
      expect(notOwner.statusCode).toBe(403);
      expect(notOwner.json().code).toBe('instruction.reply_forbidden');
      expect((await reply('leader')).statusCode).toBe(403);
      // Cannot see the case: the instruction does not exist for it.
      const outside = await reply('dianxin');
      expect(outside.statusCode).toBe(404);
      expect(outside.json().code).toBe('instruction.not_found');
      const told = (await inbox('leader', 'instruction.replied')).filter((m) => m.entityId === ids.case);
      expect(told.map((m) => m.body).sort()).toEqual([
        '川汇区城市管理局：已阅，已安排执法中队现场处置。',
        '陈州街道办事处：已阅，街道城管办跟进督促。',
      ]);
    });

    it('sends a task’s instruction to its lead and cooperating units', async () => {
      const l = (await list('leader', 'task', ids.task)).json() as Listed;
      expect(l.items).toHaveLength(1);
      const roles = l.items[0].owners.map((o) => o.role);
      expect(roles[0]).toBe('lead');
      expect(roles.slice(1).every((r) => r === 'cooperating')).toBe(true);
      const cooperating = l.items[0].owners.find((o) => o.unitName === '城北街道办事处');
      expect(cooperating?.role).toBe('cooperating');
      expect((await inbox('chengbei', 'instruction.created')).map((m) => m.entityId)).toContain(ids.task);
      expect((await list('chengbei', 'task', ids.task)).json().items[0].canReply).toBe(true);
    });

    it('sends a proposal’s instruction to its handling units, main first, with a webhook event', async () => {
      const hook = await call('admin', 'POST', '/api/v1/webhooks', {
        name: '批示推送',
        url: 'https://example.com/hook',
        kind: 'webhook',
        events: ['instruction.created'],
      });
      expect(hook.statusCode).toBe(201);
      const res = await call('leader', 'POST', '/api/v1/instructions', {
        targetKind: 'proposal',
        targetId: ids.proposal,
        content: '请承办单位认真研究，按期答复提案人。',
      });
      expect(res.statusCode).toBe(201);
      const owners = res.json().owners as { unitId: string; role: string }[];
      expect(owners.length).toBeGreaterThan(0);
      expect(owners[0].role).toBe('main');
      const sent = await h.database.db
        .selectFrom('inbox_messages')
        .innerJoin('accounts', 'accounts.id', 'inbox_messages.account_id')
        .select('accounts.unit_id')
        .where('inbox_messages.kind', '=', 'instruction.created')
        .where('inbox_messages.entity_id', '=', ids.proposal)
        .execute();
      expect(sent.every((s) => owners.some((o) => o.unitId === s.unit_id))).toBe(true);
      const deliveries = (await call('admin', 'GET', `/api/v1/webhooks/${hook.json().id}/deliveries`)).json();
      expect(deliveries.items).toHaveLength(1);
      expect(deliveries.items[0].eventType).toBe('instruction.created');
    });
  });
}
