import { rollupRows, type CaseState, type RollupRow } from '../src/modules/cases/domain/index.js';
import { placeOf, summaryOf } from '../src/modules/cases/commands/kpi-rollup.js';
import type { WorkCalendar } from '../src/kernel/calendar/index.js';

/**
 * Derived tables the commands keep beside `cases` (today: the KPI roll-up per basis, view, unit
 * path and day) must exist for generated cases too, or the server would answer from an empty
 * cache. The bench sums the domain's own rows per case here, as the commands do; the KPI figures
 * are checked against computeKpis.
 */
const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

export class RollupSums {
  private readonly sums = new Map<string, RollupRow>();

  private constructor(private readonly calendar: WorkCalendar) {}

  static create(calendar: WorkCalendar): RollupSums {
    return new RollupSums(calendar);
  }

  add(s: CaseState): void {
    for (const r of rollupRows(summaryOf(s), placeOf(s), this.calendar)) {
      const key = `${r.basis}|${r.view}|${r.path}|${r.day}`;
      const cur = this.sums.get(key);
      if (!cur) this.sums.set(key, r);
      else for (const k of Object.keys(r.counts) as (keyof RollupRow['counts'])[]) cur.counts[k] += r.counts[k];
    }
  }

  /** Rows for case_kpi_days, keyed by the table's snake_case columns. */
  rows(districtCode: string): Record<string, unknown>[] {
    return [...this.sums.values()].map((r) => {
      const row: Record<string, unknown> = {
        district_code: districtCode,
        basis: r.basis,
        kpi_view: r.view,
        unit_path: r.path,
        day: r.day,
      };
      for (const [k, v] of Object.entries(r.counts)) row[snake(k)] = v;
      return row;
    });
  }
}
