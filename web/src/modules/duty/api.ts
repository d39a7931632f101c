import { api } from '../../lib/api';
import { withQuery } from '../../lib/api';
import type {
  HolderOptions,
  Responsibility,
  ResponsibilityBody,
  ResponsibilityKind,
  ResponsibilityList,
  Roster,
  RosterDay,
  RosterDayBody,
} from '../../../../src/contracts/duty';

/** The shapes come from the server's contract (src/contracts/duty.ts). */
export type {
  HolderOptions,
  Responsibility,
  ResponsibilityBody,
  ResponsibilityKind,
  ResponsibilityList,
  Roster,
  RosterDay,
  RosterDayBody,
};

export interface ResponsibilityQuery {
  unitId?: string;
  subtree?: 'true' | 'false';
  kind?: ResponsibilityKind;
  on?: string;
  ended?: 'true' | 'false';
}

export const dutyApi = {
  responsibilities: (q: ResponsibilityQuery, signal?: AbortSignal) =>
    api.get<ResponsibilityList>('/duty/responsibilities', { ...q }, { signal }),
  addResponsibility: (body: ResponsibilityBody) => api.post<Responsibility>('/duty/responsibilities', body),
  endResponsibility: (id: string, to: string) => api.post<Responsibility>(`/duty/responsibilities/${id}/end`, { to }),
  holderOptions: (signal?: AbortSignal) => api.get<HolderOptions>('/duty/holder-options', undefined, { signal }),
  roster: (unitId: string, from: string, days = 7, signal?: AbortSignal) =>
    api.get<Roster>('/duty/rosters', { unitId, from, days }, { signal }),
  putDay: (body: RosterDayBody) => api.put<Roster>('/duty/rosters/days', body),
  copyForward: (unitId: string, weekStart: string, overwrite: boolean) =>
    api.post<{ copied: number; replaced: number }>('/duty/rosters/copy-forward', { unitId, weekStart, overwrite }),
  exportUrl: (unitId: string, from: string, days: number) =>
    withQuery('/api/v1/duty/rosters/export.xlsx', { unitId, from, days }),
};
