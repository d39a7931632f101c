import type { Dialect, Executor } from '../../../kernel/db/db.js';
import { containsText, startsWith } from '../../../kernel/db/dialect.js';
import type { BoardEventTable, BoardTable } from '../../../kernel/db/schema.js';

export interface BoardFilter {
  districtCode: string;
  path: string;
  kind?: string;
  state?: string;
  q?: string;
}

/** Boards and their history: queries only. */
export const boardStore = {
  async insert(ex: Executor, row: BoardTable, event: BoardEventTable): Promise<void> {
    await ex.insertInto('boards').values(row).execute();
    await ex.insertInto('board_events').values(event).execute();
  },
  async update(ex: Executor, id: string, set: Partial<BoardTable>): Promise<void> {
    await ex.updateTable('boards').set(set).where('id', '=', id).execute();
  },
  async insertEvent(ex: Executor, event: BoardEventTable): Promise<void> {
    await ex.insertInto('board_events').values(event).execute();
  },
  async findById(ex: Executor, id: string): Promise<BoardTable | undefined> {
    return ex.selectFrom('boards').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async list(ex: Executor, dialect: Dialect, f: BoardFilter): Promise<BoardTable[]> {
    let q = ex
      .selectFrom('boards')
      .selectAll()
      .where('district_code', '=', f.districtCode)
      .where(startsWith('unit_path', f.path));
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.state) q = q.where('state', '=', f.state);
    if (f.q) {
      const text = f.q;
      q = q.where((eb) => eb.or([containsText(dialect, 'name', text), containsText(dialect, 'address', text)]));
    }
    return q.orderBy('unit_path').orderBy('name').limit(2000).execute();
  },
  async events(ex: Executor, boardId: string): Promise<BoardEventTable[]> {
    return ex
      .selectFrom('board_events')
      .selectAll()
      .where('board_id', '=', boardId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },
  /** Replacements under a path in [from, to). */
  async countReplaced(ex: Executor, districtCode: string, path: string, from: string, to: string): Promise<number> {
    const r = await ex
      .selectFrom('board_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('district_code', '=', districtCode)
      .where('replaced', '=', 1)
      .where('at', '>=', from)
      .where('at', '<', to)
      .where(startsWith('unit_path', path))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** Boards under a path now by unit path and state (the dashboard's 完好率, one query for all areas). */
  async statesByPath(ex: Executor, districtCode: string, path: string) {
    const rows = await ex
      .selectFrom('boards')
      .select(['unit_path', 'state', (eb) => eb.fn.countAll().as('n')])
      .where('district_code', '=', districtCode)
      .where(startsWith('unit_path', path))
      .groupBy(['unit_path', 'state'])
      .execute();
    return rows.map((r) => ({ path: r.unit_path, state: r.state, n: Number(r.n) }));
  },
  /** Replacements under a path in [from, to) by unit path: countReplaced's rule, grouped. */
  async replacedByPath(ex: Executor, districtCode: string, path: string, from: string, to: string) {
    const rows = await ex
      .selectFrom('board_events')
      .select(['unit_path', (eb) => eb.fn.countAll().as('n')])
      .where('district_code', '=', districtCode)
      .where('replaced', '=', 1)
      .where('at', '>=', from)
      .where('at', '<', to)
      .where(startsWith('unit_path', path))
      .groupBy('unit_path')
      .execute();
    return rows.map((r) => ({ path: r.unit_path, n: Number(r.n) }));
  },
  /** The latest replacements under a path in [from, to) with their boards: countReplaced's rule, listed. */
  async replacedList(ex: Executor, districtCode: string, path: string, from: string, to: string, limit: number) {
    return ex
      .selectFrom('board_events as e')
      .innerJoin('boards as b', 'b.id', 'e.board_id')
      .select([
        'e.id',
        'e.board_id',
        'e.at',
        'e.actor_name',
        'e.photo_id',
        'e.note',
        'b.kind',
        'b.name',
        'b.unit_id',
        'b.address',
      ])
      .where('e.district_code', '=', districtCode)
      .where('e.replaced', '=', 1)
      .where('e.at', '>=', from)
      .where('e.at', '<', to)
      .where(startsWith('e.unit_path', path))
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .execute();
  },
  /** The boards whose current photo or history holds the file (the files module's access check). */
  async boardIdsOfFile(ex: Executor, fileId: string): Promise<string[]> {
    const a = await ex.selectFrom('boards').select('id').where('photo_id', '=', fileId).execute();
    const b = await ex.selectFrom('board_events').select('board_id as id').where('photo_id', '=', fileId).execute();
    return [...new Set([...a, ...b].map((r) => r.id))];
  },
};
