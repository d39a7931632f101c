import type { Executor } from '../../../kernel/db/db.js';
import type { InstructionOwnerTable, InstructionTable } from '../../../kernel/db/schema.js';

export interface StoredInstruction {
  row: InstructionTable;
  owners: InstructionOwnerTable[];
}

/** Leaders' instructions and their owner units. Append-only: nothing here edits or deletes an instruction. */
export const instructionStore = {
  async insert(ex: Executor, row: InstructionTable, owners: InstructionOwnerTable[]): Promise<void> {
    await ex.insertInto('instructions').values(row).execute();
    if (owners.length) await ex.insertInto('instruction_owners').values(owners).execute();
  },
  async findById(ex: Executor, id: string): Promise<StoredInstruction | undefined> {
    const row = await ex.selectFrom('instructions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return { row, owners: await ownersOf(ex, [id]) };
  },
  /** The instructions on one record, oldest first, with their owners. */
  async forTarget(ex: Executor, kind: string, targetId: string): Promise<StoredInstruction[]> {
    const rows = await ex
      .selectFrom('instructions')
      .selectAll()
      .where('target_kind', '=', kind)
      .where('target_id', '=', targetId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const owners = await ownersOf(
      ex,
      rows.map((r) => r.id),
    );
    return rows.map((row) => ({ row, owners: owners.filter((o) => o.instruction_id === row.id) }));
  },
  /** Records an owner unit's answer unless it has answered already; false when it had. */
  async reply(
    ex: Executor,
    instructionId: string,
    unitId: string,
    r: { content: string; by: string; byName: string; at: Date },
  ): Promise<boolean> {
    const res = await ex
      .updateTable('instruction_owners')
      .set({ reply: r.content, replied_by: r.by, replied_by_name: r.byName, replied_at: r.at.toISOString() })
      .where('instruction_id', '=', instructionId)
      .where('unit_id', '=', unitId)
      .where('replied_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
};

async function ownersOf(ex: Executor, ids: string[]): Promise<InstructionOwnerTable[]> {
  if (!ids.length) return [];
  return ex
    .selectFrom('instruction_owners')
    .selectAll()
    .where('instruction_id', 'in', ids)
    .orderBy('instruction_id')
    .orderBy('seq')
    .execute();
}
