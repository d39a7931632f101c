import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import type { Executor } from '../../../kernel/db/db.js';
import { groupCommit } from '../../../kernel/db/group-commit.js';
import { Conflict, Invalid, NotFound } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { Crs } from '../../../kernel/geo/crs.js';
import {
  applyAction,
  recordToJson,
  stateToJson,
  type Attachment,
  type CaseActor,
  type CaseSource,
} from '../domain/index.js';
import { deadlineStatus } from '../domain/case-deadlines.js';
import type { CasesDeps } from '../deps.js';
import { caseStore } from '../store/case.store.js';
import { idempotencyKeyStore } from '../store/idempotency-key.store.js';
import { categoryCache } from '../store/category-cache.js';
import type { CaseActionTable, CaseTable } from '../../../kernel/db/schema.js';
import type { LocatedPoint, UnitRef } from '../../org/index.js';
import { announce } from './case-notices.js';
import { attachFiles, claimUploads } from '../../files/index.js';
import { updateKpiRollup } from './kpi-rollup.js';
import { calendarFor, columnsOf, toCaseActor } from './case-context.js';

export interface ReportCaseInput {
  categoryCode: string;
  description: string;
  location?: { lng: number; lat: number; crs?: Crs } | null;
  address?: string | null;
  photoIds?: string[];
  fixedOnSpot?: boolean;
  beforePhotoIds?: string[];
  afterPhotoIds?: string[];
  source?: CaseSource;
}

/** Files must exist in the district; returns the first photo's EXIF position, if any. */
async function checkFiles(ex: Executor, districtCode: string, groups: [string, string[] | undefined][]) {
  let gps: { lng: number; lat: number } | null = null;
  for (const [field, ids] of groups) {
    if (!ids?.length) continue;
    const rows = await caseStore.filesInDistrict(ex, districtCode, ids);
    ids.forEach((id, i) => {
      const r = rows.find((x) => x.id === id);
      if (!r)
        throw new Invalid(
          'case.unknown_file',
          `file ${id} does not exist`,
          [{ field: `${field}[${i}]`, code: 'case.photo_missing', message: 'no such file' }],
          { file: id },
        );
      if (!gps && r.gps_lng !== null && r.gps_lat !== null) gps = { lng: r.gps_lng, lat: r.gps_lat };
    });
  }
  return gps as { lng: number; lat: number } | null;
}

