import { bbox, type BoundaryGeometry } from '../../../kernel/geo/geojson.js';
import { reportCase } from '../../cases/index.js';
import type { ModuleContext } from '../../module.js';
import { createEventBus } from '../../../kernel/events/events.js';
import { farmlandCaseListener } from '../commands/mark-farmland-case.js';
import { setOccupiedArea } from '../commands/farmland-cases.js';
import { importParcels } from '../commands/import-parcels.js';
import { FARMLAND_CASE_CATEGORY, sideOfGeometry } from '../domain/farmland-rules.js';

/** The demo village (城北's 后湾行政村, the sub-district account chengbei's) and its parcels. */
const VILLAGE = '后湾行政村';

const square = (x: number, y: number, h: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x - h, y - h],
      [x + h, y - h],
      [x + h, y + h],
      [x - h, y + h],
      [x - h, y - h],
    ],
  ],
});

/**
 * Centres of squares of half-size h lying wholly inside the boundary (corners and centre strictly
 * inside), far enough apart not to touch: the synthetic village is a tile of the demo's map.
 */
function freeSpots(village: BoundaryGeometry, h: number, want: number): [number, number][] {
  const [x0, y0, x1, y1] = bbox(village);
  const out: [number, number][] = [];
  const steps = 12;
  for (let i = 1; i < steps && out.length < want; i++)
    for (let j = 1; j < steps && out.length < want; j++) {
      const x = x0 + ((x1 - x0) * i) / steps;
      const y = y0 + ((y1 - y0) * j) / steps;
      const corners: [number, number][] = [
        [x, y],
        [x - h, y - h],
        [x + h, y - h],
        [x + h, y + h],
        [x - h, y + h],
      ];
      if (!corners.every(([a, b]) => sideOfGeometry(village, a, b) > 0)) continue;
      if (out.some(([a, b]) => Math.abs(a - x) < 2.5 * h && Math.abs(b - y) < 2.5 * h)) continue;
      out.push([x, y]);
    }
  return out;
}

/**
 * The demo's farmland: four parcels of 后湾行政村 imported as the sub-district would (two 耕地, one
 * 永久基本农田 inside the first 耕地, one 永久基本农田 on its own), and one 违法占用耕地 case reported
 * inside the protected parcel, which the case rule marks as a farmland case with its occupied area.
 */
export async function seedDemoFarmland(ctx: ModuleContext, now: Date): Promise<Record<string, number>> {
  void now;
  const db = ctx.database.db;
  const village = await ctx.org.unitByName(db, ctx.config.districtCode, VILLAGE);
  const boundary = village ? await ctx.org.boundary(db, village.id) : null;
  if (!village || !boundary) return { parcels: 0, farmlandCases: 0 };
  const geom = JSON.parse(boundary.geometry) as BoundaryGeometry;
  const [x0, , x1] = bbox(geom);
  const h = (x1 - x0) / 16;
  const spots = freeSpots(geom, h, 3);
  if (spots.length < 3) return { parcels: 0, farmlandCases: 0 };
  const actor = await ctx.org.actorFor(db, 'chengbei');
  const [a, b, c] = spots;
  const features = [
    { properties: { kind: '耕地', code: '411602-HW-0001', name: '后湾东地' }, geometry: square(a[0], a[1], h) },
    {
      properties: { kind: '永久基本农田', code: '411602-HW-JB01', name: '后湾东地保护片' },
      geometry: square(a[0], a[1], h / 2),
    },
    { properties: { kind: '耕地', code: '411602-HW-0002', name: '后湾北地' }, geometry: square(b[0], b[1], h) },
    { properties: { kind: '永久基本农田', code: '411602-HW-JB02', name: '后湾西洼' }, geometry: square(c[0], c[1], h) },
  ];
  const imported = await importParcels(ctx, actor, village.id, features);
  // Listeners join the app's bus only when it is built, after the demo: the case rule is put on a bus of its own.
  const events = createEventBus();
  events.on('case.reported', farmlandCaseListener(ctx));
  const caseId = await reportCase({ ...ctx, events }, actor, {
    categoryCode: FARMLAND_CASE_CATEGORY,
    description: '后湾东地永久基本农田内有人倾倒建筑垃圾、搭建简易棚房，疑似违法占用耕地',
    location: { lng: a[0] + h / 8, lat: a[1] + h / 8 },
  });
  const marked = await db.selectFrom('farmland_cases').select('case_id').where('case_id', '=', caseId).execute();
  // The sub-district measured the occupied strip on site.
  if (marked.length) await setOccupiedArea(ctx, actor, caseId, 0.8);
  return { parcels: imported.imported, farmlandCases: marked.length };
}
