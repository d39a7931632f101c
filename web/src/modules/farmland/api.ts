import { api } from '../../lib/api';
import type {
  FarmlandCase,
  FarmlandCaseList,
  ParcelFeatures,
  ParcelImportReply,
  ParcelKind,
  VillageRow,
  VillageTable,
} from '../../../../src/contracts/farmland';
import type { Crs } from '../org/api';

/** The shapes come from the server's contract (src/contracts/farmland.ts). */
export type { FarmlandCase, FarmlandCaseList, ParcelFeatures, ParcelImportReply, ParcelKind, VillageRow, VillageTable };

const unit = (unitId?: string) => (unitId ? { unitId } : undefined);

export const farmlandApi = {
  villages: (unitId: string | undefined, signal?: AbortSignal) =>
    api.get<VillageTable>('/farmland/villages', unit(unitId), { signal }),
  parcels: (unitId: string | undefined, signal?: AbortSignal) =>
    api.get<ParcelFeatures>('/farmland/parcels', unit(unitId), { signal }),
  cases: (unitId: string | undefined, signal?: AbortSignal) =>
    api.get<FarmlandCaseList>('/farmland/cases', unit(unitId), { signal }),
  importParcels: (villageId: string, crs: Crs, collection: unknown) =>
    api.post<ParcelImportReply>(`/farmland/villages/${villageId}/parcels?crs=${crs}`, collection),
  setOccupied: (caseId: string, occupiedMu: number | null) =>
    api.put<{ ok: true }>(`/farmland/cases/${caseId}/occupied-area`, { occupiedMu }),
  approve: (caseId: string, note: string) => api.post<{ ok: true }>(`/farmland/cases/${caseId}/approval`, { note }),
};
