import type { BoardBody } from '../../../contracts/boards.js';
import { bbox, type BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import type { BoardsDeps } from '../deps.js';
import { changeBoardState, createBoard } from '../commands/save-board.js';

interface DemoBoard {
  kind: BoardBody['kind'];
  name: string;
  by: 'dehua' | 'zhuzhuang';
  /** A point near the centre of the account's first small grid (shifted by these fractions), or an address. */
  at: [number, number] | string;
  /** Later states, in order. */
  then?: { state: 'damaged' | 'to_replace' | 'removed' | 'good'; note: string }[];
}

const BOARDS: DemoBoard[] = [
  { kind: 'board', name: '德化街社区宣传栏', by: 'dehua', at: [0, 0] },
  {
    kind: 'psa',
    name: '“创文”公益广告（德化街口）',
    by: 'dehua',
    at: [0.15, -0.1],
    then: [{ state: 'damaged', note: '风雨吹落一角' }],
  },
  { kind: 'mural', name: '文明城市主题墙绘', by: 'dehua', at: '德化街28号东墙' },
  {
    kind: 'board',
    name: '朱庄社区党建宣传栏',
    by: 'zhuzhuang',
    at: [0, 0.1],
    then: [
      { state: 'damaged', note: '玻璃破裂' },
      { state: 'to_replace', note: '已报社区更换' },
    ],
  },
  { kind: 'psa', name: '垃圾分类公益广告', by: 'zhuzhuang', at: '朱庄路农贸市场入口' },
  {
    kind: 'board',
    name: '朱庄路旧宣传栏',
    by: 'zhuzhuang',
    at: '朱庄路40号',
    then: [{ state: 'removed', note: '道路拓宽拆除' }],
  },
];

const COMMUNITY = { dehua: '德化社区', zhuzhuang: '朱庄社区' } as const;

/** The demo's publicity boards of 德化 and 朱庄, registered and changed through the real commands. */
export async function seedDemoBoards(deps: BoardsDeps): Promise<Record<string, number>> {
  const db = deps.database.db;
  let boards = 0;
  let changes = 0;
  for (const b of BOARDS) {
    const actor = await deps.org.actorFor(db, b.by);
    const community = await deps.org.unitByName(db, deps.config.districtCode, COMMUNITY[b.by]);
    if (!community) continue;
    let place: Pick<BoardBody, 'unitId' | 'location' | 'address'> = { unitId: community.id, address: String(b.at) };
    if (Array.isArray(b.at)) {
      const grids = await deps.org.unitsUnder(db, deps.config.districtCode, community.path, { kind: 'grid_small' });
      const grid = grids.find((g) => !g.retiredAt);
      const boundary = grid ? await deps.org.boundary(db, grid.id) : null;
      if (!boundary) continue;
      const [x0, y0, x1, y1] = bbox(JSON.parse(boundary.geometry) as BoundaryGeometry);
      place = {
        unitId: community.id,
        location: { lng: (x0 + x1) / 2 + (x1 - x0) * b.at[0], lat: (y0 + y1) / 2 + (y1 - y0) * b.at[1] },
        address: null,
      };
    }
    const id = await createBoard(deps, actor, { kind: b.kind, name: b.name, ...place });
    boards++;
    for (const t of b.then ?? []) {
      await changeBoardState(deps, actor, id, { state: t.state, note: t.note });
      changes++;
    }
  }
  return { boards, changes };
}
