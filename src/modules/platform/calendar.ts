import type { Actor } from '../../kernel/auth/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import {
  calendarCacheOf,
  citeNotice,
  createCalendar,
  HOLIDAY_SCHEDULE,
  type WorkCalendar,
} from '../../kernel/calendar/index.js';
import type { Executor } from '../../kernel/db/db.js';
import { NotFound } from '../../kernel/errors.js';
import type { OrgDeps } from '../org/index.js';

/** The district's working calendar: the shipped schedule plus the admin's overrides from the database. */
export async function loadWorkCalendar(ex: Executor, districtCode: string, timeZone: string): Promise<WorkCalendar> {
  const rows = await ex
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('district_code', '=', districtCode)
    .orderBy('date')
    .execute();
  return createCalendar({
    timeZone,
    entries: rows.map((r) => ({ date: r.date, kind: r.kind as 'holiday' | 'workday', name: r.name ?? undefined })),
  });
}

/**
 * A fingerprint of a district's stored days (how many, latest change): calendar caches compare it
 * to notice a day set or removed by another server process.
 */
export async function calendarVersion(ex: Executor, districtCode: string): Promise<string> {
  const r = await ex
    .selectFrom('calendar_days')
    .select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('updated_at').as('latest')])
    .where('district_code', '=', districtCode)
    .executeTakeFirst();
  return `${Number(r?.n ?? 0)}|${r?.latest ?? ''}`;
}

export async function calendarYear(deps: OrgDeps, actor: Actor, year: number) {
  const db = deps.database.db;
  const cal = await loadWorkCalendar(db, actor.districtCode, deps.config.timeZone);
  const admin = await db
    .selectFrom('calendar_days')
    .selectAll()
    .where('district_code', '=', actor.districtCode)
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  const days = new Map<
    string,
    { date: string; kind: 'holiday' | 'workday'; name?: string; origin: 'official' | 'admin' }
  >();
  const shipped = HOLIDAY_SCHEDULE.find((y) => y.year === year);
  for (const p of shipped?.periods ?? []) {
    const name = p.mergedWith ? `${p.name}、${p.mergedWith}` : p.name;
    for (const d of p.daysOff) days.set(d, { date: d, kind: 'holiday', name, origin: 'official' });
    for (const d of p.makeupWorkdays)
      days.set(d, { date: d, kind: 'workday', name: `${name}调休`, origin: 'official' });
  }
  for (const r of admin)
    days.set(r.date, {
      date: r.date,
      kind: r.kind as 'holiday' | 'workday',
      name: r.name ?? undefined,
      origin: 'admin',
    });
  const coverage = cal.coverage(year);
  return {
    year,
    covered: coverage.covered,
    source: shipped ? citeNotice(shipped.notice) : (coverage.source ?? null),
    days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

export async function setCalendarDay(
  deps: OrgDeps,
  actor: Actor,
  date: string,
  input: { kind: 'holiday' | 'workday'; name?: string },
  requestId?: string,
) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('calendar_days')
      .selectAll()
      .where('district_code', '=', actor.districtCode)
      .where('date', '=', date)
      .executeTakeFirst();
    const values = {
      district_code: actor.districtCode,
      date,
      kind: input.kind,
      name: input.name ?? null,
      updated_by: actor.accountId,
      updated_at: now.toISOString(),
    };
    await trx
      .insertInto('calendar_days')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['district_code', 'date']).doUpdateSet({
          kind: values.kind,
          name: values.name,
          updated_by: values.updated_by,
          updated_at: values.updated_at,
        }),
      )
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'calendar.set_day',
      entityType: 'calendar_day',
      entityId: null,
      at: now,
      requestId,
      summary: `设置 ${date} 为${input.kind === 'holiday' ? '休息日' : '工作日'}${input.name ? `（${input.name}）` : ''}`,
      before: before ? { kind: before.kind, name: before.name } : null,
      after: { kind: input.kind, name: input.name ?? null },
    });
  });
  // Deadlines computed from now on use the new day.
  calendarCacheOf(deps.database.db).invalidate();
}

export async function deleteCalendarDay(deps: OrgDeps, actor: Actor, date: string, requestId?: string) {
  const now = deps.clock.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('calendar_days')
      .selectAll()
      .where('district_code', '=', actor.districtCode)
      .where('date', '=', date)
      .executeTakeFirst();
    if (!before) throw new NotFound('calendar_day', date);
    await trx
      .deleteFrom('calendar_days')
      .where('district_code', '=', actor.districtCode)
      .where('date', '=', date)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'calendar.delete_day',
      entityType: 'calendar_day',
      entityId: null,
      at: now,
      requestId,
      summary: `删除 ${date} 的日历设置`,
      before: { kind: before.kind, name: before.name },
    });
  });
  calendarCacheOf(deps.database.db).invalidate();
}
