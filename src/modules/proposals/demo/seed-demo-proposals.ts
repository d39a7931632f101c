import sharp from 'sharp';
import type { Actor } from '../../../kernel/auth/actor.js';
import { newId } from '../../../kernel/ids.js';
import { addDays, localDateOf } from '../../../kernel/calendar/index.js';
import { syntheticPeople } from '../../../kernel/demo/synthetic-names.js';
import type { ProposalsDeps } from '../deps.js';
import { registerProposal } from '../commands/register-proposal.js';
import { takeProposalAction, type ProposalCommandInput } from '../commands/take-proposal-action.js';
import { assignSupervisor } from '../commands/assign-supervisor.js';
import { recordOpinion } from '../commands/record-opinion.js';
import { recordVisit } from '../commands/record-visit.js';
import { takeOpinionAction } from '../commands/take-opinion-action.js';

/** What happens to each demo proposal, day by day from the start of the demo's half year. */
type Step = [
  day: number,
  who: 'office' | 'main' | 'assist' | 'leader' | 'proposer',
  input: ProposalCommandInput | 'evidence',
];

interface DemoProposal {
  title: string;
  category: string;
  content: string;
  main: 'chengguan' | 'dianxin' | 'chengbei';
  assisting: string[];
  /** The first proposer is linked to the demo's 民主监督员 login (a CPPCC member), who can then rate; else names only. */
  withAccount?: boolean;
  steps: Step[];
}

/** 交办 with the rules' default reply deadline (three months on). */
const assign = (day: number, ids: { main: string; assisting: string[] }): Step => [
  day,
  'office',
  { type: 'assign', mainHandlerIds: [ids.main], assistingHandlerIds: ids.assisting },
];

/** The main handler meets the proposer (见面协商) on that day, before replying. */
const consult = (day: number, outcome: string): Step => [
  day,
  'main',
  { type: 'consult', on: `+${day}`, participants: '提案人、承办单位分管负责人及经办人', outcome },
];

