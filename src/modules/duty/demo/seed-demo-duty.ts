import type { Actor } from '../../../kernel/auth/actor.js';
import { addDays, localDateOf } from '../../../kernel/calendar/dates.js';
import { createPeopleGenerator } from '../../../kernel/demo/synthetic-names.js';
import type { ResponsibilityBody } from '../../../contracts/duty.js';
import { addResponsibility, endResponsibility } from '../commands/responsibilities.js';
import { copyForward, putRosterDay } from '../commands/roster.js';
import type { DutyDeps } from '../deps.js';

/** Monday of the week of a day. */
export function mondayOf(day: string): string {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((wd + 6) % 7));
}

/**
 * The demo's responsibility web and rosters, written through the real commands: the demo leader 分包
 * 德化 and 北关 (主责; an earlier 主责 of 朱庄 ended, kept as history), the 陈州 街道 cadre 下沉 to 朱庄
 * and 分包 德化's party branch, 电信 and 城管局 包联 德化 and 朱庄, a 网格长 and 网格指导员 on 德化's first
 * grid; rosters of 德化 and 朱庄 for last week and this week (copied forward), with a day without a
 * duty cadre and a grid nobody covers.
 */
export async function seedDemoDuty(deps: DutyDeps, now: Date): Promise<Record<string, number>> {
  const db = deps.database.db;
  const districtCode = deps.config.districtCode;
  const unit = async (name: string) => {
    const u = await deps.org.unitByName(db, districtCode, name);
    if (!u) throw new Error(`demo unit ${name} is missing`);
    return u;
  };
  const actor = (u: string) => deps.org.actorFor(db, u);
  const [admin, chenzhou, chengbei, leader, dehuaCadre, zhuzhuangCadre] = await Promise.all(
    ['admin', 'chenzhou', 'chengbei', 'leader', 'dehua', 'zhuzhuang'].map(actor),
  );
  const dehua = await unit('德化社区');
  const zhuzhuang = await unit('朱庄社区');
  const beiguan = await unit('北关社区');
  const today = localDateOf(now);
  const add = (by: Actor, b: ResponsibilityBody) => addResponsibility(deps, by, b);
  const acc = (a: Actor) => ({ type: 'account' as const, id: a.accountId });
  const org = async (name: string) => ({ type: 'unit' as const, id: (await unit(name)).id });

  let responsibilities = 0;
  const old = await add(admin, {
    kind: 'lead',
    targetUnitId: zhuzhuang.id,
    holder: acc(leader),
    from: addDays(today, -200),
  });
  await endResponsibility(deps, admin, old.id, { to: addDays(today, -31) });
  const dehuaGrids = await deps.org.unitsUnder(db, districtCode, dehua.path, { kind: 'grid_small' });
  const branch = await deps.org.unitByName(db, districtCode, '德化社区党支部');
  const list: [Actor, ResponsibilityBody][] = [
    [
      chenzhou,
      { kind: 'lead', targetUnitId: dehua.id, holder: acc(leader), from: addDays(today, -90), note: '区领导分包社区' },
    ],
    [chengbei, { kind: 'lead', targetUnitId: beiguan.id, holder: acc(leader), from: addDays(today, -60) }],
    [chenzhou, { kind: 'embed', targetUnitId: zhuzhuang.id, holder: acc(chenzhou), from: addDays(today, -45) }],
    [
      chenzhou,
      {
        kind: 'pair',
        targetUnitId: dehua.id,
        holder: await org('周口电信川汇分公司'),
        from: addDays(today, -80),
        note: '架空线缆整治',
      },
    ],
    [
      chenzhou,
      { kind: 'pair', targetUnitId: zhuzhuang.id, holder: await org('川汇区城市管理局'), from: addDays(today, -80) },
    ],
    [
      chenzhou,
      { kind: 'grid_head', targetUnitId: dehuaGrids[0].id, holder: acc(dehuaCadre), from: addDays(today, -100) },
    ],
    [
      chenzhou,
      { kind: 'grid_instructor', targetUnitId: dehuaGrids[0].id, holder: acc(chenzhou), from: addDays(today, -100) },
    ],
    ...(branch
      ? ([
          [
            chenzhou,
            { kind: 'branch_lead', targetUnitId: branch.id, holder: acc(chenzhou), from: addDays(today, -90) },
          ],
        ] as [Actor, ResponsibilityBody][])
      : []),
  ];
  for (const [by, b] of list) {
    await add(by, b);
    responsibilities++;
  }

  // Rosters: last week written day by day, this week copied forward, then two gaps made.
  const people = createPeopleGenerator(20261208);
  const thisWeek = mondayOf(today);
  const lastWeek = addDays(thisWeek, -7);
  let rosterDays = 0;
  for (const [community, cadre] of [
    [dehua, dehuaCadre],
    [zhuzhuang, zhuzhuangCadre],
  ] as const) {
    const grids = (await deps.org.unitsUnder(db, districtCode, community.path, { kind: 'grid_small' }))
      .filter((g) => !g.retiredAt)
      .map((g) => g.id);
    const volunteers = Array.from({ length: 4 }, () => people.next().name);
    for (let i = 0; i < 7; i++) {
      await putRosterDay(deps, cadre, {
        unitId: community.id,
        day: addDays(lastWeek, i),
        cadreAccountId: cadre.accountId,
        volunteers: [volunteers[i % 4], volunteers[(i + 1) % 4]],
        gridIds: grids,
      });
      rosterDays++;
    }
    rosterDays += (await copyForward(deps, cadre, { unitId: community.id, weekStart: thisWeek, overwrite: false }))
      .copied;
  }
  // 缺岗: 德化 has no duty cadre on this week's Wednesday; 朱庄's Friday leaves its last grid uncovered.
  await putRosterDay(deps, dehuaCadre, {
    unitId: dehua.id,
    day: addDays(thisWeek, 2),
    cadreAccountId: null,
    volunteers: [people.next().name],
    gridIds: dehuaGrids.filter((g) => !g.retiredAt).map((g) => g.id),
  });
  const zzGrids = (await deps.org.unitsUnder(db, districtCode, zhuzhuang.path, { kind: 'grid_small' }))
    .filter((g) => !g.retiredAt)
    .map((g) => g.id);
  await putRosterDay(deps, zhuzhuangCadre, {
    unitId: zhuzhuang.id,
    day: addDays(thisWeek, 4),
    cadreAccountId: zhuzhuangCadre.accountId,
    volunteers: [people.next().name],
    gridIds: zzGrids.slice(0, -1),
  });
  return { responsibilities: responsibilities + 1, rosterDays };
}
