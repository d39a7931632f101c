import { api } from '../../lib/api';
import { uploadMultipart } from '../../lib/upload';
import type {
  Building,
  BuildingBody,
  BuildingList,
  CoverageReport,
  HouseholdBody,
  HouseholdPage,
  HouseholdPatch,
  HouseholdSummary,
  KnockedHouseholdPage,
  MergeReview,
  MergeReviewDecision,
  MergeReviewList,
  Resident,
  ResidentBody,
  ResidentCreated,
  ResidentHistory,
  ResidentMoveBody,
  ResidentPage,
  ResidentPatch,
  ResidentsImported,
  ResidentStatus,
  ResidenceKind,
  ResidentTag,
  ResidentTagBody,
  ResidentTagList,
  Round,
  RoundBody,
  RoundHouseholdList,
  RoundList,
  Visit,
  VisitBody,
  VisitList,
  VisitResult,
} from '../../../../src/contracts/population';

/** The shapes come from the server's contract (src/contracts/population.ts). */
export type {
  Building,
  CoverageReport,
  HouseholdSummary,
  MergeReview,
  Resident,
  ResidentBody,
  ResidentCreated,
  ResidentTag,
  Round,
  RoundBody,
  RoundHouseholdList,
  Visit,
  VisitBody,
};
export type CoverageRow = CoverageReport['rows'][number];
export type { KnockedHouseholdPage };
export type KnockedHousehold = KnockedHouseholdPage['items'][number];
/** The doors knocked in an area over days, any round (the list behind 敲门入户数 / 在家已核实户数). */
export interface KnockedQuery {
  unitId?: string;
  from: string;
  to: string;
  result?: VisitResult;
}
export type RoundHousehold = RoundHouseholdList['items'][number];

export interface HouseholdFilter {
  unitId?: string;
  buildingId?: string;
  q?: string;
}

export interface ResidentFilter {
  unitId?: string;
  householdId?: string;
  q?: string;
  tag?: string;
  residenceKind?: ResidenceKind;
  status?: ResidentStatus;
}

/** What POST /households/import reports (all rows or none). */
export type HouseholdImportResult = ResidentsImported;

const enc = encodeURIComponent;
const key = (k?: string) => (k ? { headers: { 'Idempotency-Key': k } } : undefined);

export const populationApi = {
  buildings: (q: { unitId?: string; q?: string }, signal?: AbortSignal) =>
    api.get<BuildingList>('/buildings', { ...q }, { signal }),
  createBuilding: (body: BuildingBody) => api.post<Building>('/buildings', body),

  households: (f: HouseholdFilter, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<HouseholdPage>('/households', { ...f, cursor, limit: 50 }, { signal }),
  household: (id: string, signal?: AbortSignal) =>
    api.get<HouseholdSummary>(`/households/${enc(id)}`, undefined, { signal }),
  createHousehold: (body: HouseholdBody) => api.post<HouseholdSummary>('/households', body),
  updateHousehold: (id: string, body: HouseholdPatch) => api.patch<HouseholdSummary>(`/households/${enc(id)}`, body),
  importTemplateUrl: '/api/v1/households/import-template.xlsx',
  importHouseholds: (file: File) => uploadMultipart<HouseholdImportResult>('/households/import', file, file.name),

  residents: (f: ResidentFilter, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<ResidentPage>('/residents', { ...f, cursor, limit: 50 }, { signal }),
  resident: (id: string, signal?: AbortSignal) => api.get<Resident>(`/residents/${enc(id)}`, undefined, { signal }),
  /** Unmasked; the server audits it with the reason. */
  reveal: (id: string, reason: string) => api.get<Resident>(`/residents/${enc(id)}/reveal`, { reason }),
  createResident: (body: ResidentBody) => api.post<ResidentCreated>('/residents', body),
  updateResident: (id: string, body: ResidentPatch) => api.patch<Resident>(`/residents/${enc(id)}`, body),
  moveResident: (id: string, body: ResidentMoveBody) => api.post<Resident>(`/residents/${enc(id)}/move`, body),
  history: (id: string, signal?: AbortSignal) =>
    api.get<ResidentHistory>(`/residents/${enc(id)}/history`, undefined, { signal }),

  reviews: (signal?: AbortSignal) => api.get<MergeReviewList>('/resident-reviews', undefined, { signal }),
  decide: (id: string, body: MergeReviewDecision) =>
    api.post<MergeReview>(`/resident-reviews/${enc(id)}/decision`, body),

  tags: (signal?: AbortSignal) => api.get<ResidentTagList>('/resident-tags', undefined, { signal }),
  createTag: (body: ResidentTagBody) => api.post<ResidentTag>('/resident-tags', body),
  updateTag: (code: string, body: ResidentTagBody) => api.patch<ResidentTag>(`/resident-tags/${enc(code)}`, body),

  rounds: (signal?: AbortSignal) => api.get<RoundList>('/door-knock-rounds', undefined, { signal }),
  knocked: (q: KnockedQuery, signal?: AbortSignal) =>
    api.get<KnockedHouseholdPage>('/door-knock-households', { ...q }, { signal }),
  round: (id: string, signal?: AbortSignal) => api.get<Round>(`/door-knock-rounds/${enc(id)}`, undefined, { signal }),
  createRound: (body: RoundBody) => api.post<Round>('/door-knock-rounds', body),
  coverage: (id: string, unitId: string | undefined, signal?: AbortSignal) =>
    api.get<CoverageReport>(`/door-knock-rounds/${enc(id)}/coverage`, { unitId }, { signal }),
  /** A grid's households with their state in the round; without gridId, the grid worker's own grid. */
  roundHouseholds: (id: string, q: { gridId?: string; gaps?: boolean } = {}, signal?: AbortSignal) =>
    api.get<RoundHouseholdList>(
      `/door-knock-rounds/${enc(id)}/households`,
      { gridId: q.gridId, gaps: q.gaps ? 'true' : undefined },
      { signal },
    ),
  /** With `idempotencyKey` (the outbox item's id) a resend records the visit once. */
  recordVisit: (id: string, body: VisitBody, idempotencyKey?: string) =>
    api.post<Visit>(`/door-knock-rounds/${enc(id)}/visits`, body, key(idempotencyKey)),
  visits: (id: string, q: { householdId?: string; gridId?: string }, signal?: AbortSignal) =>
    api.get<VisitList>(`/door-knock-rounds/${enc(id)}/visits`, { ...q }, { signal }),
};
