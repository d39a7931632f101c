import type { Actor } from '../../../kernel/auth/actor.js';
import type { SupervisionDeps } from '../deps.js';
import { meetingStore } from '../store/meeting.store.js';
import { summarize } from './summarize-tasks.js';

/** 年度协商计划: topics with their lead units, the meetings that held them and the tasks they produced. */
export async function listTopics(deps: SupervisionDeps, actor: Actor, f: { year?: number }) {
  const db = deps.database.db;
  const rows = await meetingStore.topics(db, actor.districtCode, f.year);
  const ids = rows.map((r) => r.id);
  const [meetings, tasks, units] = await Promise.all([
    meetingStore.meetingsOfTopics(db, ids),
    meetingStore.visibleTasksOfTopics(db, actor, ids),
    deps.org.unitsByIds(
      db,
      rows.flatMap((r) => JSON.parse(r.lead_unit_ids) as string[]),
    ),
  ]);
  // Tasks from decisions of the topic's meetings belong to the topic too.
  const meetingTasks = await meetingStore.visibleTasksOfMeetings(
    db,
    actor,
    meetings.map((m) => m.id),
  );
  const all = [...tasks, ...meetingTasks.filter((t) => !tasks.some((x) => x.id === t.id))];
  const summaries = new Map((await summarize(deps, db, all)).map((s) => [s.id, s]));
  return {
    items: rows.map((r) => {
      const ms = meetings.filter((m) => m.topic_id === r.id);
      const ts = all.filter(
        (t) => t.topic_id === r.id || ms.some((m) => m.id === (t as { meeting_id?: string }).meeting_id),
      );
      return {
        id: r.id,
        year: r.year,
        title: r.title,
        form: r.form,
        plannedMonth: r.planned_month,
        leadUnits: (JSON.parse(r.lead_unit_ids) as string[]).map((u) => ({ id: u, name: units.get(u)?.name ?? '' })),
        meetings: ms.map((m) => ({ id: m.id, title: m.title, heldOn: m.held_on })),
        tasks: ts.map((t) => summaries.get(t.id)!),
      };
    }),
  };
}
