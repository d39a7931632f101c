import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import type { Executor } from '../../../kernel/db/db.js';
import { Invalid, NotFound, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { PointBody } from '../../../contracts/population.js';
import type { EntryBody, EntryListQuery, EntrySource } from '../../../contracts/screening.js';
import { screeningLookups } from '../../population/index.js';
import type { ScreeningDeps } from '../deps.js';
import { reportEffect } from '../domain/dedupe.js';
import { checkValues, type FieldDef } from '../domain/fields.js';
import { screeningStore, type CampaignRow, type EntryRow } from '../store/screening.store.js';
import { fieldsOf, requireOpen, visibleCampaign } from './campaign-access.js';
import { entryViews } from './views.js';

const COMMUNITY_KINDS = new Set(['community', 'village']);

/** The community (or village) an actor works for: their own unit, or the one above their grid. */
export async function reportingUnitOf(
  deps: ScreeningDeps,
  ex: Executor,
  actor: Actor,
): Promise<{ id: string; path: string }> {
  const segs = actor.scopePath.split('/').filter(Boolean);
  const units = await deps.org.unitsByIds(ex, segs);
  for (let i = segs.length - 1; i >= 0; i--) {
    const u = units.get(segs[i]!);
    if (u && COMMUNITY_KINDS.has(u.kind)) return { id: u.id, path: u.path };
  }
  return { id: actor.unitId, path: actor.scopePath };
}

/** An ID number checked by GB 11643 (population's rule), or a refusal naming the field. */
export function checkedIdNumber(deps: ScreeningDeps, raw: string, field = 'idNumber'): string {
  const c = screeningLookups.checkIdNumber(raw, localDateOf(deps.clock.now()));
  if (!c.ok)
    throw new Invalid(`resident.id_${c.problem}`, 'invalid ID number', [
      { field, code: `resident.id_${c.problem}`, message: `invalid ID number (${c.problem})` },
    ]);
  return c.idNumber;
}

/** Values checked against the campaign's fields, or a refusal naming each bad one (values.<key>). */
export function checkedValues(defs: readonly FieldDef[], raw: Record<string, string>): Record<string, string> {
  const r = checkValues(defs, raw);
  if (r.ok) return r.values;
  const problems: FieldProblem[] = r.problems.map((p) => ({ field: `values.${p.key}`, code: p.code, message: p.code }));
  throw new Invalid('screening.values_invalid', 'the field values are not usable', problems);
}

export interface PlacedPerson {
  gridId: string;
  gridPath: string;
  residentId: string | null;
}

/**
 * Where a person goes on the list: the grid given or located (population's rule), else the grid of
 * their household when the district knows the ID number. The grid must lie in the campaign's scope.
 * Call it outside a transaction (the locate index may load on first use).
 */
export async function placePerson(
  deps: ScreeningDeps,
  actor: Actor,
  campaign: CampaignRow,
  idNumber: string,
  input: { gridId?: string | null; location?: PointBody | null },
): Promise<PlacedPerson> {
  const db = deps.database.db;
  const known = await screeningLookups.residentByIdNumber(db, deps.database.dialect, actor.districtCode, idNumber);
  let gridId: string;
  let gridPath: string;
  if (input.gridId || input.location) {
    const p = await screeningLookups.resolvePlace(deps, db, actor, {
      ...(input.gridId ? { gridId: input.gridId } : {}),
      location: input.location ?? null,
    });
    gridId = p.gridId;
    gridPath = p.gridPath;
  } else if (known) {
    gridId = known.gridId;
    gridPath = known.gridPath;
  } else
    throw new Invalid('place.required', 'a grid or a point is required', [
      { field: 'gridId', code: 'place.required', message: 'choose a grid or give a point' },
    ]);
  if (!gridPath.startsWith(campaign.scope_path))
    throw new Invalid('screening.grid_outside_campaign', 'the grid lies outside the campaign', [
      {
        field: input.location && !input.gridId ? 'location' : 'gridId',
        code: 'screening.grid_outside_campaign',
        message: 'the grid lies outside the campaign',
      },
    ]);
  return { gridId, gridPath, residentId: known?.residentId ?? null };
}

export interface PersonReport {
  name: string;
  idNumber: string;
  phone: string | null;
  address: string | null;
  values: Record<string, string>;
  source: EntrySource;
  place: PlacedPerson;
  unit: { id: string; path: string };
}

/**
 * Records a report of a person on a campaign's list, inside the caller's transaction: a new entry, or
 * the reporting unit attached to the entry already holding the ID number (never a second row). A
 * concurrent first report of the same person loses the unique index and attaches instead.
 */
export async function recordReport(
  trx: Executor,
  actor: Actor,
  campaign: CampaignRow,
  r: PersonReport,
  at: string,
): Promise<{ entryId: string; attached: boolean }> {
  const existing = await screeningStore.entryByIdNumber(trx, campaign.id, r.idNumber);
  const state = new Map<string, Set<string>>();
  if (existing)
    state.set(r.idNumber, new Set((await screeningStore.reports(trx, [existing.id])).map((x) => x.unit_id)));
  const effect = reportEffect(state, { idNumber: r.idNumber, unitId: r.unit.id });
  const report = (entryId: string) => ({
    entry_id: entryId,
    unit_id: r.unit.id,
    unit_path: r.unit.path,
    source: r.source,
    reported_by: actor.accountId,
    reported_at: at,
  });
  if (effect === 'already_reported') return { entryId: existing!.id, attached: true };
  if (effect === 'attach_unit') {
    await screeningStore.insertReport(trx, report(existing!.id));
    await screeningStore.touchEntry(trx, existing!.id, at);
    return { entryId: existing!.id, attached: true };
  }
  const id = newId(Date.parse(at));
  await screeningStore.insertEntry(trx, {
    id,
    campaign_id: campaign.id,
    district_code: campaign.district_code,
    id_number: r.idNumber,
    name: r.name,
    phone: r.phone,
    address: r.address,
    grid_id: r.place.gridId,
    grid_path: r.place.gridPath,
    field_values: JSON.stringify(r.values),
    source: r.source,
    resident_id: r.place.residentId,
    created_by: actor.accountId,
    created_at: at,
    updated_at: at,
  });
  await screeningStore.insertReport(trx, report(id));
  return { entryId: id, attached: false };
}

/**
 * Adds a person to an open campaign's list from the grid (网格排查 / 敲门发现): ID number by GB 11643,
 * values by the campaign's fields, placed on a grid of the campaign. The same ID number already on the
 * list gets the reporting unit attached (answered 200 with the entry, `attached: true`).
 */
export async function addEntry(
  deps: ScreeningDeps,
  actor: Actor,
  campaignId: string,
  body: EntryBody,
  requestId?: string,
) {
  authorize(actor, 'screening.write');
  const db = deps.database.db;
  const campaign = await visibleCampaign(db, actor, campaignId);
  requireOpen(campaign);
  const idNumber = checkedIdNumber(deps, body.idNumber);
  const values = checkedValues(fieldsOf(campaign), body.values ?? {});
  const place = await placePerson(deps, actor, campaign, idNumber, body);
  const unit = await reportingUnitOf(deps, db, actor);
  const at = deps.clock.now().toISOString();
  const report: PersonReport = {
    name: body.name.trim(),
    idNumber,
    phone: body.phone ?? null,
    address: body.address ?? null,
    values,
    source: body.source ?? 'grid',
    place,
    unit,
  };
  const write = () =>
    db.transaction().execute(async (trx) => {
      const r = await recordReport(trx, actor, campaign, report, at);
      await recordAudit(trx, {
        actor,
        action: 'screening.entry_report',
        entityType: 'screening_entry',
        entityId: r.entryId,
        summary: r.attached ? `「${campaign.name}」已有此人，追加上报单位` : `「${campaign.name}」登记 ${report.name}`,
        requestId,
        at: new Date(at),
      });
      return r;
    });
  let r: { entryId: string; attached: boolean };
  try {
    r = await write();
  } catch (err) {
    // Two units reporting the same person at the same moment: the second attaches.
    if (!isUniqueViolation(err)) throw err;
    r = await write();
  }
  const row = (await screeningStore.entry(db, r.entryId))!;
  return { entry: (await entryViews(deps, db, [row]))[0]!, attached: r.attached };
}

/** The entries of a campaign in scope (or of a unit's subtree in it), masked. */
export async function listEntries(deps: ScreeningDeps, actor: Actor, campaignId: string, q: EntryListQuery) {
  authorize(actor, 'screening.read');
  const db = deps.database.db;
  await visibleCampaign(db, actor, campaignId);
  let scopePath = actor.scopePath;
  if (q.unitId) {
    const u = await deps.org.unit(db, q.unitId);
    if (!u || !inScope(actor, u.path)) throw new NotFound('unit', q.unitId);
    scopePath = u.path;
  }
  const page = await screeningStore.entryPage(db, {
    campaignId,
    scopePath,
    ...(q.q ? { q: q.q } : {}),
    ...(q.source ? { source: q.source } : {}),
    offset: q.offset ?? 0,
    limit: q.limit ?? 50,
  });
  return { items: await entryViews(deps, db, page.rows), total: page.total };
}

async function entryInScope(ex: Executor, actor: Actor, id: string): Promise<EntryRow> {
  const e = await screeningStore.entryInScope(ex, id, actor.scopePath);
  if (!e || e.district_code !== actor.districtCode) throw new NotFound('screening_entry', id);
  return e;
}

/** One entry in scope, masked. */
export async function getEntry(deps: ScreeningDeps, actor: Actor, id: string) {
  authorize(actor, 'screening.read');
  const db = deps.database.db;
  return (await entryViews(deps, db, [await entryInScope(db, actor, id)]))[0]!;
}

/** One entry with the full ID number and phone, for screening.write holders; the view and its reason audited. */
export async function revealEntry(deps: ScreeningDeps, actor: Actor, id: string, reason: string, requestId?: string) {
  authorize(actor, 'screening.write');
  return deps.database.db.transaction().execute(async (trx) => {
    const e = await entryInScope(trx, actor, id);
    await recordAudit(trx, {
      actor,
      action: 'screening.entry_reveal',
      entityType: 'screening_entry',
      entityId: id,
      summary: `查看排查对象 ${e.name} 的完整身份证号和电话，事由：${reason}`,
      requestId,
      at: deps.clock.now(),
    });
    return (await entryViews(deps, trx, [e], true))[0]!;
  });
}
