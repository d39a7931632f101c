import type { BriefingFigure, EditBriefingBody } from '../../../../contracts/briefings.js';
import { authorize, type Actor } from '../../../../kernel/auth/actor.js';
import { recordAudit } from '../../../../kernel/audit/audit.js';
import { Conflict, Invalid } from '../../../../kernel/errors.js';
import type { InsightsDeps } from '../../deps.js';
import { checkFootnotes } from '../domain/briefing-text.js';
import { briefingStore } from '../store/briefing.store.js';
import { loadDraftableBriefing } from './briefing-access.js';

/**
 * Edits the text (and title) of a briefing. An issued version stays as issued: editing after an
 * issue opens the next version's draft. A footnoted number must still be its figure (422 naming `text`).
 */
export async function editBriefing(
  deps: InsightsDeps,
  actor: Actor,
  id: string,
  body: EditBriefingBody,
  requestId?: string,
): Promise<void> {
  authorize(actor, 'briefing.write');
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const b = await loadDraftableBriefing(trx, actor, id);
    const problem = checkFootnotes(body.text, JSON.parse(b.figures) as BriefingFigure[]);
    if (problem) throw new Invalid(problem.code, problem.message, [{ field: 'text', ...problem }], problem.params);
    const title = body.title ?? b.title;
    await briefingStore.update(trx, id, { text: body.text, title, state: 'draft', updated_at: now.toISOString() });
    await recordAudit(trx, {
      actor,
      action: 'briefing.edit',
      entityType: 'briefing',
      entityId: id,
      at: now,
      requestId,
      summary: `修改工作简报「${title}」（第${b.issued_version + 1}版草稿）`,
    });
  });
}

/** Issues the draft as the next version, kept as issued; nothing new to issue is a 409. */
export async function issueBriefing(deps: InsightsDeps, actor: Actor, id: string, requestId?: string): Promise<void> {
  authorize(actor, 'briefing.write');
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    const b = await loadDraftableBriefing(trx, actor, id);
    if (b.state === 'issued')
      throw new Conflict('briefing.already_issued', 'the briefing has no changes since its last issue', [], {
        version: b.issued_version,
      });
    const version = b.issued_version + 1;
    await briefingStore.insertVersion(trx, {
      briefing_id: id,
      version,
      title: b.title,
      text: b.text,
      figures: b.figures,
      issued_by: actor.accountId,
      issued_by_name: actor.displayName,
      issued_at: at,
    });
    await briefingStore.update(trx, id, { state: 'issued', issued_version: version, issued_at: at, updated_at: at });
    await recordAudit(trx, {
      actor,
      action: 'briefing.issue',
      entityType: 'briefing',
      entityId: id,
      at: now,
      requestId,
      summary: `签发工作简报「${b.title}」第${version}版`,
    });
  });
}
