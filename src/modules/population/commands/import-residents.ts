import { authorize, inScope, type Actor } from '../../../kernel/auth/actor.js';
import { localDateOf } from '../../../kernel/calendar/dates.js';
import { DomainError, Invalid, type FieldProblem } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { cellField, readSheet, rowProblem } from '../../../kernel/xlsx/read-sheet.js';
import type { XlsxSheet } from '../../../kernel/xlsx/stream-xlsx.js';
import {
  HOUSEHOLD_RELATION_NAMES,
  RESIDENCE_KIND_NAMES,
  type HouseholdRelation,
  type ResidenceKind,
} from '../../../contracts/population.js';
import type { PopulationDeps } from '../deps.js';
import { checkIdNumber } from '../domain/id-number.js';
import { placeStore } from '../store/place.store.js';
import { residentStore } from '../store/resident.store.js';
import { registerResidentIn } from './register-resident.js';

/** The columns of the 居民台账 sheet: one row a person, with the door they live behind. */
export const RESIDENT_SHEET_COLUMNS = [
  { header: '网格', key: 'grid', width: 22, required: true },
  { header: '楼栋', key: 'building', width: 18 },
  { header: '门牌', key: 'address', width: 30, required: true },
  { header: '姓名', key: 'name', width: 10, required: true },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '电话', key: 'phone', width: 14 },
  { header: '与户主关系', key: 'relation', width: 10 },
  { header: '人口类型', key: 'kind', width: 10 },
  { header: '标签', key: 'tags', width: 20 },
  { header: '备注', key: 'note', width: 24 },
] as const;
type Key = (typeof RESIDENT_SHEET_COLUMNS)[number]['key'];
const HEADER: Record<Key, string> = Object.fromEntries(RESIDENT_SHEET_COLUMNS.map((c) => [c.key, c.header])) as Record<
  Key,
  string
>;
export const RESIDENT_IMPORT_MAX_ROWS = 5000;

const byName = <T extends string>(names: Record<T, string>) =>
  new Map(Object.entries(names).map(([code, name]) => [name as string, code as T]));
const RELATIONS = byName<HouseholdRelation>(HOUSEHOLD_RELATION_NAMES);
const KINDS = byName<ResidenceKind>(RESIDENCE_KIND_NAMES);

export function residentSheetTemplate(exampleGrid: string): XlsxSheet {
  const examples: Record<Key, string>[] = [
    {
      grid: exampleGrid,
      building: '金海路12号院3号楼',
      address: '金海路12号院3号楼2单元301',
      name: '张丽华',
      idNumber: '',
      phone: '',
      relation: '户主',
      kind: '户籍人口',
      tags: '留守老人',
      note: '',
    },
  ];
  async function* rows() {
    for (const e of examples) yield e;
  }
  return {
    sheetName: '居民台账',
    title: '居民台账导入表',
    subtitle:
      '每行一人；同一网格同一门牌为一户。网格填写小网格名称；与户主关系：户主、配偶、子女、父母、孙辈、兄弟姐妹、其他；' +
      '人口类型：户籍人口、常住人口、流动人口（空为常住人口）；标签用顿号分隔。身份证号相同的人员自动合并，不会重复登记',
    columns: RESIDENT_SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
    rows: rows(),
  };
}

/**
 * Imports a 居民台账 sheet, all or nothing: every row is checked first (grid in scope, ID number,
 * phone, relation, 人口类型, tags, an ID number twice in the sheet), every problem naming its row and
 * column; only a clean sheet is written, in one transaction — doors and buildings found or made,
 * each person registered as the form would (merged by ID number, never duplicated).
 */
