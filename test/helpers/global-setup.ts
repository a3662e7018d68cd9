import type { TestProject } from 'vitest/node';

// With TEST_DATABASE_URL, integration tests run on the real PostgreSQL: one migrated template
// database per run, cloned per test file (CREATE DATABASE … TEMPLATE is fast and isolates files).

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide('templateDatabase', null);
    return async () => {};
  }
  const { default: postgres } = await import('postgres');
  const { openDatabase } = await import('../../src/adapters/db/client.js');
  const { runMigrations } = await import('../../src/adapters/db/migrate.js');
  const { silentLogger } = await import('./logs.js');
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `stockpilot_tpl_${process.pid}_${Date.now().toString(36)}`;
  await dropStale(admin);
  await admin.unsafe(`create database "${name}"`);
  const database = await openDatabase(
    { kind: 'postgres', url: withDatabase(url, name), poolMax: 1 },
    silentLogger(),
  );
  await runMigrations(database);
  await database.close();
  project.provide('templateDatabase', name);
  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await dropStale(admin);
    await admin.end();
  };
}

// Databases left by a run that was killed: anything of ours older than an hour.
async function dropStale(admin: import('postgres').Sql): Promise<void> {
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database where datname like 'stockpilot_t%'`;
  const cutoff = Date.now() - 3_600_000;
  for (const { datname } of rows) {
    const stamp = Number.parseInt(datname.split('_').at(-1) ?? '', 36);
    if (Number.isFinite(stamp) && stamp < cutoff) {
      await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => undefined);
    }
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
