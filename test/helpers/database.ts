import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/adapters/db/client.js';
import { runMigrations } from '../../src/adapters/db/migrate.js';
import { withDatabase } from './global-setup.js';
import { silentLogger } from './logs.js';

export type TestDatabase = Database & { label: 'postgres' | 'pglite'; drop(): Promise<void> };

/**
 * A migrated, empty database for one test file: a clone of the run's template on the real server
 * when TEST_DATABASE_URL is set, otherwise an in-memory embedded PGlite.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  const url = process.env.TEST_DATABASE_URL;
  if (!template || !url) return openEmbedded();
  const name = `stockpilot_t_${Math.random().toString(36).slice(2, 8)}_${Date.now().toString(36)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${template}"`);
  const database = await openDatabase(
    { kind: 'postgres', url: withDatabase(url, name), poolMax: 5 },
    silentLogger(),
  );
  return {
    ...database,
    label: 'postgres',
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

export async function openEmbedded(): Promise<TestDatabase> {
  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' }, silentLogger());
  await runMigrations(database);
  return { ...database, label: 'pglite', drop: () => database.close() };
}

/** An empty database on the real server (not migrated), or undefined when none is configured. */
export async function openEmptyRealDatabase(): Promise<
  (Database & { drop(): Promise<void>; url: string }) | undefined
> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  const name = `stockpilot_t_empty_${Date.now().toString(36)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const dbUrl = withDatabase(url, name);
  const database = await openDatabase({ kind: 'postgres', url: dbUrl, poolMax: 2 }, silentLogger());
  return {
    ...database,
    url: dbUrl,
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
