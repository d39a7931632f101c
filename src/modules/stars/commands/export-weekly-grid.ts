import type { Actor } from '../../../kernel/auth/actor.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import { WEEK_STATUS_LABELS, type WeeklyGridQuery } from '../../../contracts/stars-cycle.js';
import type { CycleDeps } from '../cycle-deps.js';
import { weeklyGrid } from './weekly-views.js';

/** The week × branch grid as the sheet a 街道 prints: a row per branch, a column per week, a totals row. */
export async function weeklyGridSheet(
  deps: CycleDeps,
  actor: Actor,
  q: WeeklyGridQuery,
): Promise<{ sheet: XlsxSheet; fileName: string }> {
  const g = await weeklyGrid(deps, actor, q);
  const first = g.weeks[0]?.week ?? '';
  const last = g.weeks[g.weeks.length - 1]?.week ?? '';
  const weekCols = g.weeks.map((w, i) => ({
    header: `${w.week} 周${w.dueDay ? `（${w.dueDay.slice(5)} 截止）` : '（无工作日）'}`,
    key: `w${i}`,
    width: 16,
  }));
  async function* rows() {
    for (const r of g.rows)
      yield {
        parent: r.parentName,
        branch: r.branchName,
        ...Object.fromEntries(
          r.cells.map((c, i) => [
            `w${i}`,
            `${WEEK_STATUS_LABELS[c.status]}${c.remindedAt && c.status !== 'reported' ? '（已提醒）' : ''}`,
          ]),
        ),
      };
    yield {
      parent: '合计',
      branch: `${g.rows.length} 个支部`,
      ...Object.fromEntries(
        g.totals.map((t, i) => [
          `w${i}`,
          `按时 ${t.counts.reported} / 逾期 ${t.counts.late} / 未报 ${t.counts.missing}`,
        ]),
      ),
    };
  }
  return {
    fileName: `${g.unit.name}支部每周推进情况（${first}至${last}）.xlsx`,
    sheet: {
      sheetName: '每周推进',
      title: `${g.unit.name}党支部每周推进报送情况`,
      subtitle: `${first} 至 ${last} 各周  导出时间 ${formatLocalDateTime(deps.clock.now(), deps.config.timeZone)}`,
      columns: [
        { header: '社区/村', key: 'parent', width: 14 },
        { header: '党支部', key: 'branch', width: 20 },
        ...weekCols,
      ],
      rows: rows(),
    },
  };
}
