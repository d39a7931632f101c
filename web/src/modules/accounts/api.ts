import { api } from '../../lib/api';
import type {
  Account,
  AccountList,
  CreateAccountBody,
  CreatedAccount,
  ListAccountsQuery,
  TemporaryPassword,
  UpdateAccountBody,
} from '../../../../src/contracts/org';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/org.ts). */
export type { Account };
export type CreateAccountInput = z.input<typeof CreateAccountBody>;
export type UpdateAccountInput = z.input<typeof UpdateAccountBody>;
export type AccountsQuery = z.input<typeof ListAccountsQuery>;

export const accountsApi = {
  list: (query: AccountsQuery, signal?: AbortSignal) => api.get<AccountList>('/accounts', query, { signal }),
  create: (body: CreateAccountInput) => api.post<CreatedAccount>('/accounts', body),
  update: (id: string, body: UpdateAccountInput) => api.patch<Account>(`/accounts/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string) => api.post<TemporaryPassword>(`/accounts/${encodeURIComponent(id)}/reset-password`),
};
