import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../kernel/db/test-databases.js';
import { openPlansFixture, YEAR, type PlansFixture } from '../testing/plans-test-kit.js';

// 德化社区 (陈州街道) keeps its branch's battle map; the harness day is 2026-11-30.
for (const tdb of testDatabases()) {
  describe(`battle maps and teams (${tdb.name})`, () => {
    let f: PlansFixture;
    const plan = () => `/api/v1/stars/branches/${f.units.dehuaBranch}/plan?year=${YEAR}`;
    const measures = () => `/api/v1/stars/branches/${f.units.dehuaBranch}/measures`;
    const count = async (table: 'star_plans' | 'star_plan_measures' | 'tasks' | 'star_teams' | 'task_reports') =>
      (await f.h.database.db.selectFrom(table).select('district_code').execute()).length;
    let lateId = '';
    let freshId = '';
    let teamId = '';

    beforeAll(async () => {
      f = await openPlansFixture(tdb, ['chengbei']);
    }, 180_000);
    afterAll(async () => f?.h.close());

    it('shows a branch without a battle map, then declares its stars', async () => {
      const empty = await f.call('dehua', 'GET', plan());
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json()).toMatchObject({
        plan: null,
        measures: [],
        branch: {
          name: '德化社区党支部',
          kind: 'urban',
          parent: { name: '德化社区' },
          subdistrict: { name: '陈州街道办事处' },
        },
        can: { keep: true },
      });
      const bad = await f.call('dehua', 'PUT', plan(), { year: YEAR, stars: ['branch_strong', 'branch_strong'] });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0]).toMatchObject({ field: 'stars[1]', message: '同一颗星只能选择一次' });
      // 产业兴旺 is a village star: not in the urban set in force.
      const village = await f.call('dehua', 'PUT', plan(), { year: YEAR, stars: ['branch_strong', 'industry'] });
      expect(village.statusCode).toBe(422);
      expect(village.json().errors[0]).toMatchObject({
        field: 'stars[1]',
        message: '“industry”不是该支部所用星级标准中的星',
      });
      expect(await count('star_plans')).toBe(0);
      const ok = await f.call('dehua', 'PUT', plan(), {
        year: YEAR,
        stars: ['branch_strong', 'harmony'],
        note: '争创两星',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().plan).toMatchObject({ stars: ['branch_strong', 'harmony'], note: '争创两星', version: 1 });
      expect(ok.json().stars.map((s: { name: string; total: number }) => [s.name, s.total])).toEqual([
        ['支部过硬', 0],
        ['幸福和谐', 0],
      ]);
      expect(ok.json().starOptions.map((o: { name: string }) => o.name)).toEqual([
        '支部过硬',
        '宜业兴业',
        '平安法治',
        '幸福和谐',
        '共建共享',
      ]);
    });

    it('refuses a measure for a star the map does not go for, or due another year, writing nothing', async () => {
      const before = await count('tasks');
      const r = await f.call('dehua', 'POST', measures(), {
        year: YEAR,
        starKey: 'industry',
        title: '建设共享菜园',
        ownerName: '李红',
        start: '2026-11-01',
        deadline: '2027-01-15',
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['starKey', 'deadline']);
      const dates = await f.call('dehua', 'POST', measures(), {
        year: YEAR,
        starKey: 'branch_strong',
        title: '倒排的措施',
        ownerName: '李红',
        start: '2026-12-20',
        deadline: '2026-12-01',
      });
      expect(dates.statusCode).toBe(422);
      expect(dates.json().errors[0].field).toBe('deadline');
      expect(await count('tasks')).toBe(before);
      expect(await count('star_plan_measures')).toBe(0);
    });

    it('adds measures as supervision tasks and counts them per star', async () => {
      const late = await f.call('dehua', 'POST', measures(), {
        year: YEAR,
        starKey: 'branch_strong',
        title: '规范“三会一课”台账',
        ownerName: '李红',
        ownerAccountId: f.accounts.dehua,
        start: '2026-11-01',
        deadline: '2026-12-31',
        milestones: [{ title: '补齐 10 月台账', due: '2026-11-20' }],
      });
      expect(late.statusCode, late.body).toBe(201);
      const byDianxin = {
        year: YEAR,
        starKey: 'harmony',
        title: '开展邻里节',
        ownerName: '王建国',
        leadUnitId: f.units.dianxin,
        start: '2026-11-30',
        deadline: '2026-12-31',
      };
      // 电信 lies outside 德化's scope: it may lead only once it is the branch's 包联 unit.
      const tasks = await count('tasks');
      const refused = await f.call('dehua', 'POST', measures(), byDianxin);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0]).toMatchObject({ field: 'leadUnitId' });
      expect(await count('tasks')).toBe(tasks);
      const pair = await f.call('admin', 'POST', '/api/v1/duty/responsibilities', {
        kind: 'pair',
        targetUnitId: f.units.dehua,
        holder: { type: 'unit', id: f.units.dianxin },
        from: '2026-11-01',
      });
      expect(pair.statusCode, pair.body).toBe(201);
      const fresh = await f.call('dehua', 'POST', measures(), byDianxin);
      expect(fresh.statusCode, fresh.body).toBe(201);
      const map = fresh.json();
      lateId = map.measures[0].id;
      freshId = map.measures[1].id;
      expect(map.measures[0]).toMatchObject({ status: 'lagging', ownerAccount: { name: '德化社区两委（演示）' } });
      // Led by the 包联 unit; the branch cooperates, so its community keeps sight of it.
      expect(map.measures[1]).toMatchObject({ status: 'on_track', leadUnit: { name: '周口电信川汇分公司' } });
      expect(map.stars).toMatchObject([
        { key: 'branch_strong', total: 1, behind: 1, done: 0, onTrack: 0, targeted: true },
        { key: 'harmony', total: 1, behind: 0, done: 0, onTrack: 1, targeted: true },
      ]);
      expect(map.totals).toEqual({ total: 2, done: 0, behind: 1, onTrack: 1 });
      const task = await f.call('dehua', 'GET', `/api/v1/tasks/${map.measures[1].taskId}`);
      expect(task.statusCode).toBe(200);
      expect(task.json().source).toBe('battle_map');
      // A star that measures serve cannot be dropped.
      const drop = await f.call('dehua', 'PUT', plan(), { year: YEAR, stars: ['branch_strong'] });
      expect(drop.statusCode).toBe(422);
      expect(drop.json().errors[0]).toMatchObject({
        field: 'stars',
        message: '作战图中还有服务于“harmony”的措施，请先调整这些措施',
      });
    });

    it('ticks a measure off only with evidence (对账销号)', async () => {
      const reports = await count('task_reports');
      const none = await f.call('dehua', 'POST', `/api/v1/stars/measures/${lateId}/reports`, {
        percent: 100,
        content: '台账已补齐。',
      });
      expect(none.statusCode).toBe(422);
      expect(none.json().errors[0]).toMatchObject({ field: 'fileIds', message: '对账销号（进度 100%）须上传佐证材料' });
      expect(await count('task_reports')).toBe(reports);
      const fileId = await f.upload('dehua');
      const ok = await f.call('dehua', 'POST', `/api/v1/stars/measures/${lateId}/reports`, {
        percent: 100,
        content: '台账已补齐。',
        fileIds: [fileId],
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().measures[0]).toMatchObject({ status: 'done', evidenceCount: 1, completedOn: '2026-11-30' });
      expect(ok.json().stars[0]).toMatchObject({ key: 'branch_strong', done: 1, behind: 0 });
      // The measure led by 电信 is reported by 电信's side, not by the community.
      const notLead = await f.call('dehua', 'POST', `/api/v1/stars/measures/${freshId}/reports`, {
        percent: 20,
        content: '已筹备。',
      });
      expect(notLead.statusCode).toBe(403);
    });

    it('forms the branch’s team: members by kind and role, grids of its community, phones masked', async () => {
      const body = {
        name: '德化社区聚力团',
        branchIds: [f.units.dehuaBranch],
        leaderName: '李红',
        leaderAccountId: f.accounts.dehua,
        gridIds: f.grids.dehua.slice(0, 2),
        members: [
          { kind: 'account', accountId: f.accounts.dehua, role: 'party_member', gridId: f.grids.dehua[0] },
          { kind: 'unit', unitId: f.units.dianxin, role: 'team_member' },
          { kind: 'volunteer', name: '赵志强', phone: '13912345678', role: 'grid_worker', gridId: f.grids.dehua[1] },
        ],
      };
      const outside = await f.call('dehua', 'POST', '/api/v1/stars/teams', {
        ...body,
        gridIds: [f.grids.zhuzhuang[0]],
        members: [],
      });
      expect(outside.statusCode).toBe(422);
      expect(outside.json().errors[0]).toMatchObject({
        field: 'gridIds[0]',
        message: '请选择聚力团所属党支部所在社区（村）的网格',
      });
      const twice = await f.call('dehua', 'POST', '/api/v1/stars/teams', {
        ...body,
        members: [...body.members, { kind: 'unit', unitId: f.units.dianxin, role: 'party_member' }],
      });
      expect(twice.json().errors[0]).toMatchObject({ field: 'members[3].unitId', message: '该成员已在名单中' });
      expect(await count('star_teams')).toBe(0);
      const r = await f.call('dehua', 'POST', '/api/v1/stars/teams', body);
      expect(r.statusCode, r.body).toBe(201);
      const t = r.json();
      teamId = t.id;
      expect(t).toMatchObject({
        memberCount: 3,
        roleCounts: { party_member: 1, team_member: 1, grid_worker: 1 },
        gridCount: 2,
        can: { keep: true },
      });
      expect(t.members.map((m: { name: string; phone: string | null }) => [m.name, m.phone])).toEqual([
        ['德化社区两委（演示）', null],
        ['周口电信川汇分公司', null],
        ['赵志强', '139****5678'],
      ]);
      expect(JSON.stringify(t)).not.toContain('13912345678');
      // Rewritten from what the console shows: the masked phone is left out and the one on file kept.
      const again = await f.call('dehua', 'PUT', `/api/v1/stars/teams/${teamId}`, {
        ...body,
        members: t.members.map(
          (m: {
            id: string;
            kind: string;
            accountId: string | null;
            unitId: string | null;
            name: string;
            role: string;
            grid: { id: string } | null;
          }) => ({
            id: m.id,
            kind: m.kind,
            accountId: m.accountId,
            unitId: m.unitId,
            name: m.name,
            role: m.role,
            gridId: m.grid?.id ?? null,
          }),
        ),
      });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().members[2].phone).toBe('139****5678');
      const stored = await f.h.database.db
        .selectFrom('star_team_members')
        .select('phone')
        .where('name', '=', '赵志强')
        .execute();
      expect(stored.map((r) => r.phone)).toEqual(['13912345678']);
    });

    it('lets the team take a measure on, and a team across branches is the 街道’s', async () => {
      const took = await f.call('dehua', 'PATCH', `/api/v1/stars/measures/${lateId}`, { teamId });
      expect(took.statusCode, took.body).toBe(200);
      expect(took.json().measures[0].team).toEqual({ id: teamId, name: '德化社区聚力团' });
      const team = (await f.call('dehua', 'GET', `/api/v1/stars/teams/${teamId}`)).json();
      expect(team.measures).toMatchObject([{ id: lateId, status: 'done', branch: { name: '德化社区党支部' } }]);
      expect(team).toMatchObject({ measureCount: 1, measuresDone: 1 });

      const across = {
        name: '陈州街道老城片区聚力团',
        branchIds: [f.units.dehuaBranch, f.units.zhuzhuangBranch],
        leaderName: '陈州街道党工委委员',
        gridIds: [f.grids.dehua[0], f.grids.zhuzhuang[0]],
        members: [{ kind: 'volunteer', name: '孙丽', role: 'team_member' }],
      };
      const byCommunity = await f.call('dehua', 'POST', '/api/v1/stars/teams', across);
      expect(byCommunity.statusCode).toBe(422);
      expect(byCommunity.json().errors[0]).toMatchObject({
        field: 'branchIds[1]',
        message: '所选党支部不在您的管辖范围内',
      });
      const r = await f.call('chenzhou', 'POST', '/api/v1/stars/teams', across);
      expect(r.statusCode, r.body).toBe(201);
      const acrossId = r.json().id;
      // 德化 sees the team of its branch but does not keep it.
      const seen = await f.call('dehua', 'GET', `/api/v1/stars/teams/${acrossId}`);
      expect(seen.json().can.keep).toBe(false);
      expect((await f.call('dehua', 'PUT', `/api/v1/stars/teams/${acrossId}`, across)).statusCode).toBe(403);
      expect((await f.call('chengbei', 'GET', `/api/v1/stars/teams/${acrossId}`)).statusCode).toBe(404);
      // The 街道 narrows it to 朱庄: 德化 no longer sees it.
      const narrowed = await f.call('chenzhou', 'PUT', `/api/v1/stars/teams/${acrossId}`, {
        ...across,
        branchIds: [f.units.zhuzhuangBranch],
        gridIds: [f.grids.zhuzhuang[0]],
      });
      expect(narrowed.statusCode, narrowed.body).toBe(200);
      expect(narrowed.json().version).toBe(2);
      expect((await f.call('dehua', 'GET', `/api/v1/stars/teams/${acrossId}`)).statusCode).toBe(404);
      const list = (await f.call('chenzhou', 'GET', '/api/v1/stars/teams')).json().items;
      expect(list.map((t: { name: string }) => t.name).sort()).toEqual(['德化社区聚力团', '陈州街道老城片区聚力团']);
      const ofDehua = (await f.call('chenzhou', 'GET', `/api/v1/stars/teams?branchId=${f.units.dehuaBranch}`)).json();
      expect(ofDehua.items.map((t: { id: string }) => t.id)).toEqual([teamId]);
    });

    it('lists the branches in scope with their battle-map progress', async () => {
      const r = await f.call('chenzhou', 'GET', `/api/v1/stars/branches?year=${YEAR}`);
      expect(r.statusCode, r.body).toBe(200);
      const items = r.json().items as {
        name: string;
        targetStars: string[] | null;
        totals: object;
        teamCount: number;
      }[];
      expect(items).toHaveLength(6);
      expect(items.every((b) => b.name.endsWith('党支部'))).toBe(true);
      expect(items.find((b) => b.name === '德化社区党支部')).toMatchObject({
        targetStars: ['branch_strong', 'harmony'],
        totals: { total: 2, done: 1, behind: 0, onTrack: 1 },
        teamCount: 1,
      });
      expect(items.find((b) => b.name === '朱庄社区党支部')).toMatchObject({ targetStars: null, teamCount: 1 });
      const dehua = (await f.call('dehua', 'GET', `/api/v1/stars/branches?year=${YEAR}`)).json();
      expect(dehua.items.map((b: { name: string }) => b.name)).toEqual(['德化社区党支部']);
      const other = (await f.call('chenzhou', 'GET', `/api/v1/stars/branches?year=2025`)).json();
      expect(other.items.every((b: { targetStars: unknown }) => b.targetStars === null)).toBe(true);
    });
  });
}
