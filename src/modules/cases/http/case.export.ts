import type { Actor } from '../../../kernel/auth/actor.js';
import type { XlsxColumn } from '../../../kernel/xlsx/stream-xlsx.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { CasesDeps } from '../deps.js';
import { caseStore, type CaseListFilter } from '../store/case.store.js';
import { keysetOf, NEWEST_REPORT_FIRST } from '../store/case-order.js';
import { loadCaseNames } from '../commands/case-names.js';
import { presentCaseList } from './case.presenter.js';

/** The ledger as offices print it. */
export const LEDGER_COLUMNS: XlsxColumn[] = [
  { header: '序号', key: 'no', width: 6 },
  { header: '案卷号', key: 'caseNumber', width: 22 },
  { header: '问题类别', key: 'categoryName', width: 14 },
  { header: '问题描述', key: 'description', width: 40 },
  { header: '所属街道', key: 'subdistrictName', width: 16 },
  { header: '所属社区', key: 'communityName', width: 14 },
  { header: '所属网格', key: 'gridName', width: 20 },
  { header: '地址', key: 'address', width: 20 },
  { header: '上报时间', key: 'reportedAt', width: 17 },
  { header: '状态', key: 'statusName', width: 11 },
  { header: '责任单位', key: 'assignedUnitName', width: 20 },
  { header: '处置时限', key: 'deadline', width: 17 },
  { header: '是否超期', key: 'overdue', width: 9 },
  { header: '结案时间', key: 'closedAt', width: 17 },
  { header: '销号', key: 'reconciled', width: 7 },
];

/** Pages through the filtered ledger by keyset, 1,000 rows at a time, so memory stays flat. */
export async function* ledgerRows(
  deps: CasesDeps,
  actor: Actor,
  filter: CaseListFilter,
  timeZone: string,
): AsyncGenerator<Record<string, unknown>> {
  const local = (iso: string | null) => (iso ? formatLocalDateTime(new Date(iso), timeZone) : '');
  const db = deps.database.db;
  let after = filter.after;
  let no = 0;
  for (;;) {
    const rows = await caseStore.list(db, deps.database.dialect, { ...filter, after, limit: 1000 });
    if (!rows.length) return;
    for (const c of presentCaseList(rows, await loadCaseNames(deps, db, actor.districtCode, rows))) {
      yield {
        ...c,
        no: ++no,
        reportedAt: local(c.reportedAt),
        deadline: local(c.deadline),
        closedAt: local(c.closedAt),
        overdue: c.deadlineStatus === 'overdue' ? '超期' : c.deadlineStatus === 'near_overdue' ? '预警' : '',
        reconciled: c.reconciledAt ? '已销号' : '',
      };
    }
    after = keysetOf(rows[rows.length - 1], filter.order ?? NEWEST_REPORT_FIRST);
    if (rows.length < 1000) return;
  }
}
