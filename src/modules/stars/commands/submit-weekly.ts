import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { WeeklyBody } from '../../../contracts/stars-cycle.js';
import { markUploadsAttached, ownUploadedFileIds } from '../../files/index.js';
import type { CycleDeps } from '../cycle-deps.js';
import { isMonday, mondayOf } from '../domain/weeks.js';
import { weeklyStore } from '../store/weekly.store.js';
import { branchOr404, calendarFor, fieldProblem, todayOf } from './cycle-access.js';

/**
 * A branch's weekly progress (每周推进) for a week. A second report for the same week amends the
 * first rather than being refused: the secretary who forgot a photo or a line expects to add it, and a
 * 409 would only make them phone the 街道. Every version is kept (history on the report), and on time
 * or late is judged by the first, so an amendment after the due day does not turn a timely week late.
 */
export async function submitWeekly(
  deps: CycleDeps,
  actor: Actor,
  branchId: string,
  week: string,
  body: WeeklyBody & { fileIds: string[] },
  requestId?: string,
): Promise<{ id: string; created: boolean }> {
  authorize(actor, 'star.report');
  const db = deps.database.db;
  const { branch } = await branchOr404(deps, db, actor, branchId);
  if (!isMonday(week)) throw fieldProblem('week', 'weekly.week_not_monday');
  const calendar = await calendarFor(deps, db, actor.districtCode);
  if (week > mondayOf(todayOf(deps, calendar))) throw fieldProblem('week', 'weekly.week_future');
  const seen = new Set<string>();
  body.fileIds.forEach((f, i) => {
    if (seen.has(f)) throw fieldProblem(`fileIds[${i}]`, 'weekly.file_repeated');
    seen.add(f);
  });
  const now = deps.clock.now();
  const at = now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await weeklyStore.byBranchWeek(trx, branch.id, week);
      const carried = before ? await weeklyStore.fileIdsOf(trx, before.id) : new Set<string>();
      const own = await ownUploadedFileIds(trx, actor.districtCode, actor.accountId, body.fileIds);
      body.fileIds.forEach((f, i) => {
        if (!own.has(f) && !carried.has(f)) throw fieldProblem(`fileIds[${i}]`, 'weekly.file_unknown');
      });
      await markUploadsAttached(trx, [...own], now);
      const files = JSON.stringify(body.fileIds);
      const who = { submitted_at: at, submitted_by: actor.accountId, submitted_by_name: actor.displayName };
      const id = before?.id ?? newId(now.getTime());
      const revision = (before?.revision ?? 0) + 1;
      if (before) {
        if (
          !(await weeklyStore.amend(trx, id, before.revision, { text: body.text, file_ids: files, revision, ...who }))
        )
          throw new Conflict('weekly.amended_meanwhile', 'the report was amended meanwhile');
      } else {
        await weeklyStore.insert(trx, {
          id,
          district_code: actor.districtCode,
          branch_id: branch.id,
          branch_path: branch.path,
          week: week,
          text: body.text,
          file_ids: files,
          revision,
          first_submitted_at: at,
          ...who,
        });
      }
      await weeklyStore.insertRevision(
        trx,
        { report_id: id, revision, text: body.text, file_ids: files, ...who },
        body.fileIds,
      );
      await recordAudit(trx, {
        actor,
        action: before ? 'star.weekly_amend' : 'star.weekly_report',
        entityType: 'star_weekly_report',
        entityId: id,
        at: now,
        requestId,
        summary: `${branch.name} ${week} 周推进${before ? `（第 ${revision} 次修改）` : ''}`,
        ...(before ? { before: { text: before.text, fileIds: JSON.parse(before.file_ids) } } : {}),
        after: { text: body.text, fileIds: body.fileIds },
      });
      return { id, created: !before };
    });
  } catch (err) {
    // Two first reports of the same week at once: the second is told, not merged blindly.
    if (isUniqueViolation(err)) throw new Conflict('weekly.amended_meanwhile', 'reported meanwhile');
    throw err;
  }
}
