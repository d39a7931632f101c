import type { Executor } from '../../../kernel/db/db.js';
import type { MeetingItemTable } from '../../../kernel/db/schema.js';

/** Meetings, their items (decisions, review opinions) and the consultation plan's topics. */
export const meetingStore = {
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
