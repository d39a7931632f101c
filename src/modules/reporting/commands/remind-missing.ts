import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { notify } from '../../inbox/index.js';
import type { ReportingDeps } from '../deps.js';
import { completeness, MISSING_PAGE_MAX } from './completeness.js';
import { reportStore } from '../store/report.store.js';

/**
 * Reminds every unit still missing a period's report (催报): an in-app message to the unit's
 * reporters, and one 'report.missing' event for webhooks and group robots listing them all.
 */
export async function remindMissing(
  deps: ReportingDeps,
  actor: Actor,
  formId: string,
  q: { unitId?: string; period: string },
  requestId?: string,
  opts: { scheduled?: boolean } = {},
) {
  const c = await completeness(deps, actor, formId, {
    unitId: q.unitId,
    from: q.period,
    to: q.period,
    missingLimit: MISSING_PAGE_MAX,
  });
  // The whole list, a page at a time (a district may have thousands of units missing).
  while (c.missing.length < c.missingTotal) {
    const next = await completeness(deps, actor, formId, {
      unitId: q.unitId,
      from: q.period,
      to: q.period,
      missingOffset: c.missing.length,
      missingLimit: MISSING_PAGE_MAX,
    });
    if (!next.missing.length) break;
    c.missing.push(...next.missing);
  }
  const now = deps.clock.now();
  const db = deps.database.db;
  const form = await reportStore.formName(db, formId);
  let messages = 0;
  await db.transaction().execute(async (trx) => {
    for (const m of c.missing) {
      const unit = await deps.org.unit(trx, m.unitId);
      if (!unit) continue;
      const to = (
        await deps.org.accountsCovering(trx, unit.path, ['community_worker', 'grid_worker', 'subdistrict_staff'])
      ).filter((a) => a.unitId === unit.id);
      await notify(trx, {
        accountIds: to.map((a) => a.id),
        districtCode: actor.districtCode,
        kind: 'report.missing',
        title: `【催报】${form} ${m.period}`,
        body: `${unit.name}尚未报送${form}（${m.period}），截止时间 ${formatLocalDateTime(new Date(m.deadline), deps.config.timeZone)}。请尽快报送；无新增情况请提交零报告。`,
        entityType: 'report_form',
        entityId: formId,
        at: now,
      });
      messages += to.length;
    }
    if (c.missing.length && deps.enqueueEvent) {
      await deps.enqueueEvent(trx, {
        districtCode: actor.districtCode,
        type: 'report.missing',
        at: now,
        payload: {
          formId,
          period: q.period,
          units: c.missing.map((m) => ({ unitId: m.unitId, unitName: m.unitName })),
        },
        text: `【催报】${form} ${q.period}：${c.missing.map((m) => m.unitName).join('、')} 尚未报送`,
      });
    }
    // A scheduled reminder is the system's act (系统), not the account whose scope it used.
    await recordAudit(trx, {
      actor: opts.scheduled ? null : actor,
      districtCode: actor.districtCode,
      action: opts.scheduled ? 'report.remind_scheduled' : 'report.remind',
      entityType: 'report_form',
      entityId: formId,
      at: now,
      requestId,
      summary: `催报「${form}」${q.period}：${c.missing.length} 个单位`,
    });
  });
  return { period: q.period, missingUnits: c.missing.length, messages };
}
