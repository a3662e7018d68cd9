import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { projectRoot } from '../../lib/project-root.js';
import { type Database, type Db, rowsOf } from './client.js';

// Any number for pg_advisory_lock, fixed so that every instance contends for the same one.
const MIGRATION_LOCK = 7_432_001;

export function findMigrationsFolder(): string {
  return join(projectRoot(), 'migrations');
}

type Journal = { entries: { idx: number; when: number; tag: string }[] };

function readJournal(folder: string): Journal {
  return JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

export type MigrationResult = { applied: string[]; total: number };

/**
 * Applies pending migrations; a second run applies none. On PostgreSQL it holds an advisory lock
 * on its own connection so several instances starting together migrate once.
 */
export async function runMigrations(
  database: Database,
  folder = findMigrationsFolder(),
): Promise<MigrationResult> {
  const journal = readJournal(folder);
  const driver = database.driver;
  if (driver.kind === 'pglite') {
    const before = await appliedCount(database.db);
    await migratePglite(database.db as never, { migrationsFolder: folder });
    return summarise(journal, before);
  }
  const conn = postgres(driver.url, { max: 1, onnotice: () => {} });
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK})`;
    const db = drizzlePostgres(conn) as unknown as Db;
    const before = await appliedCount(db);
    await migratePostgres(db as never, { migrationsFolder: folder });
    return summarise(journal, before);
  } finally {
    await conn`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => undefined);
    await conn.end({ timeout: 5 });
  }
}

/** True when every migration in migrations/ has been applied: what /readyz checks. */
export async function migrationsUpToDate(db: Db, folder = findMigrationsFolder()): Promise<boolean> {
  const last = readJournal(folder).entries.at(-1);
  if (!last) return true;
  try {
    const rows = rowsOf<{ latest: string | number | null }>(
      await db.execute(sql`select max(created_at) as latest from drizzle.__drizzle_migrations`),
    );
    return Number(rows[0]?.latest ?? 0) >= last.when;
  } catch {
    return false;
  }
}

async function appliedCount(db: Db): Promise<number> {
  try {
    const rows = rowsOf<{ n: string | number }>(
      await db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`),
    );
    return Number(rows[0]?.n ?? 0);
  } catch {
    return 0;
  }
}

function summarise(journal: Journal, before: number): MigrationResult {
  return { applied: journal.entries.slice(before).map((e) => e.tag), total: journal.entries.length };
}
