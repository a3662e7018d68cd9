import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Logger } from '../../lib/logger.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** A database or a transaction: query functions take either (STYLE.md rule 8). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolMax: number }
  | { kind: 'pglite'; dataDir: string };

export type Database = {
  readonly db: Db;
  readonly kind: DatabaseTarget['kind'];
  /** The raw connection, for the migrator and the job queue; nothing else should need it. */
  readonly driver: { kind: 'postgres'; sql: postgres.Sql; url: string } | { kind: 'pglite'; pg: PGlite };
  ping(): Promise<void>;
  close(): Promise<void>;
};

/** postgres.js when a URL is configured; otherwise PGlite in a local folder (or memory:// in tests). */
export async function openDatabase(target: DatabaseTarget, log: Logger): Promise<Database> {
  if (target.kind === 'postgres') {
    const client = postgres(target.url, {
      max: target.poolMax,
      onnotice: (n) => log.debug({ notice: n.message }, 'postgres notice'),
      connection: { application_name: 'stockpilot' },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      driver: { kind: 'postgres', sql: client, url: target.url },
      ping: async () => {
        await client`select 1`;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (!target.dataDir.startsWith('memory://')) mkdirSync(target.dataDir, { recursive: true });
  const pg = await PGlite.create(target.dataDir);
  const db = drizzlePglite(pg, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    driver: { kind: 'pglite', pg },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pg.close(),
  };
}

/** postgres.js returns an array of rows, PGlite `{ rows }`: one shape for callers of db.execute. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** The row count of a write, as either driver reports it. */
export function affectedRows(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return Number(r.count ?? r.affectedRows ?? 0);
}
