import type { StarDecisionBody } from '../../../contracts/star-rating.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../inbox/index.js';
import { decisionProblems, heldAfter, ratingOutcomes, totalScore } from '../domain/rating-rules.js';
import type { StarsDeps } from '../deps.js';
import { awardStore, ratingStore } from '../store/rating.store.js';
import { branchInScope } from './rating-access.js';
import { parseDecisions, parseScores, ratingInputs, setOfRating, takeStep, writeStep } from './rating-context.js';
import { outcomeViews } from './rating-views.js';

/**
 * The district confirms a proposed rating (区级确认, star.rate): with its own decisions on the stars or
 * the 街道's as they stand. Refused naming state (409) unless proposed. Each award is checked again on
 * the evidence and rates as they are now (422 naming stars[i] when not eligible or its required evidence
 * is missing), each withdrawal needs a reason. The stars are then awarded or withdrawn as history rows,
 * and the outcome (every indicator's input and score) is kept with the stars held and the total score:
 * what the ranking reads. The branch's community and the 街道 are told.
 */
export async function confirmRating(
  deps: StarsDeps,
  actor: Actor,
  id: string,
  decisionsIn: StarDecisionBody[] | undefined,
  requestId?: string,
): Promise<string> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await ratingStore.findById(trx, id);
    if (!row || row.district_code !== actor.districtCode || !inScope(actor, row.branch_path))
      throw new NotFound('star_rating', id);
    const branch = await branchInScope(deps, trx, actor, row.branch_id);
    const deadlines = { self: row.self_due, propose: row.propose_due, confirm: row.confirm_due };
    const to = takeStep(actor, row.state as never, 'confirm', localDateOf(now), deadlines);
    const set = await setOfRating(trx, branch, row.quarter, row);
    const decisions = (decisionsIn ?? parseDecisions(row.proposed_stars)).map((d) => ({
      key: d.key,
      hold: d.hold,
      reason: d.reason?.trim() || null,
    }));
    const scores = parseScores(row.panel_scores);
    const { rates, evidence } = await ratingInputs(trx, branch.id, row.quarter);
    const outcomes = ratingOutcomes(set.stars, scores, rates, evidence);
    const awards = await awardStore.heldBy(trx, branch.id);
    const heldBefore = new Set(awards.map((a) => a.star_key));
    const issues = decisionProblems(set.stars, heldBefore, decisions, outcomes);
    if (issues.length) throw new Invalid('rating.invalid', issues[0]!.message, issues);

    const after = heldAfter(heldBefore, decisions);
    const starName = (k: string) => set.stars.find((s) => s.key === k)?.name ?? k;
    const awarded: string[] = [];
    const withdrawn: string[] = [];
    for (const d of decisions) {
      if (d.hold && !heldBefore.has(d.key)) {
        awarded.push(starName(d.key));
        await awardStore.insert(trx, {
          id: newId(now.getTime()),
          district_code: row.district_code,
          branch_id: branch.id,
          branch_path: branch.path,
          star_key: d.key,
          star_name: starName(d.key),
          awarded_quarter: row.quarter,
          award_reason: d.reason!,
          awarded_rating_id: row.id,
          awarded_by: actor.accountId,
          awarded_by_name: actor.displayName,
          awarded_at: at,
          withdrawn_quarter: null,
          withdraw_reason: null,
          withdrawn_rating_id: null,
          withdrawn_by: null,
          withdrawn_by_name: null,
          withdrawn_at: null,
        });
      } else if (!d.hold && heldBefore.has(d.key)) {
        withdrawn.push(starName(d.key));
        for (const a of awards.filter((x) => x.star_key === d.key))
          await awardStore.withdraw(trx, a.id, {
            withdrawn_quarter: row.quarter,
            withdraw_reason: d.reason!,
            withdrawn_rating_id: row.id,
            withdrawn_by: actor.accountId,
            withdrawn_by_name: actor.displayName,
            withdrawn_at: at,
          });
      }
    }
    await writeStep(trx, row, false, {
      state: to,
      confirmed_stars: JSON.stringify(decisions),
      outcome: JSON.stringify(outcomeViews(set.stars, outcomes, rates, heldBefore)),
      stars_held: after.size,
      held_stars: JSON.stringify(set.stars.filter((s) => after.has(s.key)).map((s) => s.name)),
      total_score: totalScore(outcomes),
      confirmed_by: actor.accountId,
      confirmed_by_name: actor.displayName,
      confirmed_at: at,
      updated_at: at,
    });
    const summary = `${branch.name} ${row.quarter} 评比确认：现有 ${after.size} 星${awarded.length ? `，授予：${awarded.join('、')}` : ''}${withdrawn.length ? `，摘除：${withdrawn.join('、')}` : ''}`;
    await recordAudit(trx, {
      actor,
      action: 'star_rating.confirm',
      entityType: 'star_rating',
      entityId: id,
      at: now,
      requestId,
      summary,
    });
    const told = await deps.org.accountsCovering(trx, branch.path, ['subdistrict_staff', 'community_worker']);
    await notify(trx, {
      accountIds: told.map((a) => a.id),
      districtCode: row.district_code,
      kind: 'stars.rating_confirmed',
      title: `【五星支部评比】${branch.name}（${row.quarter}）区级已确认`,
      body: summary,
      entityType: 'star_rating',
      entityId: id,
      at: now,
    });
    return id;
  });
}
