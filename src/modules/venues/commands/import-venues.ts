import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { recordAudit } from '../../../kernel/audit/audit.js';
import { Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { cellField, readSheet, rowProblem } from '../../../kernel/xlsx/read-sheet.js';
import type { XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import type { UnitRef } from '../../org/index.js';
import type { VenuesDeps } from '../deps.js';
import { venueStore } from '../store/venue.store.js';
import { settingList } from './venue-settings.js';

/** The columns of the 场所台账 sheet: one row a venue, placed by its grid or by its coordinates. */
export const VENUE_SHEET_COLUMNS = [
  { header: '场所名称', key: 'name', width: 24, required: true },
  { header: '场所类型', key: 'type', width: 12, required: true },
  { header: '网格', key: 'grid', width: 22 },
  { header: '经度', key: 'lng', width: 12 },
  { header: '纬度', key: 'lat', width: 12 },
  { header: '地址', key: 'address', width: 30, required: true },
  { header: '负责人', key: 'ownerName', width: 10, required: true },
  { header: '联系电话', key: 'ownerPhone', width: 14, required: true },
] as const;
type Key = (typeof VENUE_SHEET_COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(VENUE_SHEET_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;
export const VENUE_IMPORT_MAX_ROWS = 2000;
const PHONE_RE = /^[0-9+\-() ]{5,20}$/;
const MAX_LENGTH: Partial<Record<Key, number>> = { name: 100, address: 200, ownerName: 50 };

export function venueSheetTemplate(exampleGrid: string, exampleType: string): XlsxSheet {
  async function* rows() {
    yield {
      name: '德化街便民超市',
      type: exampleType,
      grid: exampleGrid,
      lng: '',
      lat: '',
      address: '德化街18号',
      ownerName: '王建国',
      ownerPhone: '13800000000',
    };
  }
  return {
    sheetName: '场所台账',
    title: '场所台账导入表',
    subtitle:
      '每行一个场所。网格填写小网格名称，或填写经纬度（WGS-84）由系统定位到小网格，两者都填时位置须在该网格内；' +
      '场所类型须为本区在用的类型。同一网格内名称和地址都相同的场所视为已登记，不会重复导入',
    columns: VENUE_SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
    rows: rows(),
  };
}

/**
 * Imports a 场所台账 sheet, all or nothing: every row is checked first (type, grid in scope or a point
 * that lies in one, required cells, phone, a venue twice in the sheet), each problem naming its row
 * and column; only a clean sheet is written, in one transaction. A venue already registered on the
 * same grid with the same name and address is left as it is, so importing a sheet twice adds nothing.
 */
export async function importVenues(deps: VenuesDeps, actor: Actor, buffer: Buffer, requestId?: string) {
  authorize(actor, 'venue.write');
  const rows = await readSheet(buffer, VENUE_SHEET_COLUMNS, { marker: '场所名称', maxRows: VENUE_IMPORT_MAX_ROWS });
  const db = deps.database.db;
  const types = new Map(
    (await settingList(db, 'types', actor.districtCode)).filter((t) => t.active).map((t) => [t.name, t.code]),
  );
  const grids = new Map<string, UnitRef | null>();
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  const parsed: {
    row: number;
    c: Record<Key, string>;
    typeCode: string;
    grid: UnitRef;
    point: { lng: number; lat: number } | null;
  }[] = [];
  // Locating reads the in-memory index, outside any transaction (on SQLite it holds the connection).
  for (const { rowNumber: row, cells: c } of rows) {
    const bad = (key: Key, of: string, params: Record<string, string> = {}) =>
      problems.push(rowProblem(cellField(row, HEADER[key]), row, of, params));
    for (const col of VENUE_SHEET_COLUMNS)
      if ('required' in col && !c[col.key]) bad(col.key, 'import.cell_required', { column: col.header });
    for (const [key, max] of Object.entries(MAX_LENGTH) as [Key, number][])
      if (c[key].length > max) bad(key, 'import.cell_too_long', { max: String(max) });
    if (c.ownerPhone && !PHONE_RE.test(c.ownerPhone)) bad('ownerPhone', 'import.phone_format');
    const typeCode = c.type ? types.get(c.type) : undefined;
    if (c.type && !typeCode) bad('type', 'venue.type_unknown');
    let grid: UnitRef | null = null;
    if (c.grid) {
      if (!grids.has(c.grid)) {
        const u = await deps.org.unitByName(db, actor.districtCode, c.grid);
        grids.set(c.grid, u && u.kind === 'grid_small' && u.status === 'active' && inScope(actor, u.path) ? u : null);
      }
      grid = grids.get(c.grid) ?? null;
      if (!grid) bad('grid', 'import.grid_unknown', { name: c.grid });
    }
    let point: { lng: number; lat: number } | null = null;
    if (c.lng || c.lat) {
      const lng = Number(c.lng);
      const lat = Number(c.lat);
      if (!c.lng || !Number.isFinite(lng) || lng < -180 || lng > 180) bad('lng', 'import.coordinate_format');
      else if (!c.lat || !Number.isFinite(lat) || lat < -90 || lat > 90) bad('lat', 'import.coordinate_format');
      else {
        const located = await deps.org.locate(db, lng, lat, 'wgs84');
        if (!located.grid) bad('lng', 'venue.point_outside_grids');
        else if (grid && located.grid.id !== grid.id) bad('lng', 'venue.point_not_in_grid');
        else if (!inScope(actor, located.grid.path)) bad('lng', 'venue.grid_out_of_scope');
        else {
          grid = located.grid;
          point = { lng: located.lng, lat: located.lat };
        }
      }
    } else if (!c.grid) bad('grid', 'venue.place_required');
    if (grid && c.name && c.address) {
      const key = `${grid.id}\u0000${c.name}\u0000${c.address}`;
      const first = seen.get(key);
      if (first !== undefined) bad('name', 'import.venue_repeated', { first: String(first) });
      else seen.set(key, row);
    }
    if (grid && typeCode) parsed.push({ row, c, typeCode, grid, point });
  }
  if (problems.length) throw new Invalid('venue.import_invalid', problems[0]!.message, problems);

  const now = deps.clock.now();
  return db.transaction().execute(async (trx) => {
    const existing = new Set(
      (await venueStore.byNames(trx, actor.districtCode, [...new Set(parsed.map((p) => p.c.name))])).map(
        (v) => `${v.grid_id}\u0000${v.name}\u0000${v.address}`,
      ),
    );
    let created = 0;
    let unchanged = 0;
    for (const p of parsed) {
      if (existing.has(`${p.grid.id}\u0000${p.c.name}\u0000${p.c.address}`)) {
        unchanged++;
        continue;
      }
      await venueStore.insert(trx, {
        id: newId(now.getTime()),
        district_code: actor.districtCode,
        name: p.c.name,
        type_code: p.typeCode,
        address: p.c.address,
        owner_name: p.c.ownerName,
        owner_phone: p.c.ownerPhone,
        lng: p.point?.lng ?? null,
        lat: p.point?.lat ?? null,
        grid_id: p.grid.id,
        grid_path: p.grid.path,
        status: 'open',
        created_by: actor.accountId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      created++;
    }
    await recordAudit(trx, {
      actor,
      action: 'venue.import',
      entityType: 'venue',
      entityId: null,
      at: now,
      requestId,
      summary: `导入场所台账：新登记 ${created} 个，已登记 ${unchanged} 个`,
    });
    return { created, unchanged };
  });
}
