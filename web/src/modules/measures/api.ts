import { api } from '../../lib/api';
import type {
  CompletenessReport,
  DueFollowUp,
  DueFollowUpList,
  EndMeasureBody,
  FollowUp,
  FollowUpBody,
  FollowUpStatus,
  MeasureBody,
  MeasureDetail,
  MeasureList,
  MeasureStatus,
  MeasureSubject,
  MeasureSummary,
  MeasureType,
  OwnerCandidates,
  OwnerRole,
} from '../../../../src/contracts/measures';

/** The shapes come from the server's contract (src/contracts/measures.ts), so the two never drift. */
export type {
  CompletenessReport,
  DueFollowUp,
  DueFollowUpList,
  EndMeasureBody,
  FollowUp,
  FollowUpBody,
  FollowUpStatus,
  MeasureBody,
  MeasureDetail,
  MeasureStatus,
  MeasureSubject,
  MeasureSummary,
  MeasureType,
  OwnerCandidates,
  OwnerRole,
};

export interface MeasureQuery {
  status?: MeasureStatus;
  unitId?: string;
  q?: string;
}

export const measuresApi = {
  list: (query: MeasureQuery, cursor?: string, signal?: AbortSignal) =>
    api.get<MeasureList>('/measures', { ...query, cursor }, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<MeasureDetail>(`/measures/${id}`, undefined, { signal }),
  start: (body: MeasureBody) => api.post<MeasureDetail>('/measures', body),
  end: (id: string, body: EndMeasureBody) => api.post<MeasureDetail>(`/measures/${id}/end`, body),
  completeness: (q: { unitId?: string; from?: string; to?: string }, signal?: AbortSignal) =>
    api.get<CompletenessReport>('/measures/completeness', q, { signal }),
  subjects: (q: string, signal?: AbortSignal) =>
    api.get<{ items: MeasureSubject[] }>('/measures/subjects', { q: q || undefined }, { signal }),
  candidates: (residentId: string, signal?: AbortSignal) =>
    api.get<OwnerCandidates>('/measures/owner-candidates', { residentId }, { signal }),
  today: (signal?: AbortSignal) => api.get<DueFollowUpList>('/follow-ups', undefined, { signal }),
  record: (body: FollowUpBody, idempotencyKey?: string) =>
    api.post<FollowUp>(
      '/follow-ups',
      body,
      idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : undefined,
    ),
};
