import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { CycleDeps } from '../cycle-deps.js';
import { addEvidence } from '../commands/evidence.js';
import { confirmRating } from '../commands/confirm-rating.js';
import { proposeRating } from '../commands/propose-rating.js';
import { branchesUnder, calendarFor } from '../commands/rating-access.js';
import { ratingInputs } from '../commands/rating-context.js';
import { refreshRates } from '../commands/refresh-rates.js';
import { selfAssessRating } from '../commands/self-assess-rating.js';
import { setsInForce } from '../commands/star-sets.js';
import type { StarsDeps } from '../deps.js';
import { previousQuarter, quarterDays, quarterOf } from '../domain/quarters.js';
import { ratingOutcomes, type PanelScores } from '../domain/rating-rules.js';
import { awardStore, ratingStore } from '../store/rating.store.js';

/** The 街道 whose branches the demo rates, by the demo account that proposes for them. */
const SUBDISTRICTS = ['chenzhou', 'chengbei'] as const;
/** Branches whose community has a demo account: their secretaries self-assess and upload the evidence. */
const SECRETARIES: Record<string, string> = { 德化社区党支部: 'dehua', 朱庄社区党支部: 'zhuzhuang' };

/** A stable number in [0, 1) from a text, so the demo scores the same branches the same way every time. */
function unit(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/**
 * The last two quarters' ratings of the branches of 陈州 and 城北, told through the module's own
 * commands at the moments they happened: the rates measured once the quarter closed, the branch's
 * self-assessment and evidence, the 街道's scores and proposal (awarding every star the branch
 * earned, withdrawing those it fell short of), the district's confirmation — except 德化's last one,
 * left proposed. The current quarter is left open, so the ranking shows movement and the workbenches
 * have work to do.
 */
export async function seedDemoRatings(deps: StarsDeps, cycle: CycleDeps, now: Date): Promise<Record<string, number>> {
  const db = deps.database.db;
  const district = deps.config.districtCode;
  const calendar = await calendarFor(deps, db, district);
  const at = (day: string, hour: number) => new Date(calendar.startOfDay(day).getTime() + hour * 3_600_000);
  const workdaysAfter = (day: string, n: number) => {
    let d = day;
    for (let i = 0; i < n; i++) d = calendar.nextWorkday(d);
    return d;
  };
  const as = <D extends { clock: unknown }>(d: D, when: Date): D => ({ ...d, clock: { now: () => when } });
  const actor = (username: string) => deps.org.actorFor(db, username).catch(() => null);
  const admin = await actor('admin');
  const duchashi = await actor('duchashi');
  const counts = { ratings: 0, ratingsAwaitingDistrict: 0, starsAwarded: 0, ratingEvidence: 0 };
  if (!admin || !duchashi) return counts;
  const current = quarterOf(calendar.localDate(now));
  const last = previousQuarter(current);
  for (const quarter of [previousQuarter(last), last]) {
    const end = quarterDays(quarter).lastDay;
    const sets = await setsInForce(db, district, quarter);
    await refreshRates(as(deps, at(calendar.nextWorkday(end), 2)), district, quarter);
    for (const sub of SUBDISTRICTS) {
      const staff = await actor(sub);
      if (!staff) continue;
      for (const branch of await branchesUnder(deps, db, district, staff.scopePath)) {
        const set = sets[branch.kind];
        if (!set) continue;
        const secretary = SECRETARIES[branch.name] ? await actor(SECRETARIES[branch.name]!) : null;
        // How strong the branch is this quarter, and so how high the panel scores it.
        const strength = 0.55 + 0.45 * unit(`${branch.name}${quarter}`);
        const scores: PanelScores = {};
        for (const star of set.stars) {
          const lean = unit(`${branch.name}${star.key}`) * 0.2 - 0.1;
          for (const ind of star.indicators.filter((i) => i.kind === 'scored')) {
            const f = Math.min(1, Math.max(0.4, strength + lean));
            (scores[star.key] ??= {})[ind.key] = Math.round(ind.maxScore * f);
          }
        }
        // The evidence of the stars within reach, uploaded by the secretary (or entered by the
        // administrator for a branch without a demo account) a few days after the quarter closed.
        const uploader: Actor = secretary ?? admin;
        const uploadedAt = at(workdaysAfter(end, 2), 10);
        for (const star of set.stars) {
          const reach = star.indicators.reduce((s, i) => s + (scores[star.key]?.[i.key] ?? i.maxScore), 0);
          if (reach < star.threshold) continue;
          for (const ind of star.indicators.filter((i) => i.evidenceRequired)) {
            await addEvidence(as(cycle, uploadedAt), uploader, {
              branchId: branch.id,
              quarter,
              starKey: star.key,
              indicatorKey: ind.key,
              note: `${ind.evidence}（${quarter.replace('-Q', ' 年第 ')} 季度，纸质存档${secretary ? '' : '，街道审核时补录'}）`,
            });
            counts.ratingEvidence++;
          }
        }
        if (secretary)
          await selfAssessRating(as(deps, at(workdaysAfter(end, 3), 15)), secretary, {
            branchId: branch.id,
            quarter,
            text: '对照“五星”支部创建标准逐项自评：作战图措施按期推进，组织生活规范，佐证材料已上传。',
          });
        const { rates, evidence } = await ratingInputs(db, branch.id, quarter);
        const outcomes = ratingOutcomes(set.stars, scores, rates, evidence);
        const held = new Set((await awardStore.heldBy(db, branch.id)).map((a) => a.star_key));
        const stars = outcomes
          .filter((o) => o.eligible !== held.has(o.key))
          .map((o) => ({
            key: o.key,
            hold: o.eligible,
            reason: o.eligible ? '达到达标分，佐证材料齐全' : '本季度得分未达到达标分',
          }));
        const proposedAt = at(workdaysAfter(end, 7), 10);
        await proposeRating(as(deps, proposedAt), staff, { branchId: branch.id, quarter, scores, stars });
        const rating = await ratingStore.find(db as Executor, branch.id, quarter);
        if (!rating) continue;
        // 德化's last proposal still waits for the district (past its deadline): the 督查室's workbench
        // has one to confirm or return, and 德化 goes into this quarter holding only what it earned before.
        if (branch.name === '德化社区党支部' && quarter === last) {
          counts.ratingsAwaitingDistrict++;
          continue;
        }
        await confirmRating(as(deps, at(workdaysAfter(end, 12), 11)), duchashi, rating.id, undefined);
        counts.ratings++;
        counts.starsAwarded += stars.filter((s) => s.hold).length;
      }
    }
  }
  return counts;
}
