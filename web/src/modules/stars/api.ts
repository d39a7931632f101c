import { api } from '../../lib/api';
import type {
  RateSourceList,
  StarSetBody,
  StarSetList,
  StarSetView,
  StarDefinition,
  StarIndicator,
} from '../../../../src/contracts/stars';

/** The shapes come from the server's contract (src/contracts/stars.ts), so the two never drift. */
export type { RateSourceList, StarSetBody, StarSetList, StarSetView, StarDefinition, StarIndicator };

export const starsApi = {
  sets: (quarter?: string, signal?: AbortSignal) =>
    api.get<StarSetList>('/stars/sets', quarter ? { quarter } : undefined, { signal }),
  set: (id: string, signal?: AbortSignal) => api.get<StarSetView>(`/stars/sets/${id}`, undefined, { signal }),
  saveSet: (body: StarSetBody) => api.post<StarSetView>('/stars/sets', body),
  rateSources: (signal?: AbortSignal) => api.get<RateSourceList>('/stars/rate-sources', undefined, { signal }),
};
