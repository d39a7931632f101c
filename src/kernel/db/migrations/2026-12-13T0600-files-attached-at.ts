import type { Kysely } from 'kysely';

// Frozen in time: never edit after it lands; add a new migration instead.
//
// Issue 16, item 6. files.attached_at: when the uploader first attached the file to a record (a
// case, a visit, an inspection, a board …); null while it is a pending upload. Pending uploads older
// than CIVICGRID_UPLOAD_PENDING_HOURS are pruned and count against CIVICGRID_UPLOAD_PENDING_MB.
// Files uploaded before this migration cannot be told apart (most modules keep their own link
// tables), so all of them count as attached: none is pruned.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('files').addColumn('attached_at', 'varchar(30)').execute();
  await db
    .updateTable('files')
    .set((eb) => ({ attached_at: eb.ref('uploaded_at') }))
    .execute();
  await db.schema
    .createIndex('files_pending')
    .on('files')
    .columns(['attached_at', 'uploaded_by', 'uploaded_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('files_pending').execute();
  await db.schema.alterTable('files').dropColumn('attached_at').execute();
}
