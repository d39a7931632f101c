import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import LedgerPage from './LedgerPage';

const CaseDetailPage = lazy(() => import('./CaseDetailPage'));

/** /cases → the ledger; /cases/:id → one case. (上报、对账、统计 have their own menu entries.) */
export default function CasesRoutes() {
  return (
    <Routes>
      <Route index element={<LedgerPage />} />
      <Route path=":id" element={<CaseDetailPage />} />
    </Routes>
  );
}
