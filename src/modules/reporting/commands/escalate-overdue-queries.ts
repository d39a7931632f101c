import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { Job } from '../../../kernel/jobs/scheduler.js';
import { notify } from '../../inbox/index.js';
import type { ReportingDeps } from '../deps.js';
import { reportQueryStore } from '../store/report-query.store.js';

/** Queries unanswered after 24 hours are flagged overdue and escalated to the sub-district and the asker, once. */
export async function escalateOverdueQueries(deps: ReportingDeps, now: Date): Promise<{ escalated: number }> {
  const db = deps.database.db;
  const due = await reportQueryStore.openDueBefore(db, now.toISOString());
  for (const q of due) {
    await db.transaction().execute(async (trx) => {
      if (!(await reportQueryStore.markOverdue(trx, q.id, now.toISOString()))) return;
      const above = (
        await deps.org.accountsCovering(trx, q.unit_path, ['subdistrict_staff', 'supervision_office'])
      ).map((a) => a.id);
      await notify(trx, {
        accountIds: [...new Set([q.asked_by, ...above])],
        districtCode: q.district_code,
        kind: 'report.query_overdue',
        title: '【数据核查超时】24 小时内未答复',
        body: `核查于 ${formatLocalDateTime(new Date(q.asked_at), deps.config.timeZone)} 发起，至今未答复。`,
        entityType: 'report_query',
        entityId: q.id,
        at: now,
      });
    });
  }
  return { escalated: due.length };
}

export function reportQueryJob(deps: ReportingDeps): Job {
  return { name: 'reporting.queries', everyMs: 5 * 60_000, run: (now) => escalateOverdueQueries(deps, now) };
}
