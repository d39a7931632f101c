import { api } from '../../lib/api';
import type {
  CreatePersonBody,
  ListPeopleQuery,
  Person,
  PersonKind,
  PersonList,
  UpdatePersonBody,
} from '../../../../src/contracts/org';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/org.ts). */
export type { Person, PersonKind };
export type PersonInput = z.input<typeof CreatePersonBody>;
export type PersonUpdate = z.input<typeof UpdatePersonBody>;
export type PeopleQuery = Omit<z.input<typeof ListPeopleQuery>, 'limit'> & { limit?: number };

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
  list: (query: PeopleQuery, signal?: AbortSignal) => api.get<PersonList>('/people', query, { signal }),
  reveal: (id: string) => api.get<Person>(`/people/${encodeURIComponent(id)}`, { reveal: true }),
  create: (body: PersonInput) => api.post<Person>('/people', body),
  update: (id: string, body: PersonUpdate) => api.patch<Person>(`/people/${encodeURIComponent(id)}`, body),
};
