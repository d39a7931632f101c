import { z } from 'zod';
import { CASE_ACTION_TYPES, CASE_STATUSES } from '../modules/cases/domain/case-types.js';

export const CaseStatus = z.enum(CASE_STATUSES);
export const CaseActionType = z.enum(CASE_ACTION_TYPES);
const Crs = z.enum(['wgs84', 'cgcs2000', 'gcj02', 'bd09']);
const fileIds = z.array(z.uuid()).max(20);

export const ReportCaseBody = z.strictObject({
  categoryCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, '请选择问题小类（4 位代码）'),
  description: z.string().trim().min(2, '请描述问题').max(4000),
  /** Map pick or GPS; GCJ-02 (AMap, Tencent) and BD-09 (Baidu) are converted. Without it, the first photo's EXIF GPS is used. */
  location: z
    .strictObject({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), crs: Crs.optional() })
    .nullable()
    .optional(),
  address: z.string().trim().max(200).nullable().optional(),
  photoIds: fileIds.optional(),
  /** 立行整改: fixed by the reporter at once; needs before and after photos and goes straight to verification. */
  fixedOnSpot: z.boolean().optional(),
  beforePhotoIds: fileIds.optional(),
  afterPhotoIds: fileIds.optional(),
});
export type ReportCaseBody = z.infer<typeof ReportCaseBody>;

export const CaseActionBody = z.strictObject({
  type: CaseActionType,
  comment: z.string().trim().max(2000).nullable().optional(),
  attachments: z
    .array(z.strictObject({ fileId: z.uuid(), role: z.enum(['before', 'after', 'evidence']).optional() }))
    .max(20)
    .optional(),
  /** Per type, e.g. dispatch {unitId, timeLimit?}, reject/return/verify_fail/reopen/deny_extension {reason}, merge {targetCaseId}, request_extension {extra, reason}. */
  payload: z.record(z.string(), z.unknown()).optional(),
  /** The version the caller saw: a case changed since answers 409. */
  expectedVersion: z.number().int().min(1).optional(),
});

/** A comma-separated query value, e.g. status=dispatched,handling. */
const list = <T extends string>(item: z.ZodEnum<{ [K in T]: K }>) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

export const ListCasesQuery = z.strictObject({
  status: list(CaseStatus).optional(),
  categoryCode: z
    .string()
    .regex(/^\d{2}(\d{2})?$/)
    .optional(),
  unitId: z.uuid().optional(),
  source: z.string().max(20).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  deadlineStatus: list(z.enum(['none', 'on_time', 'near_overdue', 'overdue'])).optional(),
  reconciled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuery>;

export const DuplicatesQuery = z.strictObject({
  categoryCode: z.string().regex(/^\d{4}$/),
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  crs: Crs.optional(),
});

export const KpisQuery = z.strictObject({ unitId: z.uuid().optional(), from: z.iso.date(), to: z.iso.date() });

export const UpdateCategoryBody = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  timeLimit: z
    .strictObject({ value: z.number().int().min(1).max(8760), unit: z.enum(['hours', 'days']) })
    .nullable()
    .optional(),
  defaultUnitId: z.uuid().nullable().optional(),
  duplicateRadiusM: z.number().int().min(10).max(5000).optional(),
  active: z.boolean().optional(),
});
