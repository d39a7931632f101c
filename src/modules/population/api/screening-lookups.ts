import { sql } from 'kysely';
import type { Dialect, Executor } from '../../../kernel/db/db.js';

// What the screening module (排查名单, 协查) asks of the people on record: the GB 11643 rule, the
// placing of a person on a grid, and who in the district already has a given ID number — one at a
// time, or a pushed-down list of up to 100,000 numbers at once (the dedupe of issue 12's bench (a)).

export { checkIdNumber, idCheckChar, type IdNumberCheck, type IdNumberProblem } from '../domain/id-number.js';
export { resolvePlace, gridRefs, type Place } from '../commands/place-context.js';

/** A resident found by ID number, with the grid they live in (their household's, else their own). */
export interface KnownPerson {
  residentId: string;
  idNumber: string;
  name: string;
  householdId: string | null;
  /** The grid of the person's household (or the person's own grid without one). */
  gridId: string;
  gridPath: string;
}

/** Rows per query: under SQLite's 32,766 bound parameters, and PostgreSQL's 65,535. */
const CHUNK = 10_000;

/**
 * The residents of the district holding any of the ID numbers, by number (numbers nobody holds are
 * absent). One indexed query per 10,000 numbers on (district_code, id_number); on PostgreSQL the
 * numbers go as one array parameter.
 */
export async function residentsByIdNumbers(
  ex: Executor,
  dialect: Dialect,
  districtCode: string,
  idNumbers: readonly string[],
): Promise<Map<string, KnownPerson>> {
  const out = new Map<string, KnownPerson>();
  const unique = [...new Set(idNumbers)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    const q = ex
      .selectFrom('pop_residents as r')
      .leftJoin('pop_households as h', 'h.id', 'r.household_id')
      .select([
        'r.id as residentId',
        'r.id_number as idNumber',
        'r.name as name',
        'r.household_id as householdId',
        'r.grid_id as ownGridId',
        'r.grid_path as ownGridPath',
        'h.grid_id as householdGridId',
        'h.grid_path as householdGridPath',
      ])
      .where('r.district_code', '=', districtCode);
    const rows = await (
      dialect === 'postgres'
        ? q.where(sql<boolean>`r.id_number = any(${sql.val(part)}::varchar[])`)
        : q.where('r.id_number', 'in', part)
    ).execute();
    for (const r of rows)
      out.set(r.idNumber!, {
        residentId: r.residentId,
        idNumber: r.idNumber!,
        name: r.name,
        householdId: r.householdId,
        gridId: r.householdGridId ?? r.ownGridId,
        gridPath: r.householdGridPath ?? r.ownGridPath,
      });
  }
  return out;
}

/** The resident holding one ID number in the district, with their household's grid. */
export async function residentByIdNumber(
  ex: Executor,
  dialect: Dialect,
  districtCode: string,
  idNumber: string,
): Promise<KnownPerson | undefined> {
  return (await residentsByIdNumbers(ex, dialect, districtCode, [idNumber])).get(idNumber);
}
