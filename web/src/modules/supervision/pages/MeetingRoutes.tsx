import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import MeetingListPage from './MeetingListPage';

const MeetingDetailPage = lazy(() => import('./MeetingDetailPage'));

/** /supervision/meetings → the list; /supervision/meetings/:id → one meeting. */
export default function MeetingRoutes() {
  return (
    <Routes>
      <Route index element={<MeetingListPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
    </Routes>
  );
}
