import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import LedgerPage from './LedgerPage';

const CaseDetailPage = lazy(() => import('./CaseDetailPage'));
const PrintLedgerPage = lazy(() => import('../print/PrintLedgerPage'));
const PrintCasePage = lazy(() => import('../print/PrintCasePage'));
const PrintDispatchPage = lazy(() => import('../print/PrintDispatchPage'));

/**
 * /cases → the ledger; /cases/:id → one case; /cases/print, /cases/:id/print and
 * /cases/:id/dispatch-order → the printed ledger, 案卷 and 派遣单. (上报、对账、统计 have their own menu entries.)
 */
export default function CasesRoutes() {
  return (
    <Routes>
      <Route index element={<LedgerPage />} />
      <Route path="print" element={<PrintLedgerPage />} />
      <Route path=":id" element={<CaseDetailPage />} />
      <Route path=":id/print" element={<PrintCasePage />} />
      <Route path=":id/dispatch-order" element={<PrintDispatchPage />} />
    </Routes>
  );
}
