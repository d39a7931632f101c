import { api } from '../../lib/api';
import { uploadMultipart } from '../../lib/upload';
import type {
  AnswerBody,
  Campaign,
  CampaignBody,
  Check,
  CheckListQuery,
  Entry,
  EntryBody,
  EntryListQuery,
  FieldDef,
  ListedEntryPage,
} from '../../../../src/contracts/screening';

/** The shapes come from the server's contract (src/contracts/screening.ts), so the two never drift. */
export type { AnswerBody, Campaign, CampaignBody, Check, Entry, EntryBody, FieldDef, ListedEntryPage };
/** The people newly listed in an area over days, any campaign (the list behind 排查人数). */
export interface ListedQuery {
  unitId?: string;
  from: string;
  to: string;
}

export interface EntryPage {
  items: Entry[];
  total: number;
}
export interface CheckPage {
  items: Check[];
  total: number;
}
export interface ChecksImported {
  batchId: string;
  count: number;
  routed: { household: number; column: number; scope: number };
}
export interface PurgeRecordView {
  record: {
    campaign: { id: string; name: string; scopeUnit: string; startsOn: string; endsOn: string };
    purgedAt: string;
    purgedBy: { id: string; name: string };
    purged: { entries: number; reports: number; checks: number; fields: string[] };
    counts: {
      entriesByCommunity: Record<string, number>;
      entriesBySource: Record<string, number>;
      checksByStatus: Record<string, number>;
      checksOverdue: number;
    };
  };
  recordJson: string;
  signature: string;
  algorithm: 'HMAC-SHA256';
  verified: boolean;
}

export const SCR = 'screening';

export const screeningApi = {
  campaigns: (signal?: AbortSignal) => api.get<{ items: Campaign[] }>('/screening-campaigns', undefined, { signal }),
  open: (body: CampaignBody) => api.post<Campaign>('/screening-campaigns', body),
  close: (id: string) => api.post<Campaign>(`/screening-campaigns/${id}/close`),
  listed: (q: ListedQuery, signal?: AbortSignal) =>
    api.get<ListedEntryPage>('/screening-entries', { ...q }, { signal }),
  entries: (id: string, q: Partial<EntryListQuery>, signal?: AbortSignal) =>
    api.get<EntryPage>(`/screening-campaigns/${id}/entries`, { ...q }, { signal }),
  addEntry: (id: string, body: EntryBody) =>
    api.post<{ entry: Entry; attached: boolean }>(`/screening-campaigns/${id}/entries`, body),
  reveal: (entryId: string, reason: string) => api.get<Entry>(`/screening-entries/${entryId}/reveal`, { reason }),
  checks: (id: string, q: Partial<CheckListQuery>, signal?: AbortSignal) =>
    api.get<CheckPage>(`/screening-campaigns/${id}/checks`, { ...q }, { signal }),
  answer: (checkId: string, body: AnswerBody) => api.post<Check>(`/screening-checks/${checkId}/answer`, body),
  route: (checkId: string, unitId: string) => api.post<Check>(`/screening-checks/${checkId}/route`, { unitId }),
  importTemplateUrl: '/api/v1/screening-checks/import-template.xlsx',
  importChecks: (id: string, batchName: string) => (file: File) =>
    uploadMultipart<ChecksImported>(
      `/screening-campaigns/${id}/checks/import${batchName ? `?batchName=${encodeURIComponent(batchName)}` : ''}`,
      file,
      file.name,
    ),
  purge: (id: string, confirmName: string) =>
    api.post<PurgeRecordView>(`/screening-campaigns/${id}/purge`, { confirmName }),
  purgeRecord: (id: string, signal?: AbortSignal) =>
    api.get<PurgeRecordView>(`/screening-campaigns/${id}/purge-record`, undefined, { signal }),
};
