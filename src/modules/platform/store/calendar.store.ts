import type { Executor } from '../../../kernel/db/db.js';
import type { CalendarDayTable } from '../../../kernel/db/schema.js';

/** The admin's overrides of the working calendar (调休 not yet shipped, local days off). */
export const calendarStore = {
  /** Every stored day of a district, by date. */
  async days(ex: Executor, districtCode: string) {
    return ex
      .selectFrom('calendar_days')
      .select(['date', 'kind', 'name'])
      .where('district_code', '=', districtCode)
      .orderBy('date')
      .execute();
  },
  /** How many days are stored and when the latest changed. */
  async fingerprint(ex: Executor, districtCode: string) {
    return ex
      .selectFrom('calendar_days')
      .select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('updated_at').as('latest')])
      .where('district_code', '=', districtCode)
      .executeTakeFirst();
  },
  async daysOfYear(ex: Executor, districtCode: string, year: number): Promise<CalendarDayTable[]> {
    return ex
      .selectFrom('calendar_days')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .execute();
  },
  async find(ex: Executor, districtCode: string, date: string): Promise<CalendarDayTable | undefined> {
    return ex
      .selectFrom('calendar_days')
      .selectAll()
      .where('district_code', '=', districtCode)
      .where('date', '=', date)
      .executeTakeFirst();
  },
  /** Inserts the day or replaces the stored one of the same date. */
  async upsert(ex: Executor, row: CalendarDayTable): Promise<void> {
    await ex
      .insertInto('calendar_days')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['district_code', 'date']).doUpdateSet({
          kind: row.kind,
          name: row.name,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },
  async delete(ex: Executor, districtCode: string, date: string): Promise<void> {
    await ex.deleteFrom('calendar_days').where('district_code', '=', districtCode).where('date', '=', date).execute();
  },
};
