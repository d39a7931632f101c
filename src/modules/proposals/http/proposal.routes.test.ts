import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openHarness, type Harness } from '../../../test-support/harness.js';

type Json = Record<string, any>;

for (const tdb of testDatabases()) {
  describe(`${tdb.name}: CPPCC proposals API`, () => {
    let h: Harness;
    const ids: Record<string, string> = {};
    const who: Record<string, string> = {};
    let admin: string;

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
      who[username] = await h.login(username, 'Test12345');
    }
    const register = (body: Json, cookie = who.tianwei) => h.call('POST', '/api/v1/proposals', { cookie, body });
    const act = (id: string, path: string, body: Json, cookie: string) =>
      h.call('POST', `/api/v1/proposals/${id}${path}`, { cookie, body });
    const get = async (id: string, cookie = who.office): Promise<Json> =>
      (await h.call('GET', `/api/v1/proposals/${id}`, { cookie })).json();
    const count = async (
      table: 'proposal_actions' | 'proposal_handlers' | 'proposals' | 'audit_events',
    ): Promise<number> =>
      Number(
        (
          await h.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const uploadPhoto = async (cookie: string): Promise<string> => {
      const jpeg = await sharp({
        create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } },
      })
        .jpeg()
        .toBuffer();
      const boundary = 'xBOUNDARYx';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="e.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        jpeg,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const r = await h.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: {
          cookie,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'sec-fetch-site': 'same-origin',
        },
        payload,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id;
    };

    beforeAll(async () => {
      h = await openHarness(tdb);
      admin = await h.login('admin');
      const mk = async (key: string, name: string, kind = 'department', parentId = h.districtId) => {
        const r = await h.call('POST', '/api/v1/units', { cookie: admin, body: { parentId, kind, name } });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
      };
      await mk('cg', '城市管理局');
      await mk('zj', '住房和城乡建设局');
      await mk('old', '已撤并的局');
      await mk('jt', '交通运输局');
      await mk('zx', '区政协');
      await h.call('POST', `/api/v1/units/${ids.old}/retire`, { cookie: admin });
      await account('office', 'zx', ['supervision_office']);
      // Office and leaders sit at the district root, like the demo's 督查室 and 区领导.
      ids.root = h.districtId;
      await account('leader', 'root', ['district_leader']);
      await account('leader2', 'root', ['district_leader']);
      await account('cgh', 'cg', ['unit_handler']);
      await account('zjh', 'zj', ['unit_handler']);
      await account('jth', 'jt', ['unit_handler']);
      await account('member', 'zx', ['democratic_supervisor']);
      await account('member2', 'zx', ['democratic_supervisor']);
      // The office account above sits in 区政协 for the scope tests; the real office is district-wide.
      await account('duchashi', 'root', ['supervision_office']);
      who.office = who.duchashi;
      // 政协提案委: registers, keeps the category list.
      await account('tianwei', 'root', ['proposal_office']);
    });
    afterAll(async () => h?.close());

    let pid: string;
    it('registers a proposal with the next number of the year, naming proposers', async () => {
      const r = await register({
        title: '关于加强老旧小区停车管理的建议',
        category: '社会建设',
        content: '建议增设停车泊位。',
        submittedOn: '2026-01-15',
        proposers: [{ name: '委员甲', username: 'member' }, { name: '委员乙' }],
      });
      expect(r.statusCode, r.body).toBe(201);
      pid = r.json().id;
      expect(r.json()).toMatchObject({
        number: '2026-001',
        year: 2026,
        status: 'registered',
        statusName: '已登记',
        isKey: false,
        // The 提案委 registers; 交办 and 重点提案 are the 督查室's.
        allowedActions: [],
      });
      expect((await get(pid, who.office)).allowedActions).toEqual(['assign', 'mark_key']);
      expect(r.json().proposers).toEqual([
        { name: '委员甲', accountId: expect.any(String) },
        { name: '委员乙', accountId: null },
      ]);
      const second = await register({
        title: '第二件',
        category: '经济建设',
        content: '内容',
        proposers: [{ name: '委员丙' }],
      });
      expect(second.json().number).toBe('2026-002');
    });

    it('refuses a taken number, a number of another year and an unknown proposer account, saving nothing', async () => {
      const before = [await count('proposals'), await count('proposal_actions'), await count('audit_events')];
      const taken = await register({
        number: '2026-001',
        title: 't',
        category: '经济建设',
        content: 'x',
        proposers: [{ name: 'n' }],
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ code: 'proposal.number_taken', errors: [{ field: 'number' }] });
      const wrongYear = await register({
        number: '2025-009',
        year: 2026,
        title: 't',
        category: '经济建设',
        content: 'x',
        proposers: [{ name: 'n' }],
      });
      expect(wrongYear.statusCode).toBe(422);
      expect(wrongYear.json().errors[0].field).toBe('number');
      const ghost = await register({
        title: 't',
        category: '经济建设',
        content: 'x',
        proposers: [{ name: 'n' }, { name: 'm', username: 'nobody' }],
      });
      expect(ghost.statusCode).toBe(422);
      expect(ghost.json().errors[0].field).toBe('proposers[1].username');
      const future = await register({
        title: 't',
        category: '经济建设',
        content: 'x',
        proposers: [{ name: 'n' }],
        submittedOn: '2026-12-31',
      });
      expect(future.json().errors[0].field).toBe('submittedOn');
      expect([await count('proposals'), await count('proposal_actions'), await count('audit_events')]).toEqual(before);
    });

    it('refuses registration by anyone but the 提案委 (and admin) with 403: a handler, the 督查室, a leader', async () => {
      for (const c of [who.cgh, who.office, who.leader, who.member]) {
        const r = await register({ title: 't', category: '经济建设', content: 'x', proposers: [{ name: 'n' }] }, c);
        expect(r.statusCode).toBe(403);
        expect(r.headers['content-type']).toMatch(/problem\+json/);
      }
    });

    it('takes the category from the list: an unknown or retired one is refused, naming the field', async () => {
      const before = await count('proposals');
      const unknown = await register({ title: 't', category: '交通', content: 'x', proposers: [{ name: 'n' }] });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().errors[0]).toMatchObject({ field: 'category', message: '类别「交通」不在提案类别表中' });
      expect(await count('proposals')).toBe(before);
    });

    it('lets the 提案委 keep the category list, seeded with the five national areas; others only read it', async () => {
      const list = await h.call('GET', '/api/v1/proposal-categories', { cookie: who.cgh });
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((c: Json) => c.name)).toEqual([
        '经济建设',
        '政治建设',
        '文化建设',
        '社会建设',
        '生态文明建设',
      ]);
      const body = { name: '农业农村' };
      for (const c of [who.office, who.cgh, who.leader]) {
        expect((await h.call('POST', '/api/v1/proposal-categories', { cookie: c, body })).statusCode).toBe(403);
      }
      const added = await h.call('POST', '/api/v1/proposal-categories', { cookie: who.tianwei, body });
      expect(added.statusCode, added.body).toBe(201);
      const agri = added.json().items.find((c: Json) => c.name === '农业农村');
      expect(agri).toMatchObject({ active: true, sortOrder: 600 });
      const dup = await h.call('POST', '/api/v1/proposal-categories', { cookie: admin, body });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().errors[0].field).toBe('name');
      const patch = (cookie: string, b: Json) =>
        h.call('PATCH', `/api/v1/proposal-categories/${agri.id}`, { cookie, body: b });
      expect((await patch(who.office, { active: false })).statusCode).toBe(403);
      const retired = await patch(who.tianwei, { active: false });
      expect(retired.statusCode, retired.body).toBe(200);
      const active = (await h.call('GET', '/api/v1/proposal-categories?active=true', { cookie: who.tianwei })).json();
      expect(active.items.map((c: Json) => c.name)).not.toContain('农业农村');
      const r = await register({ title: 't', category: '农业农村', content: 'x', proposers: [{ name: 'n' }] });
      expect(r.json().errors[0].field).toBe('category');
      expect((await patch(who.tianwei, { name: '社会建设' })).statusCode).toBe(409);
      expect((await patch(admin, { active: true, name: '农业农村发展' })).json().items).toContainEqual(
        expect.objectContaining({ name: '农业农村发展', active: true }),
      );
      const audit = await h.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', agri.id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'proposal_category.create',
        'proposal_category.update',
        'proposal_category.update',
      ]);
    });

    it('refuses assignment to a retired unit or with a reply deadline before registration, naming the field and saving nothing', async () => {
      const before = [await count('proposal_actions'), await count('proposal_handlers'), await count('audit_events')];
      const retired = await act(
        pid,
        '/assign',
        { mainHandlerIds: [ids.cg], assistingHandlerIds: [ids.zj, ids.old], replyDeadline: '2027-01-31' },
        who.office,
      );
      expect(retired.statusCode).toBe(422);
      expect(retired.json()).toMatchObject({
        code: 'proposal.invalid_assignment',
        errors: [{ field: 'assistingHandlerIds[1]' }],
      });
      const early = await act(
        pid,
        '/assign',
        { mainHandlerIds: [ids.cg], assistingHandlerIds: [], replyDeadline: '2026-01-10' },
        who.office,
      );
      expect(early.statusCode).toBe(422);
      expect(early.json().errors.map((e: Json) => e.field)).toContain('replyDeadline');
      expect(early.json().errors[0].message).toMatch(/提交日期/);
      const unknown = await act(
        pid,
        '/assign',
        { mainHandlerIds: ['01900000-0000-7000-8000-000000000000'], replyDeadline: '2027-01-31' },
        who.office,
      );
      expect(unknown.json().errors[0].field).toBe('mainHandlerIds[0]');
      expect([await count('proposal_actions'), await count('proposal_handlers'), await count('audit_events')]).toEqual(
        before,
      );
      expect((await get(pid)).status).toBe('registered');
    });

    it('hides an unassigned proposal from handlers and shows it to its proposer', async () => {
      expect((await h.call('GET', `/api/v1/proposals/${pid}`, { cookie: who.cgh })).statusCode).toBe(404);
      expect((await h.call('GET', `/api/v1/proposals/${pid}`, { cookie: who.member })).statusCode).toBe(200);
      expect((await h.call('GET', `/api/v1/proposals/${pid}`, { cookie: who.member2 })).statusCode).toBe(404);
    });

    it('assigns to main and assisting handlers; each sees it, another unit does not', async () => {
      const r = await act(
        pid,
        '/assign',
        { mainHandlerIds: [ids.cg], assistingHandlerIds: [ids.zj], replyDeadline: '2026-12-31', expectedVersion: 1 },
        who.office,
      );
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({
        status: 'assigned',
        replyDeadline: '2026-12-31',
        mainHandlers: [{ name: '城市管理局' }],
        assistingHandlers: [{ name: '住房和城乡建设局' }],
        version: 2,
      });
      const main = await get(pid, who.cgh);
      expect(main.allowedActions).toEqual(['consult', 'waive_consultation']);
      expect((await get(pid, who.zjh)).allowedActions).toEqual([]);
      expect((await h.call('GET', `/api/v1/proposals/${pid}`, { cookie: who.jth })).statusCode).toBe(404);
      const list = (await h.call('GET', '/api/v1/proposals?year=2026', { cookie: who.cgh })).json();
      expect(list.items.map((p: Json) => p.id)).toEqual([pid]);
      expect((await h.call('GET', '/api/v1/proposals?year=2026', { cookie: who.jth })).json().items).toEqual([]);
      const audit = await h.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', pid)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['proposal.register', 'proposal.assign']);
    });

    it('answers 409 to a stale version and changes nothing', async () => {
      const before = await count('proposal_actions');
      const r = await act(pid, '/reply', { summary: '答复', replyClass: 'A', expectedVersion: 1 }, who.cgh);
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe('proposal.version_conflict');
      expect(await count('proposal_actions')).toBe(before);
    });

    it('makes it a key proposal under a district leader, who hears progress reports', async () => {
      const notLeader = await act(pid, '/key', { leaderUsername: 'cgh' }, who.office);
      expect(notLeader.statusCode).toBe(422);
      expect(notLeader.json().errors[0].field).toBe('leaderUsername');
      expect((await act(pid, '/key', { leaderUsername: 'leader' }, who.cgh)).statusCode).toBe(403);
      const k = await act(pid, '/key', { leaderUsername: 'leader' }, who.office);
      expect(k.json()).toMatchObject({ isKey: true, leader: { name: 'leader（测试）' } });
      const rep = await act(pid, '/progress', { text: '已完成摸排' }, who.zjh);
      expect(rep.statusCode, rep.body).toBe(200);
      const seq = rep.json().progress[0].seq;
      expect((await get(pid, who.leader)).allowedActions).toContain('hear_progress');
      const other = await h.call('POST', `/api/v1/proposals/${pid}/progress/${seq}/heard`, {
        cookie: who.leader2,
        body: { comment: '看看' },
      });
      expect(other.statusCode).toBe(403);
      expect(other.json().code).toBe('proposal.not_leader');
      const heard = await h.call('POST', `/api/v1/proposals/${pid}/progress/${seq}/heard`, {
        cookie: who.leader,
        body: { comment: '抓紧推进' },
      });
      expect(heard.statusCode, heard.body).toBe(200);
      expect(heard.json().progress[0].heard).toMatchObject({ comment: '抓紧推进', by: 'leader（测试）' });
      expect(
        (await h.call('POST', `/api/v1/proposals/${pid}/progress/${seq}/heard`, { cookie: who.leader, body: {} }))
          .statusCode,
      ).toBe(409);
    });

    it('refuses the reply before the 见面协商, and the consultation by anyone but the main handler', async () => {
      const before = await count('proposal_actions');
      const early = await act(pid, '/reply', { summary: '先答复', replyClass: 'B' }, who.cgh);
      expect(early.statusCode).toBe(409);
      expect(early.json()).toMatchObject({
        code: 'proposal.consultation_required',
        detail: '答复前须先与提案人见面协商，或注明无需见面协商的原因',
      });
      const body = { on: '2026-11-30', participants: '委员甲；城管局副局长王某', outcome: '同意先增设临时泊位' };
      for (const c of [who.zjh, who.office, who.tianwei, who.member]) {
        const r = await act(pid, '/consultations', body, c);
        expect(r.statusCode).toBe(403);
      }
      const future = await act(pid, '/consultations', { ...body, on: '2026-12-01' }, who.cgh);
      expect(future.statusCode).toBe(422);
      expect(future.json().errors[0]).toMatchObject({ field: 'on', message: '协商日期不能晚于今天' });
      const noOutcome = await act(pid, '/consultations', { ...body, outcome: '' }, who.cgh);
      expect(noOutcome.statusCode).toBe(400);
      expect(await count('proposal_actions')).toBe(before);
      const met = await act(pid, '/consultations', body, who.cgh);
      expect(met.statusCode, met.body).toBe(200);
      expect(met.json()).toMatchObject({
        status: 'assigned',
        consulted: true,
        consultations: [
          { round: 0, on: '2026-11-30', participants: body.participants, waivedReason: null, by: 'cgh（测试）' },
        ],
        // A key proposal: progress reports go on alongside.
        allowedActions: ['consult', 'reply', 'report_progress'],
      });
      const waive = await act(pid, '/consultations/waive', { reason: '已见过' }, who.cgh);
      expect(waive.json().code).toBe('proposal.already_consulted');
    });

    it('refuses a reply by the assisting handler or without a class, then takes the main handler’s reply', async () => {
      const r = await act(pid, '/reply', { summary: '协办答复', replyClass: 'B' }, who.zjh);
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('proposal.not_main_handler');
      const noClass = await act(pid, '/reply', { summary: '拟增设停车泊位300个' }, who.cgh);
      expect(noClass.statusCode).toBe(400);
      expect(noClass.json().errors[0].field).toBe('replyClass');
      const d = await act(pid, '/reply', { summary: 'x', replyClass: 'D' }, who.cgh);
      expect(d.statusCode).toBe(400);
      const ok = await act(pid, '/reply', { summary: '拟增设停车泊位300个', replyClass: 'B' }, who.cgh);
      expect(ok.json()).toMatchObject({
        status: 'replied',
        kind: 'reply',
        kindName: '答复型',
        replies: [
          { on: '2026-11-30', summary: '拟增设停车泊位300个', replyClass: 'B', replyClassName: '列入计划拟解决' },
        ],
      });
    });

    it('refuses a rating by someone who is not a proposer, saving nothing', async () => {
      const before = await count('proposal_actions');
      for (const c of [who.cgh, who.office, who.leader]) {
        const r = await act(pid, '/ratings', { satisfaction: 'satisfied' }, c);
        expect(r.statusCode).toBe(403);
        expect(r.json().code).toBe('proposal.not_proposer');
      }
      expect(await count('proposal_actions')).toBe(before);
    });

    let photo: string;
    it('turns 落实型 with commitments, needs evidence to complete one, then completes', async () => {
      const past = await act(pid, '/commitments', { title: '增设泊位', deadline: '2026-11-01' }, who.cgh);
      expect(past.statusCode).toBe(422);
      expect(past.json().errors[0].field).toBe('deadline');
      const c = await act(pid, '/commitments', { title: '增设临时停车泊位300个', deadline: '2027-03-31' }, who.cgh);
      expect(c.json()).toMatchObject({
        status: 'implementing',
        kind: 'implementation',
        kindName: '落实型',
        commitmentList: [{ index: 0, doneOn: null }],
      });
      expect(c.json().nextDue).toEqual({ what: 'commitment', date: '2027-03-31', overdue: false });
      expect((await act(pid, '/complete', {}, who.cgh)).json().code).toBe('proposal.commitments_open');
      const none = await act(pid, '/commitments/0/complete', { fileIds: [] }, who.cgh);
      expect(none.json()).toMatchObject({ code: 'proposal.evidence_required', errors: [{ field: 'fileIds' }] });
      const foreign = await uploadPhoto(who.zjh);
      const notMine = await act(pid, '/commitments/0/complete', { fileIds: [foreign] }, who.cgh);
      expect(notMine.json().errors[0].field).toBe('fileIds[0]');
      photo = await uploadPhoto(who.cgh);
      const done = await act(pid, '/commitments/0/complete', { fileIds: [photo], note: '已建成' }, who.cgh);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().commitmentList[0]).toMatchObject({
        doneOn: '2026-11-30',
        evidenceCount: 1,
        evidence: [{ fileId: photo }],
      });
      const finished = await act(pid, '/complete', { comment: '办结' }, who.cgh);
      expect(finished.json()).toMatchObject({ status: 'completed', allowedActions: [] });
    });

    it('serves the evidence to whoever sees the proposal, and not to others', async () => {
      const url = `/api/v1/proposals/${pid}/files/${photo}`;
      const r = await h.call('GET', url, { cookie: who.leader });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('image/jpeg');
      expect((await h.call('GET', url, { cookie: who.jth })).statusCode).toBe(404);
      expect((await h.call('GET', `/api/v1/proposals/${pid}/files/${ids.cg}`, { cookie: who.leader })).statusCode).toBe(
        404,
      );
    });

    it('re-opens handling on 不满意; the office re-assigns and the handler replies again', async () => {
      expect((await get(pid, who.member)).allowedActions).toEqual(['rate']);
      const r = await act(pid, '/ratings', { satisfaction: 'unsatisfied', comment: '进度太慢' }, who.member);
      expect(r.json()).toMatchObject({
        status: 'assigned',
        rehandleCount: 1,
        satisfaction: 'unsatisfied',
        ratings: [{ byName: '委员甲', satisfactionName: '不满意' }],
      });
      await act(
        pid,
        '/assign',
        { mainHandlerIds: [ids.cg], assistingHandlerIds: [], replyDeadline: '2027-01-15' },
        who.office,
      );
      const unmet = await act(pid, '/reply', { summary: '再次答复', replyClass: 'A' }, who.cgh);
      expect(unmet.json().code).toBe('proposal.consultation_required');
      const waived = await act(pid, '/consultations/waive', { reason: '提案人书面表示无需再次见面' }, who.cgh);
      expect(waived.json().consultations.map((c: Json) => [c.round, c.waivedReason])).toEqual([
        [0, null],
        [1, '提案人书面表示无需再次见面'],
      ]);
      const again = await act(pid, '/reply', { summary: '再次答复：加快建设进度', replyClass: 'A' }, who.cgh);
      expect(again.json()).toMatchObject({
        status: 'replied',
        firstReplyDeadline: '2026-12-31',
        replyDeadline: '2027-01-15',
      });
      expect(again.json().replies).toHaveLength(2);
      const timeline = again.json().timeline.map((t: Json) => t.type);
      expect(timeline).toEqual([
        'register',
        'assign',
        'mark_key',
        'report_progress',
        'hear_progress',
        'consult',
        'reply',
        'add_commitment',
        'complete_commitment',
        'complete',
        'rate',
        'assign',
        'waive_consultation',
        'reply',
      ]);
      const rated = await act(pid, '/ratings', { satisfaction: 'basically_satisfied' }, who.member);
      expect(rated.json()).toMatchObject({ status: 'replied', satisfaction: 'basically_satisfied' });
    });

    it('filters the list by status, kind and key and counts each', async () => {
      const all = (await h.call('GET', '/api/v1/proposals?year=2026', { cookie: who.office })).json();
      expect(all.counts).toMatchObject({
        total: 2,
        key: 1,
        byStatus: { registered: 1, replied: 1 },
        byKind: { implementation: 1, reply: 1 },
      });
      const key = (await h.call('GET', '/api/v1/proposals?year=2026&key=true', { cookie: who.office })).json();
      expect(key.items.map((p: Json) => p.number)).toEqual(['2026-001']);
      const reg = (await h.call('GET', '/api/v1/proposals?status=registered', { cookie: who.office })).json();
      expect(reg.items.map((p: Json) => p.number)).toEqual(['2026-002']);
      const impl = (await h.call('GET', '/api/v1/proposals?kind=implementation&q=停车', { cookie: who.office })).json();
      expect(impl.items).toHaveLength(1);
      expect((await h.call('GET', '/api/v1/proposals?status=nope', { cookie: who.office })).statusCode).toBe(400);
      const mine = (await h.call('GET', '/api/v1/proposals?supervisedByMe=true', { cookie: who.leader })).json();
      expect(mine.items.map((p: Json) => p.number)).toEqual(['2026-001']);
      expect(
        (await h.call('GET', '/api/v1/proposals?supervisedByMe=true', { cookie: who.leader2 })).json().items,
      ).toEqual([]);
      expect(all.counts.replyOverdue).toBe(0);
    });

    it('computes the yearly statistics, overall and per main handler', async () => {
      const s = (await h.call('GET', '/api/v1/proposals/stats?year=2026', { cookie: who.leader })).json();
      expect(s).toMatchObject({
        year: 2026,
        asOf: '2026-11-30',
        proposals: 2,
        repliesDue: 1,
        repliedOnTime: 1,
        onTimeReplyRate: 1,
        implementationProposals: 1,
        commitments: 1,
        commitmentsDone: 1,
        implementationRate: 1,
        rated: 1,
        satisfiedOrBasically: 1,
        satisfactionRate: 1,
        byReplyClass: { A: 1, B: 0, C: 0 },
      });
      expect(s.byMainHandler).toEqual([
        expect.objectContaining({ name: '城市管理局', proposals: 1, onTimeReplyRate: 1 }),
      ]);
      const late = (
        await h.call('GET', '/api/v1/proposals/stats?year=2026&asOf=2026-11-29', { cookie: who.office })
      ).json();
      expect(late).toMatchObject({ repliesDue: 0, onTimeReplyRate: null, commitmentsDone: 0, rated: 0 });
      expect((await h.call('GET', '/api/v1/proposals/stats?year=2026', { cookie: who.jth })).json().proposals).toBe(0);
    });

    it('defaults the reply deadline to three months after 交办, and refuses one past six months', async () => {
      const r = await register({ title: '期限', category: '经济建设', content: 'x', proposers: [{ name: 'n' }] });
      const id = r.json().id;
      // 2026-11-30 + 3 months has no 02-30: the month's end, 2027-02-28, a Sunday → Monday 03-01.
      expect(r.json().defaultReplyDeadline).toBe('2027-03-01');
      const late = await act(id, '/assign', { mainHandlerIds: [ids.jt], replyDeadline: '2027-06-01' }, who.office);
      expect(late.statusCode).toBe(422);
      expect(late.json().errors[0]).toMatchObject({
        field: 'replyDeadline',
        message: '答复期限最迟为交办后六个月（2027-05-31）',
      });
      const a = await act(id, '/assign', { mainHandlerIds: [ids.jt] }, who.office);
      expect(a.statusCode, a.body).toBe(200);
      expect(a.json()).toMatchObject({ replyDeadline: '2027-03-01', firstReplyDeadline: '2027-03-01' });
      expect(a.json().timeline[1].record).toMatchObject({ replyDeadline: '2027-03-01', defaultDeadline: true });
    });

    it('lets one of two simultaneous replies win; the other answers 409 and leaves one action', async () => {
      const r = await register({ title: '并发', category: '经济建设', content: 'x', proposers: [{ name: 'n' }] });
      const id = r.json().id;
      await act(
        id,
        '/assign',
        { mainHandlerIds: [ids.jt], assistingHandlerIds: [], replyDeadline: '2026-12-31' },
        who.office,
      );
      await act(id, '/consultations/waive', { reason: '提案人表示无需见面' }, who.jth);
      const both = await Promise.all([
        act(id, '/reply', { summary: '甲', replyClass: 'A' }, who.jth),
        act(id, '/reply', { summary: '乙', replyClass: 'A' }, who.jth),
      ]);
      expect(both.map((x) => x.statusCode).sort()).toEqual([200, 409]);
      const detail = await get(id);
      expect(detail.replies).toHaveLength(1);
      expect(detail.timeline.map((t: Json) => t.type)).toEqual(['register', 'assign', 'waive_consultation', 'reply']);
    });

    it('lists an assigned proposal past its reply deadline as overdue', async () => {
      const r = await register({ title: '逾期未答复', category: '经济建设', content: 'x', proposers: [{ name: 'n' }] });
      await act(
        r.json().id,
        '/assign',
        { mainHandlerIds: [ids.jt], assistingHandlerIds: [], replyDeadline: '2026-12-01' },
        who.office,
      );
      expect((await h.call('GET', '/api/v1/proposals?replyOverdue=true', { cookie: who.jth })).json().items).toEqual(
        [],
      );
      h.clock.set('2026-12-02T02:00:00.000Z');
      const cookie = await h.login('jth', 'Test12345');
      const overdue = (await h.call('GET', '/api/v1/proposals?replyOverdue=true', { cookie })).json();
      expect(overdue.items.map((p: Json) => [p.title, p.replyOverdue])).toEqual([['逾期未答复', true]]);
      expect(overdue.counts.replyOverdue).toBe(1);
      expect(overdue.items[0].nextDue).toEqual({ what: 'reply', date: '2026-12-01', overdue: true });
      h.clock.set('2026-11-30T02:00:00.000Z');
    });
  });
}
