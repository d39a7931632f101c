import { api } from '../../lib/api';
import type { RoleCode } from '../auth/api';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roles: RoleCode[];
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  personId?: string | null;
}

export interface CreateAccountInput {
  username: string;
  displayName: string;
  unitId: string;
  roles: RoleCode[];
  personId?: string;
}

export interface UpdateAccountInput {
  displayName?: string;
  unitId?: string;
  roles?: RoleCode[];
  disabled?: boolean;
}

export const accountsApi = {
  list: (query: { unitId?: string; q?: string }, signal?: AbortSignal) =>
    api.get<{ items: Account[] }>('/accounts', query, { signal }),
  create: (body: CreateAccountInput) => api.post<{ account: Account; temporaryPassword: string }>('/accounts', body),
  update: (id: string, body: UpdateAccountInput) => api.patch<Account>(`/accounts/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string) =>
    api.post<{ temporaryPassword: string }>(`/accounts/${encodeURIComponent(id)}/reset-password`),
};
