import type { HeldStars } from '../../../contracts/star-rating.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { StarsDeps } from '../deps.js';
import { quarterOf } from '../domain/quarters.js';
import { awardStore } from '../store/rating.store.js';
import { branchesUnder, scopeUnit, sortByName, type BranchInfo } from './rating-access.js';

/**
 * The stars held at an instant by the branches under a path (as the rating lists branches: active, of a
 * community or village): awarded by the instant's quarter and not withdrawn by then. One rule for the
 * dashboard's 支部获星数 and the list it links to, so the count and the list's total cannot differ.
 */
export async function heldStarsUnder(
  deps: StarsDeps,
  ex: Executor,
  districtCode: string,
  path: string,
  asOf: Date,
): Promise<{ quarter: string; branches: BranchInfo[]; held: Awaited<ReturnType<typeof awardStore.heldIn>> }> {
  const quarter = quarterOf(localDateOf(asOf));
  const [branches, awards] = await Promise.all([
    branchesUnder(deps, ex, districtCode, path),
    awardStore.heldIn(ex, districtCode, quarter, path),
  ]);
  const ids = new Set(branches.map((b) => b.id));
  return { quarter, branches, held: awards.filter((a) => ids.has(a.branch_id)) };
}

/**
 * 支部获星 list: every star held now by the branches under a unit in scope (default the caller's scope
 * root; outside it 403 naming unitId), one row per star with its branch, community or village, 街道 and
 * the quarter it was awarded in; `total` is the dashboard's 支部获星数 for that unit.
 */
export async function listHeldStars(deps: StarsDeps, actor: Actor, q: { unitId?: string }): Promise<HeldStars> {
  authorize(actor, 'star.read');
  const db = deps.database.db;
  const unit = await scopeUnit(deps, db, actor, q.unitId);
  const { quarter, branches, held } = await heldStarsUnder(deps, db, actor.districtCode, unit.path, deps.clock.now());
  const order = new Map(sortByName([...branches]).map((b, i) => [b.id, i] as const));
  const info = new Map(branches.map((b) => [b.id, b] as const));
  const items = held
    .map((a) => {
      const b = info.get(a.branch_id)!;
      return {
        awardId: a.id,
        branchId: b.id,
        branchName: b.name,
        communityName: b.communityName,
        subdistrictName: b.subdistrictName,
        starKey: a.star_key,
        starName: a.star_name,
        awardedQuarter: a.awarded_quarter,
        awardedAt: a.awarded_at,
        awardedRatingId: a.awarded_rating_id,
      };
    })
    .sort(
      (x, y) =>
        order.get(x.branchId)! - order.get(y.branchId)! ||
        x.awardedQuarter.localeCompare(y.awardedQuarter) ||
        x.starKey.localeCompare(y.starKey),
    );
  return {
    unitId: unit.id,
    unitName: unit.name,
    quarter,
    total: items.length,
    branches: new Set(items.map((i) => i.branchId)).size,
    items,
  };
}
