import { type Database, openDatabase } from '../adapters/db/client.js';
import { runMigrations } from '../adapters/db/migrate.js';
import { type Config, loadConfig } from '../config.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { createRuntime, type Runtime } from '../main.js';

export type Io = { out: (line: string) => void; err: (line: string) => void };

/** What every command shares: the configuration and logger (made on first use) and a database. */
export type CliContext = {
  io: Io;
  config(): Config;
  log(): Logger;
  /** Opens the database (migrating it when MIGRATE_ON_START allows), runs `fn`, closes it. */
  withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T>;
  /** The whole service wired as `serve` wires it (the demo marketplaces too), without listening. */
  withRuntime<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T>;
};

export function createCliContext(
  env: Record<string, string | undefined>,
  io: Io,
  opts: { logToStderr?: boolean } = {},
): CliContext {
  let config: Config | undefined;
  let log: Logger | undefined;
  const ctx: CliContext = {
    io,
    config: () => {
      config ??= loadConfig(env);
      return config;
    },
    log: () => {
      log ??= createLogger({
        level: ctx.config().logLevel,
        pretty: ctx.config().logPretty,
        stderr: opts.logToStderr ?? false,
      });
      return log;
    },
    async withDatabase(fn) {
      const database = await openDatabase(ctx.config().database, ctx.log());
      try {
        if (ctx.config().migrateOnStart) await runMigrations(database);
        return await fn(database);
      } finally {
        await database.close();
      }
    },
    async withRuntime(fn) {
      const runtime = await createRuntime(ctx.config(), ctx.log());
      try {
        return await fn(runtime);
      } finally {
        await runtime.close();
      }
    },
  };
  return ctx;
}
