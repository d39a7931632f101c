import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import VenueListPage from './VenueListPage';

const VenueDetailPage = lazy(() => import('./VenueDetailPage'));
const VenueSettingsPage = lazy(() => import('./VenueSettingsPage'));
const VenueInspectionsPage = lazy(() => import('./VenueInspectionsPage'));

/**
 * /venues → the list; /venues/settings → types and checklist; /venues/inspections → the inspections
 * of an area over days; /venues/:id → one venue's page.
 */
export default function VenuesRoutes() {
  return (
    <Routes>
      <Route index element={<VenueListPage />} />
      <Route path="settings" element={<VenueSettingsPage />} />
      <Route path="inspections" element={<VenueInspectionsPage />} />
      <Route path=":id" element={<VenueDetailPage />} />
    </Routes>
  );
}