function plan(
  ids: (main: DemoProposal['main'], assisting: string[]) => { main: string; assisting: string[] },
): DemoProposal[] {
  const p = (
    x: Omit<DemoProposal, 'steps'>,
    steps: (u: { main: string; assisting: string[] }) => Step[],
  ): DemoProposal => ({ ...x, steps: steps(ids(x.main, x.assisting)) });
  return [
    p(
      {
        title: '关于加强老旧小区停车管理的建议',
        category: '社会建设',
        content: '老旧小区停车位不足，占道停车影响消防通道，建议统筹利用闲置地块增设停车泊位。',
        main: 'chengguan',
        assisting: ['川汇区住房和城乡建设局'],
        withAccount: true,
      },
      (u) => [
        assign(5, u),
        [6, 'office', { type: 'mark_key', leaderUsername: 'leader' }],
        [30, 'main', { type: 'report_progress', text: '已完成12个老旧小区停车情况摸排，初步选定3处闲置地块。' }],
        [33, 'leader', { type: 'hear_progress', reportSeq: 4, comment: '抓紧论证，一个月内拿出方案。' }],
        consult(55, '提案人同意先建临时泊位、再推错时共享停车的思路。'),
        [
          60,
          'main',
          {
            type: 'reply',
            summary: '经研究，拟在三处闲置地块增设临时停车泊位，并推行错时共享停车。',
            replyClass: 'B',
          },
        ],
        [62, 'main', { type: 'add_commitment', title: '增设临时停车泊位 300 个', deadline: '+120' }],
        [62, 'main', { type: 'add_commitment', title: '推动机关单位停车场夜间向居民开放', deadline: '+200' }],
        [110, 'main', 'evidence'],
        [111, 'main', { type: 'complete_commitment', index: 0, fileIds: [], note: '已建成泊位 312 个' }],
        [140, 'main', { type: 'report_progress', text: '共享停车已在4家机关单位试点，正在协调其余单位。' }],
      ],
    ),
    p(
      {
        title: '关于规范城区流动摊贩经营的建议',
        category: '社会建设',
        content: '建议划定便民疏导点，实行定时定点经营，兼顾市容和群众生活。',
        main: 'chengguan',
        assisting: [],
        withAccount: true,
      },
      (u) => [
        assign(5, u),
        consult(45, '现场察看疏导点选址，提案人认可。'),
        [50, 'main', { type: 'reply', summary: '已在城区设立便民疏导点8处，实行定时定点经营。', replyClass: 'A' }],
        [52, 'main', { type: 'complete', comment: '答复办结' }],
        [58, 'proposer', { type: 'rate', satisfaction: 'satisfied' }],
      ],
    ),
    p(
      {
        title: '关于提升农村宽带网络覆盖的建议',
        category: '经济建设',
        content: '部分行政村宽带速率低、信号弱，建议加快光纤入村和5G基站建设。',
        main: 'dianxin',
        assisting: ['中国移动周口分公司'],
        withAccount: true,
      },
      (u) => [
        assign(5, u),
        consult(66, '提案人提出优先改造偏远行政村，承办单位采纳。'),
        [70, 'main', { type: 'reply', summary: '年内完成全部行政村千兆光纤覆盖改造。', replyClass: 'B' }],
        [72, 'main', { type: 'add_commitment', title: '完成 20 个行政村光纤改造', deadline: '+150' }],
        [140, 'main', 'evidence'],
        [141, 'main', { type: 'complete_commitment', index: 0, fileIds: [], note: '20 个村全部完成并通过验收' }],
        [145, 'main', { type: 'complete' }],
        [150, 'proposer', { type: 'rate', satisfaction: 'basically_satisfied', comment: '希望继续提升资费优惠。' }],
      ],
    ),
    p(
      {
        title: '关于增设社区养老服务站的建议',
        category: '社会建设',
        content: '城北片区老年人口多，建议依托社区党群服务中心增设养老服务站。',
        main: 'chengbei',
        assisting: ['川汇区民政局'],
        withAccount: true,
      },
      (u) => [
        assign(5, u),
        [96, 'main', { type: 'waive_consultation', reason: '提案人在外地挂职，电话沟通后书面表示无需见面协商。' }],
        [100, 'main', { type: 'reply', summary: '已将养老服务站建设列入明年民生实事。', replyClass: 'B' }],
        [102, 'main', { type: 'complete' }],
        [110, 'proposer', { type: 'rate', satisfaction: 'unsatisfied', comment: '答复过于笼统，未明确建设时间。' }],
        [
          112,
          'office',
          { type: 'assign', mainHandlerIds: [u.main], assistingHandlerIds: u.assisting, replyDeadline: '+140' },
        ],
      ],
    ),
    p(
      {
        title: '关于治理沙颍河沿岸环境的建议',
        category: '生态文明建设',
        content: '沙颍河部分岸段存在垃圾堆放、污水直排现象，建议开展专项整治。',
        main: 'chengguan',
        assisting: ['周口市生态环境局川汇分局', '川汇区水利局'],
      },
      (u) => [
        assign(8, u),
        [9, 'office', { type: 'mark_key', leaderUsername: 'leader' }],
        [40, 'main', { type: 'report_progress', text: '已清理沿岸垃圾 120 余吨，排查排污口 15 个。' }],
        consult(85, '与提案人共同巡河，确定排污口封堵清单。'),
        [90, 'main', { type: 'reply', summary: '已开展沿岸专项整治，建立河长巡河长效机制。', replyClass: 'A' }],
        [92, 'main', { type: 'add_commitment', title: '封堵违规排污口 15 个', deadline: '+150' }],
      ],
    ),
    p(
      {
        title: '关于完善城区公交线路的建议',
        category: '经济建设',
        content: '新建小区公交覆盖不足，建议优化线路、增设站点。',
        main: 'chengbei',
        assisting: ['川汇区交通运输局'],
      },
      (u) => [assign(20, u)],
    ),
    p(
      {
        title: '关于加强校园周边交通安全的建议',
        category: '社会建设',
        content: '上下学高峰期校门口拥堵，建议设置临时停车带和护学岗。',
        main: 'chengguan',
        assisting: ['周口市公安局川汇分局'],
      },
      (u) => [assign(25, u), consult(60, '提案人与交警、学校共同察看校门口早高峰情况。')],
    ),
    p(
      {
        title: '关于推进生活垃圾分类的建议',
        category: '社会建设',
        content: '建议以社区为单位开展垃圾分类示范，完善分类收运体系。',
        main: 'chengguan',
        assisting: [],
      },
      (u) => [assign(150, u)],
    ),
    p(
      {
        title: '关于改善农贸市场环境的建议',
        category: '经济建设',
        content: '部分农贸市场环境脏乱，建议推进标准化改造。',
        main: 'chengbei',
        assisting: ['川汇区市场监督管理局'],
      },
      (u) => [
        assign(5, u),
        consult(75, '提案人建议分批改造，先改造城北两处市场。'),
        [80, 'main', { type: 'reply', summary: '已制定农贸市场标准化改造计划。', replyClass: 'B' }],
      ],
    ),
    p(
      {
        title: '关于加快老旧管网改造的建议',
        category: '社会建设',
        content: '部分老旧小区供水管网漏损严重，建议纳入年度改造计划。',
        main: 'dianxin',
        assisting: [],
      },
      (u) => [
        assign(5, u),
        consult(57, '提案人同意先改造漏损最严重的 5 个小区。'),
        [60, 'main', { type: 'reply', summary: '已协调供水公司制定改造计划。', replyClass: 'C' }],
        [61, 'main', { type: 'add_commitment', title: '完成 5 个小区管网改造', deadline: '+170' }],
      ],
    ),
    p(
      {
        title: '关于发展社区志愿服务的建议',
        category: '社会建设',
        content: '建议建立志愿服务积分制度，激励居民参与社区治理。',
        main: 'chengbei',
        assisting: [],
      },
      () => [],
    ),
    p(
      {
        title: '关于保护历史文化街区的建议',
        category: '文化建设',
        content: '建议对老城区历史街区开展普查，制定保护利用规划。',
        main: 'chengguan',
        assisting: [],
      },
      () => [],
    ),
  ];
}

