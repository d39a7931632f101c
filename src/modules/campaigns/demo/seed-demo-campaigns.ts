import type { Actor } from '../../../kernel/auth/actor.js';
import { addDays, localDateOf } from '../../../kernel/calendar/dates.js';
import { caseRefsUnder } from '../../cases/index.js';
import type { CampaignsDeps } from '../deps.js';
import { linkCase, openCampaign } from '../commands/campaigns.js';
import { defineIndicator } from '../commands/indicators.js';
import { recordEntry } from '../commands/record-entry.js';
import { setTarget } from '../commands/targets.js';
import type { IndicatorBody } from '../../../contracts/campaigns.js';

/**
 * The district's indicators, in the order of the seed's sentence (金海路街道: "完成问题整改39个，更换
 * 小区'创文'宣传牌21处，开展大小环境卫生整治活动20场，发放'创文'宣传彩页3600余份，清理小广告900余张，
 * 整治小区堆积杂物100余处"), then the overhead-cable quantities and the "两个高于" income growth.
 */
const INDICATORS: (IndicatorBody & { key: string })[] = [
  {
    key: 'fixed',
    name: '问题整改数',
    measureUnit: '个',
    kind: 'computed',
    source: 'cases.closed',
    phrase: '完成问题整改',
    sortOrder: 10,
  },
  {
    key: 'signs',
    name: '更换小区宣传牌',
    measureUnit: '处',
    kind: 'entered',
    phrase: '更换小区“创文”宣传牌',
    sortOrder: 20,
  },
  {
    key: 'events',
    name: '环境卫生整治活动',
    measureUnit: '场',
    kind: 'computed',
    source: 'campaigns.held',
    categories: ['01', '54'],
    phrase: '开展大小环境卫生整治活动',
    sortOrder: 30,
  },
  {
    key: 'leaflets',
    name: '发放宣传彩页',
    measureUnit: '份',
    kind: 'entered',
    phrase: '发放“创文”宣传彩页',
    sortOrder: 40,
  },
  { key: 'adverts', name: '清理小广告', measureUnit: '张', kind: 'entered', phrase: '清理小广告', sortOrder: 50 },
  {
    key: 'clutter',
    name: '整治堆积杂物',
    measureUnit: '处',
    kind: 'entered',
    phrase: '整治小区堆积杂物',
    sortOrder: 60,
  },
  { key: 'cable', name: '整理空中线缆', measureUnit: '米', kind: 'entered', phrase: '整理空中线缆', sortOrder: 70 },
  { key: 'poles', name: '规整线杆', measureUnit: '根', kind: 'entered', phrase: '规整线杆', sortOrder: 80 },
  { key: 'boxes', name: '规范分线箱', measureUnit: '个', kind: 'entered', phrase: '规范分线箱', sortOrder: 90 },
  {
    key: 'doors',
    name: '敲门入户数',
    measureUnit: '户',
    kind: 'computed',
    source: 'population.doorsKnocked',
    sortOrder: 100,
  },
  { key: 'income', name: '农村居民人均可支配收入增速', measureUnit: '%', kind: 'entered', sortOrder: 110 },
];

/** A small deterministic generator, so the demo reads the same every time. */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

/**
 * The demo's indicators, campaigns and entries in 陈州街道 (德化社区, 朱庄社区) over the quarter so far:
 * a weekly 环境卫生 clean-up per community, the overhead-cable campaign with 电信 / 联通 / 移动 / 供电
 * dispatched and its metres, poles and boxes entered, daily quantities entered by the community and its
 * grid workers, closed demo cases linked, and targets — all through the real commands.
 */
