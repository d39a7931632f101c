import { z } from 'zod';
import { BoundaryCollection, Geometry } from './org.js';

// Shapes of the 耕地保护 API (issue 13 item 7): farmland parcels per village, the village table, the
// farmland cases (ledger cases of 违法占用耕地 inside a parcel) and the district's approval of 不予立案.
// Areas are given in both 亩 and m²; times are ISO UTC.

export const PARCEL_KINDS = ['farmland', 'permanent_basic'] as const;
export const ParcelKind = z.enum(PARCEL_KINDS);
export type ParcelKind = z.infer<typeof ParcelKind>;
export const PARCEL_KIND_NAMES: Record<ParcelKind, string> = { farmland: '耕地', permanent_basic: '永久基本农田' };

/** A village's parcels as a FeatureCollection: properties.kind (耕地 / 永久基本农田), code, name. */
export const ParcelImportBody = BoundaryCollection;
export const ParcelImportReply = z.object({
  imported: z.number().int(),
  /** Parcels kept but flagged: partly outside the village's boundary. */
  partlyOutside: z.number().int(),
  farmlandMu: z.number(),
  permanentBasicMu: z.number(),
  /** Open 违法占用耕地 cases reported before the import, now inside a parcel: marked as farmland cases. */
  casesMarked: z.number().int(),
  /** Open farmland cases of the village without an approval, no longer inside any parcel: unmarked. */
  casesUnmarked: z.number().int(),
});
export type ParcelImportReply = z.infer<typeof ParcelImportReply>;

export const UnitQuery = z.strictObject({ unitId: z.uuid().optional() });

export const ParcelFeatures = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      properties: z.object({
        id: z.string(),
        villageId: z.string(),
        kind: ParcelKind,
        code: z.string(),
        name: z.string().nullable(),
        areaM2: z.number(),
        areaMu: z.number(),
        outsideVillage: z.boolean(),
      }),
      geometry: Geometry,
    }),
  ),
});
export type ParcelFeatures = z.infer<typeof ParcelFeatures>;

export const VillageRow = z.object({
  villageId: z.string(),
  villageName: z.string(),
  kind: z.string(),
  farmlandMu: z.number(),
  permanentBasicMu: z.number(),
  parcels: z.number().int(),
  outsideParcels: z.number().int(),
  cases: z.number().int(),
  openCases: z.number().int(),
  closedCases: z.number().int(),
  rejectedCases: z.number().int(),
  occupiedMu: z.number(),
  casesWithArea: z.number().int(),
  lastImportAt: z.string().nullable(),
});
export type VillageRow = z.infer<typeof VillageRow>;
export const VillageTable = z.object({
  items: z.array(VillageRow),
  total: VillageRow.omit({ villageId: true, villageName: true, kind: true, lastImportAt: true }),
});
export type VillageTable = z.infer<typeof VillageTable>;

export const FarmlandCase = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  status: z.string().nullable(),
  villageId: z.string(),
  villageName: z.string(),
  parcelKind: ParcelKind,
  parcelCode: z.string(),
  location: z.object({ lng: z.number(), lat: z.number() }),
  reportedAt: z.string(),
  occupiedMu: z.number().nullable(),
  approval: z.object({ by: z.string(), byName: z.string(), at: z.string(), note: z.string().nullable() }).nullable(),
});
export type FarmlandCase = z.infer<typeof FarmlandCase>;
export const FarmlandCaseList = z.object({ items: z.array(FarmlandCase), canApprove: z.boolean() });
export type FarmlandCaseList = z.infer<typeof FarmlandCaseList>;

export const OccupiedAreaBody = z.strictObject({
  /** 占用面积, 亩; null clears it. */
  occupiedMu: z.number().min(0, '不能为负数').max(100000, '不超过 100000 亩').nullable(),
});
export type OccupiedAreaBody = z.infer<typeof OccupiedAreaBody>;

export const ApprovalBody = z.strictObject({
  note: z.string().trim().min(1, '请填写审批意见').max(500, '最长 500 个字符'),
});
export type ApprovalBody = z.infer<typeof ApprovalBody>;

export const ParcelAtQuery = z.strictObject({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});
export const ParcelAtReply = z.object({
  found: z.boolean(),
  parcel: z
    .object({ id: z.string(), villageId: z.string(), villageName: z.string(), kind: ParcelKind, code: z.string() })
    .nullable(),
});
export type ParcelAtReply = z.infer<typeof ParcelAtReply>;
