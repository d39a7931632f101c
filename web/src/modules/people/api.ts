import { api } from '../../lib/api';

export type PersonKind = 'staff' | 'grid_worker' | 'volunteer';

export interface Person {
  id: string;
  name: string;
  kind: PersonKind;
  unitId: string;
  unitName: string;
  /** Masked (139****5678) unless fetched with reveal; null when none is on file. */
  phone: string | null;
  /** False only on a revealed record. */
  phoneMasked?: boolean;
  gridIds: string[];
  accountId: string | null;
  status?: 'active' | 'retired';
}

export interface PersonInput {
  name: string;
  kind: PersonKind;
  unitId: string;
  phone?: string;
  gridIds?: string[];
}

export const personKindLabel: Record<PersonKind, string> = {
  staff: '工作人员',
  grid_worker: '网格员',
  volunteer: '志愿者',
};

export const personKindColor: Record<PersonKind, string> = {
  staff: 'blue',
  grid_worker: 'green',
  volunteer: 'gold',
};

export const peopleApi = {
  list: (query: { unitId?: string; kind?: PersonKind; q?: string }, signal?: AbortSignal) =>
    api.get<{ items: Person[] }>('/people', query, { signal }),
  reveal: (id: string) => api.get<Person>(`/people/${encodeURIComponent(id)}`, { reveal: true }),
  create: (body: PersonInput) => api.post<Person>('/people', body),
  update: (id: string, body: Partial<PersonInput>) => api.patch<Person>(`/people/${encodeURIComponent(id)}`, body),
};
