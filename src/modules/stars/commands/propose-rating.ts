import type { ProposeBody } from '../../../contracts/star-rating.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { Invalid } from '../../../kernel/errors.js';
import { notify } from '../../inbox/index.js';
import { decisionProblems, ratingOutcomes, scoreProblems } from '../domain/rating-rules.js';
import type { StarsDeps } from '../deps.js';
import { awardStore, ratingStore } from '../store/rating.store.js';
import { branchInScope } from './rating-access.js';
import {
  deadlinesOf,
  newRating,
  ratingInputs,
  refuseFutureQuarter,
  setOfRating,
  takeStep,
  writeStep,
} from './rating-context.js';

/**
 * The 街道's proposal (街道提名, star.review): the panel's scores of the scored indicators (each within
 * [0, maxScore], else 422 naming e.g. scores.branch_strong.org_life) and the stars the branch should
 * hold after the quarter, each change with a reason; an award must already be eligible with its
 * required evidence (422 naming stars[i]). From self_assessed, or from open once the branch's
 * self-assessment deadline has passed. The district's raters are told. Answers the rating's id.
 */
export async function proposeRating(deps: StarsDeps, actor: Actor, body: ProposeBody, requestId?: string) {
  const db = deps.database.db;
  const now = deps.clock.now();
  const branch = await branchInScope(deps, db, actor, body.branchId);
  refuseFutureQuarter(deps, body.quarter);
  const computed = await deadlinesOf(deps, db, branch.districtCode, body.quarter);
  return db.transaction().execute(async (trx) => {
    const existing = await ratingStore.find(trx, branch.id, body.quarter);
    const set = await setOfRating(trx, branch, body.quarter, existing);
    const row = existing ?? newRating(branch, body.quarter, set, computed, now);
    const deadlines = { self: row.self_due, propose: row.propose_due, confirm: row.confirm_due };
    const to = takeStep(actor, row.state as never, 'propose', localDateOf(now), deadlines);
    const scoreIssues = scoreProblems(set.stars, body.scores);
    if (scoreIssues.length) throw new Invalid('rating.invalid', scoreIssues[0]!.message, scoreIssues);
    const { rates, evidence } = await ratingInputs(trx, branch.id, body.quarter);
    const outcomes = ratingOutcomes(set.stars, body.scores, rates, evidence);
    const held = new Set((await awardStore.heldBy(trx, branch.id)).map((a) => a.star_key));
    const issues = decisionProblems(set.stars, held, body.stars, outcomes);
    if (issues.length) throw new Invalid('rating.invalid', issues[0]!.message, issues);
    const saved = await writeStep(trx, row, !existing, {
      state: to,
      panel_scores: JSON.stringify(body.scores),
      proposed_stars: JSON.stringify(body.stars.map((d) => ({ key: d.key, hold: d.hold, reason: d.reason ?? null }))),
      proposal_remark: body.remark ?? null,
      proposed_by: actor.accountId,
      proposed_by_name: actor.displayName,
      proposed_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    const names = (hold: boolean) =>
      body.stars
        .filter((d) => d.hold === hold && held.has(d.key) !== hold)
        .map((d) => set.stars.find((s) => s.key === d.key)?.name ?? d.key);
    const award = names(true);
    const withdraw = names(false);
    const summary = `${branch.name} ${body.quarter} 街道提名${award.length ? `，拟授予：${award.join('、')}` : ''}${withdraw.length ? `，拟摘除：${withdraw.join('、')}` : ''}`;
    await recordAudit(trx, {
      actor,
      action: 'star_rating.propose',
      entityType: 'star_rating',
      entityId: saved.id,
      at: now,
      requestId,
      summary,
    });
    const raters = await deps.org.accountsWithRole(trx, branch.districtCode, 'supervision_office');
    await notify(trx, {
      accountIds: raters.map((a) => a.id),
      districtCode: branch.districtCode,
      kind: 'stars.rating_proposed',
      title: `【五星支部评比】${branch.subdistrictName}提名 ${branch.name}（${body.quarter}）待区级确认`,
      body: `${summary}。确认期限 ${row.confirm_due}。`,
      entityType: 'star_rating',
      entityId: saved.id,
      at: now,
    });
    return saved.id;
  });
}
