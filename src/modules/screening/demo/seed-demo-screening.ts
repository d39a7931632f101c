import ExcelJS from 'exceljs';
import type { Actor } from '../../../kernel/auth/actor.js';
import { createPeopleGenerator } from '../../../kernel/demo/synthetic-names.js';
import { EntryBody, AnswerBody } from '../../../contracts/screening.js';
import { screeningLookups } from '../../population/index.js';
import { answerCheck, rerouteCheck } from '../commands/checks.js';
import { addEntry } from '../commands/entries.js';
import { escalateChecks } from '../commands/escalate-checks.js';
import { openCampaign } from '../commands/open-campaign.js';
import { pushChecks } from '../commands/push-checks.js';
import type { ScreeningDeps } from '../deps.js';
import { screeningStore } from '../store/screening.store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ORIGINS = ['郑州市金水区', '北京市朝阳区', '上海市浦东新区', '广州市天河区', '武汉市江汉区', '西安市雁塔区'];
const TRANSPORT = ['火车', '飞机', '自驾', '客车'];

/** A synthetic GB 11643 number of a person born in 川汇区 (411602) on the day, sequence `seq`. */
function demoIdNumber(ymd: string, seq: number): string {
  const body = `411602${ymd}${String(seq).padStart(3, '0')}`;
  return body + screeningLookups.idCheckChar(body);
}

/**
 * The demo's 返乡人员排查 in 陈州, written through the real commands: a dozen people reported by 德化
 * (its community and its grid worker) and 朱庄, one of them by both (one entry, two units); then a 协查
 * list pushed down 30 hours ago, partly answered, one item left unanswered and escalated, and a second
 * list pushed 3 hours ago still within its 24 hours.
 */
