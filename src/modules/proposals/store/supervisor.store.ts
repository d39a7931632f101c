import type { Updateable } from 'kysely';
import type { Executor } from '../../../kernel/db/db.js';
import { startsWith } from '../../../kernel/db/dialect.js';
import type {
  SupervisorAssignmentTable,
  SupervisorOpinionTable,
  SupervisorVisitTable,
} from '../../../kernel/db/schema.js';

/** An opinion with the names of its assignment's unit and supervisor. */
export type OpinionRow = SupervisorOpinionTable & { unit_name: string; supervisor_name: string };

/** Which assignments (and their opinions) a list shows: all of the district, a supervisor's own, or a unit subtree's. */
export type SupervisorScope =
  { kind: 'all' } | { kind: 'own'; accountId: string } | { kind: 'units'; scopePath: string };

function opinionQuery(ex: Executor) {
  return ex
    .selectFrom('supervisor_opinions as o')
    .innerJoin('supervisor_assignments as a', 'a.id', 'o.assignment_id')
    .selectAll('o')
    .select(['a.unit_name', 'a.supervisor_name']);
}

/** 民主监督员: assignments to units, their visits and the opinions they record. */
export const supervisorStore = {
  async insertAssignment(ex: Executor, row: SupervisorAssignmentTable): Promise<void> {
    await ex.insertInto('supervisor_assignments').values(row).execute();
  },
  async findAssignment(ex: Executor, id: string): Promise<SupervisorAssignmentTable | undefined> {
    return ex.selectFrom('supervisor_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Assignments in scope, newest term first; `activeOn` keeps those whose term covers the date. */
  async assignments(
    ex: Executor,
    districtCode: string,
    scope: SupervisorScope,
    activeOn?: string,
  ): Promise<SupervisorAssignmentTable[]> {
    let q = ex.selectFrom('supervisor_assignments').selectAll().where('district_code', '=', districtCode);
    if (scope.kind === 'own') q = q.where('supervisor_id', '=', scope.accountId);
    if (scope.kind === 'units') q = q.where(startsWith('unit_path', scope.scopePath));
    if (activeOn) q = q.where('term_start', '<=', activeOn).where('term_end', '>=', activeOn);
    return q.orderBy('term_start', 'desc').orderBy('unit_name').execute();
  },
  async insertVisit(ex: Executor, row: SupervisorVisitTable): Promise<void> {
    await ex.insertInto('supervisor_visits').values(row).execute();
  },
  /** The visits of the given assignments, newest first. */
  async visits(ex: Executor, assignmentIds: string[]): Promise<SupervisorVisitTable[]> {
    if (assignmentIds.length === 0) return [];
    return ex
      .selectFrom('supervisor_visits')
      .selectAll()
      .where('assignment_id', 'in', assignmentIds)
      .orderBy('visited_on', 'desc')
      .execute();
  },
  async visitOfAssignment(ex: Executor, assignmentId: string, id: string): Promise<boolean> {
    return !!(await ex
      .selectFrom('supervisor_visits')
      .select('id')
      .where('id', '=', id)
      .where('assignment_id', '=', assignmentId)
      .executeTakeFirst());
  },
  async insertOpinion(ex: Executor, row: SupervisorOpinionTable): Promise<void> {
    await ex.insertInto('supervisor_opinions').values(row).execute();
  },
  /** The stored row of an opinion, without the joined names. */
  async opinionRow(ex: Executor, id: string): Promise<SupervisorOpinionTable | undefined> {
    return ex.selectFrom('supervisor_opinions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Open opinions whose deadline is before `day` (YYYY-MM-DD). */
  async openOpinionsDueBefore(ex: Executor, day: string) {
    return ex
      .selectFrom('supervisor_opinions')
      .select(['id', 'status', 'deadline'])
      .where('status', '=', 'open')
      .where('deadline', '<', day)
      .execute();
  },
  async findOpinion(ex: Executor, id: string): Promise<OpinionRow | undefined> {
    return opinionQuery(ex).where('o.id', '=', id).executeTakeFirst();
  },
  /** Opinions in scope (a unit subtree sees those it is responsible for), newest first, at most 500. */
  async opinions(
    ex: Executor,
    districtCode: string,
    scope: SupervisorScope,
    f: { status?: string; assignmentId?: string; overdueOn?: string },
  ): Promise<OpinionRow[]> {
    let q = opinionQuery(ex).where('o.district_code', '=', districtCode);
    if (scope.kind === 'own') q = q.where('o.supervisor_id', '=', scope.accountId);
    if (scope.kind === 'units') q = q.where(startsWith('o.responsible_unit_path', scope.scopePath));
    if (f.status) q = q.where('o.status', '=', f.status);
    if (f.assignmentId) q = q.where('o.assignment_id', '=', f.assignmentId);
    if (f.overdueOn) q = q.where('o.status', '=', 'open').where('o.deadline', '<', f.overdueOn);
    return q.orderBy('o.id', 'desc').limit(500).execute();
  },
  /** Updates an opinion when it still has `version`; false when someone changed it first. */
  async updateOpinionIfVersion(
    ex: Executor,
    id: string,
    version: number,
    set: Updateable<SupervisorOpinionTable>,
  ): Promise<boolean> {
    const r = await ex
      .updateTable('supervisor_opinions')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
