import type { Actor } from '../../../kernel/auth/actor.js';
import type { SupervisionDeps } from '../deps.js';
import { addQualityMark } from '../commands/add-quality-mark.js';
import { addMeetingItem } from '../commands/add-meeting-item.js';
import { createMeeting } from '../commands/create-meeting.js';
import { createTopic } from '../commands/create-topic.js';
import { escalateOverdueNotices } from '../commands/escalate-overdue-notices.js';
import { refreshStaleStatuses } from '../commands/refresh-stale-statuses.js';
import { replyNotice } from '../commands/reply-notice.js';
import { sendNotice } from '../commands/send-notice.js';
import { calendarFor } from '../commands/refresh.js';
import { addProgressReport } from '../commands/add-progress-report.js';
import { createTask } from '../commands/create-task.js';
import { TaskBody, type TaskBody as TaskBodyInput } from '../../../contracts/supervision.js';

const DAY = 86_400_000;

/**
 * The seed's first part as tracked work, told through the real commands at past instants: the
 * standing committee meeting and its decisions, tasks with milestones and weekly reports (one on
 * track, one lagging with a missed milestone, one done, one overdue), a key project (the 西寨 area
 * plan) with review opinions tracked as sub-tasks, 督办 and 催办 notices, quality marks and the
 * consultation plan. Names of people are synthetic; places and units are the seed's.
 */
