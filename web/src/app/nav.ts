/**
 * The navigation registry. Every feature module plugs its pages into the console here:
 * its menu entry (label, icon, order, required permission) and the page component behind it.
 * `app/modules.ts` is the one place that registers the modules; the router and the sider
 * menu are both built from this registry, so a module never edits the layout.
 */
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { ROLE_CODES, type RoleCode } from '../../../src/contracts/org';

export interface NavItem {
  /** Stable key; the menu entry gets `data-testid="nav-<key>"`. */
  key: string;
  /** Menu label (Chinese). */
  label: string;
  /** One line for the 工作台 quick-entry cards. */
  description?: string;
  /** Route path without the leading slash; '' is the home page. Sub-routes below it go to the page. */
  path: string;
  icon?: ReactNode;
  /** Lower comes first. */
  order: number;
  /** Shown only to accounts holding this permission (any one of them, for an array). */
  permission?: string | readonly string[];
  /**
   * In the menu only for these roles (any one of them), on top of the permission: for a page a role
   * may open but has no use for (领导视图 for a 社区工作者). The route stays open to the permission, so a
   * link from a message still works.
   */
  roles?: readonly RoleCode[];
  /** Key of a group registered with registerNavGroup, to nest the item in a sub-menu. */
  group?: string;
  /** Mounted outside the console's layout, filling the screen (the wall display); the menu still links to it. */
  fullScreen?: boolean;
  /** Not shown in the menu, but routed (e.g. detail pages). */
  hidden?: boolean;
  page: LazyExoticComponent<ComponentType> | ComponentType;
}

export interface NavGroup {
  key: string;
  label: string;
  icon?: ReactNode;
  order: number;
}

const items = new Map<string, NavItem>();
const groups = new Map<string, NavGroup>();

export function registerNav(...entries: NavItem[]): void {
  // A later registration under the same key replaces the earlier one (also what hot reload does).
  for (const e of entries) items.set(e.key, e);
}

export function registerNavGroup(...entries: NavGroup[]): void {
  for (const g of entries) groups.set(g.key, g);
}

export function allNavItems(): NavItem[] {
  return [...items.values()].sort((a, b) => a.order - b.order);
}

export function navGroup(key: string): NavGroup | undefined {
  return groups.get(key);
}

export function canSee(item: Pick<NavItem, 'permission'>, permissions: readonly string[]): boolean {
  if (!item.permission) return true;
  const needed = typeof item.permission === 'string' ? [item.permission] : item.permission;
  return needed.some((p) => permissions.includes(p));
}

/** Every role but these: for an entry only a few roles have no use for. */
export function allRolesBut(...left: RoleCode[]): readonly RoleCode[] {
  return ROLE_CODES.filter((r) => !left.includes(r));
}

export function fitsRoles(item: Pick<NavItem, 'roles'>, roles: readonly string[]): boolean {
  return !item.roles || item.roles.some((r) => roles.includes(r));
}

/** The menu entries (and 工作台 cards) an account is shown, in order. */
export function visibleNav(me: { permissions: readonly string[]; roles: readonly string[] }): NavItem[] {
  return allNavItems().filter((i) => !i.hidden && canSee(i, me.permissions) && fitsRoles(i, me.roles));
}
