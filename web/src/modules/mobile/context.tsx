import { createContext, useContext } from 'react';
import type { Me } from '../auth/api';
import type { CaseSummary, Category } from './api';
import type { CachedResource } from './lib/cache';
import type { OutboxView } from './lib/hooks';
import type { Outcome } from './lib/outbox';

export type PhoneMode = 'grid' | 'crew';

export interface CaseList {
  items: CaseSummary[];
  nextCursor: string | null;
}

export interface MobileState {
  me: Me;
  online: boolean;
  outbox: OutboxView;
  categories: CachedResource<Category[]>;
  /** My grid's open cases (first page). */
  open: CachedResource<CaseList>;
  /** Cases waiting for my verification. */
  toVerify: CachedResource<CaseList>;
  /** 'crew' on the handling crew's pages (处置通), 'grid' on the grid worker's. */
  mode: PhoneMode;
  /** 处置通: cases dispatched to my unit, to sign or being handled. */
  crewTodo: CachedResource<CaseList>;
  /** 处置通: cases my unit fed back, waiting for verification. */
  crewDone: CachedResource<CaseList>;
  /**
   * Sends the outbox now: all pending items in order, or just `only`. The page that asks shows the
   * outcome of `focus` (default: the items sent), so no toast is shown for those.
   */
  sendNow(only?: string[], focus?: string[]): Promise<Map<string, Outcome>>;
  canReport: boolean;
}

export const MobileContext = createContext<MobileState | null>(null);

export function useMobile(): MobileState {
  const ctx = useContext(MobileContext);
  if (!ctx) throw new Error('useMobile outside the phone page');
  return ctx;
}
