import type { Executor } from '../../../kernel/db/db.js';
import type { VenueTable } from '../../../kernel/db/schema.js';
import type { VenuesDeps } from '../deps.js';
import { settingList } from './venue-settings.js';

export interface VenueNames {
  typeName(code: string): string;
  grid(v: Pick<VenueTable, 'grid_id'>): { id: string; name: string };
  community(v: Pick<VenueTable, 'grid_path'>): { id: string; name: string } | null;
}

/**
 * The names a venue is shown with (its type, grid and community), loaded once for a page of venues
 * by the command, so the presenter reads no database.
 */
export async function loadVenueNames(
  deps: VenuesDeps,
  ex: Executor,
  districtCode: string,
  rows: readonly Pick<VenueTable, 'grid_id' | 'grid_path'>[],
): Promise<VenueNames> {
  const types = new Map((await settingList(ex, 'types', districtCode)).map((t) => [t.code, t.name]));
  const ids = [...new Set(rows.flatMap((r) => r.grid_path.split('/').filter(Boolean)))];
  const units = await deps.org.unitsByIds(ex, ids);
  return {
    typeName: (code) => types.get(code) ?? code,
    grid: (v) => ({ id: v.grid_id, name: units.get(v.grid_id)?.name ?? '' }),
    community: (v) => {
      const c = v.grid_path
        .split('/')
        .filter(Boolean)
        .map((id) => units.get(id))
        .find((u) => u?.kind === 'community' || u?.kind === 'village');
      return c ? { id: c.id, name: c.name } : null;
    },
  };
}