export async function seedDemoScreening(deps: ScreeningDeps, now: Date): Promise<Record<string, number>> {
  const db = deps.database.db;
  const actors = {} as Record<'chenzhou' | 'dehua' | 'zhuzhuang' | 'wgy_dehua', Actor>;
  for (const u of ['chenzhou', 'dehua', 'zhuzhuang', 'wgy_dehua'] as const) actors[u] = await deps.org.actorFor(db, u);
  const at = (ms: number) => ({ ...deps, clock: { now: () => new Date(now.getTime() - ms) } });
  const grids = async (who: 'dehua' | 'zhuzhuang') =>
    (await deps.org.unitsUnder(db, actors[who].districtCode, actors[who].scopePath, { kind: 'grid_small' }))
      .filter((g) => !g.retiredAt)
      .map((g) => g.id);
  const dehuaGrids = [actors.wgy_dehua.unitId, ...(await grids('dehua')).filter((g) => g !== actors.wgy_dehua.unitId)];
  const zhuzhuangGrids = await grids('zhuzhuang');
  const day = (ms: number) => new Date(now.getTime() - ms + 8 * HOUR).toISOString().slice(0, 10);

  const campaignId = await openCampaign(at(10 * DAY), actors.chenzhou, {
    name: '返乡人员排查',
    scopeUnitId: actors.chenzhou.unitId,
    startsOn: day(10 * DAY),
    endsOn: day(-20 * DAY),
    fields: [
      { key: 'origin', label: '来源地', type: 'text', required: true },
      { key: 'arrivalDate', label: '到达日期', type: 'date', required: true },
      { key: 'transport', label: '交通方式', type: 'choice', required: false, choices: TRANSPORT },
    ],
  });

  const people = createPeopleGenerator(20261208);
  let entries = 0;
  const reporters: ('dehua' | 'wgy_dehua' | 'zhuzhuang')[] = [
    'dehua',
    'dehua',
    'wgy_dehua',
    'dehua',
    'wgy_dehua',
    'dehua',
    'wgy_dehua',
    'zhuzhuang',
    'zhuzhuang',
    'zhuzhuang',
    'zhuzhuang',
    'zhuzhuang',
  ];
  const ids: string[] = [];
  for (const [i, who] of reporters.entries()) {
    const p = people.next();
    const idNumber = demoIdNumber(`19${60 + i * 3}0${(i % 9) + 1}1${i % 10}`, 101 + i * 2);
    ids.push(idNumber);
    const g = who === 'zhuzhuang' ? zhuzhuangGrids : dehuaGrids;
    await addEntry(
      at((8 - i * 0.5) * DAY),
      actors[who],
      campaignId,
      EntryBody.parse({
        name: p.name,
        idNumber,
        phone: p.mobile,
        address: who === 'zhuzhuang' ? `朱庄路${10 + i * 3}号` : `德化街${8 + i * 4}号`,
        gridId: g[(who === 'wgy_dehua' ? 0 : i) % g.length],
        source: i % 3 === 2 ? 'door' : 'grid',
        values: {
          origin: ORIGINS[i % ORIGINS.length]!,
          arrivalDate: day((9 - i * 0.5) * DAY),
          transport: TRANSPORT[i % TRANSPORT.length]!,
        },
      }),
    );
    entries++;
  }
  // 朱庄 reports a person 德化 already has: the same entry, both communities shown.
  const dup = people.next();
  await addEntry(
    at(2 * DAY),
    actors.zhuzhuang,
    campaignId,
    EntryBody.parse({
      name: dup.name,
      idNumber: ids[0]!,
      gridId: zhuzhuangGrids[0],
      values: { origin: ORIGINS[0]!, arrivalDate: day(8 * DAY) },
    }),
  );

  // A 协查 list pushed down 30 hours ago: 德化 answers three in time, one stays unanswered (已超时).
  const sheet = async (rows: [string, string, string, string][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('协查名单');
    ws.addRow(['姓名', '身份证号', '电话', '住址', '社区', '备注']);
    for (const [name, idNumber, community, remark] of rows) ws.addRow([name, idNumber, '', '', community, remark]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const pushedRows = (n: number, seq: number, communities: string[]) =>
    Array.from({ length: n }, (_, i): [string, string, string, string] => [
      people.next().name,
      demoIdNumber(`19${70 + i}0${(i % 9) + 1}2${i % 10}`, seq + i * 2),
      communities[i % communities.length]!,
      '市指挥部推送：近14日有中高风险地区旅居史',
    ]);
  const first = await pushChecks(
    at(30 * HOUR),
    actors.chenzhou,
    campaignId,
    await sheet(pushedRows(6, 301, ['德化社区', '德化社区', '德化社区', '德化社区', '朱庄社区', ''])),
    '市指挥部第12批协查',
  );
  const items = (
    await screeningStore.checkPage(db, {
      campaignId,
      scopePath: actors.chenzhou.scopePath,
      now: now.toISOString(),
      offset: 0,
      limit: 50,
    })
  ).rows
    .filter((r) => r.batch_id === first.batchId)
    .sort((a, b) => a.row_number - b.row_number);
  const answers: [number, AnswerBody['status'], string][] = [
    [0, 'found', '已电话联系，居家'],
    [1, 'not_found', '按地址走访无此人'],
    [2, 'moved_on', '已于12月3日离开本区'],
    [4, 'not_in_district', '系外区常住人口'],
  ];
  for (const [i, status, note] of answers) {
    const item = items[i]!;
    const who = item.owner_path === actors.zhuzhuang.scopePath ? actors.zhuzhuang : actors.dehua;
    await answerCheck(
      at((20 - i) * HOUR),
      who,
      item.id,
      AnswerBody.parse({ status, note, ...(status === 'found' ? { gridId: dehuaGrids[1] ?? dehuaGrids[0] } : {}) }),
    );
  }
  // The 6th could not be routed: 陈州 sends it to 朱庄, which answers in time; the 4th (德化) stays
  // unanswered past due (已超时, escalated).
  await rerouteCheck(at(22 * HOUR), actors.chenzhou, items[5]!.id, actors.zhuzhuang.unitId);
  await answerCheck(
    at(19 * HOUR),
    actors.zhuzhuang,
    items[5]!.id,
    AnswerBody.parse({ status: 'not_found', note: '辖区内查无此人' }),
  );
  const escalated = (await escalateChecks(deps, now)).escalated;
  const second = await pushChecks(
    at(3 * HOUR),
    actors.chenzhou,
    campaignId,
    await sheet(pushedRows(3, 501, ['德化社区', '朱庄社区', '德化社区'])),
    '市指挥部第13批协查',
  );
  return { screeningEntries: entries, screeningChecks: first.count + second.count, screeningEscalated: escalated };
}
