import type { BriefingPreview, GenerateBriefingBody, PreviewBriefingBody } from '../../../../contracts/briefings.js';
import { authorize, authorizeAny, type Actor } from '../../../../kernel/auth/actor.js';
import { recordAudit } from '../../../../kernel/audit/audit.js';
import { Invalid, NotFound } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import { areaInScope } from '../../commands/access.js';
import type { InsightsDeps } from '../../deps.js';
import { zhDate } from '../domain/briefing-template.js';
import { briefingStore } from '../store/briefing.store.js';
import { computeBriefing, parseOrRefuse } from './compute-briefing.js';

/**
 * Writes a draft briefing for a unit in scope and a period from an active template: the text and
 * the figure behind each footnote, measured now. Nothing is written when the template names a
 * figure that cannot be measured for the caller.
 */
export async function generateBriefing(
  deps: InsightsDeps,
  actor: Actor,
  body: GenerateBriefingBody,
  requestId?: string,
): Promise<string> {
  authorize(actor, 'briefing.write');
  const db = deps.database.db;
  const template = await briefingStore.template(db, actor.districtCode, body.templateId);
  if (!template) throw new NotFound('briefing_template', body.templateId);
  if (!template.active)
    throw new Invalid('briefing.template_inactive', 'templateId: the template is retired', [
      { field: 'templateId', code: 'briefing.template_inactive', message: 'the template is retired' },
    ]);
  const unit = await areaInScope(deps, db, actor, body.unitId);
  const segments = parseOrRefuse(deps, template.body, 'templateId');
  const now = deps.clock.now();
  const days = { from: body.from, to: body.to };
  const r = await computeBriefing(deps, db, actor, segments, unit, days, now, 'templateId');
  const id = newId(now.getTime());
  const at = now.toISOString();
  const title = `${unit.name}${template.name}`.slice(0, 100);
  await db.transaction().execute(async (trx) => {
    await briefingStore.insert(trx, {
      id,
      district_code: actor.districtCode,
      template_id: template.id,
      template_name: template.name,
      title,
      unit_id: unit.id,
      unit_path: unit.path,
      unit_name: unit.name,
      unit_kind: unit.kind,
      period_from: body.from,
      period_to: body.to,
      as_of: at,
      text: r.text,
      figures: JSON.stringify(r.figures),
      state: 'draft',
      issued_version: 0,
      created_by: actor.accountId,
      created_by_name: actor.displayName,
      created_at: at,
      updated_at: at,
      issued_at: null,
    });
    await recordAudit(trx, {
      actor,
      action: 'briefing.generate',
      entityType: 'briefing',
      entityId: id,
      at: now,
      requestId,
      summary: `生成工作简报「${title}」（${zhDate(body.from)}至${zhDate(body.to)}）`,
    });
  });
  return id;
}

/** The editor's live preview of a body not saved yet, for a unit and a period: nothing is written. */
export async function previewBriefing(
  deps: InsightsDeps,
  actor: Actor,
  body: PreviewBriefingBody,
): Promise<BriefingPreview> {
  authorizeAny(actor, ['briefing.configure', 'briefing.write']);
  const db = deps.database.db;
  const segments = parseOrRefuse(deps, body.body, 'body');
  const unit = await areaInScope(deps, db, actor, body.unitId);
  return computeBriefing(deps, db, actor, segments, unit, body, deps.clock.now(), 'body');
}
