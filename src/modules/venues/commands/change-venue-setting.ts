import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { NotFound } from '../../../kernel/errors.js';
import type { VenuesDeps } from '../deps.js';
import { venueSettingsStore } from '../store/venue-settings.store.js';
import { assertCanConfigure, SETTING_TABLES, settingList, type SettingKind } from './venue-settings.js';

const WHAT: Record<SettingKind, string> = { types: '场所类型', checkItems: '检查项' };

/**
 * Adds a venue type or checklist item at the end of the district's list. Its code is made here
 * (t11, c6 …) and never changes; people see only the name.
 */
export async function addVenueSetting(
  deps: VenuesDeps,
  actor: Actor,
  kind: SettingKind,
  name: string,
  requestId?: string,
) {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    await assertCanConfigure(deps, trx, actor);
    const table = SETTING_TABLES[kind];
    const rows = await venueSettingsStore.list(trx, table, actor.districtCode);
    const prefix = kind === 'types' ? 't' : 'c';
    let n = rows.length + 1;
    while (rows.some((r) => r.code === `${prefix}${n}`)) n++;
    const code = `${prefix}${n}`;
    const seq = Math.max(0, ...rows.map((r) => r.seq)) + 10;
    await venueSettingsStore.addMissing(trx, table, [
      { district_code: actor.districtCode, code, name, seq, active: 1 },
    ]);
    await recordAudit(trx, {
      actor,
      action: 'venue.settings',
      entityType: ({ types: 'venue_types', checkItems: 'venue_check_items' } as const)[kind],
      entityId: code,
      at: now,
      requestId,
      summary: `新增${WHAT[kind]}「${name}」`,
    });
    return settingList(trx, kind, actor.districtCode);
  });
}

/** Renames, retires or restores an entry; its code, and every record that uses it, stay. */
export async function updateVenueSetting(
  deps: VenuesDeps,
  actor: Actor,
  kind: SettingKind,
  code: string,
  patch: { name?: string; active?: boolean },
  requestId?: string,
) {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    await assertCanConfigure(deps, trx, actor);
    const table = SETTING_TABLES[kind];
    const before = await venueSettingsStore.find(trx, table, actor.districtCode, code);
    if (!before) throw new NotFound(kind === 'types' ? 'venue_type' : 'venue_check_item', code);
    await venueSettingsStore.update(trx, table, actor.districtCode, code, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    });
    const what = [
      patch.name !== undefined && patch.name !== before.name ? `改名为「${patch.name}」` : null,
      patch.active === false && before.active === 1 ? '停用' : null,
      patch.active === true && before.active === 0 ? '恢复启用' : null,
    ].filter(Boolean);
    await recordAudit(trx, {
      actor,
      action: 'venue.settings',
      entityType: ({ types: 'venue_types', checkItems: 'venue_check_items' } as const)[kind],
      entityId: code,
      at: now,
      requestId,
      summary: `${WHAT[kind]}「${before.name}」${what.join('，') || '未变更'}`,
      before: { name: before.name, active: before.active === 1 },
      after: { name: patch.name ?? before.name, active: patch.active ?? before.active === 1 },
    });
    return settingList(trx, kind, actor.districtCode);
  });
}
