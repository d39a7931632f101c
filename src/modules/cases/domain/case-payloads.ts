import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { addTimeLimit } from './case-deadlines.js';
import {
  CASE_SOURCES,
  type ActionRecord,
  type Attachment,
  type CaseAction,
  type CaseActor,
  type CaseSource,
  type CaseState,
  type RecordPayloads,
  type ReportRecord,
  type TimeLimit,
} from './case-types.js';

export interface ActionContext {
  actor: CaseActor;
  now: Date;
  /** The district's working calendar: deadlines are counted in its working time. */
  calendar: WorkCalendar;
}

const ATTACHMENT_ROLES = new Set(['before', 'after', 'evidence']);
const MAX_TEXT = 4000;
const MAX_HOURS = 24 * 365;
const MAX_DAYS = 365;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects field problems while reading an untrusted payload. */
class Reader {
  readonly problems: FieldProblem[] = [];
  constructor(private readonly src: Obj) {}

  fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  text(key: string, opts: { max?: number; field?: string } = {}): string {
    const v = this.src[key];
    const field = opts.field ?? key;
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(field, 'required');
      return '';
    }
    if (v.length > (opts.max ?? MAX_TEXT)) this.fail(field, `at most ${opts.max ?? MAX_TEXT} characters`);
    return v.trim();
  }

  optionalText(key: string, max = MAX_TEXT): string | null {
    const v = this.src[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      this.fail(key, 'must be a string');
      return null;
    }
    if (v.length > max) this.fail(key, `at most ${max} characters`);
    return v.trim() === '' ? null : v.trim();
  }

  path(key: string, optional = false): string | null {
    const v = this.src[key];
    if (optional && (v === undefined || v === null)) return null;
    if (typeof v !== 'string' || !/^\/(?:[^/]+\/)+$/.test(v)) {
      this.fail(key, "a unit path like '/a/b/'");
      return optional ? null : '/';
    }
    return v;
  }

  timeLimit(key: string): TimeLimit {
    const v = this.src[key];
    if (!isObj(v)) {
      this.fail(key, 'required: { value, unit }');
      return { value: 1, unit: 'hours' };
    }
    const unit = v.unit === 'hours' || v.unit === 'days' ? v.unit : null;
    if (unit === null) this.fail(`${key}.unit`, "'hours' or 'days'");
    const value = v.value;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value > 0 &&
      (unit === 'days' ? Number.isInteger(value) && value <= MAX_DAYS : value <= MAX_HOURS);
    if (!ok)
      this.fail(
        `${key}.value`,
        unit === 'days' ? `a whole number of days, 1–${MAX_DAYS}` : `a number of hours > 0, at most ${MAX_HOURS}`,
      );
    return ok && unit ? { value: value as number, unit } : { value: 1, unit: 'hours' };
  }
}

function readAttachments(v: unknown, problems: FieldProblem[]): Attachment[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push({ field: 'attachments', message: 'must be a list' });
    return [];
  }
  return v.map((a, i) => {
    if (!isObj(a) || typeof a.fileId !== 'string' || a.fileId === '') {
      problems.push({ field: `attachments[${i}].fileId`, message: 'required' });
      return { fileId: '' };
    }
    if (a.role === undefined) return { fileId: a.fileId };
    if (typeof a.role !== 'string' || !ATTACHMENT_ROLES.has(a.role)) {
      problems.push({ field: `attachments[${i}].role`, message: "'before', 'after' or 'evidence'" });
      return { fileId: a.fileId };
    }
    return { fileId: a.fileId, role: a.role as Attachment['role'] };
  });
}

function readReport(r: Reader, src: Obj, actor: CaseActor, attachments: Attachment[]): ReportRecord {
  const districtPath = r.path('districtPath') ?? '/';
  const gridPath = r.path('gridPath', true);
  const gridId = r.optionalText('gridId', 100);
  if ((gridPath === null) !== (gridId === null))
    r.fail(gridPath === null ? 'gridPath' : 'gridId', 'gridId and gridPath go together');
  if (gridPath !== null && !gridPath.startsWith(districtPath)) r.fail('gridPath', 'must lie in the district');
  let location: ReportRecord['location'] = null;
  if (src.location !== undefined && src.location !== null) {
    const l = src.location as Obj;
    const ok =
      isObj(l) &&
      typeof l.lng === 'number' &&
      typeof l.lat === 'number' &&
      Math.abs(l.lng) <= 180 &&
      Math.abs(l.lat) <= 90;
    if (ok) location = { lng: l.lng as number, lat: l.lat as number };
    else r.fail('location', 'lng in −180…180 and lat in −90…90');
  }
  const defaultSource: CaseSource =
    actor.via === 'open311' ? 'open311' : actor.roles.includes('grid_worker') ? 'patrol' : 'staff';
  let source: CaseSource = defaultSource;
  if (src.source !== undefined) {
    if ((CASE_SOURCES as readonly unknown[]).includes(src.source)) source = src.source as CaseSource;
    else r.fail('source', `one of ${CASE_SOURCES.join(', ')}`);
  }
  if (actor.via === 'open311' && source !== 'open311') r.fail('source', "an Open311 report has source 'open311'");
  if (src.fixedOnSpot !== undefined && typeof src.fixedOnSpot !== 'boolean') r.fail('fixedOnSpot', 'true or false');
  const fixedOnSpot = src.fixedOnSpot === true;
  if (fixedOnSpot && source === 'open311') r.fail('fixedOnSpot', 'a citizen report cannot be fixed on the spot');
  if (fixedOnSpot) {
    for (const role of ['before', 'after'] as const) {
      if (!attachments.some((a) => a.role === role))
        r.fail('attachments', `fixing on the spot needs a photo with role '${role}'`);
    }
  }
  return {
    districtCode: r.text('districtCode', { max: 12 }),
    districtPath,
    categoryCode: r.text('categoryCode', { max: 20 }),
    description: r.text('description'),
    source,
    location,
    address: r.optionalText('address', 200),
    gridId,
    gridPath,
    communityId: r.optionalText('communityId', 100),
    subdistrictId: r.optionalText('subdistrictId', 100),
    fixedOnSpot,
  };
}

