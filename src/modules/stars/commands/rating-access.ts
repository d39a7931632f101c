import type { Actor } from '../../../kernel/auth/actor.js';
import { inScope } from '../../../kernel/auth/actor.js';
import type { WorkCalendar } from '../../../kernel/calendar/index.js';
import type { Executor } from '../../../kernel/db/db.js';
import { DomainError, Invalid } from '../../../kernel/errors.js';
import type { BranchKind } from '../../../contracts/stars.js';
import type { UnitRef } from '../../org/index.js';
import { cachedWorkCalendar } from '../../platform/index.js';
import { branchKindOf } from '../domain/star-set.js';
import type { StarsDeps } from '../deps.js';

/** A 街道 or a 乡镇: what a branch's community or village hangs under. */
const SUBDISTRICT_KINDS = ['subdistrict', 'township'];

/** A party branch with what the rating shows of it: its community or village and its 街道. */
export interface BranchInfo {
  id: string;
  name: string;
  path: string;
  districtCode: string;
  kind: BranchKind;
  communityName: string;
  subdistrictName: string;
}

/** The district's working calendar, built once and reused until a day changes (see CalendarCache). */
export function calendarFor(
  deps: Pick<StarsDeps, 'database' | 'config'>,
  ex: Executor,
  districtCode: string,
): Promise<WorkCalendar> {
  return cachedWorkCalendar(deps.database, ex, districtCode, deps.config.timeZone);
}

/** One collator for every sort by name: building one per comparison costs more than the sort. */
const zh = new Intl.Collator('zh-CN', { numeric: true });

/** Branches by 街道, then name, as people read them (costly on 20,000: for lists, not for the ranking). */
export function sortByName<T extends Pick<BranchInfo, 'subdistrictName' | 'name'>>(branches: T[]): T[] {
  return branches.sort((a, b) => zh.compare(a.subdistrictName, b.subdistrictName) || zh.compare(a.name, b.name));
}

const parentIdOf = (path: string) => path.split('/').filter(Boolean).slice(-2, -1)[0];

/**
 * A branch named in a request: unknown, retired, of another district or not a branch of a community or
 * village is a field problem (422); outside the actor's scope a refusal naming the field (403), so
 * nothing of it is written or shown.
 */
export async function branchInScope(
  deps: StarsDeps,
  ex: Executor,
  actor: Actor,
  branchId: string,
  field = 'branchId',
): Promise<BranchInfo> {
  const unit = await deps.org.unit(ex, branchId);
  const unknown = () =>
    new Invalid('rating.branch_unknown', `${field}: no such party branch`, [
      { field, code: 'rating.branch_unknown', message: 'no such party branch' },
    ]);
  if (!unit || unit.districtCode !== actor.districtCode || unit.status !== 'active' || unit.kind !== 'party_branch')
    throw unknown();
  if (!inScope(actor, unit.path))
    throw new DomainError(
      'forbidden',
      'rating.branch_out_of_scope',
      `${field}: the branch is outside your data scope`,
      [{ field, code: 'rating.branch_out_of_scope', message: 'the branch is outside your data scope' }],
    );
  const ancestors = await deps.org.ancestors(ex, unit.path);
  const parent = ancestors.find((a) => a.id === parentIdOf(unit.path));
  const kind = parent ? branchKindOf(parent.kind) : null;
  if (!parent || !kind) throw unknown();
  const sub = ancestors.find((a) => SUBDISTRICT_KINDS.includes(a.kind));
  return {
    id: unit.id,
    name: unit.name,
    path: unit.path,
    districtCode: unit.districtCode,
    kind,
    communityName: parent.name,
    subdistrictName: sub?.name ?? '',
  };
}

/**
 * The unit a list or ranking is asked for: the caller's scope root by default; another unit must lie in
 * the scope (403 naming unitId) and be the district, a 街道, a community or a village.
 */
export async function scopeUnit(deps: StarsDeps, ex: Executor, actor: Actor, unitId?: string): Promise<UnitRef> {
  const unit = await deps.org.unit(ex, unitId ?? actor.unitId);
  if (!unit || unit.districtCode !== actor.districtCode)
    throw new Invalid('rating.unit_unknown', 'unitId: no such unit', [
      { field: 'unitId', code: 'rating.unit_unknown', message: 'no such unit' },
    ]);
  if (!inScope(actor, unit.path))
    throw new DomainError('forbidden', 'rating.unit_out_of_scope', 'unitId: the unit is outside your data scope', [
      { field: 'unitId', code: 'rating.unit_out_of_scope', message: 'the unit is outside your data scope' },
    ]);
  return unit;
}

/**
 * The active branches under a path with their community or village and 街道, in the tree's order of
 * paths (sortByName puts them in the order people read). Branches hanging elsewhere (under a 街道 or a department) are not rated and not listed.
 */
export async function branchesUnder(deps: StarsDeps, ex: Executor, districtCode: string, path: string) {
  const branches = (await deps.org.unitsUnder(ex, districtCode, path, { kind: 'party_branch' })).filter(
    (b) => b.retiredAt === null,
  );
  // The units above the branches (their communities or villages and 街道, which may lie above the path
  // asked for), from the directory's cache: a thousand ids, not another scan of the tree.
  const above = new Set<string>();
  for (const b of branches) {
    const parentPath = b.path.slice(0, b.path.lastIndexOf('/', b.path.length - 2) + 1);
    for (const id of parentPath.split('/')) if (id) above.add(id);
  }
  const units = await deps.org.unitsByIds(ex, [...above]);
  // Per community or village: its kind, name and 街道, worked out once for all its branches.
  const byParent = new Map<string, { kind: BranchKind; communityName: string; subdistrictName: string } | null>();
  const parentInfo = (ids: string[]) => {
    const parentId = ids[ids.length - 2] ?? '';
    if (!byParent.has(parentId)) {
      const parent = units.get(parentId);
      const kind = parent && parent.status === 'active' ? branchKindOf(parent.kind) : null;
      const sub = ids.map((id) => units.get(id)).find((u) => !!u && SUBDISTRICT_KINDS.includes(u.kind));
      byParent.set(parentId, kind ? { kind, communityName: parent!.name, subdistrictName: sub?.name ?? '' } : null);
    }
    return byParent.get(parentId)!;
  };
  const out: BranchInfo[] = [];
  for (const b of branches) {
    const info = parentInfo(b.path.split('/').filter(Boolean));
    if (info) out.push({ id: b.id, name: b.name, path: b.path, districtCode, ...info });
  }
  return out;
}
