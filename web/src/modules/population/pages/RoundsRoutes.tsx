import { Route, Routes } from 'react-router';
import RoundListPage from './RoundListPage';
import RoundPage from './RoundPage';

/** /door-knocking → the rounds; /door-knocking/:id → one round's coverage, gaps and visits. */
export default function RoundsRoutes() {
  return (
    <Routes>
      <Route index element={<RoundListPage />} />
      <Route path=":id" element={<RoundPage />} />
    </Routes>
  );
}
