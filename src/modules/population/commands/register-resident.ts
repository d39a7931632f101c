import type { Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import type { Executor } from '../../../kernel/db/db.js';
import { isUniqueViolation } from '../../../kernel/db/dialect.js';
import { Conflict, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { ResidentBody } from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { checkIdNumber } from '../domain/id-number.js';
import { registrationOf, type ResidentFacts, type ResidentPatchFacts } from '../domain/registration.js';
import { placeStore, type HouseholdRow } from '../store/place.store.js';
import { residentStore, type ResidentRow } from '../store/resident.store.js';
import { householdInScope } from './household-access.js';
import { resolvePlace } from './place-context.js';

export interface Registered {
  outcome: 'created' | 'merged' | 'review';
  residentId: string;
  reviewId: string | null;
}

/** The entry as stored on a merge review, to apply when it is decided. */
export interface StoredEntry {
  name: string;
  phone: string | null;
  tags: string[];
  note: string | null;
  householdId: string | null;
  gridId: string;
  gridPath: string;
  relation: string | null;
}

/** Checks an entry's own fields (ID number, tags); `field` prefixes problem fields (an import's row). */
export async function checkEntry(
  ex: Executor,
  actor: Actor,
  body: Pick<ResidentBody, 'idNumber' | 'tags'>,
  today: string,
  field = '',
): Promise<{ problems: FieldProblem[]; idNumber: string | null; birthDate: string | null; sex: string | null }> {
  const problems: FieldProblem[] = [];
  let id: { idNumber: string | null; birthDate: string | null; sex: string | null } = {
    idNumber: null,
    birthDate: null,
    sex: null,
  };
  if (body.idNumber) {
    const c = checkIdNumber(body.idNumber, today);
    if (c.ok) id = c;
    else
      problems.push({
        field: `${field}idNumber`,
        code: `resident.id_${c.problem}`,
        message: `ID number: ${c.problem}`,
      });
  }
  if (body.tags?.length) {
    const active = new Set(
      (await residentStore.tags(ex, actor.districtCode)).filter((t) => t.active).map((t) => t.code),
    );
    body.tags.forEach((t, i) => {
      if (!active.has(t))
        problems.push({
          field: `${field}tags[${i}]`,
          code: 'resident.tag_unknown',
          params: { tag: t },
          message: `no tag ${t}`,
        });
    });
  }
  return { problems, ...id };
}

/** Only one 户主 per household. */
async function checkHead(ex: Executor, household: HouseholdRow, relation: string | null | undefined, self?: string) {
  if (relation !== 'head') return;
  const members = await residentStore.householdMembers(ex, [household.id]);
  if (members.some((m) => m.relation === 'head' && m.id !== self))
    throw new Invalid('resident.head_exists', 'the household has a head', [
      { field: 'relation', code: 'resident.head_exists', message: 'the household already has a head' },
    ]);
}

/**
 * Applies what an entry adds to a record of the same person (domain/registration.ts): fills, tags,
 * a move (kept in the history with the old door), back on the register. Writes one history line.
 */
export async function applyMerge(
  ex: Executor,
  actor: Actor,
  row: ResidentRow,
  patch: ResidentPatchFacts & { name?: string },
  entry: { relation: string | null; gridPath: string },
  /** The history line of the merge itself; null for a plain move. */
  kind: 'merged' | 'review_decided' | null,
  now: string,
  moveReason: string | null = null,
): Promise<void> {
  const set: Partial<ResidentRow> = { updated_at: now };
  if (patch.name) set.name = patch.name;
  if (patch.phone) set.phone = patch.phone;
  if (patch.note) set.note = patch.note;
  if (patch.tags) set.tags = JSON.stringify(patch.tags);
  if (patch.reactivate) set.status = 'active';
  let oldDoor: string | null = null;
  let newDoor: string | null = null;
  if (patch.moveTo) {
    if (row.household_id) oldDoor = (await placeStore.household(ex, row.household_id))?.address ?? null;
    if (patch.moveTo.householdId) {
      const target = await placeStore.household(ex, patch.moveTo.householdId);
      if (target) {
        await checkHead(ex, target, entry.relation, row.id);
        newDoor = target.address;
      }
    }
    set.household_id = patch.moveTo.householdId;
    set.grid_id = patch.moveTo.gridId;
    set.grid_path = entry.gridPath;
    set.relation = patch.moveTo.householdId ? entry.relation : null;
  }
  await residentStore.update(ex, row.id, set);
  if (patch.moveTo)
    await residentStore.addEvent(ex, {
      id: newId(Date.parse(now)),
      resident_id: row.id,
      at: now,
      kind: 'moved',
      household_id: patch.moveTo.householdId,
      household_address: newDoor,
      detail: [oldDoor ? `原住址：${oldDoor}` : null, moveReason].filter(Boolean).join('；') || null,
      by_id: actor.accountId,
      by_name: actor.displayName,
    });
  if (kind)
    await residentStore.addEvent(ex, {
      id: newId(Date.parse(now)),
      resident_id: row.id,
      at: now,
      kind,
      household_id: null,
      household_address: null,
      detail: patch.name ? `姓名改为${patch.name}` : null,
      by_id: actor.accountId,
      by_name: actor.displayName,
    });
}

/**
 * Registers a person, inside the caller's transaction (a form, a door-knocking visit, an import row):
 * a new record; or, for an ID number already on record, merged into that record (same name) or held
 * for review (another name). Nothing is written when a field is wrong.
 */
export async function registerResidentIn(
  deps: PopulationDeps,
  trx: Executor,
  actor: Actor,
  body: ResidentBody,
  opts: { requestId?: string; /** Prefix of problem fields: 'newResidents[1].' on a visit. */ field?: string } = {},
): Promise<Registered> {
  const { requestId, field = '' } = opts;
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const checked = await checkEntry(trx, actor, body, localDateOf(nowDate), field);
  if (checked.problems.length) throw new Invalid('resident.invalid', checked.problems[0]!.message, checked.problems);
  let household: HouseholdRow | null = null;
  let gridId: string;
  let gridPath: string;
  if (body.householdId) {
    household = await householdInScope(trx, actor, body.householdId).catch(() => {
      throw new Invalid('resident.household_unknown', 'no such household', [
        {
          field: `${field}householdId`,
          code: 'resident.household_unknown',
          message: 'no such household in your scope',
        },
      ]);
    });
    gridId = household.grid_id;
    gridPath = household.grid_path;
  } else {
    const place = await resolvePlace(deps, trx, actor, { gridId: body.gridId }, field);
    gridId = place.gridId;
    gridPath = place.gridPath;
  }
  const entry: ResidentFacts = {
    name: body.name,
    phone: body.phone ?? null,
    tags: body.tags ?? [],
    note: body.note ?? null,
    householdId: household?.id ?? null,
    gridId,
  };
  const existing = checked.idNumber
    ? await residentStore.byIdNumber(trx, actor.districtCode, checked.idNumber)
    : undefined;
  const decision = registrationOf(
    existing
      ? {
          name: existing.name,
          phone: existing.phone,
          tags: JSON.parse(existing.tags) as string[],
          note: existing.note,
          householdId: existing.household_id,
          gridId: existing.grid_id,
          status: existing.status,
        }
      : null,
    entry,
  );

  if (decision.kind === 'create' || !existing) {
    if (household) await checkHead(trx, household, body.relation);
    const id = newId(nowDate.getTime());
    try {
      await residentStore.insert(trx, {
        id,
        district_code: actor.districtCode,
        id_number: checked.idNumber,
        name: body.name,
        sex: checked.sex,
        birth_date: checked.birthDate,
        phone: body.phone ?? null,
        household_id: household?.id ?? null,
        relation: household ? (body.relation ?? null) : null,
        grid_id: gridId,
        grid_path: gridPath,
        residence_kind: body.residenceKind,
        tags: JSON.stringify(body.tags ?? []),
        status: 'active',
        note: body.note ?? null,
        created_by: actor.accountId,
        created_at: now,
        updated_at: now,
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new Conflict('resident.registered_meanwhile', 'the ID number was registered at the same moment', [
          { field: 'idNumber', code: 'resident.registered_meanwhile', message: 'registered meanwhile; send again' },
        ]);
      throw err;
    }
    await residentStore.addEvent(trx, {
      id: newId(nowDate.getTime()),
      resident_id: id,
      at: now,
      kind: 'registered',
      household_id: household?.id ?? null,
      household_address: household?.address ?? null,
      detail: null,
      by_id: actor.accountId,
      by_name: actor.displayName,
    });
    await recordAudit(trx, {
      actor,
      action: 'resident.register',
      entityType: 'resident',
      entityId: id,
      summary: `登记居民 ${body.name}`,
      requestId,
      at: nowDate,
    });
    return { outcome: 'created', residentId: id, reviewId: null };
  }
  if (decision.kind === 'merge') {
    await applyMerge(
      trx,
      actor,
      existing,
      decision.patch,
      { relation: body.relation ?? null, gridPath },
      'merged',
      now,
    );
    await recordAudit(trx, {
      actor,
      action: 'resident.merge',
      entityType: 'resident',
      entityId: existing.id,
      summary: `同一身份证号再次登记，合并到 ${existing.name}`,
      requestId,
      at: nowDate,
    });
    return { outcome: 'merged', residentId: existing.id, reviewId: null };
  }
  const reviewId = newId(nowDate.getTime());
  const stored: StoredEntry = { ...entry, tags: [...entry.tags], gridPath, relation: body.relation ?? null };
  await residentStore.insertReview(trx, {
    id: reviewId,
    district_code: actor.districtCode,
    resident_id: existing.id,
    proposed_name: body.name,
    entry: JSON.stringify(stored),
    entry_grid_path: gridPath,
    resident_grid_path: existing.grid_path,
    status: 'pending',
    kept: null,
    created_by: actor.accountId,
    created_by_name: actor.displayName,
    created_at: now,
    decided_by_name: null,
    decided_at: null,
  });
  await recordAudit(trx, {
    actor,
    action: 'resident.review',
    entityType: 'resident',
    entityId: existing.id,
    summary: `同一身份证号姓名不一致（${existing.name} / ${body.name}），待审核`,
    requestId,
    at: nowDate,
  });
  return { outcome: 'review', residentId: existing.id, reviewId };
}
