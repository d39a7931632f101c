import sharp from 'sharp';
import type { Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { createPeopleGenerator } from '../../../kernel/demo/synthetic-names.js';
import type { FileStore } from '../../../kernel/files/file-store.js';
import type { MeasureBody, TeamBody, TeamMemberInput } from '../../../contracts/star-plans.js';
import { MeasureBody as MeasureSchema, TeamBody as TeamSchema } from '../../../contracts/star-plans.js';
import { markUploadsAttached, uploadFile } from '../../files/index.js';
import { addMeasure } from '../commands/add-measure.js';
import { reportMeasure } from '../commands/report-measure.js';
import { savePlan } from '../commands/save-plan.js';
import { saveTeam } from '../commands/save-team.js';
import type { PlansDeps } from '../plans-deps.js';

const DAY = 86_400_000;

/**
 * Battle maps and action teams of a few demo branches, told through the module's own commands: 刘方平村
 * 党支部 (城南, where the seed's "亮赛比" observation was held) with its 33-member team and a battle map
 * for four stars; nine more small teams in 城南 (ten in all, as the seed reports), one across two
 * branches; and 德化社区党支部 (陈州), kept by the demo account dehua. Measures are dated from `now` so
 * the map shows one done (with its evidence photo), one overdue, one lagging and some on track.
 */
export async function seedDemoPlans(
  deps: PlansDeps,
  files: FileStore,
  now: Date,
): Promise<{ plans: number; measures: number; teams: number; members: number }> {
  const db = deps.database.db;
  const dc = deps.config.districtCode;
  const year = Number(localDateOf(now).slice(0, 4));
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const day = (d: number) => {
    const s = localDateOf(new Date(now.getTime() + d * DAY));
    return s < first ? first : s > last ? last : s;
  };
  const when = (d: number): PlansDeps => ({ ...deps, clock: { now: () => new Date(now.getTime() + d * DAY) } });
  const unit = async (name: string) => {
    const u = await deps.org.unitByName(db, dc, name);
    if (!u) throw new Error(`demo plans: unit ${name} is missing`);
    return u;
  };
  const [admin, dehua] = await Promise.all([deps.org.actorFor(db, 'admin'), deps.org.actorFor(db, 'dehua')]);
  const people = createPeopleGenerator(14_0409);
  const grids = async (name: string) => {
    const u = await unit(name);
    return (await deps.org.unitsUnder(db, dc, u.path, { kind: 'grid_small' }))
      .filter((g) => g.retiredAt === null)
      .map((g) => g.id);
  };
  let measures = 0;
  let members = 0;
  const measure = async (a: Actor, branchId: string, body: MeasureBody) => {
    const id = await addMeasure(when(-90), a, branchId, MeasureSchema.parse(body));
    measures++;
    return id;
  };
  const team = async (a: Actor, body: TeamBody) => {
    const parsed = TeamSchema.parse(body);
    members += parsed.members.length;
    return saveTeam(deps, a, null, parsed);
  };
  const volunteers = (n: number, role: TeamMemberInput['role'], gridIds: string[]): TeamMemberInput[] =>
    Array.from({ length: n }, (_, i) => {
      const p = people.next();
      return { kind: 'volunteer', name: p.name, phone: p.mobile, role, gridId: gridIds[i % gridIds.length] ?? null };
    });

  // 刘方平村党支部: four stars, its measures, the 33-member team (党支部+党员+网格员+聚力团成员).
  const lfp = await unit('刘方平村党支部');
  const lfpGrids = await grids('刘方平行政村');
  const secretary = people.next();
  await savePlan(when(-100), admin, lfp.id, {
    year,
    stars: ['branch_strong', 'industry', 'ecology', 'civilized'],
    note: '争创“四星”，对标“五星”：作战图挂图作战，对账销号、逐条落实。',
  });
  const lfpTeam = await team(admin, {
    name: '刘方平村聚力团',
    branchIds: [lfp.id],
    leaderName: secretary.name,
    gridIds: lfpGrids,
    note: '“党支部+党员+网格员+聚力团成员”，每个网格一名党员、一名网格员。',
    members: [
      { kind: 'volunteer', name: secretary.name, phone: secretary.mobile, role: 'party_member' },
      ...volunteers(7, 'party_member', lfpGrids),
      ...volunteers(6, 'grid_worker', lfpGrids),
      { kind: 'unit', unitId: (await unit('川汇区农业农村局')).id, role: 'team_member' },
      ...volunteers(33 - 15, 'team_member', lfpGrids),
    ],
  });
  const done = await measure(admin, lfp.id, {
    year,
    starKey: 'branch_strong',
    title: '规范“三会一课”和主题党日，建立党员积分台账',
    ownerName: secretary.name,
    start: day(-90),
    deadline: day(-5),
    teamId: lfpTeam,
  });
  const late = await measure(admin, lfp.id, {
    year,
    starKey: 'industry',
    title: '发展村集体经济：流转土地建设高标准农田',
    description: '与农业农村局对接，完成土地流转和高标准农田建设。',
    ownerName: people.next().name,
    start: day(-90),
    deadline: day(-3),
  });
  await measure(admin, lfp.id, {
    year,
    starKey: 'ecology',
    title: '人居环境整治：清理残垣断壁和垃圾积存点',
    ownerName: people.next().name,
    start: day(-60),
    deadline: day(40),
    milestones: [{ title: '完成全村排查建档', due: day(-7) }],
    teamId: lfpTeam,
  });
  await measure(admin, lfp.id, {
    year,
    starKey: 'civilized',
    title: '开展“亮赛比”观摩和知识测评，评选文明家庭',
    ownerName: people.next().name,
    start: day(0),
    deadline: day(20),
    teamId: lfpTeam,
  });
  const photo = await evidencePhoto(deps, files, admin, '党员积分台账.jpg');
  await reportMeasure(when(-30), admin, done, {
    percent: 60,
    content: '“三会一课”按月召开，党员积分台账已建立。',
    fileIds: [],
    milestoneIds: [],
  });
  await reportMeasure(when(-6), admin, done, {
    percent: 100,
    content: '全年“三会一课”和主题党日台账齐全，积分已公示，对账销号。',
    fileIds: [photo],
    milestoneIds: [],
  });
  await reportMeasure(when(-20), admin, late, {
    percent: 70,
    content: '已流转土地 140 亩，剩余地块正在协商。',
    fileIds: [],
    milestoneIds: [],
  });

  // The other nine teams of 城南街道: two per branch of 南关、振兴、锦绣、南岗, one across 南关 and 振兴.
  const others = [
    ['南关社区', ['党员先锋', '邻里守望']],
    ['振兴社区', ['文明实践', '平安巡防']],
    ['锦绣社区', ['环境整治', '为老服务']],
    ['南岗行政村', ['产业帮扶', '移风易俗']],
  ] as const;
  const branchOf = async (place: string) =>
    unit(`${place.endsWith('行政村') ? place.replace(/行政村$/, '村') : place}党支部`);
  for (const [place, names] of others) {
    const b = await branchOf(place);
    const g = await grids(place);
    for (const [i, n] of names.entries()) {
      const lead = people.next();
      await team(admin, {
        name: `${place.replace(/社区|行政村/, '')}${n}聚力团`,
        branchIds: [b.id],
        leaderName: lead.name,
        gridIds: g.slice(i, i + 2),
        members: [
          { kind: 'volunteer', name: lead.name, phone: lead.mobile, role: 'party_member', gridId: g[i] ?? null },
          ...volunteers(1, 'grid_worker', g.slice(i, i + 1)),
          ...volunteers(3, 'team_member', g.slice(i, i + 2)),
        ],
      });
    }
  }
  const nanguan = await branchOf('南关社区');
  const zhenxing = await branchOf('振兴社区');
  const crossLead = people.next();
  await team(admin, {
    name: '城南街道南关振兴片区聚力团',
    branchIds: [nanguan.id, zhenxing.id],
    leaderName: crossLead.name,
    members: [
      { kind: 'volunteer', name: crossLead.name, phone: crossLead.mobile, role: 'party_member' },
      { kind: 'unit', unitId: (await unit('川汇区城市管理局')).id, role: 'team_member' },
      ...volunteers(4, 'team_member', []),
    ],
  });

  // 德化社区党支部 (陈州), kept by the demo account dehua.
  const dh = await unit('德化社区党支部');
  const dhGrids = await grids('德化社区');
  await savePlan(when(-80), dehua, dh.id, { year, stars: ['branch_strong', 'harmony', 'co_building'] });
  const dhLead = people.next();
  const dhTeam = await team(dehua, {
    name: '德化社区聚力团',
    branchIds: [dh.id],
    leaderName: dhLead.name,
    leaderAccountId: dehua.accountId,
    gridIds: dhGrids,
    members: [
      { kind: 'account', accountId: dehua.accountId, role: 'party_member' },
      { kind: 'unit', unitId: (await unit('周口电信川汇分公司')).id, role: 'team_member' },
      ...volunteers(Math.min(dhGrids.length, 4), 'grid_worker', dhGrids),
      ...volunteers(5, 'team_member', dhGrids),
    ],
  });
  await measure(dehua, dh.id, {
    year,
    starKey: 'harmony',
    title: '老旧小区飞线整治，楼道堆物清零',
    ownerName: dhLead.name,
    ownerAccountId: dehua.accountId,
    start: day(-45),
    deadline: day(15),
    milestones: [{ title: '排查建立问题清单', due: day(-30) }],
    teamId: dhTeam,
  });
  await measure(dehua, dh.id, {
    year,
    starKey: 'co_building',
    title: '与包联单位共建“红色物业”议事会',
    ownerName: people.next().name,
    leadUnitId: (await unit('周口电信川汇分公司')).id,
    start: day(0),
    deadline: day(30),
  });
  return { plans: 2, measures, teams: 12, members };
}

/** A photo of the evidence, drawn for the demo (a sheet with its title), stored as if uploaded. */
async function evidencePhoto(deps: PlansDeps, files: FileStore, actor: Actor, filename: string): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="#f4efe6"/><rect x="60" y="50" width="520" height="380" fill="#fff" stroke="#b22"/>
    <text x="320" y="130" font-size="34" text-anchor="middle" fill="#b22">党员积分台账</text>
    ${Array.from({ length: 8 }, (_, i) => `<line x1="90" x2="550" y1="${180 + i * 30}" y2="${180 + i * 30}" stroke="#999"/>`).join('')}
  </svg>`;
  const data = await sharp(Buffer.from(svg)).jpeg().toBuffer();
  const row = await uploadFile({ database: deps.database, clock: deps.clock, store: files }, actor, {
    data,
    filename,
    mimetype: 'image/jpeg',
  });
  // the demo attaches it straight away (never pruned as a pending upload)
  await markUploadsAttached(deps.database.db, [row.id], deps.clock.now());
  return row.id;
}
