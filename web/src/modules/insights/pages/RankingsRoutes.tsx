import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import RankingsPage from './RankingsPage';

const PrintRankingPage = lazy(() => import('../print/PrintRankingPage'));

/** /insights/rankings → the ranking; /insights/rankings/print → the 通报 on A4. */
export default function RankingsRoutes() {
  return (
    <Routes>
      <Route index element={<RankingsPage />} />
      <Route path="print" element={<PrintRankingPage />} />
    </Routes>
  );
}
