import type { Executor } from '../../../kernel/db/db.js';
import type { ProposalReminderTable } from '../../../kernel/db/schema.js';

/** Overdue reminders sent, one row per subject, item and deadline. */
export const reminderStore = {
  /**
   * Claims the reminder of one item for one deadline. The primary key makes the claim: a second process
   * inserting the same key waits for the first transaction and then inserts nothing, so only the
   * transaction whose insert took sends the messages written beside it.
   */
  async claim(ex: Executor, row: ProposalReminderTable): Promise<boolean> {
    const r = await ex
      .insertInto('proposal_reminders')
      .values(row)
      .onConflict((oc) => oc.columns(['subject_id', 'item', 'deadline']).doNothing())
      .returning('subject_id')
      .executeTakeFirst();
    return r !== undefined;
  },
  /** Keys already reminded among some subjects: `${subjectId} ${item} ${deadline}`. */
  async remindedKeys(ex: Executor, subjectIds: string[]): Promise<Set<string>> {
    const keys = new Set<string>();
    for (let i = 0; i < subjectIds.length; i += 500) {
      const rows = await ex
        .selectFrom('proposal_reminders')
        .select(['subject_id', 'item', 'deadline'])
        .where('subject_id', 'in', subjectIds.slice(i, i + 500))
        .execute();
      for (const r of rows) keys.add(`${r.subject_id} ${r.item} ${r.deadline}`);
    }
    return keys;
  },
};
