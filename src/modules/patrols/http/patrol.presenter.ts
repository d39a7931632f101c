import type { Patrol, PatrolDetail } from '../../../contracts/patrols.js';
import type { PatrolDetailView, PatrolView } from '../commands/list-patrols.js';

export function presentPatrol(v: PatrolView): Patrol {
  const r = v.row;
  return {
    id: r.id,
    kind: r.kind as Patrol['kind'],
    status: r.status as Patrol['status'],
    units: v.units.map((u) => ({ id: u.unit_id, name: u.unit_name, path: u.unit_path })),
    recorder: { id: r.recorder_id, name: r.recorder_name },
    people: v.people.map((p) => ({ accountId: p.account_id, name: p.name, role: p.role as 'recorder' | 'companion' })),
    startedAt: r.started_at,
    endedAt: r.ended_at,
    startDay: r.start_day,
    durationMinutes: r.ended_at
      ? Math.round((new Date(r.ended_at).getTime() - new Date(r.started_at).getTime()) / 60_000)
      : null,
    points: r.points,
    farPoints: r.far_points,
    distanceM: r.distance_m,
    cases: v.cases,
    note: r.note,
  };
}

export function presentPatrolDetail(v: PatrolDetailView): PatrolDetail {
  return {
    ...presentPatrol(v),
    track: v.track.map((p) => [p.lng, p.lat, new Date(p.t).toISOString(), p.far]),
    caseLinks: v.caseLinks.map(({ link, ref }) => ({
      caseId: link.case_id,
      caseNumber: link.case_number,
      categoryCode: ref?.categoryCode ?? '',
      description: ref?.description ?? '',
      status: ref?.status ?? '',
      outcome: link.outcome as 'found' | 'fixed',
      linkedAt: link.linked_at,
    })),
    canRecord: v.canRecord,
  };
}
