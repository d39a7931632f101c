import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import { Invalid } from '../../../kernel/errors.js';
import { notify } from '../../inbox/index.js';
import type { ReportingDeps } from '../deps.js';
import { completeness, MISSING_PAGE_MAX, type CompletenessQueryInput } from './completeness.js';
import { reportStore } from '../store/report.store.js';

/** A period (the scheduled reminder's) or a range (一键催报 over what the 缺报名单 shows). */
export interface RemindInput {
  unitId?: string;
  period?: string;
  from?: string;
  to?: string;
}

type Entry = { unitId: string; unitName: string | null; period: string; deadline: string; overdue: boolean };

/** Every entry of one list (缺报 or 未到期) over the range, a page at a time (a district may miss thousands). */
async function wholeList(
  deps: ReportingDeps,
  actor: Actor,
  formId: string,
  q: Omit<CompletenessQueryInput, 'list'>,
  list: 'missing' | 'notDue',
): Promise<Entry[]> {
  const out: Entry[] = [];
  for (;;) {
    const page = await completeness(deps, actor, formId, {
      ...q,
      list,
      missingOffset: out.length,
      missingLimit: MISSING_PAGE_MAX,
    });
    out.push(...page.missing);
    if (!page.missing.length || out.length >= page.missingTotal) return out;
  }
}

/** At most this many periods are named in one unit's message; the rest are counted. */
const PERIODS_NAMED = 5;

/**
 * Reminds every unit that has not reported (催报): the 缺报 (past the deadline) and the 未到期 (still
 * open) reports of a period or a range. Each unit's reporters get one in-app message naming its
 * periods, and one 'report.missing' event for webhooks and group robots lists them all.
 */
export async function remindMissing(
  deps: ReportingDeps,
  actor: Actor,
  formId: string,
  input: RemindInput,
  requestId?: string,
  opts: { scheduled?: boolean } = {},
) {
  const from = input.period ?? input.from;
  const to = input.period ?? input.to;
  if (!from || !to)
    throw new Invalid('report.remind_range_required', 'a period, or from and to', [
      { field: from ? 'to' : 'from', code: 'report.remind_range_required', message: 'a period, or from and to' },
    ]);
  const q = { unitId: input.unitId, from, to };
  const entries = [
    ...(await wholeList(deps, actor, formId, q, 'missing')),
    ...(await wholeList(deps, actor, formId, q, 'notDue')),
  ];
  const byUnit = new Map<string, Entry[]>();
  for (const e of entries) {
    let l = byUnit.get(e.unitId);
    if (!l) byUnit.set(e.unitId, (l = []));
    l.push(e);
  }
  const now = deps.clock.now();
  const tz = deps.config.timeZone;
  const db = deps.database.db;
  const form = await reportStore.formName(db, formId);
  const span = from === to ? from : `${from} 至 ${to}`;
  let messages = 0;
  let unitsReached = 0;
  await db.transaction().execute(async (trx) => {
    for (const [unitId, list] of byUnit) {
      const unit = await deps.org.unit(trx, unitId);
      if (!unit) continue;
      const to = (
        await deps.org.accountsCovering(trx, unit.path, ['community_worker', 'grid_worker', 'subdistrict_staff'])
      ).filter((a) => a.unitId === unit.id);
      const periods = list.map((e) => e.period).sort();
      const named =
        periods.slice(0, PERIODS_NAMED).join('、') + (periods.length > PERIODS_NAMED ? ` 等 ${periods.length} 期` : '');
      const next = list
        .filter((e) => !e.overdue)
        .map((e) => e.deadline)
        .sort()[0];
      await notify(trx, {
        accountIds: to.map((a) => a.id),
        districtCode: actor.districtCode,
        kind: 'report.missing',
        title: `【催报】${form} ${periods.length === 1 ? periods[0] : span}`,
        body:
          `${unit.name}尚未报送${form}（${named}）` +
          (list.some((e) => e.overdue) ? '，已过截止时间' : '') +
          (next ? `；本期截止时间 ${formatLocalDateTime(new Date(next), tz)}` : '') +
          '。请尽快报送；无新增情况请提交零报告。',
        entityType: 'report_form',
        entityId: formId,
        at: now,
      });
      messages += to.length;
      if (to.length) unitsReached++;
    }
    if (byUnit.size && deps.enqueueEvent) {
      const units = [...byUnit.values()].map((l) => ({ unitId: l[0].unitId, unitName: l[0].unitName }));
      await deps.enqueueEvent(trx, {
        districtCode: actor.districtCode,
        type: 'report.missing',
        at: now,
        payload: { formId, from, to, ...(from === to ? { period: from } : {}), units },
        text: `【催报】${form} ${span}：${units.map((u) => u.unitName).join('、')} 尚未报送`,
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
      summary: `催报「${form}」${span}：${byUnit.size} 个单位、${entries.length} 份未报，发出 ${messages} 条消息`,
    });
  });
  return {
    from,
    to,
    missingUnits: byUnit.size,
    missingReports: entries.length,
    unitsReached,
    messages,
  };
}
