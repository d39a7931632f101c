import type {
  BriefingDetail,
  BriefingListQuery,
  BriefingSummary,
  BriefingVersion,
} from '../../../../contracts/briefings.js';
import { can, type Actor } from '../../../../kernel/auth/actor.js';
import type { BriefingFigure } from '../../../../contracts/briefings.js';
import { NotFound } from '../../../../kernel/errors.js';
import { areaInScope } from '../../commands/access.js';
import type { InsightsDeps } from '../../deps.js';
import { briefingStore } from '../store/briefing.store.js';
import { isDrafter, loadVisibleBriefing, presentDetail, presentSummary } from './briefing-access.js';

/** Briefings under a unit in scope (the caller's own by default), newest first. */
export async function listBriefings(
  deps: InsightsDeps,
  actor: Actor,
  q: BriefingListQuery,
): Promise<BriefingSummary[]> {
  const db = deps.database.db;
  const path = q.unitId ? (await areaInScope(deps, db, actor, q.unitId)).path : actor.scopePath;
  const rows = await briefingStore.list(db, {
    districtCode: actor.districtCode,
    path,
    drafter: can(actor, 'briefing.write') ? { accountId: actor.accountId, unitPath: actor.scopePath } : null,
  });
  return rows.map(presentSummary);
}

/**
 * One briefing: its draft for those who write briefings, else its last issued version; with
 * `version`, that issued version as it was issued.
 */
export async function getBriefing(
  deps: InsightsDeps,
  actor: Actor,
  id: string,
  version?: number,
): Promise<BriefingDetail> {
  const db = deps.database.db;
  const b = await loadVisibleBriefing(db, actor, id);
  const versions = await briefingStore.versions(db, id);
  const drafter = isDrafter(actor, b);
  const wanted = version ?? (drafter ? null : b.issued_version);
  if (wanted === null) return presentDetail(b, versions, null, drafter);
  const shown = versions.find((v) => v.version === wanted);
  if (!shown) throw new NotFound('briefing_version', `${id}/${wanted}`);
  return presentDetail(b, versions, shown, drafter);
}

/** An issued version as it was issued. */
export async function getBriefingVersion(
  deps: InsightsDeps,
  actor: Actor,
  id: string,
  version: number,
): Promise<BriefingVersion> {
  const db = deps.database.db;
  await loadVisibleBriefing(db, actor, id);
  const v = await briefingStore.version(db, id, version);
  if (!v) throw new NotFound('briefing_version', `${id}/${version}`);
  return {
    version: v.version,
    issuedBy: v.issued_by_name,
    issuedAt: v.issued_at,
    title: v.title,
    text: v.text,
    figures: JSON.parse(v.figures) as BriefingFigure[],
  };
}
