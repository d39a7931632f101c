import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import BranchListPage from './BranchListPage';

const BranchPage = lazy(() => import('./BranchPage'));

/** /stars/branches → the branches in scope; /stars/branches/:id → one branch's page. */
export default function BranchesRoutes() {
  return (
    <Routes>
      <Route index element={<BranchListPage />} />
      <Route path=":id" element={<BranchPage />} />
    </Routes>
  );
}
