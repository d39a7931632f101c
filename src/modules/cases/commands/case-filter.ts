import type { Actor } from '../../../kernel/auth/actor.js';
import { Invalid } from '../../../kernel/errors.js';
import type { CaseSortKey, ListCasesQuery } from '../../../contracts/cases.js';
import type { CasesDeps } from '../deps.js';
import type { CaseListFilter } from '../store/case.store.js';
import type { CaseKeyset, CaseOrder } from '../store/case-order.js';
import { calendarFor } from './case-context.js';
import { waitingCaseIds } from './work-items.js';

/** Local dates (Asia/Shanghai) to the UTC instants that bound them. */
export async function periodBounds(deps: CasesDeps, actor: Actor, from?: string, to?: string) {
  const cal = await calendarFor(deps, deps.database.db, actor.districtCode);
  const next = (d: string) => new Date(cal.startOfDay(d).getTime() + 86_400_000).toISOString();
  return { from: from ? cal.startOfDay(from).toISOString() : undefined, to: to ? next(to) : undefined };
}

export async function listFilter(
  deps: CasesDeps,
  actor: Actor,
  q: ListCasesQuery,
  limit: number,
): Promise<CaseListFilter> {
  const unitPath = q.unitId ? (await deps.org.unit(deps.database.db, q.unitId))?.path : undefined;
  if (q.unitId && !unitPath)
    throw new Invalid('case.unknown_unit', `unit ${q.unitId} does not exist`, [
      { field: 'unitId', code: 'unit.missing', message: 'no such unit' },
    ]);
  const { from, to } = await periodBounds(deps, actor, q.from, q.to);
  const deadline = await periodBounds(deps, actor, q.deadlineFrom, q.deadlineTo);
  const district = await deps.org.unitByCode(deps.database.db, actor.districtCode);
  return {
    scopePath: actor.scopePath,
    unitPath,
    districtPath: district?.path,
    districtCode: actor.districtCode,
    assignedUnitId: q.assignedUnitId,
    status: q.status,
    categoryCode: q.categoryCode,
    source: q.source,
    from,
    to,
    deadlineStatus: q.deadlineStatus,
    deadlineFrom: deadline.from,
    deadlineTo: deadline.to,
    reconciled: q.reconciled,
    q: q.q,
    ...(q.waiting ? { ids: await waitingCaseIds(deps, actor, q.waiting) } : {}),
    order: caseOrder(q),
    after: q.cursor ? decodeCursor(q.cursor, caseOrder(q)) : undefined,
    limit,
  };
}

/** Without `order`: 上报时间 newest first, 处置时限 soonest first, 状态 in workflow order. */
const DESCENDING_BY_DEFAULT: Record<CaseSortKey, boolean> = { reportedAt: true, deadline: false, status: false };

export function caseOrder(q: Pick<ListCasesQuery, 'sort' | 'order'>): CaseOrder {
  const key = q.sort ?? 'reportedAt';
  return { key, desc: q.order ? q.order === 'desc' : DESCENDING_BY_DEFAULT[key] };
}

/** The opaque `nextCursor`: the order it belongs to and where the page ended. */
export function encodeCursor(order: CaseOrder, k: CaseKeyset): string {
  return Buffer.from(JSON.stringify([order.key, order.desc ? 'd' : 'a', k.value, k.id])).toString('base64url');
}

function decodeCursor(cursor: string, order: CaseOrder): CaseKeyset {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 4 &&
    parsed[0] === order.key &&
    parsed[1] === (order.desc ? 'd' : 'a') &&
    (parsed[2] === null || ['string', 'number'].includes(typeof parsed[2])) &&
    typeof parsed[3] === 'string' &&
    /^[0-9a-f-]{36}$/.test(parsed[3])
  )
    return { value: parsed[2] as string | number | null, id: parsed[3] };
  throw new Invalid('case.bad_cursor', 'not a nextCursor of this sort and order', [
    { field: 'cursor', code: 'case.cursor_invalid', message: 'not a nextCursor of this sort and order' },
  ]);
}
