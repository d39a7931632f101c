import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

// Frozen in time: never edit after it lands; add a new migration instead.
// Full-text search over Chinese descriptions: trigrams work without a word segmenter.
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    // pg_trgm is a trusted extension (PostgreSQL 13+); the GIN index serves ILIKE '%…%' of 3+ characters.
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`.execute(db);
    await sql`CREATE INDEX cases_description_trgm ON cases USING gin (description public.gin_trgm_ops)`.execute(db);
    await sql`CREATE INDEX cases_address_trgm ON cases USING gin (address public.gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE cases_fts USING fts5(description, address, content='cases', content_rowid='rowid', tokenize='trigram')`.execute(db);
  await sql`CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts(rowid, description, address) VALUES (new.rowid, new.description, new.address); END`.execute(db);
  await sql`CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, description, address) VALUES ('delete', old.rowid, old.description, old.address); END`.execute(db);
  await sql`CREATE TRIGGER cases_fts_au AFTER UPDATE OF description, address ON cases BEGIN
    INSERT INTO cases_fts(cases_fts, rowid, description, address) VALUES ('delete', old.rowid, old.description, old.address);
    INSERT INTO cases_fts(rowid, description, address) VALUES (new.rowid, new.description, new.address); END`.execute(db);
  await sql`INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`DROP INDEX cases_description_trgm`.execute(db);
    await sql`DROP INDEX cases_address_trgm`.execute(db);
    return;
  }
  for (const t of ['cases_fts_ai', 'cases_fts_ad', 'cases_fts_au']) await sql`DROP TRIGGER ${sql.raw(t)}`.execute(db);
  await sql`DROP TABLE cases_fts`.execute(db);
}
