import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import CampaignListPage from './CampaignListPage';

const CampaignDetailPage = lazy(() => import('./CampaignDetailPage'));

/** /campaigns → the list; /campaigns/:id → one campaign with its units, cases and quantities. */
export default function CampaignsRoutes() {
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path=":id" element={<CampaignDetailPage />} />
    </Routes>
  );
}
