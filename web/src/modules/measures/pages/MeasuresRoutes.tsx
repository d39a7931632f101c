import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import MeasureListPage from './MeasureListPage';

const MeasureDetailPage = lazy(() => import('./MeasureDetailPage'));

/** /measures → the list and completeness; /measures/:id → one measure's day-by-day follow-ups. */
export default function MeasuresRoutes() {
  return (
    <Routes>
      <Route index element={<MeasureListPage />} />
      <Route path=":id" element={<MeasureDetailPage />} />
    </Routes>
  );
}