/**
 * Validates the action's payload and turns it into the record to append, computing deadlines.
 * Throws Invalid ('case.invalid_action') listing every field problem. The caller has checked that
 * the action is legal (so `state` is null exactly for 'report').
 */
export function buildRecord(state: CaseState | null, action: CaseAction, ctx: ActionContext): ActionRecord {
  const { actor, now, calendar } = ctx;
  const problems: FieldProblem[] = [];
  const src: Obj = isObj(action.payload) ? action.payload : {};
  const r = new Reader(src);
  const attachments = readAttachments(action.attachments, problems);
  let comment: string | null = null;
  if (action.comment !== undefined && action.comment !== null) {
    if (typeof action.comment !== 'string') problems.push({ field: 'comment', message: 'must be a string' });
    else if (action.comment.length > MAX_TEXT)
      problems.push({ field: 'comment', message: `at most ${MAX_TEXT} characters` });
    else comment = action.comment.trim() || null;
  }
  const iso = (d: Date) => d.toISOString();

  let payload: RecordPayloads[keyof RecordPayloads];
  switch (action.type) {
    case 'report':
      payload = readReport(r, src, actor, attachments);
      break;
    case 'reject':
    case 'return':
    case 'deny_extension':
    case 'verify_fail':
    case 'reopen': {
      const reason = r.text('reason', { max: 2000 });
      if (action.type !== 'verify_fail') {
        payload = { reason };
        break;
      }
      const rework = state!.assignedUnitId !== null && state!.timeLimit !== null;
      payload = { reason, deadline: rework ? iso(addTimeLimit(calendar, now, state!.timeLimit!)) : null };
      break;
    }
    case 'merge':
      payload = { targetCaseId: r.text('targetCaseId', { max: 100 }) };
      break;
    case 'absorb': {
      const sourceCaseId = r.text('sourceCaseId', { max: 100 });
      const rs = src.reporters;
      const ok = Array.isArray(rs) && rs.every((x) => typeof x === 'string' && x !== '');
      if (!ok) r.fail('reporters', 'a list of account ids');
      payload = { sourceCaseId, reporters: ok ? [...(rs as string[])] : [] };
      break;
    }
    case 'dispatch': {
      const unitId = r.text('unitId', { max: 100 });
      const unitPath = r.path('unitPath') ?? '/';
      const timeLimit = r.timeLimit('timeLimit');
      payload = { unitId, unitPath, timeLimit, deadline: iso(addTimeLimit(calendar, now, timeLimit)) };
      break;
    }
    case 'request_extension':
      payload = { extra: r.timeLimit('extra'), reason: r.text('reason', { max: 2000 }) };
      break;
    case 'approve_extension': {
      const current = state!.deadline!;
      // Granted after the deadline passed, the extra time counts from the approval: a deadline never lies before now.
      const base = current.getTime() < now.getTime() ? now : current;
      const extra = state!.pendingExtension!.extra;
      payload = { extra, previousDeadline: iso(current), deadline: iso(addTimeLimit(calendar, base, extra)) };
      break;
    }
    case 'relocate': {
      const oldPath = r.path('oldPath') ?? '/';
      const newPath = r.path('newPath') ?? '/';
      if (oldPath === newPath) r.fail('newPath', 'must differ from oldPath');
      const s = state!;
      if (!s.gridPath?.startsWith(oldPath) && !s.assignedUnitPath?.startsWith(oldPath))
        r.fail('oldPath', 'neither the grid nor the assigned unit of the case lies under it');
      // Omitted: unchanged by the move. Recorded either way, so that replay needs no org.
      const id = (key: 'communityId' | 'subdistrictId') => (src[key] === undefined ? s[key] : r.optionalText(key, 100));
      payload = { oldPath, newPath, communityId: id('communityId'), subdistrictId: id('subdistrictId') };
      break;
    }
    case 'comment':
      if (comment === null) problems.push({ field: 'comment', message: 'required' });
      payload = {};
      break;
    default:
      payload = {};
  }
  problems.push(...r.problems);
  if (problems.length) throw new Invalid('case.invalid_action', `invalid ${action.type}`, problems);
  return {
    type: action.type,
    at: new Date(now.getTime()),
    actorId: actor.accountId,
    roles: [...actor.roles],
    unitId: actor.unitId,
    comment,
    attachments,
    payload,
  } as ActionRecord;
}
