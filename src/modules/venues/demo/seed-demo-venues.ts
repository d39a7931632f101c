import type { Actor } from '../../../kernel/auth/actor.js';
import { ClosureBody, InspectionBody, VenueBody } from '../../../contracts/venues.js';
import { createPeopleGenerator } from '../../../kernel/demo/synthetic-names.js';
import { issueClosure, liftClosure } from '../commands/closure-orders.js';
import { inspectVenue } from '../commands/inspect-venue.js';
import { createVenue } from '../commands/save-venue.js';
import { settingList } from '../commands/venue-settings.js';
import type { VenuesDeps } from '../deps.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Where a demo venue goes: which account registers it and in which small grid of its community. */
interface DemoVenue {
  name: string;
  type: string;
  address: string;
  by: 'dehua' | 'zhuzhuang' | 'chengbei';
  /** Index among the community's small grids; 0 for 德化 is the demo grid worker's grid. */
  grid: number;
}

const VENUES: DemoVenue[] = [
  { name: '德化街便民超市', type: 'supermarket', address: '德化街12号', by: 'dehua', grid: 0 },
  { name: '德化街老城烩面馆', type: 'catering', address: '德化街28号', by: 'dehua', grid: 0 },
  { name: '德化街社区卫生室', type: 'clinic', address: '德化街35号', by: 'dehua', grid: 0 },
  { name: '德化街星光网吧', type: 'netcafe', address: '德化街51号二楼', by: 'dehua', grid: 1 },
  { name: '德化街悦来宾馆', type: 'hotel', address: '德化街66号', by: 'dehua', grid: 1 },
  { name: '朱庄农贸市场', type: 'market', address: '朱庄路8号', by: 'zhuzhuang', grid: 0 },
  { name: '朱庄路鲜果超市', type: 'supermarket', address: '朱庄路23号', by: 'zhuzhuang', grid: 1 },
  { name: '朱庄路实验幼儿园', type: 'school', address: '朱庄路40号', by: 'zhuzhuang', grid: 2 },
  { name: '北关街百货商店', type: 'shop', address: '北关街5号', by: 'chengbei', grid: 0 },
  { name: '北关街欢乐歌厅', type: 'entertainment', address: '北关街17号', by: 'chengbei', grid: 1 },
  { name: '北关街清真餐馆', type: 'catering', address: '北关街30号', by: 'chengbei', grid: 2 },
  { name: '北关街五金店', type: 'shop', address: '北关街44号', by: 'chengbei', grid: 3 },
];

/** The community whose grids each account's venues go to. */
const COMMUNITY: Record<DemoVenue['by'], string> = { dehua: '德化社区', zhuzhuang: '朱庄社区', chengbei: '北关社区' };

/**
 * The demo's venues, written through the real commands: twelve venues over the grids of 德化, 朱庄
 * and 北关 (城北); inspections by 德化's grid worker and community, one failing with a ledger case
 * and an open closure order; one order lifted after a passing re-check. Times are days before `now`.
 */
export async function seedDemoVenues(deps: VenuesDeps, now: Date): Promise<Record<string, number>> {
  const db = deps.database.db;
  const districtCode = deps.config.districtCode;
  const actors = {} as Record<DemoVenue['by'] | 'wgy_dehua', Actor>;
  for (const u of ['dehua', 'zhuzhuang', 'chengbei', 'wgy_dehua'] as const) actors[u] = await deps.org.actorFor(db, u);
  const gridsOf = new Map<string, string[]>();
  for (const [by, name] of Object.entries(COMMUNITY)) {
    const community = await deps.org.unitByName(db, districtCode, name);
    if (!community) throw new Error(`demo community ${name} is missing`);
    const grids = await deps.org.unitsUnder(db, districtCode, community.path, { kind: 'grid_small' });
    const ids = grids.filter((g) => !g.retiredAt).map((g) => g.id);
    // The grid worker's own grid first, so the phone page lists venues.
    if (by === 'dehua')
      ids.sort((a, b) => (a === actors.wgy_dehua.unitId ? -1 : b === actors.wgy_dehua.unitId ? 1 : 0));
    gridsOf.set(by, ids);
  }
  const at = (ms: number) => ({ ...deps, clock: { now: () => new Date(now.getTime() - ms) } });
  const people = createPeopleGenerator(20261207);
  const ids: string[] = [];
  for (const [i, v] of VENUES.entries()) {
    const grids = gridsOf.get(v.by)!;
    const owner = people.next();
    ids.push(
      await createVenue(
        at(30 * DAY - i * HOUR),
        actors[v.by],
        VenueBody.parse({
          name: v.name,
          typeCode: v.type,
          address: v.address,
          ownerName: owner.name,
          ownerPhone: owner.mobile,
          gridId: grids[v.grid % grids.length],
        }),
      ),
    );
  }
  const checklist = (await settingList(db, 'checkItems', districtCode)).filter((c) => c.active);
  const findings = (fail: string[] = [], na: string[] = []) =>
    checklist.map((c) => ({
      code: c.code,
      result: fail.includes(c.code) ? 'fail' : na.includes(c.code) ? 'na' : 'pass',
    }));
  let inspections = 0;
  const inspect = async (ms: number, who: Actor, venue: string, body: Record<string, unknown>) => {
    await inspectVenue(at(ms), who, venue, InspectionBody.parse(body));
    inspections++;
  };
  const [market, noodles, clinic, netcafe] = ids;
  await inspect(6 * DAY, actors.wgy_dehua, market, { items: findings(), note: '扫码登记、测温落实到位。' });
  await inspect(5 * DAY, actors.wgy_dehua, clinic, { items: findings([], ['ventilation']) });
  // 烩面馆: failed with a case, closed for seven days, not yet re-checked.
  await inspect(3 * DAY, actors.wgy_dehua, noodles, {
    items: findings(['scan', 'mask']),
    note: '店内未张贴场所码，后厨人员未佩戴口罩，已当场指出。',
    raiseCase: true,
  });
  await issueClosure(
    at(3 * DAY - HOUR),
    actors.dehua,
    noodles,
    ClosureBody.parse({ reason: '扫码登记、佩戴口罩不落实，经指出后仍未整改', days: 7 }),
  );
  // 网吧: closed, re-checked and passed, reopened.
  await inspect(12 * DAY, actors.dehua, netcafe, { items: findings(['scan', 'temperature', 'ventilation']) });
  await issueClosure(
    at(12 * DAY - HOUR),
    actors.dehua,
    netcafe,
    ClosureBody.parse({ reason: '未落实扫码测温，场所通风不良', days: 5 }),
  );
  await inspect(7 * DAY, actors.dehua, netcafe, { items: findings(), note: '复查：已整改到位。' });
  await liftClosure(at(7 * DAY - HOUR), actors.dehua, netcafe, { note: '复查合格，准予恢复营业。' });
  return { venues: ids.length, inspections, closures: 2 };
}
