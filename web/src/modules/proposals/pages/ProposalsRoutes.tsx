import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import ProposalListPage from './ProposalListPage';

const ProposalDetailPage = lazy(() => import('./ProposalDetailPage'));

/** /proposals → the list; /proposals/:id → one proposal. */
export default function ProposalsRoutes() {
  return (
    <Routes>
      <Route index element={<ProposalListPage />} />
      <Route path=":id" element={<ProposalDetailPage />} />
    </Routes>
  );
}
