import type { Actor } from '../../../kernel/auth/actor.js';
import { addDays } from '../../../kernel/calendar/index.js';
import type { CycleDeps } from '../cycle-deps.js';
import { calendarFor } from '../commands/cycle-access.js';
import { addEvidence } from '../commands/evidence.js';
import { createObservation, enterScores } from '../commands/observations.js';
import { submitWeekly } from '../commands/submit-weekly.js';
import { quarterOf } from '../domain/quarters.js';
import { dueDayOf, mondayOf } from '../domain/weeks.js';
import { observationStore } from '../store/observation.store.js';

/** What moved, week by week (newest last), as a branch secretary writes it. */
const PROGRESS: Record<string, string[]> = {
  德化社区党支部: [
    '召开支部委员会，对照“五星”支部创建作战图逐项对账；组织党员志愿者清理德化街背街小巷卫生死角 6 处。',
    '开展“支部+网格”入户走访 86 户，收集居民诉求 12 条，已办结 9 条；更新小区宣传栏 2 处。',
    '聚力团成员参加三川交汇·西寨片区环境整治，拆除违规搭建 2 处；召开主题党日，学习“五星”支部创建标准。',
    '平安法治：联合派出所开展防诈骗宣传进小区，发放宣传彩页 300 份；调解邻里纠纷 2 起。',
  ],
  朱庄社区党支部: [
    '组织“两委”和网格员对辖区老旧小区开展安全隐患排查，发现问题 7 个，立行整改 5 个。',
    '开展“我为群众办实事”活动，为 12 户困难群众送去慰问品；共建单位捐赠健身器材一批。',
    '召开党员大会，推选聚力团骨干 5 名；完成朱庄小游园绿化补植。',
  ],
};

/** The 亮赛比 in 刘方平行政村: 城南 holds it, its branches are visited and scored (台上比拼、讨论交流、知识测评). */
const VISITORS = ['城南街道党工委书记', '区委组织部组织科', '聚力团代表', '包联单位代表'];

/**
 * Demo weeks and one observation event, told through the module's own commands as of the moments
 * they happened: 德化 reported each of the last four weeks (one late), 朱庄 three (one left silent),
 * the other branches nothing, so the grid shows every status.
 */
export async function seedDemoCycle(deps: CycleDeps, now: Date): Promise<Record<string, number>> {
  const db = deps.database.db;
  const calendar = await calendarFor(deps, db, deps.config.districtCode);
  const today = calendar.localDate(now);
  const at = (day: string, hour: number) => new Date(calendar.startOfDay(day).getTime() + hour * 3_600_000);
  const as = (when: Date): CycleDeps => ({ ...deps, clock: { now: () => when } });
  const counts = { weekly: 0, amended: 0, evidence: 0, observations: 0, scores: 0 };
  const thisMonday = mondayOf(today);
  for (const [username, branchName] of [
    ['dehua', '德化社区党支部'],
    ['zhuzhuang', '朱庄社区党支部'],
  ] as const) {
    const actor = await deps.org.actorFor(db, username).catch(() => null);
    const branch = await deps.org.unitByName(db, deps.config.districtCode, branchName);
    if (!actor || !branch) continue;
    const texts = PROGRESS[branchName]!;
    for (let k = 4; k >= 1; k--) {
      const week = addDays(thisMonday, -7 * k);
      const due = dueDayOf(week, (d) => calendar.isWorkday(d));
      const text = texts[4 - k];
      if (!due || !text) continue;
      // 德化 was late once (reported the Monday after); otherwise on the due day's afternoon.
      const late = branchName === '德化社区党支部' && k === 3;
      const when = late ? at(calendar.nextWorkday(due), 10) : at(due, 16);
      await submitWeekly(as(when), actor, branch.id, week, { text, fileIds: [] });
      counts.weekly++;
      if (branchName === '德化社区党支部' && k === 1) {
        await submitWeekly(as(new Date(when.getTime() + 40 * 60_000)), actor, branch.id, week, {
          text: `${text}（补充：周五下午又组织志愿者巡查 2 次。）`,
          fileIds: [],
        });
        counts.amended++;
      }
    }
    // 德化 shows a note for two of its indicators this quarter (photos are taken on the phone).
    if (branchName === '德化社区党支部')
      for (const [starKey, indicatorKey, note] of [
        ['branch_strong', 'org_life', '本季度支部委员会会议 3 次、主题党日 3 次，会议记录已归档'],
        ['safe_lawful', 'disputes', '调解邻里纠纷 5 起，调解记录 5 份'],
      ] as const) {
        await addEvidence(as(at(addDays(thisMonday, -3), 15)), actor, {
          branchId: branch.id,
          quarter: quarterOf(addDays(thisMonday, -3)),
          starKey,
          indicatorKey,
          note,
        });
        counts.evidence++;
      }
  }

  const host = await deps.org.unitByName(db, deps.config.districtCode, '城南街道办事处');
  const place = await deps.org.unitByName(db, deps.config.districtCode, '刘方平村党支部');
  const admin = await deps.org.actorFor(db, 'admin').catch(() => null);
  if (host && place && admin) {
    const branches = await deps.org.unitsUnder(db, host.districtCode, host.path, { kind: 'party_branch' });
    // The last working day of the month before, as such events go.
    let day = addDays(`${today.slice(0, 7)}-01`, -1);
    while (!calendar.isWorkday(day)) day = addDays(day, -1);
    const organiser: Actor = { ...admin, displayName: '城南街道（演示）' };
    const id = await createObservation(as(at(day, 9)), organiser, {
      hostUnitId: host.id,
      day,
      title: '“五星”支部创建亮赛比观摩（台上比拼、讨论交流、知识测评）',
      placeBranchId: place.id,
      branchIds: [place.id, ...branches.filter((b) => b.id !== place.id && !b.retiredAt).map((b) => b.id)],
      visitors: VISITORS.map((name) => ({ name })),
      attendees: 33,
      note: '刘方平行政村 33 名聚力团成员到场，各支部书记上台比拼，现场讨论交流并进行知识测评。',
    });
    counts.observations++;
    const visitors = await observationStore.visitors(db, [id]);
    const visited = await observationStore.branches(db, [id]);
    const scores = visitors.flatMap((v, vi) =>
      visited.map((b, bi) => ({
        visitorId: v.id,
        branchId: b.branch_id,
        score: 96 - bi * 3 - ((vi * 7 + bi * 5) % 6) + (vi % 2) * 0.5,
        remark: bi === 0 ? '作战图清晰，聚力团发动充分' : bi % 2 ? '台账规范，亮点不够突出' : '群众参与度高',
      })),
    );
    await enterScores(as(at(day, 17)), organiser, id, { scores });
    counts.scores = scores.length;
  }
  return counts;
}
