import { api } from '../../lib/api';
import type { LoginReply, Me, RoleCode, RoleList } from '../../../../src/contracts/org';
import type { PublicSettings } from '../../../../src/contracts/platform';

/** The shapes come from the server's contracts (src/contracts/org.ts, platform.ts). */
export type { Me, PublicSettings, RoleCode };
export type Role = RoleList['items'][number];

export type Permission =
  | 'unit.read'
  | 'unit.write'
  | 'boundary.write'
  | 'person.read'
  | 'person.write'
  | 'person.reveal'
  | 'account.read'
  | 'account.write'
  | 'calendar.write'
  | 'audit.read';

export const authApi = {
  login: (username: string, password: string) =>
    api.post<LoginReply>('/auth/login', { username, password }, { quiet401: true }),
  logout: () => api.post<void>('/auth/logout', undefined, { quiet401: true }),
  me: () => api.get<Me>('/auth/me', undefined, { quiet401: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/change-password', { currentPassword, newPassword }),
  roles: () => api.get<RoleList>('/roles'),
  publicSettings: () => api.get<PublicSettings>('/settings/public', undefined, { quiet401: true }),
};