export async function seedDemoCampaigns(deps: CampaignsDeps, now: Date): Promise<Record<string, number>> {
  const db = deps.database.db;
  const today = localDateOf(now);
  const actor = (u: string) => deps.org.actorFor(db, u);
  const [duchashi, chenzhou, dianxin] = await Promise.all([actor('duchashi'), actor('chenzhou'), actor('dianxin')]);
  const sub = await deps.org.unitByName(db, chenzhou.districtCode, '陈州街道办事处');
  if (!sub) return {};
  const ids: Record<string, string> = {};
  for (const { key, ...body } of INDICATORS)
    if (!body.source || deps.figures().some((s) => s.code === body.source))
      ids[key] = (await defineIndicator(deps, duchashi, body)).id;

  const counts = { indicators: Object.keys(ids).length, campaigns: 0, entries: 0, linkedCases: 0 };
  const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const rnd = lcg(13);
  const enter = async (
    who: Actor,
    key: string,
    unitId: string,
    day: string,
    quantity: number,
    campaignId?: string,
    note?: string,
  ) => {
    if (!ids[key] || day > today) return;
    const measureUnit = INDICATORS.find((i) => i.key === key)!.measureUnit;
    await recordEntry(deps, who, {
      indicatorId: ids[key],
      unitId,
      day,
      quantity,
      measureUnit,
      ...(campaignId ? { campaignId } : {}),
      ...(note ? { note } : {}),
    });
    counts.entries++;
  };

  const communities = [];
  for (const [name, cadre, worker] of [
    ['德化社区', 'dehua', 'wgy_dehua'],
    ['朱庄社区', 'zhuzhuang', 'wgy_zhuzhuang'],
  ] as const) {
    const unit = await deps.org.unitByName(db, chenzhou.districtCode, name);
    if (unit) communities.push({ unit, cadre: await actor(cadre), worker: await actor(worker) });
  }

  // A weekly 环境卫生 clean-up (每周集中整治) per community, every Friday of the quarter so far.
  const weekly = new Map<string, { id: string; startDay: string }[]>();
  for (const c of communities) {
    const list: { id: string; startDay: string }[] = [];
    for (let day = quarterStart; day <= today; day = addDays(day, 1)) {
      if (new Date(`${day}T00:00:00Z`).getUTCDay() !== 5) continue;
      const campaign = await openCampaign(deps, c.cadre, {
        title: `${c.unit.name}${day.slice(5).replace('-', '月')}日环境卫生集中整治`,
        kind: 'concentrated',
        scopeUnitId: c.unit.id,
        startDay: day,
        endDay: day,
        units: [],
        volunteerCount: 8 + rnd(10),
        volunteerNames: [],
        categories: ['01'],
        note: '社区干部带领青年志愿者按网格清理卫生死角',
      });
      list.push({ id: campaign.id, startDay: day });
      counts.campaigns++;
      await enter(c.cadre, 'clutter', c.unit.id, day, 3 + rnd(6), campaign.id, '清理楼道、背街小巷堆积杂物');
      await enter(c.cadre, 'adverts', c.unit.id, day, 20 + rnd(40), campaign.id);
    }
    weekly.set(c.unit.id, list);
  }

  // The overhead-cable campaign (飞线 / 空中线缆整治) with the four 包联 companies.
  const companies = [];
  for (const n of ['周口电信川汇分公司', '中国联通周口市分公司', '中国移动周口分公司', '国网周口供电公司']) {
    const u = await deps.org.unitByName(db, chenzhou.districtCode, n);
    if (u) companies.push(u);
  }
  const cableStart = addDays(today, -20);
  const cableEnd = addDays(today, -6);
  const cable = await openCampaign(deps, chenzhou, {
    title: '陈州街道空中线缆集中整治',
    kind: 'special',
    scopeUnitId: sub.id,
    startDay: cableStart,
    endDay: cableEnd,
    units: [
      ...companies.map((u) => ({ unitId: u.id, role: 'paired' as const })),
      ...communities.map((c) => ({ unitId: c.unit.id, role: 'participant' as const })),
    ],
    volunteerCount: 16,
    volunteerNames: ['青年志愿者 王晓雨', '青年志愿者 刘子航', '青年志愿者 张梦洁'],
    categories: ['51'],
    note: '电信、联通、移动、供电四家单位派员，对辖区飞线、空中线缆逐网格清理规整',
  });
  counts.campaigns++;
  for (const [k, c] of communities.entries())
    for (let d = 0; d < 5; d++) {
      const day = addDays(cableStart, 1 + d * 3 + k);
      await enter(dianxin, 'cable', c.unit.id, day, 120 + rnd(200), cable.id, '电信派员整理入户线缆');
      await enter(dianxin, 'poles', c.unit.id, day, 2 + rnd(5), cable.id);
      await enter(dianxin, 'boxes', c.unit.id, day, 1 + rnd(3), cable.id);
    }

  // Daily quantities the communities and their grid workers enter.
  for (const c of communities)
    for (let day = quarterStart; day <= today; day = addDays(day, 1)) {
      if (rnd(3) === 0) await enter(c.worker, 'adverts', c.worker.unitId, day, 5 + rnd(25));
      if (rnd(5) === 0)
        await enter(c.cadre, 'leaflets', c.unit.id, day, 80 + rnd(80), undefined, '入户发放“创文”宣传彩页');
      if (rnd(9) === 0) await enter(c.cadre, 'signs', c.unit.id, day, 1 + rnd(3), undefined, '更换小区“创文”宣传牌');
      if (rnd(7) === 0) await enter(c.worker, 'clutter', c.worker.unitId, day, 1 + rnd(3));
    }

  // Closed and open demo cases linked to the campaign of their place and kind.
  const cases = await caseRefsUnder(db, sub.districtCode, sub.path);
  for (const r of cases) {
    if (!r.gridPath) continue;
    const c = communities.find((x) => r.gridPath!.startsWith(x.unit.path));
    const target = r.categoryCode.startsWith('51')
      ? { actor: chenzhou, id: cable.id }
      : r.categoryCode.startsWith('01') || r.categoryCode.startsWith('05') || r.categoryCode.startsWith('54')
        ? c && weekly.get(c.unit.id)?.length
          ? { actor: c.cadre, id: weekly.get(c.unit.id)!.at(-1)!.id }
          : null
        : null;
    if (!target) continue;
    await linkCase(deps, target.actor, target.id, r.id);
    counts.linkedCases++;
  }

  // Targets: the quarter's quantities for the 街道, and "两个高于" for the year.
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  for (const [key, value] of [
    ['leaflets', 3600],
    ['adverts', 900],
    ['signs', 40],
    ['clutter', 200],
  ] as const)
    if (ids[key])
      await setTarget(deps, duchashi, {
        indicatorId: ids[key],
        unitId: sub.id,
        period: quarter,
        kind: 'at_least',
        value,
      });
  if (ids.income)
    await setTarget(deps, duchashi, {
      indicatorId: ids.income,
      unitId: sub.id,
      period: today.slice(0, 4),
      kind: 'above_references',
      references: [
        { label: '全省', value: 6.5 },
        { label: '全市', value: 6.8 },
      ],
      actual: 7.2,
    });
  return counts;
}
