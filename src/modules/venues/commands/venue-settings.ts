import type { Actor } from '../../../kernel/auth/actor.js';
import { can } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Forbidden, Invalid } from '../../../kernel/errors.js';
import type { VenuesDeps } from '../deps.js';
import type { ChecklistItem } from '../domain/inspection-rules.js';
import { venueSettingsStore, type SettingList } from '../store/venue-settings.store.js';

/** The two lists by their API name. */
export const SETTING_TABLES = { types: 'venue_types', checkItems: 'venue_check_items' } as const satisfies Record<
  string,
  SettingList
>;
export type SettingKind = keyof typeof SETTING_TABLES;

/** The district's list, in order (retired entries too, marked). */
export async function settingList(ex: Executor, kind: SettingKind, districtCode: string): Promise<ChecklistItem[]> {
  return (await venueSettingsStore.list(ex, SETTING_TABLES[kind], districtCode)).map((r) => ({
    code: r.code,
    name: r.name,
    active: r.active === 1,
  }));
}

/** Keeping the district's lists is for venue.write over the whole district (the admin), not a 街道 or 社区. */
export async function canConfigure(deps: VenuesDeps, ex: Executor, actor: Actor): Promise<boolean> {
  if (!can(actor, 'venue.write')) return false;
  const root = await deps.org.unitByCode(ex, actor.districtCode);
  return !!root && actor.scopePath === root.path;
}

export async function assertCanConfigure(deps: VenuesDeps, ex: Executor, actor: Actor): Promise<void> {
  if (!(await canConfigure(deps, ex, actor)))
    throw new Forbidden('venue.settings_denied', 'only district-wide venue managers keep the venue lists');
}

/** An active type of the district, or the field problem naming typeCode. */
export async function assertActiveType(ex: Executor, districtCode: string, code: string): Promise<void> {
  const t = await venueSettingsStore.find(ex, 'venue_types', districtCode, code);
  if (!t || t.active !== 1)
    throw new Invalid('venue.type_unknown', `no active venue type ${code}`, [
      { field: 'typeCode', code: 'venue.type_unknown', message: 'no such active venue type', params: { code } },
    ]);
}
