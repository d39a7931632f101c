import type { BriefingDetail, BriefingFigure, BriefingSummary } from '../../../../contracts/briefings.js';
import type { UnitKind } from '../../../../contracts/org.js';
import { can, inScope, type Actor } from '../../../../kernel/auth/actor.js';
import type { Executor } from '../../../../kernel/db/db.js';
import type { BriefingTable, BriefingVersionTable } from '../../../../kernel/db/schema.js';
import { Forbidden, NotFound } from '../../../../kernel/errors.js';
import { briefingStore } from '../store/briefing.store.js';

/**
 * The briefing's drafting office: whoever drafted it, and the writers of the unit it is about (a
 * 街道's staff for the 街道's briefing). They see and edit its draft; everyone else in scope — the
 * district reading what a 街道 sends up — sees its issued versions only.
 */
export function isDrafter(actor: Actor, b: Pick<BriefingTable, 'created_by' | 'unit_path'>): boolean {
  return can(actor, 'briefing.write') && (b.created_by === actor.accountId || actor.scopePath === b.unit_path);
}

/** A briefing the caller may see: of their district and scope; one never issued only by its drafting office. */
export async function loadVisibleBriefing(ex: Executor, actor: Actor, id: string): Promise<BriefingTable> {
  const b = await briefingStore.findById(ex, id);
  if (
    !b ||
    b.district_code !== actor.districtCode ||
    !inScope(actor, b.unit_path) ||
    (b.issued_version === 0 && !isDrafter(actor, b))
  )
    throw new NotFound('briefing', id);
  return b;
}

/** A briefing the caller may edit or issue: its drafting office's (others get 403). */
export async function loadDraftableBriefing(ex: Executor, actor: Actor, id: string): Promise<BriefingTable> {
  const b = await loadVisibleBriefing(ex, actor, id);
  if (!isDrafter(actor, b))
    throw new Forbidden('briefing.not_drafter', 'only the drafting office edits or issues a briefing');
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
  drafter: boolean,
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
    drafter,
  };
}
