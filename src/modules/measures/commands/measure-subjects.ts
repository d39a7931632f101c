import { authorize, type Actor } from '../../../kernel/auth/actor.js';
import { NotFound } from '../../../kernel/errors.js';
import { OWNER_ROLES, type MeasureSubject, type OwnerCandidates } from '../../../contracts/measures.js';
import { searchMeasureSubjects } from '../../population/index.js';
import type { MeasuresDeps } from '../deps.js';
import { measureStore } from '../store/measure.store.js';
import { ownedOnly } from './measure-access.js';
import { OWNER_ACCOUNT_ROLE, ownerProblem, subjectInScope } from './start-measure.js';

/** Residents in the caller's scope by name, for the start dialog (whether each has an open measure). */
export async function searchSubjects(
  deps: MeasuresDeps,
  actor: Actor,
  q: string | undefined,
): Promise<MeasureSubject[]> {
  authorize(actor, 'measure.manage');
  if (ownedOnly(actor)) return [];
  const ex = deps.database.db;
  const found = await searchMeasureSubjects(ex, deps.database.dialect, deps.org, {
    districtCode: actor.districtCode,
    path: actor.scopePath,
    q: q || undefined,
    limit: 20,
  });
  const open = await measureStore.residentsWithOpen(
    ex,
    found.map((s) => s.id),
  );
  return found.map((s) => ({
    id: s.id,
    name: s.name,
    householdAddress: s.householdAddress,
    community: { id: s.community.id, name: s.community.name },
    subdistrict: { id: s.subdistrict.id, name: s.subdistrict.name },
    openMeasure: open.has(s.id),
  }));
}

/** The accounts that may own a measure on this resident, per role of 四包一 (the start dialog's pickers). */
export async function ownerCandidates(deps: MeasuresDeps, actor: Actor, residentId: string): Promise<OwnerCandidates> {
  authorize(actor, 'measure.manage');
  const ex = deps.database.db;
  const subject = await subjectInScope(deps, ex, actor, residentId).catch(() => {
    throw new NotFound('resident', residentId);
  });
  const out = { subdistrict: [], community: [], police: [], doctor: [] } as OwnerCandidates;
  for (const role of OWNER_ROLES) {
    const accounts = await deps.org.accountsWithRole(ex, actor.districtCode, OWNER_ACCOUNT_ROLE[role] as never);
    out[role] = accounts.filter((a) => !ownerProblem(role, a, subject)).map((a) => ({ id: a.id, name: a.name }));
  }
  return out;
}
