import { sql } from 'kysely';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { ConsultationTopicTable, MeetingItemTable, MeetingTable, TaskTable } from '../../../kernel/db/schema.js';
import { visibleTasks } from './task.store.js';

/** Meetings, their items (decisions, review opinions) and the consultation plan's topics. */
export const meetingStore = {
  async insert(ex: Executor, row: MeetingTable): Promise<void> {
    await ex.insertInto('meetings').values(row).execute();
  },
  async insertItems(ex: Executor, rows: MeetingItemTable[]): Promise<void> {
    if (rows.length) await ex.insertInto('meeting_items').values(rows).execute();
  },
  async findInDistrict(ex: Executor, districtCode: string, id: string): Promise<MeetingTable | undefined> {
    return ex
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', id)
      .where('district_code', '=', districtCode)
      .executeTakeFirst();
  },
  /** The number the next item of a meeting takes. */
  async nextItemSeq(ex: Executor, meetingId: string): Promise<number> {
    const r = await ex
      .selectFrom('meeting_items')
      .select(sql<number>`coalesce(max(seq), 0)`.as('s'))
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    return Number(r.s) + 1;
  },
  /** The meetings of a district, newest first, at most 500; `year` keeps those held in it. */
  async list(ex: Executor, districtCode: string, year?: number): Promise<MeetingTable[]> {
    let q = ex.selectFrom('meetings').selectAll().where('district_code', '=', districtCode);
    if (year) q = q.where('held_on', '>=', `${year}-01-01`).where('held_on', '<=', `${year}-12-31`);
    return q.orderBy('held_on', 'desc').limit(500).execute();
  },
  /** Among `meetingIds`, those with a decision owed by a task the actor sees. */
  async withVisibleTasks(ex: Executor, actor: Actor, meetingIds: string[]): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < meetingIds.length; i += 500) {
      const owed = await ex
        .selectFrom('tasks')
        .innerJoin('meeting_items as i', 'i.id', 'tasks.item_id')
        .select('i.meeting_id')
        .where('i.meeting_id', 'in', meetingIds.slice(i, i + 500))
        .where(visibleTasks(actor))
        .distinct()
        .execute();
      out.push(...owed.map((o) => o.meeting_id));
    }
    return out;
  },
  async itemCounts(ex: Executor, meetingIds: string[]) {
    if (meetingIds.length === 0) return [];
    return ex
      .selectFrom('meeting_items')
      .select(['meeting_id', sql<number>`count(*)`.as('n')])
      .where('meeting_id', 'in', meetingIds)
      .groupBy('meeting_id')
      .execute();
  },
  async taskCounts(ex: Executor, meetingIds: string[]) {
    if (meetingIds.length === 0) return [];
    return ex
      .selectFrom('tasks')
      .innerJoin('meeting_items as i', 'i.id', 'tasks.item_id')
      .select(['i.meeting_id', sql<number>`count(*)`.as('n')])
      .where('i.meeting_id', 'in', meetingIds)
      .groupBy('i.meeting_id')
      .execute();
  },
  async items(ex: Executor, meetingId: string): Promise<MeetingItemTable[]> {
    return ex.selectFrom('meeting_items').selectAll().where('meeting_id', '=', meetingId).orderBy('seq').execute();
  },
  /** The visible tasks tracking the given items, oldest first. */
  async visibleTasksOfItems(ex: Executor, actor: Actor, itemIds: string[]): Promise<TaskTable[]> {
    if (itemIds.length === 0) return [];
    return ex
      .selectFrom('tasks')
      .selectAll()
      .where('item_id', 'in', itemIds)
      .where(visibleTasks(actor))
      .orderBy('created_at')
      .execute();
  },
  /** The key projects among `ids` (id and kind of each task of the district found). */
  async taskKinds(ex: Executor, districtCode: string, ids: string[]) {
    if (ids.length === 0) return [];
    return ex
      .selectFrom('tasks')
      .select(['id', 'kind'])
      .where('id', 'in', ids)
      .where('district_code', '=', districtCode)
      .execute();
  },
  async topicTitle(ex: Executor, id: string) {
    return ex.selectFrom('consultation_topics').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
  },
  async insertTopic(ex: Executor, row: ConsultationTopicTable): Promise<void> {
    await ex.insertInto('consultation_topics').values(row).execute();
  },
  /** The consultation plan's topics, by planned month; `year` keeps one year's. */
  async topics(ex: Executor, districtCode: string, year?: number): Promise<ConsultationTopicTable[]> {
    let q = ex.selectFrom('consultation_topics').selectAll().where('district_code', '=', districtCode);
    if (year) q = q.where('year', '=', year);
    return q.orderBy('planned_month').orderBy('id').execute();
  },
  /** The meetings that held the given topics, oldest first. */
  async meetingsOfTopics(ex: Executor, topicIds: string[]) {
    if (topicIds.length === 0) return [];
    return ex
      .selectFrom('meetings')
      .select(['id', 'title', 'held_on', 'topic_id'])
      .where('topic_id', 'in', topicIds)
      .orderBy('held_on')
      .execute();
  },
  /** The visible tasks made for the given topics. */
  async visibleTasksOfTopics(ex: Executor, actor: Actor, topicIds: string[]): Promise<TaskTable[]> {
    if (topicIds.length === 0) return [];
    return ex.selectFrom('tasks').selectAll().where('topic_id', 'in', topicIds).where(visibleTasks(actor)).execute();
  },
  /** The visible tasks made from decisions of the given meetings, each with its meeting. */
  async visibleTasksOfMeetings(ex: Executor, actor: Actor, meetingIds: string[]) {
    if (meetingIds.length === 0) return [];
    return ex
      .selectFrom('tasks')
      .innerJoin('meeting_items as i', 'i.id', 'tasks.item_id')
      .selectAll('tasks')
      .select('i.meeting_id')
      .where('i.meeting_id', 'in', meetingIds)
      .where(visibleTasks(actor))
      .execute();
  },
  async item(ex: Executor, districtCode: string, id: string): Promise<MeetingItemTable | undefined> {
    return ex
      .selectFrom('meeting_items')
      .selectAll()
      .where('id', '=', id)
      .where('district_code', '=', districtCode)
      .executeTakeFirst();
  },
  /** The meeting an item was decided at. */
  async meetingOfItem(ex: Executor, itemId: string) {
    return ex
      .selectFrom('meeting_items as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .select(['m.id', 'm.title', 'm.held_on'])
      .where('i.id', '=', itemId)
      .executeTakeFirst();
  },
  /** The review opinions on a key project, with the meeting and the task tracking each. */
  async opinionsOnProject(ex: Executor, projectId: string) {
    return ex
      .selectFrom('meeting_items as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .leftJoin('tasks as t', 't.item_id', 'i.id')
      .select([
        'i.id',
        'i.content',
        'm.title as meetingTitle',
        'm.held_on as heldOn',
        't.id as taskId',
        't.status as taskStatus',
      ])
      .where('i.project_id', '=', projectId)
      .orderBy('m.held_on')
      .orderBy('i.seq')
      .execute();
  },
  async topicExists(ex: Executor, districtCode: string, id: string): Promise<boolean> {
    return !!(await ex
      .selectFrom('consultation_topics')
      .select('id')
      .where('id', '=', id)
      .where('district_code', '=', districtCode)
      .executeTakeFirst());
  },
};
