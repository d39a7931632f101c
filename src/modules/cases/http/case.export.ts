import type { Actor } from '../../../kernel/auth/actor.js';
import type { XlsxColumn } from '../../../kernel/xlsx/stream-xlsx.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { CasesDeps } from '../deps.js';
import { caseStore, type CaseListFilter } from '../store/case.store.js';
import { keysetOf, NEWEST_REPORT_FIRST } from '../store/case-order.js';
import { loadCaseNames } from '../commands/case-names.js';
import { presentCaseList } from './case.presenter.js';
import { RECTIFICATION_PROGRESS_NAMES } from '../../../contracts/cases.js';
import { rectificationFacts, rectificationProgress, recordFromJson } from '../domain/index.js';
import type { CaseActionTable } from '../../../kernel/db/schema.js';

/** The actions that say who rectified a case and how (see rectificationFacts). */
const RECTIFICATION_TYPES = ['report', 'dispatch', 'start', 'feedback', 'verify_fail', 'reopen'];

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
  { header: '责任人', key: 'responsible', width: 16 },
  { header: '处置时限', key: 'deadline', width: 17 },
  { header: '是否超期', key: 'overdue', width: 9 },
  { header: '整改措施', key: 'measures', width: 36 },
  { header: '整改情况', key: 'progress', width: 16 },
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
    const byCase = new Map<string, CaseActionTable[]>();
    for (const a of await caseStore.actionsOfTypes(
      db,
      rows.map((r) => r.id),
      RECTIFICATION_TYPES,
    ))
      byCase.set(a.case_id, [...(byCase.get(a.case_id) ?? []), a]);
    const facts = new Map(
      rows.map((r) => [
        r.id,
        rectificationFacts(
          (byCase.get(r.id) ?? []).map((a) => ({ record: recordFromJson(a.record), actorName: a.actor_name })),
        ),
      ]),
    );
    const responsibleUnits = [...facts.values()].map((f) => f.responsible?.unitId ?? null);
    const names = await loadCaseNames(deps, db, actor.districtCode, rows, responsibleUnits);
    for (const c of presentCaseList(rows, names)) {
      const f = facts.get(c.id)!;
      const unit = f.responsible ? names.units.get(f.responsible.unitId) : undefined;
      const rework = c.reworkCount > 0 ? `（返工 ${c.reworkCount} 次）` : '';
      yield {
        ...c,
        no: ++no,
        address: c.address ?? c.gridName ?? c.communityName ?? '',
        // The person, and their unit when it is not the 责任单位 beside it (a 街道 clerk, a reporter).
        responsible: f.responsible
          ? unit && unit !== c.assignedUnitName
            ? `${f.responsible.name}（${unit}）`
            : f.responsible.name
          : '',
        measures: f.measures ?? (f.fixedOnSpot ? '立行整改' : ''),
        progress: RECTIFICATION_PROGRESS_NAMES[rectificationProgress(c.status)] + rework,
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

/**
 * The unit the exported ledger covers, for its title: the unit filtered on, else the exporter's own
 * scope (a 街道 exports 城北街道问题台账, a department its own name, the district 川汇区问题台账).
 */
export async function ledgerScopeName(deps: CasesDeps, actor: Actor, unitId: string | undefined): Promise<string> {
  const scopeUnitId = actor.scopePath.split('/').filter(Boolean).at(-1);
  const id = unitId ?? scopeUnitId;
  const unit = id ? await deps.org.unit(deps.database.db, id) : null;
  return unit?.name ?? deps.config.districtName;
}

/** The heading of an exported or printed ledger: its scope, when and by whom. */
export async function ledgerHeading(
  deps: CasesDeps,
  actor: Actor,
  unitId: string | undefined,
  verb: '导出' | '打印' = '导出',
) {
  const at = formatLocalDateTime(deps.clock.now(), deps.config.timeZone);
  return {
    title: `${await ledgerScopeName(deps, actor, unitId)}问题台账`,
    subtitle: `${verb}时间：${at}  ${verb}人：${actor.displayName}`,
  };
}

/** The ledger for the print page: the export's columns as text, at most `limit` rows. */
export async function ledgerSheet(
  deps: CasesDeps,
  actor: Actor,
  filter: CaseListFilter,
  unitId: string | undefined,
  limit: number,
) {
  const rows: Record<string, string | number>[] = [];
  let truncated = false;
  for await (const row of ledgerRows(deps, actor, filter, deps.config.timeZone)) {
    if (rows.length === limit) {
      truncated = true;
      break;
    }
    rows.push(Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, (row[c.key] as string | number | null) ?? ''])));
  }
  return {
    ...(await ledgerHeading(deps, actor, unitId, '打印')),
    columns: LEDGER_COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width ?? 10 })),
    rows,
    truncated,
  };
}
