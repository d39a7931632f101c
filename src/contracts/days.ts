import { z } from 'zod';

/**
 * A real calendar day (YYYY-MM-DD, the district's local date): the shape, and a date that exists —
 * 2026-02-30 is refused here, naming the field, instead of failing later without one.
 */
export const calendarDay = (shapeMessage = '日期格式为 YYYY-MM-DD') =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, shapeMessage)
    .refine((d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
    }, '不是有效的日期');