export async function importResidents(deps: PopulationDeps, actor: Actor, buffer: Buffer, requestId?: string) {
  authorize(actor, 'resident.write');
  const rows = await readSheet(buffer, RESIDENT_SHEET_COLUMNS, { marker: '姓名', maxRows: RESIDENT_IMPORT_MAX_ROWS });
  const db = deps.database.db;
  const today = localDateOf(deps.clock.now());
  const problems: FieldProblem[] = [];
  const grids = new Map<string, { id: string; path: string } | null>();
  const tags = new Map(
    (await residentStore.tags(db, actor.districtCode)).filter((t) => t.active).map((t) => [t.name, t.code]),
  );
  const seen = new Map<string, number>();
  const parsed: {
    row: number;
    grid: { id: string; path: string };
    c: Record<Key, string>;
    relation: HouseholdRelation | null;
    kind: ResidenceKind;
    tags: string[];
  }[] = [];
  for (const { rowNumber: row, cells: c } of rows) {
    const bad = (key: Key, of: string, params: Record<string, string> = {}) =>
      problems.push(rowProblem(cellField(row, HEADER[key]), row, of, params));
    if (!grids.has(c.grid)) {
      const u = c.grid ? await deps.org.unitByName(db, actor.districtCode, c.grid) : null;
      grids.set(c.grid, u && u.kind === 'grid_small' && inScope(actor, u.path) ? { id: u.id, path: u.path } : null);
    }
    const grid = grids.get(c.grid);
    if (!grid) bad('grid', 'import.grid_unknown', { name: c.grid });
    if (!c.address) bad('address', 'import.cell_required', { column: HEADER.address });
    else if (c.address.length > 200) bad('address', 'import.cell_too_long', { max: '200' });
    if (!c.name) bad('name', 'import.cell_required', { column: HEADER.name });
    else if (c.name.length > 50) bad('name', 'import.cell_too_long', { max: '50' });
    if (c.idNumber) {
      const check = checkIdNumber(c.idNumber, today);
      if (!check.ok) bad('idNumber', `resident.id_${check.problem}`);
      else if (seen.has(check.idNumber))
        bad('idNumber', 'import.id_repeated', { first: String(seen.get(check.idNumber)) });
      else seen.set(check.idNumber, row);
    }
    if (c.phone && !/^[0-9+\-() ]{5,20}$/.test(c.phone)) bad('phone', 'import.phone_format');
    const relation = c.relation ? (RELATIONS.get(c.relation) ?? null) : null;
    if (c.relation && !relation) bad('relation', 'import.relation_unknown', { value: c.relation });
    const kind = c.kind ? KINDS.get(c.kind) : 'resident';
    if (!kind) bad('kind', 'import.kind_unknown', { value: c.kind });
    const tagCodes: string[] = [];
    for (const name of c.tags.split(/[、,，;；\s]+/).filter(Boolean)) {
      const code = tags.get(name);
      if (!code) bad('tags', 'resident.tag_unknown', { tag: name });
      else tagCodes.push(code);
    }
    if (c.note.length > 500) bad('note', 'import.cell_too_long', { max: '500' });
    if (grid && kind) parsed.push({ row, grid, c, relation, kind, tags: tagCodes });
  }
  if (problems.length) throw new Invalid('population.import_invalid', problems[0]!.message, problems);

  const now = deps.clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const counts = { households: 0, residents: 0, merged: 0, reviews: 0 };
    for (const p of parsed) {
      let buildingId: string | null = null;
      if (p.c.building) {
        const b = await placeStore.buildingByName(trx, p.grid.id, p.c.building);
        buildingId = b?.id ?? newId(Date.parse(now));
        if (!b)
          await placeStore.insertBuilding(trx, {
            id: buildingId,
            district_code: actor.districtCode,
            grid_id: p.grid.id,
            grid_path: p.grid.path,
            name: p.c.building,
            address: null,
            lng: null,
            lat: null,
            created_by: actor.accountId,
            created_at: now,
            updated_at: now,
          });
      }
      let household = await placeStore.byAddress(trx, p.grid.id, p.c.address);
      if (!household) {
        household = {
          id: newId(Date.parse(now)),
          district_code: actor.districtCode,
          grid_id: p.grid.id,
          grid_path: p.grid.path,
          building_id: buildingId,
          address: p.c.address,
          note: null,
          lng: null,
          lat: null,
          status: 'active',
          created_by: actor.accountId,
          created_at: now,
          updated_at: now,
        };
        await placeStore.insertHousehold(trx, household);
        counts.households++;
      }
      try {
        const r = await registerResidentIn(
          deps,
          trx,
          actor,
          {
            name: p.c.name,
            idNumber: p.c.idNumber || null,
            phone: p.c.phone || null,
            householdId: household.id,
            relation: p.relation,
            residenceKind: p.kind,
            tags: p.tags,
            note: p.c.note || null,
          },
          { requestId },
        );
        if (r.outcome === 'created') counts.residents++;
        else if (r.outcome === 'merged') counts.merged++;
        else counts.reviews++;
      } catch (err) {
        // A rule only the write can see (a second 户主 at one door): named at its row.
        if (err instanceof DomainError && err.kind === 'invalid') {
          const first = err.errors?.[0];
          const column = first?.field === 'relation' ? HEADER.relation : HEADER.name;
          throw new Invalid('population.import_invalid', err.message, [
            rowProblem(cellField(p.row, column), p.row, first?.code ?? err.code),
          ]);
        }
        throw err;
      }
    }
    return counts;
  });
}
