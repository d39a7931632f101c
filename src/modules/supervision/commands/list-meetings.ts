import type { Actor } from '../../../kernel/auth/actor.js';
import type { SupervisionDeps } from '../deps.js';
import { meetingStore } from '../store/meeting.store.js';
import { visibleMeetingIds } from './meeting-access.js';

/** The meetings the caller sees, newest first, with their item and task counts. */
export async function listMeetings(deps: SupervisionDeps, actor: Actor, f: { year?: number }) {
  const db = deps.database.db;
  const all = await meetingStore.list(db, actor.districtCode, f.year);
  const visible = await visibleMeetingIds(deps, db, actor, all);
  const rows = all.filter((r) => visible.has(r.id));
  const ids = rows.map((r) => r.id);
  const [items, tasks, chairs] = await Promise.all([
    meetingStore.itemCounts(db, ids),
    meetingStore.taskCounts(db, ids),
    deps.org.accountsByIds(
      db,
      rows.map((r) => r.chair_id).filter((x): x is string => !!x),
    ),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      heldOn: r.held_on,
      chair: r.chair_id ? { id: r.chair_id, name: chairs.get(r.chair_id)?.name ?? '' } : null,
      itemCount: Number(items.find((x) => x.meeting_id === r.id)?.n ?? 0),
      taskCount: Number(tasks.find((x) => x.meeting_id === r.id)?.n ?? 0),
    })),
  };
}
