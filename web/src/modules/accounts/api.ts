import { api } from '../../lib/api';
import type {
  Account,
  AccountList,
  CreateAccountBody,
  CreatedAccount,
  CreateTokenBody,
  IssuedToken,
  ListAccountsQuery,
  TemporaryPassword,
  TokenList,
  TokenView,
  UpdateAccountBody,
} from '../../../../src/contracts/org';
import type { z } from 'zod';

/** The shapes come from the server's contract (src/contracts/org.ts). */
export type { Account, IssuedToken, TokenView };
export type CreateAccountInput = z.input<typeof CreateAccountBody>;
export type UpdateAccountInput = z.input<typeof UpdateAccountBody>;
export type AccountsQuery = z.input<typeof ListAccountsQuery>;

export const accountsApi = {
  list: (query: AccountsQuery, signal?: AbortSignal) => api.get<AccountList>('/accounts', query, { signal }),
  create: (body: CreateAccountInput) => api.post<CreatedAccount>('/accounts', body),
  update: (id: string, body: UpdateAccountInput) => api.patch<Account>(`/accounts/${encodeURIComponent(id)}`, body),
  resetPassword: (id: string) => api.post<TemporaryPassword>(`/accounts/${encodeURIComponent(id)}/reset-password`),
  /** The own API tokens (auth routes): listed and revoked by anyone, minted with token.create from a session. */
  tokens: (signal?: AbortSignal) => api.get<TokenList>('/auth/tokens', undefined, { signal }),
  createToken: (body: CreateTokenBody) => api.post<IssuedToken>('/auth/tokens', body),
  revokeToken: (id: string) => api.delete(`/auth/tokens/${encodeURIComponent(id)}`),
};
