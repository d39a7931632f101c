import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import PatrolListPage from './PatrolListPage';

const PatrolDetailPage = lazy(() => import('./PatrolDetailPage'));

/** /patrols → the list and a day's tracks; /patrols/:id → one patrol with its track and cases. */
export default function PatrolsRoutes() {
  return (
    <Routes>
      <Route index element={<PatrolListPage />} />
      <Route path=":id" element={<PatrolDetailPage />} />
    </Routes>
  );
}
