import type { BriefingTemplate, BriefingTemplateBody } from '../../../../contracts/briefings.js';
import { authorize, type Actor } from '../../../../kernel/auth/actor.js';
import { recordAudit } from '../../../../kernel/audit/audit.js';
import { NotFound } from '../../../../kernel/errors.js';
import { newId } from '../../../../kernel/ids.js';
import type { InsightsDeps } from '../../deps.js';
import { canonicalBody } from '../domain/briefing-template.js';
import { briefingStore } from '../store/briefing.store.js';
import { parseOrRefuse } from './compute-briefing.js';
import { presentTemplate } from './list-briefing-templates.js';

/**
 * Creates a template (briefing.configure). Its body is parsed against the measures registered: an
 * unknown placeholder is a 422 naming `body` and the placeholder, and nothing is written. Names
 * the author typed (labels) are stored as codes.
 */
export async function createBriefingTemplate(
  deps: InsightsDeps,
  actor: Actor,
  body: BriefingTemplateBody,
  requestId?: string,
): Promise<BriefingTemplate> {
  authorize(actor, 'briefing.configure');
  const text = canonicalBody(parseOrRefuse(deps, body.body, 'body'));
  const now = deps.clock.now();
  const id = newId(now.getTime());
  const row = {
    id,
    district_code: actor.districtCode,
    default_key: null,
    name: body.name,
    kind: body.kind,
    body: text,
    active: body.active ? 1 : 0,
    updated_by: actor.accountId,
    updated_by_name: actor.displayName,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await briefingStore.insertTemplate(trx, row);
    await recordAudit(trx, {
      actor,
      action: 'briefing_template.create',
      entityType: 'briefing_template',
      entityId: id,
      at: now,
      requestId,
      summary: `新建简报模板「${body.name}」`,
      after: { name: body.name, kind: body.kind, body: text, active: body.active },
    });
  });
  return presentTemplate(row);
}

/** Edits a template; a default edited by a person is no longer rewritten at start. */
export async function updateBriefingTemplate(
  deps: InsightsDeps,
  actor: Actor,
  id: string,
  body: BriefingTemplateBody,
  requestId?: string,
): Promise<BriefingTemplate> {
  authorize(actor, 'briefing.configure');
  const text = canonicalBody(parseOrRefuse(deps, body.body, 'body'));
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const before = await briefingStore.template(trx, actor.districtCode, id);
    if (!before) throw new NotFound('briefing_template', id);
    const set = {
      name: body.name,
      kind: body.kind,
      body: text,
      active: body.active ? 1 : 0,
      updated_by: actor.accountId,
      updated_by_name: actor.displayName,
      updated_at: now.toISOString(),
    };
    await briefingStore.updateTemplate(trx, id, set);
    await recordAudit(trx, {
      actor,
      action: 'briefing_template.update',
      entityType: 'briefing_template',
      entityId: id,
      at: now,
      requestId,
      summary: `修改简报模板「${body.name}」`,
      before: { name: before.name, kind: before.kind, body: before.body, active: before.active === 1 },
      after: { name: body.name, kind: body.kind, body: text, active: body.active },
    });
    return presentTemplate({ ...before, ...set });
  });
}
