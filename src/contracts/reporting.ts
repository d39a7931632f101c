import { z } from 'zod';

// Shapes of the reporting API; the form definition itself is checked by the domain (form-schema.ts),
// which names every problem's field.

export const FormDefinitionBody = z.strictObject({
  code: z.string(),
  name: z.string(),
  periodType: z.enum(['daily', 'weekly', 'monthly']),
  deadline: z.strictObject({ time: z.string(), dayOffset: z.number().int(), graceDays: z.number().int().optional() }),
  allowZero: z.boolean(),
  reporters: z.union([
    z.strictObject({ kind: z.literal('level'), unitKind: z.string() }),
    z.strictObject({ kind: z.literal('units'), unitIds: z.array(z.uuid()).min(1) }),
  ]),
  fields: z.array(z.record(z.string(), z.unknown())).min(1).max(200),
  rules: z.array(z.record(z.string(), z.unknown())).max(100).default([]),
});

export const SubmitBody = z.strictObject({
  unitId: z.uuid(),
  /** '2026-11-30' (daily), '2026-W49' (weekly) or '2026-11' (monthly). */
  period: z.string().min(7).max(10),
  values: z.record(z.string(), z.unknown()).nullable().optional(),
  /** 零报告 (今日无新增): counts as submitted; only where the form allows it. */
  zero: z.boolean().optional(),
  /** The version the form was filled in; a replaced version is refused so no value is misread. */
  formVersion: z.number().int().min(1).optional(),
});

export const CompletenessQuery = z.strictObject({
  unitId: z.uuid().optional(),
  from: z.string().min(7).max(10),
  to: z.string().min(7).max(10),
});
