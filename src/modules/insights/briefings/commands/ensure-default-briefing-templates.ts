import { newId } from '../../../../kernel/ids.js';
import type { InsightsDeps } from '../../deps.js';
import { defaultTemplates } from '../domain/briefing-defaults.js';
import { briefingStore } from '../store/briefing.store.js';
import { measureNames } from './compute-briefing.js';

/**
 * At every start: each default template written from the measures registered now (a sentence whose
 * measure is not registered is left out). A missing default is added; one nobody has edited is
 * rewritten when the measures changed (a module added its figures); one a person edited is theirs.
 */
export async function ensureDefaultBriefingTemplates(
  deps: Pick<InsightsDeps, 'database' | 'clock' | 'measures'>,
  districtCode: string,
): Promise<{ added: number; refreshed: number }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  let added = 0;
  let refreshed = 0;
  await deps.database.db.transaction().execute(async (trx) => {
    const existing = await briefingStore.templates(trx, districtCode);
    for (const d of defaultTemplates(measureNames(deps))) {
      const row = existing.find((t) => t.default_key === d.key);
      if (!row) {
        added++;
        await briefingStore.insertTemplate(trx, {
          id: newId(now.getTime()),
          district_code: districtCode,
          default_key: d.key,
          name: d.name,
          kind: d.kind,
          body: d.body,
          active: 1,
          updated_by: null,
          updated_by_name: null,
          created_at: at,
          updated_at: at,
        });
      } else if (row.updated_by === null && row.body !== d.body) {
        refreshed++;
        await briefingStore.updateTemplate(trx, row.id, { body: d.body, updated_at: at });
      }
    }
  });
  return { added, refreshed };
}
