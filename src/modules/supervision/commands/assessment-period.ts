import { Invalid } from '../../../kernel/errors.js';
import type { AssessmentPeriod } from '../domain/index.js';

/** '2026' → the year, '2026-Q4' → the quarter, '2026-11' → the month; local dates inclusive. */
export function parseAssessmentPeriod(period: string): AssessmentPeriod {
  const y = Number(period.slice(0, 4));
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  const m = /^\d{4}-(\d{2})$/.exec(period);
  const last = (month: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  if (q) {
    const first = (Number(q[1]) - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${last(first + 2)}` };
  }
  if (m) {
    const month = Number(m[1]);
    if (month < 1 || month > 12)
      throw new Invalid('supervision.bad_period', `no month ${m[1]}`, [
        { field: 'period', code: 'assessment.month_invalid', message: 'month must be 01–12' },
      ]);
    return { from: `${y}-${m[1]}-01`, to: `${y}-${m[1]}-${last(month)}` };
  }
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
