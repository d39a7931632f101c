import { claimUploads } from '../../files/index.js';
import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Forbidden, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../inbox/index.js';
import type { ProgressReportBody } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { taskStore } from '../store/task.store.js';
import { calendarFor, refreshTreeOf } from './refresh.js';
import { loadVisibleTask, taskAbilities } from './task-access.js';

/** The lead unit reports progress, optionally completing milestones and attaching evidence. */
export async function addProgressReport(
  deps: SupervisionDeps,
  actor: Actor,
  taskId: string,
  body: z.output<typeof ProgressReportBody>,
  requestId?: string,
) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await loadVisibleTask(trx, actor, taskId);
    if (!taskAbilities(actor, row, []).report)
      throw new Forbidden('supervision.report_forbidden', 'only the lead unit reports progress', { act: 'report' });
    const cal = await calendarFor(deps, trx, row.district_code);
    const today = cal.localDate(now);
    const problems: FieldProblem[] = [];
    if (today < row.start_on)
      problems.push({
        field: 'reportedOn',
        code: 'progress.before_start',
        params: { start: row.start_on },
        message: `the task starts on ${row.start_on}`,
      });
    const milestones = await taskStore.milestones(trx, row.id);
    body.milestoneIds.forEach((mid, i) => {
      const m = milestones.find((x) => x.id === mid);
      if (!m)
        problems.push({
          field: `milestoneIds[${i}]`,
          code: 'milestone.not_of_task',
          message: 'not a milestone of the task',
        });
      else if (m.done_on)
        problems.push({
          field: `milestoneIds[${i}]`,
          code: 'milestone.done',
          params: { title: m.title, doneOn: m.done_on },
          message: `milestone ${m.id} was done on ${m.done_on}`,
        });
    });
    const files = await taskStore.existingFileIds(trx, body.fileIds);
    body.fileIds.forEach((f, i) => {
      if (!files.includes(f))
        problems.push({ field: `fileIds[${i}]`, code: 'file.not_uploaded', message: `no file ${f}` });
    });
    if (problems.length) throw new Invalid('supervision.invalid_report', problems[0].message, problems);
    await claimUploads(trx, actor, now, [['fileIds', body.fileIds]]);
    const reportId = newId(now.getTime());
    await taskStore.insertReport(
      trx,
      {
        id: reportId,
        district_code: row.district_code,
        task_id: row.id,
        reported_on: today,
        percent: body.percent,
        content: body.content,
        file_ids: JSON.stringify(body.fileIds),
        account_id: actor.accountId,
        author_name: actor.displayName,
        unit_id: actor.unitId,
        created_at: now.toISOString(),
      },
      [...new Set(body.fileIds)].map((f) => ({ file_id: f, task_id: row.id, report_id: reportId })),
    );
    await taskStore.markMilestonesDone(trx, body.milestoneIds, today, actor.accountId);
    await taskStore.bumpVersion(trx, row, now);
    if (row.lead_leader_id) {
      await notify(trx, {
        accountIds: [row.lead_leader_id],
        districtCode: row.district_code,
        kind: 'task.progress',
        title: `【进度报告】${row.title} ${body.percent}%`,
        body: body.content,
        entityType: 'task',
        entityId: row.id,
        at: now,
      });
    }
    await recordAudit(trx, {
      actor,
      action: 'task.report',
      entityType: 'task',
      entityId: row.id,
      at: now,
      requestId,
      summary: `报送进度 ${body.percent}%${body.milestoneIds.length ? `，完成时间节点 ${body.milestoneIds.length} 个` : ''}`,
    });
    await refreshTreeOf(deps, trx, row.tree_path, now, cal);
  });
}