/** The number of a case: district code, local date, daily sequence (411602-20260806-0001). */
export function formatCaseNumber(districtCode: string, localDate: string, seq: number): string {
  return `${districtCode}-${localDate.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/** The operation an Idempotency-Key of a report is recorded under. */
export const REPORT_OPERATION = 'case.report';

export interface ReportCaseOptions {
  requestId?: string;
  caseActor?: CaseActor;
  comment?: string;
  /**
   * The request's Idempotency-Key and the hash of its body. A key the account used before makes no
   * second case: the same body answers the first one's case, another body is refused.
   */
  idempotency?: { key: string; requestHash: string };
}

/** What a report wrote, as written: enough to answer the request without reading it back. */
export interface ReportedCase {
  row: CaseTable;
  /** The report's one action; when replayed, the case's actions so far. */
  actions: CaseActionTable[];
  /** The units the report found (grid, its ancestors, the district), by id; none when replayed. */
  units?: Map<string, UnitRef>;
  /** An earlier request with the same Idempotency-Key made the case; this one wrote nothing. */
  replayed: boolean;
}

/**
 * Claims the Idempotency-Key for the case about to be made, in the case's own transaction, so the key
 * and the case are written together or not at all. Returns the earlier case when the account already
 * used the key for a report with the same body. On PostgreSQL a request holding the key in a
 * transaction still open makes this one wait at the claim, before any other work: it then finds
 * that request's key and case, committed, or claims the key itself if that one rolled back.
 */
async function claimKey(
  trx: Executor,
  actor: Actor,
  idem: NonNullable<ReportCaseOptions['idempotency']>,
  caseId: string,
  now: Date,
): Promise<ReportedCase | null> {
  const claimed = await idempotencyKeyStore.claim(trx, {
    account_id: actor.accountId,
    key: idem.key,
    operation: REPORT_OPERATION,
    district_code: actor.districtCode,
    request_hash: idem.requestHash,
    entity_id: caseId,
    created_at: now.toISOString(),
  });
  if (claimed) return null;
  const prior = await idempotencyKeyStore.find(trx, actor.accountId, REPORT_OPERATION, idem.key);
  // Claimed by another request that is gone again (its key expired in between): try once more.
  if (!prior)
    throw new Conflict('case.idempotency_key_in_use', 'a request with this Idempotency-Key is in progress', [
      { field: 'Idempotency-Key', code: 'idempotency.retry_later', message: 'retry later' },
    ]);
  if (prior.request_hash !== idem.requestHash) {
    throw new Invalid('case.idempotency_key_reused', 'this Idempotency-Key was used for a different report', [
      { field: 'Idempotency-Key', code: 'idempotency.key_reused', message: 'used for a different request' },
    ]);
  }
  const row = await caseStore.findById(trx, prior.entity_id);
  if (!row) throw new NotFound('case', prior.entity_id);
  return { row, actions: await caseStore.actions(trx, row.id), replayed: true };
}

/** Reports a problem; returns the new case's id. */
export async function reportCase(
  deps: CasesDeps,
  actor: Actor,
  input: ReportCaseInput,
  opts: ReportCaseOptions = {},
): Promise<string> {
  return (await recordReport(deps, actor, input, opts)).row.id;
}

export async function recordReport(
  deps: CasesDeps,
  actor: Actor,
  input: ReportCaseInput,
  opts: ReportCaseOptions = {},
): Promise<ReportedCase> {
  const now = deps.clock.now();
  const districtCode = actor.districtCode;
  // Locating reads the in-memory index, which may need to (re)load boundaries: do it before the
  // transaction, since on SQLite the one connection is held by the transaction until it ends.
  const preGps = await checkFiles(deps.database.db, districtCode, [
    ['photoIds', input.photoIds],
    ['beforePhotoIds', input.beforePhotoIds],
    ['afterPhotoIds', input.afterPhotoIds],
  ]);
  const pre = input.location ?? (preGps ? { ...preGps, crs: 'wgs84' as const } : null);
  const located = pre ? await deps.org.locate(deps.database.db, pre.lng, pre.lat, pre.crs ?? 'wgs84') : null;
  // Reports arriving together share one commit on SQLite (each in its own savepoint): see groupCommit.
  return groupCommit(deps.database).run(async (trx) => {
    const id = newId(now.getTime());
    // First, so that a second request with the key waits here, not after doing the work.
    if (opts.idempotency) {
      const prior = await claimKey(trx, actor, opts.idempotency, id, now);
      if (prior) return prior;
    }
    return writeReport(deps, trx, actor, input, { id, now, pre, located }, opts);
  });
}

/**
 * Reports a problem inside the caller's transaction, for another module whose record raises a case
 * with its own write (a failed venue inspection): both land or neither. The caller has placed it:
 * `located` is the grid with its ancestors (nothing is located here, since on SQLite the transaction
 * holds the one connection); its point is kept only when `location` is given (a venue placed by
 * choosing its grid has none). Photos must already be stored.
 */
export async function reportCaseInTransaction(
  deps: CasesDeps,
  trx: Executor,
  actor: Actor,
  input: ReportCaseInput & { located: LocatedPoint | null },
  opts: Pick<ReportCaseOptions, 'requestId' | 'comment'> = {},
): Promise<{ id: string; caseNumber: string }> {
  const now = deps.clock.now();
  await checkFiles(trx, actor.districtCode, [['photoIds', input.photoIds]]);
  const pre = input.location ?? null;
  const { row } = await writeReport(
    deps,
    trx,
    actor,
    input,
    { id: newId(now.getTime()), now, pre, located: input.located },
    opts,
  );
  return { id: row.id, caseNumber: row.case_number };
}

async function writeReport(
  deps: CasesDeps,
  trx: Executor,
  actor: Actor,
  input: ReportCaseInput,
  at: { id: string; now: Date; pre: { lng: number; lat: number } | null; located: LocatedPoint | null },
  opts: ReportCaseOptions,
): Promise<ReportedCase> {
  const { id, now, pre, located } = at;
  const districtCode = actor.districtCode;
  const category = (await categoryCache(deps.database.db).get(trx, districtCode)).byCode.get(input.categoryCode);
  if (!category || category.level !== 2 || !category.active) {
    throw new Invalid(
      'case.unknown_category',
      `category ${input.categoryCode} does not exist, is inactive or is a group`,
      [{ field: 'categoryCode', code: 'category.missing_or_not_leaf', message: 'not an active leaf category' }],
      { category: input.categoryCode },
    );
  }
  if (!pre && !input.address) {
    throw new Invalid('case.location_required', 'a location or an address is required', [
      { field: 'location', code: 'case.location_or_address', message: 'location or address required' },
    ]);
  }
  const anc = located?.ancestors ?? [];
  // The located grid's root is usually the district itself: no need to look it up again.
  const district =
    anc.find((u) => u.kind === 'district' && u.code === districtCode && u.districtCode === districtCode) ??
    (await deps.org.unitByCode(trx, districtCode));
  if (!district)
    throw new Invalid('case.no_district', `district ${districtCode} does not exist`, [], {
      district: districtCode,
    });
  const community = anc.find((u) => u.kind === 'community' || u.kind === 'village') ?? null;
  const subdistrict = anc.find((u) => u.kind === 'subdistrict' || u.kind === 'township') ?? null;
  await claimUploads(trx, actor, at.now, [
    ['photoIds', input.photoIds],
    ['beforePhotoIds', input.beforePhotoIds],
    ['afterPhotoIds', input.afterPhotoIds],
  ]);
  const attachments: Attachment[] = [
    ...(input.photoIds ?? []).map((fileId) => ({ fileId, role: 'evidence' as const })),
    ...(input.beforePhotoIds ?? []).map((fileId) => ({ fileId, role: 'before' as const })),
    ...(input.afterPhotoIds ?? []).map((fileId) => ({ fileId, role: 'after' as const })),
  ];
  const calendar = await calendarFor(deps, trx, districtCode);
  const caseActor = opts.caseActor ?? toCaseActor(actor);
  const { state, record } = applyAction(
    null,
    {
      type: 'report',
      attachments,
      comment: opts.comment ?? null,
      payload: {
        districtCode,
        districtPath: district.path,
        categoryCode: category.code,
        description: input.description,
        source: input.source,
        location: pre && located ? { lng: located.lng, lat: located.lat } : null,
        address: input.address ?? null,
        gridId: located?.grid?.id ?? null,
        gridPath: located?.grid?.path ?? null,
        communityId: community?.id ?? null,
        subdistrictId: subdistrict?.id ?? null,
        fixedOnSpot: input.fixedOnSpot ?? false,
      },
    },
    { actor: caseActor, now, calendar },
  );
  const seq = await caseStore.nextNumber(trx, districtCode, calendar.localDate(now).replaceAll('-', ''));
  const caseNumber = formatCaseNumber(districtCode, calendar.localDate(now), seq);
  const row: CaseTable = {
    id,
    district_code: districtCode,
    case_number: caseNumber,
    category_code: category.code,
    description: state.description,
    lng: state.location?.lng ?? null,
    lat: state.location?.lat ?? null,
    address: state.address,
    source: state.source,
    grid_id: state.gridId,
    out_of_grid: state.location && !state.gridId ? 1 : 0,
    reporter_id: caseActor.accountId,
    reported_at: now.toISOString(),
    reconciled_at: null,
    reconciled_by: null,
    state: stateToJson(state),
    ...columnsOf(state, deadlineStatus(state, now, calendar), 0),
  };
  await caseStore.insert(trx, row);
  const action: CaseActionTable = {
    id: newId(now.getTime()),
    case_id: id,
    district_code: districtCode,
    seq: 1,
    type: 'report',
    at: now.toISOString(),
    actor_id: caseActor.accountId,
    actor_name: actor.displayName,
    record: recordToJson(record),
  };
  await caseStore.appendAction(trx, action);
  await attachFiles(
    trx,
    id,
    attachments.map((a) => a.fileId),
  );
  await updateKpiRollup(trx, null, state, calendar);
  await recordAudit(trx, {
    actor,
    action: 'case.report',
    entityType: 'case',
    entityId: id,
    at: now,
    requestId: opts.requestId,
    summary: `上报问题 ${caseNumber}（${category.name}）${state.fixedOnSpot ? '，已立行整改' : ''}`,
  });
  await announce(deps, trx, { id, caseNumber, categoryName: category.name }, state, record);
  await deps.events?.emit(trx, 'case.reported', {
    caseId: id,
    caseNumber,
    districtCode,
    categoryCode: category.code,
    location: state.location,
    gridPath: state.gridPath,
    reportedAt: now,
  });
  const units = new Map([district, ...anc, ...(located?.grid ? [located.grid] : [])].map((u) => [u.id, u]));
  return { row, actions: [action], units, replayed: false };
}