export async function seedDemoSupervision(
  deps: SupervisionDeps,
  now: Date,
): Promise<{ meetings: number; tasks: number; reports: number }> {
  const db = deps.database.db;
  const dc = deps.config.districtCode;
  const cal = await calendarFor(deps, db, dc);
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const day = (days: number) => cal.localDate(at(days));
  const when = (days: number): SupervisionDeps => ({ ...deps, clock: { now: () => at(days) } });
  const actor = (u: string) => deps.org.actorFor(db, u);
  const unit = async (name: string) => {
    const u = await deps.org.unitByName(db, dc, name);
    if (!u) throw new Error(`demo supervision: unit ${name} is missing`);
    return u.id;
  };
  const [office, leader, chengguan] = await Promise.all([actor('duchashi'), actor('leader'), actor('chengguan')]);
  const U = {
    farm: await unit('川汇区农业农村局'),
    land: await unit('周口市自然资源和规划局川汇分局'),
    build: await unit('川汇区住房和城乡建设局'),
    cityMgmt: await unit('川汇区城市管理局'),
    telecom: await unit('周口电信川汇分公司'),
    unicom: await unit('中国联通周口市分公司'),
    cppcc: await unit('政协川汇区委员会'),
    office: await unit('中共川汇区委办公室'),
    chengbei: await unit('城北街道办事处'),
    chenzhou: await unit('陈州街道办事处'),
  };
  let reports = 0;
  const task = (d: number, a: Actor, body: TaskBodyInput) => createTask(when(d), a, TaskBody.parse(body));
  const report = async (
    d: number,
    a: Actor,
    taskId: string,
    percent: number,
    content: string,
    milestoneIds: string[] = [],
  ) => {
    await addProgressReport(when(d), a, taskId, { percent, content, fileIds: [], milestoneIds });
    reports++;
  };
  const milestonesOf = async (taskId: string) =>
    db.selectFrom('task_milestones').select(['id', 'seq']).where('task_id', '=', taskId).orderBy('seq').execute();

  const year = Number(day(-60).slice(0, 4));
  const topic = await createTopic(when(-62), office, {
    year,
    title: '三川交汇·西寨片区规划建设',
    form: '专题协商',
    plannedMonth: day(-45).slice(0, 7),
    leadUnitIds: [U.land, U.build],
  });
  await createTopic(when(-62), office, {
    year,
    title: '农民持续增收与“两个高于”目标',
    form: '对口协商',
    plannedMonth: day(20).slice(0, 7) < `${year + 1}` ? day(20).slice(0, 7) : `${year}-12`,
    leadUnitIds: [U.farm],
  });

  const m1 = await createMeeting(when(-60), office, {
    kind: 'standing_committee',
    title: '区委常委（扩大）会议',
    heldOn: day(-60),
    chairId: leader.accountId,
    attendeeIds: [leader.accountId],
    attendeeUnitIds: [U.office, U.cppcc, U.farm, U.cityMgmt],
    summary:
      '听取政协年度协商计划制度、重点提案督办制度和委派民主监督员实施方案的汇报；部署耕地保护和“创文”空中线缆整治。',
    items: [
      { kind: 'decision', content: '建立政协年度协商计划制度，明确年度协商计划内容' },
      { kind: 'decision', content: '落实区级党政领导同志督办政协重点提案制度，推动提案办理由“答复型”转向“落实型”' },
      { kind: 'decision', content: '严格耕地保护，对违法违规占用耕地问题实行“零容忍”，开展专项排查整治' },
      { kind: 'decision', content: '创建全国文明城市：联合电信、联通集中整治空中线缆“蜘蛛网”' },
    ],
  });
  const items = await db
    .selectFrom('meeting_items')
    .select(['id', 'seq'])
    .where('meeting_id', '=', m1.id)
    .orderBy('seq')
    .execute();

  // 协商计划: done on time.
  const plan = await task(-59, office, {
    title: '制定政协年度协商计划',
    itemId: items[0].id,
    leadLeaderId: leader.accountId,
    leadUnitId: U.cppcc,
    cooperatingUnitIds: [U.office],
    start: day(-59),
    deadline: day(-10),
    milestones: [
      { title: '征集协商议题', due: day(-40) },
      { title: '常委会审定计划', due: day(-15) },
    ],
  });
  const planMs = await milestonesOf(plan);
  await report(-41, office, plan, 40, '已征集协商议题 12 个，正在筛选。', [planMs[0].id]);
  await report(-16, office, plan, 100, '年度协商计划经常委会审定印发。', [planMs[1].id]);

  // 重点提案督办制度: past its deadline, not done.
  await task(-59, office, {
    title: '出台区级领导督办政协重点提案办法',
    itemId: items[1].id,
    leadLeaderId: leader.accountId,
    leadUnitId: U.office,
    cooperatingUnitIds: [U.cppcc],
    start: day(-59),
    deadline: day(-3),
    milestones: [],
  });

  // 耕地保护: a milestone missed and reports stopped → 滞后.
  const farm = await task(-58, office, {
    title: '违法占用耕地问题专项排查整治',
    itemId: items[2].id,
    leadLeaderId: leader.accountId,
    leadUnitId: U.farm,
    cooperatingUnitIds: [U.land, U.chengbei],
    start: day(-58),
    deadline: day(90),
    milestones: [
      { title: '完成摸底排查', due: day(-30) },
      { title: '建立问题台账', due: day(-5) },
      { title: '整改销号', due: day(60) },
    ],
    cadence: { kind: 'weekly', firstDue: day(-52) },
  });
  const farmMs = await milestonesOf(farm);
  await report(-52, office, farm, 10, '成立专项工作组，制定排查方案。');
  await report(-45, office, farm, 20, '完成城北街道辖区航拍比对。');
  await report(-38, office, farm, 30, '发现疑似违法占地图斑 17 处。');
  await report(-31, office, farm, 40, '摸底排查完成，逐处核实中。', [farmMs[0].id]);

  // 空中线缆: on track, decomposed by the lead unit to two sub-districts.
  const cables = await task(-55, office, {
    title: '背街小巷空中线缆“蜘蛛网”集中整治',
    itemId: items[3].id,
    leadLeaderId: leader.accountId,
    leadUnitId: U.cityMgmt,
    cooperatingUnitIds: [U.telecom, U.unicom],
    start: day(-55),
    deadline: day(30),
    milestones: [
      { title: '制定整治方案', due: day(-40) },
      { title: '完成主干道线缆整治', due: day(-10) },
      { title: '老旧小区线缆入管', due: day(25) },
    ],
    cadence: { kind: 'weekly', firstDue: day(-49) },
  });
  const cableMs = await milestonesOf(cables);
  const subs = [
    await task(-50, chengguan, {
      title: '城北街道线缆整治',
      parentId: cables,
      leadUnitId: U.chengbei,
      cooperatingUnitIds: [U.telecom],
      start: day(-50),
      deadline: day(25),
      milestones: [],
      weight: 2,
    }),
    await task(-50, chengguan, {
      title: '陈州街道线缆整治',
      parentId: cables,
      leadUnitId: U.chenzhou,
      cooperatingUnitIds: [U.unicom],
      start: day(-50),
      deadline: day(25),
      milestones: [],
      weight: 1,
    }),
  ];
  for (let w = 0; w < 7; w++) {
    const d = -49 + w * 7;
    await report(
      d,
      chengguan,
      cables,
      0,
      `第 ${w + 1} 周：清理废弃线缆 ${120 + w * 35} 米，规整入管 ${40 + w * 20} 米。`,
      w === 1 ? [cableMs[0].id] : w === 5 ? [cableMs[1].id] : [],
    );
  }
  const cb = await actor('chengbei');
  const cz = await actor('chenzhou');
  await report(-20, cb, subs[0], 60, '完成 8 条背街小巷线缆规整。');
  await report(-6, cb, subs[0], 75, '北花园小区线缆入管。');
  await report(-13, cz, subs[1], 60, '完成 5 条背街小巷线缆规整。');

  // 重点项目: the 西寨 area plan, with review opinions tracked as sub-tasks.
  const project = await task(-58, office, {
    kind: 'key_project',
    title: '三川交汇·西寨片区项目规划设计',
    topicId: topic.id,
    leadLeaderId: leader.accountId,
    leadUnitId: U.land,
    cooperatingUnitIds: [U.build],
    start: day(-58),
    deadline: day(80),
    milestones: [
      { title: '规划设计方案汇报', due: day(-45) },
      { title: '方案优化完善', due: day(20) },
      { title: '方案报批', due: day(70) },
    ],
    cadence: { kind: 'monthly', firstDue: day(-28) },
  });
  const projectMs = await milestonesOf(project);
  await report(-45, office, project, 30, '规划设计单位汇报设计理念、功能定位和规划方案。', [projectMs[0].id]);
  const review = await createMeeting(when(-45), office, {
    kind: 'review',
    title: '三川交汇·西寨片区项目规划设计方案汇报会',
    heldOn: day(-45),
    chairId: leader.accountId,
    attendeeIds: [leader.accountId],
    attendeeUnitIds: [U.land, U.build, U.chenzhou],
    topicId: topic.id,
    items: [],
  });
  const opinions = [
    '注重与现行城区规划相互联系，与南寨、北寨改造相结合，沿袭两岸建筑统一风格',
    '聚焦朱庄社区、德化社区、建西街两侧等重点区域，突出节点亮点',
    '合理规划水域整体布局，构建亲水式商业体',
  ];
  for (const [i, content] of opinions.entries()) {
    const item = await addMeetingItem(when(-45), office, review.id, { kind: 'opinion', content, projectId: project });
    const opinionTask = await task(-44, office, {
      title: `落实评审意见 ${i + 1}`,
      itemId: item.id,
      leadUnitId: i === 2 ? U.build : U.land,
      cooperatingUnitIds: [],
      start: day(-44),
      deadline: day(i === 0 ? -2 : 20),
      milestones: [{ title: '提交修改说明', due: day(i === 0 ? -2 : 15) }],
    });
    if (i === 0)
      await report(-3, office, opinionTask, 100, '已按意见与南寨、北寨改造方案衔接，提交修改说明。', [
        (await milestonesOf(opinionTask))[0].id,
      ]);
  }
  await report(-14, office, project, 0, '按评审意见修改方案，已与设计单位对接三轮。');

  // 督办 unanswered (escalates), 催办 answered.
  await sendNotice(when(-4), office, farm, {
    kind: 'supervise',
    content: '“建立问题台账”时间节点已过，请说明进展并限期整改。',
    replyWithinWorkdays: 2,
  });
  const urge = await sendNotice(when(-8), office, cables, {
    kind: 'urge',
    content: '请加快老旧小区线缆入管进度。',
    replyWithinWorkdays: 3,
  });
  await replyNotice(when(-7), chengguan, urge.id, { reply: '已协调电信、联通增派两个施工队，预计提前一周完成。' });

  await addQualityMark(when(-20), office, {
    unitId: U.cityMgmt,
    score: 92,
    comment: '整治成效明显，群众满意度高',
    taskId: cables,
  });
  await addQualityMark(when(-20), office, { unitId: U.farm, score: 70, comment: '进度报送不及时', taskId: farm });

  await refreshStaleStatuses(deps, now);
  await escalateOverdueNotices(deps, now);
  const tasks = Number(
    (
      await db
        .selectFrom('tasks')
        .select(db.fn.countAll().as('n'))
        .where('district_code', '=', dc)
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { meetings: 2, tasks, reports };
}
