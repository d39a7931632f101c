import type { Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import type { SupervisionDeps } from '../deps.js';
import { meetingStore } from '../store/meeting.store.js';
import { visibleMeetingIds } from './meeting-access.js';
import { summarize } from './summarize-tasks.js';

/** One meeting with its attendees, items and the visible tasks tracking each item. */
export async function meetingDetail(deps: SupervisionDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const m = await meetingStore.findInDistrict(db, actor.districtCode, id);
  if (!m || !(await visibleMeetingIds(deps, db, actor, [m])).has(m.id)) throw new NotFound('meeting', id);
  const attendeeIds = JSON.parse(m.attendee_ids) as string[];
  const unitIds = JSON.parse(m.attendee_unit_ids) as string[];
  const [items, accounts, units, topic] = await Promise.all([
    meetingStore.items(db, m.id),
    deps.org.accountsByIds(db, [...(m.chair_id ? [m.chair_id] : []), ...attendeeIds]),
    deps.org.unitsByIds(db, unitIds),
    m.topic_id ? meetingStore.topicTitle(db, m.topic_id) : undefined,
  ]);
  const tasks = await meetingStore.visibleTasksOfItems(
    db,
    actor,
    items.map((i) => i.id),
  );
  const summaries = await summarize(deps, db, tasks);
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    heldOn: m.held_on,
    summary: m.summary,
    chair: m.chair_id ? { id: m.chair_id, name: accounts.get(m.chair_id)?.name ?? '' } : null,
    attendees: attendeeIds.map((a) => ({ id: a, name: accounts.get(a)?.name ?? '' })),
    attendeeUnits: unitIds.map((u) => ({ id: u, name: units.get(u)?.name ?? '' })),
    topic: topic ? { id: topic.id, title: topic.title } : null,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      seq: i.seq,
      content: i.content,
      projectId: i.project_id,
      tasks: summaries.filter((s) => tasks.find((t) => t.id === s.id)?.item_id === i.id),
    })),
  };
}
