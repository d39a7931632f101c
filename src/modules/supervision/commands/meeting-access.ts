import type { z } from 'zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { Executor } from '../../../kernel/db/db.js';
import type { FieldProblem } from '../../../kernel/errors.js';
import type { MeetingItemInput } from '../../../contracts/supervision.js';
import type { SupervisionDeps } from '../deps.js';
import { meetingStore } from '../store/meeting.store.js';

export type MeetingItem = z.output<typeof MeetingItemInput>;

/** Items on key projects must name a key project of the district and be review opinions. */
export async function checkItems(
  ex: Executor,
  actor: Actor,
  items: MeetingItem[],
  prefix: string,
  problems: FieldProblem[],
) {
  const projectIds = items.map((i) => i.projectId).filter((x): x is string => !!x);
  const projects = await meetingStore.taskKinds(ex, actor.districtCode, projectIds);
  items.forEach((it, i) => {
    if (!it.projectId) return;
    const p = projects.find((x) => x.id === it.projectId);
    if (!p || p.kind !== 'key_project')
      problems.push({
        field: `${prefix}[${i}].projectId`,
        code: 'meeting.not_key_project',
        message: 'not a key project of the district',
      });
    else if (it.kind !== 'opinion')
      problems.push({
        field: `${prefix}[${i}].kind`,
        code: 'meeting.project_item_kind',
        message: 'items on key projects are review opinions',
      });
  });
}

/** District-level accounts see every meeting; a unit sees those it attended or whose decisions it owes. */
const districtWide = (actor: Actor) => actor.scopePath.split('/').filter(Boolean).length <= 1;

export async function visibleMeetingIds(
  deps: SupervisionDeps,
  ex: Executor,
  actor: Actor,
  rows: { id: string; attendee_unit_ids: string }[],
): Promise<Set<string>> {
  if (districtWide(actor)) return new Set(rows.map((r) => r.id));
  const unitIds = rows.flatMap((r) => JSON.parse(r.attendee_unit_ids) as string[]);
  const units = await deps.org.unitsByIds(ex, unitIds);
  const out = new Set(
    rows
      .filter((r) =>
        (JSON.parse(r.attendee_unit_ids) as string[]).some((u) => units.get(u)?.path.startsWith(actor.scopePath)),
      )
      .map((r) => r.id),
  );
  const rest = rows.filter((r) => !out.has(r.id)).map((r) => r.id);
  for (const id of await meetingStore.withVisibleTasks(ex, actor, rest)) out.add(id);
  return out;
}
