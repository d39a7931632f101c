import * as domain from '../src/modules/cases/domain/index.js';
import type { CaseState, CaseSummary } from '../src/modules/cases/domain/index.js';
import type { WorkCalendar } from '../src/kernel/calendar/index.js';

/**
 * Derived tables the commands keep beside `cases` (today: the KPI roll-up per community and report
 * day) must exist for generated cases too, or the server would answer from an empty cache. When
 * the cases module exports a rebuild, the bench calls that; otherwise it sums the domain's own
 * per-case contribution here. The KPI figures are checked against computeKpis either way.
 */
type Contribution = (s: CaseSummary, calendar: WorkCalendar) => Record<string, number>;

const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

export class RollupSums {
  private readonly sums = new Map<string, Record<string, number>>();

  private constructor(
    private readonly contribution: Contribution,
    private readonly calendar: WorkCalendar,
  ) {}

  /** null when the domain has no roll-up (nothing to keep beside the cases). */
  static create(calendar: WorkCalendar): RollupSums | null {
    const fn = (domain as Record<string, unknown>).rollupContribution;
    return typeof fn === 'function' ? new RollupSums(fn as Contribution, calendar) : null;
  }

  add(s: CaseState): void {
    // The community's path for a case in a grid, the district's otherwise.
    const area = s.gridPath ? `/${s.gridPath.split('/').filter(Boolean).slice(0, 3).join('/')}/` : s.districtPath;
    const day = this.calendar.localDate(s.reportedAt).replaceAll('-', '');
    const c = this.contribution(
      {
        status: s.status,
        dispatchedAt: s.dispatchedAt,
        deadline: s.deadline,
        closedAt: s.closedAt,
        firstFeedbackAt: s.firstFeedbackAt,
        firstFeedbackOnTime: s.firstFeedbackOnTime,
        reworkCount: s.reworkCount,
        extensionCount: s.extensionCount,
      },
      this.calendar,
    );
    const key = `${area}|${day}`;
    const cur = this.sums.get(key);
    if (!cur) {
      this.sums.set(key, { ...c });
      return;
    }
    for (const k in c) cur[k] += c[k];
  }

  /** Rows for case_kpi_rollup, keyed by the table's snake_case columns. */
  rows(districtCode: string): Record<string, unknown>[] {
    return [...this.sums].map(([key, c]) => {
      const [area, day] = key.split('|');
      const row: Record<string, unknown> = { district_code: districtCode, area_path: area, day };
      for (const k in c) row[snake(k)] = c[k];
      return row;
    });
  }
}
