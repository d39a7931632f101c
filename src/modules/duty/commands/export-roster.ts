import type { z } from 'zod';
import type { RosterQuery } from '../../../contracts/duty.js';
import type { Actor } from '../../../kernel/auth/actor.js';
import { authorize } from '../../../kernel/auth/actor.js';
import { addDays } from '../../../kernel/calendar/dates.js';
import { formatLocalDateTime } from '../../../kernel/calendar/format.js';
import type { XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import type { DutyDeps } from '../deps.js';
import { rosterUnit } from './duty-access.js';
import { rosterOf } from './roster.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The roster of a community over a week or a month as a sheet offices print: a row per day, gaps marked 缺岗. */
export async function rosterSheet(
  deps: DutyDeps,
  actor: Actor,
  q: z.output<typeof RosterQuery>,
): Promise<{ sheet: XlsxSheet; fileName: string }> {
  authorize(actor, 'duty.read');
  const db = deps.database.db;
  const unit = await rosterUnit(deps, db, actor, q.unitId);
  const days = q.days ?? 7;
  const r = await rosterOf(deps, db, unit, q.from, days);
  const names = new Map(r.grids.map((g) => [g.id, g.name]));
  const to = addDays(q.from, days - 1);
  const rows = r.days.map((d) => ({
    day: d.day,
    weekday: `星期${WEEKDAYS[new Date(`${d.day}T00:00:00Z`).getUTCDay()]}`,
    cadre: d.cadre?.name ?? '',
    volunteers: d.volunteers.join('、'),
    grids: d.gridIds.map((g) => names.get(g) ?? '').join('、'),
    gaps: [
      ...(d.gaps.noCadre ? ['无带班干部'] : []),
      ...(d.gaps.uncoveredGridIds.length
        ? [`未覆盖：${d.gaps.uncoveredGridIds.map((g) => names.get(g) ?? '').join('、')}`]
        : []),
    ].join('；'),
  }));
  return {
    fileName: `${unit.name}值班表（${q.from}至${to}）.xlsx`,
    sheet: {
      sheetName: '值班表',
      title: `${unit.name}值班表`,
      subtitle: `${q.from} 至 ${to}  缺岗 ${r.gapDays} 天  导出时间 ${formatLocalDateTime(deps.clock.now(), deps.config.timeZone)}`,
      columns: [
        { header: '日期', key: 'day', width: 12 },
        { header: '星期', key: 'weekday', width: 8 },
        { header: '带班干部', key: 'cadre', width: 12 },
        { header: '志愿者', key: 'volunteers', width: 30 },
        { header: '负责网格', key: 'grids', width: 40 },
        { header: '缺岗', key: 'gaps', width: 40 },
      ],
      rows: (async function* () {
        yield* rows;
      })(),
    },
  };
}