/** A small synthetic photo standing for a handler's evidence (a site photo, a signed acceptance). */
async function evidenceFile(deps: ProposalsDeps, actor: Actor, at: Date, hue: number): Promise<string | null> {
  if (!deps.files) return null;
  const data = await sharp({
    create: { width: 320, height: 240, channels: 3, background: { r: 60 + hue, g: 140, b: 200 - hue } },
  })
    .jpeg()
    .toBuffer();
  const stored = await deps.files.save({ data, filename: 'evidence.jpg', declaredType: 'image/jpeg' });
  const id = newId(at.getTime());
  await deps.database.db
    .insertInto('files')
    .values({
      id,
      district_code: actor.districtCode,
      sha256: stored.sha256,
      filename: '落实佐证.jpg',
      mime_type: stored.mimeType,
      size: stored.size,
      width: stored.width,
      height: stored.height,
      gps_lng: null,
      gps_lat: null,
      taken_at: null,
      uploaded_by: actor.accountId,
      uploaded_at: at.toISOString(),
      case_id: null,
      // attached to the proposal's action right away (never pruned as a pending upload)
      attached_at: at.toISOString(),
    })
    .execute();
  return id;
}

/**
 * A dozen synthetic proposals of the current half year at every stage — registered, assigned, overdue,
 * replied, 落实型 with evidence, completed and rated, one re-opened by 不满意, two key proposals with
 * progress heard by the leader — and a democratic supervisor with visits and a tracked opinion.
 */
