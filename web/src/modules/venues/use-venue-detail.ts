import { useState } from 'react';
import { useApiQuery, useInvalidate } from '../../lib/query';
import { venuesApi, type VenueDetail } from './api';

export type VenueDialog = 'edit' | 'inspect' | 'close' | 'lift' | null;

/** The venue page's data and which dialog is open; `saved` refreshes the page and the list. */
export function useVenueDetail(id: string) {
  const venue = useApiQuery(['venues', 'detail', id], (signal) => venuesApi.get(id, signal));
  const settings = useApiQuery(['venues', 'settings'], (signal) => venuesApi.settings(signal));
  const invalidate = useInvalidate();
  const [dialog, setDialog] = useState<VenueDialog>(null);
  /** The full phone number once revealed (with a reason, audited); gone when the page is left. */
  const [revealed, setRevealed] = useState<string | null>(null);
  const saved = async () => {
    setDialog(null);
    await invalidate(['venues']);
  };
  const data: VenueDetail | undefined = venue.data;
  return { venue, data, settings: settings.data, dialog, setDialog, saved, revealed, setRevealed };
}
