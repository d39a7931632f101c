import type { BriefingDetail, BriefingFigure, BriefingSummary } from '../../../../contracts/briefings.js';
import type { UnitKind } from '../../../../contracts/org.js';
import { can, inScope, type Actor } from '../../../../kernel/auth/actor.js';
import type { Executor } from '../../../../kernel/db/db.js';
import type { BriefingTable, BriefingVersionTable } from '../../../../kernel/db/schema.js';
import { NotFound } from '../../../../kernel/errors.js';
import { briefingStore } from '../store/briefing.store.js';

/**
 * A briefing the caller may see: of their district and scope; one never issued only by those who
 * write briefings (a reader holding insight.read alone sees issued briefings).
 */
export async function loadVisibleBriefing(ex: Executor, actor: Actor, id: string): Promise<BriefingTable> {
  const b = await briefingStore.findById(ex, id);
  if (
    !b ||
    b.district_code !== actor.districtCode ||
    !inScope(actor, b.unit_path) ||
    (b.issued_version === 0 && !can(actor, 'briefing.write'))
  )
    throw new NotFound('briefing', id);
  return b;
}

export function presentSummary(b: Omit<BriefingTable, 'text' | 'figures'>): BriefingSummary {
  return {
    id: b.id,
    title: b.title,
    templateName: b.template_name,
    unit: { id: b.unit_id, name: b.unit_name, kind: b.unit_kind as UnitKind },
    from: b.period_from,
    to: b.period_to,
    state: b.state as BriefingSummary['state'],
    issuedVersion: b.issued_version,
    createdBy: b.created_by_name,
    updatedAt: b.updated_at,
    issuedAt: b.issued_at,
  };
}

/** The draft as it stands, or (version given) an issued version's title, text and figures. */
export function presentDetail(
  b: BriefingTable,
  versions: readonly BriefingVersionTable[],
  shown: BriefingVersionTable | null,
): BriefingDetail {
  return {
    ...presentSummary(b),
    templateId: b.template_id,
    asOf: b.as_of,
    title: shown?.title ?? b.title,
    text: shown?.text ?? b.text,
    figures: JSON.parse(shown?.figures ?? b.figures) as BriefingFigure[],
    version: shown?.version ?? null,
    issuedBy: versions.at(-1)?.issued_by_name ?? null,
    versions: versions.map((v) => ({ version: v.version, issuedBy: v.issued_by_name, issuedAt: v.issued_at })),
  };
}
