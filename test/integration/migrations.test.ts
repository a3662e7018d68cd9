import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/adapters/db/client.js';
import { findMigrationsFolder, migrationsUpToDate, runMigrations } from '../../src/adapters/db/migrate.js';
import * as schema from '../../src/adapters/db/schema/index.js';
import { openEmbedded, openEmptyRealDatabase } from '../helpers/database.js';

const TABLES = [
  'alerts',
  'api_tokens',
  'audit_log',
  'chat_bindings',
  'chat_updates',
  'chat_users',
  'companies',
  'daily_sales',
  'daily_sales_pending',
  'forecasts',
  'job_queue',
  'job_runs',
  'link_codes',
  'marketplace_accounts',
  'notification_outbox',
  'orders',
  'products',
  'purchase_order_lines',
  'purchase_orders',
  'recommendations',
  'silences',
  'stock_snapshots',
  'suppliers',
  'supplies',
  'sync_runs',
  'warehouses',
];

const real = await openEmptyRealDatabase();
const embedded = await openEmbedded();
afterAll(async () => {
  await real?.drop();
  await embedded.drop();
});

describe.each([
  ['embedded PGlite', embedded],
  ['real PostgreSQL', real],
])('migrations on %s', (_name, database) => {
  it.skipIf(!database)(
    'apply to an empty database, create every table, and a second run applies nothing',
    async () => {
      if (!database) return;
      if (database.kind === 'postgres') {
        expect(await migrationsUpToDate(database.db)).toBe(false);
        const first = await runMigrations(database);
        expect(first.applied.length).toBe(first.total);
      }
      const second = await runMigrations(database);
      expect(second.applied).toEqual([]);
      expect(await migrationsUpToDate(database.db)).toBe(true);
      const tables = rowsOf<{ table_name: string }>(
        await database.db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
        ),
      ).map((r) => r.table_name);
      expect(tables).toEqual(TABLES);
    },
  );
});

describe('schema and migrations/', () => {
  it('agree: generating again from the schema yields no statement', async () => {
    const folder = findMigrationsFolder();
    const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { idx: number }[];
    };
    const last = journal.entries.at(-1);
    expect(last).toBeDefined();
    const snapshotFile = join(folder, 'meta', `${String(last?.idx).padStart(4, '0')}_snapshot.json`);
    const previous = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    const current = generateDrizzleJson(schema as Record<string, unknown>, previous.id);
    expect(await generateMigration(previous, current)).toEqual([]);
  });
});
