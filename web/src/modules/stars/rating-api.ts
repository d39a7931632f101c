import { api, withQuery } from '../../lib/api';
import type {
  HeldStars,
  ProposeBody,
  Ranking,
  RatingList,
  RatingView,
  StarDecisionBody,
  StarHistory,
  StarOutcomeView,
} from '../../../../src/contracts/star-rating';

/** The quarterly rating and the rankings; the shapes come from src/contracts/star-rating.ts. */
export type { HeldStars, ProposeBody, Ranking, RatingList, RatingView, StarDecisionBody, StarHistory, StarOutcomeView };
export { RATING_STATE_NAMES } from '../../../../src/contracts/star-rating';

export const ratingApi = {
  list: (quarter: string, unitId: string | undefined, signal?: AbortSignal) =>
    api.get<RatingList>('/stars/ratings', { quarter, unitId }, { signal }),
  ofBranch: (branchId: string, quarter: string, signal?: AbortSignal) =>
    api.get<RatingView>('/stars/ratings/branch', { branchId, quarter }, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<RatingView>(`/stars/ratings/${id}`, undefined, { signal }),
  selfAssess: (body: { branchId: string; quarter: string; text: string }) =>
    api.post<RatingView>('/stars/ratings/self-assess', body),
  propose: (body: ProposeBody) => api.post<RatingView>('/stars/ratings/propose', body),
  returnTo: (id: string, reason: string) => api.post<RatingView>(`/stars/ratings/${id}/return`, { reason }),
  confirm: (id: string, stars?: StarDecisionBody[]) =>
    api.post<RatingView>(`/stars/ratings/${id}/confirm`, stars ? { stars } : {}),
  ranking: (quarter: string, unitId: string | undefined, signal?: AbortSignal) =>
    api.get<Ranking>('/stars/rankings', { quarter, unitId }, { signal }),
  rankingExportUrl: (quarter: string, unitId: string | undefined) =>
    withQuery('/api/v1/stars/rankings/export.xlsx', { quarter, unitId }),
  held: (unitId: string | undefined, signal?: AbortSignal) => api.get<HeldStars>('/stars/held', { unitId }, { signal }),
  history: (branchId: string, signal?: AbortSignal) =>
    api.get<StarHistory>(`/stars/branches/${branchId}/stars`, undefined, { signal }),
};

/** The quarter just ended: the one rated in the first weeks of this one. */
export function lastQuarter(today: Date): string {
  const idx = today.getFullYear() * 4 + Math.floor(today.getMonth() / 3) - 1;
  return `${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`;
}
