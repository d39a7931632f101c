import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import BoardsPage from './BoardsPage';

const BoardReplacementsPage = lazy(() => import('./BoardReplacementsPage'));

/** /boards → the register; /boards/replacements → the replacements of an area over days. */
export default function BoardsRoutes() {
  return (
    <Routes>
      <Route index element={<BoardsPage />} />
      <Route path="replacements" element={<BoardReplacementsPage />} />
    </Routes>
  );
}