export async function seedDemoProposals(deps: ProposalsDeps, now: Date): Promise<number> {
  const db = deps.database.db;
  const start = addDays(localDateOf(now), -180);
  let t = 0;
  const clock = { now: () => new Date(t) };
  const at = (day: number) => {
    t = new Date(`${addDays(start, day)}T02:00:00.000Z`).getTime() + (t % 1000) + 1;
  };
  const d = { ...deps, clock };
  const actors = {
    /** 政协提案委: registers. */
    proposalOffice: await deps.org.actorFor(db, 'tianwei'),
    /** 督查室: assigns and supervises. */
    office: await deps.org.actorFor(db, 'duchashi'),
    leader: await deps.org.actorFor(db, 'leader'),
    jiandu: await deps.org.actorFor(db, 'jiandu'),
    chengguan: await deps.org.actorFor(db, 'chengguan'),
    dianxin: await deps.org.actorFor(db, 'dianxin'),
    chengbei: await deps.org.actorFor(db, 'chengbei'),
  };
  const unitId = async (name: string) => (await deps.org.unitByName(db, actors.office.districtCode, name))?.id;
  const names = syntheticPeople(40, 20260129).map((p) => p.name);
  const list = plan((main) => ({ main: actors[main].unitId, assisting: [] as string[] }));
  let n = 0;
  for (const [i, p] of list.entries()) {
    const assisting = (await Promise.all(p.assisting.map(unitId))).filter((x): x is string => !!x);
    at(i % 3);
    const proposers = [
      { name: names[2 * i], ...(p.withAccount ? { username: 'jiandu' } : {}) },
      { name: names[2 * i + 1] },
    ];
    const id = await registerProposal(d, actors.proposalOffice, {
      title: p.title,
      category: p.category,
      content: p.content,
      proposers,
      submittedOn: addDays(start, i % 3),
    });
    n++;
    let fileIds: string[] = [];
    for (const [day, who, input] of p.steps) {
      at(day);
      const actor =
        who === 'office'
          ? actors.office
          : who === 'leader'
            ? actors.leader
            : who === 'proposer'
              ? actors.jiandu
              : actors[p.main];
      if (input === 'evidence') {
        fileIds = (await Promise.all([0, 1].map((k) => evidenceFile(d, actor, clock.now(), 40 * k + i * 7)))).filter(
          (x): x is string => !!x,
        );
        continue;
      }
      const dated = (v: string) => (v.startsWith('+') ? addDays(start, Number(v.slice(1))) : v);
      const resolved: ProposalCommandInput =
        input.type === 'assign'
          ? {
              ...input,
              assistingHandlerIds: assisting,
              ...(input.replyDeadline ? { replyDeadline: dated(input.replyDeadline) } : {}),
            }
          : input.type === 'consult'
            ? { ...input, on: dated(input.on) }
            : input.type === 'add_commitment'
              ? { ...input, deadline: dated(input.deadline) }
              : input.type === 'complete_commitment'
                ? { ...input, fileIds: fileIds.length ? fileIds : input.fileIds }
                : input;
      // Without a file store (tests of the seed) a commitment cannot be proven done: leave it open.
      if (resolved.type === 'complete_commitment' && resolved.fileIds.length === 0) continue;
      if (
        resolved.type === 'complete' &&
        p.steps.some(([, , x]) => x !== 'evidence' && x.type === 'complete_commitment') &&
        !fileIds.length
      )
        continue;
      await takeProposalAction(d, actor, id, resolved);
    }
  }

  // 民主监督员: sent to two units for the year; visits, an opinion tracked and answered, one overdue.
  at(0);
  const termEnd = addDays(start, 364);
  const cg = await assignSupervisor(d, actors.office, {
    supervisorUsername: 'jiandu',
    unitId: actors.chengguan.unitId,
    termStart: start,
    termEnd,
  });
  const dx = await assignSupervisor(d, actors.office, {
    supervisorUsername: 'jiandu',
    unitId: actors.dianxin.unitId,
    termStart: start,
    termEnd,
  });
  at(20);
  const v1 = await recordVisit(d, actors.jiandu, cg, {
    visitedOn: addDays(start, 20),
    notes: '走访城管局数字城管指挥中心，了解占道经营整治和案件办理情况。',
  });
  const o1 = await recordOpinion(d, actors.jiandu, cg, {
    text: '部分路段夜间占道经营反弹，建议建立常态化巡查机制。',
    visitId: v1,
    responsibleUnitId: actors.chengguan.unitId,
    deadline: addDays(start, 50),
  });
  at(45);
  await takeOpinionAction(d, actors.chengguan, o1, {
    type: 'answer',
    reply: '已组建夜间巡查队，每晚 20:00—23:00 巡查重点路段。',
  });
  at(55);
  await takeOpinionAction(d, actors.jiandu, o1, { type: 'close', comment: '经回访，整改到位。' });
  at(120);
  const v2 = await recordVisit(d, actors.jiandu, dx, {
    visitedOn: addDays(start, 120),
    notes: '到电信营业厅暗访，体验宽带报装和故障报修流程。',
  });
  await recordOpinion(d, actors.jiandu, dx, {
    text: '农村宽带故障报修响应慢，建议公开承诺时限。',
    visitId: v2,
    responsibleUnitId: actors.dianxin.unitId,
    deadline: addDays(start, 150),
  });
  at(170);
  await recordOpinion(d, actors.jiandu, cg, { text: '建议在城管执法中推行首违不罚清单。' });
  return n;
}
