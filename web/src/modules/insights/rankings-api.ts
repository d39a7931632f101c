import { api, withQuery } from '../../lib/api';
import type { Movement, RankingCell, RankingRow, RankingTable } from '../../../../src/contracts/insights-rankings';

/** 排名通报's shapes come from the server's contract (src/contracts/insights-rankings.ts). */
export type { Movement, RankingCell, RankingRow, RankingTable };

export interface RankingParams {
  measure: string;
  unitId?: string;
  level: 'children' | 'grids';
  from: string;
  to: string;
}

export const rankingsApi = {
  /** One measure's ranking with 名次变化 (the first measure orders the table). */
  table: (p: RankingParams, signal?: AbortSignal) => {
    const { measure, ...rest } = p;
    return api.get<RankingTable>('/insights/rankings', { ...rest, measures: measure }, { signal });
  },
  /** The .xlsx of the same ranking: a plain link, so the browser's download carries the session. */
  exportUrl: (p: RankingParams) => withQuery('/api/v1/insights/rankings.xlsx', { ...p }),
};
