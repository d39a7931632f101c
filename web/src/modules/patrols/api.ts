import { api } from '../../lib/api';
import type {
  CoverageReport,
  EndPatrolBody,
  LinkCaseBody,
  Patrol,
  PatrolDetail,
  PatrolKind,
  PatrolList,
  PatrolStatus,
  StartPatrolBody,
  TrackBody,
  TrackCollection,
  TrackResult,
} from '../../../../src/contracts/patrols';

/** The shapes come from the server's contract (src/contracts/patrols.ts), so the two never drift. */
export type {
  CoverageReport,
  EndPatrolBody,
  LinkCaseBody,
  Patrol,
  PatrolDetail,
  PatrolKind,
  PatrolStatus,
  StartPatrolBody,
  TrackBody,
  TrackCollection,
  TrackResult,
};

export interface PatrolQuery {
  from?: string;
  to?: string;
  unitId?: string;
  kind?: PatrolKind;
  status?: PatrolStatus;
  far?: 'true';
  limit?: number;
}

export interface PatrolArea {
  id: string;
  name: string;
  kind: string;
  path: string;
}

const key = (idempotencyKey?: string) =>
  idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : undefined;

export const patrolsApi = {
  list: (query: PatrolQuery, signal?: AbortSignal) => api.get<PatrolList>('/patrols', { ...query }, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<PatrolDetail>(`/patrols/${id}`, undefined, { signal }),
  active: (signal?: AbortSignal) => api.get<{ patrol: Patrol | null }>('/patrols/active', undefined, { signal }),
  areas: (signal?: AbortSignal) => api.get<{ items: PatrolArea[] }>('/patrols/areas', undefined, { signal }),
  coverage: (q: { unitId?: string; from: string; to: string; kind?: PatrolKind }, signal?: AbortSignal) =>
    api.get<CoverageReport>('/patrols/coverage', { ...q }, { signal }),
  tracks: (q: { day: string; unitId?: string }, signal?: AbortSignal) =>
    api.get<TrackCollection>('/patrols/tracks', { ...q }, { signal }),
  start: (body: StartPatrolBody, idempotencyKey?: string) =>
    api.post<PatrolDetail>('/patrols', body, key(idempotencyKey)),
  track: (id: string, body: TrackBody, idempotencyKey?: string) =>
    api.post<TrackResult>(`/patrols/${id}/track`, body, key(idempotencyKey)),
  end: (id: string, body: EndPatrolBody, idempotencyKey?: string) =>
    api.post<PatrolDetail>(`/patrols/${id}/end`, body, key(idempotencyKey)),
  link: (id: string, body: LinkCaseBody, idempotencyKey?: string) =>
    api.post<PatrolDetail>(`/patrols/${id}/cases`, body, key(idempotencyKey)),
};
