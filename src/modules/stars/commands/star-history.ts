import type { StarHistory } from '../../../contracts/star-rating.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import type { StarsDeps } from '../deps.js';
import { awardStore, ratingStore } from '../store/rating.store.js';
import { branchInScope } from './rating-access.js';

/** A branch's stars: those it holds now, every award and withdrawal with its reason and rating, its ratings. */
export async function starHistory(deps: StarsDeps, actor: Actor, branchId: string): Promise<StarHistory> {
  authorize(actor, 'star.read');
  const db = deps.database.db;
  const branch = await branchInScope(deps, db, actor, branchId, 'id');
  const [awards, ratings] = await Promise.all([
    awardStore.historyOf(db, branch.id),
    ratingStore.ofBranch(db, branch.id),
  ]);
  return {
    branchId: branch.id,
    branchName: branch.name,
    held: awards
      .filter((a) => a.withdrawn_quarter === null)
      .map((a) => ({ key: a.star_key, name: a.star_name, since: a.awarded_quarter })),
    awards: awards.map((a) => ({
      id: a.id,
      key: a.star_key,
      name: a.star_name,
      awardedQuarter: a.awarded_quarter,
      awardReason: a.award_reason,
      awardedByName: a.awarded_by_name,
      awardedRatingId: a.awarded_rating_id,
      withdrawnQuarter: a.withdrawn_quarter,
      withdrawReason: a.withdraw_reason,
      withdrawnByName: a.withdrawn_by_name,
      withdrawnRatingId: a.withdrawn_rating_id,
    })),
    ratings: ratings.map((r) => ({
      id: r.id,
      quarter: r.quarter,
      state: r.state as StarHistory['ratings'][number]['state'],
      starsHeld: r.stars_held,
      totalScore: r.total_score,
    })),
  };
}
