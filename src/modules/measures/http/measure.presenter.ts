import type {
  DueFollowUp,
  FollowUp,
  FollowUpStatus,
  MeasureDetail,
  MeasureStatus,
  MeasureSummary,
  MeasureType,
  OwnerRole,
} from '../../../contracts/measures.js';
import { OWNER_ROLES } from '../../../contracts/measures.js';
import { completenessOf, dayIndexOf } from '../domain/measure-rules.js';
import type { EventRow, FollowUpRow, MeasureRow, OwnerRow } from '../store/measure.store.js';

export interface MeasureView {
  row: MeasureRow;
  owners: OwnerRow[];
  followUps: FollowUpRow[];
  units: Map<string, string>;
  today: string;
}

export function presentFollowUp(f: FollowUpRow, testDays: readonly string[]): FollowUp {
  return {
    measureId: f.measure_id,
    day: f.day,
    status: f.status as FollowUpStatus,
    method: (f.method as FollowUp['method']) ?? null,
    temperature: f.temperature,
    note: f.note,
    recordedBy: f.recorded_by
      ? { id: f.recorded_by, name: f.recorded_by_name ?? '', role: (f.recorded_role as OwnerRole) ?? null }
      : null,
    recordedAt: f.recorded_at,
    markedBySystem: f.status === 'missed' && !f.recorded_by,
    testDay: testDays.includes(f.day),
  };
}

export function presentMeasure(v: MeasureView): MeasureSummary {
  const r = v.row;
  const c = completenessOf(v.followUps as { day: string; status: FollowUpStatus }[], v.today);
  const todays = v.followUps.find((f) => f.day === v.today);
  const rank = (role: string) => OWNER_ROLES.indexOf(role as OwnerRole);
  return {
    id: r.id,
    subject: { id: r.resident_id, name: r.subject_name },
    community: { id: r.community_id, name: v.units.get(r.community_id) ?? '' },
    subdistrict: { id: r.subdistrict_id, name: v.units.get(r.subdistrict_id) ?? '' },
    type: r.type as MeasureType,
    startDay: r.start_day,
    endDay: r.end_day,
    lengthDays: r.length_days,
    testDays: JSON.parse(r.test_days) as string[],
    status: r.status as MeasureStatus,
    endedOn: r.ended_on,
    owners: [...v.owners]
      .sort((a, b) => rank(a.role) - rank(b.role))
      .map((o) => ({ role: o.role as OwnerRole, accountId: o.account_id, name: o.account_name })),
    today: todays ? (todays.status as FollowUpStatus) : null,
    seen: c.seen,
    due: c.due,
  };
}

export function presentMeasureDetail(
  v: MeasureView,
  events: EventRow[],
  can: { record: boolean; end: boolean },
): MeasureDetail {
  const testDays = JSON.parse(v.row.test_days) as string[];
  return {
    ...presentMeasure(v),
    note: v.row.note,
    householdAddress: v.row.household_address,
    followUps: v.followUps.map((f) => presentFollowUp(f, testDays)),
    events: events.map((e) => ({ at: e.at, kind: e.kind, detail: e.detail, byName: e.by_name })),
    canRecord: can.record,
    canEnd: can.end,
  };
}

export function presentDue(
  f: FollowUpRow & { my_role: string },
  m: MeasureRow,
  units: Map<string, string>,
): DueFollowUp {
  const testDays = JSON.parse(m.test_days) as string[];
  return {
    ...presentFollowUp(f, testDays),
    subject: { id: m.resident_id, name: m.subject_name },
    householdAddress: m.household_address,
    community: { id: m.community_id, name: units.get(m.community_id) ?? '' },
    type: m.type as MeasureType,
    dayIndex: dayIndexOf({ startDay: m.start_day, endDay: m.end_day }, f.day),
    lengthDays: m.length_days,
    myRole: f.my_role as OwnerRole,
  };
}
