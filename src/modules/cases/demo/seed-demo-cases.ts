import type { Actor } from '../../../kernel/auth/actor.js';
import { fixedClock } from '../../../kernel/clock.js';
import { pointInGeometry } from '../../../kernel/geo/point-in-polygon.js';
import { bbox, type BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import type { CaseActionType } from '../domain/index.js';
import type { CasesDeps } from '../deps.js';
import { reconcileCase } from '../commands/reconcile-case.js';
import { reportCase } from '../commands/report-case.js';
import { takeAction } from '../commands/take-action.js';

/** How far along the loop a demo case gets, and how it got there. */
const STORIES: {
  steps: [string, CaseActionType, Record<string, unknown>?][];
  reconcile?: boolean;
  note: string;
  /** Where it is dispatched: the department (default), or — 二级派遣 — the 街道 itself or the community. */
  to?: 'subdistrict' | 'community';
}[] = [
  { note: '问题清单', steps: [] },
  { note: '待街道研判', steps: [['community', 'escalate']] },
  { note: '已立案', steps: [['triage', 'accept']] },
  {
    note: '已派遣',
    steps: [
      ['triage', 'accept'],
      ['triage', 'dispatch'],
    ],
  },
  {
    note: '处置中',
    steps: [
      ['triage', 'accept'],
      ['triage', 'dispatch'],
      ['handler', 'start'],
    ],
  },
  {
    note: '待核查',
    steps: [
      ['triage', 'accept'],
      ['triage', 'dispatch'],
      ['handler', 'start'],
      ['handler', 'feedback'],
    ],
  },
  {
    note: '已结案',
    reconcile: true,
    steps: [
      ['triage', 'accept'],
      ['triage', 'dispatch'],
      ['handler', 'start'],
      ['handler', 'feedback'],
      ['community', 'verify_pass'],
    ],
  },
  {
    note: '已结案待销号',
    steps: [
      ['triage', 'accept'],
      ['triage', 'dispatch'],
      ['handler', 'start'],
      ['handler', 'feedback'],
      ['community', 'verify_pass'],
    ],
  },
  {
    note: '返工',
    steps: [
      ['triage', 'accept'],
      ['triage', 'dispatch'],
      ['handler', 'start'],
      ['handler', 'feedback'],
      ['community', 'verify_fail', { reason: '现场仍有残留，需重新清理' }],
    ],
  },
  {
    note: '申请延期',
    steps: [
      ['triage', 'accept'],
      ['triage', 'dispatch'],
      ['handler', 'start'],
      ['handler', 'request_extension', { extra: { value: 2, unit: 'days' }, reason: '需协调产权单位' }],
    ],
  },
  { note: '不予立案', steps: [['triage', 'reject', { reason: '经核实不属于网格管理范围' }]] },
  {
    note: '二级派遣：交社区处置，网格员核查结案',
    to: 'community',
    steps: [
      ['triage', 'accept'],
      ['triage', 'dispatch'],
      ['community', 'start'],
      ['community', 'feedback'],
      ['reporter', 'verify_pass'],
    ],
  },
  {
    note: '二级派遣：街道自行处置中',
    to: 'subdistrict',
    steps: [
      ['triage', 'accept'],
      ['triage', 'dispatch'],
      ['triage', 'start'],
    ],
  },
];

const PROBLEMS: [string, string][] = [
  ['0102', '路口绿化带旁有生活垃圾堆放，约两立方米'],
  ['0201', '小区门口电线杆上贴满小广告'],
  ['0502', '早市摊贩占道经营，影响通行'],
  ['0504', '人行道上机动车乱停放'],
  ['5101', '楼道口空中线缆杂乱下垂'],
  ['5102', '居民楼下飞线充电，存在安全隐患'],
  ['0506', '背街小巷乱堆物堆料'],
  ['5403', '沿街墙体乱涂乱画'],
  ['0104', '主干道路面有泥土遗撒'],
  ['0404', '雨水井盖破损'],
  ['5402', '背街小巷环境脏乱'],
];

/** A point inside a grid: the first lattice point of its bounding box that falls inside. */
function pointIn(geometry: BoundaryGeometry, salt: number): { lng: number; lat: number } | null {
  const [x0, y0, x1, y1] = bbox(geometry);
  for (let i = 0; i < 49; i++) {
    const k = (i + salt) % 49;
    const x = x0 + ((x1 - x0) * (1 + (k % 7))) / 8;
    const y = y0 + ((y1 - y0) * (1 + Math.floor(k / 7))) / 8;
    if (pointInGeometry(geometry, x, y)) return { lng: x, lat: y };
  }
  return null;
}

const STEP_MS = 45 * 60_000;

/**
 * When a demo story starts: 09:30 Asia/Shanghai `daysAgo` days before `now`, moved back a day at a
 * time while its last step (one every 45 minutes) would come after `now` — a server started at
 * 08:00 must not tell today's 09:30 story.
 */
export function storyStart(now: Date, daysAgo: number, steps: number): Date {
  const day = new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  let start = new Date(`${day}T01:30:00.000Z`);
  while (start.getTime() + steps * STEP_MS > now.getTime()) start = new Date(start.getTime() - 86_400_000);
  return start;
}

/**
 * A few weeks of synthetic cases in 朱庄社区 and 德化社区 (陈州街道), among them the 街道 handling its own
 * (二级派遣: to the community, and to its own staff), told through the real commands
 * so every row, action, notice and roll-up is what the loop itself writes.
 */
export async function seedDemoCases(deps: CasesDeps, now: Date): Promise<number> {
  const db = deps.database.db;
  const triage = await deps.org.actorFor(db, 'chenzhou');
  const handler = await deps.org.actorFor(db, 'chengguan');
  const dept = (await deps.org.unit(db, handler.unitId))!;
  let made = 0;
  for (const [ci, community] of ['朱庄社区', '德化社区'].entries()) {
    const reporter = await deps.org.actorFor(db, ci === 0 ? 'wgy_zhuzhuang' : 'wgy_dehua');
    const cadre = await deps.org.actorFor(db, ci === 0 ? 'zhuzhuang' : 'dehua');
    const com = await deps.org.unitByName(db, reporter.districtCode, community);
    if (!com) continue;
    const grids = await deps.org.gridsWithBoundaries(db, com.path);
    for (const [si, story] of STORIES.entries()) {
      // A case the grid worker verifies lies in their own grid.
      const verifiedByReporter = story.steps.some(([role]) => role === 'reporter');
      const grid =
        (verifiedByReporter && grids.find((g) => g.id === reporter.unitId)) || grids[(si * 3 + ci) % grids.length];
      const point = grid && pointIn(JSON.parse(grid.geometry), si + ci);
      if (!point) continue;
      const [code, text] = PROBLEMS[(si + ci * 5) % PROBLEMS.length];
      // Spread over the last three weeks, during working hours (Asia/Shanghai), and never after `now`:
      // the story's last step lands before it, so no row (nor the time in its UUIDv7 id) lies in the future.
      const clock = fixedClock(storyStart(now, 21 - si * 2 - ci, story.steps.length).toISOString());
      const d = { ...deps, clock };
      const caseId = await reportCase(d, reporter, {
        categoryCode: code,
        description: `${community}${text}`,
        location: point,
      });
      const who = { triage, handler, community: cadre, reporter } as Record<string, Actor>;
      const target = story.to === 'community' ? com.id : story.to === 'subdistrict' ? triage.unitId : dept.id;
      for (const [role, type, payload] of story.steps) {
        clock.advance(STEP_MS);
        await takeAction(d, who[role], caseId, {
          type,
          payload: type === 'dispatch' ? { unitId: target } : payload,
          comment: type === 'feedback' ? '已安排人员处置完毕' : null,
        });
      }
      if (story.reconcile) await reconcileCase(d, cadre, caseId);
      made++;
    }
  }
  return made;
}
