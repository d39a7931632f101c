import { api } from '../../lib/api';

export type RoleCode =
  | 'admin'
  | 'district_leader'
  | 'supervision_office'
  | 'subdistrict_staff'
  | 'community_worker'
  | 'grid_worker'
  | 'unit_handler'
  | 'democratic_supervisor'
  | 'volunteer';

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

export interface Me {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roles: RoleCode[];
  permissions: string[];
  mustChangePassword: boolean;
}

export interface Role {
  code: RoleCode;
  name: string;
  permissions: string[];
}

export interface PublicSettings {
  districtCode: string;
  districtName: string;
  mapTileUrl: string | null;
  version: string;
}

export const authApi = {
  login: (username: string, password: string) =>
    api.post<{ account: Me }>('/auth/login', { username, password }, { quiet401: true }),
  logout: () => api.post<void>('/auth/logout', undefined, { quiet401: true }),
  me: () => api.get<Me>('/auth/me', undefined, { quiet401: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/change-password', { currentPassword, newPassword }),
  roles: () => api.get<{ items: Role[] }>('/roles'),
  publicSettings: () => api.get<PublicSettings>('/settings/public', undefined, { quiet401: true }),
};
