import { maskPhone } from '../../../kernel/privacy/mask.js';
import type { RoleCode } from '../../../kernel/auth/roles.js';
import type { AccountRow } from '../store/account.store.js';
import type { PersonRow } from '../store/person.store.js';
import type { UnitRow } from '../store/unit.store.js';
import type { UnitKind } from '../domain/unit-rules.js';

// Presenters list their fields one by one, so internal columns (path, hashes) never leak by accident.

export function presentUnit(r: UnitRow) {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as UnitKind,
    code: r.code,
    name: r.name,
    districtCode: r.district_code,
    status: r.status as 'active' | 'retired',
    hasBoundary: r.has_boundary === true || Number(r.has_boundary) === 1,
    childCount: Number(r.child_count ?? 0),
  };
}
export type UnitView = ReturnType<typeof presentUnit>;

export function presentPerson(r: PersonRow, gridIds: string[], reveal: boolean) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as 'staff' | 'grid_worker' | 'volunteer',
    unitId: r.unit_id,
    unitName: r.unit_name,
    phone: reveal ? r.phone : maskPhone(r.phone),
    phoneMasked: !reveal && r.phone !== null,
    gridIds,
    accountId: r.account_id,
    status: r.status as 'active' | 'retired',
  };
}

/** A person as a command loaded them: the row, the grids they serve, whether the phone shows unmasked. */
export interface PersonData {
  row: PersonRow;
  gridIds: string[];
  reveal: boolean;
}

export const presentPersonData = (p: PersonData) => presentPerson(p.row, p.gridIds, p.reveal);
export const presentPeople = (l: { items: PersonData[] }) => ({ items: l.items.map(presentPersonData) });
export const presentUnits = (l: { items: UnitRow[] }) => ({ items: l.items.map(presentUnit) });

export function presentUnitDetail(d: { unit: UnitRow; ancestors: UnitRow[]; gridWorkers: PersonData[] }) {
  return {
    ...presentUnit(d.unit),
    ancestors: d.ancestors.map(presentUnit),
    gridWorkers: d.gridWorkers.map(presentPersonData),
  };
}

/** Where a point lies: its grid and the grid's ancestors, when it lies in one. */
export function presentLocation<P>(l: {
  point: P;
  found: boolean;
  inScope: boolean;
  grid: UnitRow | null;
  ancestors: UnitRow[];
}) {
  return { ...l, grid: l.grid ? presentUnit(l.grid) : null, ancestors: l.ancestors.map(presentUnit) };
}

export function presentAccount(r: AccountRow) {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    roles: JSON.parse(r.roles) as RoleCode[],
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    lastLoginAt: r.last_login_at,
    personId: r.person_id,
  };
}

export const presentAccounts = (l: { items: AccountRow[] }) => ({ items: l.items.map(presentAccount) });
export const presentNewAccount = (r: { account: AccountRow; temporaryPassword: string }) => ({
  account: presentAccount(r.account),
  temporaryPassword: r.temporaryPassword,
});
