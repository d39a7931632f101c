import type { BriefingKind, BriefingTemplate } from '../../../../contracts/briefings.js';
import type { Actor } from '../../../../kernel/auth/actor.js';
import type { BriefingTemplateTable } from '../../../../kernel/db/schema.js';
import type { InsightsDeps } from '../../deps.js';
import { briefingStore } from '../store/briefing.store.js';

export function presentTemplate(t: BriefingTemplateTable): BriefingTemplate {
  return {
    id: t.id,
    name: t.name,
    kind: t.kind as BriefingKind,
    body: t.body,
    active: t.active === 1,
    isDefault: t.default_key !== null && t.updated_by === null,
    updatedBy: t.updated_by_name,
    updatedAt: t.updated_at,
  };
}

/** The district's templates, oldest first (the defaults lead). */
export async function listBriefingTemplates(deps: InsightsDeps, actor: Actor): Promise<BriefingTemplate[]> {
  return (await briefingStore.templates(deps.database.db, actor.districtCode)).map(presentTemplate);
}
