import { sql, type Expression, type SqlBool } from 'kysely';
import { CASE_STATUSES, type CaseSortKey } from '../../../contracts/cases.js';
import type { CaseTable } from '../../../kernel/db/schema.js';

/** The ledger's order: one sortable column, then the id in the same direction (a total order). */
export interface CaseOrder {
  key: CaseSortKey;
  desc: boolean;
}

/** The ledger's default: newest report first (not newest id: an offline report is minted late). */
export const NEWEST_REPORT_FIRST: CaseOrder = { key: 'reportedAt', desc: true };

/** Where the previous page ended: its last row's sort value and id. */
export interface CaseKeyset {
  value: string | number | null;
  id: string;
}

if (!CASE_STATUSES.every((s) => /^[a-z_]+$/.test(s))) throw new Error('case statuses must be plain words');
/** 状态 in workflow order (the order of CASE_STATUSES); statuses are plain words, so inlined. */
const statusRank = sql<number>`(CASE status ${sql.raw(
  CASE_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' '),
)} ELSE ${sql.raw(String(CASE_STATUSES.length))} END)`;

function rankOf(status: string): number {
  const i = (CASE_STATUSES as readonly string[]).indexOf(status);
  return i < 0 ? CASE_STATUSES.length : i;
}

/** The sort value of a row, as the keyset and the in-memory merge compare it. */
export function sortValue(row: Pick<CaseTable, 'reported_at' | 'deadline' | 'status'>, key: CaseSortKey) {
  return key === 'reportedAt' ? row.reported_at : key === 'deadline' ? row.deadline : rankOf(row.status);
}

export function keysetOf(row: CaseTable, order: CaseOrder): CaseKeyset {
  return { value: sortValue(row, order.key), id: row.id };
}

/** The expression sorted on (the deadline is ordered NULLS LAST by the store). */
export const sortColumn = (key: CaseSortKey) =>
  key === 'reportedAt' ? sql.ref('reported_at') : key === 'deadline' ? sql.ref('deadline') : statusRank;

/** Rows after the keyset in the order (a row-value comparison, which walks an index on both columns). */
export function afterKeyset(order: CaseOrder, k: CaseKeyset): Expression<SqlBool> {
  const op = sql.raw(order.desc ? '<' : '>');
  const col = sortColumn(order.key);
  if (order.key !== 'deadline') return sql<SqlBool>`(${col}, id) ${op} (${k.value}, ${k.id})`;
  if (k.value === null) return sql<SqlBool>`(deadline IS NULL AND id ${op} ${k.id})`;
  return sql<SqlBool>`(deadline IS NULL OR (deadline, id) ${op} (${k.value}, ${k.id}))`;
}

/** The same order in memory, for merging the per-status walks. */
export function compareCases(order: CaseOrder) {
  const sign = order.desc ? -1 : 1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: CaseTable, b: CaseTable): number => {
    const va = sortValue(a, order.key);
    const vb = sortValue(b, order.key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = cmp(va, vb);
      if (c) return sign * c;
    }
    return sign * cmp(a.id, b.id);
  };
}
