import { api } from '../../lib/api';
import type {
  Achievement,
  CampaignBody,
  CampaignDetail,
  Entry,
  EntryBody,
  Indicator,
  IndicatorBody,
  SumsTable,
  Target,
  TargetBody,
} from '../../../../src/contracts/campaigns';
import type { z } from 'zod';
import type {
  CampaignList,
  EntryList,
  FigureSourceList,
  IndicatorList,
  RecordList,
  TargetList,
} from '../../../../src/contracts/campaigns';

/** The shapes come from the server's contract (src/contracts/campaigns.ts), so the two never drift. */
export type {
  Achievement,
  CampaignBody,
  CampaignDetail,
  Entry,
  EntryBody,
  Indicator,
  IndicatorBody,
  SumsTable,
  Target,
  TargetBody,
};
export type CampaignSummary = z.infer<typeof CampaignList>['items'][number];
export type FigureRecord = z.infer<typeof RecordList>['items'][number];
export type FigureSource = z.infer<typeof FigureSourceList>['items'][number];

export interface PeriodQuery {
  unitId?: string;
  from: string;
  to: string;
}

export const campaignsApi = {
  /** Campaigns in scope; unitId, from and to narrow them as 集中整治场次 counts (scope unit in the area, starting in the days). */
  list: (q: { unitId?: string; from?: string; to?: string } = {}, signal?: AbortSignal) =>
    api.get<z.infer<typeof CampaignList>>('/campaigns', { ...q }, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<CampaignDetail>(`/campaigns/${id}`, undefined, { signal }),
  open: (body: CampaignBody) => api.post<CampaignDetail>('/campaigns', body),
  linkCase: (id: string, caseId: string) => api.post<CampaignDetail>(`/campaigns/${id}/cases`, { caseId }),
  indicators: (signal?: AbortSignal) => api.get<z.infer<typeof IndicatorList>>('/indicators', undefined, { signal }),
  sources: (signal?: AbortSignal) =>
    api.get<z.infer<typeof FigureSourceList>>('/indicators/sources', undefined, { signal }),
  define: (body: IndicatorBody) => api.post<Indicator>('/indicators', body),
  sums: (id: string, q: { unitId?: string; from: string; to: string }, signal?: AbortSignal) =>
    api.get<SumsTable>(`/indicators/${id}/sums`, { ...q }, { signal }),
  records: (id: string, q: PeriodQuery, signal?: AbortSignal) =>
    api.get<z.infer<typeof RecordList>>(`/indicators/${id}/records`, { ...q }, { signal }),
  achievements: (q: PeriodQuery, signal?: AbortSignal) =>
    api.get<Achievement>('/indicators/achievements', { ...q }, { signal }),
  entries: (
    q: { unitId?: string; indicatorId?: string; campaignId?: string; from?: string; to?: string },
    signal?: AbortSignal,
  ) => api.get<z.infer<typeof EntryList>>('/indicator-entries', { ...q }, { signal }),
  enter: (body: EntryBody, idempotencyKey?: string) =>
    api.post<Entry>(
      '/indicator-entries',
      body,
      idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {},
    ),
  targets: (q: { unitId?: string; period?: string }, signal?: AbortSignal) =>
    api.get<z.infer<typeof TargetList>>('/indicator-targets', { ...q }, { signal }),
  setTarget: (body: TargetBody) => api.put<Target>('/indicator-targets', body),
};
