import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../../lib/query';
import { LEDGER_PRINT_LIMIT } from '../../../../../src/contracts/cases';
import { casesApi, type CaseListQuery, type LedgerSheet } from '../api';
import { PrintFrame } from './PrintFrame';

/** The filtered ledger on landscape A4, in the columns and under the title of its .xlsx export. */
export default function PrintLedgerPage() {
  const [params] = useSearchParams();
  const query = useMemo(() => {
    const q: Record<string, string> = {};
    for (const [k, v] of params) if (v) q[k] = v;
    return q as CaseListQuery;
  }, [params]);
  const { data, loading, error } = useApiQuery(['cases', 'ledger-sheet', query], (signal) =>
    casesApi.ledgerSheet(query, signal),
  );
  return (
    <PrintFrame name="问题台账" landscape loading={loading && !data} error={error} testId="print-ledger">
      {data && <LedgerSheetView sheet={data} />}
    </PrintFrame>
  );
}

function LedgerSheetView({ sheet }: { sheet: LedgerSheet }) {
  const total = sheet.columns.reduce((s, c) => s + c.width, 0);
  return (
    <>
      <h1 className="cg-print-title" data-testid="print-ledger-title">
        {sheet.title}
      </h1>
      <div className="cg-print-meta">
        <span>{sheet.subtitle}</span>
        <span>共 {sheet.rows.length} 件</span>
      </div>
      <table className="cg-print-table">
        <colgroup>
          {sheet.columns.map((c) => (
            <col key={c.key} style={{ width: `${((c.width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {sheet.columns.map((c) => (
              <th key={c.key}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((r, i) => (
            <tr key={i} data-testid="print-ledger-row">
              {sheet.columns.map((c) => (
                <td key={c.key}>{r[c.key] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.rows.length === 0 && <div className="cg-print-note">没有符合条件的案卷。</div>}
      {sheet.truncated && (
        <div className="cg-print-note">只打印了前 {LEDGER_PRINT_LIMIT} 件；请缩小筛选范围，或导出 Excel 查看全部。</div>
      )}
    </>
  );
}
